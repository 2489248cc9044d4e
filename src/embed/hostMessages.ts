// Reads what a host sent, after the bridge has checked who sent it. Never throws: an
// unknown type or a bad shape becomes a ProtocolError the bridge sends back, so the
// integrator sees exactly what was wrong in their own console.

import { object, oneOf, optional, string, type Schema } from '../gws/schema';
import { formatIssues } from '../gws/schema';
import { HOST_COMMAND_TYPES, PROTOCOL_VERSION, type HostCommand, type HostCommandType, type ProtocolError } from './protocol';
import { THEME_MODES, themeTokens } from './theme';

export type HostMessageReading =
  | { readonly kind: 'command'; readonly command: HostCommand; readonly requestId: string | undefined }
  | { readonly kind: 'invalid'; readonly error: ProtocolError; readonly requestId: string | undefined };

const nonEmpty: Schema<string> = (input, path) => {
  const result = string(input, path);
  if (result.ok && result.value.trim() === '') return { ok: false, issues: [{ path, message: 'must not be empty' }] };
  return result;
};

const SCHEMAS: { readonly [T in HostCommandType]: Schema<Omit<Extract<HostCommand, { type: T }>, 'type'>> } = {
  setActiveChat: object({ chatId: nonEmpty }),
  setTheme: (input, path) => {
    const result = object({ mode: oneOf(THEME_MODES), tokens: optional(themeTokens) })(input, path);
    if (!result.ok) return result;
    // `tokens: undefined` would not survive as "absent" everywhere; leave it out instead.
    const { mode, tokens } = result.value;
    return { ok: true, value: tokens === undefined ? { mode } : { mode, tokens } };
  },
  setLocale: object({ locale: nonEmpty }),
  focusKey: object({ key: string }),
  getState: object({}),
};

const isCommandType = (type: string): type is HostCommandType => HOST_COMMAND_TYPES.some((known) => known === type);

/** `record` already carries our namespace. */
export function readHostMessage(record: Readonly<Record<string, unknown>>): HostMessageReading {
  const rawRequestId = record.requestId;
  const requestId = typeof rawRequestId === 'string' && rawRequestId.length <= 200 ? rawRequestId : undefined;
  const invalid = (error: ProtocolError): HostMessageReading => ({ kind: 'invalid', error, requestId });

  const version = record.version;
  if (version !== PROTOCOL_VERSION) {
    const received = typeof version === 'number' && Number.isFinite(version) ? version : null;
    return invalid({
      kind: 'unsupported-version',
      received,
      supported: PROTOCOL_VERSION,
      message: `Protocol version ${received ?? JSON.stringify(version ?? null)} is not supported; this widget speaks version ${PROTOCOL_VERSION}.`,
    });
  }
  const type = record.type;
  if (typeof type !== 'string') {
    return invalid({ kind: 'invalid-message', issues: [{ path: 'type', message: 'expected a string' }], message: 'The message has no "type".' });
  }
  if (!isCommandType(type)) {
    return invalid({ kind: 'unknown-type', type, message: `Unknown message type "${type}". Known: ${HOST_COMMAND_TYPES.join(', ')}.` });
  }
  if (rawRequestId !== undefined && requestId === undefined) {
    return invalid({ kind: 'invalid-message', issues: [{ path: 'requestId', message: 'expected a string of at most 200 characters' }], message: 'Invalid "requestId".' });
  }
  const parsed = parseCommand(type, record);
  if (!parsed.ok) {
    return invalid({ kind: 'invalid-message', issues: parsed.issues, message: `Invalid "${type}" message: ${formatIssues(parsed.issues)}.` });
  }
  return { kind: 'command', command: parsed.command, requestId };
}

function parseCommand(
  type: HostCommandType,
  record: Readonly<Record<string, unknown>>,
): { ok: true; command: HostCommand } | { ok: false; issues: readonly { path: string; message: string }[] } {
  // One switch so each branch pairs a type with its own schema's output, without casts.
  switch (type) {
    case 'setActiveChat': {
      const result = SCHEMAS.setActiveChat(record, '');
      return result.ok ? { ok: true, command: { type, ...result.value } } : result;
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
