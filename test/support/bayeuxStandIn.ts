// A hand-written HTTP server in place of GWS's Bayeux endpoint, and the notification connection
// the widget opens on it: for node-environment tests of what a real server may answer that the
// simulator does not (HTTP 401 and 403, refused subscriptions, advice not to reconnect).
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { CometDServer } from 'cometd-nodejs-server';
import { afterEach } from 'vitest';
import { createNotificationConnection, type ConnectionStatus, type NotificationConnection } from '../../src/gws';

/** Call at a test file's top: each test's server and connection are closed after it. */
export function bayeuxStandIn() {
  let server: Server | null = null;
  let connection: NotificationConnection | null = null;
  afterEach(async () => {
    await connection?.stop();
    connection = null;
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = null;
  });
  return {
    /** Starts the server; its notifications URL. */
    async listen(handler: RequestListener): Promise<string> {
      server = createServer(handler);
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      return `http://127.0.0.1:${address.port}/api/v2/notifications`;
    },
    /** The widget's connection to it, started; the statuses it reports, in order. */
    connect(url: string, csrfHeaders: () => Readonly<Record<string, string>> = () => ({})) {
      const statuses: ConnectionStatus['kind'][] = [];
      connection = createNotificationConnection({
        client: { notificationsUrl: url, csrfHeaders, getMe: () => Promise.reject(new Error('no REST side in this test')) },
        onNotification: () => undefined,
        onStatus: (status) => void statuses.push(status.kind),
      });
      connection.start();
      return statuses;
    },
  };
}

/** A Bayeux request's messages. */
export const readMessages = (request: IncomingMessage) =>
  new Promise<Record<string, unknown>[]>((resolve) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => resolve(JSON.parse(text)));
  });

/** GWS's CSRF filter in front of a CometD server: a POST without `token` is refused with 403; how many were. */
export function csrfFilter(cometd: CometDServer, token: string) {
  const counted = { refused: 0 };
  const handler: RequestListener = (request, response) => {
    if (request.method === 'POST' && request.headers['x-csrf-token'] !== token) {
      counted.refused += 1;
      request.resume();
      response.writeHead(403, { 'Content-Type': 'text/plain' });
      response.end('Missing or invalid Csrf token');
      return;
    }
    void cometd.handle(request, response);
  };
  return { handler, counted };
}
