// @vitest-environment node
// (Review.) in a chat that is over, a write's discard ("for good") is still recorded as a step, on
// top of a discarded draft's: Ctrl+Z then stops at it ("the chat is over") and the draft is lost.
import { expect, it, vi } from 'vitest';
import { discardRow, travel, type EditHistoryTools } from '../../src/caseData/editHistory';
import type { GridRow } from '../../src/caseData/useCaseDataRows';
import type { Chat } from '../../src/gws';
import { translateEnglish } from '../../src/i18n';
import { createChatStore, deriveRows } from '../../src/store';

const chat = (state: string): Chat => ({ id: 'c', state, capabilities: [], participants: [], userData: new Map([['Subject', 'old'], ['Note', 'n']]), receivedDate: '' });

it('in a Completed chat, Ctrl+Z brings back a draft Escape discarded, though a refused write was discarded for good after it', () => {
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chat('Chatting')], actions.readStarted());
  const { editId } = actions.userDataWriteSent('c', { op: 'update', key: 'Note', value: 'mine' });
  actions.userDataWriteFailed('c', editId, { kind: 'status-code', statusCode: 1, statusMessage: 'refused' }, false);
  actions.draftChanged('c', 'Subject', 'typed, the only copy');
  actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: chat('Completed') });
  const announce = vi.fn();
  const tools = (): EditHistoryTools => ({
    t: translateEnglish,
    chatId: 'c',
    entry: store.getState().chats.get('c'),
    actions,
    announce,
    note: () => undefined,
    named: (key) => key,
    submit: () => null,
    existingKeys: () => new Set(['Subject', 'Note']),
    rows: [],
    focusCell: () => undefined,
    send: vi.fn(),
    reread: () => undefined,
  });
  const row = (key: string) => deriveRows(store.getState().chats.get('c')!).find((candidate) => candidate.key === key)!;
  discardRow({ row: row('Subject') } as GridRow, undefined, tools());
  expect(row('Note').status).toBe('failed');
  discardRow({ row: row('Note') } as GridRow, undefined, tools());
  expect(announce).toHaveBeenLastCalledWith('Discarded the unsaved change to Note.');
  travel('undo', tools());
  expect(store.getState().chats.get('c')?.drafts.get('Subject')?.text).toBe('typed, the only copy');
});
