// The writer's chunk cannot be loaded the moment the outbox opens (a blip, the connection itself
// just back): the queued write goes once it can be, without waiting for some chat to change.
import { screen, waitFor } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;
const chunk = vi.hoisted(() => ({ failing: true }));
vi.mock('../../src/caseData/caseDataWriter', async (importOriginal) => {
  if (chunk.failing) throw new Error('Failed to fetch dynamically imported module');
  return importOriginal();
});

it('sends a queued write once the writer can be loaded, though it could not be when the outbox opened', async () => {
  const view = renderPanel(sim.url);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitUntilSettled(view.store);
  await control.faults({ notificationsDownMs: 2_000 });
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Reconnecting/), { timeout: 5_000 });
  valueCell('UserData2').focus();
  await view.user.keyboard('queued{Enter}');
  await waitFor(() => expect(valueCell('UserData2')).toHaveTextContent('Queued'));
  await waitFor(() => expect(view.store.getState().outbox).toBe('open'), { timeout: 15_000 });
  chunk.failing = false;
  // Before (review): "Queued" under "Live" until another change came; this chat is quiet.
  await waitFor(async () => expect(await control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { UserData2: 'queued' } }]), { timeout: 15_000 });
  await waitFor(() => expect(valueCell('UserData2')).not.toHaveTextContent('Queued'));
}, 40_000);
