// @vitest-environment node
// A write and its undo, both accepted (referenceIds 5 and 6), both notifications lost. The writer's
// re-read shows the undo's value ("a"). applyRead drops the undo as shown, then marks the first write
// "missed" (the key holds its base) and fails it: markFailed would drop a write a later one of its key
// replaced, but the undo is already gone from the list. The cell reads "b", Not confirmed, with Retry,
// over the value the server holds and the agent chose.
import { expect, it } from 'vitest';
import { createChatStore, deriveRows } from '../../src/store';
import { chatOf } from '../support/chats';

it('a read showing the undo’s value settles both the write and its undo', () => {
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chatOf({ userData: { Subject: 'a' } })], actions.readStarted());
  const first = actions.userDataWriteSent('c', { op: 'update', key: 'Subject', value: 'b' }, { key: 'Subject', before: 'a', after: 'b' });
  actions.userDataWriteAccepted('c', first.editId, 5);
  const undo = actions.userDataWriteSent('c', { op: 'update', key: 'Subject', value: 'a' });
  actions.userDataWriteAccepted('c', undo.editId, 6);
  // Both notifications lost; the writer's read 5 s later (UNCONFIRMED_REREAD_MS): the server holds "a".
  actions.chatsRead([chatOf({ userData: { Subject: 'a' } })], actions.readStarted());
  const entry = store.getState().chats.get('c');
  const row = entry ? deriveRows(entry).find((candidate) => candidate.key === 'Subject') : undefined;
  // Fails: Subject reads "b", status failed (Not confirmed), Retry would send "b" over the undo.
  expect(row?.value).toBe('a');
  expect(row?.status).toBe('confirmed');
});
