// Undo and redo of the agent's own committed writes in one chat. A step records a key's
// value before and after (undefined: the key did not exist), so undoing is just another
// write, sent like any other; notifications from others never touch this history.

import type { UserDataValue } from '../gws';
import type { Draft } from './drafts';

export type HistoryStep = {
  readonly key: string;
  readonly before: UserDataValue | undefined;
  readonly after: UserDataValue | undefined;
  /**
   * A draft the agent discarded (Escape on its cell): undo puts it back as it was, its base
   * too (a change by someone else since is then a conflict), redo discards it again. Nothing is sent.
   */
  readonly draft?: Draft;
  /** The agent threw away a write of theirs (Discard, Take theirs): undo sends it again. */
  readonly discard?: true;
  /** The write that made it (chatEntry.ts: another party's change overtaking that write rewrites its `before`). */
  readonly editId?: number;
  /**
   * The panel's own: a write of the agent's GWS applied late, over their word since, which the
   * panel sent again (caseData/lateWrites.ts). `before` is the late value: undo keeps it.
   */
  readonly arrivedLate?: true;
};

export type History = { readonly undo: readonly HistoryStep[]; readonly redo: readonly HistoryStep[] };

export const emptyHistory: History = { undo: [], redo: [] };

/** Deep enough for a working session; bounded so a long chat cannot grow it forever. */
const HISTORY_LIMIT = 100;

export function recordStep(history: History, step: HistoryStep): History {
  return { undo: [...history.undo, step].slice(-HISTORY_LIMIT), redo: [] };
}

/** Undo moves the newest step to the redo side, redo moves it back; `drop`ped, it goes from history. */
export function takeStep(history: History, direction: 'undo' | 'redo', drop = false): { step: HistoryStep; history: History } | null {
  const step = history[direction].at(-1);
  if (!step) return null;
  const rest = history[direction].slice(0, -1);
  const other = drop ? [] : [step];
  return { step, history: direction === 'undo' ? { undo: rest, redo: [...history.redo, ...other] } : { undo: [...history.undo, ...other], redo: rest } };
}
