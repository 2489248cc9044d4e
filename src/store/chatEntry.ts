// Pure functions over one chat's live state: the last server snapshot plus the agent's
// edits that the server has not confirmed yet. The grid is derived from both, so a
// value the agent just saved never flickers back to the old one while its
// PropertiesUpdated notification is on the way.

import type { Chat, GwsError, UserDataValue } from '../gws';

export type PendingEdit = {
  readonly editId: number;
  readonly key: string;
  readonly value: UserDataValue;
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
  /**
   * referenceIds seen in notifications before the POST that caused them answered:
   * GWS may publish before the HTTP reply arrives.
   */
  readonly unclaimedReferenceIds: readonly number[];
};

/** How many unmatched referenceIds to remember; older ones can no longer be ours. */
const UNCLAIMED_LIMIT = 50;

export function newEntry(chat: Chat, receivedAt: number): ChatEntry {
  return { chat, receivedAt, pending: [], unclaimedReferenceIds: [] };
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
    // Without a referenceId, the values tell: an accepted edit the snapshot already
    // shows is confirmed. Someone else's write that does not carry our value confirms nothing.
    pending = pending.filter(
      (edit) => !(edit.status === 'awaiting' && edit.referenceId === undefined && sameValue(chat.userData.get(edit.key), edit.value)),
    );
  }
  return { chat, receivedAt, pending, unclaimedReferenceIds: unclaimed };
}

export function addPending(entry: ChatEntry, edit: PendingEdit): ChatEntry {
  // A newer edit of the same key supersedes a failed one; in-flight ones stay until answered.
  const pending = entry.pending.filter((other) => !(other.key === edit.key && other.status === 'failed'));
  return { ...entry, pending: [...pending, edit] };
}

export function markAccepted(entry: ChatEntry, editId: number, referenceId: number | undefined): ChatEntry {
  const edit = entry.pending.find((candidate) => candidate.editId === editId);
  if (!edit) return entry;
  if (referenceId !== undefined && entry.unclaimedReferenceIds.includes(referenceId)) {
    // Its notification already came and carried the server's truth.
    return {
      ...entry,
      pending: entry.pending.filter((candidate) => candidate.editId !== editId),
      unclaimedReferenceIds: entry.unclaimedReferenceIds.filter((id) => id !== referenceId),
    };
  }
  if (referenceId === undefined && sameValue(entry.chat.userData.get(edit.key), edit.value)) {
    return { ...entry, pending: entry.pending.filter((candidate) => candidate.editId !== editId) };
  }
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

export type UserDataRow = {
  readonly key: string;
  /** What the agent sees: their own unconfirmed value if any, else the server's. */
  readonly value: UserDataValue;
  readonly serverValue: UserDataValue | undefined;
  readonly status: 'confirmed' | 'saving' | 'failed';
  readonly error?: GwsError;
  /** The pending edit behind a failed value, for retry or discard. */
  readonly editId?: number;
};

export function deriveRows(entry: ChatEntry): readonly UserDataRow[] {
  const latest = new Map<string, PendingEdit>();
  for (const edit of entry.pending) latest.set(edit.key, edit);
  const rows: UserDataRow[] = [];
  for (const [key, serverValue] of entry.chat.userData) {
    rows.push(rowFor(key, serverValue, latest.get(key)));
    latest.delete(key);
  }
  // Keys the agent wrote that the server does not show (yet): never drop them silently.
  for (const [key, edit] of latest) rows.push(rowFor(key, undefined, edit));
  return rows;
}

function rowFor(key: string, serverValue: UserDataValue | undefined, edit: PendingEdit | undefined): UserDataRow {
  if (!edit) return { key, value: serverValue ?? null, serverValue, status: 'confirmed' };
  return {
    key,
    value: edit.value,
    serverValue,
    status: edit.status === 'failed' ? 'failed' : 'saving',
    editId: edit.editId,
    ...(edit.error ? { error: edit.error } : {}),
  };
}

export function sameValue(a: UserDataValue | undefined, b: UserDataValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
