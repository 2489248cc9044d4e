// @vitest-environment node
// GWS's documented userData replies are a bare {"statusCode":0} (no referenceId). markAccepted then
// confirms a write at once when the snapshot already shows its value, without asking whether an
// earlier write of the same key is still on its way (applySnapshot and landedAlready do ask). An
// undo (b -> a) answered before the notification of the write it undoes (a -> b) is taken for
// confirmed by the snapshot from before both: the grid then shows "b" as the server's, fresh.
import { expect, it } from 'vitest';
import { createChatStore, deriveRows } from '../../src/store';
import { chatOf } from '../support/chats';

const shown = (store: ReturnType<typeof createChatStore>) => {
  const entry = store.getState().chats.get('c');
  return entry ? deriveRows(entry).find((row) => row.key === 'Subject') : undefined;
};

it('an undo answered with a bare reply is not confirmed by the snapshot from before the write it undoes', () => {
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chatOf({ userData: { Subject: 'a' } })], actions.readStarted());
  expect(store.getState().outbox).toBe('open');

  const first = actions.userDataWriteSent('c', { op: 'update', key: 'Subject', value: 'b' }, { key: 'Subject', before: 'a', after: 'b' });
  actions.userDataWriteAccepted('c', first.editId, undefined);
  // Ctrl+Z: the undo goes after the first write's answer (one mutation scope), before its notification.
  const undo = actions.userDataWriteSent('c', { op: 'update', key: 'Subject', value: 'a' });
  actions.userDataWriteAccepted('c', undo.editId, undefined);
  // Fails: the undo is dropped as confirmed (the snapshot from before the first write shows "a").
  expect(store.getState().chats.get('c')?.pending.map((edit) => edit.editId)).toContain(undo.editId);

  // The first write's notification: Subject is "b" on the server for now; the undo's is still to come.
  actions.notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chatOf({ userData: { Subject: 'b' } }), referenceId: 7 });
  // The agent's latest word is "a" (Saving…), never "b" shown as confirmed.
  expect(shown(store)?.value).toBe('a');
  expect(shown(store)?.status).toBe('saving');
});
