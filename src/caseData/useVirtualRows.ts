import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { afterNextPaint } from '../shared/afterNextPaint';
import { keepFocusInView } from './reveal';
import { afterMeasure, FALLBACK_ROW_HEIGHT, firstGuess, guessedHeight, marginOf, rowsAround, type Viewport } from './rowWindow';

/**
 * Below this many rows everything is rendered (from just after the first paint), which
 * keeps a screen reader's browse mode and the browser's find working for the usual chat (a
 * few dozen keys). Above it, rows are windowed: measured, rendering 140 rows took 96 ms
 * from data to paint, 40 ms windowed.
 */
export const VIRTUALIZE_AFTER = 60;

export type RowWindow = { readonly start: number; readonly end: number; readonly rowHeight: number; readonly virtual: boolean };

/**
 * Which rows to render for a scroll position. Rows have one fixed height (values are
 * kept to one line; long ones open in the multi-line editor), so the window is arithmetic.
 */
export function useVirtualRows(
  count: number,
  scroller: RefObject<HTMLElement | null>,
): RowWindow & { scrollToRow(index: number): void; scrollByRows(rows: number): void } {
  const virtual = count > VIRTUALIZE_AFTER;
  // The measure closure outlives renders; the count it checks coverage against is the
  // committed one (set in a layout effect, so a render React throws away cannot leave it).
  const countRef = useRef(count);
  useLayoutEffect(() => {
    countRef.current = count;
  }, [count]);
  const [viewport, setViewportState] = useState<Viewport>(firstGuess);
  // A short list is rendered whole, but not on the way to its first paint: that paint shows
  // one screen of rows, so it gets those (as a windowed list's does), and the rest follow
  // just after it. Measured on a cold load in an iframe at 4x CPU, 50 keys: about 35 ms
  // sooner. Anything that needs a row before then (focus asked by the host) renders them all.
  const [wholeList, setWholeList] = useState(false);
  // Only a first paint is partial: a windowed list that becomes short (another party deleted
  // keys) is rendered whole at once, or the row holding focus could leave the page.
  if (virtual && !wholeList) setWholeList(true);
  const hasRows = count > 0;
  useEffect(() => {
    if (virtual || wholeList || !hasRows) return;
    return afterNextPaint(() => setWholeList(true));
  }, [virtual, wholeList, hasRows]);
  // Scroll and resize events change nothing while the rendered rows still cover the view;
  // then they must not even enqueue an update (see setActive in useCellFocus: React 19
  // counts commits that leave one behind, and held keys with scrolling reached its limit).
  // Set with every update (only setViewport updates `viewport`), so it is always the latest.
  const viewportRef = useRef(viewport);
  // The scroll position as the agent last saw it (every scroll event): read in a layout effect
  // after rows were removed, the element's own is already clamped to the shorter content.
  const shownTop = useRef(0);
  const setViewport = useCallback((next: Viewport) => {
    if (next === viewportRef.current) return;
    viewportRef.current = next;
    setViewportState(next);
  }, []);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => {
      shownTop.current = element.scrollTop;
      const sample = element.querySelector<HTMLElement>('[role="rowgroup"]:last-child [role="row"]');
      const rowHeight = sample?.offsetHeight || FALLBACK_ROW_HEIGHT;
      const next = { top: element.scrollTop, height: element.clientHeight || guessedHeight(), rowHeight, measured: true };
      setViewport(afterMeasure(viewportRef.current, next, countRef.current));
    };
    // A grid made shorter (the CRM's panel, the browser window) keeps its scroll position,
    // so the focused cell could end up below what it shows. The observer's first report is
    // the starting height, not a change.
    let height: number | null = null;
    const resized = () => {
      if (virtual) measure();
      if (height !== null && element.clientHeight < height) keepFocusInView(element, height);
      height = element.clientHeight;
    };
    if (virtual) {
      measure();
      element.addEventListener('scroll', measure, { passive: true });
    }
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resized);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [virtual, scroller, setViewport]);

  const scrollToRow = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!virtual) {
        if (!wholeList) setWholeList(true);
        return;
      }
      if (!element) return;
      const current = viewportRef.current;
      // In the scroller's content the header row comes first; it sticks to the top, so a row
      // shows below it from `index * rowHeight` on, and its bottom must clear the view's.
      const top = index * current.rowHeight;
      const bottom = (index + 2) * current.rowHeight;
      const height = element.clientHeight || current.height;
      let scrollTop = element.scrollTop;
      if (top < scrollTop) scrollTop = top;
      else if (bottom > scrollTop + height) scrollTop = bottom - height;
      // oxlint-disable-next-line react/immutability -- the scroller's DOM element (a ref's), moved in an event, not a prop
      element.scrollTop = scrollTop;
      shownTop.current = scrollTop;
      // Render the target's window now, so it can take focus before the scroll event arrives
      // (which then finds this top and changes nothing).
      if (current.top !== scrollTop) setViewport({ ...current, top: scrollTop });
    },
    [virtual, wholeList, scroller, setViewport],
  );

  /** Moves the view by whole rows from where the agent saw it, rendering the rows it then shows. */
  const scrollByRows = useCallback(
    (rows: number) => {
      const element = scroller.current;
      // No move, no scrollTop set: that forces a layout (at every notification while the agent types).
      if (!virtual || !element || !rows) return;
      const current = viewportRef.current;
      const top = Math.max(0, shownTop.current + rows * current.rowHeight);
      // oxlint-disable-next-line react/immutability -- the scroller's DOM element (a ref's), moved in an event, not a prop
      element.scrollTop = top;
      shownTop.current = top;
      if (current.top !== top) setViewport({ ...current, top });
    },
    [virtual, scroller, setViewport],
  );

  if (!virtual) {
    const end = wholeList ? count : rowsAround(viewport, count, marginOf(viewport)).end;
    return { start: 0, end, rowHeight: viewport.rowHeight, virtual, scrollToRow, scrollByRows };
  }
  return { ...rowsAround(viewport, count, marginOf(viewport)), rowHeight: viewport.rowHeight, virtual, scrollToRow, scrollByRows };
}
