// @vitest-environment node
// What a CometD session costs over a long shift of refusals: in a browser each configure()
// builds a timer Worker from a Blob (CometD's useWorkerScheduler, SECURITY.md's worker-src
// blob:), never terminated, so the session configures once; and a handshake denied for
// authentication waits for the session probe rather than handshaking again by itself.
import { adapt } from 'cometd-nodejs-client';
import cometdServer from 'cometd-nodejs-server';
import { expect, it } from 'vitest';
import { bayeuxStandIn, csrfFilter, readMessages } from '../support/bayeuxStandIn';
import { until } from '../support/until';

adapt();
// What a browser gives CometD: a Worker it runs its timers in (here on the main thread, counted).
let workers = 0;
const win = (globalThis as unknown as { window: Record<string, unknown> }).window;
win.Blob = Blob;
win.URL = { createObjectURL: () => `blob:fake/${workers}` };
win.Worker = class {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  constructor() {
    workers += 1;
  }
  postMessage(command: { id: number; type: string; delay?: number }) {
    if (command.type === 'setTimeout') this.timers.set(command.id, setTimeout(() => this.onmessage?.({ data: { id: command.id } }), command.delay));
    else clearTimeout(this.timers.get(command.id));
  }
};

const { listen, connect } = bayeuxStandIn();

it('a connection that handshakes several times (refused until the CSRF token is known) runs one timer Worker, not one per handshake', async () => {
  // Counted from here: the tests run in any order, and the other's connection made one too.
  workers = 0;
  const token = 't';
  const filter = csrfFilter(cometdServer.createCometDServer({ timeout: 2_000 }), token);
  const url = await listen(filter.handler);
  let known = false;
  const statuses = connect(url, (): Record<string, string> => (known ? { 'X-CSRF-TOKEN': token } : {}));
  await until(() => filter.counted.refused >= 3, 'three refused handshakes', 15_000);
  known = true;
  await until(() => statuses.includes('live'), 'live', 15_000);
  expect(workers).toBe(1);
}, 40_000);

it('a handshake the server denies with advice not to reconnect (403, the session gone) reads Session expired and is not handshaken again by itself', async () => {
  let handshakes = 0;
  const url = await listen(async (request, response) => {
    const replies = (await readMessages(request)).map((message) => {
      if (message.channel === '/meta/handshake') handshakes += 1;
      return { id: message.id, channel: message.channel, successful: false, error: '403::Handshake denied', advice: { reconnect: 'none' } };
    });
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(replies));
  });
  const statuses = connect(url);
  await until(() => statuses.includes('session-expired'), 'session-expired', 5_000);
  // The panel's own probe (GET /me every 5 s, then resume()) handshakes again once the agent has logged in.
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  expect({ handshakes, statuses }).toEqual({ handshakes: 1, statuses: ['connecting', 'session-expired'] });
}, 20_000);
