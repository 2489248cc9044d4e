// What is kept in sessionStorage for a reload (src/store/persistence.ts): every write the server
// has not confirmed, and never an older copy in place of the agent's latest.
import { afterEach, expect, it, vi } from 'vitest';
import { addPending, markAccepted, markSending, newEntry } from '../../src/store/chatEntry';
import { sessionDraftStorage, toSaved } from '../../src/store/persistence';

const chat = { id: 'c', state: 'Chatting', capabilities: ['UpdateUserData'], participants: [], userData: new Map([['Account', 'ACC-1']]) };
afterEach(() => sessionStorage.clear());

it('keeps a write GWS accepted and has not confirmed: its refusal may come after the reload, to a page that would not hear it', () => {
  let entry = addPending(newEntry(chat, 1), { op: 'update', key: 'Account', value: 'ACC-X', editId: 1, status: 'queued', base: 'ACC-1' });
  entry = markAccepted(markSending(entry, 1), 1, 7, 2);
  expect(entry.pending[0]?.status).toBe('awaiting');
  // Before (exploratory test): left out, and after F5 the grid showed the old value, no Not confirmed, no Retry.
  expect(toSaved(entry)?.writes).toEqual([{ op: 'update', key: 'Account', value: 'ACC-X', base: 'ACC-1' }]);
});

it('removes the chat’s older copy when its latest does not fit (quota), rather than bring the older back after a reload', () => {
  const storage = sessionDraftStorage();
  if (!storage) throw new Error('no sessionStorage');
  const small = { drafts: [], writes: [{ op: 'update', key: 'Subject', value: 'first', base: 'old' }] } as const;
  storage.save('c', small);
  expect(storage.load('c')).toEqual(small);
  const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  storage.save('c', { drafts: [], writes: [...small.writes, { op: 'update', key: 'Big', value: 'x'.repeat(1_000), base: '' }] });
  setItem.mockRestore();
  // Before (exploratory test): the older copy stayed, and came back after F5 as if it were current.
  expect(storage.load('c')).toBeNull();
});

it('keeps the work of a chat whose id is "probe" over a reload, and lists it among the kept chats', () => {
  const page = sessionDraftStorage();
  if (!page) throw new Error('no sessionStorage');
  const saved = { drafts: [['Subject', { text: 'typed', base: 'old', openedWith: null }] as const], writes: [] };
  page.save('probe', saved);
  // The reload: the new page checks that storage can be used before it reads.
  const reloaded = sessionDraftStorage();
  // Before (review): the check wrote and removed that very item, and chatIds left it out.
  expect(reloaded?.load('probe')).toEqual(saved);
  expect(reloaded?.chatIds()).toEqual(['probe']);
});

it('keeps the work of the frames the SDK names apart: two panels in one page share sessionStorage (integrator’s test)', () => {
  const work = (value: string) => ({ drafts: [], writes: [{ op: 'update', key: 'Subject', value, base: 'old' }] }) as const;
  try {
    // The first panel: no name, where a lone panel's work always was.
    window.name = '';
    const first = sessionDraftStorage();
    window.name = 'case-data-panel-2';
    const second = sessionDraftStorage();
    // A name the page makes anew at each load is no panel's own: the work stays found after a reload (review).
    window.name = 'vfFrameId_1764316800000';
    const named = sessionDraftStorage();
    if (!first || !second || !named) throw new Error('no sessionStorage');
    second.save('c', work('second'));
    first.save('d', work('first'));
    expect(first.load('c')).toBeNull();
    expect(first.chatIds()).toEqual(['d']);
    // The first one's cleaning of a chat it has no work for leaves the second's.
    first.save('c', null);
    expect(second.load('c')).toEqual(work('second'));
    expect(second.chatIds()).toEqual(['c']);
    expect(named.load('d')).toEqual(work('first'));
    expect(Object.keys(sessionStorage).sort()).toEqual(['case-data-panel:chat:d', 'case-data-panel@case-data-panel-2:chat:c']);
  } finally {
    window.name = '';
  }
});
