import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { chatQueries, codeNotLoaded, useGwsClient } from '../gws';
import { firstQueued, useChatActions, useChatStoreApi, type HistoryStep, type UserDataWrite } from '../store';
import type { Writer } from './caseDataWriter';
import { onDemand } from './onDemand';

/**
 * The writer (caseDataWriter.ts) is a chunk of its own, fetched once the grid has painted
 * (CaseDataGrid): no write can be made before. A write made while it loads shows Saving…
 * at once and goes out as it arrives, in the order made.
 */
export const writerChunk = /* @__PURE__ */ onDemand(() => import('./caseDataWriter'));

/** Runs `use` with the widget's writer; `failed` if its chunk cannot be loaded (offline, a redeployed bundle). */
function useWriter() {
  const client = useGwsClient();
  const store = useChatStoreApi();
  const queryClient = useQueryClient();
  return useCallback(
    (use: (writer: Writer) => void, failed: () => void) => writerChunk.use((chunk) => use(chunk.writerFor({ client, store, queryClient })), failed),
    [client, store, queryClient],
  );
}

/**
 * Sends the agent's writes (UpdateUserData, AttachUserData, DeleteUserData): the store shows
 * a write as pending from the moment it is made (queued while not live).
 */
export function useCaseDataWriter() {
  const actions = useChatActions();
  const store = useChatStoreApi();
  const withWriter = useWriter();
  const client = useGwsClient();
  const queryClient = useQueryClient();
  /** Callers validate first (validation.ts); `step` records the write for undo. Whether it goes now (not queued). */
  const send = useCallback(
    (chatId: string, write: UserDataWrite, step: HistoryStep | null): boolean => {
      const { editId, sendNow } = actions.userDataWriteSent(chatId, write, step ?? undefined);
      if (sendNow)
        withWriter(
          (writer) => writer.mutate({ chatId, write, editId }),
          // Gone offline meanwhile: queued, as every write made offline is, to go once live (useOutboxFlush).
          () =>
            store.getState().outbox === 'open'
              ? actions.userDataWriteFailed(chatId, editId, codeNotLoaded)
              : actions.userDataWriteRequeued(chatId, editId),
        );
      return sendNow;
    },
    [actions, store, withWriter],
  );
  /** The chats read again: what the server holds, where a write may or may not have landed. */
  const reread = () => chatQueries.reread(queryClient, client);
  return { send, reread };
}

/** How soon the writer's chunk is asked for again when queued writes wait on it and it could not be loaded (then less often). */
const FLUSH_RETRY_MS = 5_000;
const FLUSH_RETRY_MAX_MS = 60_000;

/**
 * Mounted once per widget: whenever the outbox opens (live again and re-read) or a queued
 * write appears while it is open (a conflict resolved as "keep mine"), send. The writer's
 * chunk is fetched for it only when there is something to send; if it cannot be, the writes
 * stay queued and it is asked for again (a quiet chat brings no change that would).
 */
export function useOutboxFlush() {
  const store = useChatStoreApi();
  const withWriter = useWriter();
  useEffect(() => {
    let retry: ReturnType<typeof setTimeout> | undefined;
    let waitMs = FLUSH_RETRY_MS;
    let disposed = false;
    const flush = () => {
      clearTimeout(retry);
      if (!firstQueued(store.getState())) return;
      withWriter(
        (writer) => {
          waitMs = FLUSH_RETRY_MS;
          writer.flush();
        },
        () => {
          // The load answered after this effect was cleaned up: no loop outlives the panel.
          if (disposed) return;
          retry = setTimeout(flush, waitMs);
          waitMs = Math.min(waitMs * 2, FLUSH_RETRY_MAX_MS);
        },
      );
    };
    flush();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.outbox === 'open' && (previous.outbox !== 'open' || state.chats !== previous.chats)) flush();
    });
    return () => {
      disposed = true;
      unsubscribe();
      clearTimeout(retry);
    };
  }, [store, withWriter]);
}
