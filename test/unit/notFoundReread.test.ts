// @vitest-environment node
// A write refused as not found (statusCode 6) asks for a new read. Joining one already on its way
// (review) left the chat live and editable: that one began before the chat left the agent, and
// listed it; and landing after the newer read began, it was taken for newer than that one.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { expect, it, vi } from 'vitest';
import { writerFor } from '../../src/caseData/caseDataWriter';
import { chatQueries, GwsRequestError, type Chat, type GwsClient } from '../../src/gws';
import { createChatStore } from '../../src/store';

const chat = (id: string): Chat => ({ id, state: 'Chatting', capabilities: [], participants: [], userData: new Map([['a', '1']]), receivedDate: '' });

/**
 * Chat c, read once; a read on its way (a reconnect's, or the 5 s one after an accepted write)
 * as GWS takes c from the agent (a transfer); then a write to c, refused as not found. GWS answers
 * each read with the list as it was when the request reached it, after `readMs(call)`.
 */
async function refusedWhileAReadIsOnItsWay(readMs: (call: number) => number) {
  let serverChats = [chat('c')];
  let reads = 0;
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
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, readMs(reads)));
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
  await vi.waitFor(() => expect(store.getState().chats.get('c')?.pending[0]?.status).toBe('failed'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  unsubscribe();
  return { store, reads };
}

it('turns a chat refused as not found Unlisted even when a read from before the refusal was on its way', async () => {
  const { store, reads } = await refusedWhileAReadIsOnItsWay(() => 50);
  expect(reads).toBeGreaterThanOrEqual(3);
  expect(store.getState().chats.get('c')?.chat.state).toBe('Unlisted');
});

it('keeps it Unlisted when that read lands after the new one (review)', async () => {
  // The first read is quick, the one on its way slow, the new one quick.
  const { store, reads } = await refusedWhileAReadIsOnItsWay((call) => (call === 2 ? 150 : 20));
  expect(reads).toBe(3);
  expect(store.getState().chats.get('c')?.chat.state).toBe('Unlisted');
});
