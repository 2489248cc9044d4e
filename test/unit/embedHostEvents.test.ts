import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catchUpEvents, hostEventsBetween, widgetState } from '../../src/app/hostEvents';
import type { WidgetEvent } from '../../src/embed';
import type { Chat, UserDataValue } from '../../src/gws';
import { createChatStore, type ChatStore } from '../../src/store';
import { problemWording } from '../../src/caseData';

const CHAT = 'C-1';

function chat(userData: Record<string, UserDataValue>, state = 'Chatting'): Chat {
  return {
    id: CHAT,
    state,
    capabilities: ['UpdateUserData', 'AttachUserData', 'DeleteUserData'],
    participants: [{ participantId: 'P-1', nickname: 'Kristi', type: 'Customer' }],
    userData: new Map(Object.entries(userData)),
    receivedDate: '2026-11-25 09:55:18.000+0000',
  };
}

let store: ChatStore;
let events: WidgetEvent[];

// A failed save is worded by the problems' chunk, which the writer loads as it loads (a write fails
// only once the writer has): loaded here as the panel has it by then.
beforeAll(() => new Promise<void>((resolve, reject) => problemWording.use(() => resolve(), reject)));

beforeEach(() => {
  store = createChatStore();
  events = [];
  store.subscribe((next, previous) => events.push(...hostEventsBetween(previous, next)));
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chat({ Subject: 'Billing', Priority: 2 })], actions.readStarted());
});

const actions = () => store.getState().actions;
const notify = (userData: Record<string, UserDataValue>, referenceId?: number) =>
  actions().notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chat(userData), ...(referenceId === undefined ? {} : { referenceId }) });
const take = () => events.splice(0);

describe('host events from store changes', () => {
  it('announces the chat that opens and the connection, but not a first read as a change', () => {
    expect(take()).toEqual([
      { type: 'connectionChanged', status: 'live' },
      { type: 'activeChatChanged', chatId: CHAT },
    ]);
    actions().connectionChanged({ kind: 'offline' });
    expect(take()).toEqual([{ type: 'connectionChanged', status: 'offline' }]);
  });

  it('tells a known chat’s change of state, the chat ending say (a CRM closes its case then)', () => {
    take();
    actions().notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: chat({ Subject: 'Billing', Priority: 2 }, 'Completed') });
    // Before (integrator's test): nothing; a CRM had to poll getState.
    expect(take()).toEqual([{ type: 'chatStateChanged', chatId: CHAT, state: 'Completed', previousState: 'Chatting' }]);
    actions().notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chat({ Subject: 'Billing', Priority: 2 }, 'Completed') });
    expect(take()).toEqual([]);
  });

  it('reports someone else’s change as source "server", key by key', () => {
    take();
    notify({ Subject: 'Refund', Segment: 'Gold' });
    expect(take()).toEqual([
      {
        type: 'userDataChanged',
        chatId: CHAT,
        source: 'server',
        changes: [
          { key: 'Subject', kind: 'changed', value: 'Refund', previousValue: 'Billing' },
          { key: 'Segment', kind: 'added', value: 'Gold', previousValue: null },
          { key: 'Priority', kind: 'removed', value: null, previousValue: 2 },
        ],
      },
    ]);
  });

  it('follows an agent edit: dirty while unsent, clean once accepted, then confirmed as source "agent"', () => {
    take();
    const { editId } = actions().userDataWriteSent(CHAT, { op: 'update', key: 'Subject', value: 'Refund' });
    expect(take()).toEqual([{ type: 'dirtyStateChanged', chatId: CHAT, dirty: true }]);
    expect(widgetState(store.getState(), { locale: 'en', theme: 'light' })).toMatchObject({
      activeChatId: CHAT,
      userData: { Subject: 'Refund', Priority: 2 },
      dirtyChatIds: [CHAT],
    });
    actions().userDataWriteAccepted(CHAT, editId, 41);
    expect(take()).toEqual([{ type: 'dirtyStateChanged', chatId: CHAT, dirty: false }]);
    notify({ Subject: 'Refund', Priority: 3 }, 41);
    expect(take()).toEqual([
      { type: 'userDataChanged', chatId: CHAT, source: 'agent', changes: [{ key: 'Subject', kind: 'changed', value: 'Refund', previousValue: 'Billing' }] },
      { type: 'userDataChanged', chatId: CHAT, source: 'server', changes: [{ key: 'Priority', kind: 'changed', value: 3, previousValue: 2 }] },
    ]);
  });

  it('reports a failed save once, with the server’s reason, and stays dirty', () => {
    take();
    const { editId } = actions().userDataWriteSent(CHAT, { op: 'update', key: 'Subject', value: 'Refund' });
    take();
    actions().userDataWriteFailed(CHAT, editId, { kind: 'status-code', statusCode: 4, statusMessage: 'boom' });
    expect(take()).toEqual([
      { type: 'saveFailed', chatId: CHAT, key: 'Subject', operation: 'update', error: { kind: 'status-code', message: 'Internal error (statusCode 4): boom' } },
    ]);
    expect(widgetState(store.getState(), { locale: 'de', theme: 'dark' })).toMatchObject({ dirtyChatIds: [CHAT], locale: 'de', theme: 'dark' });
  });

  it('counts an open editor draft as unsaved work', () => {
    take();
    actions().draftChanged(CHAT, 'Subject', 'Ref');
    expect(take()).toEqual([{ type: 'dirtyStateChanged', chatId: CHAT, dirty: true }]);
    actions().draftChanged(CHAT, 'Subject', null);
    expect(take()).toEqual([{ type: 'dirtyStateChanged', chatId: CHAT, dirty: false }]);
  });

  it('reports the agent’s drafts in the state apart from userData, and not an editor opened but unchanged', () => {
    notify({ Subject: 'Billing', Priority: 2, ['__proto__']: 'x' });
    actions().draftOpened(CHAT, 'Priority', '2', '2');
    actions().draftChanged(CHAT, 'Subject', 'Refund, then call back');
    actions().draftChanged(CHAT, '__proto__', 'typed');
    const state = widgetState(store.getState(), { locale: 'en', theme: 'light' });
    // Before: drafts were nowhere in the state, and a host saving unsaved work missed them.
    expect(state.drafts).toEqual({ Subject: 'Refund, then call back', ['__proto__']: 'typed' });
    expect(state.drafts && Object.hasOwn(state.drafts, '__proto__')).toBe(true);
    expect(state.userData).toEqual({ Subject: 'Billing', Priority: 2, ['__proto__']: 'x' });
  });

  it('reports no value for a key another party deleted under the agent’s draft: the draft is reported apart', () => {
    actions().draftChanged(CHAT, 'Subject', 'typing');
    notify({ Priority: 2 });
    const state = widgetState(store.getState(), { locale: 'en', theme: 'light' });
    // Before (review): { Subject: null, Priority: 2 }, null being a value GWS can hold.
    expect(state.userData).toEqual({ Priority: 2 });
    expect(state.drafts).toEqual({ Subject: 'typing' });
    // The agent's write of it, on its way, is a value as the agent sees it.
    actions().userDataWriteSent(CHAT, { op: 'update', key: 'Subject', value: 'typing' });
    expect(widgetState(store.getState(), { locale: 'en', theme: 'light' }).userData).toEqual({ Priority: 2, Subject: 'typing' });
  });

  it('reports a removal the agent asked for as source "agent"', () => {
    take();
    const { editId } = actions().userDataWriteSent(CHAT, { op: 'delete', key: 'Priority' });
    actions().userDataWriteAccepted(CHAT, editId, 42);
    take();
    notify({ Subject: 'Billing' }, 42);
    expect(take()).toEqual([{ type: 'userDataChanged', chatId: CHAT, source: 'agent', changes: [{ key: 'Priority', kind: 'removed', value: null, previousValue: 2 }] }]);
  });

  it('keeps a key named __proto__ as data in the state it reports', () => {
    notify({ ['__proto__']: 'x' });
    const state = widgetState(store.getState(), { locale: 'en', theme: 'light' });
    expect(state.userData && Object.hasOwn(state.userData, '__proto__')).toBe(true);
  });
});

describe('catching a host up when the bridge arrives after the first paint', () => {
  it('tells nothing of a panel that is still starting', () => {
    expect(catchUpEvents(createChatStore().getState())).toEqual([]);
  });

  it('tells the connection, refused writes and unsaved work that came before it could hear them, not the first read', () => {
    actions().draftChanged(CHAT, 'Subject', 'Billing, refund');
    const { editId } = actions().userDataWriteSent(CHAT, { op: 'update', key: 'Priority', value: 3 });
    actions().userDataWriteStarted(CHAT, editId);
    actions().userDataWriteFailed(CHAT, editId, { kind: 'status-code', statusCode: 4, statusMessage: 'Internal error' });
    expect(catchUpEvents(store.getState())).toEqual([
      { type: 'connectionChanged', status: 'live' },
      expect.objectContaining({ type: 'saveFailed', chatId: CHAT, key: 'Priority', operation: 'update' }),
      { type: 'dirtyStateChanged', chatId: CHAT, dirty: true },
    ]);
  });
});
