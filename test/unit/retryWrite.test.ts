// @vitest-environment node
// Retry and Keep mine send a refused write again (src/caseData/editHistory.ts retryWrite):
// checked against what the chat takes now, not only when it was first made.
import { expect, it, vi } from 'vitest';
import { retryWrite, type EditHistoryTools } from '../../src/caseData/editHistory';
import type { Chat } from '../../src/gws';
import { translateEnglish } from '../../src/i18n';
import { createChatStore, type PendingEdit } from '../../src/store';
import { newEntry } from '../../src/store/chatEntry';

const chat = (capabilities: readonly string[]): Chat => ({
  id: 'c',
  state: 'Chatting',
  capabilities,
  participants: [],
  userData: new Map([['Subject', 'old']]),
});
const refusedDelete: PendingEdit = { op: 'delete', key: 'Subject', editId: 1, status: 'failed', base: 'old', error: { kind: 'status-code', statusCode: 4, statusMessage: 'Internal error' } };

function tools(capabilities: readonly string[]) {
  const { actions } = createChatStore().getState();
  const entry = { ...newEntry(chat(capabilities), 1), pending: [refusedDelete] };
  const spies = { send: vi.fn(() => true), note: vi.fn(), announce: vi.fn(), discarded: vi.spyOn(actions, 'userDataWriteDiscarded') };
  const parts: EditHistoryTools = {
    t: translateEnglish,
    chatId: 'c',
    entry,
    actions,
    announce: spies.announce,
    note: spies.note,
    named: (key) => key,
    submit: () => null,
    existingKeys: () => new Set(['Subject']),
    focusCell: () => undefined,
    send: spies.send,
    reread: () => undefined,
  };
  return { parts, spies };
}

it('keeps a refused delete, with the reason, when the chat no longer takes deletes (review: it was sent again)', () => {
  const { parts, spies } = tools(['UpdateUserData', 'AttachUserData']);
  retryWrite(refusedDelete, parts);
  expect(spies.send).not.toHaveBeenCalled();
  expect(spies.discarded).not.toHaveBeenCalled();
  expect(spies.note).toHaveBeenCalledWith('Subject', expect.stringMatching(/delete/i));
  expect(spies.announce).toHaveBeenCalledWith(expect.stringMatching(/delete/i));
});

it('sends it again where the chat still takes it', () => {
  const { parts, spies } = tools(['UpdateUserData', 'AttachUserData', 'DeleteUserData']);
  retryWrite(refusedDelete, parts);
  expect(spies.send).toHaveBeenCalledWith('c', { op: 'delete', key: 'Subject' }, null);
  // Said over the refusal the live region still read (exploratory test).
  expect(spies.announce).toHaveBeenCalledWith('Sending your delete of Subject.');
});
