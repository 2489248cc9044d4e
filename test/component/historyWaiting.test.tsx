// Undo, redo and delete pressed while their chunk is still on its way (src/caseData/editHistory.ts):
// a grid gone by the time it arrives (the agent or the host switched chats) runs nothing.
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

describe('a history key pressed while its chunk loads', () => {
  it('does nothing once the agent has switched to another chat', async () => {
    const view = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitUntilSettled(view.store);
    valueCell('Subject').focus();
    await view.user.keyboard('{F2} - mine{Enter}');
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'));
    valueCell('Subject').focus();
    await view.user.keyboard('{Control>}z{/Control}');

    const picker = screen.getByRole('combobox', { name: 'Chat' });
    const other = within(picker).getAllByRole('option').find((option) => !option.textContent?.includes(SEED_CHAT_ID));
    if (!other) throw new Error('the simulator should seed a second chat');
    await view.user.selectOptions(picker, other);
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'theirs' });
    await waitFor(() => expect(view.store.getState().chats.get(SEED_CHAT_ID)?.chat.userData.get('Subject')).toBe('theirs'));

    await waitFor(() => expect(historyChunk.arrive).not.toBeNull());
    act(() => historyChunk.arrive?.());
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Before (review): the undo ran on the gone grid's state and sent "Customer support" over "theirs".
    expect(await control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { Subject: 'Customer support - mine' } }]);
  });
});
