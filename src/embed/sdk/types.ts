// The host SDK's public types. The protocol types are re-exported so an integrator
// needs one import: `import { mountCaseDataPanel, type UserDataChange } from '.../embed.js'`.

import type { Capabilities, ProtocolError, WidgetEvent, WidgetEventType, WidgetState } from '../protocol';
import type { ThemeMode, ThemeTokens } from '../theme';

export type {
  Capabilities,
  ConnectionState,
  HostCommand,
  HostMessage,
  JsonValue,
  ProtocolError,
  UserDataChange,
  WidgetEvent,
  WidgetMessage,
  WidgetState,
} from '../protocol';
export type { Density, ThemeMode, ThemeTokens } from '../theme';

export type ThemeSetting = ThemeMode | { readonly mode: ThemeMode; readonly tokens?: ThemeTokens };

/**
 * An error of a kind newer than this SDK (a widget upgraded before it): its kind in
 * `received`, the widget's own words in `message`, so the host still hears of it.
 */
export type UnrecognizedError = { readonly kind: 'unrecognized-error'; readonly received: string; readonly message: string };

/** Errors the SDK itself reports, besides the widget's ProtocolError answers. */
export type SdkError =
  | { readonly kind: 'not-ready'; readonly message: string }
  | { readonly kind: 'destroyed'; readonly message: string }
  /** getState() sent to a running panel and not answered within ANSWER_TIMEOUT_MS. */
  | { readonly kind: 'no-answer'; readonly message: string }
  | UnrecognizedError;

export type PanelError = ProtocolError | SdkError;

/** Events a host can listen to; `state` is the answer to getState(), not an event. */
export type PanelEventType = Exclude<WidgetEventType, 'state' | 'error'> | 'error';
export type PanelEvent<T extends PanelEventType> = T extends 'error'
  ? PanelError
  : T extends 'ready'
    ? // `restarted`: a `ready` after the first (the frame reloaded: the agent's F5, a redeployed panel). No
      // `userDataChanged` was told of what changed while it started again; `getState` says how things are.
      Extract<WidgetEvent, { type: T }> & { readonly restarted: boolean }
    : Extract<WidgetEvent, { type: T }>;

export type ReadyResult =
  | { readonly ok: true; readonly widgetVersion: string; readonly capabilities: Capabilities }
  | { readonly ok: false; readonly error: PanelError };

export type StateResult = { readonly ok: true; readonly state: WidgetState } | { readonly ok: false; readonly error: PanelError };

export type MountOptions = {
  /** The widget's address, e.g. "https://panel.example.com/". Its origin is the only one the SDK talks to. */
  readonly src: string;
  readonly chatId?: string;
  /** A mode the panel does not have is told to onError once it is ready, as the panel answers a setTheme with it. */
  readonly theme?: ThemeSetting;
  /** A BCP 47 tag; the widget picks its closest catalogue (en, de, ar). None matches: onError hears unsupported-locale once it is ready. */
  readonly locale?: string;
  /** The iframe's accessible name. */
  readonly title?: string;
  /**
   * Which panel of the browser tab this is (1, 2, …), kept the same at every load: panels mounted from
   * different documents (a console's frames, each with this SDK) share the widget's storage, and each
   * SDK numbers only its own document's. Default: the first number free in this document.
   */
  readonly panelNumber?: number;
  /** Size the iframe to the panel's height (from `resize` events). Default true. */
  readonly autoHeight?: boolean;
  /** Minimum iframe height in CSS px, a finite number from 0 (else mountCaseDataPanel throws a TypeError). Default 240. */
  readonly minHeight?: number;
  /** After this long without `ready`, explain what to check instead of leaving an empty box. Default 15000; 0 never. */
  readonly readyTimeoutMs?: number;
  readonly onReady?: (event: PanelEvent<'ready'>) => void;
  readonly onActiveChatChanged?: (event: PanelEvent<'activeChatChanged'>) => void;
  readonly onUserDataChanged?: (event: PanelEvent<'userDataChanged'>) => void;
  readonly onSaveFailed?: (event: PanelEvent<'saveFailed'>) => void;
  readonly onDirtyStateChanged?: (event: PanelEvent<'dirtyStateChanged'>) => void;
  readonly onChatStateChanged?: (event: PanelEvent<'chatStateChanged'>) => void;
  readonly onConnectionChanged?: (event: PanelEvent<'connectionChanged'>) => void;
  readonly onResize?: (event: PanelEvent<'resize'>) => void;
  readonly onError?: (error: PanelError) => void;
};

export type CaseDataPanel = {
  readonly iframe: HTMLIFrameElement;
  /** Resolves once: with the widget's capabilities, or with why it did not start. Never rejects. */
  readonly ready: Promise<ReadyResult>;
  setActiveChat(chatId: string): void;
  /** Without `tokens` only the mode changes; `tokens: {}` clears the host's tokens. */
  setTheme(theme: ThemeSetting): void;
  setLocale(locale: string): void;
  /** Focuses the iframe, then the value of `key` in the grid. */
  focusKey(key: string): void;
  getState(): Promise<StateResult>;
  /** Whether any chat has unsaved changes, from dirtyStateChanged events: for a beforeunload warning. */
  isDirty(): boolean;
  /**
   * Messages from the widget this SDK could not use (another protocol version, an unknown
   * type, a malformed field), with the last five reasons: for an integrator's console.
   */
  diagnostics(): { readonly rejectedMessages: number; readonly lastRejections: readonly string[] };
  /** Returns the unsubscribe function. */
  on<T extends PanelEventType>(type: T, listener: (event: PanelEvent<T>) => void): () => void;
  /** Removes the iframe and every listener; pending getState() calls resolve with `destroyed`. */
  destroy(): void;
};
