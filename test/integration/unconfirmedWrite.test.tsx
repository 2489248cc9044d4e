// A write GWS accepted while a chats read was on its way (begun before, its answer slow), its
// notification lost: the read it joins may not show it, so the writer reads again until one does.
import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { createQueryClient } from '../../src/app/createQueryClient';
import { CaseDataConfigProvider, OPEN_CONFIG } from '../../src/caseData';
import { chatQueries, createGwsClient, type GwsClient } from '../../src/gws';
import { createChatStore } from '../../src/store';
import { simulatorPerFile } from '../support/simulator';
import { valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

it('an accepted write whose notification is lost is not Saving… for good when a read begun before it was on its way', async () => {
  const real = createGwsClient({ baseUrl: sim.url, credentials: 'include', timeoutMs: 5_000 });
  let slow = false;
  let answered: (() => void) | null = null;
  // The read's answer read at GWS before the write, and slow on its way back (8 s).
  const client: GwsClient = {
    ...real,
    async listChats() {
      const list = await real.listChats();
      if (slow) {
        answered?.();
        await new Promise((resolve) => setTimeout(resolve, 8_000));
      }
      return list;
    },
  };
  const queryClient = createQueryClient();
  const store = createChatStore();
  const user = userEvent.setup();
  render(
    <CaseDataConfigProvider config={OPEN_CONFIG}>
      <App client={client} queryClient={queryClient} store={store} />
    </CaseDataConfigProvider>,
  );
  await waitUntilSettled(store);
  await control.faults({ dropNotifications: true });
  slow = true;
  const gwsAnswered = new Promise<void>((resolve) => (answered = resolve));
  void queryClient.invalidateQueries({ queryKey: chatQueries.list(client).queryKey });
  await gwsAnswered;
  slow = false;
  valueCell('Subject').focus();
  await user.keyboard('{F2}{Control>}a{/Control}lost confirmation{Enter}');
  await waitFor(async () => expect(await control.operations()).toHaveLength(1));
  await control.faults({ dropNotifications: false });
  expect(valueCell('Subject')).toHaveAttribute('aria-busy', 'true');
  // Before (review): the one re-read, 5 s after acceptance, joined the slow read, which did not
  // show the write; nothing read again, and Saving… stayed for good.
  await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'), { timeout: 25_000 });
  expect(valueCell('Subject')).toHaveTextContent(/^lost confirmation/);
}, 45_000);
