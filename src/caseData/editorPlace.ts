// Where an open editor is, for the agent: the place of its caret carried to the editor that
// replaces it, its box and choices in view, and the focus its cell takes passed on to it. The
// editor's own chunk (CellEditor.tsx), out of the first paint.

import { useEffect, type RefObject } from 'react';
import type { Handover } from './useEditorText';

/**
 * A text editor as it closed, for one that opens in its place in the same commit: an
 * unchanged editor opened again on another party's new value is a fresh editor (keyed by
 * its text, CaseDataRow), and the agent's place must carry over. Text selected whole
 * (Ctrl+A, about to type over it) is the new text selected whole; a caret at the end stays
 * at the end. Kept for that commit only: an editor opened later starts afresh.
 */
let justClosed: { readonly label: string; readonly focused: boolean; readonly start: number; readonly end: number; readonly length: number } | null = null;

export function closing(label: string, field: HTMLInputElement | HTMLTextAreaElement): void {
  const closed = { label, focused: field === document.activeElement, start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0, length: field.value.length };
  justClosed = closed;
  queueMicrotask(() => {
    if (justClosed === closed) justClosed = null;
  });
}

export function reopenedFrom(label: string, length: number): Pick<Handover, 'focused' | 'selection'> | null {
  const closed = justClosed?.label === label ? justClosed : null;
  justClosed = null;
  if (!closed) return null;
  const { start, end, focused } = closed;
  if (start === 0 && end === closed.length && end > 0) return { focused, selection: [0, length] };
  if (start === closed.length) return { focused, selection: [length, length] };
  return { focused, selection: [Math.min(start, length), Math.min(end, length)] };
}

/**
 * The cell around an editor that stays open as it loses the focus (a conflict's, a refused
 * value's) passes the focus on to it: a click on the cell's padding left it on the cell, where
 * the grid's keys wait on an open editor, and Enter and Escape did nothing while the choice
 * still named them (exploratory test). An editor that closes on the blur is gone by then.
 */
export function useCellPassesFocus(fieldRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const cell = fieldRef.current?.closest<HTMLElement>('[role="gridcell"]');
    // Once the event's work is done: the grid gives the cell the focus as an editor closes (Enter,
    // Escape), and the editor is gone by then.
    const passOn = (event: FocusEvent) =>
      event.target === cell &&
      setTimeout(() => {
        if (document.activeElement === cell && fieldRef.current?.isConnected) fieldRef.current.focus({ preventScroll: true });
      });
    cell?.addEventListener('focus', passOn);
    return () => cell?.removeEventListener('focus', passOn);
  }, [fieldRef]);
}

/**
 * Scrolls `grid` by the least amount that shows the bottom of `element` (the conflict's
 * choices) and of its editor's box, but never so far that `field` goes under the sticky header row: in a short panel
 * the box may not fit, and the caret must stay in sight (exploratory test: a German conflict
 * box took the field under the header at 320 × 256 px). Here, not in reveal.ts: only an
 * open editor needs it, and it loads after the first paint.
 */
export function revealBelow(grid: HTMLElement, element: Element, field: Element): void {
  const top = grid.getBoundingClientRect().top + grid.clientTop;
  // Down to the editor box's edge too: a multi-line box's hint below the choices, and its
  // border (exploratory test: cut off on the last row). A one-line field's reason hangs below the box.
  const bottom = Math.max(element.getBoundingClientRect().bottom, element.closest('.cell-editor')?.getBoundingClientRect().bottom ?? 0);
  const below = bottom - (top + grid.clientHeight);
  const header = grid.querySelector('.case-data__head')?.getBoundingClientRect().height ?? 0;
  const by = Math.min(below, field.getBoundingClientRect().top - (top + header));
  if (by > 0) grid.scrollTop += by;
}
