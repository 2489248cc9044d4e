// @vitest-environment node
// The notification connection against servers that refuse it: a GWS behind Spring Security that
// answers an expired session's long polls with HTTP 401, and a CometD server whose policy refuses
// the subscription to the chats' channel.
import { createServer, type Server } from 'node:http';
import { adapt } from 'cometd-nodejs-client';
import cometdServer from 'cometd-nodejs-server';
import { afterEach, expect, it } from 'vitest';
import { createNotificationConnection, type ConnectionStatus, type NotificationConnection } from '../../src/gws';
import { until } from '../support/until';

adapt();

let server: Server | null = null;
let connection: NotificationConnection | null = null;
afterEach(async () => {
  await connection?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}/api/v2/notifications`;
}

function connect(url: string) {
  const statuses: ConnectionStatus['kind'][] = [];
  connection = createNotificationConnection({ url, onNotification: () => undefined, onStatus: (status) => void statuses.push(status.kind) });
  connection.start();
  return statuses;
}

it('a handshake refused with HTTP 401 reads Session expired, not Reconnecting… for good', async () => {
  const url = await listen((request, response) => {
    request.resume();
    response.writeHead(401, { 'Content-Type': 'application/json' });
    response.end('{"statusCode":20,"statusMessage":"Access denied"}');
  });
  const statuses = connect(url);
  // Before (review): connecting, reconnecting, reconnecting, … while the agent's edits waited unsent.
  await until(() => statuses.includes('session-expired'), 'session-expired', 5_000);
  expect(statuses).not.toContain('live');
});

it('a refused subscription to the chats is not Live; handshaken again, it goes live once the server allows it', async () => {
  const cometd = cometdServer.createCometDServer({ timeout: 2_000 });
  let allow = false;
  let refusals = 0;
  cometd.policy = {
    canHandshake: (_session, _message, callback) => callback(undefined, true),
    canSubscribe: (_session, _message, _channel, callback) => {
      if (!allow) refusals += 1;
      callback(undefined, allow);
    },
    canPublish: (_session, _message, _channel, callback) => callback(undefined, true),
  };
  const url = await listen((request, response) => cometd.handle(request, response));
  const statuses = connect(url);
  await until(() => refusals >= 1, 'a refused subscription', 5_000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  // Before (review): connecting, live: nothing would ever arrive under Live.
  expect(statuses).not.toContain('live');
  // A policy's refusal (403::subscribe_denied) is no expired session: its probe would handshake every 5 s (review).
  expect(statuses).not.toContain('session-expired');
  expect(statuses).toContain('reconnecting');
  allow = true;
  await until(() => statuses.at(-1) === 'live', 'live once allowed', 10_000);
}, 20_000);
