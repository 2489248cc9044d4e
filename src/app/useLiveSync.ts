import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { chatQueries, createNotificationConnection, useGwsClient } from '../gws';
import { useChatActions } from '../store';

/**
 * The one place where GWS meets the store: the chats are read over HTTP at start and
 * after every re-handshake, and every `/v2/me/chats` notification goes to the store.
 */
export function useLiveSync() {
  const client = useGwsClient();
  const actions = useChatActions();
  const queryClient = useQueryClient();

  const chats = useQuery({
    ...chatQueries.list(client),
    queryFn: async () => {
      const startedAt = actions.readStarted();
      const list = await client.listChats();
      actions.chatsRead(list, startedAt);
      return list;
    },
  });

  useEffect(() => {
    const connection = createNotificationConnection({
      url: `${client.baseUrl}/api/v2/notifications`,
      onNotification: actions.notificationReceived,
      onStatus: actions.connectionChanged,
      onResync: () => {
        void queryClient.invalidateQueries({ queryKey: chatQueries.list(client).queryKey });
      },
    });
    connection.start();
    return () => {
      void connection.stop();
    };
  }, [client, actions, queryClient]);

  return chats;
}
