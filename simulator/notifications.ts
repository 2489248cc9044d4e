// The Bayeux endpoint at /api/v2/notifications, built on cometd-nodejs-server.
//
// That server speaks long-polling only (no WebSocket, TOOLCHAIN G3), which matches what the
// GWS deployment guide says GWS supports. Clients must unregister the websocket transport.

import type { IncomingMessage, ServerResponse } from 'node:http';
import cometdPkg, { type ServerMessage, type ServerSession } from 'cometd-nodejs-server';
import type { JsonValue } from './json';

export type NotificationHub = {
  handle(req: IncomingMessage, res: ServerResponse): void;
  publish(channel: string, data: JsonValue): Promise<void>;
  /** While false, handshakes are denied (session expired: the agent must log in again). */
  setHandshakeAllowed(allowed: boolean): void;
  /**
   * Forgets every Bayeux session without telling the clients. Their next /meta/connect gets
   * 402::session_unknown with advice "handshake", as after a GWS node restart or timeout.
   */
  dropAllSessions(): void;
  sessionCount(): number;
  /**
   * A network outage of the notification endpoint for `ms`: held long polls are cut (the
   * client sees a network error) and new Bayeux requests answer 503 until it is over.
   * 0 ends an outage.
   */
  cutFor(ms: number): void;
  close(): void;
};

export type NotificationHubOptions = {
  /** Long-poll hold time in ms (CometD's default is 30 s). */
  readonly timeout?: number;
};

// Harmless stand-in for the server-initiated /meta/disconnect; see dropAllSessions below.
const DROPPED_CHANNEL = '/service/simulator/session-dropped';

export function createNotificationHub(options: NotificationHubOptions = {}): NotificationHub {
  // One agent may have the widget open in several tabs or iframes, which share the
  // BAYEUX_BROWSER cookie. CometD's default of one long poll per browser would answer the
  // extra ones with "multiple-clients" and a 2 s poll interval, so every tab is allowed one.
  const cometd = cometdPkg.createCometDServer({ timeout: options.timeout ?? 30_000, maxSessionsPerBrowser: -1 });
  const sessions = new Map<string, ServerSession>();
  const silentlyDropped = new Set<string>();
  let handshakeAllowed = true;

  cometd.addListener('sessionAdded', (session: ServerSession) => sessions.set(session.id, session));
  cometd.addListener('sessionRemoved', (session: ServerSession) => sessions.delete(session.id));

  cometd.policy = {
    canHandshake: (_session, _message, callback) => callback(undefined, handshakeAllowed),
  };

  // ServerSession.disconnect() removes the session and then pushes a /meta/disconnect to the
  // client, which makes the CometD client stop for good instead of re-handshaking. For a
  // silent drop we rewrite exactly that push into a message on an unsubscribed service
  // channel: it still wakes the held long poll, and the client's next /meta/connect then
  // meets an unknown session.
  cometd.addExtension({
    outgoing: (_server, _sender, session, message: ServerMessage, callback) => {
      if (message.channel === '/meta/disconnect' && silentlyDropped.delete(session.id)) {
        message.channel = DROPPED_CHANNEL;
        delete message.successful;
        message.data = { reason: 'session dropped by the simulator' };
      }
      callback(undefined, true);
    },
  });

  const inFlight = new Set<ServerResponse>();
  let downUntil = 0;

  return {
    handle: (req, res) => {
      const serve = () => {
        if (Date.now() < downUntil) {
          res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' });
          res.end('Notifications unavailable (simulated outage)');
          return;
        }
        inFlight.add(res);
        res.on('close', () => inFlight.delete(res));
        cometd.handle(req, res);
      };
      // Node gives a response its socket only once the previous response on that keep-alive
      // connection has finished; a request read in between has `res.socket === null` for a
      // moment. cometd-nodejs-server takes that for a dead connection and never answers (the
      // client's handshake hangs), so the request is served once the socket is there. Its body
      // stays buffered meanwhile; a client that gives up first leaves nothing behind.
      if (res.socket) serve();
      else res.once('socket', serve);
    },
    cutFor: (ms) => {
      downUntil = ms > 0 ? Date.now() + ms : 0;
      // 0 ends an outage early without cutting anyone.
      if (ms === 0) return;
      for (const res of inFlight) res.socket?.destroy();
      inFlight.clear();
    },
    publish: (channel, data) =>
      new Promise((resolve, reject) => {
        // Looked up at every publish: the sweeper removes channels without subscribers, and a
        // kept reference would point at a dead channel (TOOLCHAIN G4).
        cometd.createServerChannel(channel).publish(null, data, (error) => (error ? reject(error) : resolve()));
      }),
    setHandshakeAllowed: (allowed) => {
      handshakeAllowed = allowed;
    },
    dropAllSessions: () => {
      for (const session of sessions.values()) {
        silentlyDropped.add(session.id);
        session.disconnect();
        silentlyDropped.delete(session.id);
      }
    },
    sessionCount: () => sessions.size,
    close: () => {
      // A real /meta/disconnect lets clients stop cleanly and releases held long polls.
      for (const session of sessions.values()) session.disconnect();
      cometd.close();
    },
  };
}
