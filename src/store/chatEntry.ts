// Pure functions over one chat's live state: the last server snapshot, the agent's
// drafts (open editors) and the agent's writes the server has not confirmed yet. What
// the grid shows is derived from these three (rows.ts), so a value the agent saved never
// flickers back while its PropertiesUpdated is on the way, and a server change never
// overwrites what the agent is typing. (How a draft begins and changes: drafts.ts; what a key
// holds as far as the agent knows: writeValues.ts.)

import type { Chat, GwsError, UserDataValue } from '../gws';
import type { Draft } from './drafts';
import { emptyHistory, type History, type HistoryStep } from './history';
import { expectedValue, isUnsettled, mayBeOnServer, sameValue, valueAfter, valueText } from './writeValues';

export type UserDataWrite =
  | { readonly op: 'update' | 'attach'; readonly key: string; readonly value: UserDataValue }
  | { readonly op: 'delete'; readonly key: string };

/**
 * queued: made while not live, waits for the re-read; sending: POST in flight; awaiting:
 * accepted, notification not seen; failed: refused, kept for retry; conflict: queued or
 * refused, and the server's value changed meanwhile, so the agent decides.
 */
export type WriteStatus = 'queued' | 'sending' | 'awaiting' | 'failed' | 'conflict';

export type PendingEdit = UserDataWrite & {
  readonly editId: number;
  readonly status: WriteStatus;
  /** The server's value of the key when the agent made the write (undefined: absent). */
  readonly base: UserDataValue | undefined;
  readonly referenceId?: number;
  /** Clock tick of GWS's acceptance: a re-read started before it may not show the write yet (applyRead). */
  readonly acceptedAt?: number;
  readonly error?: GwsError;
  /** Failed after it was sent, in a way GWS may still have applied it (no answer in time, a gateway's error): "Not confirmed", not "Not saved". */
  readonly mayHaveLanded?: boolean;
  /** Made but not answered yet, another party changed its key meanwhile, to `theirs` (flagOvertaken). */
  readonly overtaken?: { readonly theirs: UserDataValue | undefined };
};

export type ChatEntry = {
  /** Last snapshot GWS sent (query or notification): the confirmed truth. */
  readonly chat: Chat;
  /** Local clock tick of that snapshot, to refuse an older read that lands later. */
  readonly receivedAt: number;
  /** The same for its userData: older when a notification without userData kept the one before (reads.ts). */
  readonly userDataAt: number;
  readonly pending: readonly PendingEdit[];
  readonly drafts: ReadonlyMap<string, Draft>;
  /**
   * referenceIds seen in notifications before the POST that caused them answered:
   * GWS may publish before the HTTP reply arrives.
   */
  readonly unclaimedReferenceIds: readonly number[];
  /**
   * Highest referenceId applied. referenceIds in this session's stream answer this
   * session's requests and grow, so a lower or equal one is a duplicate or arrived late.
   * A re-read resets it (GWS may have restarted and begun counting again).
   */
  readonly lastReferenceId: number;
  readonly history: History;
};

/** How many unmatched referenceIds to remember; older ones can no longer be ours. */
export const UNCLAIMED_LIMIT = 50;

export function newEntry(chat: Chat, receivedAt: number): ChatEntry {
  return { chat, receivedAt, userDataAt: receivedAt, pending: [], drafts: new Map(), unclaimedReferenceIds: [], lastReferenceId: 0, history: emptyHistory };
}

/** Whether a snapshot already shows what the write asked for (a value is never undefined: an absent key shows none). */
export function snapshotShows(chat: Chat, write: UserDataWrite): boolean {
  return write.op === 'delete' ? !chat.userData.has(write.key) : sameValue(chat.userData.get(write.key), write.value);
}

/**
 * The server shows what this write asked for, and the agent has no other write of its key on
 * its way: it landed (its notification came before its answer), or another party did the same.
 */
export const landedAlready = (entry: ChatEntry, write: UserDataWrite & { readonly editId: number }): boolean =>
  snapshotShows(entry.chat, write) && !entry.pending.some((edit) => edit.key === write.key && edit.editId !== write.editId);

/** A fresh snapshot from a notification: confirm what it confirms, keep the rest pending. `userDataKept`: it carried none, the entry's is in `chat`. */
export function applySnapshot(entry: ChatEntry, chat: Chat, receivedAt: number, referenceId: number | undefined, userDataKept?: boolean): ChatEntry {
  let pending = entry.pending;
  let unclaimed = entry.unclaimedReferenceIds;
  let lastReferenceId = entry.lastReferenceId;
  if (referenceId !== undefined) {
    const ours = pending.some((edit) => edit.referenceId === referenceId);
    if (!ours && referenceId <= entry.lastReferenceId) return entry;
    lastReferenceId = Math.max(lastReferenceId, referenceId);
    // Ours, and every write of ours of the same key GWS accepted before it (referenceIds grow):
    // a notification of those lost on the way must not leave an older value showing as
    // Saving… over this one. One of another key stays until shown (below), or refused by a
    // notification of type Error (dropped here, it showed the old value as if saved, and its
    // refusal then found nothing: exploratory test).
    const key = pending.find((edit) => edit.status === 'awaiting' && edit.referenceId === referenceId)?.key;
    if (ours) pending = pending.filter((edit) => edit.status !== 'awaiting' || (edit.referenceId ?? Infinity) > referenceId || (edit.referenceId !== referenceId && edit.key !== key));
    else if (pending.some((edit) => edit.status === 'sending')) unclaimed = [...unclaimed, referenceId].slice(-UNCLAIMED_LIMIT);
  }
  // A write GWS accepted is confirmed, too, by a snapshot that shows it: its own notification
  // may be lost, and a busy chat's next one shows it (Saving… stayed up for good, every re-read
  // overtaken by a newer notification: exploratory test). Someone else's write that does not
  // carry our value confirms nothing.
  // Not one with an earlier write of its key still on its way: a snapshot from before that one
  // may show this one's value (an undo's: the value both replaced), and confirm nothing (review).
  pending = pending.filter(
    (edit, index) => !(edit.status === 'awaiting' && snapshotShows(chat, edit) && !pending.slice(0, index).some((own) => own.key === edit.key && !isUnsettled(own))),
  );
  return settle(entry, { ...entry, chat, receivedAt, userDataAt: userDataKept ? entry.userDataAt : receivedAt, pending, unclaimedReferenceIds: unclaimed, lastReferenceId });
}

/**
 * Undo of a write another party's change overtook puts back their value, the one it replaces, not
 * the one the agent saw: in its own step (by value, X, Y, X overtaken together rewrote the first X's
 * step too: review). A write sent with none (a plain Retry) leaves the step of the write it retries as it was.
 */
const theirsBefore = (undo: readonly HistoryStep[], edit: PendingEdit, theirs: UserDataValue | undefined): readonly HistoryStep[] =>
  undo.map((step) => (step.editId === edit.editId ? { ...step, before: theirs } : step));

/**
 * The agent's writes against a new snapshot (`next`, taken over `before`).
 *
 * Writes go out one at a time, in order: one made behind a slow one waits its turn, and
 * another party may change its key meanwhile (a value none of the agent's writes of it
 * holds). Flagged overtaken, with their value, it is not sent over that change
 * (useCaseDataWriter) but becomes a conflict, as a queued write does after a reconnect
 * (reconcileQueued); one already sent replaces their value. Either way, its undo puts back
 * their value, not the one the agent saw when making it.
 */
function settle(before: ChatEntry, next: ChatEntry): ChatEntry {
  let { undo } = next.history;
  // Each write against the snapshot, and the agent's writes before it, as settled already (`earlier`).
  const settleWrite = (edit: PendingEdit, earlier: readonly PendingEdit[]): PendingEdit => {
    const theirs = next.chat.userData.get(edit.key);
    // Not sent at its turn for an overtaking change (no error: never sent), before the agent's own earlier write showed up.
    const heldBack = edit.status === 'conflict' && edit.overtaken && !edit.error;
    if ((edit.status !== 'sending' && !heldBack) || sameValue(before.chat.userData.get(edit.key), theirs)) return edit;
    // The key now holds a write the agent had before this snapshot (also one it has just
    // confirmed): no change by another party, and one that overtook this write is gone under
    // the agent's own (said so: WriteNotices), so this one may go (it became a conflict
    // naming the agent's own value as the server's: exploratory tests; also when its turn
    // came first, the earlier write's reply before its notification).
    const held = before.pending.filter((own) => own.key === edit.key && sameValue(valueAfter(own), theirs));
    if (!heldBack && held.length === 0) {
      undo = theirsBefore(undo, edit, theirs);
      return { ...edit, overtaken: { theirs } };
    }
    // Only the agent's own earlier write showing lifts the flag (this write's own value arriving
    // keeps it: it landed over theirs, which is said).
    if (!edit.overtaken || !held.some((own) => own.editId !== edit.editId)) return edit;
    // The flag goes, and the undo puts back what the agent's writes before this one leave, no
    // longer theirs (review): the one just before it, still to go, else the one that showed up
    // (A1, A2, A3 overtaken together: A3's undo sent A1, and the agent's A2 was skipped: exploratory test).
    const mine = earlier.filter((own) => own.key === edit.key && !isUnsettled(own)).at(-1);
    undo = theirsBefore(undo, edit, mine ? valueAfter(mine) : theirs);
    const { overtaken: _gone, ...unflagged } = edit;
    return heldBack ? { ...unflagged, status: 'queued' as const } : unflagged;
  };
  const pending: PendingEdit[] = [];
  for (const edit of next.pending) pending.push(settleWrite(edit, pending));
  // Most snapshots overtake nothing: the history stays the same object.
  return restDrafts({ ...next, pending: flagChangedFailures(pending, next.chat), history: undo === next.history.undo ? next.history : { ...next.history, undo } });
}

/**
 * Another party set exactly what the agent is typing: the draft rests on their value now.
 * Nothing to choose between, and typing on is no conflict with it, nor said as one naming a
 * value since replaced (exploratory round). A deleted key is a change whatever the text.
 */
function restDrafts(entry: ChatEntry): ChatEntry {
  let drafts = entry.drafts;
  for (const [key, draft] of entry.drafts) {
    const now = expectedValue(entry, key);
    if (now !== undefined && draft.text === valueText(now) && !sameValue(draft.base, now)) drafts = new Map(drafts).set(key, { ...draft, base: now });
  }
  return drafts === entry.drafts ? entry : { ...entry, drafts };
}

/**
 * A refused write whose key someone else has changed since becomes a conflict: the cell
 * shows the server's new value beside the agent's, and Retry would no longer overwrite it
 * unseen (Keep mine / Take theirs, as for a queued write).
 */
function flagChangedFailures(pending: readonly PendingEdit[], chat: Chat): readonly PendingEdit[] {
  // Someone else did what the refused write wanted (deleted its key, set its value): nothing left to decide.
  const done = (edit: PendingEdit) => isUnsettled(edit) && snapshotShows(chat, edit);
  const changed = (edit: PendingEdit) => edit.status === 'failed' && !sameValue(chat.userData.get(edit.key), edit.base);
  if (!pending.some((edit) => done(edit) || changed(edit))) return pending;
  return pending.filter((edit) => !done(edit)).map((edit) => (changed(edit) ? { ...edit, status: 'conflict' as const } : edit));
}

/**
 * A full re-read is the server's truth: every write it had accepted before the read began
 * is in it (or was overwritten since), so nothing accepted is left waiting for a
 * notification that was lost. One accepted after the read began may not be in it yet: it
 * waits for its notification, unless the read shows it already.
 */
export function applyRead(entry: ChatEntry, chat: Chat, receivedAt: number, startedAt: number): ChatEntry {
  const before = (edit: PendingEdit) => edit.status === 'awaiting' && (edit.acceptedAt ?? 0) <= startedAt;
  // Accepted before the read began, and the read holds the key as the agent's writes of it found it:
  // it did not land (its refusal lost, say). Kept, *Not confirmed*, for Retry: dropped, the agent's
  // value went unsaid (exploratory round). Another value there is someone's since: theirs, and shows.
  // Not one a later write of its key the read shows replaced: that one's value is the agent's word,
  // there (an undo's: the write it undid was failed, and Retry would have undone the undo: review).
  const missed = entry.pending.filter((edit) => {
    const ofKey = entry.pending.filter((own) => own.key === edit.key);
    return before(edit) && !ofKey.some((own) => own.editId >= edit.editId && snapshotShows(chat, own)) && ofKey.some((own) => sameValue(own.base, chat.userData.get(edit.key)));
  });
  let next: ChatEntry = {
    ...entry,
    chat,
    receivedAt,
    userDataAt: receivedAt,
    lastReferenceId: 0,
    pending: entry.pending.filter((edit) => missed.includes(edit) || (edit.status === 'awaiting' ? !before(edit) && !snapshotShows(chat, edit) : true)),
  };
  for (const edit of missed) next = markFailed(next, edit.editId, { kind: 'not-shown' }, true);
  return settle(entry, next);
}

export function addPending(entry: ChatEntry, edit: PendingEdit): ChatEntry {
  // A newer write of the same key supersedes a failed or conflicting one; in-flight ones stay until answered.
  const pending = entry.pending.filter((other) => !(other.key === edit.key && isUnsettled(other)));
  const drafts = new Map(entry.drafts);
  drafts.delete(edit.key);
  return { ...entry, pending: [...pending, edit], drafts };
}

const updateEdit = (entry: ChatEntry, editId: number, change: (edit: PendingEdit) => PendingEdit): ChatEntry => ({
  ...entry,
  pending: entry.pending.map((edit) => (edit.editId === editId ? change(edit) : edit)),
});

export function markSending(entry: ChatEntry, editId: number): ChatEntry {
  return updateEdit(entry, editId, (edit) => ({ ...edit, status: 'sending' }));
}

export function markAccepted(entry: ChatEntry, editId: number, referenceId: number | undefined, acceptedAt: number): ChatEntry {
  const edit = entry.pending.find((candidate) => candidate.editId === editId);
  if (!edit) return entry;
  const without = entry.pending.filter((candidate) => candidate.editId !== editId);
  if (referenceId !== undefined && entry.unclaimedReferenceIds.includes(referenceId)) {
    // Its notification already came and carried the server's truth.
    return { ...entry, pending: without, unclaimedReferenceIds: entry.unclaimedReferenceIds.filter((id) => id !== referenceId) };
  }
  if (referenceId === undefined && landedAlready(entry, edit)) return { ...entry, pending: without };
  return updateEdit(entry, editId, (candidate) => ({ ...candidate, status: 'awaiting', acceptedAt, ...(referenceId === undefined ? {} : { referenceId }) }));
}

export function markFailed(entry: ChatEntry, editId: number, error: GwsError, mayHaveLanded = false): ChatEntry {
  const index = entry.pending.findIndex((edit) => edit.editId === editId);
  const failed = entry.pending[index];
  if (!failed) return entry;
  // The server shows what it asked for already: its notification came before this answer (GWS
  // may publish first, then a proxy's 504 or a garbled reply), or another party set the same.
  // Nothing for the agent to settle (it stayed "Not saved" for good: bad-input test).
  if (landedAlready(entry, failed)) return dropPending(entry, editId);
  // What was made over this write's value (a later write of the key, a draft) rests, now, on the
  // value it would have replaced: the refusal is no change by someone else (it was read as one,
  // "Changed on the server", a conflict invented for the agent's next write of the key).
  const restsOn = (base: UserDataValue | undefined) => (sameValue(base, valueAfter(failed)) ? failed.base : base);
  const pending = entry.pending.map((edit) => (edit.key === failed.key && edit !== failed ? { ...edit, base: restsOn(edit.base) } : edit));
  // A newer write of the same key already replaced this one in the agent's intent.
  if (pending.slice(index + 1).some((edit) => edit.key === failed.key)) return dropPending({ ...entry, pending }, editId);
  const draft = entry.drafts.get(failed.key);
  return {
    ...updateEdit({ ...entry, pending }, editId, (edit) => ({ ...edit, status: 'failed', error, mayHaveLanded })),
    ...(draft && { drafts: new Map(entry.drafts).set(failed.key, { ...draft, base: restsOn(draft.base) }) }),
  };
}

/**
 * A write that did not reach the server (offline, session expired) waits to be replayed; one
 * not sent because another party changed its key meanwhile (flagOvertaken) is a conflict.
 */
export function markQueued(entry: ChatEntry, editId: number, mayHaveLanded?: boolean): ChatEntry {
  return updateEdit(entry, editId, ({ error: _dropped, ...edit }) => ({ ...edit, status: edit.overtaken ? 'conflict' : 'queued', ...(mayHaveLanded && { mayHaveLanded }) }));
}

export function dropPending(entry: ChatEntry, editId: number): ChatEntry {
  return { ...entry, pending: entry.pending.filter((edit) => edit.editId !== editId) };
}

/**
 * After the re-read that follows a reconnect: a queued write whose key the server changed
 * meanwhile becomes a conflict for the agent to decide, instead of blindly overwriting.
 */
export function reconcileQueued(entry: ChatEntry): ChatEntry {
  const userData = entry.chat.userData;
  let changed = false;
  let { undo } = entry.history;
  const pending: PendingEdit[] = [];
  for (const edit of entry.pending) {
    // Made over the agent's own write of the key still on its way (or queued after it went unanswered:
    // baseFor): what that one replaces is no change either.
    const onItsWay = entry.pending.find((own) => own.key === edit.key && mayBeOnServer(own));
    if (edit.status !== 'queued' || sameValue(userData.get(edit.key), edit.base) || (onItsWay && sameValue(userData.get(edit.key), onItsWay.base))) pending.push(edit);
    // Changed meanwhile to what the agent wanted (the key deleted, the same value set): no
    // conflict, where both choices would mean the same; nothing to send either.
    else if (snapshotShows(entry.chat, edit)) changed = true;
    else {
      changed = true;
      undo = theirsBefore(undo, edit, userData.get(edit.key));
      pending.push({ ...edit, status: 'conflict' });
    }
  }
  return changed ? { ...entry, pending, history: { ...entry.history, undo } } : entry;
}
