// @vitest-environment node
// A write GWS did not answer in time may land after the agent's next write of its key
// (src/caseData/lateWrites.ts): only then is that next write sent again.
import { afterEach, expect, it, vi } from 'vitest';
import { LANDS_WITHIN_MS, watchLateWrites } from '../../src/caseData/lateWrites';
import type { Chat, UserDataValue } from '../../src/gws';
import { createChatStore, type UserDataWrite } from '../../src/store';

const chat = (userData: Record<string, UserDataValue>): Chat => ({
  id: 'c',
  state: 'Chatting',
  capabilities: [],
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
  actions.chatsRead([chat({ k: 'old', other: 'x' })], actions.readStarted());
  const resent: UserDataWrite[] = [];
  const late = watchLateWrites(store, (_chatId, write) => resent.push(write));
  const server = (userData: Record<string, UserDataValue>) => actions.notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chat(userData) });
  return { late, server, resent };
}

it('sends the agent’s newer write again when the timed-out one lands over it, once', () => {
  const { late, server, resent } = setUp();
  late.timedOut('c', update('first'), 1);
  late.accepted('c', update('second'), 2);
  server({ k: 'second', other: 'x' });
  server({ k: 'first', other: 'x' });
  expect(resent).toEqual([update('second')]);
  // The doubt is over: the same value again later is someone's change, not that write.
  server({ k: 'second', other: 'x' });
  server({ k: 'first', other: 'x' });
  expect(resent).toHaveLength(1);
});

it('leaves it when there is no newer write, another party changed the key between, or the time is up', () => {
  const alone = setUp();
  alone.late.timedOut('c', update('first'), 1);
  alone.server({ k: 'first', other: 'x' });
  expect(alone.resent).toEqual([]);

  const theirs = setUp();
  theirs.late.timedOut('c', update('first'), 1);
  theirs.late.accepted('c', update('second'), 2);
  theirs.server({ k: 'second', other: 'x' });
  theirs.server({ k: 'supervisor', other: 'x' });
  // Landing over another party's value: theirs is no intent of the agent's to bring back.
  theirs.server({ k: 'first', other: 'x' });
  expect(theirs.resent).toEqual([]);

  // An earlier write accepted before the timed-out one is no newer word.
  const older = setUp();
  older.late.timedOut('c', update('first'), 5);
  older.late.accepted('c', update('second'), 4);
  older.server({ k: 'second', other: 'x' });
  older.server({ k: 'first', other: 'x' });
  expect(older.resent).toEqual([]);

  vi.useFakeTimers();
  const expired = setUp();
  expired.late.timedOut('c', update('first'), 1);
  expired.late.accepted('c', update('second'), 2);
  expired.server({ k: 'second', other: 'x' });
  vi.advanceTimersByTime(LANDS_WITHIN_MS + 1);
  expired.server({ k: 'first', other: 'x' });
  expect(expired.resent).toEqual([]);
});
