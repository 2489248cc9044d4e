// @vitest-environment node
// (Review.) as writerReread.test.ts's second test, but the chat had ended (Completed) when GWS
// stopped listing it: the write stays Saving… and the chats are read once a minute for good.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, expect, it, vi } from 'vitest';
import { writerFor } from '../../src/caseData/caseDataWriter';
import type { Chat, GwsClient } from '../../src/gws';
import { createChatStore } from '../../src/store';

const chat = (state: string, userData?: Record<string, string>): Chat => ({
  id: 'c',
  state,
  capabilities: [],
  participants: [],
  userData: new Map(Object.entries(userData ?? {})),
  receivedDate: '',
});
afterEach(() => vi.useRealTimers());

it('stops re-reading once a read finds an ended chat no longer listed', async () => {
  vi.useFakeTimers();
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chat('Chatting', { k: 'old' })], actions.readStarted());
  const client: GwsClient = {
    baseUrl: 'http://gws.test',
    notificationsUrl: 'http://gws.test/api/v2/notifications',
    getMe: async () => ({ id: 'a', userName: 'agent' }),
    operate: async () => ({ referenceId: 5 }),
    listChats: async () => ({ chats: [], unreadable: [] }),
    csrfHeaders: () => ({}),
  };
  const queryClient = new QueryClient();
  const reads: number[] = [];
  vi.spyOn(queryClient, 'invalidateQueries').mockImplementation(async () => {
    reads.push(Date.now());
    actions.chatsRead([], actions.readStarted());
  });
  const writer = writerFor({ client, store, queryClient });
  const { editId } = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'A1' });
  writer.mutate({ chatId: 'c', write: { op: 'update', key: 'k', value: 'A1' }, editId });
  await vi.advanceTimersByTimeAsync(0);
  // The chat ends (its write's notification lost), without userData.
  actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: chat('Completed'), userDataAbsent: true });
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  expect(reads).toHaveLength(1);
  expect(store.getState().chats.get('c')?.pending).toMatchObject([{ status: 'failed', mayHaveLanded: true }]);
});
