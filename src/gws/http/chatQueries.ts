import { queryOptions } from '@tanstack/react-query';
import type { GwsClient } from './gwsClient';

// One key factory for everything the widget reads from GWS. Keys start with the base
// URL so two panels pointed at different servers never share a cache entry.
export const chatQueries = {
  all: (client: GwsClient) => ['gws', client.baseUrl, 'chats'] as const,
  list: (client: GwsClient) =>
    queryOptions({
      queryKey: [...chatQueries.all(client), 'list'] as const,
      queryFn: () => client.listChats(),
      // Notifications keep chats fresh; GWS has no replay, so the list is re-read only
      // on purpose (start, re-handshake), never on a timer or window focus.
      staleTime: Infinity,
    }),
};
