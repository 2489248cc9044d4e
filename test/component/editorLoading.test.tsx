// The in-cell editor is a chunk of its own, fetched once the grid has painted
// (src/caseData/CellEditorSlot.tsx). Until it is loaded, or when it cannot be, what the
// agent types into a cell goes into a plain field and the draft: none of it may be lost.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, SEED_CHAT_ID, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

// Each import of the editor's module waits for `arrive`, then fails while `reachable` is false,
// as an unreachable chunk would. Once one import succeeds, the module is loaded for this file:
// so the chunk that arrives late is editorLoadsLate.test.tsx's.
const chunk = vi.hoisted(() => {
  let open = () => undefined as void;
  const state = { reachable: true, arrive: Promise.resolve(), attempts: 0, hold() {}, release() {} };
  state.hold = () => void (state.arrive = new Promise<void>((resolve) => (open = resolve)));
  state.release = () => open();
  return state;
});
vi.mock('../../src/caseData/CellEditor', async (importOriginal) => {
  chunk.attempts += 1;
  await chunk.arrive;
  if (!chunk.reachable) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

const field = () => screen.getByRole('textbox', { name: 'Value of Subject' });
const subjectCell = () => {
  const header = within(screen.getByRole('grid', { name: 'Case data' })).getByRole('rowheader', { name: 'Subject' });
  return within(header.closest<HTMLElement>('[role="row"]') ?? header).getByRole('gridcell');
};

describe('the cell editor, loaded after the first paint', () => {
  // In this order: the chunk loads at the end of the second test, and stays loaded for this file.
  it('still saves with Enter while its chunk cannot load, also over another party’s change (Enter keeps the agent’s value)', async () => {
    chunk.reachable = false;
    const { user, store } = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitUntilSettled(store);
    subjectCell().focus();
    await user.keyboard('Mine');
    expect(await screen.findByRole('alert')).toHaveTextContent('The full editor could not be loaded');
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'Theirs' });
    await waitFor(() => expect(store.getState().chats.get(SEED_CHAT_ID)?.chat.userData.get('Subject')).toBe('Theirs'));
    // Before: Enter and Tab did nothing over a conflict, and only Escape (dropping "Mine") left the field.
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await control.operations()).map((op) => op.userData)).toEqual([{ Subject: 'Mine' }]));
  });

  it('keeps what the agent types while its chunk cannot load, says so, and opens on it on Try again', async () => {
    chunk.reachable = false;
    const { user, store } = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitUntilSettled(store);

    subjectCell().focus();
    await user.keyboard('Refund');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The full editor could not be loaded: this plain field still saves with Enter.');
    // The grid's keys did not act on the agent's typing, and the field kept every key, in the draft too.
    expect(field()).toHaveFocus();
    await user.keyboard(' now');
    expect(field()).toHaveValue('Refund now');
    expect(store.getState().chats.get(SEED_CHAT_ID)?.drafts.get('Subject')?.text).toBe('Refund now');
    expect(await control.operations()).toEqual([]);

    chunk.reachable = true;
    const attempts = chunk.attempts;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(field()).not.toHaveAttribute('aria-busy'));
    expect(chunk.attempts).toBeGreaterThan(attempts);
    expect(field()).toHaveValue('Refund now');
    expect(field()).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.keyboard('!{Enter}');
    await waitFor(async () => expect((await control.operations()).map((op) => op.userData)).toEqual([{ Subject: 'Refund now!' }]));
  });
});
