// @vitest-environment node
// (Review.) as notFoundReread.test.ts, but the read on its way (begun before the transfer) is the
// slower one: React Query cancels it for the new read, yet its queryFn lands, after the new read.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { expect, it, vi } from 'vitest';
import { writerFor } from '../../src/caseData/caseDataWriter';
import { chatQueries, GwsRequestError, type Chat, type GwsClient } from '../../src/gws';
import { createChatStore } from '../../src/store';

const chat = (id: string): Chat => ({ id, state: 'Chatting', capabilities: [], participants: [], userData: new Map([['a', '1']]), receivedDate: '' });

it('keeps a chat refused as not found Unlisted when the read from before the refusal lands after the new one', async () => {
  let serverChats = [chat('c')];
  let call = 0;
  const client: GwsClient = {
    baseUrl: 'http://gws.test',
    notificationsUrl: 'http://gws.test/api/v2/notifications',
    getMe: async () => ({ id: 'a', userName: 'agent' }),
    operate: async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new GwsRequestError({ kind: 'status-code', statusCode: 6, statusMessage: 'Chat not found' });
    },
    listChats: async () => {
      const chats = serverChats;
      call += 1;
      // The first read is quick, the one on its way slow, the new one quick.
      await new Promise((resolve) => setTimeout(resolve, call === 2 ? 150 : 20));
      return { chats, unreadable: [] };
    },
    csrfHeaders: () => ({}),
  };
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  const queryClient = new QueryClient();
  const observer = new QueryObserver(queryClient, {
    ...chatQueries.list(client),
    queryFn: async () => {
      const startedAt = store.getState().actions.readStarted();
      const list = await client.listChats();
      store.getState().actions.chatsRead(list.chats, startedAt, list.unreadable);
      return list;
    },
  });
  const unsubscribe = observer.subscribe(() => undefined);
  await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
  void observer.refetch();
  serverChats = [];
  const writer = writerFor({ client, store, queryClient });
  const { editId } = actions.userDataWriteSent('c', { op: 'update', key: 'a', value: 'A' });
  writer.mutate({ chatId: 'c', write: { op: 'update', key: 'a', value: 'A' }, editId });
  await vi.waitFor(() => expect(store.getState().chats.get('c')?.chat.state).toBe('Unlisted'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(call).toBe(3);
  expect(store.getState().chats.get('c')?.chat.state).toBe('Unlisted');
  unsubscribe();
});
