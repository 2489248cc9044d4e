// The GWS wire format: response envelopes and the chat resource (chat notifications:
// cometd/notificationWire.ts, loaded with the live connection after the first paint).
// Parsing is strict where a wrong value would be shown as right (ids, userData,
// referenceId) and lenient where the panel can do without (receivedDate, chatType).

import type { Chat, JsonValue, Participant, UserData } from './types';
import {
  array,
  describe,
  each,
  fail,
  integer,
  isRecord,
  map,
  object,
  ok,
  optional,
  ownField,
  string,
  withDefault,
  type ParseResult,
  type Schema,
} from '../shared/schema';

/** Nested KV lists can be deep; a bound keeps a hostile payload from exhausting the stack. */
const MAX_JSON_DEPTH = 32;

const jsonAt =
  (depth: number): Schema<JsonValue> =>
  (input, path) => {
    if (depth > MAX_JSON_DEPTH) return fail(path, 'nested too deeply');
    if (input === null || typeof input === 'string' || typeof input === 'boolean') return ok(input);
    if (typeof input === 'number') {
      return Number.isFinite(input) ? ok(input) : fail(path, 'not a finite number');
    }
    if (Array.isArray(input)) return array(jsonAt(depth + 1))(input, path);
    if (isRecord(input)) {
      // Rebuilt with defineProperty-like semantics (fromEntries), so `__proto__` stays data.
      const entries = map(jsonAt(depth + 1))(input, path);
      return entries.ok ? ok(Object.fromEntries(entries.value)) : entries;
    }
    return fail(path, `not JSON: ${describe(input)}`);
  };

export const jsonValue: Schema<JsonValue> = jsonAt(0);

const userDataSchema: Schema<UserData> = map(jsonValue);

const participantSchema: Schema<Participant> = object({
  participantId: string,
  nickname: withDefault(string, ''),
  type: withDefault(string, 'Unknown'),
  visibility: optional(string),
});

/**
 * A chat's list: absent is none; an element that does not parse is left out (one odd
 * participant must not empty the list, and have everyone announced as gone). A value that
 * is not a list fails: read as none, capabilities given as text made the chat read-only,
 * unsaid.
 */
const listOf =
  <T>(item: Schema<T>): Schema<readonly T[]> =>
  (input, path) => {
    if (input == null) return ok([]);
    const result = each(item)(input, path);
    if (!result.ok) return result;
    const { values, unreadable } = result.value;
    // Not one element readable: that is not a list of fewer people (all announced as gone), it is malformed.
    return values.length === 0 && unreadable.length > 0 ? { ok: false, issues: unreadable.flatMap((element) => element.issues) } : ok(values);
  };

export const chatSchema: Schema<Chat> = object({
  id: string,
  state: string,
  // Completed chats may omit capabilities: read as none (what the grid allows: caseData/validation.ts).
  capabilities: listOf(string),
  participants: listOf(participantSchema),
  // An Invited chat may come without userData; an empty map is the honest reading.
  userData: (input, path) => (input === undefined || input === null ? ok(new Map()) : userDataSchema(input, path)),
  chatType: optional(string),
  receivedDate: optional(string),
});

/** Every GWS reply carries statusCode; non-zero means nothing was changed. */
export type Envelope =
  | { readonly ok: true; readonly body: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly statusCode: number; readonly statusMessage: string };

export function readEnvelope(body: unknown): ParseResult<Envelope> {
  if (!isRecord(body)) return fail('', `expected an object, got ${describe(body)}`);
  const statusCode = integer(ownField(body, 'statusCode'), 'statusCode');
  if (!statusCode.ok) return statusCode;
  if (statusCode.value === 0) return ok({ ok: true, body });
  const message = ownField(body, 'statusMessage');
  return ok({ ok: false, statusCode: statusCode.value, statusMessage: typeof message === 'string' ? message : '' });
}

/** Chat by chat: one that does not match the contract is left out and told, not the whole list refused (gwsClient.listChats). */
export const chatsResponse = object({ chats: each(chatSchema) });
