// The code that sends writes is a chunk fetched after the first paint (src/caseData/caseDataWriter.ts):
// writes made while it is on its way show Saving… and go out in the order made when it comes;
// if it cannot be loaded, the write is Not saved, with Retry, which tries the chunk again.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

// The first import fails once released by `fail`; the next is held until `arrive`.
const writerChunk = vi.hoisted(() => ({ fail: null as null | (() => void), arrive: null as null | (() => void), attempts: 0 }));
vi.mock('../../src/caseData/caseDataWriter', async (importOriginal) => {
  writerChunk.attempts += 1;
  if (writerChunk.attempts === 1) {
    await new Promise<void>((resolve) => (writerChunk.fail = resolve));
    throw new Error('Failed to fetch dynamically imported module');
  }
  await new Promise<void>((resolve) => (writerChunk.arrive = resolve));
  return importOriginal();
});

describe('writes made while the writer’s chunk loads', () => {
  it('are Not saved with Retry if it cannot be loaded; Retry loads it again, and writes meanwhile go out in order', async () => {
    const view = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitUntilSettled(view.store);
    valueCell('Subject').focus();
    await view.user.keyboard('{F2}{Control>}a{/Control}first{Enter}');
    // Shown as on its way at once, not as queued.
    await waitFor(() => expect(valueCell('Subject')).toHaveTextContent(/^firstSaving…$/));

    await waitFor(() => expect(writerChunk.fail).not.toBeNull());
    act(() => writerChunk.fail?.());
    await waitFor(() =>
      expect(valueCell('Subject')).toHaveAccessibleDescription('Not saved: Cannot reach the server: the code that sends it could not be loaded. Enter opens it to send again, Escape discards it.'),
    );

    await view.user.click(within(valueCell('Subject')).getByRole('button', { name: 'Retry' }));
    valueCell('ServiceType').focus();
    await view.user.keyboard('{F2}{Control>}a{/Control}second{Enter}');
    await waitFor(() => expect(writerChunk.arrive).not.toBeNull());
    expect(await control.operations()).toEqual([]);
    act(() => writerChunk.arrive?.());
    await waitFor(() => expect(valueCell('ServiceType')).toHaveTextContent(/^second(Saved)?$/));
    await waitFor(() => expect(valueCell('Subject')).toHaveTextContent(/^first(Saved)?$/));
    expect(await control.operations()).toEqual([
      { operationName: 'UpdateUserData', userData: { Subject: 'first' } },
      { operationName: 'UpdateUserData', userData: { ServiceType: 'second' } },
    ]);
  });
});
