// A draft (text typed and not saved, kept across chat switches and reloads) goes only when the
// agent saves it or discards it on purpose: Escape on its closed cell, said, and taken back
// with Ctrl+Z. Escape in an editor reopened on it drops only what that editor added.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { caseDataConfig, grid, readConflict, renderPanel, SEED_CHAT_ID, valueCell, waitForLive, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

/** The panel with a draft of Subject left without an editor, as a chat switch or a reload leaves it. */
async function panelWithDraft(text = 'Customer support - my note', options: Parameters<typeof renderPanel>[1] = {}, key = 'Subject') {
  const view = renderPanel(sim.url, options);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitForLive();
  act(() => view.store.getState().actions.draftChanged(SEED_CHAT_ID, key, text));
  await waitFor(() => expect(valueCell(key)).toHaveTextContent('Draft'));
  const draftOf = (key: string) => view.store.getState().chats.get(SEED_CHAT_ID)?.drafts.get(key)?.text;
  return { ...view, draftOf };
}

const announcement = () => grid().closest('.case-data')?.querySelector('[aria-live="polite"]');
const subjectEditor = () => screen.findByRole('textbox', { name: 'Value of Subject' });

describe('a draft', () => {
  it('stays as it was when the agent reopens it and presses Escape', async () => {
    const { user, draftOf } = await panelWithDraft();
    valueCell('Subject').focus();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await subjectEditor()).toHaveValue('Customer support - my note'));
    await user.keyboard('{Escape}');
    // Before (exploratory test): Escape threw the whole draft away, and Ctrl+Z said "Nothing to undo."
    expect(valueCell('Subject')).toHaveFocus();
    expect(valueCell('Subject')).toHaveTextContent('Draft');
    expect(draftOf('Subject')).toBe('Customer support - my note');
    expect(await control.operations()).toEqual([]);
  });

  it('drops only what the reopened editor added on Escape, a character typed on the cell included', async () => {
    const { user, draftOf } = await panelWithDraft();
    valueCell('Subject').focus();
    await user.keyboard('!');
    await waitFor(async () => expect(await subjectEditor()).toHaveValue('Customer support - my note!'));
    await user.keyboard(' and more{Escape}');
    expect(draftOf('Subject')).toBe('Customer support - my note');
    expect(valueCell('Subject')).toHaveTextContent('Draft');
  });

  it('is discarded by Escape on its closed cell, said so, and Ctrl+Z brings it back', async () => {
    const { user, draftOf } = await panelWithDraft();
    valueCell('Subject').focus();
    await user.keyboard('{Escape}');
    expect(draftOf('Subject')).toBeUndefined();
    expect(valueCell('Subject')).not.toHaveTextContent('Draft');
    expect(announcement()).toHaveTextContent('Discarded the unsaved change to Subject. Press Ctrl+Z to undo.');
    await user.keyboard('{Control>}z{/Control}');
    expect(draftOf('Subject')).toBe('Customer support - my note');
    expect(valueCell('Subject')).toHaveTextContent('Draft');
    expect(announcement()).toHaveTextContent('Undid the change to Subject.');
    // Taken back once: the next Ctrl+Z has nothing of it left to undo.
    await user.keyboard('{Control>}z{/Control}');
    expect(announcement()).toHaveTextContent('Nothing to undo.');
    expect(await control.operations()).toEqual([]);
  });

  it('once discarded is not brought back by a Ctrl+Z after a later save: that undoes the save', async () => {
    const { user, draftOf } = await panelWithDraft();
    valueCell('Subject').focus();
    await user.keyboard('{Escape}');
    valueCell('ServiceType').focus();
    await user.keyboard('saved later{Enter}');
    await waitFor(() => expect(valueCell('ServiceType')).not.toHaveAttribute('aria-busy'));
    valueCell('ServiceType').focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect((await control.operations()).length).toBe(2));
    expect(draftOf('Subject')).toBeUndefined();
  });

  it('discarded, is brought back by Ctrl+Z after a chat switch, and two discards by two', async () => {
    const { user, store, draftOf } = await panelWithDraft();
    act(() => store.getState().actions.draftChanged(SEED_CHAT_ID, 'ServiceType', 'my service'));
    valueCell('Subject').focus();
    await user.keyboard('{Escape}');
    valueCell('ServiceType').focus();
    await user.keyboard('{Escape}');
    expect([draftOf('Subject'), draftOf('ServiceType')]).toEqual([undefined, undefined]);
    // Away to another chat and back: the discards are this chat's undo history.
    const picker = screen.getByRole('combobox', { name: 'Chat' });
    const other = within(picker).getAllByRole('option').find((option) => !option.textContent?.includes(SEED_CHAT_ID));
    if (!other) throw new Error('the simulator should seed a second chat');
    await user.selectOptions(picker, other);
    await user.selectOptions(picker, within(picker).getAllByRole('option').find((option) => option.textContent?.includes(SEED_CHAT_ID)) ?? SEED_CHAT_ID);
    await waitFor(() => valueCell('Subject'));
    valueCell('Subject').focus();
    // Before (exploratory test): "Nothing to undo." after the switch, and only the last discard could come back.
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(draftOf('ServiceType')).toBe('my service'));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(draftOf('Subject')).toBe('Customer support - my note'));
    // Redo discards again.
    await user.keyboard('{Control>}y{/Control}');
    await waitFor(() => expect(draftOf('Subject')).toBeUndefined());
    expect(await control.operations()).toEqual([]);
  });

  it('discarded, then changed by another party: Ctrl+Z brings it back as a conflict, not as a plain draft over their value', async () => {
    const { user, draftOf } = await panelWithDraft();
    valueCell('Subject').focus();
    await user.keyboard('{Escape}');
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'theirs' });
    await waitFor(() => expect(valueCell('Subject')).toHaveTextContent(/^theirs$/));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(draftOf('Subject')).toBe('Customer support - my note'));
    // Before (exploratory test): a plain "Draft", and Enter overwrote "theirs" unseen.
    expect(valueCell('Subject')).toHaveTextContent('Draft · changed on the server');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('group', { name: 'Changed on the server while you were editing' })).toBeInTheDocument();
  });

  it('is not replaced unseen by Delete, Ctrl+V or Ctrl+Z on its key: they wait for it to be saved or discarded', async () => {
    const { user, store, draftOf } = await panelWithDraft();
    // An earlier saved edit of the key, so there is something to undo.
    act(() => store.getState().actions.draftChanged(SEED_CHAT_ID, 'Subject', null));
    valueCell('Subject').focus();
    await user.keyboard('first{Enter}');
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'));
    act(() => store.getState().actions.draftChanged(SEED_CHAT_ID, 'Subject', 'my draft'));
    await navigator.clipboard.writeText('pasted');
    const why = 'Subject has a draft that is not saved: save it (Enter) or discard it (Escape) first.';
    valueCell('Subject').focus();
    // Before (exploratory test): Delete sent DeleteUserData and the draft went with the key, unsaid.
    await user.keyboard('{Delete}');
    await waitFor(() => expect(announcement()).toHaveTextContent(why));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(announcement()).toHaveTextContent(why));
    await user.keyboard('{Control>}v{/Control}');
    await waitFor(() => expect(announcement()).toHaveTextContent('Not pasted: Subject has a draft that is not saved. Save it (Enter) or discard it (Escape) first.'));
    expect(draftOf('Subject')).toBe('my draft');
    expect(await control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { Subject: 'first' } }]);
    // Discarded, the draft takes the cell's note of it along (it stood, saying there was a draft: exploratory test).
    await waitFor(() => expect(valueCell('Subject')).toHaveAccessibleDescription(/has a draft/));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(draftOf('Subject')).toBeUndefined());
    expect(valueCell('Subject')).toHaveAccessibleDescription('');
  });

  it('discarded beside a write still on its way: the draft goes, the write goes on', async () => {
    const view = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitUntilSettled(view.store);
    await control.faults({ latencyMs: 1_500 });
    valueCell('Subject').focus();
    await view.user.keyboard('sent{Enter}');
    expect(valueCell('Subject')).toHaveAttribute('aria-busy', 'true');
    act(() => view.store.getState().actions.draftChanged(SEED_CHAT_ID, 'Subject', 'sent, and more'));
    valueCell('Subject').focus();
    await view.user.keyboard('{Escape}');
    expect(view.store.getState().chats.get(SEED_CHAT_ID)?.drafts.get('Subject')).toBeUndefined();
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'), { timeout: 5_000 });
    expect(valueCell('Subject')).toHaveTextContent(/^sent/);
    expect(await control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { Subject: 'sent' } }]);
  });

  it('over another party’s change: an Enter at once in the editor opened on it is held back, and said; the next keeps the draft', async () => {
    const { user } = await panelWithDraft('my draft');
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'remote' });
    await waitFor(() => expect(valueCell('Subject')).toHaveTextContent('Draft · changed on the server'));
    valueCell('Subject').focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('group', { name: 'Changed on the server while you were editing' });
    // Their value is seen only now: an Enter pressed with the one that opened it does not keep the draft over it.
    await user.keyboard('{Enter}');
    // Before (exploratory test): held back in silence, the key taken for lost.
    await waitFor(() => expect(screen.getByText('Not kept yet: check the value on the server, then press Enter again to keep yours.')).toHaveAttribute('role', 'alert'));
    expect(await control.operations()).toEqual([]);
    await readConflict();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await control.operations()).map((op) => op.userData)).toEqual([{ Subject: 'my draft' }]));
  });

  it('over another party’s change: Escape in its editor still takes theirs', async () => {
    const { user, draftOf } = await panelWithDraft();
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'theirs' });
    await waitFor(() => expect(valueCell('Subject')).toHaveTextContent('Draft · changed on the server'));
    valueCell('Subject').focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('group', { name: 'Changed on the server while you were editing' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(draftOf('Subject')).toBeUndefined();
    await waitFor(() => expect(valueCell('Subject')).toHaveTextContent(/^theirs$/));
    // Said and undoable, as a discard on the closed cell (before (review): silent, and "Nothing to undo.").
    expect(announcement()).toHaveTextContent('Discarded the unsaved change to Subject. Press Ctrl+Z to undo.');
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(draftOf('Subject')).toBe('Customer support - my note'));
    expect(valueCell('Subject')).toHaveTextContent('Draft · changed on the server');
  });

  it('set by another party to exactly its text is no conflict (nothing to choose); a later change of theirs is one', async () => {
    const { user, store } = await panelWithDraft('Escalated');
    const serverSubject = () => store.getState().chats.get(SEED_CHAT_ID)?.chat.userData.get('Subject');
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'Escalated' });
    await waitFor(() => expect(serverSubject()).toBe('Escalated'));
    // Before (exploratory round): "Draft · changed on the server", and the editor asked to choose between two equal values.
    expect(valueCell('Subject')).toHaveTextContent(/^Escalated\s*Draft$/);
    valueCell('Subject').focus();
    await user.keyboard('{Enter}');
    expect(await subjectEditor()).toHaveValue('Escalated');
    expect(screen.queryByRole('group', { name: 'Changed on the server while you were editing' })).toBeNull();
    // Typing on is no conflict with it (review: one appeared mid-typing, naming "Escalated" as theirs).
    await user.keyboard(' soon');
    expect(screen.queryByRole('group', { name: 'Changed on the server while you were editing' })).toBeNull();
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'Closed' });
    const conflict = await screen.findByRole('group', { name: 'Changed on the server while you were editing' });
    // From the value the draft rests on now, in the box and in what is said (exploratory round: the alert named the earlier change).
    expect(conflict).toHaveTextContent('“Escalated” → “Closed”');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Changed on the server: “Escalated” → “Closed”.'));
  });

  it('discarded, is not brought back over a newer draft of the key: Ctrl+Z says to save or discard that first', async () => {
    const { user, store, draftOf } = await panelWithDraft();
    valueCell('Subject').focus();
    await user.keyboard('{Escape}');
    act(() => store.getState().actions.draftChanged(SEED_CHAT_ID, 'Subject', 'a newer draft'));
    await user.keyboard('{Control>}z{/Control}');
    // Before (review): the old draft replaced the newer one, and Ctrl+Y then threw both away.
    await waitFor(() => expect(announcement()).toHaveTextContent('Subject has a draft that is not saved: save it (Enter) or discard it (Escape) first.'));
    expect(draftOf('Subject')).toBe('a newer draft');
  });

  it('in a chat that has ended, Delete on a draft’s cell says the chat is read-only, not to save the draft first', async () => {
    const { user, draftOf } = await panelWithDraft();
    await control.setState(SEED_CHAT_ID, 'Completed');
    await waitFor(() => expect(grid()).toHaveAttribute('aria-readonly', 'true'));
    valueCell('Subject').focus();
    await user.keyboard('{Delete}');
    // Before (exploratory keyboard test): "save it (Enter) or discard it (Escape) first", and Enter then said it is read-only.
    await waitFor(() => expect(announcement()).toHaveTextContent('This chat is Completed: its case data is read-only.'));
    expect(draftOf('Subject')).toBe('Customer support - my note');
    expect(await control.operations()).toEqual([]);
  });

  it('of a value with options: a letter typed on its cell opens the list on the first option that begins with it', async () => {
    const config = caseDataConfig({ fields: { CustomerSegment: { options: ['default', 'gold', 'platinum'] } }, allowFreeKeys: true });
    const { user, draftOf } = await panelWithDraft('gold', { config }, 'CustomerSegment');
    valueCell('CustomerSegment').focus();
    await user.keyboard('p');
    // Before (exploratory test): the list opened on the draft, "gold", the letter lost.
    expect(await screen.findByRole('combobox', { name: 'Value of CustomerSegment' })).toHaveValue('platinum');
    await user.keyboard('{Escape}');
    expect(draftOf('CustomerSegment')).toBe('gold');
  });

  it('kept when its chat turned read-only, stays when the agent reads the value and presses Escape', async () => {
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'line one\nline two' });
    const { user, draftOf } = await panelWithDraft('line one\nline two\nmy line');
    await control.setState(SEED_CHAT_ID, 'Completed');
    await waitFor(() => expect(valueCell('Subject')).toHaveAttribute('aria-readonly', 'true'));
    valueCell('Subject').focus();
    await user.keyboard('{Enter}');
    expect(await subjectEditor()).toHaveAttribute('readonly');
    await user.keyboard('{Escape}');
    expect(draftOf('Subject')).toBe('line one\nline two\nmy line');
  });
});
