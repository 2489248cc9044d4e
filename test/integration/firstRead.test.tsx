// The first chats read starts before React renders anything (src/main.tsx), and the
// panel joins it instead of reading a second time.
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { startFirstRead } from '../../src/app/useLiveSync';
import { createGwsClient } from '../../src/gws';
import { createChatStore } from '../../src/store';
import { SEED_CHAT_ID, valueCell, waitForLive } from '../support/renderPanel';
import { simulatorPerFile } from '../support/simulator';

const sim = simulatorPerFile();

const meProbes = async () => (await sim.control.requests()).filter((request) => request.method === 'GET' && request.path === '/api/v2/me');
const chatReads = async () => (await sim.control.requests()).filter((request) => request.method === 'GET' && request.path === '/api/v2/me/chats?fields=*');

it('a read started before React renders is the panel’s first read: the panel makes no read of its own', async () => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const store = createChatStore();
  const client = createGwsClient({ baseUrl: sim.url, credentials: 'include', timeoutMs: 5_000 });

  startFirstRead({ client, store, queryClient });
  // Mounted while the read is still in flight, in StrictMode, as main.tsx does.
  render(
    <StrictMode>
      <App client={client} queryClient={queryClient} store={store} />
    </StrictMode>,
  );
  await waitFor(() => expect(store.getState().chats.has(SEED_CHAT_ID)).toBe(true));
  expect(await chatReads()).toHaveLength(1);

  await waitForLive();
  expect(valueCell('Subject')).toHaveTextContent('Customer support');
  // Going live re-reads once (GWS has no replay): two reads in all, not three.
  await waitFor(async () => expect(await chatReads()).toHaveLength(2));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await chatReads()).toHaveLength(2);
});

it('a first read that fails is tried again by the panel, which then shows the chat', async () => {
  await sim.control.faults({ failNext: 1, httpStatus: 503 });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const store = createChatStore();
  const client = createGwsClient({ baseUrl: sim.url, credentials: 'include', timeoutMs: 5_000 });
  startFirstRead({ client, store, queryClient });
  await waitFor(() => expect(queryClient.getQueryState(['gws', sim.url, 'chats', 'list'])?.status).toBe('error'));

  render(<App client={client} queryClient={queryClient} store={store} />);
  await waitForLive();
  expect(valueCell('Subject')).toHaveTextContent('Customer support');
  expect(screen.getByRole('grid', { name: 'Case data' })).toBeInTheDocument();
});

it('a session found expired by the early read, before the panel mounted, is still probed until it is back', async () => {
  await sim.control.session({ expired: true });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const store = createChatStore();
  const client = createGwsClient({ baseUrl: sim.url, credentials: 'include', timeoutMs: 5_000 });
  startFirstRead({ client, store, queryClient });
  await waitFor(() => expect(store.getState().connection.kind).toBe('session-expired'));

  render(<App client={client} queryClient={queryClient} store={store} />);
  // GET /me every SESSION_PROBE_MS (5 s) while expired; once it answers, the panel handshakes and re-reads.
  await waitFor(async () => expect(await meProbes()).not.toHaveLength(0), { timeout: 8_000 });
  await sim.control.session({ expired: false });
  // The next probe (up to 5 s later) finds the session back.
  await screen.findByText('Live', {}, { timeout: 8_000 });
  await waitFor(() => expect(valueCell('Subject')).toHaveTextContent('Customer support'));
}, 25_000);
