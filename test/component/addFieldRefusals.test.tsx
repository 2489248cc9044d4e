// Add field's refusals stand for what they refused: a value's, until the key whose rules judged it
// changes; the chat's, until the chat takes fields again (review).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { caseDataConfig, renderPanel, SEED_CHAT_ID, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

const demoConfig = caseDataConfig({
  fields: {
    Priority: { type: 'integer', label: 'Priority' },
    Vip: { type: 'boolean', label: 'VIP' },
  },
  allowFreeKeys: true,
});

async function openPanel(options: Parameters<typeof renderPanel>[1] = {}) {
  const view = renderPanel(sim.url, options);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitUntilSettled(view.store);
  return view;
}

describe('Add field refusals', () => {
  it('a value refusal goes when the free key it was read for changes to one that takes the value', async () => {
    const { user } = await openPanel({ config: demoConfig });
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    const form = await screen.findByRole('form', { name: 'Add field' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Field' }), 'Other key…');
    await user.type(within(form).getByLabelText('Key'), 'Priority');
    await user.type(within(form).getByLabelText('Value'), '12a');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Enter a whole number.');
    // Another key, one with no rule: "12a" is a fine value for it.
    await user.type(within(form).getByLabelText('Key'), 'Note');
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(form).getByLabelText('Value')).not.toHaveAttribute('aria-invalid');
  });

  it('the chat’s refusal goes once the chat takes fields again', async () => {
    const { user } = await openPanel({ config: demoConfig });
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    const form = await screen.findByRole('form', { name: 'Add field' });
    await user.type(within(form).getByLabelText('Value'), '3');
    await control.setState(SEED_CHAT_ID, 'Invited');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add field' })).toBeDisabled());
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    const refusal = within(form).getByRole('alert').textContent;
    await control.setState(SEED_CHAT_ID, 'Chatting');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add field' })).toBeEnabled());
    // The chat takes fields again: the refusal of a moment ago no longer stands.
    expect(within(form).queryByRole('alert'), `still says: ${refusal}`).not.toBeInTheDocument();
  });
});
