// Scrolling the grid itself, never what is around it: `scrollIntoView` would scroll every
// scrollable ancestor too, the CRM's page included when it embeds the panel same-origin,
// and here the cause can be a notification or a resize, not the agent. Both cases are
// about what went below the grid's bottom edge.

/** Whether some part of `element` shows in `grid`'s scrolled view. */
export function showsInGrid(grid: HTMLElement, element: Element): boolean {
  const top = grid.getBoundingClientRect().top + grid.clientTop;
  const box = element.getBoundingClientRect();
  return box.bottom > top && box.top < top + grid.clientHeight;
}

/** Scrolls `grid` by the least amount that shows the bottom of `element`. */
function revealInGrid(grid: HTMLElement, element: Element): void {
  const bottom = grid.getBoundingClientRect().top + grid.clientTop + grid.clientHeight;
  const below = element.getBoundingClientRect().bottom - bottom;
  if (below > 0) grid.scrollTop += below;
}

/**
 * After the grid got shorter (it was `heightBefore` tall, its top where it was): the
 * focused cell, if it was in view before and is not now, is brought back. One the agent
 * had scrolled away from stays where it is.
 */
export function keepFocusInView(grid: HTMLElement, heightBefore: number): void {
  const focused = document.activeElement;
  if (!focused || !grid.contains(focused)) return;
  const top = grid.getBoundingClientRect().top + grid.clientTop;
  const box = focused.getBoundingClientRect();
  if (box.top >= top && box.bottom <= top + heightBefore) revealInGrid(grid, focused);
}
