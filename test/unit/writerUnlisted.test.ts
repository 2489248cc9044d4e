// @vitest-environment node
// A write waiting its turn (sending, behind a slow one) in a chat that turns Unlisted meanwhile
// was sent anyway (review): GWS refused it as not found, and every such refusal reads the chats again.
import { QueryClient } from '@tanstack/react-query';
import { expect, it, vi } from 'vitest';
import { writerFor } from '../../src/caseData/caseDataWriter';
import { GwsRequestError, type Chat, type ChatOperation, type GwsClient, type UserDataValue } from '../../src/gws';
import { createChatStore } from '../../src/store';

const chat = (id: string, userData: Record<string, UserDataValue> = {}): Chat => ({
  id,
  state: 'Chatting',
  capabilities: [],
  participants: [],
  userData: new Map(Object.entries(userData)),
  receivedDate: '',
});

it('does not send a write of a chat that turned Unlisted while it waited its turn', async () => {
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chat('c', { a: '1', b: '2' })], actions.readStarted());
  const sent: ChatOperation[] = [];
  const client: GwsClient = {
    baseUrl: 'http://gws.test',
    notificationsUrl: 'http://gws.test/api/v2/notifications',
    getMe: async () => ({ id: 'a', userName: 'agent' }),
    operate: async (_chatId, operation) => {
      sent.push(operation);
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new GwsRequestError({ kind: 'status-code', statusCode: 6, statusMessage: 'Chat not found' });
    },
    listChats: async () => ({ chats: [], unreadable: [] }),
    csrfHeaders: () => ({}),
  };
  const queryClient = new QueryClient();
  // The read the refusal asks for: GWS no longer lists the chat.
  vi.spyOn(queryClient, 'invalidateQueries').mockImplementation(async () => actions.chatsRead([], actions.readStarted()));
  const writer = writerFor({ client, store, queryClient });
  for (const [key, value] of [['a', 'A'], ['b', 'B']] as const) {
    const { editId } = actions.userDataWriteSent('c', { op: 'update', key, value });
    writer.mutate({ chatId: 'c', write: { op: 'update', key, value }, editId });
  }
  await vi.waitFor(() => expect(store.getState().chats.get('c')?.pending.every((edit) => edit.status !== 'sending')).toBe(true));
  expect(store.getState().chats.get('c')?.chat.state).toBe('Unlisted');
  // Only the first went: the second waited its turn, and by then the chat was over.
  expect(sent).toHaveLength(1);
});
