// Where the host contract meets the store: host commands become store actions or
// appearance changes, and store changes become host events. The bridge itself (origins,
// parsing, replies) lives in embed/; this is composition only.

import { useEffect, useRef } from 'react';
import { THEME_MODES, type HostBridge, type HostCommand, type Theme, type WidgetEvent } from '../embed';
import { HOST_COMMAND_TYPES, WIDGET_EVENT_TYPES, WIDGET_VERSION } from '../embed/host';
import { LOCALES, resolveLocale, type Locale } from '../i18n';
import { useChatStoreApi } from '../store';
import type { FocusKeyChannel } from './focusChannel';
import { catchUpEvents, hostEventsBetween, widgetState } from './hostEvents';

export type Appearance = {
  readonly theme: Theme;
  readonly locale: Locale;
  readonly setTheme: (theme: Theme) => void;
  readonly setLocale: (locale: Locale) => void;
};

// StrictMode runs effects twice in development; the host must still see one `ready`.
const announced = new WeakSet<HostBridge>();

export function readyEvent(): WidgetEvent {
  return {
    type: 'ready',
    widgetVersion: WIDGET_VERSION,
    capabilities: { commands: HOST_COMMAND_TYPES, events: WIDGET_EVENT_TYPES, locales: LOCALES, themes: THEME_MODES },
  };
}

export function useHostBridge(bridge: HostBridge | null, appearance: Appearance, focus: FocusKeyChannel): void {
  const store = useChatStoreApi();
  // Commands read the appearance of the moment they arrive, without re-registering. A
  // command writes what it set here at once: the host's early messages are handled in one go
  // before React renders, and a `getState` among them, or a `setTheme` without tokens after
  // one with them, must see what the commands before it set (they saw the first render's).
  // Theme and locale change only through these commands, so the record never falls behind.
  const current = useRef(appearance);
  const { setTheme, setLocale } = appearance;
  useEffect(() => {
    current.current = { ...current.current, setTheme, setLocale };
  }, [setTheme, setLocale]);

  // First `ready`, then what happened before it, then every change: in that order, in one commit.
  useEffect(() => {
    if (!bridge || announced.has(bridge)) return;
    announced.add(bridge);
    bridge.send(readyEvent());
    // A chat named at start (the URL's chatId) is no change the store would report: said
    // here, so a host learns every active chat, the first included, from one event.
    const { activeChatId } = store.getState();
    if (activeChatId !== null) bridge.send({ type: 'activeChatChanged', chatId: activeChatId });
    for (const event of catchUpEvents(store.getState())) bridge.send(event);
  }, [bridge, store]);

  useEffect(() => {
    if (!bridge) return;
    return store.subscribe((next, previous) => {
      for (const event of hostEventsBetween(previous, next)) bridge.send(event);
    });
  }, [bridge, store]);

  useEffect(() => {
    if (!bridge) return;
    const handle = (command: HostCommand): WidgetEvent | null => {
      switch (command.type) {
        case 'setActiveChat': {
          const before = store.getState().activeChatId;
          store.getState().actions.chatOpened(command.chatId);
          // The chat already on screen is no change for the store to report, yet the host waits for its answer.
          return store.getState().activeChatId === before ? { type: 'activeChatChanged', chatId: before } : null;
        }
        case 'setTheme': {
          // Without `tokens` only the mode changes; `tokens: {}` clears them.
          const theme = { mode: command.mode, tokens: command.tokens ?? current.current.theme.tokens };
          current.current = { ...current.current, theme };
          current.current.setTheme(theme);
          return null;
        }
        case 'setLocale': {
          const locale = resolveLocale(command.locale);
          if (locale) {
            current.current = { ...current.current, locale };
            current.current.setLocale(locale);
            return null;
          }
          return {
            type: 'error',
            error: { kind: 'unsupported-locale', locale: command.locale, supported: LOCALES, message: `No catalogue for "${command.locale}"; supported: ${LOCALES.join(', ')}.` },
          };
        }
        case 'focusKey': {
          const result = focus.request(command.key);
          if (result === 'focused') return null;
          return result === 'unknown-key'
            ? { type: 'error', error: { kind: 'unknown-key', key: command.key, message: `The active chat has no key "${command.key}".` } }
            : { type: 'error', error: { kind: 'focus-unavailable', message: `"${command.key}" cannot be focused right now.` } };
        }
        case 'getState':
          return { type: 'state', ...widgetState(store.getState(), { locale: current.current.locale, theme: current.current.theme.mode }) };
      }
    };
    return bridge.onCommand(handle);
  }, [bridge, store, focus]);


}
