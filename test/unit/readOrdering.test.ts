// @vitest-environment node
// Reads that overlap (a new read asked for while one is on its way, whose queryFn still lands) and
// chats GWS stops listing: a read's chats are stamped with when it began (review).
import { describe, expect, it } from 'vitest';
import type { Chat, UserDataValue } from '../../src/gws';
import { createChatStore, unsavedChatIds } from '../../src/store';
import { chatOf } from '../support/chats';

const chat = (id: string, state: string, userData: Record<string, UserDataValue> = {}) => chatOf({ id, state, userData });

/** The chats read once; then two reads begun, `older` before `newer`, neither landed yet. */
function twoReadsInFlight(activeChatId: string, first: readonly Chat[]) {
  const store = createChatStore({ activeChatId });
  const { actions } = store.getState();
  actions.chatsRead(first, actions.readStarted());
  return { store, actions, older: actions.readStarted(), newer: actions.readStarted() };
}

describe('two reads in flight (reread() cancels the one on its way in React Query, whose queryFn still lands: useLiveSync)', () => {
  it('a StatusChange without userData between them is not undone by the newer read once the older one landed', () => {
    const { store, actions, older, newer } = twoReadsInFlight('c', [chat('c', 'Chatting', { k: 'v' })]);
    // The chat ends after both began: the notification carries no userData.
    actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: chat('c', 'Completed'), userDataAbsent: true });
    expect(store.getState().chats.get('c')?.chat.state).toBe('Completed');
    actions.chatsRead([chat('c', 'Chatting', { k: 'v' })], older);
    expect(store.getState().chats.get('c')?.chat.state).toBe('Completed');
    // Both reads began before the chat ended: neither may bring it back.
    actions.chatsRead([chat('c', 'Chatting', { k: 'v' })], newer);
    expect(store.getState().chats.get('c')?.chat.state).toBe('Completed');
  });

  it('an older read that still lists a chat, landing after a newer one that no longer does, does not bring it back live', () => {
    const { store, actions, older, newer } = twoReadsInFlight('c', [chat('c', 'Chatting', { k: 'v' })]);
    actions.chatsRead([], newer);
    expect(store.getState().chats.get('c')?.chat.state).toBe('Unlisted');
    actions.chatsRead([chat('c', 'Chatting', { k: 'v' })], older);
    expect(store.getState().chats.get('c')?.chat.state).toBe('Unlisted');
  });

  it('an older read does not bring back a chat a newer one forgot (not on screen, nothing unsaved)', () => {
    const { store, actions, older, newer } = twoReadsInFlight('a', [chat('a', 'Chatting'), chat('b', 'Chatting')]);
    actions.chatsRead([chat('a', 'Chatting')], newer);
    expect(store.getState().chats.has('b')).toBe(false);
    actions.chatsRead([chat('a', 'Chatting'), chat('b', 'Chatting')], older);
    expect(store.getState().chats.has('b')).toBe(false);
  });
});

/** A write of chat a's key k on its way (sent, not answered yet), live. */
function writeOnItsWay() {
  const store = createChatStore({ activeChatId: 'a' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chat('a', 'Chatting', { k: 'old' })], actions.readStarted());
  const { editId } = actions.userDataWriteSent('a', { op: 'update', key: 'k', value: 'mine' });
  actions.userDataWriteStarted('a', editId);
  return { store, actions, editId };
}

describe('accepted writes in a chat GWS no longer lists', () => {
  it('a write accepted in a chat that had ended (Completed) before GWS stopped listing it is Not confirmed, not Saving… for good', () => {
    const { store, actions, editId } = writeOnItsWay();
    actions.userDataWriteAccepted('a', editId, undefined);
    // Its notification lost; the chat ends (a StatusChange without userData), then leaves the list.
    actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: chat('a', 'Completed'), userDataAbsent: true });
    actions.chatsRead([], actions.readStarted());
    expect(store.getState().chats.get('a')?.pending).toMatchObject([{ key: 'k', status: 'failed', mayHaveLanded: true }]);
    expect(unsavedChatIds(store.getState())).toEqual(new Set(['a']));
  });

  it('a write GWS accepts after its chat turned Unlisted (the reply slower than the read) is Not confirmed, not Saving… for good', () => {
    const { store, actions, editId } = writeOnItsWay();
    actions.chatsRead([], actions.readStarted());
    expect(store.getState().chats.get('a')?.chat.state).toBe('Unlisted');
    actions.userDataWriteAccepted('a', editId, 7);
    // No read settles it now (GWS does not list the chat) nor its notification (not this agent's): it stayed awaiting.
    actions.chatsRead([], actions.readStarted());
    expect(store.getState().chats.get('a')?.pending).toMatchObject([{ key: 'k', status: 'failed', mayHaveLanded: true }]);
  });
});
