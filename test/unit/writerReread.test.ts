// @vitest-environment node
// The writer (src/caseData/caseDataWriter.ts) reads the chats again while an accepted write
// waits for its notification: less and less often, and not while the connection is down; and
// no more once a read finds the write's chat gone from the agent (the write is Not confirmed there).
import { QueryClient } from '@tanstack/react-query';
import { afterEach, expect, it, vi } from 'vitest';
import { writerFor } from '../../src/caseData/caseDataWriter';
import type { GwsClient, UserDataValue } from '../../src/gws';
import { createChatStore, type ChatStoreActions } from '../../src/store';
import { chatOf } from '../support/chats';

const chat = (id: string, userData: Record<string, UserDataValue> = {}, state = 'Chatting') => chatOf({ id, state, userData });
afterEach(() => vi.useRealTimers());

/** One accepted write of chat c, whose notification never comes; `read` is what each read the writer asks for does. */
function acceptedWrite(read: (actions: ChatStoreActions) => void) {
  vi.useFakeTimers();
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chat('c', { k: 'old' })], actions.readStarted());
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
    read(actions);
  });
  const writer = writerFor({ client, store, queryClient });
  const { editId } = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'A1' });
  writer.mutate({ chatId: 'c', write: { op: 'update', key: 'k', value: 'A1' }, editId });
  return { store, actions, reads };
}

it('re-reads for a write no read settles (every read fails) less and less often, at most once a minute, and not while not live', async () => {
  // Each read the writer asks for fails (a proxy's 502, say): nothing settles the write.
  const { actions, reads } = acceptedWrite(() => undefined);
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  // Before (review): every 5 s, 120 reads in 10 minutes.
  expect(reads.length).toBeLessThanOrEqual(14);
  expect((reads.at(-1) ?? 0) - (reads.at(-2) ?? 0)).toBe(60_000);
  actions.connectionChanged({ kind: 'offline' });
  const before = reads.length;
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  expect(reads.length).toBe(before);
});

it('stops re-reading once a read finds the write’s chat no longer listed: the write is Not confirmed there, listed to copy', async () => {
  const { store, reads } = acceptedWrite((actions) => actions.chatsRead([], actions.readStarted()));
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  // Before (exploratory test): a read a minute for good, the cell Saving… all the while.
  expect(reads).toHaveLength(1);
  expect(store.getState().chats.get('c')?.chat.state).toBe('Unlisted');
  expect(store.getState().chats.get('c')?.pending).toMatchObject([{ status: 'failed', mayHaveLanded: true }]);
});

it('does so for a chat that had ended when GWS stopped listing it (review)', async () => {
  const { store, actions, reads } = acceptedWrite((each) => each.chatsRead([], each.readStarted()));
  await vi.advanceTimersByTimeAsync(0);
  // The chat ends (its write's notification lost), without userData.
  actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: chat('c', {}, 'Completed'), userDataAbsent: true });
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  expect(reads).toHaveLength(1);
  expect(store.getState().chats.get('c')?.pending).toMatchObject([{ status: 'failed', mayHaveLanded: true }]);
});
