// The in-cell editor is a chunk of its own, fetched once the grid has painted
// (src/caseData/CellEditorSlot.tsx). When it cannot be loaded, a plain field stands in for it:
// what the agent types is kept and can be saved, and the editor opens on it once it loads.
// One test: the chunk, once loaded, stays loaded for the file (and Vitest shuffles tests).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { readConflict, renderPanel, SEED_CHAT_ID, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

// While `reachable` is false, importing the editor's module fails as an unreachable chunk would.
const chunk = vi.hoisted(() => ({ reachable: false, attempts: 0 }));
vi.mock('../../src/caseData/CellEditor', async (importOriginal) => {
  chunk.attempts += 1;
  if (!chunk.reachable) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

const field = (key: string) => screen.getByRole('textbox', { name: `Value of ${key}` });
const sent = async () => (await control.operations()).map((op) => op.userData);

describe('the cell editor, when its chunk cannot load', () => {
  it('keeps and saves what the agent types, says why over another party’s change, and opens on the text on Try again', async () => {
    const { user, store } = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitUntilSettled(store);

    // Another party changes the value being typed: said, since Enter keeps the agent's value.
    valueCell('Subject').focus();
    await user.keyboard('Mine');
    expect(field('Subject')).toHaveAccessibleDescription('The full editor could not be loaded. Check the connection, then try again.');
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'Theirs' });
    // Before: nothing said, and Enter overwrote "Theirs" unseen.
    await waitFor(() => expect(field('Subject')).toHaveAccessibleDescription('Draft · changed on the server'));
    await readConflict();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await sent()).toEqual([{ Subject: 'Mine' }]));

    // The grid's keys do not act on the agent's typing; the field keeps every key, in the draft too.
    valueCell('ServiceType').focus();
    await user.keyboard('Refund');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The full editor could not be loaded.');
    expect(field('ServiceType')).toHaveFocus();
    await user.keyboard(' now');
    expect(field('ServiceType')).toHaveValue('Refund now');
    expect(store.getState().chats.get(SEED_CHAT_ID)?.drafts.get('ServiceType')?.text).toBe('Refund now');

    chunk.reachable = true;
    const attempts = chunk.attempts;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(field('ServiceType').closest('[aria-busy]')).toBeNull());
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(chunk.attempts).toBeGreaterThan(attempts);
    expect(field('ServiceType')).toHaveValue('Refund now');
    expect(field('ServiceType')).toHaveFocus();
    await user.keyboard('!{Enter}');
    await waitFor(async () => expect(await sent()).toEqual([{ Subject: 'Mine' }, { ServiceType: 'Refund now!' }]));
  });
});
