// The in-cell editor's chunk (src/caseData/CellEditorSlot.tsx) arriving while the agent is
// already typing into a cell: the editor takes over the plain field's text, caret and focus.
// (One that cannot load at all: editorLoading.test.tsx.)
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, waitUntilSettled } from '../support/renderPanel';

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

const field = (name: string) => screen.getByRole('textbox', { name: `Value of ${name}` });
const cell = (key: string) => {
  const header = within(screen.getByRole('grid', { name: 'Case data' })).getByRole('rowheader', { name: key });
  return within(header.closest<HTMLElement>('[role="row"]') ?? header).getByRole('gridcell');
};

describe('the cell editor arriving while the agent types', () => {
  it('opens on what was typed so far, focused, and saves it with Enter', async () => {
    const { user, store } = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitUntilSettled(store);

    cell('Subject').focus();
    await user.keyboard('Late');
    // The plain field, busy while the editor loads: the agent's keys are in it, and in the draft.
    expect(field('Subject')).toHaveAttribute('aria-busy', 'true');
    expect(field('Subject')).toHaveValue('Late');
    expect(field('Subject')).toHaveFocus();
    await user.keyboard('{Backspace}{Backspace}ss{Escape}');
    // Escape leaves it as the editor's would, keeping nothing.
    expect(screen.queryByRole('textbox', { name: 'Value of Subject' })).not.toBeInTheDocument();
    expect(cell('Subject')).toHaveFocus();
    expect(cell('Subject')).not.toHaveTextContent('Draft');
    await user.keyboard('Les');

    chunk.arrive();
    await waitFor(() => expect(field('Subject')).not.toHaveAttribute('aria-busy'));
    expect(field('Subject')).toHaveValue('Les');
    expect(field('Subject')).toHaveFocus();
    await user.keyboard('s{Enter}');
    await waitFor(async () => expect((await control.operations()).map((op) => op.userData)).toEqual([{ Subject: 'Less' }]));
    await waitFor(() => expect(cell('Subject')).toHaveTextContent(/^Less(Saved)?$/));
  });
});
