// @vitest-environment node
// Work kept over a reload is restored when its chat is first seen. Seen first in a notification
// without userData (a StatusChange may omit it: notificationWire's userDataAbsent), the chat is
// taken with an empty userData and the kept writes are checked against that (restored ->
// reconcileQueued): a kept delete reads as done already and is dropped, for good; a kept update
// reads as overtaken ("changed on the server" to nothing) and stays a conflict after the read
// that brings the real userData, which still holds the values the writes were made over.
import { expect, it } from 'vitest';
import { createChatStore, type DraftStorage, type SavedChat } from '../../src/store';
import { chatOf } from '../support/chats';

it('writes kept over a reload are not judged against a notification that carried no userData', () => {
  const saved: SavedChat = {
    drafts: [],
    writes: [
      { op: 'delete', key: 'Old', base: 'x' },
      { op: 'update', key: 'Subject', value: 'b', base: 'a' },
    ],
  };
  const items = new Map<string, SavedChat>([['c', saved]]);
  const storage: DraftStorage = { load: (id) => items.get(id) ?? null, save: (id, value) => void (value ? items.set(id, value) : items.delete(id)), chatIds: () => [...items.keys()] };
  const store = createChatStore({ storage, activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  // The first read lists the chat but cannot read it (its work kept for a later read).
  actions.chatsRead([], actions.readStarted(), [{ chatId: 'c', reason: 'chats[0].userData["Deep"]: nested too deeply' }]);
  // A state change without userData: the chat is seen for the first time here.
  actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: chatOf({ userData: {} }), userDataAbsent: true });
  // The read a second later (useLiveSync: userDataAbsent) brings the chat's userData, unchanged since the reload.
  actions.chatsRead([chatOf({ userData: { Old: 'x', Subject: 'a' } })], actions.readStarted());

  const pending = store.getState().chats.get('c')?.pending.map((edit) => [edit.op, edit.key, edit.status]);
  // Fails: [['update', 'Subject', 'conflict']]: the delete is gone, the update a conflict with nobody.
  expect(pending).toEqual([
    ['delete', 'Old', 'queued'],
    ['update', 'Subject', 'queued'],
  ]);
});
