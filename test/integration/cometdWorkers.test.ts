// @vitest-environment node
// What a CometD session costs over a long shift of refusals: in a browser each configure()
// builds a timer Worker from a Blob (CometD's useWorkerScheduler, SECURITY.md's worker-src
// blob:), never terminated, so the session configures once; and a handshake denied for
// authentication waits for the session probe rather than handshaking again by itself.
import { createServer, type Server } from 'node:http';
import { adapt } from 'cometd-nodejs-client';
import cometdServer from 'cometd-nodejs-server';
import { afterEach, expect, it } from 'vitest';
import { createNotificationConnection, type ConnectionStatus, type NotificationConnection } from '../../src/gws';
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

let server: Server | null = null;
let connection: NotificationConnection | null = null;
afterEach(async () => {
  await connection?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

it('a connection that handshakes several times (refused until the CSRF token is known) runs one timer Worker, not one per handshake', async () => {
  // Counted from here: the tests run in any order, and the other's connection made one too.
  workers = 0;
  const token = 't';
  const cometd = cometdServer.createCometDServer({ timeout: 2_000 });
  let refused = 0;
  server = createServer((request, response) => {
    if (request.method === 'POST' && request.headers['x-csrf-token'] !== token) {
      refused += 1;
      request.resume();
      response.writeHead(403, { 'Content-Type': 'text/plain' });
      response.end('Missing or invalid Csrf token');
      return;
    }
    void cometd.handle(request, response);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  let known = false;
  const statuses: ConnectionStatus['kind'][] = [];
  connection = createNotificationConnection({
    client: { notificationsUrl: `http://127.0.0.1:${address.port}/api/v2/notifications`, csrfHeaders: (): Record<string, string> => (known ? { 'X-CSRF-TOKEN': token } : {}), getMe: () => Promise.reject(new Error('no REST side in this test')) },
    onNotification: () => undefined,
    onStatus: (status) => void statuses.push(status.kind),
  });
  connection.start();
  await until(() => refused >= 3, 'three refused handshakes', 15_000);
  known = true;
  await until(() => statuses.includes('live'), 'live', 15_000);
  expect(workers).toBe(1);
}, 40_000);

it('a handshake the server denies with advice not to reconnect (403, the session gone) reads Session expired and is not handshaken again by itself', async () => {
  let handshakes = 0;
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const replies = (JSON.parse(text) as { id: string; channel: string }[]).map((message) => {
        if (message.channel === '/meta/handshake') handshakes += 1;
        return { id: message.id, channel: message.channel, successful: false, error: '403::Handshake denied', advice: { reconnect: 'none' } };
      });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(replies));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const statuses: ConnectionStatus['kind'][] = [];
  connection = createNotificationConnection({
    client: { notificationsUrl: `http://127.0.0.1:${address.port}/api/v2/notifications`, csrfHeaders: () => ({}), getMe: () => Promise.reject(new Error('no REST side in this test')) },
    onNotification: () => undefined,
    onStatus: (status) => void statuses.push(status.kind),
  });
  connection.start();
  await until(() => statuses.includes('session-expired'), 'session-expired', 5_000);
  // The panel's own probe (GET /me every 5 s, then resume()) handshakes again once the agent has logged in.
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  expect({ handshakes, statuses }).toEqual({ handshakes: 1, statuses: ['connecting', 'session-expired'] });
}, 20_000);
