// Pure functions over one chat's live state: the last server snapshot, the agent's
// open drafts, and the agent's writes the server has not confirmed yet. The grid is
// derived from these three, so a value the agent just saved never flickers back to the
// old one while its PropertiesUpdated notification is on the way.

import type { Chat, GwsError, UserDataValue } from '../gws';
import { emptyHistory, type History } from './history';

export type UserDataWrite =
  | { readonly op: 'update' | 'attach'; readonly key: string; readonly value: UserDataValue }
  | { readonly op: 'delete'; readonly key: string };

export type PendingEdit = UserDataWrite & {
  readonly editId: number;
  /** sending: POST in flight; awaiting: accepted, notification not seen; failed: kept for retry. */
  readonly status: 'sending' | 'awaiting' | 'failed';
  readonly referenceId?: number;
  readonly error?: GwsError;
};

export type ChatEntry = {
  /** Last snapshot GWS sent (query or notification): the confirmed truth. */
  readonly chat: Chat;
  /** Local clock tick of that snapshot, to refuse an older read that lands later. */
  readonly receivedAt: number;
  readonly pending: readonly PendingEdit[];
  /** Editor text per key that the agent has not committed: never overwritten by the server. */
  readonly drafts: ReadonlyMap<string, string>;
  /**
   * referenceIds seen in notifications before the POST that caused them answered:
   * GWS may publish before the HTTP reply arrives.
   */
  readonly unclaimedReferenceIds: readonly number[];
  readonly history: History;
};

/** How many unmatched referenceIds to remember; older ones can no longer be ours. */
const UNCLAIMED_LIMIT = 50;

export function newEntry(chat: Chat, receivedAt: number): ChatEntry {
  return { chat, receivedAt, pending: [], drafts: new Map(), unclaimedReferenceIds: [], history: emptyHistory };
}

/** Whether a snapshot already shows what the write asked for. */
export function snapshotShows(chat: Chat, write: UserDataWrite): boolean {
  if (write.op === 'delete') return !chat.userData.has(write.key);
  return chat.userData.has(write.key) && sameValue(chat.userData.get(write.key), write.value);
}

/** A fresh snapshot from a notification: confirm what it confirms, keep the rest pending. */
export function applySnapshot(entry: ChatEntry, chat: Chat, receivedAt: number, referenceId: number | undefined): ChatEntry {
  let pending = entry.pending;
  let unclaimed = entry.unclaimedReferenceIds;
  if (referenceId !== undefined) {
    const ours = pending.some((edit) => edit.referenceId === referenceId);
    if (ours) pending = pending.filter((edit) => edit.referenceId !== referenceId);
    else if (pending.some((edit) => edit.status === 'sending')) {
      unclaimed = [...unclaimed, referenceId].slice(-UNCLAIMED_LIMIT);
    }
  } else {
    // Without a referenceId, the values tell: an accepted write the snapshot already
    // shows is confirmed. Someone else's write that does not carry our value confirms nothing.
    pending = pending.filter((edit) => !(edit.status === 'awaiting' && edit.referenceId === undefined && snapshotShows(chat, edit)));
  }
  return { ...entry, chat, receivedAt, pending, unclaimedReferenceIds: unclaimed };
}

export function addPending(entry: ChatEntry, edit: PendingEdit): ChatEntry {
  // A newer write of the same key supersedes a failed one; in-flight ones stay until answered.
  const pending = entry.pending.filter((other) => !(other.key === edit.key && other.status === 'failed'));
  const drafts = new Map(entry.drafts);
  drafts.delete(edit.key);
  return { ...entry, pending: [...pending, edit], drafts };
}

export function markAccepted(entry: ChatEntry, editId: number, referenceId: number | undefined): ChatEntry {
  const edit = entry.pending.find((candidate) => candidate.editId === editId);
  if (!edit) return entry;
  const without = entry.pending.filter((candidate) => candidate.editId !== editId);
  if (referenceId !== undefined && entry.unclaimedReferenceIds.includes(referenceId)) {
    // Its notification already came and carried the server's truth.
    return { ...entry, pending: without, unclaimedReferenceIds: entry.unclaimedReferenceIds.filter((id) => id !== referenceId) };
  }
  if (referenceId === undefined && snapshotShows(entry.chat, edit)) return { ...entry, pending: without };
  return {
    ...entry,
    pending: entry.pending.map((candidate) =>
      candidate.editId === editId
        ? { ...candidate, status: 'awaiting' as const, ...(referenceId === undefined ? {} : { referenceId }) }
        : candidate,
    ),
  };
}

export function markFailed(entry: ChatEntry, editId: number, error: GwsError): ChatEntry {
  return {
    ...entry,
    pending: entry.pending.map((edit) => (edit.editId === editId ? { ...edit, status: 'failed' as const, error } : edit)),
  };
}

export function dropPending(entry: ChatEntry, editId: number): ChatEntry {
  return { ...entry, pending: entry.pending.filter((edit) => edit.editId !== editId) };
}

export function setDraft(entry: ChatEntry, key: string, text: string | null): ChatEntry {
  if (text === null && !entry.drafts.has(key)) return entry;
  if (text !== null && entry.drafts.get(key) === text) return entry;
  const drafts = new Map(entry.drafts);
  if (text === null) drafts.delete(key);
  else drafts.set(key, text);
  return { ...entry, drafts };
}

export type RowStatus = 'confirmed' | 'saving' | 'deleting' | 'failed';

export type UserDataRow = {
  readonly key: string;
  /** What the agent sees: their own unconfirmed value if any, else the server's. */
  readonly value: UserDataValue;
  readonly serverValue: UserDataValue | undefined;
  readonly status: RowStatus;
  /** The write behind a non-confirmed row: which operation, for retry or discard. */
  readonly pending?: PendingEdit;
  readonly draft?: string;
};

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
    if (edit.op === 'delete' && edit.status !== 'failed') continue;
    rows.push(rowFor(key, undefined, edit, entry.drafts.get(key)));
  }
  return rows;
}

function rowFor(key: string, serverValue: UserDataValue | undefined, edit: PendingEdit | undefined, draft: string | undefined): UserDataRow {
  const withDraft = draft === undefined ? {} : { draft };
  if (!edit) return { key, value: serverValue ?? null, serverValue, status: 'confirmed', ...withDraft };
  const status: RowStatus = edit.status === 'failed' ? 'failed' : edit.op === 'delete' ? 'deleting' : 'saving';
  const value = edit.op === 'delete' ? (serverValue ?? null) : edit.value;
  return { key, value, serverValue, status, pending: edit, ...withDraft };
}

export function sameValue(a: UserDataValue | undefined, b: UserDataValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
