// The control API under /sim/: lets tests and demos play the other parties (customer,
// routing, another agent) and inject faults. It is not part of GWS; GWS rules such as CSRF
// and faults do not apply here.

import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  isChatState, isParticipantType, mergeUserData, newChatId, newParticipantId, formatGwsDate,
  type Chat, type Participant,
} from './chatModel';
import { chatStateChange } from './chatNotifications';
import { faultSettingsJson, parseFaultRequest } from './faults';
import { pathSegments, readBody, sendJson } from './httpUtil';
import { describeJson, isJsonObject, ownField, parseJson, type JsonObject, type JsonValue } from './json';
import type { SimulatorState } from './simulatorState';

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const bad = (message: string) => new ControlError(400, message);

function objectBody(body: JsonValue): JsonObject {
  if (!isJsonObject(body)) throw bad(`expected a JSON object, got ${describeJson(body)}`);
  return body;
}

function field<T extends JsonValue>(body: JsonObject, name: string, guard: (v: JsonValue) => v is T, expected: string): T | undefined {
  const value = ownField(body, name);
  if (value === undefined) return undefined;
  if (!guard(value)) throw bad(`${name} must be ${expected}, got ${describeJson(value)}`);
  return value;
}

const isString = (v: JsonValue): v is string => typeof v === 'string';
const isNonEmptyString = (v: JsonValue): v is string => typeof v === 'string' && v.trim() !== '';
const isBoolean = (v: JsonValue): v is boolean => typeof v === 'boolean';
const isObject = (v: JsonValue): v is JsonObject => isJsonObject(v);
const isArray = (v: JsonValue): v is readonly JsonValue[] => Array.isArray(v);

function requireChat(sim: SimulatorState, chatId: string): Chat {
  const chat = sim.store.get(chatId);
  if (!chat) throw new ControlError(404, `no chat with id ${chatId}`);
  return chat;
}

function parseParticipant(value: JsonValue, where: string): Participant {
  if (!isJsonObject(value)) throw bad(`${where} must be an object with nickname and type, got ${describeJson(value)}`);
  const nickname = field(value, 'nickname', isNonEmptyString, 'a non-empty string');
  const type = field(value, 'type', isParticipantType, 'Customer, Agent or External');
  if (nickname === undefined || type === undefined) throw bad(`${where} needs nickname and type`);
  const participantId = field(value, 'participantId', isNonEmptyString, 'a non-empty string') ?? newParticipantId();
  return { participantId, nickname, type };
}

function createChat(sim: SimulatorState, body: JsonObject): JsonObject {
  const id = field(body, 'id', isNonEmptyString, 'a non-empty string') ?? newChatId();
  if (sim.store.has(id)) throw new ControlError(409, `a chat with id ${id} already exists`);
  const state = field(body, 'state', isChatState, 'one of Invited, Chatting, LeftChat, Completed, Revoked') ?? 'Invited';
  const participants = (field(body, 'participants', isArray, 'an array') ?? []).map((p, i) => parseParticipant(p, `participants[${i}]`));
  const chat = sim.store.add({
    id,
    state,
    participants,
    userData: field(body, 'userData', isObject, 'a JSON object') ?? {},
    chatType: field(body, 'chatType', isNonEmptyString, 'a non-empty string') ?? 'Inbound',
    receivedDate: field(body, 'receivedDate', isNonEmptyString, 'a non-empty string') ?? formatGwsDate(new Date()),
    // The simulated agent speaks as the first Agent listed, if any.
    agentParticipantId: participants.find((participant) => participant.type === 'Agent')?.participantId ?? null,
  });
  const resource = sim.store.resource(chat);
  sim.publishChatNotifications([chatStateChange('StatusChange', resource)]);
  return { ok: true, chat: resource };
}

function changeParticipants(sim: SimulatorState, chat: Chat, body: JsonObject): JsonObject {
  const action = ownField(body, 'action');
  if (action === 'join') {
    const participant = parseParticipant(ownField(body, 'participant') ?? null, 'participant');
    if (chat.participants.some((p) => p.participantId === participant.participantId)) {
      throw new ControlError(409, `participant ${participant.participantId} is already in chat ${chat.id}`);
    }
    chat.participants.push(participant);
  } else if (action === 'leave') {
    const participantId = field(body, 'participantId', isNonEmptyString, 'a non-empty string');
    if (participantId === undefined) throw bad('leave needs participantId');
    const index = chat.participants.findIndex((p) => p.participantId === participantId);
    if (index < 0) throw new ControlError(404, `no participant ${participantId} in chat ${chat.id}`);
    chat.participants.splice(index, 1);
  } else {
    throw bad(`action must be "join" or "leave", got ${describeJson(action)}`);
  }
  const resource = sim.store.resource(chat);
  sim.publishChatNotifications([chatStateChange('ParticipantsUpdated', resource)]);
  return { ok: true, chat: resource };
}

const isKeyList = (value: JsonValue): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

async function route(sim: SimulatorState, method: string, path: readonly string[], body: JsonValue): Promise<JsonObject> {
  const [first, chatId, sub, extra] = path;
  if (first === 'chats' && chatId === undefined) {
    if (method === 'GET') return { ok: true, chats: sim.store.all().map((chat) => sim.store.resource(chat)) };
    if (method === 'POST') return createChat(sim, objectBody(body));
  }
  // The chat leaves the agent's list with no notification, as one lost while the connection was
  // down would: the widget learns it from its next read (and a write to it is refused, statusCode 6).
  if (first === 'chats' && chatId !== undefined && sub === undefined && method === 'DELETE') {
    if (!sim.store.remove(chatId)) throw new ControlError(404, `no chat with id ${chatId}`);
    return { ok: true };
  }
  if (first === 'chats' && chatId !== undefined && sub !== undefined && extra === undefined && method === 'POST') {
    const chat = requireChat(sim, chatId);
    const input = objectBody(body);
    if (sub === 'userData') {
      const userData = field(input, 'userData', isObject, 'a JSON object');
      const removed = field(input, 'delete', isKeyList, 'an array of keys');
      if (userData === undefined && removed === undefined) throw bad('userData or delete is required');
      // Another party's change: same merge as UpdateUserData (and delete as DeleteUserData), but no referenceId.
      mergeUserData(chat, userData ?? {});
      for (const key of removed ?? []) chat.userData.delete(key);
      const resource = sim.store.resource(chat);
      sim.publishChatNotifications([chatStateChange('PropertiesUpdated', resource)]);
      return { ok: true, chat: resource };
    }
    if (sub === 'participants') return changeParticipants(sim, chat, input);
    if (sub === 'state') {
      const state = field(input, 'state', isChatState, 'one of Invited, Chatting, LeftChat, Completed, Revoked');
      if (state === undefined) throw bad('state is required');
      chat.state = state;
      const resource = sim.store.resource(chat);
      sim.publishChatNotifications([chatStateChange('StatusChange', resource)]);
      return { ok: true, chat: resource };
    }
  }
  if (first === 'publish' && chatId === undefined && method === 'POST') {
    const input = objectBody(body);
    const channel = field(input, 'channel', isString, 'a string') ?? '';
    if (!/^\/[^*]*[^/*]$/.test(channel) || channel.startsWith('/meta/') || channel.startsWith('/service/')) {
      throw bad(`channel must be a broadcast channel such as /v2/me/chats, got ${JSON.stringify(channel)}`);
    }
    const data = ownField(input, 'data');
    if (data === undefined) throw bad('data is required (any JSON value)');
    await sim.hub.publish(channel, data);
    return { ok: true };
  }
  if (first === 'faults' && chatId === undefined) {
    if (method === 'POST') {
      const parsed = parseFaultRequest(body);
      if (!parsed.ok) throw bad(parsed.error);
      sim.faults.apply(parsed.value);
      if (parsed.value.rotateCsrfToken) sim.rotateCsrfToken();
      if (parsed.value.disconnectNotifications) sim.hub.dropAllSessions();
      if (parsed.value.notificationsDownMs !== undefined) sim.hub.cutFor(parsed.value.notificationsDownMs);
    }
    if (method === 'GET' || method === 'POST') return { ok: true, faults: faultSettingsJson(sim.faults.settings) };
  }
  if (first === 'session' && chatId === undefined) {
    if (method === 'POST') {
      const expired = field(objectBody(body), 'expired', isBoolean, 'true or false');
      if (expired === undefined) throw bad('expired is required');
      sim.setSessionExpired(expired);
    }
    if (method === 'GET' || method === 'POST') return { ok: true, expired: sim.sessionExpired };
  }
  if (first === 'reset' && chatId === undefined && method === 'POST') {
    sim.reset();
    return { ok: true };
  }
  if (first === 'requests' && chatId === undefined && method === 'GET') {
    return { requests: sim.requests };
  }
  throw new ControlError(404, `no control route ${method} /sim/${path.join('/')}`);
}

export async function handleControlApi(sim: SimulatorState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const segments = pathSegments(url.pathname);
  try {
    if (segments === null) throw bad('malformed percent-encoding in the path');
    const text = method === 'GET' ? '' : await readBody(req);
    // An empty body counts as {}: POST /sim/reset and friends need no body at all.
    const parsed = text.trim() === '' ? { ok: true as const, value: {} } : parseJson(text);
    if (!parsed.ok) throw bad(`body is not valid JSON: ${parsed.error}`);
    sendJson(res, 200, await route(sim, method, segments.slice(1), parsed.value));
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    sendJson(res, error.status, { ok: false, error: error.message });
  }
}
