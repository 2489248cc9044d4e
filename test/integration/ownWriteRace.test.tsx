// Two writes of one key, the first held on its way while another party changes the key: the
// second, waiting its turn, is not sent over that change; once the first lands over it (its reply
// before its notification, as the simulator answers), the second goes (README, "Order of writes").
import { waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { createGwsClient, type GwsClient } from '../../src/gws';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, SEED_CHAT_ID, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

it('a write waiting its turn behind the agent’s own held write goes once that one lands over another party’s change', async () => {
  const real = createGwsClient({ baseUrl: sim.url, credentials: 'include', timeoutMs: 5_000 });
  const gate: { release?: () => void } = {};
  let held = true;
  const client: GwsClient = {
    ...real,
    async operate(chatId, operation) {
      if (held) {
        held = false;
        await new Promise<void>((resolve) => (gate.release = resolve));
      }
      return real.operate(chatId, operation);
    },
  };
  const { user, store } = renderPanel(sim.url, { client });
  await waitUntilSettled(store);
  valueCell('Subject').focus();
  await user.keyboard('{F2}{Control>}a{/Control}one{Enter}');
  await waitFor(() => expect(gate.release).toBeDefined());
  valueCell('Subject').focus();
  await user.keyboard('{F2}{Control>}a{/Control}two{Enter}');
  await control.updateUserData(SEED_CHAT_ID, { Subject: 'Theirs' });
  await waitFor(() => expect(store.getState().chats.get(SEED_CHAT_ID)?.chat.userData.get('Subject')).toBe('Theirs'));
  gate.release?.();
  // Before (exploratory test): "two" was never sent; the cell read "Changed on the server to "one"", the agent's own value.
  await waitFor(async () => expect((await control.operations()).map((operation) => (operation.userData as { Subject?: string } | undefined)?.Subject)).toEqual(['one', 'two']));
  await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'));
  expect(valueCell('Subject')).toHaveTextContent(/^two/);
  expect(valueCell('Subject')).not.toHaveAccessibleDescription(/Changed on the server/);
}, 30_000);
