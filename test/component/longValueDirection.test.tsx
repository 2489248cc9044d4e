// A value past the editor's AUTO_UP_TO characters is given its direction (its first
// letter's) instead of dir="auto": Chromium's rule over a textarea of a million characters
// froze the tab for seconds when the editor opened and at every keystroke. The stand-in
// field, before the editor's chunk is loaded, leaves such a value in the panel's direction.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AUTO_UP_TO } from '../../src/caseData/textDirection';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, SEED_CHAT_ID, valueCell } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

const hebrew = 'שלום עולם '.repeat(Math.ceil((AUTO_UP_TO + 1) / 10));
const latin = `12, ${'hello world '.repeat(Math.ceil((AUTO_UP_TO + 1) / 12))}`;
const editor = (key: string) => screen.getByRole('textbox', { name: `Value of ${key}` });

async function openOn(key: string) {
  const { user } = renderPanel(sim.url);
  await waitFor(() => expect(valueCell(key)).toBeInTheDocument(), { timeout: 5_000 });
  valueCell(key).focus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(editor(key).closest('[aria-busy]')).toBeNull());
  return user;
}

describe('the editor’s direction', () => {
  it('is the first letter’s for a long value, and follows what the agent types', async () => {
    await control.updateUserData(SEED_CHAT_ID, { LongNote: hebrew, LatinNote: latin });
    const user = await openOn('LongNote');
    expect(editor('LongNote')).toHaveValue(hebrew);
    expect(editor('LongNote')).toHaveAttribute('dir', 'rtl');
    // Typed down to a short text: the browser decides again.
    await user.clear(editor('LongNote'));
    await user.keyboard('hi');
    expect(editor('LongNote')).toHaveAttribute('dir', 'auto');
    await user.keyboard('{Escape}{Escape}');

    valueCell('LatinNote').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(editor('LatinNote').closest('[aria-busy]')).toBeNull());
    expect(editor('LatinNote')).toHaveAttribute('dir', 'ltr');
  });

  it('is the browser’s for the usual value', async () => {
    await openOn('Subject');
    expect(editor('Subject')).toHaveAttribute('dir', 'auto');
  });
});
