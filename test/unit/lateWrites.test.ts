// @vitest-environment node
// A write GWS did not answer in time may land after the agent's next write of its key
// (src/caseData/lateWrites.ts): only then is that next write sent again.
import { afterEach, expect, it, vi } from 'vitest';
import { LANDS_WITHIN_MS, watchLateWrites } from '../../src/caseData/lateWrites';
import type { Chat, UserDataValue } from '../../src/gws';
import { createChatStore, type UserDataWrite } from '../../src/store';

const chat = (userData: Record<string, UserDataValue>, state = 'Chatting'): Chat => ({
  id: 'c',
  state,
  capabilities: ['UpdateUserData', 'AttachUserData', 'DeleteUserData'],
  participants: [],
  userData: new Map(Object.entries(userData)),
  receivedDate: '',
});
const update = (value: string): UserDataWrite => ({ op: 'update', key: 'k', value });
afterEach(() => vi.useRealTimers());

function setUp() {
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chat({ k: 'old' })], actions.readStarted());
  const resent: UserDataWrite[] = [];
  const late = watchLateWrites(store, (_chatId, write) => resent.push(write));
  /** A notification with the chat's whole userData; `referenceId` when it answers a request of this session. */
  const server = (userData: Record<string, UserDataValue>, referenceId?: number, state?: string) =>
    actions.notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chat(userData, state), ...(referenceId === undefined ? {} : { referenceId }) });
  return { store, actions, late, server, resent };
}

it('sends the agent’s newer write again when the timed-out one lands over it, once', () => {
  const { late, server, resent } = setUp();
  late.timedOut('c', update('first'), 1);
  late.accepted('c', update('second'), 2, 11);
  server({ k: 'second' }, 11);
  // The late one: a referenceId no answer of GWS gave.
  server({ k: 'first' }, 12);
  expect(resent).toEqual([update('second')]);
  // The doubt is over: the same again later is someone's change, not that write.
  server({ k: 'second' }, 13);
  server({ k: 'first' }, 14);
  expect(resent).toHaveLength(1);
});

it('sends back the value the agent chose to keep when a write they gave up lands late over it; not when they had left it in place', () => {
  for (const choice of ['take theirs', 'discard', 'none'] as const) {
    const { actions, late, server, resent } = setUp();
    const first = actions.userDataWriteSent('c', update('first'));
    actions.userDataWriteFailed('c', first.editId, { kind: 'timeout', afterMs: 15_000 }, true);
    late.timedOut('c', update('first'), first.editId);
    if (choice === 'take theirs') {
      // Another party's value, then the agent takes it over their Not confirmed write.
      server({ k: 'theirs' });
      actions.userDataWriteDiscarded('c', first.editId, true);
    } else if (choice === 'discard') actions.userDataWriteDiscarded('c', first.editId, true);
    // The write lands late: a referenceId no answer of GWS gave.
    server({ k: 'first' }, 12);
    // Before (exploratory test): the cell turned to "first" unsaid, the agent's choice reversed.
    expect(resent).toEqual(choice === 'take theirs' ? [update('theirs')] : choice === 'discard' ? [update('old')] : []);
  }
});

it('does not revert a later write of the same value the agent left in place, an earlier one of it given up', () => {
  const { actions, late, server, resent } = setUp();
  const first = actions.userDataWriteSent('c', update('Escalated'), { key: 'k', before: 'old', after: 'Escalated' });
  actions.userDataWriteFailed('c', first.editId, { kind: 'timeout', afterMs: 15_000 }, true);
  late.timedOut('c', update('Escalated'), first.editId);
  actions.userDataWriteDiscarded('c', first.editId, true);
  // The same value again: it times out too, and the agent leaves it (they want Escalated).
  const second = actions.userDataWriteSent('c', update('Escalated'), { key: 'k', before: 'old', after: 'Escalated' });
  actions.userDataWriteFailed('c', second.editId, { kind: 'timeout', afterMs: 15_000 }, true);
  late.timedOut('c', update('Escalated'), second.editId);
  server({ k: 'Escalated' }, 12);
  // Before (review): "old" sent twice, the agent's Escalated reverted unseen.
  expect(resent).toEqual([]);
});

it('waits for the newer write’s answer when GWS published both before answering it', () => {
  const { actions, late, server, resent } = setUp();
  // Made one after the other, as the store numbers them; the first gets no answer in time.
  const first = actions.userDataWriteSent('c', update('first'));
  actions.userDataWriteFailed('c', first.editId, { kind: 'timeout', afterMs: 15_000 });
  late.timedOut('c', update('first'), first.editId);
  const { editId } = actions.userDataWriteSent('c', update('second'));
  server({ k: 'second' }, 11);
  server({ k: 'first' }, 12);
  expect(resent).toEqual([]);
  // The reply comes: "second" was the agent's, and "first" replaced it.
  actions.userDataWriteAccepted('c', editId, 11);
  late.accepted('c', update('second'), editId, 11);
  expect(resent).toEqual([update('second')]);
});

it('sends it over an editor opened and left unchanged (no draft), not over another party’s value set since', () => {
  const opened = setUp();
  opened.late.timedOut('c', update('first'), 1);
  opened.late.accepted('c', update('second'), 2, 11);
  opened.server({ k: 'second' }, 11);
  opened.actions.draftOpened('c', 'k', 'second', 'second');
  opened.server({ k: 'first' }, 12);
  expect(opened.resent).toEqual([update('second')]);

  const overwritten = setUp();
  overwritten.late.timedOut('c', update('first'), 1);
  overwritten.late.accepted('c', update('second'), 2, 11);
  overwritten.server({ k: 'second' }, 11);
  // A supervisor's value after the agent's: the late write replaced theirs, not the agent's.
  overwritten.server({ k: 'supervisor' });
  overwritten.server({ k: 'first' }, 12);
  expect(overwritten.resent).toEqual([]);
});

it('takes another party’s change to the same value for theirs, not for the late write', () => {
  const { late, server, resent } = setUp();
  late.timedOut('c', update('first'), 1);
  late.accepted('c', update('second'), 2, 11);
  server({ k: 'second' }, 11);
  // A supervisor sets the very value the timed-out write had: no referenceId.
  server({ k: 'first' });
  expect(resent).toEqual([]);
});

it('leaves it when there is no newer write, the agent has a draft of the key, the chat ended, or the time is up', () => {
  const alone = setUp();
  alone.late.timedOut('c', update('first'), 1);
  alone.server({ k: 'first' }, 12);
  expect(alone.resent).toEqual([]);

  // An earlier write accepted before the timed-out one is no newer word.
  const older = setUp();
  older.late.timedOut('c', update('first'), 5);
  older.late.accepted('c', update('second'), 4, 11);
  older.server({ k: 'second' }, 11);
  older.server({ k: 'first' }, 12);
  expect(older.resent).toEqual([]);

  // A draft of the key sees the change as a conflict, in the editor: not sent over it.
  const drafting = setUp();
  drafting.late.timedOut('c', update('first'), 1);
  drafting.late.accepted('c', update('second'), 2, 11);
  drafting.server({ k: 'second' }, 11);
  drafting.actions.draftChanged('c', 'k', 'second and more');
  drafting.server({ k: 'first' }, 12);
  expect(drafting.resent).toEqual([]);
  expect(drafting.store.getState().chats.get('c')?.drafts.get('k')?.text).toBe('second and more');

  const ended = setUp();
  ended.late.timedOut('c', update('first'), 1);
  ended.late.accepted('c', update('second'), 2, 11);
  ended.server({ k: 'second' }, 11);
  ended.server({ k: 'first' }, 12, 'Completed');
  expect(ended.resent).toEqual([]);

  vi.useFakeTimers();
  const expired = setUp();
  expired.late.timedOut('c', update('first'), 1);
  expired.late.accepted('c', update('second'), 2, 11);
  expired.server({ k: 'second' }, 11);
  vi.advanceTimersByTime(LANDS_WITHIN_MS + 1);
  expired.server({ k: 'first' }, 12);
  expect(expired.resent).toEqual([]);
});
