// Reads what a host sent, after the bridge has checked who sent it. Never throws: an
// unknown type or a bad shape becomes a ProtocolError the bridge sends back, so the
// integrator sees exactly what was wrong in their own console.
//
// Whatever the host sent is echoed back only in bounded pieces: a 1 MB `type` or a token
// object with 50,000 unknown names must not turn into a reply many times its size.

import { clipped } from '../shared/clipped';
import { describe, formatIssues, object, oneOf, optional, string, type Issue, type Schema } from '../shared/schema';
import { REQUEST_ID_LIMIT } from './namespace';
import { HOST_COMMAND_TYPES, PROTOCOL_VERSION, type HostCommand, type HostCommandType, type ProtocolError } from './protocol';
import { THEME_MODES, themeTokens } from './theme';

export type HostMessageReading =
  | { readonly kind: 'command'; readonly command: HostCommand; readonly requestId: string | undefined }
  | { readonly kind: 'invalid'; readonly error: ProtocolError; readonly requestId: string | undefined };

/** Longest text echoed back from a host message (a type, a path, a version). */
export const ECHO_LIMIT = 100;
/** Most issues listed in one `invalid-message` answer; the message says how many more. */
export const ISSUE_LIMIT = 20;
// Field lengths: far above anything real (GWS chat ids are 16 characters, BCP 47 tags
// rarely pass 35), low enough that nothing a host sends reaches a URL or the store at
// megabyte size.
const CHAT_ID_LIMIT = 200;
const LOCALE_LIMIT = 100;
// A userData key is GWS's to name, at whatever length the grid shows: a host must reach every one.
const KEY_LIMIT = 65_536;

export const clip = (text: string, limit = ECHO_LIMIT): string => clipped(text, limit + 1);

/** A short description of any value, for a message: never JSON.stringify (BigInt, cycles, size). */
function preview(value: unknown): string {
  if (typeof value === 'string') return `"${clip(value, 40)}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return describe(value);
}

const text =
  (limit: number, { empty }: { readonly empty: boolean }): Schema<string> =>
  (input, path) => {
    const result = string(input, path);
    if (!result.ok) return result;
    if (!empty && result.value.trim() === '') return { ok: false, issues: [{ path, message: 'must not be empty' }] };
    if (result.value.length > limit) return { ok: false, issues: [{ path, message: `must be at most ${limit} characters` }] };
    return result;
  };

const SCHEMAS: { readonly [T in HostCommandType]: Schema<Omit<Extract<HostCommand, { type: T }>, 'type'>> } = {
  setActiveChat: object({ chatId: text(CHAT_ID_LIMIT, { empty: false }) }),
  setTheme: (input, path) => {
    // Absent keeps the current tokens and {} clears them; null is neither, and is refused rather than guessed.
    const result = object({ mode: oneOf(THEME_MODES), tokens: (value, at) => (value === undefined ? optional(themeTokens)(value, at) : themeTokens(value, at)) })(input, path);
    if (!result.ok) return result;
    // `tokens: undefined` would not survive as "absent" everywhere; leave it out instead.
    const { mode, tokens } = result.value;
    return { ok: true, value: tokens === undefined ? { mode } : { mode, tokens } };
  },
  setLocale: object({ locale: text(LOCALE_LIMIT, { empty: false }) }),
  focusKey: object({ key: text(KEY_LIMIT, { empty: true }) }),
  getState: object({}),
};

const isCommandType = (type: string): type is HostCommandType => HOST_COMMAND_TYPES.some((known) => known === type);

/** The first issues, each clipped: the answer stays small whatever the host sent. */
function boundIssues(issues: readonly Issue[]): readonly Issue[] {
  const shown = issues.slice(0, ISSUE_LIMIT).map((issue) => ({ path: clip(issue.path), message: clip(issue.message, 300) }));
  if (issues.length > ISSUE_LIMIT) shown.push({ path: '(message)', message: `and ${issues.length - ISSUE_LIMIT} more issues` });
  return shown;
}

/** `record` already carries our namespace. */
export function readHostMessage(record: Readonly<Record<string, unknown>>): HostMessageReading {
  const rawRequestId = record.requestId;
  const requestId = typeof rawRequestId === 'string' && rawRequestId.length <= REQUEST_ID_LIMIT ? rawRequestId : undefined;
  const invalid = (error: ProtocolError): HostMessageReading => ({ kind: 'invalid', error, requestId });

  const version = record.version;
  if (version !== PROTOCOL_VERSION) {
    const received = typeof version === 'number' && Number.isFinite(version) ? version : null;
    return invalid({
      kind: 'unsupported-version',
      received,
      supported: PROTOCOL_VERSION,
      message: `Protocol version ${version === undefined ? 'missing' : preview(version)} is not supported; this widget speaks version ${PROTOCOL_VERSION}.`,
    });
  }
  const type = record.type;
  if (typeof type !== 'string') {
    return invalid({ kind: 'invalid-message', issues: [{ path: 'type', message: 'expected a string' }], message: 'The message has no "type".' });
  }
  if (!isCommandType(type)) {
    const shown = clip(type);
    return invalid({ kind: 'unknown-type', type: shown, message: `Unknown message type "${shown}". Known: ${HOST_COMMAND_TYPES.join(', ')}.` });
  }
  if (rawRequestId !== undefined && requestId === undefined) {
    return invalid({
      kind: 'invalid-message',
      issues: [{ path: 'requestId', message: `expected a string of at most ${REQUEST_ID_LIMIT} characters` }],
      message: 'Invalid "requestId".',
    });
  }
  const parsed = parseCommand(type, record);
  if (!parsed.ok) {
    const issues = boundIssues(parsed.issues);
    return invalid({ kind: 'invalid-message', issues, message: `Invalid "${type}" message: ${formatIssues(issues)}.` });
  }
  return { kind: 'command', command: parsed.command, requestId };
}

function parseCommand(
  type: HostCommandType,
  record: Readonly<Record<string, unknown>>,
): { ok: true; command: HostCommand } | { ok: false; issues: readonly Issue[] } {
  // One switch so each branch pairs a type with its own schema's output, without casts.
  switch (type) {
    case 'setActiveChat': {
      const result = SCHEMAS.setActiveChat(record, '');
      // A GWS chat id has no spaces around it; a CRM field's copy may (integrator's test: "Chat 0000… is
      // not among this agent's chats", naming one in the picker, the spaces unseen).
      return result.ok ? { ok: true, command: { type, chatId: result.value.chatId.trim() } } : result;
    }
    case 'setTheme': {
      const result = SCHEMAS.setTheme(record, '');
      return result.ok ? { ok: true, command: { type, ...result.value } } : result;
    }
    case 'setLocale': {
      const result = SCHEMAS.setLocale(record, '');
      return result.ok ? { ok: true, command: { type, ...result.value } } : result;
    }
    case 'focusKey': {
      const result = SCHEMAS.focusKey(record, '');
      return result.ok ? { ok: true, command: { type, ...result.value } } : result;
    }
    case 'getState': {
      const result = SCHEMAS.getState(record, '');
      return result.ok ? { ok: true, command: { type } } : result;
    }
  }
}
