// The client's writes: POST /api/v2/me/chats/{id} with an operation, the CSRF token read
// first when there is none, and read again once when GWS refuses it (tokens live with the
// HTTP session); and GET /api/v2/me, which reads the token and tells whether the session
// is still there (the probe of an expired one). A chunk of its own (gwsClient.ts loads it):
// no write is made, and no session has expired, before the grid has painted.

import { toGwsError } from '../errors';
import type { Agent, ChatOperation, OperationAccepted } from '../types';
import { integer, object, optional, string, withDefault, type Schema } from '../../shared/schema';
import type { ClientCore } from './gwsClient';
import { summarize } from './errorBody';

// The client words a failed read's body with it too, from this chunk.
export { summarize };

const CSRF_REJECTION = /csrf/i;
// The write's wire format lives with the writes (wire.ts has the reads'): the first paint makes none.
const operationResponse = object({ referenceId: optional(integer) });
const meResponse = object({
  user: object({
    id: string,
    userName: withDefault(string, ''),
    firstName: optional(string),
    lastName: optional(string),
  }),
});

/** The agent GWS's session belongs to: refused once the session has expired. */
export async function getMe({ send, interpret }: ClientCore): Promise<Agent> {
  const { response, text } = await send('GET', '/me');
  return (await interpret(response, text, meResponse)).user;
}
/** For the integrator as much as the agent (also saveFailed's message): the setting to change. */
export const CSRF_UNREADABLE =
  'GWS asks for a CSRF token that its answers do not let the panel read (a GWS on another origin must list X-CSRF-HEADER and X-CSRF-TOKEN in its CORS exposedHeaders)';

export async function operate(core: ClientCore, chatId: string, operation: ChatOperation): Promise<OperationAccepted> {
  const result = await post(core, `/me/chats/${encodeURIComponent(chatId)}`, operationToJson(operation), operationResponse);
  return result.referenceId === undefined ? {} : { referenceId: result.referenceId };
}

async function refreshCsrf({ send, interpret, failure, forgetToken }: ClientCore): Promise<void> {
  forgetToken();
  // A failing GET here (expired session, server down) is the real reason the POST cannot go.
  // Not as its own kind, though: a 502 or a timeout of this GET is no answer to a write that
  // has not left, which would read "it may have been saved" (review). An expired session stays one.
  try {
    const { response, text } = await send('GET', '/me');
    await interpret(response, text, meResponse);
  } catch (error) {
    const detail = toGwsError(error);
    throw detail.kind === 'session-expired' ? error : failure({ kind: 'network', message: 'message' in detail ? detail.message : detail.kind });
  }
}

async function post<T>(core: ClientCore, path: string, body: unknown, schema: Schema<T>): Promise<T> {
  const { send, interpret, failure } = core;
  if (!core.hasToken()) await refreshCsrf(core);
  let attempt = await send('POST', path, body);
  // Not carried out: sent on to another page, most likely a sign-in page (as a GET's, gwsClient.ts).
  if (attempt.response.type === 'opaqueredirect' || (attempt.response.status >= 300 && attempt.response.status < 400)) {
    throw failure({ kind: 'session-expired', message: 'redirected instead of carried out' });
  }
  if (isCsrfRejection(attempt.response, attempt.text)) {
    // Tokens live with the HTTP session; after a session renewal the old one is refused once.
    await refreshCsrf(core);
    // GWS asks for a token its answers do not let the panel read: a GWS on another origin whose
    // CORS settings do not expose the token's headers. No session problem (it read "Session
    // expired" for good, probing and posting every 5 s: integrator's test), and sending again
    // cannot help: the write fails, saying what to change.
    if (!core.hasToken()) throw failure({ kind: 'http', status: 403, message: CSRF_UNREADABLE });
    attempt = await send('POST', path, body);
    if (isCsrfRejection(attempt.response, attempt.text)) {
      throw failure({ kind: 'csrf', message: summarize(attempt.text, 'Missing or invalid Csrf token') });
    }
  }
  return interpret(attempt.response, attempt.text, schema);
}

function isCsrfRejection(response: Response, text: string): boolean {
  return response.status === 403 && CSRF_REJECTION.test(text);
}

function operationToJson(operation: ChatOperation): Record<string, unknown> {
  switch (operation.operationName) {
    case 'UpdateUserData':
    case 'AttachUserData':
      // Object.fromEntries defines own properties: `__proto__` stays a key.
      return { operationName: operation.operationName, userData: Object.fromEntries(operation.userData) };
    default:
      return { ...operation };
  }
}
