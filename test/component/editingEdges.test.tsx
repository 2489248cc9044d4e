// The edges of editing found by a whole-folder review of src/caseData, each a bug an agent
// hit: a retry the checks refuse, stepping a decimal, undo after offline edits, AltGr,
// Add field as the chat ends, Keep mine on odd keys, Escape on the conflict's buttons.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { caseDataConfig, readConflict, renderPanel, SEED_CHAT_ID, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

const config = caseDataConfig({ fields: { AccountNumber: { pattern: '[A-Z]{2}\\d{4}', label: 'Account' } }, allowFreeKeys: true });

async function openPanel(options: Parameters<typeof renderPanel>[1] = {}) {
  const view = renderPanel(sim.url, options);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitUntilSettled(view.store);
  return view;
}

describe('a retry and a number', () => {
  it('a retry refused by the pattern keeps the refused write (Escape then leaves it, with Retry)', async () => {
    await control.updateUserData(SEED_CHAT_ID, { AccountNumber: 'AB1234' });
    const { user } = await openPanel({ config });
    const account = () => valueCell('Account (AccountNumber)');
    await control.faults({ failNext: 1, statusCode: 4 });
    account().focus();
    await user.keyboard('{F2}{Control>}a{/Control}CD5678{Enter}');
    await waitFor(() => expect(within(account()).getByRole('button', { name: 'Retry' })).toBeInTheDocument());
    account().focus();
    // The agent reopens the refused value, mistypes, presses Enter: refused by the pattern.
    await user.keyboard('{F2}x{Enter}');
    expect(await screen.findByText('This value does not have the expected format.')).toBeInTheDocument();
    // The refused write is still the agent's: it must not have gone with the refused commit.
    expect((await control.operations()).length).toBe(1);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('textbox', { name: /Account/ })).not.toBeInTheDocument());
    expect(account()).toHaveTextContent(/^CD5678/);
    expect(within(account()).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('Up and Down step a decimal without binary noise', async () => {
    await control.updateUserData(SEED_CHAT_ID, { Amount: 1.1 });
    const { user } = await openPanel();
    await waitFor(() => expect(valueCell('Amount')).toHaveTextContent('1.1'));
    valueCell('Amount').focus();
    await user.keyboard('{F2}{ArrowDown}');
    expect(screen.getByRole('spinbutton')).toHaveValue('0.1');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await control.operations()).at(-1)).toEqual({ operationName: 'UpdateUserData', userData: { Amount: 0.1 } }));
  });

  it('Up and Down keep an exponent’s value, Arabic digits, and long decimals (no error)', async () => {
    await control.updateUserData(SEED_CHAT_ID, { Tiny: 1.5e-7, Long: Number(`0.${'1'.repeat(17)}`) });
    const { user } = await openPanel();
    await waitFor(() => valueCell('Tiny'));
    valueCell('Tiny').focus();
    await user.keyboard('{F2}{ArrowUp}');
    // Before (exploratory round): "1.0000", and Down then "0.0000".
    expect(screen.getByRole('spinbutton')).toHaveValue('1.00000015');
    await user.keyboard('{Control>}a{/Control}١٫٥{ArrowUp}');
    // Before: "2.5" in Latin digits.
    expect(screen.getByRole('spinbutton')).toHaveValue('٢٫٥');
    await user.keyboard(`{Control>}a{/Control}1.${'2'.repeat(120)}{ArrowUp}`);
    // Before: a RangeError from toFixed (more than 100 digits), uncaught.
    expect(screen.getByRole('spinbutton')).toHaveValue(`2.${'2'.repeat(15)}`);
  });
});

describe('undo of an edit made while offline', () => {
  it('Ctrl+Z on the second edit of a key added while offline puts back the first value, not a delete', async () => {
    const { user, store } = await openPanel();
    await control.faults({ notificationsDownMs: 2_000 });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Reconnecting/), { timeout: 5_000 });
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await user.type(await screen.findByRole('textbox', { name: 'Key' }), 'Note');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'one');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(valueCell('Note')).toHaveTextContent('Queued'));
    // Said as the row shows it: not "saving" (exploratory test).
    expect(screen.getByText('Added Note; it is saved once the connection is back.')).toBeInTheDocument();
    valueCell('Note').focus();
    await user.keyboard('two{Enter}');
    await waitFor(() => expect(valueCell('Note')).toHaveTextContent(/^two/));
    await waitFor(() => expect(store.getState().outbox).toBe('open'), { timeout: 15_000 });
    await waitFor(() => expect(store.getState().chats.get(SEED_CHAT_ID)?.pending).toEqual([]), { timeout: 10_000 });
    valueCell('Note').focus();
    await user.keyboard('{Control>}z{/Control}');
    // The edit replaced "one": undo puts "one" back (it sent a DeleteUserData, the key gone).
    await waitFor(async () => expect((await control.operations()).at(-1)).toEqual({ operationName: 'UpdateUserData', userData: { Note: 'one' } }));
  }, 40_000);
});

describe('typing on a closed cell', () => {
  it('a character typed with AltGr (Ctrl+Alt on Windows: Polish Ł, German €/@) opens the editor with it', async () => {
    const { user } = await openPanel();
    valueCell('Subject').focus();
    // Windows reports AltGr as Ctrl+Alt: "Łódź" on a Polish keyboard is AltGr+Shift+L, AltGr+O, d, AltGr+X.
    await user.keyboard('{Control>}{Alt>}Ł{/Alt}{/Control}');
    expect(screen.getByRole('textbox', { name: 'Value of Subject' })).toHaveValue('Ł');
  });
});

describe('Add field when the chat ends', () => {
  it('keeps Add field, its text and the focus when the chat ends under it; Add then says why it cannot', async () => {
    const { user } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await user.type(await screen.findByRole('textbox', { name: 'Key' }), 'Note');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'half typed');
    await control.setState(SEED_CHAT_ID, 'Completed');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add field' })).toBeDisabled());
    // Before: the form went by itself, what was typed with it, and the focus fell to the page.
    const form = screen.getByRole('form', { name: 'Add field' });
    expect(within(form).getByRole('textbox', { name: 'Value' })).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Value' })).toHaveValue('half typed');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('This chat is Completed: its case data is read-only.');
    // The chat's doing: no field marked, the focus where the agent was (exploratory round: Key took it, marked invalid).
    expect(within(form).getByRole('textbox', { name: 'Key' })).not.toHaveAttribute('aria-invalid');
    expect(within(form).getByRole('button', { name: 'Add' })).toHaveFocus();
    // Escape: back to the grid, its button being disabled.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Add field' })).not.toBeInTheDocument();
    expect(document.activeElement?.closest('[role="grid"]')).not.toBeNull();
    expect(await control.operations()).toEqual([]);
  });
});

describe('Add field closed with text in it as the chat ends', () => {
  it('opens still, to that text, to be read and copied; Add says why it cannot; cancelled, it is gone and the button off', async () => {
    const { user } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await user.type(await screen.findByRole('textbox', { name: 'Key' }), 'CallbackNote');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'call back at 5');
    // Closed with its button: the text is kept for the chat.
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Add field' })).not.toBeInTheDocument());
    await control.setState(SEED_CHAT_ID, 'Completed');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add field' })).toHaveAttribute('title', 'This chat is Completed: its case data is read-only.'));
    // Before (exploratory test): the button was disabled, and the text out of reach for good.
    const opener = screen.getByRole('button', { name: 'Add field' });
    expect(opener).toBeEnabled();
    await user.click(opener);
    const form = await screen.findByRole('form', { name: 'Add field' });
    expect(within(form).getByRole('textbox', { name: 'Value' })).toHaveValue('call back at 5');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('This chat is Completed: its case data is read-only.');
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Add field' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add field' })).toBeDisabled();
    // To the grid, not with the button about to be disabled to the page (second round).
    expect(document.activeElement?.closest('[role="grid"]')).not.toBeNull();
    expect(await control.operations()).toEqual([]);
  });
});

describe('Add field across a chat switch', () => {
  it('keeps what was typed in it for the chat: opened again, it has the text; cancelled, it is gone', async () => {
    const { user, store } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await user.type(await screen.findByRole('textbox', { name: 'Key' }), 'CallbackNumber');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), '+49 555 1234');
    // The CRM opens another case, then this one again.
    act(() => store.getState().actions.chatOpened('0000Wa9CAM6W00A'));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Add field' })).not.toBeInTheDocument());
    act(() => store.getState().actions.chatOpened(SEED_CHAT_ID));
    await user.click(await screen.findByRole('button', { name: 'Add field' }));
    // Before (exploratory test): the text was gone, unsaid.
    let form = await screen.findByRole('form', { name: 'Add field' });
    expect(within(form).getByRole('textbox', { name: 'Key' })).toHaveValue('CallbackNumber');
    expect(within(form).getByRole('textbox', { name: 'Value' })).toHaveValue('+49 555 1234');
    // Closed with its button, it keeps it too.
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    form = await screen.findByRole('form', { name: 'Add field' });
    expect(within(form).getByRole('textbox', { name: 'Value' })).toHaveValue('+49 555 1234');
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    form = await screen.findByRole('form', { name: 'Add field' });
    expect(within(form).getByRole('textbox', { name: 'Value' })).toHaveValue('');
  });
});

describe('Add field and a value of lines', () => {
  it('takes pasted lines whole, in a box of lines where Enter is a new line and Ctrl+Enter adds', async () => {
    const { user } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await user.type(await screen.findByRole('textbox', { name: 'Key' }), 'Notes');
    const value = screen.getByRole('textbox', { name: 'Value' });
    await user.type(value, 'Seen: ');
    await user.paste('line one\r\nline two');
    // Before (exploratory test): a one-line field, and "line oneline two" saved without a word.
    const lines = screen.getByRole('textbox', { name: 'Value' });
    expect(lines.tagName).toBe('TEXTAREA');
    expect(lines).toHaveFocus();
    expect(lines).toHaveValue('Seen: line one\nline two');
    expect(lines).toHaveAccessibleDescription('Enter starts a new line; Ctrl+Enter adds.');
    await user.keyboard('{Enter}three');
    expect(await control.operations()).toEqual([]);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(async () =>
      expect(await control.operations()).toEqual([{ operationName: 'AttachUserData', userData: { Notes: 'Seen: line one\nline two\nthree' } }]),
    );
    // Added: a one-line field again for the next.
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Value' }).tagName).toBe('INPUT'));
    expect(screen.getByRole('textbox', { name: 'Value' })).toHaveValue('');
  });

  it('keeps the box of lines for a field of another type picked after the paste: the lines stay in sight', async () => {
    const { user } = await openPanel({ config: caseDataConfig({ fields: { Priority: { type: 'integer' } }, allowFreeKeys: true }) });
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    const form = await screen.findByRole('form', { name: 'Add field' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Field' }), 'Other key…');
    await user.type(within(form).getByRole('textbox', { name: 'Key' }), 'Notes');
    await user.click(within(form).getByRole('textbox', { name: 'Value' }));
    await user.paste('12\n34');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Field' }), 'Priority');
    // Before (exploratory test): a one-line field showing "1234", refused as "Enter a whole number."
    const lines = within(form).getByRole('textbox', { name: 'Value' });
    expect(lines.tagName).toBe('TEXTAREA');
    expect(lines).toHaveValue('12\n34');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(within(form).getByRole('alert')).toHaveTextContent('Enter a whole number.');
    expect(await control.operations()).toEqual([]);
    // Its lines gone, the field's own again, the focus with it (review: a box of lines for a number for good).
    await user.clear(lines);
    const number = within(form).getByRole('textbox', { name: 'Value' });
    expect(number.tagName).toBe('INPUT');
    expect(number).toHaveAttribute('inputmode', 'numeric');
    expect(number).toHaveFocus();
    await user.keyboard('5{Enter}');
    await waitFor(async () => expect(await control.operations()).toEqual([{ operationName: 'AttachUserData', userData: { Priority: 5 } }]));
  });

  it('keeps a pasted line in the one-line field, a spreadsheet cell’s line break after it too (review)', async () => {
    const { user } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await user.type(await screen.findByRole('textbox', { name: 'Key' }), 'OrderId');
    await user.click(screen.getByRole('textbox', { name: 'Value' }));
    await user.paste('just one line');
    expect(screen.getByRole('textbox', { name: 'Value' }).tagName).toBe('INPUT');
    expect(screen.getByRole('textbox', { name: 'Value' })).toHaveValue('just one line');
    await user.clear(screen.getByRole('textbox', { name: 'Value' }));
    await user.paste('ABC123\r\n');
    expect(screen.getByRole('textbox', { name: 'Value' }).tagName).toBe('INPUT');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await control.operations()).toEqual([{ operationName: 'AttachUserData', userData: { OrderId: 'ABC123' } }]));
  });
});

describe('Keep mine on an odd key deleted under the editor', () => {
  it.each([
    ['a key of spaces', ' ', '(empty key) U+0020'],
    ['a 300-character key', 'K'.repeat(300), 'K'.repeat(300)],
  ])('Enter keeps the agent’s value on %s another party deleted', async (_name, key, header) => {
    await control.updateUserData(SEED_CHAT_ID, { [key]: 'old' });
    const { user } = await openPanel();
    await waitFor(() => valueCell(header));
    valueCell(header).focus();
    await user.keyboard('{F2} mine');
    await control.deleteUserData(SEED_CHAT_ID, [key]);
    await screen.findByText(/Deleted on the server/);
    await readConflict();
    await user.keyboard('{Enter}');
    // README: "Keep mine adds it again". It was refused as a new key ("Enter a key name." / "at most 256 characters").
    await waitFor(async () => expect((await control.operations()).at(-1)).toEqual({ operationName: 'AttachUserData', userData: { [key]: 'old mine' } }));
  });
});

describe('the conflict’s choices', () => {
  it('Escape on the conflict’s buttons (reached with Tab) takes theirs, as the prompt says', async () => {
    const { user } = await openPanel();
    valueCell('Subject').focus();
    await user.keyboard('{F2} mine');
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'theirs' });
    const choices = await screen.findByRole('group', { name: 'Changed on the server while you were editing' });
    await user.tab();
    expect(within(choices).getByRole('button', { name: 'Keep mine' })).toHaveFocus();
    await user.keyboard('{Escape}');
    // Nothing happened: the editor stayed open on "Customer support mine", the grid's keys waiting on it.
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Value of Subject' })).not.toBeInTheDocument());
    expect(valueCell('Subject')).toHaveTextContent(/^theirs$/);
  });
});
