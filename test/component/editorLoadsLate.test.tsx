// The in-cell editor's chunk (src/caseData/CellEditorSlot.tsx) arriving while the agent is
// already typing into a cell: until then a plain field keeps the editor's contract for
// typed values, and the editor takes over its text, caret and (only if it had it) focus.
// (One that cannot load at all: editorLoading.test.tsx.)
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { caseDataConfig, renderPanel, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

// The editor's module arrives when the test says so.
const chunk = vi.hoisted(() => {
  let arrive = () => undefined as void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  return { arrived, arrive: () => arrive() };
});
vi.mock('../../src/caseData/CellEditor', async (importOriginal) => {
  await chunk.arrived;
  return importOriginal();
});

const config = caseDataConfig({ fields: { AccountNumber: { pattern: '[A-Z]{2}\\d{4}' }, UserData1: { type: 'integer' } }, allowFreeKeys: true });
const field = (name: string) => screen.getByRole('textbox', { name: `Value of ${name}` });
const sent = async () => (await control.operations()).map((op) => op.userData);

describe('the cell editor arriving while the agent types', () => {
  it('keeps the editor’s keys meanwhile, then takes over the text and caret, and the focus only where the agent left it', async () => {
    await control.updateUserData('0000Wa9CAM6W00J', { AccountNumber: 'AB1234', UserData1: 7 });
    const { user, store } = renderPanel(sim.url, { config });
    await screen.findByRole('grid', { name: 'Case data' });
    await waitUntilSettled(store);

    // A plain field, busy: the agent's keys are in it and in the draft; Escape leaves, keeping nothing.
    valueCell('Subject').focus();
    await user.keyboard('Late');
    expect(field('Subject').closest('[aria-busy="true"]')).not.toBeNull();
    expect(field('Subject')).toHaveValue('Late');
    expect(field('Subject')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Value of Subject' })).not.toBeInTheDocument();
    expect(valueCell('Subject')).toHaveFocus();
    expect(valueCell('Subject')).not.toHaveTextContent('Draft');

    // Enter saves through the grid and moves down, as in the editor: the next typing is the next row's.
    await user.keyboard('Refund{Enter}');
    await waitFor(async () => expect(await sent()).toEqual([{ Subject: 'Refund' }]));
    expect(valueCell('Subject').contains(document.activeElement)).toBe(false);

    // A number's field refuses a letter or a point, as the editor does, and says why; the
    // digits typed after a refused key make another number, so the first Enter is held.
    valueCell('UserData1').focus();
    await user.keyboard('100.50');
    expect(field('UserData1')).toHaveValue('10050');
    expect(screen.getByRole('alert')).toHaveTextContent(/digits/);
    await user.keyboard('{Enter}');
    expect(field('UserData1')).toHaveAccessibleDescription(/digits/);
    expect(await sent()).toEqual([{ Subject: 'Refund' }]);
    await user.keyboard('{Escape}');

    // Left by a click while its value is refused, it stays open with the reason; the agent is
    // elsewhere when the editor arrives, and keeps the focus.
    valueCell('AccountNumber').focus();
    await user.keyboard('bad');
    await user.click(screen.getByRole('button', { name: 'Before the panel' }));
    expect(screen.getByRole('alert')).toHaveTextContent('This value does not have the expected format.');
    chunk.arrive();
    await waitFor(() => expect(field('AccountNumber').closest('[aria-busy]')).toBeNull());
    expect(field('AccountNumber')).toHaveValue('bad');
    // The editor says why, as the stand-in did, and leaves the focus where the agent is.
    expect(field('AccountNumber')).toHaveAccessibleDescription('This value does not have the expected format.');
    expect(screen.getByRole('button', { name: 'Before the panel' })).toHaveFocus();
    expect(await sent()).toEqual([{ Subject: 'Refund' }]);
  });
});
