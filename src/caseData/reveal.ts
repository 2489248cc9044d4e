// Scrolling the grid itself, never what is around it: `scrollIntoView` would scroll every
// scrollable ancestor too, the CRM's page included when it embeds the panel same-origin,
// and here the cause can be a notification or a resize, not the agent.

/** The grid's visible band for rows, in viewport coordinates: below its sticky header row. */
function bandOf(grid: HTMLElement): { top: number; bottom: number } {
  const inner = grid.getBoundingClientRect().top + grid.clientTop;
  const header = grid.querySelector('[role="rowgroup"]')?.getBoundingClientRect().height ?? 0;
  return { top: inner + header, bottom: inner + grid.clientHeight };
}

/** Scrolls `grid` by the least amount that shows `element` (its top, if it is taller than the view). */
export function revealInGrid(grid: HTMLElement, element: Element): void {
  const band = bandOf(grid);
  const box = element.getBoundingClientRect();
  if (box.bottom > band.bottom) grid.scrollTop += Math.min(box.bottom - band.bottom, box.top - band.top);
  else if (box.top < band.top) grid.scrollTop -= band.top - box.top;
}

/**
 * After the grid got shorter (it was `heightBefore` tall): the focused cell, if it was in
 * view before and is not now, is brought back. One the agent had scrolled away from stays.
 */
export function keepFocusInView(grid: HTMLElement, heightBefore: number): void {
  const focused = document.activeElement;
  if (!focused || !grid.contains(focused)) return;
  const band = bandOf(grid);
  const box = focused.getBoundingClientRect();
  const wasShown = box.top >= band.top && box.bottom <= band.bottom - grid.clientHeight + heightBefore;
  if (wasShown) revealInGrid(grid, focused);
}
