// @vitest-environment node
// In a chat that is over, Escape on a cell with a draft discards the agent's only copy of what they
// typed (listed to copy until then): Ctrl+Z brings it back, a step of the store only, nothing sent
// (review: for a while the chat's history stood still for drafts too, and one Escape lost it for good).
import { expect, it, vi } from 'vitest';
import { discardRow, travel, type EditHistoryTools } from '../../src/caseData/editHistory';
import type { GridRow } from '../../src/caseData/useCaseDataRows';
import type { Chat } from '../../src/gws';
import { translateEnglish } from '../../src/i18n';
import { createChatStore, deriveRows, type ChatStore } from '../../src/store';

const chat = (state: string): Chat => ({ id: 'c', state, capabilities: [], participants: [], userData: new Map([['Subject', 'old'], ['Note', 'n']]), receivedDate: '' });

/** The history's tools over chat c as the store holds it now; `announce` records what is said. */
function toolsFor(store: ChatStore) {
  const announce = vi.fn();
  const tools = (): EditHistoryTools => ({
    t: translateEnglish,
    chatId: 'c',
    entry: store.getState().chats.get('c'),
    actions: store.getState().actions,
    announce,
    note: () => undefined,
    named: (key) => key,
    submit: () => null,
    existingKeys: () => new Set(['Subject', 'Note']),
    focusCell: () => undefined,
    send: vi.fn(),
    reread: () => undefined,
  });
  const row = (key: string) => ({ row: deriveRows(store.getState().chats.get('c')!).find((candidate) => candidate.key === key)! }) as GridRow;
  return { announce, tools, row };
}

it.each(['Completed', 'Unlisted'])('in a %s chat, Ctrl+Z brings back a draft Escape discarded (nothing is sent)', (state) => {
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.chatsRead([chat('Chatting')], actions.readStarted());
  actions.draftChanged('c', 'Subject', 'typed, the only copy');
  actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: chat(state === 'Unlisted' ? 'Chatting' : state) });
  if (state === 'Unlisted') actions.chatsRead([], actions.readStarted());
  expect(store.getState().chats.get('c')?.chat.state).toBe(state);
  const { tools, row } = toolsFor(store);
  discardRow(row('Subject'), undefined, tools());
  expect(store.getState().chats.get('c')?.drafts.get('Subject')).toBeUndefined();
  travel('undo', tools());
  expect(store.getState().chats.get('c')?.drafts.get('Subject')?.text).toBe('typed, the only copy');
});

it('in a Completed chat, Ctrl+Z brings back a draft Escape discarded, though a refused write was discarded for good after it (review)', () => {
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chat('Chatting')], actions.readStarted());
  const { editId } = actions.userDataWriteSent('c', { op: 'update', key: 'Note', value: 'mine' });
  actions.userDataWriteFailed('c', editId, { kind: 'status-code', statusCode: 1, statusMessage: 'refused' }, false);
  actions.draftChanged('c', 'Subject', 'typed, the only copy');
  actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: chat('Completed') });
  const { announce, tools, row } = toolsFor(store);
  discardRow(row('Subject'), undefined, tools());
  expect(row('Note').row.status).toBe('failed');
  discardRow(row('Note'), undefined, tools());
  expect(announce).toHaveBeenLastCalledWith('Discarded the unsaved change to Note for good: this chat takes no changes, so it cannot be undone.');
  travel('undo', tools());
  expect(store.getState().chats.get('c')?.drafts.get('Subject')?.text).toBe('typed, the only copy');
});
