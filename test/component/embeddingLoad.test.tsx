// The embedded panel's own code (app/Embedding.tsx) loads after the first paint. When that
// load fails (a redeployed bundle, a network blip), the panel works on and tries again.
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi, type MockInstance } from 'vitest';
import { App } from '../../src/app/App';
import { listenToHost, type HostLink } from '../../src/embed';
import { createGwsClient } from '../../src/gws';
import { createChatStore } from '../../src/store';
import { simControl, withSimulator, type RunningSimulator } from '../support/simulator';

const HOST = 'https://crm.example.com';
const SEED = '0000Wa9CAM6W00J';

// The first import fails as a chunk that cannot be fetched does; vitest runs the factory
// again on the next import, which then gets the real module.
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/app/Embedding', async (importOriginal) => {
  loads.count += 1;
  if (loads.count === 1) throw new TypeError('Failed to fetch dynamically imported module: /assets/Embedding-x.js');
  return importOriginal();
});

let sim: RunningSimulator;
let iframe: HTMLIFrameElement;
let host: HostLink;
let posted: MockInstance<Window['postMessage']>;

beforeAll(async () => {
  sim = await withSimulator();
  await simControl(sim.url).reset();
}, 60_000);
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  iframe = document.createElement('iframe');
  document.body.append(iframe);
  if (!iframe.contentWindow) throw new Error('jsdom gave the iframe no window');
  posted = vi.spyOn(iframe.contentWindow.parent, 'postMessage').mockImplementation(() => undefined);
  host = { inbox: listenToHost(iframe.contentWindow), allowedOrigins: [HOST], ancestorOrigins: [HOST] };
});
afterEach(() => {
  host.inbox.close();
  iframe.remove();
});

it('shows the case data while the embedding code fails to load, then connects to the host on a later try, telling it what happened meanwhile', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const user = userEvent.setup();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(<App client={createGwsClient({ baseUrl: sim.url, credentials: 'include', timeoutMs: 5_000 })} queryClient={queryClient} store={createChatStore({ activeChatId: SEED })} host={host} />);
  const grid = await screen.findByRole('grid', { name: 'Case data' });
  const failedLoad = () => warn.mock.calls.find(([text]) => typeof text === 'string' && text.includes('the embedding code did not load; trying again in 1 s'));
  await waitFor(() => expect(failedLoad()).toBeDefined());
  // The warning carries the import's own error, for whoever reads the console.
  expect(failedLoad()?.[1]).toBeInstanceOf(Error);
  const sent = () => posted.mock.calls.map(([message]) => message);
  const ofType = (type: string) => sent().filter((message) => Reflect.get(Object(message), 'type') === type);
  expect(ofType('ready')).toEqual([]);

  // Before the bridge is there: the panel goes live and the agent starts typing (a draft).
  expect(await screen.findByText('Live', {}, { timeout: 5_000 })).toBeInTheDocument();
  const subject = within(grid).getByRole('rowheader', { name: 'Subject' }).closest('[role="row"]')?.querySelector<HTMLElement>('[role="gridcell"]');
  if (!subject) throw new Error('no Subject cell');
  subject.focus();
  await user.keyboard('{F2} and more');

  await waitFor(() => expect(ofType('ready')).toHaveLength(1), { timeout: 5_000 });
  expect(loads.count).toBe(2);
  expect(screen.getByText(/^Diagnostics/)).toBeInTheDocument();
  // Before: only ready and activeChatChanged; a CRM that warns from dirtyStateChanged let the agent leave.
  const types = () => sent().map((message) => Reflect.get(Object(message), 'type'));
  expect(types().filter((type) => type !== 'resize')).toEqual(['ready', 'activeChatChanged', 'connectionChanged', 'dirtyStateChanged']);
  // The size is measured apart from the catch-up (a resize observer): before or after the draft's news (review: an order that varied under load).
  await waitFor(() => expect(types()).toContain('resize'));
  expect(ofType('connectionChanged')).toEqual([expect.objectContaining({ status: 'live' })]);
  expect(ofType('dirtyStateChanged')).toEqual([expect.objectContaining({ chatId: SEED, dirty: true })]);
});
