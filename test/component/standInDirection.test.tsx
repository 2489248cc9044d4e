// The field standing in for the editor until its chunk loads takes a value's direction as the
// editor does (dir="auto"), except past the editor's AUTO_UP_TO characters: there Chromium's
// rule freezes the tab, and the stand-in (in the first paint, without the editor's own rule)
// leaves the value in the panel's direction.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AUTO_UP_TO } from '../../src/caseData/textDirection';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, SEED_CHAT_ID, valueCell } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

// The editor's chunk cannot be fetched: the stand-in stays.
vi.mock('../../src/caseData/CellEditor', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const field = (key: string) => screen.getByRole('textbox', { name: `Value of ${key}` });

describe('the stand-in field’s direction', () => {
  it('is the browser’s up to the editor’s limit, the panel’s past it', async () => {
    await control.updateUserData(SEED_CHAT_ID, { AtLimit: 'ש'.repeat(AUTO_UP_TO), PastLimit: 'ש'.repeat(AUTO_UP_TO + 1) });
    const { user } = renderPanel(sim.url);
    await waitFor(() => expect(valueCell('PastLimit')).toBeInTheDocument(), { timeout: 5_000 });
    valueCell('AtLimit').focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('alert');
    expect(field('AtLimit')).toHaveValue('ש'.repeat(AUTO_UP_TO));
    expect(field('AtLimit')).toHaveAttribute('dir', 'auto');
    await user.keyboard('{Escape}');

    valueCell('PastLimit').focus();
    await user.keyboard('{Enter}');
    expect(field('PastLimit')).toHaveValue('ש'.repeat(AUTO_UP_TO + 1));
    expect(field('PastLimit')).not.toHaveAttribute('dir');
  });
});
