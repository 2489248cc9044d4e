// @vitest-environment node
// Error notifications (store/refusals.ts, a chunk the store loads): which writes they refuse, when
// the chunk is still on its way, and when it cannot be loaded at all.
import { describe, expect, it, vi } from 'vitest';
import type { Chat, UserDataValue } from '../../src/gws';
import type { createChatStore as CreateChatStore } from '../../src/store';

const chat = (userData: Record<string, UserDataValue>): Chat => ({
  id: 'c',
  state: 'Chatting',
  capabilities: [],
  participants: [],
  userData: new Map(Object.entries(userData)),
  receivedDate: '',
});

/** A store live on chat c (k: old), its outbox open: writes go at once. */
function liveStore(createChatStore: typeof CreateChatStore) {
  const store = createChatStore();
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chat({ k: 'old', j: 'old' })], actions.readStarted());
  const statuses = () => store.getState().chats.get('c')?.pending.map((edit) => [edit.key, edit.status, edit.mayHaveLanded ?? false]);
  return { store, actions, statuses };
}

describe('refusals', () => {
  it('an Error that comes while its code is on its way: the chat’s accepted writes are Not confirmed at once, a read does not drop them; the code then takes a write still on its way', async () => {
    vi.resetModules();
    const { createChatStore } = await import('../../src/store');
    const { actions, statuses } = liveStore(createChatStore);
    const accepted = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'A' });
    actions.userDataWriteAccepted('c', accepted.editId, 5);
    const onItsWay = actions.userDataWriteSent('c', { op: 'update', key: 'j', value: 'B' });
    actions.notificationReceived({ kind: 'operation-failed', chatId: 'c', message: 'refused' });
    // Before (review): nothing until the code came; a read landing first dropped the refused write.
    expect(statuses()).toEqual([
      ['k', 'failed', true],
      ['j', 'sending', false],
    ]);
    actions.chatsRead([chat({ k: 'old', j: 'old' })], actions.readStarted());
    expect(statuses()).toEqual([
      ['k', 'failed', true],
      ['j', 'sending', false],
    ]);
    await vi.dynamicImportSettled();
    // Accepted after the Error that named no request: it may be the one refused.
    actions.userDataWriteAccepted('c', onItsWay.editId, undefined);
    expect(statuses()).toEqual([
      ['k', 'failed', true],
      ['j', 'failed', true],
    ]);
  });

  it('an Error naming a request no write carries: the chat’s writes accepted without a referenceId are Not confirmed; one whose reply names another request is not refused', async () => {
    vi.resetModules();
    const { createChatStore, loadRefusals } = await import('../../src/store');
    await loadRefusals();
    const { actions, statuses, store } = liveStore(createChatStore);
    const bare = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'A' });
    actions.userDataWriteAccepted('c', bare.editId, undefined);
    const onItsWay = actions.userDataWriteSent('c', { op: 'update', key: 'j', value: 'B' });
    // GWS's documented reply to a userData write is a bare {"statusCode":0}: only the notification names the request.
    actions.notificationReceived({ kind: 'operation-failed', chatId: 'c', referenceId: 85, message: 'refused' });
    expect(statuses()).toEqual([
      ['k', 'failed', true],
      ['j', 'sending', false],
    ]);
    // Its reply names request 86: not the one refused.
    actions.userDataWriteAccepted('c', onItsWay.editId, 86);
    expect(statuses()).toEqual([
      ['k', 'failed', true],
      ['j', 'awaiting', false],
    ]);
    // A read that shows the old value leaves the refused write the agent's to retry (before: dropped, the old value shown as saved).
    actions.chatsRead([chat({ k: 'old', j: 'B' })], actions.readStarted());
    expect(statuses()).toEqual([['k', 'failed', true]]);
    expect(store.getState().chats.get('c')?.pending[0]?.error).toEqual({ kind: 'refused-later', message: 'refused', unlinked: true });
  });

  it('an Error naming a request no write carries yet fails a write on its way whose reply names no request', async () => {
    vi.resetModules();
    const { createChatStore, loadRefusals } = await import('../../src/store');
    await loadRefusals();
    const { actions, statuses } = liveStore(createChatStore);
    const write = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'A' });
    actions.notificationReceived({ kind: 'operation-failed', chatId: 'c', referenceId: 85, message: 'refused' });
    actions.userDataWriteAccepted('c', write.editId, undefined);
    expect(statuses()).toEqual([['k', 'failed', true]]);
  });

  it('a write that failed on its own is not refused again by a doubt recorded while it was on its way', async () => {
    vi.resetModules();
    const { createChatStore, loadRefusals } = await import('../../src/store');
    await loadRefusals();
    const { actions, statuses } = liveStore(createChatStore);
    const write = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'A' });
    actions.notificationReceived({ kind: 'operation-failed', chatId: 'c', message: 'refused' });
    // Offline: back to the queue, then sent again and accepted with its own request named.
    actions.userDataWriteRequeued('c', write.editId);
    actions.userDataWriteStarted('c', write.editId);
    actions.userDataWriteAccepted('c', write.editId, undefined);
    expect(statuses()).toEqual([['k', 'awaiting', false]]);
  });

  it('when the code for Error notifications cannot be loaded, the chat’s accepted writes are not left to a read to drop', async () => {
    vi.resetModules();
    vi.doMock('../../src/store/refusals', () => {
      throw new Error('chunk gone (a redeployed bundle)');
    });
    try {
      const { createChatStore } = await import('../../src/store');
      const { actions, statuses } = liveStore(createChatStore);
      const write = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'A' });
      actions.userDataWriteAccepted('c', write.editId, 5);
      actions.notificationReceived({ kind: 'operation-failed', chatId: 'c', referenceId: 5, message: 'refused' });
      await vi.waitFor(() => expect(statuses()).toEqual([['k', 'failed', true]]));
      actions.chatsRead([chat({ k: 'old', j: 'old' })], actions.readStarted());
      expect(statuses()).toEqual([['k', 'failed', true]]);
    } finally {
      vi.doUnmock('../../src/store/refusals');
    }
  });
});
