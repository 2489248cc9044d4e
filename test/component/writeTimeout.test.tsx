// A save GWS does not answer in time is not called refused: it may have been applied, and its
// notification, if it comes, settles the row.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

describe('a save with no answer in time', () => {
  it('is Not confirmed, with Retry; once GWS turns out to have applied it, it is the saved value', async () => {
    const { user, store } = renderPanel(sim.url, { timeoutMs: 1_000 });
    await screen.findByRole('grid', { name: 'Case data' });
    await waitUntilSettled(store);
    await control.faults({ latencyMs: 2_500 });
    valueCell('Subject').focus();
    await user.keyboard('{F2}{Control>}a{/Control}late one{Enter}');
    // Before (exploratory test): "Not saved: …", though it landed a moment later.
    await waitFor(() =>
      expect(valueCell('Subject')).toHaveAccessibleDescription('Not confirmed: The server did not answer within 1 s. It may have been saved; Retry sends it again.'),
    );
    expect(within(valueCell('Subject')).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    await control.faults({ latencyMs: 0 });
    // GWS applied it after all: its notification settles the row.
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-invalid'), { timeout: 6_000 });
    expect(valueCell('Subject')).toHaveTextContent(/^late one$/);
    expect(store.getState().chats.get('0000Wa9CAM6W00J')?.pending).toEqual([]);
  });
});
