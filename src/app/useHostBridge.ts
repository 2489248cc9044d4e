// Where the host contract meets the store: host commands become store actions or
// appearance changes, and store changes become host events. The bridge itself (origins,
// parsing, replies) lives in embed/; this is composition only.

import { useEffect, useRef } from 'react';
import { THEME_MODES, type HostBridge, type HostCommand, type Theme, type WidgetEvent } from '../embed';
import { clip, HOST_COMMAND_TYPES, WIDGET_EVENT_TYPES, WIDGET_VERSION } from '../embed/host';
import { LOCALES, resolveLocale, type Locale } from '../i18n';
import { useChatStoreApi, type ChatStore } from '../store';
import type { FocusKeyChannel, FocusKeyResult } from './focusChannel';
import { catchUpEvents, hostEventsBetween, widgetState } from './hostEvents';

export type Appearance = {
  readonly theme: Theme;
  readonly locale: Locale;
  readonly setTheme: (theme: Theme) => void;
  readonly setLocale: (locale: Locale) => void;
};

// StrictMode runs effects twice in development; the host must still see one `ready`.
const announced = new WeakSet<HostBridge>();

function readyEvent(): WidgetEvent {
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

  // While a setActiveChat is carried out, the chat change it makes is its answer (with inReplyTo),
  // not an event of its own: a change carried none, a chat already on screen did (integrator's test).
  const answering = useRef(false);
  useEffect(() => {
    if (!bridge) return;
    return store.subscribe((next, previous) => {
      for (const event of hostEventsBetween(previous, next)) if (!(answering.current && event.type === 'activeChatChanged')) bridge.send(event);
    });
  }, [bridge, store]);

  useEffect(() => {
    if (!bridge) return;
    const handle = (command: HostCommand): WidgetEvent | null | Promise<WidgetEvent | null> => {
      switch (command.type) {
        case 'setActiveChat': {
          answering.current = true;
          try {
            store.getState().actions.chatOpened(command.chatId);
          } finally {
            answering.current = false;
          }
          return { type: 'activeChatChanged', chatId: store.getState().activeChatId };
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
          // In the texts, clipped as every echo is (a 64 kB key was answered with it twice: review); whole once, as `key`.
          const key = clip(command.key);
          const answer = (result: FocusKeyResult): WidgetEvent | null =>
            result === 'focused'
              ? null
              : result === 'unknown-key' && !hiddenKey(store, command.key)
                ? { type: 'error', error: { kind: 'unknown-key', key: command.key, message: `The active chat has no key "${key}".` } }
                : {
                    type: 'error',
                    // One the chat has that the configuration hides: getState lists it, so not "no key" (integrator's test).
                    error: { kind: 'focus-unavailable', message: result === 'unknown-key' ? `"${key}" is hidden by the panel's configuration (caseData.fields).` : `"${key}" cannot be focused right now.` },
                  };
          const result = focus.request(command.key);
          // No grid yet. Asked before the chats have been read (the bridge is up before the first
          // read), or between the chat's data and the grid's first render: asked again once they
          // are there (exploratory test: a CRM that asks at `ready`). A chat not the agent's: now.
          const nothingRead = store.getState().chats.size === 0;
          if (result !== 'unavailable' || (!nothingRead && !chatLoaded(store))) return answer(result);
          // Served late only if the frame still has the focus it had when asked: an agent who went
          // back to the CRM meanwhile would have their typing taken into the grid, type-to-edit
          // replacing a value (exploratory test).
          const hadFocus = document.hasFocus();
          const request = (key: string): FocusKeyResult | 'focus-left' => (hadFocus && !document.hasFocus() ? 'focus-left' : focus.request(key));
          return (nothingRead ? whenRead(store) : Promise.resolve())
            .then(() => (chatLoaded(store) ? retryFocus(request, command.key) : request(command.key)))
            .then((late): WidgetEvent | null =>
              late === 'focus-left'
                ? { type: 'error', error: { kind: 'focus-unavailable', message: `Not focused "${key}": the focus left the panel while it read the chats.` } }
                : answer(late),
            );
        }
        case 'getState':
          return { type: 'state', ...widgetState(store.getState(), { locale: current.current.locale, theme: current.current.theme.mode }) };
      }
    };
    return bridge.onCommand(handle);
  }, [bridge, store, focus]);


}

/** How long a focusKey asked before the chats are read waits for them, and then for the grid. */
const CHAT_WAIT_MS = 10_000;
const GRID_WAIT_MS = 2_000;
const GRID_POLL_MS = 50;

/** The active chat has the key, which the grid does not show: the configuration hides it. */
const hiddenKey = (store: ChatStore, key: string) => {
  const { activeChatId, chats } = store.getState();
  return chats.get(activeChatId ?? '')?.chat.userData.has(key) === true;
};

const chatLoaded = (store: ChatStore) => {
  const { activeChatId, chats } = store.getState();
  return activeChatId !== null && chats.has(activeChatId);
};

/** Resolves once chats are in the store (the first read), or after CHAT_WAIT_MS. */
function whenRead(store: ChatStore): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, CHAT_WAIT_MS);
    const unsubscribe = store.subscribe((state) => {
      if (state.chats.size > 0) done();
    });
  });
}

/** The grid registers its focus handler once it has rendered the chat: asked until it answers, for a moment. */
function retryFocus<Result>(request: (key: string) => Result | 'unavailable', key: string): Promise<Result | 'unavailable'> {
  const until = Date.now() + GRID_WAIT_MS;
  return new Promise((resolve) => {
    const ask = () => {
      const result = request(key);
      if (result !== 'unavailable' || Date.now() >= until) resolve(result);
      else setTimeout(ask, GRID_POLL_MS);
    };
    ask();
  });
}

