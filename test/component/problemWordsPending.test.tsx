// While the words of a write's problem are on their way (src/caseData/writeProblems.ts, a chunk
// after the first paint; here they never come), a row still says what it can: their value, and
// in a chat that is over, only Take theirs; and its choices still take no click for half a second
// after each change of theirs (caseData.css). Before (review): an empty description, the same buttons kept.
import { waitFor, within } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { grid, SEED_CHAT_ID, valueCell, waitForLive, waitUntilSettled } from '../support/renderPanel';
import { panelWithRefusedWrite, panelWithRestoredConflict } from '../support/writeProblemSetups';

const sim = simulatorPerFile();
const { control } = sim;

vi.mock('../../src/caseData/writeProblems', () => new Promise(() => undefined));

it('a conflict in a chat that is over says their value, and the grid why it is read-only', async () => {
  const { store, row } = await panelWithRestoredConflict(sim.url);
  await waitForLive();
  await waitUntilSettled(store);
  await control.setState(SEED_CHAT_ID, 'Completed');
  await waitFor(() => expect(within(row).queryByRole('button', { name: 'Keep mine' })).toBeNull());
  expect(valueCell('Subject')).toHaveAttribute('aria-invalid', 'true');
  expect(valueCell('Subject')).toHaveAccessibleDescription(/^Subject was changed by someone else to “.+”\.$/);
  expect(grid()).toHaveAccessibleDescription('This chat is Completed: its case data is read-only.');
}, 30_000);

it('a second change of theirs gives the conflict new buttons, their half second begun again', async () => {
  const { store } = await panelWithRefusedWrite(sim.url, control);
  await control.updateUserData(SEED_CHAT_ID, { Subject: 'X' });
  const first = await within(valueCell('Subject')).findByRole('button', { name: 'Keep mine' });
  await control.updateUserData(SEED_CHAT_ID, { Subject: 'Y' });
  await waitFor(() => expect(store.getState().chats.get(SEED_CHAT_ID)?.chat.userData.get('Subject')).toBe('Y'));
  expect(within(valueCell('Subject')).getByRole('button', { name: 'Keep mine' })).not.toBe(first);
}, 20_000);
