import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { chatQueries, toGwsError, useGwsClient, type ChatOperation, type GwsError } from '../gws';
import { useChatActions, useChatStoreApi, type ChatStore, type HistoryStep, type UserDataWrite } from '../store';
import { OPERATION_OF } from './validation';

type WriteVariables = { readonly chatId: string; readonly write: UserDataWrite; readonly editId: number };

function toOperation(write: UserDataWrite): ChatOperation {
  return write.op === 'delete'
    ? { operationName: OPERATION_OF.delete, keys: [write.key] }
    : { operationName: OPERATION_OF[write.op], userData: new Map([[write.key, write.value]]) };
}

/** Only the write itself, not a previous attempt's status, error or base. */
const writeOf = (edit: UserDataWrite): UserDataWrite =>
  edit.op === 'delete' ? { op: 'delete', key: edit.key } : { op: edit.op, key: edit.key, value: edit.value };

const isSessionProblem = (error: GwsError) => error.kind === 'session-expired' || error.kind === 'csrf';

// Every write of the widget goes through one mutation scope, so they reach GWS in the
// order the agent made them: UpdateUserData is last-writer-wins per key.
const WRITE_SCOPE = { id: 'case-data-writes' };

/** How long an accepted write may wait for the notification that confirms it. */
export const UNCONFIRMED_REREAD_MS = 5_000;

/**
 * Sends the agent's writes (UpdateUserData, AttachUserData, DeleteUserData). The store
 * shows a write as pending from the moment it is made; while the connection is not live
 * it is queued and replayed in order after the chats are re-read; only the server's
 * notification makes it confirmed; a refused write stays in place with the reason.
 */
export function useCaseDataWriter() {
  const client = useGwsClient();
  const actions = useChatActions();
  const store = useChatStoreApi();
  const queryClient = useQueryClient();
  const { mutate } = useMutation({
    mutationKey: chatQueries.all(client),
    scope: WRITE_SCOPE,
    // Its turn has come: not over a change by another party made while it waited (chatEntry.ts:
    // flagOvertaken), nor while notifications are down, when such a change would go unseen (it
    // waits queued for the re-read, which checks it: reconcileQueued).
    mutationFn: async ({ chatId, write, editId }: WriteVariables) => {
      const { chats, outbox } = store.getState();
      return outbox !== 'open' || chats.get(chatId)?.pending.find((edit) => edit.editId === editId)?.overtaken ? null : client.operate(chatId, toOperation(write));
    },
    onSuccess: (accepted, { chatId, editId }) => {
      // Not sent: queued, or a conflict if overtaken (chatEntry.ts: markQueued).
      if (!accepted) return actions.userDataWriteRequeued(chatId, editId);
      actions.userDataWriteAccepted(chatId, editId, accepted.referenceId);
      // Its notification confirms it in milliseconds; one lost in transit must not leave
      // "Saving…" up for good: read the chats again (the read settles it, applyRead).
      setTimeout(() => {
        if (store.getState().chats.get(chatId)?.pending.some((edit) => edit.editId === editId && edit.status === 'awaiting'))
          void queryClient.invalidateQueries({ queryKey: chatQueries.list(client).queryKey }, { cancelRefetch: false });
      }, UNCONFIRMED_REREAD_MS);
    },
    onError: (error, { chatId, editId }) => {
      const detail = toGwsError(error);
      // Nothing reached GWS: keep the write for the replay rather than calling it failed.
      const unreachable = detail.kind === 'network' || detail.kind === 'timeout';
      if (isSessionProblem(detail)) actions.sessionExpired();
      if (isSessionProblem(detail) || (unreachable && store.getState().outbox === 'held')) actions.userDataWriteRequeued(chatId, editId);
      else actions.userDataWriteFailed(chatId, editId, detail);
    },
    // A write is never repeated behind the agent's back; a failed one offers Retry instead.
    retry: false,
  });

  /** Callers validate first (validation.ts); `step` records the write for undo. */
  const send = useCallback(
    (chatId: string, write: UserDataWrite, step: HistoryStep | null) => {
      const { editId, sendNow } = actions.userDataWriteSent(chatId, write, step ?? undefined);
      if (sendNow) mutate({ chatId, write, editId });
    },
    [actions, mutate],
  );

  return { send, mutate };
}

/** Sends every queued write, chat by chat in the order made, once the outbox is open. */
// Marking a write as sent notifies the store's subscribers, one of which is the flush
// itself: without this guard the nested flush would send the later writes first, and the
// outer loop would then send them again.
const flushing = new WeakSet<ChatStore>();

export function flushOutbox(store: ChatStore, mutate: (variables: WriteVariables) => void) {
  if (flushing.has(store) || store.getState().outbox !== 'open') return;
  flushing.add(store);
  try {
    // Taken from a fresh state each round until nothing is queued: in the order made.
    for (;;) {
      const next = firstQueued(store);
      if (!next) break;
      store.getState().actions.userDataWriteStarted(next.chatId, next.edit.editId);
      mutate({ chatId: next.chatId, write: writeOf(next.edit), editId: next.edit.editId });
    }
  } finally {
    flushing.delete(store);
  }
}

function firstQueued(store: ChatStore) {
  const state = store.getState();
  if (state.outbox !== 'open') return null;
  for (const [chatId, entry] of state.chats) {
    const edit = entry.pending.find((candidate) => candidate.status === 'queued');
    if (edit) return { chatId, edit };
  }
  return null;
}

/**
 * Mounted once per widget: whenever the outbox opens (live again and re-read) or a
 * queued write appears while it is open (a conflict resolved as "keep mine"), send.
 */
export function useOutboxFlush() {
  const store = useChatStoreApi();
  const { mutate } = useCaseDataWriter();
  useEffect(() => {
    flushOutbox(store, mutate);
    return store.subscribe((state, previous) => {
      if (state.outbox === 'open' && (previous.outbox !== 'open' || state.chats !== previous.chats)) flushOutbox(store, mutate);
    });
  }, [store, mutate]);
}
