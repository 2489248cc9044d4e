// The only caller of `fetch` in the widget. It speaks GWS: the statusCode envelope,
// CSRF tokens, session expiry, and answers that are not JSON at all (a proxy's HTML
// error page, a truncated body). Writes (operate.ts) are a chunk of their own: none is made
// before the grid has painted, and the first paint has 100 kB.

import { clipText, codeNotLoaded, GwsRequestError, type GwsError } from '../errors';
import type { Agent, ChatList, ChatOperation, OperationAccepted } from '../types';
import { formatIssues, isRecord, ownField, type Schema } from '../../shared/schema';
import { chatsResponse, readEnvelope } from '../wire';

export type GwsClientOptions = {
  /** Origin of GWS, e.g. "https://gws.example.com"; "" means the widget's own origin. */
  readonly baseUrl: string;
  /** "include" for a GWS on another origin (needs its CORS allowCredentials), else "same-origin". */
  readonly credentials?: RequestCredentials;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
};

export type GwsClient = {
  readonly baseUrl: string;
  /** Where GWS's CometD (Bayeux) endpoint is, for createNotificationConnection. */
  readonly notificationsUrl: string;
  getMe(): Promise<Agent>;
  listChats(): Promise<ChatList>;
  operate(chatId: string, operation: ChatOperation): Promise<OperationAccepted>;
  /** GWS's CSRF header as last read (none yet: empty), for the notification connection's POSTs. */
  csrfHeaders(): Readonly<Record<string, string>>;
};

type CsrfToken = { readonly header: string; readonly token: string };

/** What the client's writes (operate.ts) use of it. */
export type ClientCore = {
  send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ response: Response; text: string }>;
  interpret<T>(response: Response, text: string, schema: Schema<T>): Promise<T>;
  failure(error: GwsError): GwsRequestError;
  hasToken(): boolean;
  forgetToken(): void;
};

const loadOperate = () => import('./operate');

/** Fetches the writes' code ahead of the first write (the writer does, once the grid has painted). */
export const preloadOperations = (): void => void loadOperate().catch(() => undefined);

export function createGwsClient(options: GwsClientOptions): GwsClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const credentials = options.credentials ?? 'same-origin';
  const timeoutMs = options.timeoutMs ?? 15_000;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let csrf: CsrfToken | null = null;

  const csrfHeaders = () => (csrf ? { [csrf.header]: csrf.token } : {});

  function rememberCsrf(response: Response) {
    const header = response.headers.get('X-CSRF-HEADER');
    const token = response.headers.get('X-CSRF-TOKEN');
    if (header && token) csrf = { header, token };
  }

  async function send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ response: Response; text: string }> {
    const headers: Record<string, string> = { Accept: 'application/json', ...(method === 'POST' && csrfHeaders()) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(`${baseUrl}/api/v2${path}`, {
        method,
        headers,
        credentials,
        // A POST sent on elsewhere would arrive as a GET (302, 303) and be taken for accepted (review).
        redirect: method === 'POST' ? 'manual' : 'follow',
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text();
      if (method === 'GET') rememberCsrf(response);
      return { response, text };
    } catch (error) {
      if (controller.signal.aborted) throw failure({ kind: 'timeout', afterMs: timeoutMs });
      throw failure({ kind: 'network', message: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Every failure leaves through here. Its texts come from the network and travel on (to the
   * grid, to the host page as saveFailed): a proxy that echoes request headers into its
   * error page, even under a 200, must not leak the CSRF token with them (security review),
   * and a server's message of a megabyte is cut to a readable length.
   */
  function failure(error: GwsError): GwsRequestError {
    const clean = (text: string) => clipText(csrf && csrf.token.length >= 8 ? text.split(csrf.token).join('[token]') : text);
    // Every text in it (message, statusMessage, an issue's path and message), never its kind.
    // (The same shape back: only strings change.)
    const cleaned: GwsError = JSON.parse(JSON.stringify(error), (key, value: unknown) => (typeof value === 'string' && key !== 'kind' ? clean(value) : value));
    return new GwsRequestError(cleaned);
  }

  async function interpret<T>(response: Response, text: string, schema: Schema<T>): Promise<T> {
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const envelope = body === undefined ? null : readEnvelope(body);
    // A GWS body wins over the HTTP status: it says what went wrong in GWS's words.
    if (envelope?.ok) {
      const value = envelope.value;
      if (!value.ok) {
        const refusal: GwsError =
          value.statusCode === 20
            ? { kind: 'session-expired', message: value.statusMessage || 'not authenticated' }
            : { kind: 'status-code', statusCode: value.statusCode, statusMessage: value.statusMessage };
        throw failure(refusal);
      }
      if (response.ok) {
        const parsed = schema(value.body, '');
        if (parsed.ok) return parsed.value;
        throw failure({ kind: 'invalid-payload', message: 'the reply does not match the GWS contract', issues: parsed.issues });
      }
    }
    if (response.status === 401) throw failure({ kind: 'session-expired', message: 'HTTP 401' });
    // Sent on to a page that is no GWS answer (an SSO proxy's sign-in page): the session is
    // gone, and the request never reached GWS (it read as "Not found" or "not JSON": bad-input
    // test). Named without its query: a sign-in page's parameters are nobody's business.
    if (response.redirected && response.ok) throw failure({ kind: 'session-expired', message: `redirected to ${response.url.split(/[?#]/)[0]}` });
    if (!response.ok) throw failure({ kind: 'http', status: response.status, message: await summarized(text, response.statusText) });
    const issues = envelope && !envelope.ok ? envelope.issues : [];
    throw failure({
      kind: 'invalid-payload',
      // The issues are said beside the message (i18n/gwsErrors.ts): not twice.
      message: body === undefined ? `not JSON: ${await summarized(text, 'empty body')}` : 'the reply is not a GWS answer',
      issues,
    });
  }

  async function get<T>(path: string, schema: Schema<T>): Promise<T> {
    const { response, text } = await send('GET', path);
    return interpret(response, text, schema);
  }

  const core: ClientCore = { send, interpret, failure, hasToken: () => csrf !== null, forgetToken: () => void (csrf = null) };
  // The writes' and the session check's code, or a failure: failing to load, or not loaded in
  // time (a stalled request left a write Saving… for good, and the session probe waiting for
  // good: exploratory test, review), nothing was sent.
  const withOperations = <T>(use: (module: typeof import('./operate')) => Promise<T>): Promise<T> =>
    Promise.race([loadOperate(), new Promise<never>((_, reject) => setTimeout(reject, timeoutMs))]).then(use, () =>
      Promise.reject(failure(codeNotLoaded)),
    );
  /**
   * A body that is not JSON, in a few words (errorBody.ts, with the writes' code); the fallback if
   * that code cannot be had in time (a stalled load left the failed read pending for good: review).
   */
  const summarized = (body: string, fallback: string) => withOperations(async (module) => module.summarize(body, fallback)).catch(() => fallback);

  return {
    baseUrl,
    notificationsUrl: `${baseUrl}/api/v2/notifications`,
    csrfHeaders,
    getMe: () => withOperations((module) => module.getMe(core)),
    async listChats() {
      // One chat GWS cannot describe (a value nested too deeply) must not keep the agent's other chats from loading.
      // `fields=*`: a GWS collection without it lists URIs only (contract.md §1.2).
      const { values, unreadable } = (await get('/me/chats?fields=*', chatsResponse)).chats;
      return {
        chats: values,
        unreadable: unreadable.map(({ input, issues }) => {
          const chatId = isRecord(input) ? ownField(input, 'id') : null;
          return { chatId: typeof chatId === 'string' ? chatId : null, reason: formatIssues(issues, 1) };
        }),
      };
    },
    operate: (chatId, operation) => withOperations((module) => module.operate(core, chatId, operation)),
  };
}
