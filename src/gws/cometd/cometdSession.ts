// The CometD session behind the notification connection (notificationConnection.ts loads
// this module, and the CometD client with it, after the first paint). It owns the CometD
// instance, adds its meta-channel listeners exactly once, and subscribes to `/v2/me/chats`
// inside every successful handshake: CometD drops subscriptions on re-handshake but keeps
// listeners, so subscribing anywhere else either loses the subscription or doubles it.

import { CometD, type Message } from 'cometd';
import { backoffAfter, MAX_BACKOFF_MS, type ConnectionStatus, type NotificationConnectionOptions } from './notificationConnection';
import { parseChatNotification } from './notificationWire';
import { toGwsError } from '../errors';

export const CHATS_CHANNEL = '/v2/me/chats';
/** A session that stayed up this long was no flap: its end starts the re-handshake pause again. */
const STEADY_MS = 10_000;
/** Past the longest a connect can take to be answered, this long without an answer means it never will be. */
const STALL_SLACK_MS = 2_000;
/** The server's hold of a long poll when it has not said (CometD's default). */
const DEFAULT_HOLD_MS = 30_000;
/** CometD's own, if the configuration says none. */
const DEFAULT_NETWORK_DELAY_MS = 10_000;

export type CometdSession = {
  /** Handshakes from the start, as the connection starts (again). */
  handshake(): void;
  /**
   * After the session came back: handshake again if CometD gave up (a refused handshake),
   * report live again if it never lost its connection, and otherwise let it keep trying.
   */
  resume(): void;
  close(): Promise<void>;
};

type SessionOptions = Omit<NotificationConnectionOptions, 'onStatus'> & { readonly report: (status: ConnectionStatus) => void };

export function openCometdSession({ client, onNotification, report }: SessionOptions): CometdSession {
  const url = client.notificationsUrl;
  // Live takes both: the connection up, and the chats' channel subscribed in this session (a
  // refused subscription read Live, with nothing ever arriving: review).
  let connected = false;
  let subscribed = false;
  let live = false;
  // Disconnected on purpose (the browser offline, the panel closing): nothing to retry.
  let byUs = false;
  let rehandshakes = 0;
  let rehandshake: ReturnType<typeof setTimeout> | undefined;
  let connectedAt = 0;
  const cometd = new CometD();
  // GWS serves long-polling only (WebSocket attempts fail or hang behind proxies), and
  // callback-polling would execute a script from the network: neither is allowed here.
  cometd.unregisterTransport('websocket');
  cometd.unregisterTransport('callback-polling');
  // GWS's CSRF token goes on the Bayeux POSTs too (contract §3: every POST), as the REST side
  // last read it: this object is the configuration's own (a shallow merge keeps it), read by the
  // transport at each send, and filled again before each handshake (withToken). Configured
  // once: in a browser each configure() starts a timer Worker of its own (review: two a minute
  // leaked while a session stayed refused).
  const requestHeaders: Record<string, string> = {};
  cometd.configure({ url, logLevel: 'warn', maxBackoff: MAX_BACKOFF_MS, requestHeaders });
  const reconnecting = (): ConnectionStatus => ({ kind: 'reconnecting', retryInMs: cometd.getBackoffPeriod(), since: Date.now() });
  // Before each handshake, the panel's and CometD's own retry of a refused one (a 403 before the
  // first read had the token). Without it a CSRF-protected GWS refused every handshake,
  // Reconnecting… for good (contract review).
  const withToken = () => {
    for (const name of Object.keys(requestHeaders)) delete requestHeaders[name];
    Object.assign(requestHeaders, client.csrfHeaders());
  };
  // An HTTP 403 on a Bayeux POST is GWS's CSRF filter: the token changed with the HTTP session
  // (expired, signed in again; rotated). It is read again (GET /me, which also tells an expired
  // session), and CometD's next try carries it: Reconnecting…, or Session expired, not
  // Reconnecting… for good with the old token (exploratory round).
  let rereading = false;
  const tokenRefused = (message: FailedMessage): boolean => {
    if (message.failure?.httpCode !== 403) return false;
    if (!rereading) {
      rereading = true;
      client.getMe().then(
        () => {
          rereading = false;
          withToken();
          if (!live) report(reconnecting());
        },
        (error: unknown) => {
          rereading = false;
          report(toGwsError(error).kind === 'session-expired' ? { kind: 'session-expired' } : reconnecting());
        },
      );
    }
    return true;
  };
  const handshake = () => {
    withToken();
    cometd.handshake();
  };
  // Advice not to reconnect (a server ending the session; a second long poll from one browser):
  // CometD stops once the listeners have run, and says nothing more. Seen then, as an end
  // (contract review: Reconnecting…, or Live, for good).
  const endsOnAdvice = (message: Message) => {
    if (message.advice?.reconnect === 'none') setTimeout(() => cometd.isDisconnected() && lost());
  };
  // The server ended the session (GWS shut down or restarted: a disconnect, or advice not to
  // reconnect). CometD does not try again by itself, and the browser, still online, sends no
  // event that would: the panel stayed Offline for good. It handshakes again, with a growing pause.
  const goLive = () => {
    if (!connected || !subscribed || live) return;
    live = true;
    connectedAt = Date.now();
    report({ kind: 'live' });
  };
  // A connect answered by no reply of its own (a gateway that drops it from the answer, or gives
  // it another's id) is one CometD waits on for good: no next connect, no failure, and the panel
  // read Live over a grid gone stale (exploratory test). Each reply starts this watch again, a failed
  // one too (CometD's own retry of it may meet the same: review); past the longest the next answer
  // can take (CometD's pause before it, the server's hold and pause, and the network's delay, which
  // CometD also waits before failing a connect itself), the session is ended, and made anew. A
  // handshake's answer ends the watch (a refused one is CometD's, or the session probe's, to retry).
  let stall: ReturnType<typeof setTimeout> | undefined;
  const watchConnects = () => {
    clearTimeout(stall);
    const { timeout = DEFAULT_HOLD_MS, interval = 0 } = cometd.getAdvice();
    const networkDelay = (cometd.getConfiguration().maxNetworkDelay ?? DEFAULT_NETWORK_DELAY_MS) + cometd.getBackoffPeriod();
    stall = setTimeout(() => {
      if (byUs || cometd.isDisconnected()) return;
      connected = false;
      live = false;
      report(reconnecting());
      // Its answer (or failure) is an end, as the server's: handshaken again (lost).
      cometd.disconnect();
    }, timeout + interval + networkDelay + STALL_SLACK_MS);
  };
  const lost = () => {
    clearTimeout(stall);
    connected = false;
    live = false;
    if (byUs) return report({ kind: 'offline' });
    // One end of a session is one loss (the server's disconnect, then the connect it answers).
    if (rehandshake !== undefined) return;
    // A session that was live a while starts the pause again; one the server ends at once, or
    // that never went live, does not (every "live" re-reads the chats).
    if (connectedAt !== 0 && Date.now() - connectedAt > STEADY_MS) rehandshakes = 0;
    connectedAt = 0;
    const retryInMs = backoffAfter(rehandshakes++);
    report({ kind: 'reconnecting', retryInMs, since: Date.now() });
    rehandshake = setTimeout(() => {
      rehandshake = undefined;
      if (byUs || !cometd.isDisconnected()) return;
      report({ kind: 'connecting' });
      handshake();
    }, retryInMs);
  };
  const deliver = (message: Message) => {
    const data: unknown = message.data;
    try {
      onNotification(parseChatNotification(data));
    } catch (error) {
      // A fault of the panel's own in taking it in (the store, one of its subscribers): CometD
      // would only log it, the change lost under Live (review). Counted as a notification not
      // read, which reads the chats again.
      onNotification({ kind: 'rejected-notification', reason: `the panel failed to take it in: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  cometd.addListener('/meta/handshake', (message) => {
    clearTimeout(stall);
    subscribed = false;
    live = false;
    if (!message.successful) {
      connected = false;
      withToken();
      if (tokenRefused(message)) return;
      // Denied for authentication: Session expired, and the probe handshakes again once the
      // session is back; not a loop of our own meanwhile (review).
      if (!isAuthFailure(message)) endsOnAdvice(message);
      // GWS refuses the handshake of an expired HTTP session; retrying will not help
      // until the agent logs in again.
      report(isAuthFailure(message) ? { kind: 'session-expired' } : reconnecting());
      return;
    }
    endsOnAdvice(message);
    // Its first connect goes now: watched as every other.
    watchConnects();
    cometd.batch(() => {
      cometd.subscribe(CHATS_CHANNEL, deliver, (reply) => {
        if (reply.successful) {
          subscribed = true;
          return goLive();
        }
        // Refused (a server's policy, `403::subscribe_denied`): a session that gets no
        // notifications is no connection. Ended, and handshaken again after a growing pause
        // (lost() says so). Not an expired session: the REST side is fine, and its probe would
        // handshake again at once, every 5 s (review). A 401 is one.
        connected = false;
        if (isUnauthenticated(reply)) report({ kind: 'session-expired' });
        if (!cometd.isDisconnected()) cometd.disconnect();
      });
    });
  });

  cometd.addListener('/meta/connect', (message) => {
    if (cometd.isDisconnected()) return lost();
    endsOnAdvice(message);
    connected = message.successful === true;
    watchConnects();
    if (connected) return goLive();
    live = false;
    if (tokenRefused(message)) return;
    // A `402::unknown client` lands here too; CometD re-handshakes by itself. An HTTP 401 is the
    // session gone (the agent idle when it expired: no write had met it; Reconnecting… for good).
    report(isAuthFailure(message) ? { kind: 'session-expired' } : reconnecting());
  });

  cometd.addListener('/meta/disconnect', lost);

  // The browser knows the network is gone before CometD does: a long poll in flight can
  // take until its timeout to fail, and one the network did not cut may still answer. So
  // the connection is dropped here (writes made meanwhile wait in the queue, to be checked
  // against a fresh read) and made anew as soon as the browser is online again: going live
  // re-reads before they go.
  const wentOffline = () => {
    byUs = true;
    clearTimeout(stall);
    connected = false;
    live = false;
    report({ kind: 'offline' });
    if (!cometd.isDisconnected()) cometd.disconnect();
  };
  const cameOnline = () => {
    if (!cometd.isDisconnected()) return;
    byUs = false;
    report({ kind: 'connecting' });
    handshake();
  };
  // Not in Node, where the integration tests run this client (CometD's Node adapter
  // defines a `window` of its own, without events).
  const page = typeof globalThis.addEventListener === 'function' ? globalThis : null;
  page?.addEventListener('offline', wentOffline);
  page?.addEventListener('online', cameOnline);

  return {
    handshake() {
      // Offline already (the network went while the page loaded): said so, and handshaken on
      // the browser's `online` (it read "Reconnecting…" with its countdown instead).
      if (page && globalThis.navigator?.onLine === false) return wentOffline();
      byUs = false;
      handshake();
    },
    resume() {
      if (cometd.isDisconnected()) {
        byUs = false;
        report({ kind: 'connecting' });
        handshake();
      } else if (live) {
        // Only the REST side had lost the session; the connection itself stayed up.
        report({ kind: 'live' });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        byUs = true;
        clearTimeout(rehandshake);
        clearTimeout(stall);
        rehandshake = undefined;
        page?.removeEventListener('offline', wentOffline);
        page?.removeEventListener('online', cameOnline);
        if (cometd.isDisconnected()) resolve();
        else cometd.disconnect(() => resolve());
      }),
  };
}

/** CometD's typings leave out what it adds to a message that failed in transport. */
type FailedMessage = Message & { readonly failure?: { readonly httpCode?: number } };

/** No session: by Bayeux (`401::`), or by the HTTP layer (a GWS behind Spring Security answers 401). */
const isUnauthenticated = (message: FailedMessage): boolean => message.error?.startsWith('401::') === true || message.failure?.httpCode === 401;

/** Refused for authentication: no session, or Bayeux's `403::` to a handshake or connect. */
const isAuthFailure = (message: FailedMessage): boolean => isUnauthenticated(message) || message.error?.startsWith('403::') === true;
