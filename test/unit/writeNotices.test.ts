// @vitest-environment node
// What the panel's own live region says of the agent's writes (src/app/WriteNotices.tsx), from
// store changes alone: a save that went through over another party's change, in every order
// the notifications and the HTTP answer can come in, and refused writes in chats not on screen.
import { describe, expect, it } from 'vitest';
import type { Chat, UserDataValue } from '../../src/gws';
import { translateEnglish } from '../../src/i18n';
import '../../src/i18n/panelTexts';
import { createChatStore, type ChatStoreState } from '../../src/store';
import { writeNotices } from '../../src/app/WriteNotices';

const chat = (id: string, userData: Record<string, UserDataValue> = {}): Chat => ({
  id,
  state: 'Chatting',
  capabilities: [],
  participants: [{ participantId: `${id}-customer`, nickname: `customer of ${id}`, type: 'Customer' }],
  userData: new Map(Object.entries(userData)),
  receivedDate: '',
});

function live() {
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.connectionChanged({ kind: 'live' });
  actions.chatsRead([chat('c', { k: 'old' }), chat('d', { k: 'old' })], actions.readStarted());
  const said: string[] = [];
  store.subscribe((state: ChatStoreState, previous: ChatStoreState) => {
    if (state.chats !== previous.chats) said.push(...writeNotices(state, previous, translateEnglish).map((notice) => notice.text));
  });
  const notify = (id: string, userData: Record<string, UserDataValue>, referenceId?: number) =>
    actions.notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chat(id, userData), referenceId });
  return { actions, notify, said };
}

const SAVED_OVER = 'Saved k over a change someone else made while yours was on its way (their value was “theirs”).';

describe('a write of the agent’s that landed as made', () => {
  it('is said once, for the last of its key, on screen: Saved, or Deleted', () => {
    const { actions, notify, said } = live();
    const first = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'one' });
    const second = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'two' });
    actions.userDataWriteAccepted('c', first.editId, 3);
    notify('c', { k: 'one' }, 3);
    expect(said).toEqual([]);
    actions.userDataWriteAccepted('c', second.editId, 4);
    notify('c', { k: 'two' }, 4);
    // Before (accessibility audit): the cell's Saving… turned to Saved, and nothing was said.
    expect(said).toEqual(['Saved k.']);
    const gone = actions.userDataWriteSent('c', { op: 'delete', key: 'k' });
    notify('c', {}, 5);
    actions.userDataWriteAccepted('c', gone.editId, 5);
    expect(said).toEqual(['Saved k.', 'Deleted k.']);
    // In a chat not on screen: no news to act on.
    const elsewhere = actions.userDataWriteSent('d', { op: 'update', key: 'k', value: 'new' });
    actions.userDataWriteAccepted('d', elsewhere.editId, 6);
    notify('d', { k: 'new' }, 6);
    expect(said).toEqual(['Saved k.', 'Deleted k.']);
  });
});

describe('a save that went through over another party’s change', () => {
  it('is said when its answer comes before its notification', () => {
    const { actions, notify, said } = live();
    const mine = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'mine' });
    notify('c', { k: 'theirs' });
    actions.userDataWriteAccepted('c', mine.editId, 8);
    notify('c', { k: 'mine' }, 8);
    expect(said).toEqual([SAVED_OVER]);
  });

  it('is said when its notification comes before its answer', () => {
    const { actions, notify, said } = live();
    const mine = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'mine' });
    notify('c', { k: 'theirs' });
    notify('c', { k: 'mine' }, 8);
    actions.userDataWriteAccepted('c', mine.editId, 8);
    // Before (review): the snapshot before the answer already showed "mine", and nothing was said.
    expect(said).toEqual([SAVED_OVER]);
  });

  it('is said for a delete, and for a key someone else deleted meanwhile', () => {
    const { actions, notify, said } = live();
    const remove = actions.userDataWriteSent('c', { op: 'delete', key: 'k' });
    notify('c', { k: 'theirs' });
    actions.userDataWriteAccepted('c', remove.editId, 8);
    notify('c', {}, 8);
    const add = actions.userDataWriteSent('c', { op: 'attach', key: 'k', value: 'back' });
    notify('c', { k: 'again' });
    notify('c', {});
    actions.userDataWriteAccepted('c', add.editId, 9);
    notify('c', { k: 'back' }, 9);
    expect(said).toEqual([
      'Deleted k over a change someone else made while yours was on its way (their value was “theirs”).',
      'Saved k, which someone else deleted while yours was on its way.',
    ]);
  });

  it('names the chat when it is not the one on screen', () => {
    const { actions, notify, said } = live();
    const mine = actions.userDataWriteSent('d', { op: 'update', key: 'k', value: 'mine' });
    notify('d', { k: 'theirs' });
    actions.userDataWriteAccepted('d', mine.editId, 8);
    notify('d', { k: 'mine' }, 8);
    // Before (exploratory test): "Saved k over …" heard in chat c, which has a k of its own.
    expect(said).toEqual([`In the chat with customer of d: ${SAVED_OVER}`]);
  });

  it('is not said for the agent’s own earlier write; when theirs came last, that is said instead', () => {
    const { actions, notify, said } = live();
    const first = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'first' });
    const second = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'second' });
    notify('c', { k: 'first' }, 4);
    actions.userDataWriteAccepted('c', first.editId, 4);
    notify('c', { k: 'second' }, 5);
    actions.userDataWriteAccepted('c', second.editId, 5);
    const mine = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'mine' });
    notify('c', { k: 'mine' }, 6);
    notify('c', { k: 'theirs' });
    // The second landed as made (the first, replaced by it, is no news).
    expect(said).toEqual(['Saved k.']);
    actions.userDataWriteAccepted('c', mine.editId, 6);
    // Before (exploratory test): nothing, the cell turning from Saving… to their value.
    expect(said).toEqual(['Saved k.', 'Someone else changed k to “theirs” right after your change.']);
  });

  it('says another party’s change after a write whose notification was lost, once a read settles it; and their delete', () => {
    const { actions, notify, said } = live();
    const mine = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'mine' });
    actions.userDataWriteAccepted('c', mine.editId, 6);
    notify('c', { k: 'theirs' });
    expect(said).toEqual([]);
    actions.chatsRead([chat('c', { k: 'theirs' }), chat('d', { k: 'old' })], actions.readStarted());
    expect(said).toEqual(['Someone else changed k to “theirs” right after your change.']);
    const other = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'again' });
    actions.userDataWriteAccepted('c', other.editId, 7);
    actions.chatsRead([chat('c', {}), chat('d', { k: 'old' })], actions.readStarted());
    expect(said.at(-1)).toBe('Someone else deleted k right after your change.');
  });

  it('says nothing of a write GWS accepted that a read does not show: it stays, Not confirmed, and the grid says so', () => {
    const { actions, said } = live();
    const mine = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'mine' });
    actions.userDataWriteAccepted('c', mine.editId, 6);
    actions.chatsRead([chat('c', { k: 'old' }), chat('d', { k: 'old' })], actions.readStarted());
    expect(said).toEqual([]);
  });
});

describe('a write refused in a chat not on screen', () => {
  it('is said once, naming the chat by its customer', () => {
    const { actions, said } = live();
    const write = actions.userDataWriteSent('d', { op: 'update', key: 'k', value: 'mine' });
    actions.userDataWriteFailed('d', write.editId, { kind: 'status-code', statusCode: 4, statusMessage: 'boom' });
    const again = actions.userDataWriteSent('c', { op: 'update', key: 'k', value: 'here' });
    actions.userDataWriteFailed('c', again.editId, { kind: 'status-code', statusCode: 4, statusMessage: 'boom' });
    // The chat on screen says its own (the grid's live region).
    expect(said).toEqual(['Not saved in the chat with customer of d: k. Open that chat to keep or discard it.']);
  });
});

describe('a chat not on screen that is over with the agent’s work in it', () => {
  it('is said once as it ends or leaves the agent’s list, naming its state; not for one with nothing unsaved', () => {
    const { actions, said } = live();
    actions.draftChanged('d', 'k', 'typed');
    // GWS no longer lists d (a transfer): before (exploratory test), only the picker's option changed.
    actions.chatsRead([chat('c', { k: 'old' })], actions.readStarted());
    actions.chatsRead([chat('c', { k: 'old' })], actions.readStarted());
    expect(said).toEqual(['The chat with customer of d is over (No longer listed) and holds unsaved changes. Open that chat to copy them.']);
    said.length = 0;
    actions.chatsRead([chat('c', { k: 'old' }), chat('e')], actions.readStarted());
    actions.notificationReceived({ kind: 'chat-changed', notificationType: 'StatusChange', chat: { ...chat('e'), state: 'Completed' } });
    expect(said).toEqual([]);
  });
});

describe('a draft another party’s change overtakes', () => {
  it('is said once, for a change or a delete, and not for an editor merely opened', () => {
    const { actions, notify, said } = live();
    actions.draftChanged('c', 'k', 'my draft');
    actions.draftOpened('c', 'j', 'j0', 'j0');
    notify('c', { k: 'theirs', j: 'changed' });
    notify('c', { k: 'theirs again', j: 'changed' });
    actions.draftChanged('d', 'k', 'draft in d');
    notify('d', {});
    // Before (exploratory test): a closed draft showed "Draft · changed on the server", and nothing was said.
    expect(said).toEqual([
      'k was changed by someone else to “theirs”; your unsaved draft is kept.',
      'In the chat with customer of d: k was deleted by someone else; your unsaved draft is kept.',
    ]);
  });

  it('is not said again when the agent discards that draft and Ctrl+Z brings it back', () => {
    const { actions, notify, said } = live();
    actions.draftChanged('c', 'k', 'my draft');
    notify('c', { k: 'theirs' });
    actions.draftDiscarded('c', 'k');
    const step = actions.stepTaken('c', 'undo');
    if (!step?.draft) throw new Error('no draft step');
    actions.draftRestored('c', 'k', step.draft);
    // Before (exploratory test): said a second time, as if another change had come.
    expect(said).toEqual(['k was changed by someone else to “theirs”; your unsaved draft is kept.']);
  });

  it('is said when Ctrl+Z brings a discarded draft back over a change made while it was away', () => {
    const { actions, notify, said } = live();
    actions.draftChanged('c', 'k', 'my draft');
    actions.draftDiscarded('c', 'k');
    notify('c', { k: 'theirs' });
    expect(said).toEqual([]);
    const step = actions.stepTaken('c', 'undo');
    if (!step?.draft) throw new Error('no draft step');
    actions.draftRestored('c', 'k', step.draft);
    // The change came with no draft to tell of; the draft comes back overtaken (review: nothing was said).
    expect(said).toEqual(['k was changed by someone else to “theirs”; your unsaved draft is kept.']);
  });
});

describe('a draft brought back by Ctrl+Z, and drafts their changes go back and forth under (review)', () => {
  function liveWithEditor() {
    const store = createChatStore({ activeChatId: 'c' });
    const { actions } = store.getState();
    actions.connectionChanged({ kind: 'live' });
    actions.chatsRead([chat('c', { k: 'old' }), chat('d', { k: 'old' })], actions.readStarted());
    const said: string[] = [];
    let editorOpen = false;
    store.subscribe((state: ChatStoreState, previous: ChatStoreState) => {
      if (state.chats !== previous.chats) said.push(...writeNotices(state, previous, translateEnglish, undefined, () => editorOpen).map((notice) => notice.text));
    });
    const notify = (id: string, userData: Record<string, UserDataValue>) => actions.notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chat(id, userData) });
    return { actions, notify, said, setEditorOpen: (open: boolean) => void (editorOpen = open) };
  }
  const live = liveWithEditor;
  const OVERTAKEN = 'k was changed by someone else to “theirs”; your unsaved draft is kept.';

  it('a draft said by the editor’s alert, then Escape and Ctrl+Z: not said again as a new change', () => {
    const { actions, notify, said, setEditorOpen } = live();
    setEditorOpen(true);
    actions.draftChanged('c', 'k', 'my draft');
    notify('c', { k: 'theirs' }); // the open editor's alert says it
    expect(said).toEqual([]);
    setEditorOpen(false);
    actions.draftDiscarded('c', 'k');
    const step = actions.stepTaken('c', 'undo');
    if (!step?.draft) throw new Error('no draft step');
    actions.draftRestored('c', 'k', step.draft);
    // No change of theirs came since the alert: nothing new to say.
    expect(said).toEqual([]);
  });

  it('a draft typed on after its notice, discarded and brought back: not said again', () => {
    const { actions, notify, said } = live();
    actions.draftChanged('c', 'k', 'my draft');
    notify('c', { k: 'theirs' });
    actions.draftChanged('c', 'k', 'my draft, more');
    actions.draftDiscarded('c', 'k');
    const step = actions.stepTaken('c', 'undo');
    if (!step?.draft) throw new Error('no draft step');
    actions.draftRestored('c', 'k', step.draft);
    expect(said).toEqual([OVERTAKEN]);
  });

  it('their change back and then again is a new change, said again', () => {
    const { actions, notify, said } = live();
    actions.draftChanged('c', 'k', 'my draft');
    notify('c', { k: 'theirs' });
    notify('c', { k: 'old' });
    notify('c', { k: 'theirs' });
    expect(said).toEqual([OVERTAKEN, OVERTAKEN]);
  });

  it('the agent’s own write refused under a kept draft is no change by someone else', () => {
    const { actions, said } = live();
    const mine = actions.userDataWriteSent('d', { op: 'update', key: 'k', value: 'mine' });
    actions.draftChanged('d', 'k', 'next');
    actions.userDataWriteFailed('d', mine.editId, { kind: 'status-code', statusCode: 4, statusMessage: 'boom' });
    expect(said.filter((line) => line.includes('someone else'))).toEqual([]);
  });
});
