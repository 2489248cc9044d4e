// @vitest-environment node
// GWS restarted (referenceIds count anew): the re-read after the re-handshake must forget the
// old highest referenceId, or every later notification with a referenceId at or below it is
// dropped as a "duplicate". entryAfterRead's third branch (a notification newer than the read
// arrived meanwhile) keeps lastReferenceId as it was.
import { expect, it } from 'vitest';
import { createChatStore } from '../../src/store';
import { chatOf } from '../support/chats';

it('a StatusChange with a low referenceId after a GWS restart is applied, not dropped as old', () => {
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chatOf({ userData: { Subject: 'a', Note: 'n' } })], actions.readStarted());
  // Before the restart: the agent's write confirmed with referenceId 500.
  const { editId } = actions.userDataWriteSent('c', { op: 'update', key: 'Subject', value: 'b' });
  actions.userDataWriteAccepted('c', editId, 500);
  actions.notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chatOf({ userData: { Subject: 'b', Note: 'n' } }), referenceId: 500 });
  expect(store.getState().chats.get('c')?.pending).toEqual([]);

  // GWS restarts: CometD re-handshakes, live again, the chats are read again.
  actions.connectionChanged({ kind: 'reconnecting', retryInMs: 1000, since: 0 });
  actions.connectionChanged({ kind: 'live' });
  const startedAt = actions.readStarted();
  // Another party's change arrives while the read is on its way.
  actions.notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chatOf({ userData: { Subject: 'b', Note: 'theirs' } }) });
  actions.chatsRead([chatOf({ userData: { Subject: 'b', Note: 'n' } })], startedAt);

  // The chat is completed (in Workspace, the same GWS session): referenceId 1, GWS counting anew.
  actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: chatOf({ state: 'Completed', userData: { Subject: 'b', Note: 'theirs' } }), referenceId: 1 });
  // Fails: the notification is dropped (1 <= 500), the chat shown as Chatting, editable, as if fresh.
  expect(store.getState().chats.get('c')?.chat.state).toBe('Completed');
});
