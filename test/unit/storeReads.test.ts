// @vitest-environment node
// A read of the chats against notifications that came while it was on its way (store/reads.ts):
// the newer of the two wins, part by part.
import { describe, expect, it } from 'vitest';
import type { Chat, UserDataValue } from '../../src/gws';
import { createChatStore, deriveRows } from '../../src/store';

const chat = (state: string, userData: Record<string, UserDataValue> = {}): Chat => ({
  id: 'c',
  state,
  capabilities: ['UpdateUserData'],
  participants: [],
  userData: new Map(Object.entries(userData)),
  receivedDate: '',
});

/** Live on chat c (Subject: old), then a gap in which the agent queues a write of Subject; live again, the re-read begun. */
function afterGap() {
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chat('Chatting', { Subject: 'old' })], actions.readStarted());
  actions.connectionChanged({ kind: 'reconnecting', retryInMs: 1000, since: 0 });
  actions.userDataWriteSent('c', { op: 'update', key: 'Subject', value: 'agent' });
  actions.connectionChanged({ kind: 'live' });
  const startedAt = actions.readStarted();
  const subject = () => deriveRows(store.getState().chats.get('c')!).find((row) => row.key === 'Subject');
  return { store, actions, startedAt, subject };
}

describe('a read and the notifications that overtook it', () => {
  it('a state change without userData during the read keeps the state, and the read’s userData: a queued write over another party’s change is a conflict', () => {
    const { store, actions, startedAt, subject } = afterGap();
    // A supervisor set Subject during the gap (missed); then, while the read is on its way, a StatusChange that carries no userData.
    actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: chat('LeftChat'), userDataAbsent: true });
    actions.chatsRead([chat('Chatting', { Subject: 'supervisor' })], startedAt);
    const entry = store.getState().chats.get('c');
    expect(entry?.chat.state).toBe('LeftChat');
    // Before (review): the pre-gap "old" stayed as the server's, and the queued write went over "supervisor" unseen.
    expect(entry?.chat.userData.get('Subject')).toBe('supervisor');
    expect(subject()?.status).toBe('conflict');
    expect(store.getState().outbox).toBe('open');
  });

  it('a chat first seen in a notification without userData takes its userData from a read on its way', () => {
    const { store, actions, startedAt } = afterGap();
    actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: { ...chat('Chatting'), id: 'd' }, userDataAbsent: true });
    actions.chatsRead([chat('Chatting', { Subject: 'old' }), { ...chat('Chatting', { Subject: 'from the read' }), id: 'd' }], startedAt);
    // Before (review): none kept as fresh, the read's dropped.
    expect(store.getState().chats.get('d')?.chat.userData.get('Subject')).toBe('from the read');
  });

  it('a notification with userData during the read is newer than the read', () => {
    const { store, actions, startedAt } = afterGap();
    actions.notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chat('Chatting', { Subject: 'newest' }) });
    actions.chatsRead([chat('Chatting', { Subject: 'supervisor' })], startedAt);
    expect(store.getState().chats.get('c')?.chat.userData.get('Subject')).toBe('newest');
  });
});
