// An input method (Japanese, Chinese, Korean) owns the keys of a composition: its Enter
// picks the word, its Escape drops it. A browser says so by the key code 229 (Chromium and
// Firefox during the composition, with isComposing; Safari also for the Enter just after).
// Those keys must not save, add or close anything (review: a half-made word saved).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, SEED_CHAT_ID, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

async function openPanel() {
  const view = renderPanel(sim.url);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitUntilSettled(view.store);
  return view;
}

const COMPOSING = { keyCode: 229, isComposing: true } as const;

describe('the grid’s editor under an input method', () => {
  it('neither saves on the Enter that ends a composition nor closes on its Escape; the next Enter saves', async () => {
    await control.updateUserData(SEED_CHAT_ID, { Note: 'a' });
    const { user } = await openPanel();
    valueCell('Note').focus();
    await user.keyboard('{F2}');
    const field = screen.getByRole('textbox', { name: 'Value of Note' });
    await user.clear(field);
    await user.type(field, '漢字');
    const before = (await control.operations()).length;
    fireEvent.keyDown(field, { key: 'Enter', ...COMPOSING });
    fireEvent.keyDown(field, { key: 'Escape', ...COMPOSING });
    // Safari: the Enter that ends it comes just after, isComposing false by then.
    fireEvent.keyDown(field, { key: 'Enter', keyCode: 229 });
    expect(screen.getByRole('textbox', { name: 'Value of Note' })).toHaveValue('漢字');
    expect((await control.operations()).length).toBe(before);
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await control.operations()).at(-1)).toEqual({ operationName: 'UpdateUserData', userData: { Note: '漢字' } }));
  });
});

describe('Add field under an input method', () => {
  it('does not add on the Enter that ends a composition (nor Safari’s just after); the next Enter adds (review)', async () => {
    const { user } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    await user.type(await screen.findByRole('textbox', { name: 'Key' }), 'Kanji');
    const value = screen.getByRole('textbox', { name: 'Value' });
    await user.type(value, 'kanji');
    fireEvent.keyDown(value, { key: 'Enter', ...COMPOSING });
    fireEvent.keyDown(value, { key: 'Enter', keyCode: 229 });
    // Not added: an Add empties the field for the next.
    expect(screen.getByRole('textbox', { name: 'Value' })).toHaveValue('kanji');
    fireEvent.keyDown(value, { key: 'Enter' });
    await waitFor(async () => expect(await control.operations()).toEqual([{ operationName: 'AttachUserData', userData: { Kanji: 'kanji' } }]));
  });
});
