// The arithmetic of the row window, apart from React so it can be checked on its own.

/** Rows rendered beyond the visible ones, so fast scrolling does not show blanks. */
export const OVERSCAN = 8;
/** --cdp-row-height's default, 2rem. */
export const FALLBACK_ROW_HEIGHT = 32;
/**
 * Before the first measure the grid's height is a guess: caseData.css caps it at 70vh, so
 * that many rows is the most the first paint can show. The first render draws those and
 * half the overscan, not more: rows below the fold cost the first paint and show nothing.
 */
export const guessedHeight = () => Math.round((window.innerHeight || 860) * 0.7);
export const firstGuess = (): Viewport => ({ top: 0, height: guessedHeight(), rowHeight: FALLBACK_ROW_HEIGHT, measured: false });

export type Viewport = { readonly top: number; readonly height: number; readonly rowHeight: number; readonly measured: boolean };

export const marginOf = (viewport: Viewport) => (viewport.measured ? OVERSCAN : OVERSCAN / 2);

/** The furthest the content (the header row and `count` rows) can be scrolled. */
const lastTopOf = (viewport: Viewport, count: number) => Math.max(0, (count + 1) * viewport.rowHeight - viewport.height);

/** The rows on screen for a viewport, plus `margin` rows on either side. */
export function rowsAround(viewport: Viewport, count: number, margin: number): { start: number; end: number } {
  // Scrolled past the end of fewer rows (a filter typed far down, keys removed): the last
  // rows. A window computed from the old position would be empty, its top padding would
  // keep the content tall, and the browser would only clamp the scroll a screen at a time.
  const first = Math.floor(Math.min(viewport.top, lastTopOf(viewport, count)) / viewport.rowHeight);
  const visible = Math.ceil(viewport.height / viewport.rowHeight);
  return { start: Math.max(0, first - margin), end: Math.min(count, first + visible + margin) };
}

/**
 * Whether the rows rendered for `current` still cover what `next` shows, with half the
 * overscan to spare: then a measure needs no render. The first measure usually lands here
 * (the initial guess is taller than the grid), which saves a second render and layout on
 * the way to the first paint; so does most scrolling by a row or two. A kept first guess
 * stays unmeasured, with half the overscan, until a measure no longer fits it: rows below
 * the fold wait for the first real scroll.
 */
function stillCovered(current: Viewport, next: Viewport, count: number): boolean {
  if (current.rowHeight !== next.rowHeight) return false;
  // A kept position past the end covers only through the clamp below; once rows are added
  // again it would stand for rows far from the browser's: take the measured one.
  if (current.top > lastTopOf(current, count)) return false;
  const rendered = rowsAround(current, count, marginOf(current));
  const needed = rowsAround(next, count, OVERSCAN / 2);
  return needed.start >= rendered.start && needed.end <= rendered.end;
}

/** The viewport to render after a measure: the current one (no render) while it still covers. */
export function afterMeasure(current: Viewport, next: Viewport, count: number): Viewport {
  return stillCovered(current, next, count) ? current : next;
}
