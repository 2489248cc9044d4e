// Why a write is not on the server is worded by a chunk fetched after the first paint
// (src/caseData/writeProblems.ts, with how GWS errors read): the first paint's bytes go to
// what every chat shows. A row that shows such a write before its words have come (a write
// kept over a reload, overtaken on the server meanwhile) is worded, and said, when they come.
// (While they cannot be loaded: test/unit/writeProblemFallback.test.ts.)
import { act, waitFor } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { grid, valueCell, waitForLive, waitUntilSettled } from '../support/renderPanel';
import { panelWithRestoredConflict } from '../support/writeProblemSetups';

const sim = simulatorPerFile();
const { control } = sim;

// The import of the words is held until `arrive`.
const wordsChunk = vi.hoisted(() => ({ arrive: null as null | (() => void) }));
vi.mock('../../src/caseData/writeProblems', async (importOriginal) => {
  await new Promise<void>((resolve) => (wordsChunk.arrive = resolve));
  return importOriginal();
});

const region = () => grid().closest('.case-data')?.querySelector('.case-data__announce');

it('a write kept over a reload and overtaken meanwhile waits for its words, then reads and is said in them', async () => {
  const view = await panelWithRestoredConflict(sim.url);
  await waitFor(() => expect(wordsChunk.arrive).not.toBeNull());
  // The chat no longer changes: the words alone must bring the row and the live region their text.
  await waitForLive();
  await waitUntilSettled(view.store);
  // Their value meanwhile, as another party's change reads; nothing said yet.
  expect(valueCell('Subject')).toHaveAccessibleDescription(/^Subject was changed by someone else to “.+”\.$/);
  expect(region()).toHaveTextContent('');

  act(() => wordsChunk.arrive?.());
  const words = /^Changed on the server to “.+” before yours was sent\. Keep yours or take theirs\. Enter opens yours with the choice, Escape takes theirs\.$/;
  await waitFor(() => expect(valueCell('Subject')).toHaveAccessibleDescription(words));
  await waitFor(() => expect(region()).toHaveTextContent(/^Subject: Changed on the server to “.+” before yours was sent\. Keep yours or take theirs\. Enter opens yours with the choice, Escape takes theirs\.$/));
  // Never sent: the agent chooses.
  expect(await control.operations()).toEqual([]);
});
