// A notification of type Error (contract.md §4): GWS accepted a write, then the contact center
// refused it. Pure: the chats after it, for chatStore.ts.

import type { ChatNotification } from '../gws';
import { markFailed, type ChatEntry } from './chatEntry';

type OperationFailed = Extract<ChatNotification, { kind: 'operation-failed' }>;

/**
 * The chats with the refused writes failed (the same entries where it names none of theirs). One
 * that names its request (referenceId: the session's, whichever chat is named) fails that write.
 * One that names none (contract.md §1.3: fall back to the chat) may be about each write of its
 * chat GWS accepted and has not confirmed: those are *Not confirmed*, and the chats are read
 * again to settle the ones the server shows (it was ignored, and that read dropped a refused
 * write unsaid: review).
 */
export function refuseWrites(chats: ReadonlyMap<string, ChatEntry>, notification: OperationFailed): ReadonlyMap<string, ChatEntry> {
  const { referenceId, message } = notification;
  const unlinked = referenceId === undefined;
  let refused = false;
  const next = new Map(
    [...chats].map(([chatId, entry]) => {
      for (const edit of entry.pending) {
        if (edit.status === 'awaiting' && (unlinked ? about(notification, chatId) : edit.referenceId === referenceId)) {
          entry = markFailed(entry, edit.editId, { kind: 'refused-later', message, ...(unlinked && { unlinked }) }, unlinked);
          refused = true;
        }
      }
      return [chatId, entry];
    }),
  );
  // Nothing refused: the same chats, nothing for the store's subscribers (review).
  return refused ? next : chats;
}

/**
 * The writes still on their way an Error naming no request may be about (GWS may publish
 * before it answers): the store fails each as GWS accepts it (it was taken as accepted, and
 * the read that followed dropped it unsaid: review).
 */
export function sendingWhen(chats: ReadonlyMap<string, ChatEntry>, notification: OperationFailed): number[] {
  return [...chats].flatMap(([chatId, entry]) => (about(notification, chatId) ? entry.pending.filter((edit) => edit.status === 'sending').map((edit) => edit.editId) : []));
}

/** An Error naming no request is about the chat it names, or every chat if it names none. */
const about = ({ chatId: named }: OperationFailed, chatId: string) => (named ?? chatId) === chatId;
