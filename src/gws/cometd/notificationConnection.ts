// The one CometD connection to GWS notifications. It owns the CometD instance, adds its
// meta-channel listeners exactly once, and subscribes to `/v2/me/chats` inside every
// successful handshake: CometD drops subscriptions on re-handshake but keeps listeners,
// so subscribing anywhere else either loses the subscription or doubles it.

import type { CometD, Message } from 'cometd';
import type { ChatNotification, NotificationRejection } from '../types';
import { parseChatNotification } from '../wire';

export const CHATS_CHANNEL = '/v2/me/chats';
const MAX_BACKOFF_MS = 30_000;

export type ConnectionStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live' }
  | { readonly kind: 'reconnecting'; readonly retryInMs: number; readonly since: number }
  | { readonly kind: 'session-expired' }
  | { readonly kind: 'offline' };

export type NotificationConnectionOptions = {
  /** e.g. "https://gws.example.com/api/v2/notifications" */
  readonly url: string;
  readonly onNotification: (notification: ChatNotification | NotificationRejection) => void;
  readonly onStatus: (status: ConnectionStatus) => void;
  /**
   * After a re-handshake the server has forgotten us and GWS has no replay: whatever was
   * published meanwhile is lost, so the caller must re-read the chats.
   */
  readonly onResync?: () => void;
};

export type NotificationConnection = {
  start(): void;
  /**
   * After the session came back: handshake again if CometD gave up (a refused handshake),
   * report live again if it never lost its connection, and otherwise let it keep trying.
   */
  restart(): void;
  stop(): Promise<void>;
};

export function createNotificationConnection(options: NotificationConnectionOptions): NotificationConnection {
  let handshakes = 0;
  let connected = false;
  let stopped = true;
  let last: ConnectionStatus['kind'] | null = null;

  const report = (status: ConnectionStatus) => {
    if (stopped) return;
    if (status.kind === last && status.kind !== 'reconnecting') return;
    last = status.kind;
    options.onStatus(status);
  };

  const deliver = (message: Message) => {
    const data: unknown = message.data;
    options.onNotification(parseChatNotification(data));
  };

  function configure(cometd: CometD): CometD {
    // GWS serves long-polling only (WebSocket attempts fail or hang behind proxies), and
    // callback-polling would execute a script from the network: neither is allowed here.
    cometd.unregisterTransport('websocket');
    cometd.unregisterTransport('callback-polling');
    cometd.configure({ url: options.url, logLevel: 'warn', maxBackoff: MAX_BACKOFF_MS });
    const reconnecting = (): ConnectionStatus => ({ kind: 'reconnecting', retryInMs: cometd.getBackoffPeriod(), since: Date.now() });

    cometd.addListener('/meta/handshake', (message) => {
      if (!message.successful) {
        connected = false;
        // GWS refuses the handshake of an expired HTTP session; retrying will not help
        // until the agent logs in again.
        report(isAuthFailure(message) ? { kind: 'session-expired' } : reconnecting());
        return;
      }
      handshakes += 1;
      cometd.batch(() => {
        cometd.subscribe(CHATS_CHANNEL, deliver);
      });
      if (handshakes > 1) options.onResync?.();
    });

    cometd.addListener('/meta/connect', (message) => {
      if (cometd.isDisconnected()) {
        connected = false;
        report({ kind: 'offline' });
        return;
      }
      const wasConnected = connected;
      connected = message.successful === true;
      if (connected && !wasConnected) report({ kind: 'live' });
      // A `402::unknown client` lands here too; CometD re-handshakes by itself.
      else if (!connected) report(reconnecting());
    });

    cometd.addListener('/meta/disconnect', () => {
      connected = false;
      report({ kind: 'offline' });
    });
    return cometd;
  }

  // The CometD client is loaded on its own, after the first paint's code: the panel shows
  // the chats read over HTTP while the live connection is still being set up. A failed
  // load (a network blip at start, a redeployed bundle) is retried with the same backoff
  // as a lost connection, and reported as one: writes wait queued until it is live.
  let client: Promise<CometD> | null = null;
  let loadFailures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const loadClient = () =>
    (client ??= import('cometd').then(
      ({ CometD: Client }) => configure(new Client()),
      (error: unknown) => {
        client = null;
        throw error;
      },
    ));
  const withClient = (use: (cometd: CometD) => void) => {
    clearTimeout(retry);
    loadClient().then(
      (cometd) => {
        loadFailures = 0;
        if (!stopped) use(cometd);
      },
      () => {
        if (stopped) return;
        const retryInMs = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** loadFailures++);
        report({ kind: 'reconnecting', retryInMs, since: Date.now() });
        retry = setTimeout(() => withClient(use), retryInMs);
      },
    );
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      handshakes = 0;
      report({ kind: 'connecting' });
      withClient((cometd) => cometd.handshake());
    },
    restart() {
      withClient((cometd) => {
        last = null;
        if (cometd.isDisconnected()) {
          report({ kind: 'connecting' });
          cometd.handshake();
        } else if (connected) {
          // Only the REST side had lost the session; the connection itself stayed up.
          report({ kind: 'live' });
        }
      });
    },
    stop() {
      stopped = true;
      clearTimeout(retry);
      if (!client) return Promise.resolve();
      return client.then(
        (cometd) =>
          new Promise<void>((resolve) => {
            if (cometd.isDisconnected()) resolve();
            else cometd.disconnect(() => resolve());
          }),
        () => undefined,
      );
    },
  };
}

function isAuthFailure(message: Message): boolean {
  return typeof message.error === 'string' && /^40[13]::/.test(message.error);
}
