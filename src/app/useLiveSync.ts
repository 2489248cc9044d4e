import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useOutboxFlush } from '../caseData';
import { chatQueries, createNotificationConnection, mayPass, toGwsError, useGwsClient, type GwsClient, type NotificationConnection } from '../gws';
import { useChatActions, useChatStoreApi, type ChatStore } from '../store';
import { afterNextPaint } from '../shared/afterNextPaint';
import { probeWhileExpired } from './sessionProbe';

/** How soon the chats are read again after a notification that could not be read. */
const MISSED_CHANGE_READ_MS = 1_000;

type ReadParts = { readonly client: GwsClient; readonly store: ChatStore; readonly queryClient: QueryClient };

/**
 * The chats read: GWS's list goes into the store as part of the query itself, so the
 * store has it the moment it arrives, whoever started the read (useLiveSync, or
 * `startFirstRead` before React rendered anything).
 */
function chatsReadQuery({ client, store, queryClient }: ReadParts) {
  return queryOptions({
    ...chatQueries.list(client),
    // As every read (createQueryClient: twice); but the read that releases queued writes
    // (live again after a gap) keeps trying, with React Query's growing pause, for as long
    // as they wait on it and the failure may pass (no answer, a 5xx, a 429): giving up left
    // them queued under a status that said Live. A failure that will not pass (a 403 from a
    // proxy, a login page instead of JSON, GWS's statusCode) is shown with Try again at once,
    // not after twice more (exploratory test: three tries, the handshake after them, three more).
    retry: (failures, error) => {
      if (!mayPass(toGwsError(error))) return false;
      const { connection, outbox } = store.getState();
      const usual = queryClient.getDefaultOptions().queries?.retry;
      return (connection.kind === 'live' && outbox === 'held') || (typeof usual === 'number' ? failures < usual : usual === true);
    },
    queryFn: async () => {
      const { actions } = store.getState();
      const startedAt = actions.readStarted();
      try {
        const list = await client.listChats();
        actions.chatsRead(list.chats, startedAt, list.unreadable);
        // This read began before the connection last became live (a request for a newer
        // read was merged into it): read once more, or held writes would wait forever.
        const { connection, outbox } = store.getState();
        if (connection.kind === 'live' && outbox === 'held') setTimeout(() => chatQueries.reread(queryClient, client), 0);
        return list;
      } catch (error) {
        if (toGwsError(error).kind === 'session-expired') actions.sessionExpired();
        throw error;
      }
    },
  });
}

/**
 * Starts the first chats read as soon as the client exists, before React renders: the
 * request then travels while React builds the panel instead of after its first paint
 * (passive effects run after it), and the grid is usually in the very first paint.
 * useLiveSync's query joins the read in flight instead of making a second one.
 */
export function startFirstRead(parts: ReadParts): void {
  void parts.queryClient.prefetchQuery(chatsReadQuery(parts));
}

/**
 * The one place where GWS meets the store. The chats are read over HTTP at start and
 * again every time the connection becomes live after a gap (GWS has no replay), and only
 * then are queued writes released; every `/v2/me/chats` notification goes to the store;
 * an expired session is probed until it is back (sessionProbe.ts), then everything resumes.
 */
export function useLiveSync() {
  const client = useGwsClient();
  const actions = useChatActions();
  const store = useChatStoreApi();
  const queryClient = useQueryClient();
  const connection = useRef<NotificationConnection | null>(null);
  useOutboxFlush();

  const chats = useQuery(chatsReadQuery({ client, store, queryClient }));

  // The live connection (and the CometD code, loaded on demand) starts once the first
  // read has settled and been painted: the agent sees the chat sooner, and nothing is
  // missed, because going live always re-reads before held writes are released.
  // That paint is the next animation frame's; a hidden iframe gets no frames, so a timer
  // starts the connection there instead.
  const firstReadSettled = chats.isFetched;
  useEffect(() => {
    if (!firstReadSettled) return;
    let live: NotificationConnection | null = null;
    const reread = () => chatQueries.reread(queryClient, client);
    let missedRead: ReturnType<typeof setTimeout> | undefined;
    const begin = () => {
      live = createNotificationConnection({
        client,
        onNotification: (notification) => {
          // A notification no one could read carried a change that is now missed (GWS has no
          // replay), and an Error may leave writes in doubt (one naming none: review): read again,
          // so the grid is not left stale under Live (bad-input test). A moment later, and a new
          // read (one on its way may have begun before the change): those that come meanwhile
          // share it, so a chat whose every notification is unreadable costs a read a second, not one each (review).
          // So does one without userData (a state change; the key is there only then): a chat back from
          // over waits on a read (chatStore.ts); and a change of a type this version does not know.
          if (notification.kind === 'rejected-notification' || notification.kind === 'operation-failed' || notification.kind === 'unknown-change' || 'userDataAbsent' in notification) {
            missedRead ??= setTimeout(() => {
              missedRead = undefined;
              reread();
            }, MISSED_CHANGE_READ_MS);
          }
          // After: a store that throws taking it in (counted as unread by the session) still gets its read (review).
          actions.notificationReceived(notification);
        },
        onStatus: actions.connectionChanged,
      });
      connection.current = live;
      live.start();
    };
    const cancelBegin = afterNextPaint(begin);
    // Live again after any gap: re-read before the held writes may go.
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.connection.kind === 'live' && previous.connection.kind !== 'live' && state.outbox === 'held') reread();
    });
    return () => {
      clearTimeout(missedRead);
      cancelBegin();
      unsubscribe();
      connection.current = null;
      void live?.stop();
    };
  }, [firstReadSettled, client, actions, queryClient, store]);

  // Once it is back, the connection handshakes again (and going live re-reads).
  useEffect(() => probeWhileExpired(store, () => client.getMe(), () => connection.current?.restart()), [client, store]);

  return chats;
}
