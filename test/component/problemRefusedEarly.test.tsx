// A write refused before the words of its problem have come (src/caseData/writeProblems.ts, a
// chunk after the first paint, held here until `arrive`): the row shows the server's own words,
// never the error's kind ("status-code"), and the live region waits for the words to say it.
// Before (review): "status-code", said so, and never said again in words.
import { act, waitFor } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { grid, valueCell } from '../support/renderPanel';
import { panelWithRefusedWrite } from '../support/writeProblemSetups';

const sim = simulatorPerFile();
const { control } = sim;

const wordsChunk = vi.hoisted(() => ({ arrive: null as null | (() => void) }));
vi.mock('../../src/caseData/writeProblems', async (importOriginal) => {
  await new Promise<void>((resolve) => (wordsChunk.arrive = resolve));
  return importOriginal();
});

const region = () => grid().closest('.case-data')?.querySelector('.case-data__announce');

it('reads in the server’s words, not as "status-code", and is said once its words come', async () => {
  await panelWithRefusedWrite(sim.url, control);
  expect(valueCell('Subject')).not.toHaveAccessibleDescription(/status-code/);
  expect(region()).not.toHaveTextContent(/Subject/);
  act(() => wordsChunk.arrive?.());
  await waitFor(() => expect(valueCell('Subject')).toHaveAccessibleDescription(/^Not saved: /));
  await waitFor(() => expect(region()).toHaveTextContent(/^Subject: Not saved: /));
}, 20_000);
