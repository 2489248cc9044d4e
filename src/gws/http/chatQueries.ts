import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { GwsClient } from './gwsClient';

// One key factory for everything the widget reads from GWS. Keys start with the base
// URL so two panels pointed at different servers never share a cache entry.
export const chatQueries = {
  all: (client: GwsClient) => ['gws', client.baseUrl, 'chats'] as const,
  // No queryFn here: the read must feed the store as it lands (useLiveSync's chatsReadQuery
  // adds it), and one that did not would leave the store behind the cache (review).
  list: (client: GwsClient) =>
    queryOptions({
      queryKey: [...chatQueries.all(client), 'list'] as const,
      // Notifications keep chats fresh; GWS has no replay, so the list is re-read only
      // on purpose (start, re-handshake), never on a timer or window focus.
      staleTime: Infinity,
    }),
  /** Reads the chats again: a new read, or (`join`) the one already on its way. */
  reread: (queryClient: QueryClient, client: GwsClient, join = false) =>
    void queryClient.invalidateQueries({ queryKey: chatQueries.list(client).queryKey }, join ? { cancelRefetch: false } : undefined),
};
