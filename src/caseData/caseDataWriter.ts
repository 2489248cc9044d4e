// The agent's writes to GWS, a chunk of its own (useCaseDataWriter.ts loads it): no write
// can be made before the grid has painted, so the mutation and its observer need not be in
// the first paint's 100 kB.

import { MutationObserver, type QueryClient } from '@tanstack/react-query';
import { chatQueries, hasEnded, UNLISTED, preloadOperations, isSessionProblem, isUnreachable, mayHaveApplied, toGwsError, USER_DATA_OPERATION, type ChatOperation, type GwsClient } from '../gws';
import { firstQueued, landedAlready, loadRefusals, type ChatStore, type UserDataWrite } from '../store';
import { watchLateWrites } from './lateWrites';
import { problemWording } from './validation';

// A write that fails is said in these words (validation.ts), the client's code for writes and the
// store's for refusing them: asked for as soon as writes can be made.
problemWording.preload();
preloadOperations();
loadRefusals().catch(() => undefined);

export type WriteVariables = { readonly chatId: string; readonly write: UserDataWrite; readonly editId: number };
export type WriterParts = { readonly client: GwsClient; readonly store: ChatStore; readonly queryClient: QueryClient };

function toOperation(write: UserDataWrite): ChatOperation {
  return write.op === 'delete'
    ? { operationName: USER_DATA_OPERATION.delete, keys: [write.key] }
    : { operationName: USER_DATA_OPERATION[write.op], userData: new Map([[write.key, write.value]]) };
}

/** Only the write itself, not a previous attempt's status, error or base. */
const writeOf = (edit: UserDataWrite): UserDataWrite =>
  edit.op === 'delete' ? { op: 'delete', key: edit.key } : { op: edit.op, key: edit.key, value: edit.value };

// Every write of the widget goes through one mutation scope, so they reach GWS in the
// order the agent made them: UpdateUserData is last-writer-wins per key.
const WRITE_SCOPE = { id: 'case-data-writes' };

/** How long an accepted write may wait for the notification that confirms it; then the chats are read again, less often each time. */
export const UNCONFIRMED_REREAD_MS = 5_000;
const MAX_REREAD_MS = 60_000;

/**
 * Sends the agent's writes (UpdateUserData, AttachUserData, DeleteUserData). The store
 * shows a write as pending from the moment it is made; while the connection is not live
 * it is queued and replayed in order after the chats are re-read; only the server's
 * notification makes it confirmed; a refused write stays in place with the reason.
 * One mutation observer per widget (its store), made on the first write: the mutation is
 * React Query's, as useMutation's would be, without a hook that would have to be in the
 * first paint.
 */
function createWriter({ client, store, queryClient }: WriterParts) {
  const { actions } = store.getState();
  const observer = new MutationObserver(queryClient, {
    mutationKey: chatQueries.all(client),
    scope: WRITE_SCOPE,
    // Its turn has come: not over a change by another party made while it waited (chatEntry.ts:
    // settle), nor while notifications are down, when such a change would go unseen (it
    // waits queued for the re-read, which checks it: reconcileQueued).
    mutationFn: async ({ chatId, write, editId }: WriteVariables) => {
      const { chats, outbox } = store.getState();
      const entry = chats.get(chatId);
      // Nor in a chat over by then (Unlisted, after a write before it was refused as not found):
      // kept queued, to copy (review).
      const over = entry !== undefined && hasEnded(entry.chat.state);
      return outbox !== 'open' || over || entry?.pending.find((edit) => edit.editId === editId)?.overtaken ? null : client.operate(chatId, toOperation(write));
    },
    onSuccess: (accepted, { chatId, write, editId }) => {
      // Not sent: queued, or a conflict if overtaken (chatEntry.ts: markQueued).
      if (!accepted) return actions.userDataWriteRequeued(chatId, editId);
      // Accepted after a read found its chat gone from the agent (the answer came last): no read or
      // notification will show it now. Not confirmed, listed to copy (it stayed Saving… for good: review).
      if (store.getState().chats.get(chatId)?.chat.state === UNLISTED) return actions.userDataWriteFailed(chatId, editId, { kind: 'not-shown' }, true);
      actions.userDataWriteAccepted(chatId, editId, accepted.referenceId);
      lateWrites.accepted(chatId, write, editId, accepted.referenceId);
      // Its notification confirms it in milliseconds; one lost in transit must not leave
      // "Saving…" up for good: read the chats again (the read settles it, applyRead). Again
      // while it waits, less and less often: a read already on its way is joined, and one that
      // began before GWS accepted the write may not show it (review). Not while the connection
      // is down: going live reads again anyway.
      const settleLater = (waitMs: number) =>
        setTimeout(() => {
          const { chats, connection } = store.getState();
          if (!chats.get(chatId)?.pending.some((edit) => edit.editId === editId && edit.status === 'awaiting')) return;
          if (connection.kind === 'live') chatQueries.reread(queryClient, client, true);
          settleLater(Math.min(waitMs * 2, MAX_REREAD_MS));
        }, waitMs);
      settleLater(UNCONFIRMED_REREAD_MS);
    },
    onError: (error, { chatId, write, editId }) => {
      const detail = toGwsError(error);
      // Nothing reached GWS: keep the write for the replay rather than calling it failed.
      const unreachable = isUnreachable(detail);
      // No answer (that can be read): GWS may have applied it, or still apply it after the agent's
      // next write of the key. Not one the server shows already (its notification came first):
      // it landed, and a watch would take another session's same value for it (exploratory test).
      const entry = store.getState().chats.get(chatId);
      const landed = entry !== undefined && landedAlready(entry, { ...write, editId });
      if (mayHaveApplied(detail) && !landed) lateWrites.timedOut(chatId, write, editId);
      if (isSessionProblem(detail)) actions.sessionExpired();
      // Not found: the chat may have left the agent (a transfer whose notification was lost). The
      // read tells, and a chat no longer listed turns over, its work kept to copy (store: UNLISTED);
      // the refusal alone left it editable, every write refused (exploratory test).
      // A new read: one on its way may have begun before the chat left (review).
      if (detail.kind === 'status-code' && detail.statusCode === 6) chatQueries.reread(queryClient, client);
      if (isSessionProblem(detail) || (unreachable && store.getState().outbox === 'held')) actions.userDataWriteRequeued(chatId, editId, mayHaveApplied(detail) && !landed);
      else actions.userDataWriteFailed(chatId, editId, detail, mayHaveApplied(detail));
    },
    // A write is never repeated behind the agent's back; a failed one offers Retry instead.
    retry: false,
  });
  // The outcome is handled above; the promise's rejection is not a second report.
  const mutate = (variables: WriteVariables) => void observer.mutate(variables).catch(() => undefined);
  // Sent again as the agent's write of the moment, in the order of the writes made since.
  const lateWrites = watchLateWrites(store, (chatId, write, step) => {
    const { editId, sendNow } = actions.userDataWriteSent(chatId, write, step);
    if (sendNow) mutate({ chatId, write, editId });
  });

  // Marking a write as sent notifies the store's subscribers, one of which is the flush
  // itself: without this guard the nested flush would send the later writes first, and the
  // outer loop would then send them again.
  let flushing = false;
  /** Sends every queued write, chat by chat in the order made, once the outbox is open. */
  const flush = () => {
    if (flushing) return;
    flushing = true;
    try {
      // Taken from a fresh state each round until nothing is queued: in the order made.
      for (let next = firstQueued(store.getState()); next; next = firstQueued(store.getState())) {
        actions.userDataWriteStarted(next.chatId, next.edit.editId);
        mutate({ chatId: next.chatId, write: writeOf(next.edit), editId: next.edit.editId });
      }
    } finally {
      flushing = false;
    }
  };
  return { parts: { client, store, queryClient }, mutate, flush };
}

export type Writer = ReturnType<typeof createWriter>;

const writers = new WeakMap<ChatStore, Writer>();

/** The widget's writer (one per store: one scope, one flush guard), made anew for another client, as useMutation's would. */
export function writerFor(parts: WriterParts): Writer {
  let writer = writers.get(parts.store);
  if (!writer || writer.parts.client !== parts.client || writer.parts.queryClient !== parts.queryClient) writers.set(parts.store, (writer = createWriter(parts)));
  return writer;
}
