/**
 * A text cut to `limit` characters, marked as cut: every quote of a value and echo of a server's
 * words goes through it. Not between the two halves of a character outside the BMP (an emoji,
 * a CJK extension): a lone half showed as "�" (review).
 */
export const clipped = (text: string, limit: number): string => (text.length > limit ? `${text.slice(0, limit).replace(/[\uD800-\uDBFF]$/, '')}…` : text);
