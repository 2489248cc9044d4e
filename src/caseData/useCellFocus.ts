import { useRef, useState } from 'react';
import { cellId } from './CaseDataRow';
import type { GridRow } from './useCaseDataRows';

export type ActiveCell = { readonly key: string; readonly col: 0 | 1 };

/**
 * The grid's active cell and the focus that follows it. Focus moves only in answer to the
 * agent's own keys and clicks, never on a notification; a cell outside the row window is
 * scrolled into it first and focused once rendered (`flushFocus`, from a layout effect).
 * `leftKey` runs in the same update as a move to another key.
 */
export function useCellFocus(rows: readonly GridRow[], scrollToRow: (index: number) => void, leftKey: (key: string) => void) {
  const [active, setActiveCell] = useState<ActiveCell | null>(null);
  // The same cell again (focusing it reports it once more through onFocus) must not even
  // enqueue an update, and moving on runs `leftKey` in the same update, not in an effect
  // after it: React 19 counts every commit that leaves an update behind, and an arrow key
  // held down in a windowed grid (key, focus, scroll, effect) reached its limit of 50, lost keys.
  // Set with every update (only setActive updates `active`), so it is always the latest.
  const activeRef = useRef(active);
  const setActive = (cell: ActiveCell) => {
    const current = activeRef.current;
    if (current?.key === cell.key && current.col === cell.col) return;
    activeRef.current = cell;
    setActiveCell(cell);
    if (current?.key !== cell.key) leftKey(cell.key);
  };
  const cells = useRef(new Map<string, HTMLElement>());
  const pendingFocus = useRef<ActiveCell | null>(null);
  const scrolledFor = useRef<ActiveCell | null>(null);
  const indexOf = (key: string) => rows.findIndex((gridRow) => gridRow.row.key === key);

  const flushFocus = () => {
    const wanted = pendingFocus.current;
    if (!wanted) return;
    const element = cells.current.get(cellId(wanted.key, wanted.col));
    if (element && document.contains(element)) {
      pendingFocus.current = null;
      scrolledFor.current = null;
      element.focus({ preventScroll: false });
      return;
    }
    // Not rendered yet (windowed rows, or a filter just cleared): bring its row into the
    // window once; the next render's flush then finds it.
    const index = indexOf(wanted.key);
    if (index >= 0 && scrolledFor.current !== wanted) {
      scrolledFor.current = wanted;
      scrollToRow(index);
    }
  };
  const focusCell = (cell: ActiveCell) => {
    setActive(cell);
    pendingFocus.current = cell;
    const index = indexOf(cell.key);
    if (index >= 0) scrollToRow(index);
    // The element may exist already; if not, the grid's layout effect focuses it once rendered.
    flushFocus();
  };

  /** -1 when there is no active cell or its row has left the view. */
  const activeRowIndex = active ? indexOf(active.key) : -1;
  // oxlint-disable-next-line react/refs -- the same Map for the grid's life (never reassigned): the rows register their cells in it
  return { active, activeRowIndex, setActive, focusCell, flushFocus, cells: cells.current };
}
