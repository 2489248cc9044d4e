// A write refused before the words of its problem have come (src/caseData/writeProblems.ts, a
// chunk after the first paint, held here until `arrive`): the row shows the server's own words,
// never the error's kind ("status-code"), and the live region waits for the words to say it.
// Before (review): "status-code", said so, and never said again in words.
import { act, screen, waitFor } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { grid, renderPanel, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

const wordsChunk = vi.hoisted(() => ({ arrive: null as null | (() => void) }));
vi.mock('../../src/caseData/writeProblems', async (importOriginal) => {
  await new Promise<void>((resolve) => (wordsChunk.arrive = resolve));
  return importOriginal();
});

const region = () => grid().closest('.case-data')?.querySelector('.case-data__announce');

it('reads in the server’s words, not as "status-code", and is said once its words come', async () => {
  const view = renderPanel(sim.url);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitUntilSettled(view.store);
  await control.faults({ failNext: 1, statusCode: 4 });
  valueCell('Subject').focus();
  await view.user.keyboard('{F2} - mine{Enter}');
  await waitFor(() => expect(valueCell('Subject')).toHaveAttribute('aria-invalid', 'true'));
  expect(valueCell('Subject')).not.toHaveAccessibleDescription(/status-code/);
  expect(region()).not.toHaveTextContent(/Subject/);
  act(() => wordsChunk.arrive?.());
  await waitFor(() => expect(valueCell('Subject')).toHaveAccessibleDescription(/^Not saved: /));
  await waitFor(() => expect(region()).toHaveTextContent(/^Subject: Not saved: /));
}, 20_000);
