// The SDK's reading of what the widget sends: validated like any wire data. A type this
// SDK does not know (a newer widget) is skipped, not an error, so hosts can upgrade the
// widget before the SDK.

import { array, describe, integer, isRecord, number, object, oneOf, string, type ParseResult, type Schema } from '../../shared/schema';
import { CONNECTION_STATES, HOST_COMMAND_TYPES, PROTOCOL_NAMESPACE, PROTOCOL_VERSION, WIDGET_EVENT_TYPES, type Envelope, type JsonValue, type ProtocolError, type WidgetEvent } from '../protocol';
import { THEME_MODES } from '../theme';
import type { UnrecognizedError } from './types';

/** What the widget sent, as this SDK reads it: an error of a kind it does not know is kept, as UnrecognizedError. */
type ReadEvent = Exclude<WidgetEvent, { type: 'error' }> | { readonly type: 'error'; readonly error: ProtocolError | UnrecognizedError };
export type ReadMessage = Envelope & ReadEvent & { readonly inReplyTo?: string };

export type WidgetMessageReading =
  | { readonly kind: 'event'; readonly message: ReadMessage }
  | { readonly kind: 'skipped'; readonly reason: string };

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = (path: string, message: string): ParseResult<never> => ({ ok: false, issues: [{ path, message }] });

// postMessage keeps shared references: 30 levels of one object listed twice is a billion
// nodes to walk as a tree, from a message a few hundred bytes long. Real userData (10,000
// keys of small values) stays far below the budget.
const JSON_NODE_BUDGET = 1_000_000;
// One over the widget's own bound (gws/wire.ts), which counts from a value: here the count
// starts at the userData object holding it, and a value the widget shows must reach the host
// (at 32, a chat with one value nested that deep had no `state`: getState timed out, review).
const JSON_DEPTH_LIMIT = 33;

function isJson(input: unknown): input is JsonValue {
  let budget = JSON_NODE_BUDGET;
  const walk = (value: unknown, depth: number): boolean => {
    if (--budget < 0) return false;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
    if (typeof value === 'number') return Number.isFinite(value);
    if (depth > JSON_DEPTH_LIMIT) return false;
    if (Array.isArray(value)) return value.every((item) => walk(item, depth + 1));
    return isPlainRecord(value) && Object.values(value).every((item) => walk(item, depth + 1));
  };
  return walk(input, 0);
}

/** A Map, Date or typed array survives postMessage but is not JSON: it would reach the host as `{}`. */
function isPlainRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  // By tag, not prototype: a message is rebuilt in the realm of the window it reaches,
  // which need not be the SDK's own.
  return isRecord(value) && Object.prototype.toString.call(value) === '[object Object]';
}

const json: Schema<JsonValue> = (input, path) => (isJson(input) ? ok(input) : fail(path, 'expected JSON data'));
const nullable =
  <T>(schema: Schema<T>): Schema<T | null> =>
  (input, path) =>
    input === null ? ok(null) : schema(input, path);
const jsonObject: Schema<{ readonly [key: string]: JsonValue }> = (input, path) =>
  isRecord(input) && isJson(input) ? ok(input) : fail(path, 'expected an object of JSON values');
const isTexts = (input: unknown): input is { readonly [key: string]: string } => isPlainRecord(input) && Object.values(input).every((text) => typeof text === 'string');
const textsByKey: Schema<{ readonly [key: string]: string }> = (input, path) => (isTexts(input) ? ok(input) : fail(path, 'expected an object of strings'));
/** Lists a newer widget may extend: unknown entries are dropped, not fatal. */
const knownOnly =
  <const O extends readonly string[]>(options: O): Schema<readonly O[number][]> =>
  (input, path) => {
    const list = array(string)(input, path);
    return list.ok ? ok(list.value.filter((item): item is O[number] => options.includes(item))) : list;
  };

const protocolError: Schema<ProtocolError | UnrecognizedError> = (input, path) => {
  const base = object({ kind: string, message: string })(input, path);
  if (!base.ok || !isRecord(input)) return base.ok ? fail(path, 'expected an object') : base;
  const { kind, message } = base.value;
  switch (kind) {
    case 'unknown-type': {
      const rest = object({ type: string })(input, path);
      return rest.ok ? ok({ kind, message, ...rest.value }) : rest;
    }
    case 'invalid-message': {
      const rest = object({ issues: array(object({ path: string, message: string })) })(input, path);
      return rest.ok ? ok({ kind, message, ...rest.value }) : rest;
    }
    case 'unsupported-version': {
      const rest = object({ received: nullable(number), supported: integer })(input, path);
      return rest.ok ? ok({ kind, message, ...rest.value }) : rest;
    }
    case 'unsupported-locale': {
      const rest = object({ locale: string, supported: array(string) })(input, path);
      return rest.ok ? ok({ kind, message, ...rest.value }) : rest;
    }
    case 'unknown-key': {
      const rest = object({ key: string })(input, path);
      return rest.ok ? ok({ kind, message, ...rest.value }) : rest;
    }
    case 'focus-unavailable':
    case 'dropped':
      return ok({ kind, message });
    case 'command-failed': {
      const rest = object({ type: oneOf(HOST_COMMAND_TYPES) })(input, path);
      return rest.ok ? ok({ kind, message, ...rest.value }) : rest;
    }
    default:
      // "Additions keep the version": a newer widget's error must still reach the host.
      return ok({ kind: 'unrecognized-error', received: kind, message });
  }
};

function readEvent(type: string, input: Readonly<Record<string, unknown>>): ParseResult<ReadEvent> | null {
  switch (type) {
    case 'ready': {
      const capabilities = object({
        commands: knownOnly(HOST_COMMAND_TYPES),
        events: knownOnly(WIDGET_EVENT_TYPES),
        locales: array(string),
        themes: knownOnly(THEME_MODES),
      });
      const result = object({ widgetVersion: string, capabilities })(input, '');
      return result.ok ? ok({ type, ...result.value }) : result;
    }
    case 'activeChatChanged': {
      const result = object({ chatId: nullable(string) })(input, '');
      return result.ok ? ok({ type, ...result.value }) : result;
    }
    case 'userDataChanged': {
      const change = object({ key: string, kind: oneOf(['added', 'changed', 'removed']), value: json, previousValue: json });
      const result = object({ chatId: string, changes: array(change), source: oneOf(['agent', 'server']) })(input, '');
      return result.ok ? ok({ type, ...result.value }) : result;
    }
    case 'saveFailed': {
      const result = object({ chatId: string, key: string, operation: oneOf(['update', 'attach', 'delete']), error: object({ kind: string, message: string }) })(input, '');
      return result.ok ? ok({ type, ...result.value }) : result;
    }
    case 'dirtyStateChanged': {
      const dirty: Schema<boolean> = (value, path) => (typeof value === 'boolean' ? ok(value) : fail(path, 'expected a boolean'));
      const result = object({ chatId: string, dirty })(input, '');
      return result.ok ? ok({ type, ...result.value }) : result;
    }
    case 'chatStateChanged': {
      const result = object({ chatId: string, state: string, previousState: string })(input, '');
      return result.ok ? ok({ type, ...result.value }) : result;
    }
    case 'connectionChanged': {
      const result = object({ status: oneOf(CONNECTION_STATES) })(input, '');
      return result.ok ? ok({ type, ...result.value }) : result;
    }
    case 'resize': {
      const result = object({ height: number })(input, '');
      return result.ok ? ok({ type, height: Math.max(0, result.value.height) }) : result;
    }
    case 'state': {
      const result = object({
        activeChatId: nullable(string),
        chatState: nullable(string),
        userData: nullable(jsonObject),
        // A widget from before drafts were reported leaves them out: none known, not an error.
        drafts: (input, path) => (input === undefined ? ok(null) : nullable(textsByKey)(input, path)),
        chats: array(object({ chatId: string, state: string })),
        dirtyChatIds: array(string),
        connection: oneOf(CONNECTION_STATES),
        locale: string,
        theme: oneOf(THEME_MODES),
      })(input, '');
      return result.ok ? ok({ type, ...result.value }) : result;
    }
    case 'error': {
      const result = object({ error: protocolError })(input, '');
      return result.ok ? ok({ type, ...result.value }) : result;
    }
    default:
      return null;
  }
}

/** `record` already carries our namespace and came from our iframe's origin. */
export function readWidgetMessage(record: Readonly<Record<string, unknown>>): WidgetMessageReading {
  if (record.version !== PROTOCOL_VERSION) {
    // Not String(version): `{ "toString": 1 }` survives postMessage, and String() throws on it.
    const version = typeof record.version === 'number' ? String(record.version) : describe(record.version);
    return { kind: 'skipped', reason: `protocol version ${version} is not ${PROTOCOL_VERSION}` };
  }
  const type = record.type;
  if (typeof type !== 'string') return { kind: 'skipped', reason: 'no type' };
  const event = readEvent(type, record);
  if (event === null) return { kind: 'skipped', reason: `unknown type ${type}` };
  if (!event.ok) return { kind: 'skipped', reason: `invalid ${type}: ${event.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}` };
  const inReplyTo = typeof record.inReplyTo === 'string' ? record.inReplyTo : undefined;
  return { kind: 'event', message: { namespace: PROTOCOL_NAMESPACE, version: PROTOCOL_VERSION, ...event.value, ...(inReplyTo === undefined ? {} : { inReplyTo }) } };
}
