// Pure keyboard rules of the WAI-ARIA grid pattern, for a two-column grid (key, value).
// https://www.w3.org/WAI/ARIA/apg/patterns/grid/

import type { Direction } from '../i18n';

export type CellPosition = { readonly row: number; readonly col: 0 | 1 };

const PAGE_SIZE = 10;

/**
 * Where a navigation key moves the active cell, or null when the key is not navigation.
 *
 * Left and Right follow what the agent sees: right to left, the key column is laid out on
 * the right, so ArrowRight goes to the key and ArrowLeft to the value. Home and End stay
 * logical (first and last cell of the row, key and value), as in a text line.
 */
export function nextPosition(
  key: string,
  ctrl: boolean,
  from: CellPosition,
  rowCount: number,
  dir: Direction = 'ltr',
): CellPosition | null {
  const last = rowCount - 1;
  const clampRow = (row: number) => Math.max(0, Math.min(last, row));
  const toKey = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  const toValue = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  switch (key) {
    case 'ArrowUp':
      return { row: clampRow(from.row - 1), col: from.col };
    case 'ArrowDown':
      return { row: clampRow(from.row + 1), col: from.col };
    case toKey:
      return { row: from.row, col: 0 };
    case toValue:
      return { row: from.row, col: 1 };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: from.row, col: 0 };
    case 'End':
      return ctrl ? { row: last, col: 1 } : { row: from.row, col: 1 };
    case 'PageUp':
      return { row: clampRow(from.row - PAGE_SIZE), col: from.col };
    case 'PageDown':
      return { row: clampRow(from.row + PAGE_SIZE), col: from.col };
    default:
      return null;
  }
}

/**
 * A printable character starts an edit that replaces the value, as in a spreadsheet. One
 * typed with AltGr (Polish Ł, German €, @, [) comes as Ctrl+Alt on Windows: a character too
 * (review). (So does a Ctrl+Alt+letter shortcut: telling them apart by the AltGraph modifier
 * costs first-paint bytes there is no room for. An emoji, two UTF-16 units, comes from the
 * system's picker as input, with no key of its own.)
 */
export function startsTypedEdit(key: string, ctrl: boolean, meta: boolean, alt: boolean): boolean {
  return key.length === 1 && !meta && ctrl === alt;
}

export type GridCommand = 'undo' | 'redo' | 'copy' | 'paste' | 'delete' | 'edit' | 'to-value' | 'discard' | 'type';

type CommandKey = { readonly key: string; readonly ctrlKey: boolean; readonly metaKey: boolean; readonly altKey: boolean; readonly shiftKey: boolean };

/**
 * What a key that is not navigation does on the active cell, or null. `settling` is a
 * refused or overtaken value: Escape then takes back the agent's write.
 */
export function gridCommand(event: CommandKey, col: 0 | 1, settling: boolean): GridCommand | null {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  return ctrl && key === 'z' && !event.shiftKey ? 'undo'
    : ctrl && (key === 'y' || (key === 'z' && event.shiftKey)) ? 'redo'
    : ctrl && key === 'c' ? 'copy'
    : ctrl && key === 'v' ? 'paste'
    : event.key === 'Delete' ? 'delete'
    : event.key === 'Enter' || event.key === 'F2' ? (col ? 'edit' : 'to-value')
    : event.key === 'Escape' && settling ? 'discard'
    : col === 1 && startsTypedEdit(event.key, event.ctrlKey, event.metaKey, event.altKey) ? 'type'
    : null;
}
