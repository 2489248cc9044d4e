// What the grid shows for one chat, derived from the server snapshot, the pending writes
// and the drafts. Pure, so it is property-tested against any interleaving.

import type { UserDataValue } from '../gws';
import type { ChatEntry, PendingEdit } from './chatEntry';
import { expectedAfter, isUnsettled, sameValue } from './writeValues';
import { isEditedDraft, type Draft } from './drafts';

export type RowStatus = 'confirmed' | 'queued' | 'saving' | 'deleting' | 'failed' | 'conflict';

export type UserDataRow = {
  readonly key: string;
  /** What the agent sees: their own unconfirmed value if any, else the server's. */
  readonly value: UserDataValue;
  readonly serverValue: UserDataValue | undefined;
  readonly status: RowStatus;
  /** The write behind a non-confirmed row: which operation, for retry, discard or a conflict choice. */
  readonly pending?: PendingEdit;
  readonly draft?: Draft;
  /** The server changed the key since the draft began: old -> new is shown, the agent chooses. */
  readonly draftConflict: boolean;
};

const sameRow = (a: UserDataRow, b: UserDataRow) =>
  a.key === b.key &&
  a.value === b.value &&
  a.serverValue === b.serverValue &&
  a.status === b.status &&
  a.pending === b.pending &&
  a.draft === b.draft &&
  a.draftConflict === b.draftConflict;

/**
 * Like `deriveRows`, but a row equal to the one before keeps its identity: a notification
 * that changes one key of a thousand re-renders one row, not a thousand.
 */
export function deriveRowsKeeping(entry: ChatEntry, previous: readonly UserDataRow[]): readonly UserDataRow[] {
  // The first rows of a chat (thousands of keys, on the way to the first paint) have nothing to keep.
  let rows = deriveRows(entry);
  if (previous.length === 0) return rows;
  // Almost always every key is where it was, and found there: no Map of 10,000 keys per notification.
  const placeBefore = new Map<string, number>();
  if (rows.length !== previous.length || rows.some((row, index) => row.key !== previous[index]?.key)) {
    previous.forEach((row, index) => placeBefore.set(row.key, index));
    rows = keepPlaces(rows, placeBefore);
  }
  let same = rows.length === previous.length;
  const kept = rows.map((row, index) => {
    // A key not there before gets the row at its index, of another key (sameRow tells).
    const old = previous[placeBefore.get(row.key) ?? index];
    const result = old && sameRow(old, row) ? old : row;
    if (result !== previous[index]) same = false;
    return result;
  });
  return same ? previous : kept;
}

/**
 * A row keeps its place among the chat's rows while it stays (shown or not: windowed out,
 * filtered): the agent may be typing in it, and a row that moves takes the editor and the
 * focus with it (out of the window, in a long list). A reload or another chat starts again
 * from the server's order.
 * Rows move when the server's order changes under them: a key someone else deleted stays
 * as the agent's draft but is no longer the server's (it would come last), and a key added
 * again comes back at the end of the server's order. Rows not shown before come after.
 */
function keepPlaces(rows: readonly UserDataRow[], placeBefore: ReadonlyMap<string, number>): readonly UserDataRow[] {
  // Almost always: the rows shown before, in the same order, then any new ones.
  let last = -1;
  let sawNew = false;
  let inPlace = true;
  for (const row of rows) {
    const place = placeBefore.get(row.key);
    if (place === undefined) sawNew = true;
    else if (place < last || sawNew) {
      inPlace = false;
      break;
    } else last = place;
  }
  if (inPlace) return rows;
  const place = (row: UserDataRow) => placeBefore.get(row.key) ?? Number.POSITIVE_INFINITY;
  const shown = rows.filter((row) => placeBefore.has(row.key)).sort((a, b) => place(a) - place(b));
  return [...shown, ...rows.filter((row) => !placeBefore.has(row.key))];
}

export function deriveRows(entry: ChatEntry): readonly UserDataRow[] {
  const latest = new Map<string, PendingEdit>();
  for (const edit of entry.pending) latest.set(edit.key, edit);
  const rows: UserDataRow[] = [];
  for (const [key, serverValue] of entry.chat.userData) {
    rows.push(rowFor(key, serverValue, latest.get(key), entry.drafts.get(key)));
    latest.delete(key);
  }
  // Keys the agent wrote that the server does not show (yet): never drop them silently.
  for (const [key, edit] of latest) {
    if (edit.op === 'delete' && !isUnsettled(edit)) continue;
    rows.push(rowFor(key, undefined, edit, entry.drafts.get(key)));
  }
  // A draft for a key that vanished from the server (deleted by someone else) stays visible too.
  for (const [key, draft] of entry.drafts) {
    if (!entry.chat.userData.has(key) && !entry.pending.some((edit) => edit.key === key)) rows.push(rowFor(key, undefined, undefined, draft));
  }
  return rows;
}

/** On its way (sent, or accepted and not confirmed yet) it is saving or deleting; otherwise its own status. */
const statusOf = ({ status, op }: PendingEdit): RowStatus =>
  status === 'sending' || status === 'awaiting' ? (op === 'delete' ? 'deleting' : 'saving') : status;

function rowFor(key: string, serverValue: UserDataValue | undefined, edit: PendingEdit | undefined, draft: Draft | undefined): UserDataRow {
  // Built field by field, without spreads: this runs once per key, thousands of times per snapshot.
  const row: { -readonly [field in keyof UserDataRow]: UserDataRow[field] } = { key, value: serverValue ?? null, serverValue, status: 'confirmed', draftConflict: false };
  if (edit) {
    if (edit.op !== 'delete') row.value = edit.value;
    row.status = statusOf(edit);
    row.pending = edit;
  }
  if (draft !== undefined) {
    row.draft = draft;
    row.draftConflict = isEditedDraft(draft) && !sameValue(draft.base, expectedAfter(edit, serverValue));
  }
  return row;
}
