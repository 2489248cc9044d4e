// A field added while the grid's filter does not match it shows while it is saved, then the
// filter hides it: said, with the filter (exploratory test: it never showed, unsaid).
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { caseDataConfig, renderPanel, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

async function addWithFilter(filter: string, key: string, value: string) {
  const view = renderPanel(sim.url, { config: caseDataConfig({ allowFreeKeys: true }) });
  await screen.findByRole('grid', { name: 'Case data' });
  await waitUntilSettled(view.store);
  await view.user.type(screen.getByRole('searchbox', { name: 'Filter' }), filter);
  await view.user.click(screen.getByRole('button', { name: 'Add field' }));
  await view.user.type(await screen.findByRole('textbox', { name: 'Key' }), key);
  // Slow, so that what is said while it is saved can be read (it is unsaid once saved).
  await control.faults({ latencyMs: 1_500 });
  await view.user.type(screen.getByRole('textbox', { name: 'Value' }), `${value}{Enter}`);
}

describe('Add field under a filter', () => {
  it('says the filter hides a field it does not match, once saved', async () => {
    await addWithFilter(' bill ', 'Zeta', 'zzz');
    expect(await screen.findByText('Added Zeta; saving. The filter “bill” hides it once saved.')).toBeInTheDocument();
    await waitFor(async () => expect(await control.operations()).toEqual([{ operationName: 'AttachUserData', userData: { Zeta: 'zzz' } }]));
  });

  it('says nothing of the filter when it matches the field (its value here)', async () => {
    await addWithFilter('bill', 'Zeta', 'billing');
    expect(await screen.findByText('Added Zeta; saving.')).toBeInTheDocument();
    await waitFor(async () => expect(await control.operations()).toEqual([{ operationName: 'AttachUserData', userData: { Zeta: 'billing' } }]));
  });
});
