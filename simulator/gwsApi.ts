// The GWS REST surface under /api/v2 (everything except the Bayeux endpoint).
//
// HTTP status policy (inferred; the GWS docs show bodies, not statuses): a GWS error is
// HTTP 200 with {"statusCode":c,"statusMessage":m}, except statusCode 20 (not authenticated),
// which is HTTP 401. That holds for GETs of an unknown chat too (200 + statusCode 6), so a
// client has one rule: read statusCode. Only routes that do not exist answer HTTP 404, and
// only a body that is not JSON answers HTTP 400.

import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { AGENT_USER } from './seed';
import { bodyForLog, pathSegments, readBody, sendJson, sendText } from './httpUtil';
import { isJsonObject, ownField, parseJson, type JsonObject, type JsonValue } from './json';
import { STATUS_TEXT, failure, performOperation, type OperationError } from './operations';
import type { SimulatorState } from './simulatorState';

const CSRF_HEADER_NAME = 'X-CSRF-TOKEN';
const MODIFYING_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

function sendStatus(res: ServerResponse, error: OperationError): void {
  sendJson(res, error.statusCode === 20 ? 401 : 200, { statusCode: error.statusCode, statusMessage: error.statusMessage });
}

/** What a proxy or load balancer in front of GWS answers when GWS is down or overloaded. */
function sendProxyFailure(res: ServerResponse, httpStatus: number): void {
  const title = `${httpStatus} ${STATUS_CODES[httpStatus] ?? 'Error'}`;
  if (httpStatus >= 500) {
    sendText(res, httpStatus, `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`, 'text/html; charset=utf-8');
    return;
  }
  const statusCode = httpStatus === 401 ? 20 : httpStatus === 403 ? 5 : httpStatus === 404 ? 6 : 4;
  sendJson(res, httpStatus, { statusCode, statusMessage: `${STATUS_TEXT[statusCode] ?? 'Error'} (simulated HTTP ${title})` });
}

function userResource(sim: SimulatorState, withChats: boolean): JsonObject {
  const base = `${sim.store.baseUrl}/api/v2`;
  const user: JsonObject = {
    id: AGENT_USER.id,
    userName: AGENT_USER.userName,
    firstName: AGENT_USER.firstName,
    lastName: AGENT_USER.lastName,
    roles: ['ROLE_AGENT'],
    enabled: true,
    changePasswordOnFirstLogin: false,
    uri: `${base}/users/${AGENT_USER.id}`,
    path: `/users/${AGENT_USER.id}`,
  };
  return withChats ? { ...user, chats: sim.store.all().map((chat) => sim.store.resource(chat)) } : user;
}

function wantsChats(url: URL): boolean {
  const subresources = url.searchParams.get('subresources');
  if (subresources === null) return false;
  return subresources.split(',').some((name) => name.trim() === '*' || name.trim() === 'chats');
}

export async function handleGwsApi(sim: SimulatorState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const text = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
  const tokenHeader = req.headers['x-csrf-token'];
  const csrfToken = Array.isArray(tokenHeader) ? tokenHeader.join(',') : tokenHeader;
  sim.logRequest({
    method,
    path: `${url.pathname}${url.search}`,
    body: bodyForLog(text),
    ...(csrfToken === undefined ? {} : { csrfToken }),
    at: new Date().toISOString(),
  });

  // Latency first: it stands for the network and the server, whatever the outcome.
  const latency = sim.faults.settings.latencyMs;
  if (latency > 0) await sim.delay(latency);

  const httpFailure = sim.faults.takeHttpFailure();
  // `applied`: the proxy forwards an operation and fails afterwards; GWS's answer is lost.
  if (httpFailure !== null && !(httpFailure.applied && method === 'POST')) return sendProxyFailure(res, httpFailure.httpStatus);
  const replyLost = httpFailure === null ? null : httpFailure.httpStatus;

  // No session, no token: these 401s carry no CSRF headers.
  if (sim.sessionExpired) return sendStatus(res, failure(20, 'Access denied: session expired'));

  if (method === 'GET') {
    res.setHeader('X-CSRF-HEADER', CSRF_HEADER_NAME);
    res.setHeader('X-CSRF-TOKEN', sim.csrfToken);
  } else if (MODIFYING_METHODS.has(method) && csrfToken !== sim.csrfToken) {
    return sendText(res, 403, 'Missing or invalid Csrf token');
  }

  const segments = pathSegments(url.pathname);
  const route = segments === null ? null : segments.slice(2); // drop "api", "v2"
  const [first, second, chatId, extra] = route ?? [];

  if (method === 'GET' && first === 'me' && second === undefined) {
    return sendJson(res, 200, { statusCode: 0, user: userResource(sim, wantsChats(url)) });
  }
  if (method === 'GET' && first === 'me' && second === 'chats' && chatId === undefined) {
    return sendJson(res, 200, { statusCode: 0, chats: sim.store.all().map((chat) => sim.store.resource(chat)) });
  }
  if (method === 'GET' && first === 'me' && second === 'chats' && chatId !== undefined && extra === undefined) {
    const chat = sim.store.get(chatId);
    if (!chat) return sendStatus(res, failure(6, `Resource not found: chat ${chatId}`));
    return sendJson(res, 200, { statusCode: 0, chat: sim.store.resource(chat) });
  }
  if (method === 'POST' && first === 'me' && second === 'chats' && chatId !== undefined && extra === undefined) {
    return operate(sim, res, chatId, text, replyLost);
  }
  if (replyLost !== null) return sendProxyFailure(res, replyLost);
  return sendJson(res, 404, { statusCode: 6, statusMessage: `Resource not found: ${method} ${url.pathname}` });
}

/** How long after publishing an applied operation its lost reply comes: the notification first, as GWS publishes before it answers. */
const LOST_REPLY_AFTER_MS = 300;

async function operate(sim: SimulatorState, res: ServerResponse, chatId: string, text: string, replyLost: number | null): Promise<void> {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return sendJson(res, 400, { statusCode: 1, statusMessage: `Request body is not valid JSON: ${parsed.error}` });
  }
  const injected = sim.faults.takeOperationFailure();
  if (injected !== null) {
    return sendStatus(res, failure(injected, `${STATUS_TEXT[injected] ?? 'Error'} (simulated fault)`));
  }
  const body: JsonValue = parsed.value;
  // Taken by a valid operation only: one GWS refuses at once is no acceptance.
  const refusedLater = () => (sim.faults.takeRefusal() ? `${String(isJsonObject(body) && ownField(body, 'operationName'))} rejected by the contact center (simulated fault)` : undefined);
  const outcome = performOperation(sim.store, chatId, body, () => sim.nextReferenceId(), refusedLater);
  if (!outcome.ok) return sendStatus(res, outcome);
  if (replyLost !== null) {
    sim.publishChatNotifications(outcome.notifications);
    await sim.delay(LOST_REPLY_AFTER_MS);
    return sendProxyFailure(res, replyLost);
  }
  sendJson(res, 200, sim.faults.settings.bareReplies ? { statusCode: 0 } : { statusCode: 0, referenceId: outcome.referenceId });
  sim.publishChatNotifications(outcome.notifications);
}
