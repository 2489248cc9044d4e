// The one connection to GWS notifications, as the rest of the panel sees it: start,
// restart after the session came back, stop, and the statuses it goes through. The CometD
// client and the session around it (cometdSession.ts) load on their own, after the first
// paint's code: the panel shows the chats read over HTTP while the live connection is set up.

import type { ChatNotification, NotificationRejection } from '../types';
import type { CometdSession } from './cometdSession';
import type { GwsClient } from '../http/gwsClient';

export const MAX_BACKOFF_MS = 30_000;
/** The pause before the next try after `failures` in a row: 1 s, doubling, at most MAX_BACKOFF_MS. */
export const backoffAfter = (failures: number) => Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** failures);

export type ConnectionStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live' }
  | { readonly kind: 'reconnecting'; readonly retryInMs: number; readonly since: number }
  | { readonly kind: 'session-expired' }
  | { readonly kind: 'offline' };

export type NotificationConnectionOptions = {
  /**
   * Where GWS's Bayeux endpoint is, its CSRF header as last read (asked before each handshake:
   * a GWS whose CSRF filter covers every POST refuses Bayeux's without it), and the session
   * check that reads it again when the filter refuses it.
   */
  readonly client: Pick<GwsClient, 'notificationsUrl' | 'csrfHeaders' | 'getMe'>;
  readonly onNotification: (notification: ChatNotification | NotificationRejection) => void;
  /**
   * Every state change. Live after any other state (a re-handshake included: the server had
   * forgotten us, and GWS has no replay) means what was published meanwhile is lost: the
   * caller reads the chats again (useLiveSync).
   */
  readonly onStatus: (status: ConnectionStatus) => void;
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
  let stopped = true;
  let last: ConnectionStatus['kind'] | null = null;

  const report = (status: ConnectionStatus) => {
    if (stopped) return;
    if (status.kind === last && status.kind !== 'reconnecting') return;
    last = status.kind;
    options.onStatus(status);
  };

  // A failed load (a network blip at start, a redeployed bundle) is retried with the same
  // backoff as a lost connection, and reported as one: writes wait queued until it is live.
  // One load at a time, and one thing to do once loaded (the latest asked: a start's
  // handshake or a restart's resume), so no second timer outlives a stop.
  let session: Promise<CometdSession> | null = null;
  let wanted: ((opened: CometdSession) => void) | null = null;
  let waiting = false;
  // Each attempt's answer counts only while it is the latest (a stop or a new attempt since
  // makes it stale), so no second timer outlives a stop.
  let generation = 0;
  let loadFailures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  // A failed load waits for its retry: the browser back online brings it forward.
  let reloadable = false;
  const online = () => {
    if (!reloadable) return;
    clearTimeout(retry);
    attempt();
  };
  const attempt = () => {
    const mine = ++generation;
    waiting = true;
    reloadable = false;
    // The module whole, not its export destructured: Vite would wrap that in a function body of its own, bytes on the way to the first paint.
    session ??= import('./cometdSession').then((chunk) => chunk.openCometdSession({ ...options, report }));
    session.then(
      (opened) => {
        if (mine !== generation) return;
        waiting = false;
        loadFailures = 0;
        const use = wanted;
        wanted = null;
        if (!stopped) use?.(opened);
      },
      () => {
        if (mine !== generation) return;
        session = null;
        const retryInMs = backoffAfter(loadFailures++);
        retry = setTimeout(attempt, retryInMs);
        reloadable = true;
        // The browser offline (the network went as the page loaded): said so, not a countdown,
        // and tried again as soon as it is back (`online`).
        report(globalThis.navigator?.onLine === false ? { kind: 'offline' } : { kind: 'reconnecting', retryInMs, since: Date.now() });
      },
    );
  };
  const withSession = (use: (opened: CometdSession) => void) => {
    wanted = use;
    if (!waiting) attempt();
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      globalThis.addEventListener?.('online', online);
      report({ kind: 'connecting' });
      withSession((opened) => opened.handshake());
    },
    restart() {
      withSession((opened) => {
        last = null;
        opened.resume();
      });
    },
    stop() {
      stopped = true;
      globalThis.removeEventListener?.('online', online);
      reloadable = false;
      wanted = null;
      generation += 1;
      clearTimeout(retry);
      waiting = false;
      return session ? session.then((opened) => opened.close(), () => undefined) : Promise.resolve();
    },
  };
}
