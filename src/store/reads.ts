// One chat's live state against a read of all chats over HTTP (chatStore.ts, chatsRead): the
// read is the server's truth as of when it began, older than every notification received since.

import type { Chat } from '../gws';
import { applyRead, type ChatEntry } from './chatEntry';
import { sameValue } from './writeValues';

/** The entry after a read that began at `startedAt` (local clock) brought `chat`. */
export function entryAfterRead(entry: ChatEntry, chat: Chat, receivedAt: number, startedAt: number): ChatEntry {
  if (entry.receivedAt < startedAt) return applyRead(entry, chat, receivedAt, startedAt);
  // A notification since, without userData (a state change), kept the one from before this read:
  // the read's is newer. Taken as stale, it let a queued write go over another party's change
  // made during the gap, unseen (review).
  if (entry.userDataAt < startedAt) return { ...applyRead(entry, { ...entry.chat, userData: chat.userData }, receivedAt, startedAt), receivedAt: entry.receivedAt };
  // A notification newer than this read already holds fresher data; but the read settles the
  // writes GWS accepted before it began, whose notifications may be lost (in a busy chat every
  // re-read was overtaken so, and Saving… stayed up for good: exploratory test), where that
  // notification shows the key changed since (one from before the write shows its base).
  const pending = entry.pending.filter((edit) => edit.status !== 'awaiting' || (edit.acceptedAt ?? 0) > startedAt || sameValue(entry.chat.userData.get(edit.key), edit.base));
  // The highest referenceId goes, as at every read (applyRead): GWS may count anew after a restart,
  // and a StatusChange of 1 was dropped as old, the chat left editable under Live (review). (A new
  // entry at each such read, nothing settled or not: reads are few, and this is one re-render.)
  return { ...entry, pending, lastReferenceId: 0 };
}

/**
 * A listed chat the read could not read was not read again: what changed in it meanwhile is
 * unknown, so its queued writes are not sent over it unseen (refused, with Retry), and one GWS
 * accepted is not confirmed by this read nor by its notification, which no one can read either
 * (it stayed Saving… for good: bad-input test). Said as not confirmed: it may have been saved.
 */
export function entryUnread(entry: ChatEntry, reason: string): ChatEntry {
  const unread = (edit: ChatEntry['pending'][number]) => edit.status === 'queued' || edit.status === 'awaiting';
  if (!entry.pending.some(unread)) return entry;
  // Only an accepted one may have landed: a queued one was never sent (review).
  return {
    ...entry,
    pending: entry.pending.map((edit) => (unread(edit) ? { ...edit, status: 'failed', error: { kind: 'invalid-payload', message: reason, issues: [] }, mayHaveLanded: edit.status === 'awaiting' } : edit)),
  };
}
