// Every key binding of the case-data grid, driven with user-event against the real
// simulator; assertions read the grid and what the simulator received.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFocusKeyChannel } from '../../src/app/focusChannel';
import { simulatorPerFile } from '../support/simulator';
import { focusAfterRowGone, grid, readConflict, renderPanel, rowHeaders, SEED_CHAT_ID, valueCell, waitForLive } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

async function openPanel() {
  const view = renderPanel(sim.url);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitForLive();
  return view;
}

const keyCell = (key: string) => within(grid()).getByRole('rowheader', { name: key });
const focusedKey = () => document.activeElement?.closest('[role="row"]')?.querySelector('[role="rowheader"]')?.getAttribute('aria-label');

describe('grid navigation', () => {
  it('is one tab stop: Tab enters on one cell and the next Tab leaves the grid', async () => {
    const { user } = await openPanel();
    // The tab stop remembers the last active cell.
    await user.click(within(grid()).getAllByRole('gridcell')[2] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Before the panel' }));
    const tabbable = within(grid()).getAllByRole('gridcell').filter((cell) => cell.tabIndex === 0);
    expect(tabbable).toEqual([within(grid()).getAllByRole('gridcell')[2]]);
    for (let presses = 0; presses < 12 && !grid().contains(document.activeElement); presses += 1) await user.tab();
    expect(document.activeElement).toBe(tabbable[0]);
    await user.tab();
    expect(grid()).not.toContainElement(document.activeElement as HTMLElement);
  });

  it('moves with arrows, Home/End, Ctrl+Home/End and PageUp/PageDown', async () => {
    const { user } = await openPanel();
    const keys = rowHeaders();
    valueCell(keys[0] ?? '').focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(valueCell(keys[2] ?? '')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(keyCell(keys[2] ?? '')).toHaveFocus();
    await user.keyboard('{End}');
    expect(valueCell(keys[2] ?? '')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(keyCell(keys[2] ?? '')).toHaveFocus();
    await user.keyboard('{PageDown}');
    expect(keyCell(keys[12] ?? '')).toHaveFocus();
    await user.keyboard('{PageUp}');
    expect(keyCell(keys[2] ?? '')).toHaveFocus();
    await user.keyboard('{Control>}{End}{/Control}');
    expect(valueCell(keys.at(-1) ?? '')).toHaveFocus();
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(keyCell(keys[0] ?? '')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(keyCell(keys[0] ?? '')).toHaveFocus();
  });

  it('keeps aria-rowcount and aria-rowindex right while filtering', async () => {
    const { user } = await openPanel();
    const total = rowHeaders().length;
    expect(grid()).toHaveAttribute('aria-rowcount', String(total + 1));
    await user.type(screen.getByRole('searchbox', { name: 'Filter' }), 'chatserver');
    const rows = within(grid()).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThan(total);
    expect(grid()).toHaveAttribute('aria-rowcount', String(rows.length + 1));
    expect(rows.map((row) => row.getAttribute('aria-rowindex'))).toEqual(rows.map((_row, index) => String(index + 2)));
    expect(rowHeaders().every((key) => key.toLowerCase().includes('chatserver'))).toBe(true);
    await user.clear(screen.getByRole('searchbox', { name: 'Filter' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter' }), 'DATAUPDATE');
    expect(rowHeaders()).toEqual(['UserData2']);
    await user.type(screen.getByRole('searchbox', { name: 'Filter' }), ' nothing like it');
    expect(within(grid()).queryAllByRole('rowheader')).toEqual([]);
    expect(screen.getByText('No key or value matches “DATAUPDATE nothing like it”.', { selector: '.case-data__empty' })).toBeInTheDocument();
  });

  it('says what the filter leaves once the agent pauses typing', async () => {
    const { user } = await openPanel();
    const region = () => grid().closest('.case-data')?.querySelector('[aria-live="polite"]');
    const filter = screen.getByRole('searchbox', { name: 'Filter' });
    await user.type(filter, 'DATAUPDATE');
    // Before (exploratory keyboard test): rows went, and a screen reader heard nothing.
    await waitFor(() => expect(region()).toHaveTextContent('1 key matches.'));
    await user.type(filter, ' nothing like it');
    await waitFor(() => expect(region()).toHaveTextContent('No key or value matches “DATAUPDATE nothing like it”.'));
    // Once, not twice: the line under the grid goes while the region says it (exploratory test).
    expect(screen.getAllByText('No key or value matches “DATAUPDATE nothing like it”.')).toHaveLength(1);
    // Said again (a letter typed and taken back within the pause): once still (review).
    await user.type(filter, 'x{Backspace}');
    await waitFor(() => expect(region()?.textContent).toBe('No key or value matches “DATAUPDATE nothing like it”.\u00a0'));
    expect(screen.getAllByText(/^No key or value matches “DATAUPDATE nothing like it”\./)).toHaveLength(1);
    await user.clear(filter);
    await user.type(filter, 'chatserver');
    await waitFor(() => expect(region()).toHaveTextContent(`${rowHeaders().length} keys match.`));
    // Cleared, the filter's count goes (before: "3 keys match." stayed, beside every row).
    await user.clear(filter);
    await waitFor(() => expect(region()).toBeEmptyDOMElement());
  });

  it('says what the filter leaves again when someone else’s change takes a row out of it', async () => {
    const { user } = await openPanel();
    const region = () => grid().closest('.case-data')?.querySelector('[aria-live="polite"]');
    await user.type(screen.getByRole('searchbox', { name: 'Filter' }), 'support');
    await waitFor(() => expect(region()).toHaveTextContent('1 key matches.'));
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'Other' });
    // Before (new-user test): "1 key matches." stood beside "No key or value matches". (The change itself, said: e2e.)
    await waitFor(() => expect(region()).toHaveTextContent('No key or value matches “support”.'));
  });

  it('says the count as it is when the pause ends, after a change that came while the agent typed', async () => {
    const { user } = await openPanel();
    const region = () => grid().closest('.case-data')?.querySelector('[aria-live="polite"]');
    await user.type(screen.getByRole('searchbox', { name: 'Filter' }), 'support');
    // Within the pause that precedes the count (review: the count from the last keystroke was said).
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'Other' });
    await waitFor(() => expect(within(grid()).queryAllByRole('rowheader')).toEqual([]));
    await waitFor(() => expect(region()).toHaveTextContent('No key or value matches “support”.'));
    expect(region()).not.toHaveTextContent('1 key matches.');
  });

  it('keeps an open editor in the filtered view when someone else changes its key to a value that does not match', async () => {
    await control.updateUserData(SEED_CHAT_ID, { NoteA: 'foo one', NoteB: 'foo two' });
    const { user } = await openPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Filter' }), 'foo');
    await waitFor(() => expect(rowHeaders()).toEqual(['NoteA', 'NoteB']));
    valueCell('NoteA').focus();
    await user.keyboard('abc');
    await control.updateUserData(SEED_CHAT_ID, { NoteA: 'bar' });
    expect(await within(valueCell('NoteA')).findByText(/bar/)).toBeInTheDocument();
    // Before the fix the row left the view with its editor, focus went to NoteB, and these
    // keys started an edit there that Enter saved.
    await user.keyboard('def');
    await readConflict();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await control.operations()).map((op) => op.userData)).toEqual([{ NoteA: 'abcdef' }]));
    expect(valueCell('NoteB')).toHaveTextContent('foo two');
  });

  it('keeps a refused save in the filtered view even though its value does not match', async () => {
    await control.updateUserData(SEED_CHAT_ID, { NoteA: 'foo one', NoteB: 'foo two' });
    const { user } = await openPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Filter' }), 'foo');
    await waitFor(() => expect(rowHeaders()).toEqual(['NoteA', 'NoteB']));
    await control.faults({ failNext: 1, statusCode: 4 });
    valueCell('NoteA').focus();
    await user.keyboard('xyz{Enter}');
    await waitFor(() => expect(valueCell('NoteA')).toHaveTextContent(/Not saved: Internal error \(statusCode 4\)/));
    expect(valueCell('NoteA')).toHaveTextContent('xyz');
    // Settled (taken back), the row follows the filter again.
    await user.click(within(valueCell('NoteA')).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(rowHeaders()).toEqual(['NoteA', 'NoteB']));
    expect(valueCell('NoteA')).toHaveTextContent('foo one');
  });
});

describe('first paint of a short list', () => {
  const dataRows = () => within(grid()).getAllByRole('row').length - 1;

  it('renders one screen of rows for the first paint and every row just after it', async () => {
    // Counted as the grid is committed, not when a query next looks: on a busy machine the frame
    // that brings the rest could come first (it did, once in a full run).
    let firstRows: number | null = null;
    const watch = new MutationObserver(() => {
      const shown = document.querySelector('[role="grid"]');
      if (shown && firstRows === null) firstRows = shown.querySelectorAll('[role="row"]').length - 1;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    watch.disconnect();
    // The seed chat's 32 keys: fewer on the way to the first paint, all of them after it.
    expect(firstRows).toBeGreaterThan(0);
    expect(firstRows).toBeLessThan(32);
    expect(grid()).toHaveAttribute('aria-rowcount', '33');
    await waitFor(() => expect(dataRows()).toBe(32));
  });

  it('renders every row at once for a key the host asks for before then', async () => {
    // No animation frame: the rest of the rows would wait for the hidden-frame timer.
    const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    try {
      const channel = createFocusKeyChannel();
      const { store } = renderPanel(sim.url, { focusChannel: channel });
      await screen.findByRole('grid', { name: 'Case data' });
      const shown = new Set(rowHeaders());
      const keys = [...(store.getState().chats.get(SEED_CHAT_ID)?.chat.userData.keys() ?? [])];
      const last = keys.find((key) => !shown.has(key)) ?? '';
      expect(keys).toHaveLength(32);
      expect(within(grid()).queryByRole('rowheader', { name: last })).not.toBeInTheDocument();
      act(() => {
        expect(channel.request(last)).toBe('focused');
      });
      expect(dataRows()).toBe(32);
      expect(valueCell(last)).toHaveFocus();
    } finally {
      frames.mockRestore();
    }
  });
});

describe('editing keys', () => {
  it('typing a character starts an edit that replaces the value; Enter commits and moves down', async () => {
    const { user } = await openPanel();
    valueCell('CustomerSegment').focus();
    await user.keyboard('vip{Enter}');
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent('vip'));
    expect(focusedKey()).toBe('ServiceType');
    expect(await control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { CustomerSegment: 'vip' } }]);
  });

  it('F2 edits with the caret at the end; Tab commits and moves to the next value', async () => {
    const { user } = await openPanel();
    valueCell('CustomerSegment').focus();
    await user.keyboard('{F2}');
    const editor = screen.getByRole('textbox', { name: 'Value of CustomerSegment' });
    expect(editor).toHaveValue('default');
    expect((editor as HTMLInputElement).selectionStart).toBe('default'.length);
    await user.keyboard('-gold{Tab}');
    expect(focusedKey()).toBe('ServiceType');
    await waitFor(async () => expect(await control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { CustomerSegment: 'default-gold' } }]));
  });

  it('Shift+Tab commits and moves to the previous value', async () => {
    const { user } = await openPanel();
    valueCell('ServiceType').focus();
    await user.keyboard('{Enter}x{Shift>}{Tab}{/Shift}');
    expect(focusedKey()).toBe('CustomerSegment');
    await waitFor(() => expect(valueCell('ServiceType')).toHaveTextContent(/^defaultx/));
  });

  it('a click elsewhere commits', async () => {
    const { user } = await openPanel();
    await user.dblClick(valueCell('CustomerSegment'));
    await user.type(screen.getByRole('textbox', { name: 'Value of CustomerSegment' }), '-2');
    await user.click(screen.getByRole('button', { name: 'After the panel' }));
    await waitFor(async () => expect(await control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { CustomerSegment: 'default-2' } }]));
  });

  it('Escape cancels and the cell keeps focus; nothing is sent', async () => {
    const { user } = await openPanel();
    valueCell('CustomerSegment').focus();
    await user.keyboard('zzz{Escape}');
    expect(valueCell('CustomerSegment')).toHaveFocus();
    expect(valueCell('CustomerSegment')).toHaveTextContent('default');
    expect(await control.operations()).toEqual([]);
  });

  it('Ctrl+Z undoes the agent’s edit as a normal operation; Ctrl+Y and Ctrl+Shift+Z redo', async () => {
    const { user } = await openPanel();
    valueCell('CustomerSegment').focus();
    await user.keyboard('gold{Enter}');
    await waitFor(() => expect(valueCell('CustomerSegment')).not.toHaveAttribute('aria-busy'));
    // Someone else's change in between must not wipe the agent's history.
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'from routing' });
    await waitFor(() => expect(valueCell('Subject')).toHaveTextContent('from routing'));
    valueCell('CustomerSegment').focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent(/^default/));
    await user.keyboard('{Control>}y{/Control}');
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent(/^gold/));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent(/^default/));
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent(/^gold/));
    await waitFor(async () =>
      expect((await control.operations()).map((op) => op.userData)).toEqual([
        { CustomerSegment: 'gold' },
        { CustomerSegment: 'default' },
        { CustomerSegment: 'gold' },
        { CustomerSegment: 'default' },
        { CustomerSegment: 'gold' },
      ]),
    );
  });

  it('a letter typed on a number cell is refused on the spot, like every later keystroke', async () => {
    const { user } = await openPanel();
    valueCell('ServiceObjective').focus();
    await user.keyboard('z');
    expect(screen.queryByRole('spinbutton', { name: 'Value of ServiceObjective' })).not.toBeInTheDocument();
    expect(valueCell('ServiceObjective')).toHaveAccessibleDescription('This value is a number: only digits and one decimal point are allowed.');
    await user.keyboard('7');
    expect(screen.getByRole('spinbutton', { name: 'Value of ServiceObjective' })).toHaveValue('7');
  });

  it('an editor whose value was refused does not hold the grid’s keys once the agent is in another row', async () => {
    const { user } = await openPanel();
    await user.dblClick(valueCell('ServiceObjective'));
    await user.keyboard('{Control>}a{/Control}-{Enter}');
    expect(screen.getByRole('spinbutton', { name: 'Value of ServiceObjective' })).toBeInTheDocument();
    await user.click(valueCell('Subject'));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Value of Subject' })).toHaveFocus();
    // What was typed in the refused editor is kept as a draft, not thrown away.
    expect(screen.queryByRole('spinbutton', { name: 'Value of ServiceObjective' })).not.toBeInTheDocument();
    expect(within(valueCell('ServiceObjective')).getByText('Draft')).toBeInTheDocument();
  });

  it('Ctrl+Z does not put back the old value over someone else’s newer one, and says why', async () => {
    const { user } = await openPanel();
    valueCell('CustomerSegment').focus();
    await user.keyboard('gold{Enter}');
    await waitFor(() => expect(valueCell('CustomerSegment')).not.toHaveAttribute('aria-busy'));
    // A supervisor changes the same key after the agent's edit.
    await control.updateUserData(SEED_CHAT_ID, { CustomerSegment: 'platinum' });
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent(/^platinum/));
    valueCell('CustomerSegment').focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(valueCell('CustomerSegment')).toHaveAccessibleDescription('“CustomerSegment” was changed by someone else since; this would overwrite their value.');
    expect(valueCell('CustomerSegment')).toHaveTextContent(/^platinum/);
    expect((await control.operations()).map((op) => op.userData)).toEqual([{ CustomerSegment: 'gold' }]);
  });

  it('writes a paste that lands late without taking focus from where the agent went, nor over an editor they opened', async () => {
    const { user } = await openPanel();
    let answer: (text: string) => void = () => undefined;
    const readText = vi.spyOn(navigator.clipboard, 'readText').mockImplementation(() => new Promise<string>((resolve) => (answer = resolve)));
    valueCell('Subject').focus();
    await user.keyboard('{Control>}v{/Control}');
    const filter = screen.getByRole('searchbox', { name: 'Filter' });
    await user.click(filter);
    await user.keyboard('Subj');
    // The clipboard answers now (a permission prompt, a slow page).
    await act(async () => answer('Pasted late'));
    await waitFor(() => expect(valueCell('Subject')).toHaveTextContent(/^Pasted late/));
    // Before: focus went back to the pasted cell, and the rest of the word opened an editor there.
    expect(filter).toHaveFocus();
    await user.keyboard('ect');
    expect(filter).toHaveValue('Subject');

    // Pasted into a key the agent has since opened an editor on: the editor wins, nothing is written.
    await user.clear(filter);
    valueCell('UserData2').focus();
    await user.keyboard('{Control>}v{/Control}');
    await user.keyboard('{F2} mine');
    await act(async () => answer('Pasted later'));
    expect(screen.getByRole('textbox', { name: 'Value of UserData2' })).toHaveValue('DATAUPDATE-@123 mine');
    expect(await screen.findByText('Not pasted: UserData2 is open for editing.')).toBeInTheDocument();
    await user.keyboard('{Escape}');

    // Pasted into a key a filter the agent typed since hides: not written, and said (before: a note on a hidden cell only).
    valueCell('UserData1').focus();
    await user.keyboard('{Control>}v{/Control}');
    await user.type(filter, 'Subject');
    await act(async () => answer('123'));
    expect(await screen.findByText('UserData1: Not pasted: This key is no longer shown.')).toBeInTheDocument();
    expect(readText).toHaveBeenCalledTimes(3);
    expect((await control.operations()).map((op) => op.userData)).toEqual([{ Subject: 'Pasted late' }]);
  });

  it('Ctrl+C copies a value and Ctrl+V pastes it into another cell, validated like typing', async () => {
    const { user } = await openPanel();
    valueCell('UserData2').focus();
    await user.keyboard('{Control>}c{/Control}');
    // Copying is asynchronous (the clipboard API).
    await waitFor(async () => expect(await navigator.clipboard.readText()).toBe('DATAUPDATE-@123'));
    valueCell('Subject').focus();
    await user.keyboard('{Control>}v{/Control}');
    await waitFor(() => expect(valueCell('Subject')).toHaveTextContent('DATAUPDATE-@123'));
    // The same text pasted into a number is refused with the reason beside the cell.
    valueCell('UserData1').focus();
    await user.keyboard('{Control>}v{/Control}');
    await waitFor(() => expect(valueCell('UserData1')).toHaveAccessibleDescription('Not pasted: Enter a number.'));
    expect(valueCell('UserData1')).toHaveTextContent('987654321');
    expect(await control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { Subject: 'DATAUPDATE-@123' } }]);
  });

  it('Ctrl+V on a read-only cell says why, not only beside the cell', async () => {
    const { user } = await openPanel();
    await control.setState(SEED_CHAT_ID, 'Completed');
    await waitFor(() => expect(grid()).toHaveAttribute('aria-readonly', 'true'));
    valueCell('Subject').focus();
    await user.keyboard('{Control>}v{/Control}');
    const region = () => grid().closest('.case-data')?.querySelector('[aria-live="polite"]');
    // Before (keyboard test): nothing was said.
    await waitFor(() => expect(region()).toHaveTextContent('This chat is Completed: its case data is read-only.'));
    expect(await control.operations()).toEqual([]);
  });

  it('typing on a read-only cell says why once, not at each key', async () => {
    const { user } = await openPanel();
    await control.setState(SEED_CHAT_ID, 'Completed');
    await waitFor(() => expect(grid()).toHaveAttribute('aria-readonly', 'true'));
    valueCell('Subject').focus();
    const region = grid().closest('.case-data')?.querySelector('[aria-live="polite"]');
    if (!region) throw new Error('no live region');
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(region.textContent ?? ''));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    await user.keyboard('more');
    await waitFor(() => expect(said.length).toBeGreaterThan(0));
    observer.disconnect();
    // Before (keyboard test): four times, each a change a screen reader reads out.
    expect(said).toEqual(['This chat is Completed: its case data is read-only.']);
  });

  it('Ctrl+C on a cell with a Draft copies the draft the cell shows', async () => {
    const { user, store } = await openPanel();
    act(() => store.getState().actions.draftChanged(SEED_CHAT_ID, 'Subject', 'Refund request'));
    valueCell('Subject').focus();
    await user.keyboard('{Control>}c{/Control}');
    // Before: the server's value, which the cell no longer shows.
    await waitFor(async () => expect(await navigator.clipboard.readText()).toBe('Refund request'));
  });

  it('Ctrl+V of what the cell already holds (an empty clipboard on a null value) sends nothing and says so, not “Pasted”', async () => {
    await control.updateUserData(SEED_CHAT_ID, { Nul: null });
    const { user } = await openPanel();
    await waitFor(() => valueCell('Nul'));
    vi.spyOn(navigator.clipboard, 'readText').mockResolvedValue('');
    valueCell('Nul').focus();
    await user.keyboard('{Control>}v{/Control}');
    // Before (exploratory test): "Pasted into Nul.", nothing having been sent.
    expect(await screen.findByText('Nul already holds that: nothing to paste.')).toBeInTheDocument();
    expect(await control.operations()).toEqual([]);
  });

  it('Delete of a chat’s last key says what brings it back, not a Ctrl+Z the empty grid cannot hear', async () => {
    await control.addChat({ id: 'ONEKEY', state: 'Chatting', userData: { Only: 'x' } });
    const view = renderPanel(sim.url, { chatId: 'ONEKEY' });
    await screen.findByRole('grid', { name: 'Case data' });
    await waitForLive();
    await waitFor(() => valueCell('Only'));
    valueCell('Only').focus();
    await view.user.keyboard('{Delete}');
    // Before (accessibility audit): "Press Ctrl+Z to undo.", the grid then empty and the focus on the filter.
    expect(await screen.findByText('Deleting Only, this chat’s last key: once it is gone, Add field adds it again.')).toBeInTheDocument();
    await waitFor(() => expect(within(grid()).queryByRole('rowheader', { name: 'Only' })).not.toBeInTheDocument());
  });

  it('Delete removes a key with DeleteUserData and Ctrl+Z restores key and value with AttachUserData', async () => {
    const { user } = await openPanel();
    valueCell('UserData1').focus();
    await user.keyboard('{Delete}');
    await waitFor(() => expect(within(grid()).queryByRole('rowheader', { name: 'UserData1' })).not.toBeInTheDocument());
    expect(screen.getByText('Deleting UserData1. Press Ctrl+Z to undo.')).toBeInTheDocument();
    await focusAfterRowGone('UserData1');
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(valueCell('UserData1')).toHaveTextContent('987654321'));
    // The focus goes with it, back at the grid's end (before (exploratory keyboard test): it stayed, the row elsewhere, unsaid).
    await waitFor(() => expect(valueCell('UserData1')).toHaveFocus());
    expect(await control.operations()).toEqual([
      { operationName: 'DeleteUserData', keys: ['UserData1'] },
      { operationName: 'AttachUserData', userData: { UserData1: 987654321 } },
    ]);
  });

  it('Delete keeps the focus on its row until the row goes: a refused delete is where Enter sends it again', async () => {
    const { user } = await openPanel();
    await control.faults({ failNext: 1, statusCode: 4 });
    valueCell('UserData1').focus();
    await user.keyboard('{Delete}');
    await waitFor(() => expect(valueCell('UserData1')).toHaveAccessibleDescription(/^Not saved \(delete\): /));
    // Before (exploratory test): the focus went to the next row at once, and Enter there opened its editor.
    expect(valueCell('UserData1')).toHaveFocus();
    await user.keyboard('{Enter}');
    // (Where the focus goes once the row has gone: test/e2e/gridKeyboard.spec.ts; jsdom moves no focus off a removed element.)
    await waitFor(() => expect(within(grid()).queryByRole('rowheader', { name: 'UserData1' })).not.toBeInTheDocument());
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect((await control.operations()).map((operation) => operation.operationName)).toEqual(['DeleteUserData', 'DeleteUserData']);
  });

  it('deletes and restores the empty key too, naming it as the grid does', async () => {
    await control.updateUserData(SEED_CHAT_ID, { '': 'emptyval' });
    const { user } = await openPanel();
    await waitFor(() => expect(valueCell('(empty key)')).toHaveTextContent('emptyval'));
    valueCell('(empty key)').focus();
    await user.keyboard('{Delete}');
    expect(await screen.findByText('Deleting (empty key). Press Ctrl+Z to undo.')).toBeInTheDocument();
    await focusAfterRowGone('(empty key)');
    // Before the fix: refused with "Enter a key name.", and the value was gone.
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(valueCell('(empty key)')).toHaveTextContent('emptyval'));
    expect(screen.getByText('Undid the change to (empty key).')).toBeInTheDocument();
    expect(await control.operations()).toEqual([
      { operationName: 'DeleteUserData', keys: [''] },
      { operationName: 'AttachUserData', userData: { '': 'emptyval' } },
    ]);
  });
});
