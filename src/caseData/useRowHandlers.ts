import { useMemo, useRef, type RefObject } from 'react';
import type { ChatStoreActions, PendingEdit } from '../store';
import type { RowHandlers } from './CaseDataRow';
import type { GridRow } from './useCaseDataRows';
import type { ActiveCell } from './useCellFocus';
import type { EditorMove } from './useEditorText';
import type { Editing } from './useGridController';
import type { EditHistoryTools } from './editHistory';

/** What the rows' handlers act through: the grid controller's latest state and actions. */
export type RowActions = {
  readonly commitText: (key: string, text: string, move: EditorMove) => string | null;
  readonly startEdit: (key: string, typed: string | null) => void;
  readonly setActive: (cell: ActiveCell) => void;
  readonly actions: ChatStoreActions;
  readonly chatId: string;
  readonly rows: readonly GridRow[];
  /** Retry / Keep mine of a refused or overtaken write (editHistory.ts). */
  readonly retry: (failed: PendingEdit) => void;
  readonly editing: Editing | null;
  readonly setEditing: (editing: Editing | null) => void;
  readonly focusCell: (cell: ActiveCell) => void;
  /** `draftOnly`: the draft, not a refused write beside it (an editor's Escape over another party's change). */
  readonly discard: (gridRow: GridRow, draftOnly?: boolean) => void;
  readonly note: (key: string, text: string | null) => void;
  /** What undo, redo and delete (editHistory.ts) act through. */
  readonly historyTools: EditHistoryTools;
};

/**
 * One handler object for the rows' whole life (a notification re-renders only the rows it
 * changed); each handler reads the grid controller's latest state through `latest`.
 */
export function useRowHandlers(latest: RefObject<RowActions>, cells: Map<string, HTMLElement>): RowHandlers {
  // Why the open editor's last click-away commit was refused: said beside its cell once another row closes it.
  const refusedAway = useRef<{ readonly key: string; readonly reason: string } | null>(null);
  return useMemo<RowHandlers>(
    () => ({
      activate: (key, col) => {
        // An editor whose click-away commit was refused stays open; once the agent is in
        // another row it is closed (its text stays a draft), or the grid's keys would wait on it.
        const { editing: open } = latest.current;
        const refused = refusedAway.current;
        refusedAway.current = null;
        if (open && open.key !== key) latest.current.setEditing(null);
        latest.current.setActive({ key, col });
        // After the move, which clears the notes of the row left.
        if (open && open.key !== key && refused?.key === open.key) latest.current.note(open.key, refused.reason);
      },
      refusedAway: (key, reason) => void (refusedAway.current = { key, reason }),
      startEdit: (key) => latest.current.startEdit(key, null),
      // A reason kept from an earlier click-away is stale once the editor commits again or
      // cancels (a refusal now is said again, after the commit); it must not land on a saved value.
      commit: (key, text, move) => {
        refusedAway.current = null;
        return latest.current.commitText(key, text, move);
      },
      cancel: (key) => {
        refusedAway.current = null;
        const { actions: act, chatId: id, editing, rows } = latest.current;
        // This editor's typing goes, and with it the reason it was not saved. A draft it
        // reopened stays as it was (Escape on the closed cell discards that), unless it is
        // over another party's change: there Escape takes theirs, said and undoable as a discard.
        latest.current.note(key, null);
        const gridRow = rows.find((candidate) => candidate.row.key === key);
        if (gridRow?.row.draftConflict) latest.current.discard(gridRow, true);
        else act.draftChanged(id, key, editing?.resumed ?? null);
        latest.current.setEditing(null);
        latest.current.focusCell({ key, col: 1 });
      },
      draft: (key, text) => latest.current.actions.draftChanged(latest.current.chatId, key, text),
      // The button goes with the row's failure: focus goes to its cell first, not to the page.
      retry: (key) => {
        const row = latest.current.rows.find((gridRow) => gridRow.row.key === key)?.row;
        latest.current.focusCell({ key, col: 1 });
        if (row?.pending) latest.current.retry(row.pending);
      },
      discard: (key) => {
        const gridRow = latest.current.rows.find((candidate) => candidate.row.key === key);
        latest.current.focusCell({ key, col: 1 });
        if (gridRow) latest.current.discard(gridRow);
      },
      registerCell: (id, element) => {
        if (element) cells.set(id, element);
        else cells.delete(id);
      },
    }),
    // Both stable: the grid controller's ref and its cells' Map.
    [latest, cells],
  );
}
