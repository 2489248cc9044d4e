// The GWS wire format: response envelopes, the chat resource and chat notifications.
// Parsing is strict where a wrong value would be shown as right (ids, userData,
// referenceId) and lenient where the panel can do without (receivedDate, chatType).

import type { Chat, ChatNotification, ChatStateChangeType, JsonValue, NotificationRejection, Participant, UserData } from './types';
import {
  array,
  describe,
  formatIssues,
  integer,
  isRecord,
  map,
  object,
  optional,
  ownField,
  string,
  withDefault,
  type ParseResult,
  type Schema,
} from './schema';

/** Nested KV lists can be deep; a bound keeps a hostile payload from exhausting the stack. */
const MAX_JSON_DEPTH = 32;

const jsonAt =
  (depth: number): Schema<JsonValue> =>
  (input, path) => {
    if (depth > MAX_JSON_DEPTH) return { ok: false, issues: [{ path, message: 'nested too deeply' }] };
    if (input === null || typeof input === 'string' || typeof input === 'boolean') return { ok: true, value: input };
    if (typeof input === 'number') {
      return Number.isFinite(input)
        ? { ok: true, value: input }
        : { ok: false, issues: [{ path, message: 'not a finite number' }] };
    }
    if (Array.isArray(input)) return array(jsonAt(depth + 1))(input, path);
    if (isRecord(input)) {
      // Rebuilt with defineProperty-like semantics (fromEntries), so `__proto__` stays data.
      const entries = map(jsonAt(depth + 1))(input, path);
      return entries.ok ? { ok: true, value: Object.fromEntries(entries.value) } : entries;
    }
    return { ok: false, issues: [{ path, message: `not JSON: ${describe(input)}` }] };
  };

export const jsonValue: Schema<JsonValue> = jsonAt(0);

export const userDataSchema: Schema<UserData> = map(jsonValue);

const participantSchema: Schema<Participant> = object({
  participantId: string,
  nickname: withDefault(string, ''),
  type: withDefault(string, 'Unknown'),
  visibility: optional(string),
});

export const chatSchema: Schema<Chat> = object({
  id: string,
  state: string,
  // Completed chats may omit capabilities: no capability then means "nothing allowed".
  capabilities: withDefault(array(string), []),
  participants: withDefault(array(participantSchema), []),
  // An Invited chat may come without userData; an empty map is the honest reading.
  userData: (input, path) => (input === undefined || input === null ? { ok: true, value: new Map() } : userDataSchema(input, path)),
  chatType: optional(string),
  receivedDate: optional(string),
});

/** Every GWS reply carries statusCode; non-zero means nothing was changed. */
export type Envelope =
  | { readonly ok: true; readonly body: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly statusCode: number; readonly statusMessage: string };

export function readEnvelope(body: unknown): ParseResult<Envelope> {
  if (!isRecord(body)) return { ok: false, issues: [{ path: '(root)', message: `expected an object, got ${describe(body)}` }] };
  const statusCode = integer(ownField(body, 'statusCode'), 'statusCode');
  if (!statusCode.ok) return statusCode;
  if (statusCode.value === 0) return { ok: true, value: { ok: true, body } };
  const message = ownField(body, 'statusMessage');
  return {
    ok: true,
    value: { ok: false, statusCode: statusCode.value, statusMessage: typeof message === 'string' ? message : '' },
  };
}

export const chatsResponse = object({ chats: array(chatSchema) });
export const chatResponse = object({ chat: chatSchema });
export const operationResponse = object({ referenceId: optional(integer) });
export const meResponse = object({
  user: object({
    id: string,
    userName: withDefault(string, ''),
    firstName: optional(string),
    lastName: optional(string),
  }),
});

const STATE_CHANGE_TYPES: readonly ChatStateChangeType[] = ['StatusChange', 'ParticipantsUpdated', 'PropertiesUpdated'];
const isStateChangeType = (value: unknown): value is ChatStateChangeType =>
  STATE_CHANGE_TYPES.some((type) => type === value);

/**
 * Turns the `data` of a `/v2/me/chats` message into a notification or a rejection.
 * Never throws: a malformed message must be counted, not crash the connection.
 */
export function parseChatNotification(data: unknown): ChatNotification | NotificationRejection {
  const reject = (reason: string): NotificationRejection => ({ kind: 'rejected-notification', reason });
  if (typeof data === 'string') return reject('notification is text, not a JSON object');
  if (!isRecord(data)) return reject(`notification is ${describe(data)}, not an object`);

  const messageType = ownField(data, 'messageType');
  if (typeof messageType !== 'string') return reject('notification has no messageType');
  if (messageType !== 'ChatStateChangeMessage') return { kind: 'ignored', messageType };

  const notificationType = ownField(data, 'notificationType');
  const referenceIdRaw = ownField(data, 'referenceId');
  const referenceId = integer(referenceIdRaw, 'referenceId');
  if (referenceIdRaw !== undefined && referenceIdRaw !== null && !referenceId.ok) {
    return reject(`referenceId is ${describe(referenceIdRaw)}, not an integer`);
  }
  const reference = referenceId.ok ? { referenceId: referenceId.value } : {};

  if (notificationType === 'Error') {
    const chat = ownField(data, 'chat');
    const chatId = isRecord(chat) ? ownField(chat, 'id') : undefined;
    const text = ownField(data, 'errorMessage') ?? ownField(data, 'statusMessage') ?? ownField(data, 'message');
    return {
      kind: 'operation-failed',
      ...(typeof chatId === 'string' ? { chatId } : {}),
      ...reference,
      message: typeof text === 'string' && text ? text : 'The server reported that an operation on the chat failed',
    };
  }
  if (!isStateChangeType(notificationType)) {
    return reject(`unknown notificationType ${typeof notificationType === 'string' ? JSON.stringify(notificationType) : describe(notificationType)}`);
  }

  const chat = chatSchema(ownField(data, 'chat'), 'chat');
  if (!chat.ok) return reject(formatIssues(chat.issues));
  return {
    kind: 'chat-changed',
    notificationType,
    chat: chat.value,
    ...reference,
  };
}

/** userData for the wire: `Object.fromEntries` defines own properties, so `__proto__` stays a key. */
export function userDataToJson(userData: UserData): Record<string, JsonValue> {
  return Object.fromEntries(userData);
}
