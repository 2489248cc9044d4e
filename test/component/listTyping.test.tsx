// Type-to-select in a list editor (src/caseData/useTypeToSelect.ts): the search goes on from the
// letter typed on the closed cell that opened it, and only from that (review: it went on from the
// shown value's first letter, in a list opened by Enter too).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { caseDataConfig, renderPanel, SEED_CHAT_ID, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

async function openPanel(options: Parameters<typeof renderPanel>[1] = {}) {
  const view = renderPanel(sim.url, options);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitUntilSettled(view.store);
  return view;
}

describe('type-to-select in a list', () => {
  it('a letter typed at once after Enter searches from that letter, not from the current value’s first', async () => {
    await control.updateUserData(SEED_CHAT_ID, { CustomerSegment: 'resolved' });
    const config = caseDataConfig({ fields: { CustomerSegment: { options: ['escalated', 'reopened', 'resolved'] } }, allowFreeKeys: true });
    const { user } = await openPanel({ config });
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent('resolved'));
    valueCell('CustomerSegment').focus();
    await user.keyboard('{Enter}');
    const select = await screen.findByRole('combobox', { name: 'Value of CustomerSegment' });
    expect(select).toHaveValue('resolved');
    // The agent wants "escalated" and types its first letter (a browser's list picks it).
    await user.keyboard('e');
    expect(select).toHaveValue('escalated');
  });

  it('numbers as options: "2" typed at once after Enter picks 2, not 12', async () => {
    await control.updateUserData(SEED_CHAT_ID, { CustomerSegment: 1 });
    const config = caseDataConfig({ fields: { CustomerSegment: { options: [1, 2, 12] } }, allowFreeKeys: true });
    const { user } = await openPanel({ config });
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent('1'));
    valueCell('CustomerSegment').focus();
    await user.keyboard('{Enter}');
    const select = await screen.findByRole('combobox', { name: 'Value of CustomerSegment' });
    await user.keyboard('2');
    expect(select).toHaveValue('2');
  });

  it('a letter on the closed cell that no option begins with: the next letter searches afresh', async () => {
    await control.updateUserData(SEED_CHAT_ID, { CustomerSegment: 'resolved' });
    const config = caseDataConfig({ fields: { CustomerSegment: { options: ['escalated', 'reopened', 'resolved'] } }, allowFreeKeys: true });
    const { user } = await openPanel({ config });
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent('resolved'));
    valueCell('CustomerSegment').focus();
    await user.keyboard('x');
    const select = await screen.findByRole('combobox', { name: 'Value of CustomerSegment' });
    expect(select).toHaveValue('resolved');
    await user.keyboard('e');
    expect(select).toHaveValue('escalated');
  });

  it('an option whose second character is a space: "a u" typed on the closed cell picks "a unit"', async () => {
    await control.updateUserData(SEED_CHAT_ID, { CustomerSegment: 'urgent' });
    const config = caseDataConfig({ fields: { CustomerSegment: { options: ['a team', 'a unit', 'urgent'] } }, allowFreeKeys: true });
    const { user } = await openPanel({ config });
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent('urgent'));
    valueCell('CustomerSegment').focus();
    await user.keyboard('a');
    const select = await screen.findByRole('combobox', { name: 'Value of CustomerSegment' });
    expect(select).toHaveValue('a team');
    await user.keyboard(' u');
    expect(select).toHaveValue('a unit');
  });

  it('a letter typed with AltGr (Ctrl+Alt) goes on with the search, as the grid opened the list on one', async () => {
    await control.updateUserData(SEED_CHAT_ID, { CustomerSegment: 'zaa' });
    const config = caseDataConfig({ fields: { CustomerSegment: { options: ['zaa', 'zła', 'łza'] } }, allowFreeKeys: true });
    const { user } = await openPanel({ config });
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent('zaa'));
    valueCell('CustomerSegment').focus();
    await user.keyboard('z');
    const select = await screen.findByRole('combobox', { name: 'Value of CustomerSegment' });
    expect(select).toHaveValue('zaa');
    await user.keyboard('{Control>}{Alt>}ł{/Alt}{/Control}');
    expect(select).toHaveValue('zła');
  });

  it.each([['{Enter}'], [' ']])('a Space right after the list opened by %j is left to the browser, which opens the list’s options (it was taken as a search: review)', async (opening) => {
    await control.updateUserData(SEED_CHAT_ID, { CustomerSegment: 'resolved' });
    const config = caseDataConfig({ fields: { CustomerSegment: { options: ['escalated', 'reopened', 'resolved'] } }, allowFreeKeys: true });
    const { user } = await openPanel({ config });
    await waitFor(() => expect(valueCell('CustomerSegment')).toHaveTextContent('resolved'));
    valueCell('CustomerSegment').focus();
    await user.keyboard(opening);
    const select = await screen.findByRole('combobox', { name: 'Value of CustomerSegment' });
    expect(select).toHaveFocus();
    // fireEvent returns false when a handler called preventDefault.
    expect(fireEvent.keyDown(select, { key: ' ', code: 'Space' })).toBe(true);
  });
});

describe('a paste into a list', () => {
  it('takes the one option the text names in another case, and refuses a text that names none', async () => {
    const config = caseDataConfig({ fields: { CustomerSegment: { options: ['escalated', 'reopened', 'resolved'] } }, allowFreeKeys: true });
    const { user } = await openPanel({ config });
    valueCell('CustomerSegment').focus();
    await navigator.clipboard.writeText('Escalated ');
    await user.keyboard('{Control>}v{/Control}');
    // Before (exploratory test): refused, "Choose one of: escalated, reopened, resolved".
    await waitFor(async () => expect(await control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { CustomerSegment: 'escalated' } }]));
    await navigator.clipboard.writeText('Escalate');
    await user.keyboard('{Control>}v{/Control}');
    expect(await screen.findByText(/Choose one of/, { selector: '.case-data__announce' })).toBeInTheDocument();
  });
});
