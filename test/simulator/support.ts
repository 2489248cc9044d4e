// Helpers for the simulator tests: plain fetch for REST, and the real CometD client (the
// same library the widget uses) for notifications.

import { adapt } from 'cometd-nodejs-client';
import { CometD, type Message } from 'cometd';

adapt();

export const SEED_CHAT = '0000Wa9CAM6W00J';
export const INVITED_CHAT = '0000Wa9CAM6W00Q';
export const OTHER_CHATTING_CHAT = '0000Wa9CAM6W00A';
export const LEFT_CHAT = '0000Wa9CAM6W00L';

/** Reads a nested own property of parsed JSON; undefined when any step is missing. */
export function at(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, key)) return undefined;
      current = Reflect.get(current, key);
    }
  }
  return current;
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
}

export async function csrfToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v2/me`);
  await response.text();
  const token = response.headers.get('X-CSRF-TOKEN');
  if (!token) throw new Error('GET /api/v2/me returned no X-CSRF-TOKEN');
  return token;
}

/** POSTs a raw body string, so tests control keys such as __proto__ exactly. */
export async function postOperation(
  baseUrl: string,
  chatId: string,
  body: string | Readonly<Record<string, unknown>>,
  token: string | null,
): Promise<{ status: number; body: unknown; text: string; headers: Headers }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers['X-CSRF-TOKEN'] = token;
  const response = await fetch(`${baseUrl}/api/v2/me/chats/${encodeURIComponent(chatId)}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

export async function control(baseUrl: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/sim/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: JSON.parse(await response.text()) };
}

export async function getChat(baseUrl: string, chatId: string): Promise<unknown> {
  const { body } = await getJson(`${baseUrl}/api/v2/me/chats/${encodeURIComponent(chatId)}`);
  return at(body, 'chat');
}

export async function waitUntil(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type BayeuxClient = {
  /** `data` of every message received on /v2/me/chats, oldest first. */
  readonly notifications: unknown[];
  readonly handshakes: { successful: number; failed: Message[] };
  /** Unsuccessful /meta/connect replies, e.g. 402::session_unknown after a dropped session. */
  readonly failedConnects: Message[];
  waitFor(predicate: (data: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  disconnect(): Promise<void>;
  readonly cometd: CometD;
};

/** Connects as the widget does: long-polling only, subscribing after each successful handshake. */
export async function connectBayeux(baseUrl: string, channel = '/v2/me/chats'): Promise<BayeuxClient> {
  const cometd = new CometD();
  cometd.unregisterTransport('websocket');
  cometd.configure({ url: `${baseUrl}/api/v2/notifications`, logLevel: 'warn' });
  const notifications: unknown[] = [];
  const handshakes: BayeuxClient['handshakes'] = { successful: 0, failed: [] };
  const failedConnects: Message[] = [];
  let subscribed = 0;
  cometd.addListener('/meta/connect', (message) => {
    if (!message.successful) failedConnects.push(message);
  });
  cometd.addListener('/meta/handshake', (message) => {
    if (!message.successful) {
      handshakes.failed.push(message);
      return;
    }
    handshakes.successful += 1;
    cometd.subscribe(
      channel,
      (received) => notifications.push(received.data),
      (reply) => {
        if (reply.successful) subscribed += 1;
      },
    );
  });
  cometd.handshake();
  await waitUntil(() => subscribed > 0, 5000, 'the Bayeux subscription');
  return {
    notifications,
    handshakes,
    failedConnects,
    cometd,
    async waitFor(predicate, timeoutMs = 5000) {
      let found: unknown;
      await waitUntil(
        () => {
          found = notifications.find(predicate);
          return found !== undefined;
        },
        timeoutMs,
        'a matching notification',
      );
      return found;
    },
    disconnect: () =>
      new Promise<void>((resolve) => {
        if (cometd.isDisconnected()) return resolve();
        cometd.disconnect(() => resolve());
        // A dropped or closed server never answers the disconnect.
        setTimeout(resolve, 500);
      }),
  };
}

/** Matches a ChatStateChangeMessage of one chat and type, and optionally one referenceId. */
export function chatChange(chatId: string, notificationType: string, referenceId?: number) {
  return (data: unknown) =>
    at(data, 'messageType') === 'ChatStateChangeMessage' &&
    at(data, 'notificationType') === notificationType &&
    at(data, 'chat', 'id') === chatId &&
    (referenceId === undefined || at(data, 'referenceId') === referenceId);
}
