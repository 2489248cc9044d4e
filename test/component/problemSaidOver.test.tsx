// What is said of a write's problem once it is over, or cannot be acted on: a retry is said over
// the refusal the live region still read, and a write sent again unsays it (it read "Not saved"
// for ten seconds after the save: exploratory test); a problem read in a read-only viewer offers
// no button it does not show (review: "Keep yours or take theirs" beside neither).
import { act, screen, waitFor, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { grid, SEED_CHAT_ID, valueCell } from '../support/renderPanel';
import { panelWithRefusedWrite } from '../support/writeProblemSetups';

const sim = simulatorPerFile();
const { control } = sim;

const region = () => grid().closest('.case-data')?.querySelector('.case-data__announce');

it('Retry is said over the refusal, and the row then saves', async () => {
  const { user } = await panelWithRefusedWrite(sim.url, control);
  await waitFor(() => expect(region()).toHaveTextContent(/^Subject: Not saved: /));
  // A slow server: the line stands while the write is on its way.
  await control.faults({ latencyMs: 300 });
  await user.click(within(valueCell('Subject')).getByRole('button', { name: 'Retry' }));
  expect(region()).toHaveTextContent(/^Sending your change to Subject\.$/);
  await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-invalid'));
  // Saved, "Sending" goes too (exploratory test: it read on beside Saved).
  await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'));
  await waitFor(() => expect(region()).toHaveTextContent(/^$/));
  expect((await control.operations()).map((op) => op.userData)).toEqual([{ Subject: 'Customer support - mine' }, { Subject: 'Customer support - mine' }]);
}, 20_000);

it('Retry offline says the write waits, queued, not that it is being sent (review)', async () => {
  const { user, store } = await panelWithRefusedWrite(sim.url, control);
  // (The browser's own event would take React Query offline for the tests after this one too.)
  act(() => store.getState().actions.connectionChanged({ kind: 'offline' }));
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Offline'));
  await user.click(within(valueCell('Subject')).getByRole('button', { name: 'Retry' }));
  await waitFor(() => expect(valueCell('Subject')).toHaveTextContent('Queued'));
  expect(region()).toHaveTextContent(/^Your change to Subject is queued; it is sent once the connection is back\.$/);
  // Back: it goes, and is saved; the line that said it waits goes too (exploratory test: it read on for ten seconds).
  act(() => store.getState().actions.connectionChanged({ kind: 'live' }));
  await waitFor(() => expect(valueCell('Subject')).not.toHaveTextContent('Queued'));
  await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-invalid'));
  await waitFor(() => expect(region()).toHaveTextContent(/^$/));
  expect((await control.operations()).map((op) => op.userData)).toEqual([{ Subject: 'Customer support - mine' }, { Subject: 'Customer support - mine' }]);
}, 20_000);

it('a refusal said is unsaid once the write goes again from its editor (Enter), and stays so as it saves', async () => {
  const { user } = await panelWithRefusedWrite(sim.url, control);
  await waitFor(() => expect(region()).toHaveTextContent(/^Subject: Not saved: /));
  valueCell('Subject').focus();
  await user.keyboard('{F2}{Enter}');
  // Before (exploratory test): "Subject: Not saved: …" under the grid for ten seconds, the cell reading Saved.
  await waitFor(() => expect(region()).toHaveTextContent(/^$/));
  await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-invalid'));
  expect(region()).toHaveTextContent(/^$/);
  expect((await control.operations()).map((op) => op.userData)).toEqual([{ Subject: 'Customer support - mine' }, { Subject: 'Customer support - mine' }]);
}, 20_000);

it('Enter on a refused delete says it is sent again', async () => {
  const { user } = await panelWithRefusedWrite(sim.url, control);
  // The refused write kept, or discarded: a delete of Subject, refused.
  await user.click(within(valueCell('Subject')).getByRole('button', { name: 'Discard' }));
  await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-invalid'));
  await control.faults({ failNext: 1, statusCode: 4 });
  valueCell('Subject').focus();
  await user.keyboard('{Delete}');
  await waitFor(() => expect(region()).toHaveTextContent(/^Subject: Not saved \(delete\): /));
  // A slow server: the line stands while the delete is on its way.
  await control.faults({ latencyMs: 300 });
  await user.keyboard('{Enter}');
  expect(region()).toHaveTextContent(/^Sending your delete of Subject\.$/);
  await waitFor(() => expect(within(grid()).queryByRole('rowheader', { name: 'Subject' })).toBeNull());
  // Deleted, the line goes.
  await waitFor(() => expect(region()).toHaveTextContent(/^$/));
}, 20_000);

it('a conflict read in its read-only viewer (the chat over) offers neither Keep yours nor Take theirs', async () => {
  // A long value: a read-only one opens to be read (useGridController: startEdit).
  await control.updateUserData(SEED_CHAT_ID, { Subject: 'Line one\nLine two' });
  const { user } = await panelWithRefusedWrite(sim.url, control, '{Control>}{Enter}{/Control}');
  await control.updateUserData(SEED_CHAT_ID, { Subject: 'theirs' });
  await within(valueCell('Subject')).findByRole('button', { name: 'Keep mine' });
  await control.setState(SEED_CHAT_ID, 'Completed');
  await waitFor(() =>
    expect(valueCell('Subject')).toHaveAccessibleDescription('Not saved, and changed on the server to “theirs” since. This chat is Completed: its case data is read-only.'),
  );
  valueCell('Subject').focus();
  await user.keyboard('{Enter}');
  await within(valueCell('Subject')).findByRole('textbox', { name: 'Value of Subject' });
  // The viewer says why it is read-only; the cell, what became of the write, and nothing to press.
  expect(valueCell('Subject')).toHaveAccessibleDescription('Not saved, and changed on the server to “theirs” since.');
}, 20_000);
