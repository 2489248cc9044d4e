// A draft whose overtaking the open editor said, taken back by Escape and brought back by
// Ctrl+Z, is not said again as if another change had come (review).
import { screen, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, SEED_CHAT_ID, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

it('Escape on the editor’s conflict, then Ctrl+Z: no second "changed by someone else"', async () => {
  const { user, store } = renderPanel(sim.url);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitUntilSettled(store);
  valueCell('Subject').focus();
  await user.keyboard('{F2}');
  const editor = await screen.findByRole('textbox', { name: 'Value of Subject' });
  await user.type(editor, ' (mine)');
  await control.updateUserData(SEED_CHAT_ID, { Subject: 'theirs' });
  await screen.findByRole('group', { name: 'Changed on the server while you were editing' });
  expect(screen.queryByText(/your unsaved draft is kept/)).not.toBeInTheDocument();
  await user.keyboard('{Escape}');
  await waitFor(() => expect(valueCell('Subject')).toHaveFocus());
  await user.keyboard('{Control>}z{/Control}');
  await waitFor(() => expect(store.getState().chats.get(SEED_CHAT_ID)?.drafts.get('Subject')?.text).toBe('Customer support (mine)'));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(screen.queryByText(/your unsaved draft is kept/)).not.toBeInTheDocument();
});
