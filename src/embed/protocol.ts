// The host contract: every message either way between the widget (in an iframe) and the
// CRM page embedding it. Shared by the widget's bridge and the host SDK, so both sides
// compile against one definition. Documented message by message in the README,
// "Embedding in a CRM".
//
// Every message is a plain object with the fixed `namespace` (other scripts' postMessage
// traffic is ignored), the protocol `version` and a `type`.

import { PROTOCOL_NAMESPACE } from './namespace';
import type { ThemeMode, ThemeTokens } from './theme';

export { hasOurNamespace, PROTOCOL_NAMESPACE } from './namespace';
/** Bumped only for incompatible changes; additions (new types, new fields) keep it. */
export const PROTOCOL_VERSION = 1;
export const WIDGET_VERSION = '0.1.0';

export type Envelope = { readonly namespace: typeof PROTOCOL_NAMESPACE; readonly version: number };

/** JSON as it crosses postMessage: what userData values are made of. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

// ---- host -> widget --------------------------------------------------------------

export type HostCommand =
  | { readonly type: 'setActiveChat'; readonly chatId: string }
  | { readonly type: 'setTheme'; readonly mode: ThemeMode; readonly tokens?: ThemeTokens }
  | { readonly type: 'setLocale'; readonly locale: string }
  | { readonly type: 'focusKey'; readonly key: string }
  | { readonly type: 'getState' };

export type HostCommandType = HostCommand['type'];
export const HOST_COMMAND_TYPES = ['setActiveChat', 'setTheme', 'setLocale', 'focusKey', 'getState'] as const satisfies readonly HostCommandType[];

/** `requestId` is echoed as `inReplyTo` on the `state` or `error` that answers it. */
export type HostMessage = Envelope & HostCommand & { readonly requestId?: string };

// ---- widget -> host --------------------------------------------------------------

export const CONNECTION_STATES = ['connecting', 'live', 'reconnecting', 'session-expired', 'offline'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export type UserDataChange = {
  readonly key: string;
  readonly kind: 'added' | 'changed' | 'removed';
  /** null when removed. */
  readonly value: JsonValue;
  /** null when added. */
  readonly previousValue: JsonValue;
};

export type Capabilities = {
  readonly commands: readonly HostCommandType[];
  readonly events: readonly WidgetEventType[];
  readonly locales: readonly string[];
  readonly themes: readonly ThemeMode[];
};

/**
 * `chatState`, `userData` and `drafts` are null together: when no chat is on screen, or the one on screen is
 * not in `chats` (not among the agent's chats, or asked for before the panel has read them).
 */
export type WidgetState = {
  /** null: no chat on screen. */
  readonly activeChatId: string | null;
  /** GWS state of the active chat (Chatting, Completed, ...), or the panel's own Unlisted (GWS no longer lists it); null when it is not in `chats`. */
  readonly chatState: string | null;
  /** The active chat's userData as the agent sees it: the server's, with the agent's writes on their way or refused in place; null when it is not in `chats`. */
  readonly userData: { readonly [key: string]: JsonValue } | null;
  /**
   * The active chat's drafts: text the agent typed into a value and has not saved, by key; null when it is not in `chats`
   * (and, read by the SDK, from a panel older than drafts, which sends none). Apart from userData: a draft is not a value
   * yet (a number's draft may not be a number).
   */
  readonly drafts: { readonly [key: string]: string } | null;
  readonly chats: readonly { readonly chatId: string; readonly state: string }[];
  readonly dirtyChatIds: readonly string[];
  readonly connection: ConnectionState;
  readonly locale: string;
  readonly theme: ThemeMode;
};

/** Errors are values: the widget answers a bad message with one of these, never throws. */
export type ProtocolError =
  | { readonly kind: 'unknown-type'; readonly type: string; readonly message: string }
  | { readonly kind: 'invalid-message'; readonly issues: readonly { readonly path: string; readonly message: string }[]; readonly message: string }
  | { readonly kind: 'unsupported-version'; readonly received: number | null; readonly supported: number; readonly message: string }
  | { readonly kind: 'unsupported-locale'; readonly locale: string; readonly supported: readonly string[]; readonly message: string }
  | { readonly kind: 'unknown-key'; readonly key: string; readonly message: string }
  | { readonly kind: 'focus-unavailable'; readonly message: string }
  /** The widget could not carry the command out (a fault of the widget's, not of the message). */
  | { readonly kind: 'command-failed'; readonly type: HostCommandType; readonly message: string }
  /** Not read: the host sent more messages before the widget could read them than it keeps, and this was among the oldest. */
  | { readonly kind: 'dropped'; readonly message: string };

export type SaveError = { readonly kind: string; readonly message: string };

export type WidgetEvent =
  | { readonly type: 'ready'; readonly widgetVersion: string; readonly capabilities: Capabilities }
  | { readonly type: 'activeChatChanged'; readonly chatId: string | null }
  | { readonly type: 'userDataChanged'; readonly chatId: string; readonly changes: readonly UserDataChange[]; readonly source: 'agent' | 'server' }
  | { readonly type: 'saveFailed'; readonly chatId: string; readonly key: string; readonly operation: 'update' | 'attach' | 'delete'; readonly error: SaveError }
  | { readonly type: 'dirtyStateChanged'; readonly chatId: string; readonly dirty: boolean }
  /** A chat's GWS state changed (Chatting to Completed, say), or it turned the panel's own Unlisted (GWS no longer lists it), or back. */
  | { readonly type: 'chatStateChanged'; readonly chatId: string; readonly state: string; readonly previousState: string }
  | { readonly type: 'connectionChanged'; readonly status: ConnectionState }
  | { readonly type: 'resize'; readonly height: number }
  | ({ readonly type: 'state' } & WidgetState)
  | { readonly type: 'error'; readonly error: ProtocolError };

export type WidgetEventType = WidgetEvent['type'];
export const WIDGET_EVENT_TYPES = [
  'ready',
  'activeChatChanged',
  'userDataChanged',
  'saveFailed',
  'dirtyStateChanged',
  'chatStateChanged',
  'connectionChanged',
  'resize',
  'state',
  'error',
] as const satisfies readonly WidgetEventType[];

// Both lists must be whole: the SDK reads `ready`'s capabilities through them, and a type
// left out would vanish from what a host is told. A type missing here fails to compile.
type NoneLeftOut<Unlisted extends never> = Unlisted;
export type EveryTypeListed = NoneLeftOut<Exclude<HostCommandType, (typeof HOST_COMMAND_TYPES)[number]> | Exclude<WidgetEventType, (typeof WIDGET_EVENT_TYPES)[number]>>;

export type WidgetMessage = Envelope & WidgetEvent & { readonly inReplyTo?: string };

export function envelope(): Envelope {
  return { namespace: PROTOCOL_NAMESPACE, version: PROTOCOL_VERSION };
}
