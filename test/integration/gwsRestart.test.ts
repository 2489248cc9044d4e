// @vitest-environment node
// GWS shuts down (its CometD server ends every session) and comes back on the same address:
// the live connection handshakes again by itself, though the browser never went offline.
import { adapt } from 'cometd-nodejs-client';
import { afterEach, it } from 'vitest';
import { startSimulator } from '../../simulator/server';
import { createNotificationConnection, type ConnectionStatus, type NotificationConnection } from '../../src/gws';

adapt();

let connection: NotificationConnection | null = null;
let running: Awaited<ReturnType<typeof startSimulator>> | null = null;
afterEach(async () => {
  await connection?.stop();
  await running?.close();
});

async function until(check: () => boolean, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('handshakes again once GWS is back after ending the session, and reports Reconnecting meanwhile, not Offline for good', async () => {
  running = await startSimulator({ port: 0 });
  const { port, url } = running;
  const statuses: ConnectionStatus['kind'][] = [];
  connection = createNotificationConnection({
    url: `${url}/api/v2/notifications`,
    onNotification: () => undefined,
    onStatus: (status) => void statuses.push(status.kind),
  });
  connection.start();
  await until(() => statuses.at(-1) === 'live', 'live', 5_000);
  await running.close();
  running = null;
  await until(() => statuses.at(-1) !== 'live', 'the session lost', 10_000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  running = await startSimulator({ port });
  // Before (exploratory test): "Offline" for good, and nothing handshook again.
  await until(() => statuses.at(-1) === 'live', 'live again', 20_000);
}, 40_000);
