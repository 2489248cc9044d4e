// A notification of type Error (contract.md §4): GWS accepted a write, then the contact center
// refused it. A chunk of its own, which chatStore.ts loads (the writer asks for it as it
// loads): no write can be refused before one is made, and the first paint's 100 kB go to what
// every chat shows.

import type { ChatNotification, GwsError } from '../gws';
import { markFailed, UNCLAIMED_LIMIT, type ChatEntry } from './chatEntry';

type OperationFailed = Extract<ChatNotification, { kind: 'operation-failed' }>;
type Chats = ReadonlyMap<string, ChatEntry>;

/** How a write GWS has just accepted fails after all. */
export type Refusal = { readonly error: GwsError; readonly mayHaveLanded: boolean };

export type Refusals = ReturnType<typeof createRefusals>;

/** An Error naming no request (or none a write carries) is about the chat it names, or every chat if it names none. */
const about = ({ chatId: named }: OperationFailed, chatId: string) => (named ?? chatId) === chatId;

const unlinkedRefusal = (message: string): Refusal => ({ error: { kind: 'refused-later', message, unlinked: true }, mayHaveLanded: true });

/**
 * One store's refusals. An Error that names its request (referenceId: the session's, whichever
 * chat is named) fails the write that carries it. One that names none, or a request no write
 * carries, falls back to the chat (contract.md §1.3): each write of it GWS accepted without a
 * referenceId of its own (or any, for one naming none) is *Not confirmed*, and the chats are read
 * again to settle the ones the server shows (useLiveSync). GWS answers a userData write with a
 * bare `{"statusCode":0}` in the documentation's samples: such a write carries no referenceId,
 * and an Error naming the request found nothing; the read after it dropped the refused write
 * unsaid (review).
 */
export function createRefusals() {
  // Errors naming a request no write carries yet: GWS may publish before it answers.
  let early: { readonly referenceId: number; readonly message: string; readonly at: number }[] = [];
  // Writes still on their way when an Error their chat may be about came, by editId: each is
  // refused as GWS accepts it, unless its reply names another request.
  const doubted = new Map<number, { readonly message: string; readonly referenceId: number | undefined }>();

  return {
    /** The chats after an Error notification (the same map when it refuses nothing: nothing for the store's subscribers). */
    received(chats: Chats, notification: OperationFailed, at: number): Chats {
      const { referenceId, message } = notification;
      const named = referenceId !== undefined && [...chats.values()].some((entry) => entry.pending.some((edit) => edit.status === 'awaiting' && edit.referenceId === referenceId));
      if (referenceId !== undefined && !named) early = [...early, { referenceId, message, at }].slice(-UNCLAIMED_LIMIT);
      let refused = false;
      const next = new Map(
        [...chats].map(([chatId, entry]) => {
          for (const edit of entry.pending) {
            if (named) {
              if (edit.status !== 'awaiting' || edit.referenceId !== referenceId) continue;
              entry = markFailed(entry, edit.editId, { kind: 'refused-later', message });
              refused = true;
            } else if (about(notification, chatId) && (referenceId === undefined || edit.referenceId === undefined)) {
              if (edit.status === 'sending') doubted.set(edit.editId, { message, referenceId });
              if (edit.status !== 'awaiting') continue;
              const { error, mayHaveLanded } = unlinkedRefusal(message);
              entry = markFailed(entry, edit.editId, error, mayHaveLanded);
              refused = true;
            }
          }
          return [chatId, entry];
        }),
      );
      return refused ? next : chats;
    },

    /** The refusal of a write GWS has just accepted, if an Error about it came first; else null. */
    accepted(editId: number, referenceId: number | undefined): Refusal | null {
      const doubt = doubted.get(editId);
      doubted.delete(editId);
      const first = referenceId === undefined ? undefined : early.find((refusal) => refusal.referenceId === referenceId);
      if (first) {
        early = early.filter((refusal) => refusal !== first);
        return { error: { kind: 'refused-later', message: first.message }, mayHaveLanded: false };
      }
      // A reply naming another request than the Error did is not the one it refused.
      return doubt && (doubt.referenceId === undefined || referenceId === undefined) ? unlinkedRefusal(doubt.message) : null;
    },

    /** The write failed or went back to the queue instead: nothing to refuse when it is accepted later. */
    settled(editId: number): void {
      doubted.delete(editId);
    },

    /** A read after a gap: refusals from before it are its past (GWS may count anew after a restart). */
    readAfterGap(startedAt: number): void {
      early = early.filter((refusal) => refusal.at > startedAt);
    },
  };
}
