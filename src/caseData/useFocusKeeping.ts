import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { ActiveCell } from './useCellFocus';
import type { GridRow } from './useCaseDataRows';
import type { useVirtualRows } from './useVirtualRows';

type FocusKeepingInput = {
  readonly scroller: RefObject<HTMLElement | null>;
  readonly rowWindow: ReturnType<typeof useVirtualRows>;
  /** The rows shown (filtered), in order. */
  readonly rows: readonly GridRow[];
  readonly activeRowIndex: number;
  readonly col: 0 | 1;
  readonly focusCell: (cell: ActiveCell) => void;
  readonly editingKey: string | null;
  readonly filterId: string;
};

/**
 * Keeps the agent's focus and view through what changes under them: rows that go or move,
 * an editor that closes by itself, an editor opened off screen. `noteFocus` is told of every
 * focus inside the grid.
 */
export function useFocusKeeping({ scroller, rowWindow, rows, activeRowIndex, col, focusCell, editingKey, filterId }: FocusKeepingInput) {
  // The focused row can leave the view under the agent's hands: an edit that no longer
  // matches the filter, another party deleting or changing the key. The browser then drops
  // focus to the page; it goes to the nearest row instead (or the filter, if none is left).
  // So it does when an open editor closes by itself (the chat ended, the key turned
  // read-only): back to its cell. Only when that is what happened: the element that had
  // focus is gone and this document still has focus, so a notification never takes focus
  // from the CRM or anywhere else. If the agent had scrolled a windowed list away from that
  // row, the view stays where they put it: focus goes to the row's cell if it is still there,
  // else to the first row in view, without scrolling.
  const lastFocused = useRef<HTMLElement | null>(null);
  const lastActiveIndex = useRef(0);
  // Not when the agent's pointer moved the focus: an editor a click elsewhere closes (and
  // saves) is gone, and the page has no focus for the moment between the blur and the focus
  // of what was clicked; taking it back then kept the agent's typing from the filter, the
  // picker or the cell they clicked, and sent it into this row instead.
  const pointerMoving = usePointerMovingFocus();
  /** The rows, active row and view as of the last commit (also the focus lost's "as the rows were"). */
  const placed = useRef<{ readonly rows: readonly GridRow[]; readonly key?: string; readonly index: number; readonly inWindow: boolean; readonly hadFocus: boolean } | null>(null);
  useLayoutEffect(() => {
    const index = activeRowIndex;
    if (index >= 0) lastActiveIndex.current = index;
    const gone = lastFocused.current !== null && !lastFocused.current.isConnected;
    const dropped = document.activeElement === null || document.activeElement === document.body;
    if (!gone || !dropped || !document.hasFocus()) return;
    lastFocused.current = null;
    if (pointerMoving.current) return;
    // The nearest row: the first after the lost one that is still there, else the last before
    // it, as the rows were (rows gone above it in the same change move it up: its old index
    // landed as many rows further on).
    const lostIndex = lastActiveIndex.current;
    const old = placed.current?.rows ?? rows;
    const now = new Set(rows.map((gridRow) => gridRow.row.key));
    const nearestKey = [...old.slice(lostIndex), ...old.slice(0, lostIndex).reverse()].find((gridRow) => now.has(gridRow.row.key))?.row.key;
    // (The row still there, its editor closed by itself: that row.)
    const lostAt = index >= 0 ? index : rows.findIndex((gridRow) => gridRow.row.key === nearestKey);
    const element = scroller.current;
    // Another row than the agent's: its key, not its value, where the rest of what they were typing
    // started an edit of it, saved by their Enter (exploratory test: "technical" typed for a key another
    // party deleted went into the next row's value). A key takes no typing; the arrow moves on.
    const toCol = index >= 0 ? col : 0;
    if (rowWindow.virtual && element && lostAt >= 0 && (lostAt < rowWindow.start || lostAt >= rowWindow.end)) {
      const inView = Math.min(rowWindow.end - 1, Math.max(rowWindow.start, Math.ceil(element.scrollTop / rowWindow.rowHeight)));
      const row = index >= 0 ? index : inView;
      element.querySelector<HTMLElement>(`[aria-rowindex="${row + 2}"] [aria-colindex="${toCol + 1}"]`)?.focus({ preventScroll: true });
      return;
    }
    const nearest = rows[lostAt];
    if (nearest) focusCell({ key: nearest.row.key, col: toCol });
    else document.getElementById(filterId)?.focus();
  });

  // In a windowed list, rows removed above the focused row (another party's, or the agent's
  // own confirmed delete) move it; the view moves with it, so it stays where the agent sees it
  // (or they would type into a field that left the view). Only when the rows changed (not
  // the agent's scrolling), and only for a row that had the focus and was rendered: one
  // scrolled away from stays away.
  useLayoutEffect(() => {
    const index = activeRowIndex;
    const key = rows[index]?.row.key;
    const before = placed.current;
    const element = scroller.current;
    const hasFocus = element?.contains(document.activeElement) ?? false;
    placed.current = { rows, key, index, inWindow: index >= rowWindow.start && index < rowWindow.end, hadFocus: hasFocus };
    if (!rowWindow.virtual || !element || key === undefined || !before || before.rows === rows || before.key !== key || !before.inWindow || !before.hadFocus) return;
    if (hasFocus && document.hasFocus()) rowWindow.scrollByRows(index - before.index);
  });

  // An editor opened (Enter, F2, typing) on a cell the agent had scrolled away from comes
  // into view: the agent is about to type into it. Once per editor opened, so scrolling
  // away from an open editor stays possible.
  useLayoutEffect(() => {
    if (editingKey === null) return;
    const index = rows.findIndex((gridRow) => gridRow.row.key === editingKey);
    if (index >= 0) rowWindow.scrollToRow(index);
    // Only for a newly opened editor, not for every change of the rows under it.
  }, [editingKey]); // oxlint-disable-line react/exhaustive-deps -- once per editor opened

  // Another chat (the host's setActiveChat) replaces the grid, its toolbar and forms with new
  // ones: focus that was in them goes to the new grid's filter, not to the page, where the
  // agent's next keys would go nowhere, nor to its first cell, where the rest of what they were
  // typing for the chat before (in an editor, or about to, on a cell) started an edit of another
  // customer's value, saved by their Enter (exploratory tests: " email" and "Fraud" saved over
  // another customer's Subject). In the filter it only filters. In the same commit or never: the old grid says so
  // as it goes (one grid per document), and it is forgotten in the microtask after, so a chat
  // that arrives later, the agent in the CRM meanwhile, takes nothing.
  const hasRows = rows.length > 0;
  useLayoutEffect(() => {
    const panel = scroller.current?.parentElement;
    if (!panel) return;
    if (focusHandedOver && document.hasFocus() && document.activeElement === document.body) document.getElementById(filterId)?.focus();
    focusHandedOver = false;
    return () => {
      focusHandedOver = document.hasFocus() && panel.contains(document.activeElement);
      queueMicrotask(() => void (focusHandedOver = false));
    };
  }, [hasRows]); // oxlint-disable-line react/exhaustive-deps -- on mount and as rows come or go; filterId (useId) and the scroller ref are stable

  return { noteFocus: (element: HTMLElement) => void (lastFocused.current = element) };
}

/** Whether the grid that just went had the focus, for the next grid (see above). */
let focusHandedOver = false;

/**
 * Whether the agent's pointer is moving the focus right now: from a pointer press until the
 * task after it, which covers the blur and focus the press causes. A tap moves focus at the
 * mousedown the browser sends when the finger lifts, so that counts as a press too.
 */
function usePointerMovingFocus() {
  const moving = useRef(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pressed = () => {
      moving.current = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        moving.current = false;
      }, 0);
    };
    document.addEventListener('pointerdown', pressed, true);
    document.addEventListener('mousedown', pressed, true);
    return () => {
      document.removeEventListener('pointerdown', pressed, true);
      document.removeEventListener('mousedown', pressed, true);
      clearTimeout(timer);
    };
  }, []);
  return moving;
}
