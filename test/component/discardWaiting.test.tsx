// Escape on a Draft, and a row's Discard, pressed while their chunk (src/caseData/editHistory.ts,
// with undo, which takes them back) is still on its way: they act once it arrives, nothing is lost meanwhile.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, SEED_CHAT_ID, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

// The chunk arrives only once `arrive` is called.
const historyChunk = vi.hoisted(() => ({ arrive: null as null | (() => void) }));
vi.mock('../../src/caseData/editHistory', async (importOriginal) => {
  await new Promise<void>((resolve) => (historyChunk.arrive = resolve));
  return importOriginal();
});

describe('a discard pressed while its chunk loads', () => {
  it('keeps the draft and the refused value until the chunk arrives, then discards both, said and undoable', async () => {
    const view = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitUntilSettled(view.store);
    await control.faults({ failNext: 1, statusCode: 4 });
    valueCell('UserData2').focus();
    await view.user.keyboard('refused{Enter}');
    await waitFor(() => expect(within(valueCell('UserData2')).getByRole('button', { name: 'Discard' })).toBeInTheDocument());
    act(() => view.store.getState().actions.draftChanged(SEED_CHAT_ID, 'Subject', 'Refund request'));

    valueCell('Subject').focus();
    await view.user.keyboard('{Escape}');
    await view.user.click(within(valueCell('UserData2')).getByRole('button', { name: 'Discard' }));
    expect(valueCell('Subject')).toHaveTextContent(/^Refund requestDraft$/);
    expect(valueCell('UserData2')).toHaveTextContent(/^refused/);

    await waitFor(() => expect(historyChunk.arrive).not.toBeNull());
    act(() => historyChunk.arrive?.());
    await waitFor(() => expect(valueCell('Subject')).not.toHaveTextContent('Draft'));
    await waitFor(() => expect(valueCell('UserData2')).toHaveTextContent(/^DATAUPDATE-@123$/));
    expect(screen.getByText(/Discarded the unsaved change to UserData2\. Press Ctrl\+Z to undo\./)).toBeInTheDocument();
    // Undo takes the last back: the refused value is sent again.
    valueCell('UserData2').focus();
    await view.user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect((await control.operations()).map((op) => op.userData)).toEqual([{ UserData2: 'refused' }, { UserData2: 'refused' }]));
  });
});
