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
export function refuseWrites(chats: ReadonlyMap<string, ChatEntry>, { chatId: named, referenceId, message }: OperationFailed): Map<string, ChatEntry> {
  const unlinked = referenceId === undefined;
  return new Map(
    [...chats].map(([chatId, entry]) => {
      for (const edit of entry.pending) {
        if (edit.status === 'awaiting' && (unlinked ? (named ?? chatId) === chatId : edit.referenceId === referenceId)) {
          entry = markFailed(entry, edit.editId, { kind: 'refused-later', message, ...(unlinked && { unlinked }) }, unlinked);
        }
      }
      return [chatId, entry];
    }),
  );
}
