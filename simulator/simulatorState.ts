// Everything one running simulator remembers: chats, faults, the request log, the agent's
// HTTP session (CSRF token, expiry) and the referenceId counter.

import { randomUUID } from 'node:crypto';
import { ChatStore } from './chatModel';
import type { Notification } from './chatNotifications';
import { Faults } from './faults';
import type { JsonValue } from './json';
import type { NotificationHub } from './notifications';
import { seedChats } from './seed';

export type RequestLogEntry = {
  readonly method: string;
  readonly path: string;
  readonly body: JsonValue;
  readonly csrfToken?: string;
  readonly at: string;
};

// A dev simulator may run for days; the log is for tests, which look at recent requests.
const MAX_LOGGED_REQUESTS = 1000;

export class SimulatorState {
  readonly store: ChatStore;
  readonly faults = new Faults();
  #requests: RequestLogEntry[] = [];
  // One token per simulator, because the simulator models one logged-in agent session. GWS
  // binds the token to the HTTP session (JSESSIONID), but Node's fetch keeps no cookies, so
  // binding it to a cookie here would lock out every Node client, tests included.
  #csrfToken = randomUUID();
  #sessionExpired = false;
  // Never reset, not even by /sim/reset: an old referenceId still in a client's hands can
  // then never be mistaken for the answer to a newer request.
  #lastReferenceId = 0;
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(
    baseUrl: string,
    readonly hub: NotificationHub,
  ) {
    this.store = new ChatStore(baseUrl);
    this.store.replaceAll(seedChats());
  }

  get csrfToken(): string {
    return this.#csrfToken;
  }

  get sessionExpired(): boolean {
    return this.#sessionExpired;
  }

  get requests(): readonly RequestLogEntry[] {
    return this.#requests;
  }

  nextReferenceId(): number {
    this.#lastReferenceId += 1;
    return this.#lastReferenceId;
  }

  logRequest(entry: RequestLogEntry): void {
    this.#requests.push(entry);
    if (this.#requests.length > MAX_LOGGED_REQUESTS) this.#requests.splice(0, this.#requests.length - MAX_LOGGED_REQUESTS);
  }

  rotateCsrfToken(): void {
    this.#csrfToken = randomUUID();
  }

  setSessionExpired(expired: boolean): void {
    if (expired && !this.#sessionExpired) {
      // The HTTP session is gone, and the CSRF token lived in it: a new login brings a new one.
      this.rotateCsrfToken();
      this.hub.dropAllSessions();
    }
    this.#sessionExpired = expired;
    this.hub.setHandshakeAllowed(!expired);
  }

  /** Back to the seed chats with no faults and an empty log; the CSRF token is kept. */
  reset(): void {
    this.store.replaceAll(seedChats());
    this.faults.reset();
    this.#requests = [];
    this.setSessionExpired(false);
    this.hub.cutFor(0);
  }

  /**
   * Publishes chat notifications after the current HTTP reply has gone out: GWS answers the
   * request first and reports the outcome asynchronously.
   */
  publishChatNotifications(notifications: readonly Notification[]): void {
    if (notifications.length === 0 || this.faults.settings.dropNotifications) return;
    setImmediate(() => {
      for (const notification of notifications) {
        this.hub.publish(notification.channel, notification.data).catch((error: unknown) => {
          console.error('[simulator] publish failed:', error);
        });
      }
    });
  }

  /** A cancellable sleep, so close() does not leave delayed responses holding the process. */
  delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.add(timer);
    });
  }

  cancelTimers(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
