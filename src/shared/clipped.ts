/**
 * A text of at most `limit` characters: one longer is cut, its last place taken by "…". Every
 * quote of a value and echo of a server's words goes through it. Not between the two halves of a
 * character outside the BMP (an emoji, a CJK extension): a lone half showed as "�" (review).
 */
export const clipped = (text: string, limit: number): string => (text.length > limit ? `${text.slice(0, limit - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : text);
