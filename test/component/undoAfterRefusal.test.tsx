// A write GWS refused, replaced by the agent's next one before it landed, changed nothing:
// undo passes over it (exploratory test: the second Ctrl+Z said someone else had changed the
// key since, when only the agent had written it).
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

const sentSubjects = async () => (await control.operations()).map((operation) => Reflect.get(Object(operation.userData), 'Subject'));

describe('undo after a refused write', () => {
  it('passes over the refused write the next one replaced: the second Ctrl+Z has nothing left to undo', async () => {
    const { user, store } = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitUntilSettled(store);
    await control.faults({ failNext: 1, statusCode: 4 });
    valueCell('Subject').focus();
    await user.keyboard('{F2}{Control>}a{/Control}A{Enter}');
    await waitFor(() => expect(valueCell('Subject')).toHaveAttribute('aria-invalid', 'true'));
    valueCell('Subject').focus();
    await user.keyboard('{F2}{Control>}a{/Control}B{Enter}');
    await waitFor(async () => expect(await sentSubjects()).toEqual(['A', 'B']));
    await waitFor(() => expect(valueCell('Subject')).toHaveTextContent(/^B(Saved)?$/));
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'));
    valueCell('Subject').focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await sentSubjects()).toEqual(['A', 'B', 'Customer support']));
    await waitFor(() => expect(valueCell('Subject')).toHaveTextContent(/^Customer support(Saved)?$/));
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'));
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('Nothing to undo.')).toBeInTheDocument();
    expect(screen.queryByText(/changed by someone else since/)).not.toBeInTheDocument();
    expect(await sentSubjects()).toEqual(['A', 'B', 'Customer support']);
  });
});
