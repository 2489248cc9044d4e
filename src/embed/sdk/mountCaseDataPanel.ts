// The host side of the contract, for CRM integrators: mounts the widget in an iframe,
// checks every message the same three ways the widget does (our iframe's window, the
// widget's exact origin, our namespace), and posts only to that origin, never "*".

import { describe } from '../../shared/schema';
import { envelope, hasOurNamespace, type HostCommand, type HostMessage } from '../protocol';
import type { CaseDataPanel, MountOptions, PanelError, ReadyResult, StateResult } from './types';
import { panelEvents } from './panelEvents';
import { hostFocus } from './hostFocus';
import { hostSettings, normalizeTheme } from './hostSettings';
import { panelUrl } from './panelUrl';
import { readWidgetMessage, type ReadMessage } from './widgetMessages';

/** As many reasons as the widget's Diagnostics view keeps. */
const KEPT_REJECTIONS = 5;
/** How long a getState() sent to a running panel waits: a frame reloaded meanwhile never answers it. */
export const ANSWER_TIMEOUT_MS = 10_000;

// What the widget may do inside the frame; everything else (top navigation, modals) is refused.
const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-storage-access-by-user-activation';

/**
 * Which panel of its page each mounted frame is (1, 2, …), freed at destroy: the second and later are
 * named `case-data-panel-2` and on, which keeps their unsaved work apart from the others'
 * (store/persistence.ts), found again after a reload or a mount in the same order. The first has no
 * name: its work stays where a lone panel's always was, and the pop-out's window, opened under the name
 * `case-data-panel`, is never taken for it (review: it opened in the frame). A registry, not a look at
 * the page's frames: one in a shadow root is not in the document's.
 */
const panelNumbers = new WeakMap<Window, Set<number>>();

export function mountCaseDataPanel(element: HTMLElement, options: MountOptions): CaseDataPanel {
  // Called from plain JavaScript with a query that found nothing: said as the SDK's, not as a null read (integrator's test).
  const doc: Document | undefined = element?.ownerDocument;
  const win = doc?.defaultView;
  if (!doc || !win) throw new TypeError('mountCaseDataPanel: the first argument must be an element in a document with a window');
  const url = panelUrl(doc, options);
  const widgetOrigin = url.origin;
  const theme = normalizeTheme(options.theme);
  // Tokens go as a setTheme once the panel is ready: a URL parameter carries the mode (and density) only.
  const themeSent = theme?.tokens !== undefined && Object.keys(theme.tokens).length > 0;

  const autoHeight = options.autoHeight ?? true;
  // A JavaScript caller's "300px" made every height NaN, which the browser ignores: the frame stayed at its
  // default 150 px, with no word of why (integrator's test). Said here, as a bad panelNumber is.
  if (options.minHeight !== undefined && !(typeof options.minHeight === 'number' && Number.isFinite(options.minHeight) && options.minHeight >= 0)) {
    throw new TypeError(`mountCaseDataPanel: minHeight must be a number of pixels from 0, got ${shown(options.minHeight)}`);
  }
  const minHeight = options.minHeight ?? 240;
  const iframe = doc.createElement('iframe');
  iframe.title = options.title ?? 'Case data panel';
  const numbers = panelNumbers.get(win) ?? new Set<number>();
  panelNumbers.set(win, numbers);
  if (options.panelNumber !== undefined && !(Number.isSafeInteger(options.panelNumber) && options.panelNumber >= 1)) {
    throw new TypeError(`mountCaseDataPanel: panelNumber must be a whole number from 1, got ${String(options.panelNumber)}`);
  }
  let panelNumber = options.panelNumber ?? 1;
  while (options.panelNumber === undefined && numbers.has(panelNumber)) panelNumber += 1;
  numbers.add(panelNumber);
  if (panelNumber > 1) iframe.name = `case-data-panel-${panelNumber}`;
  // The widget reads our origin from the referrer when the browser has no ancestorOrigins.
  iframe.referrerPolicy = 'origin';
  iframe.setAttribute('sandbox', SANDBOX);
  // The grid copies and pastes values (Ctrl+C / Ctrl+V, "Copy unsaved changes"): a
  // cross-origin frame needs the host's permission for the async clipboard.
  iframe.allow = `clipboard-read ${widgetOrigin}; clipboard-write ${widgetOrigin}`;
  // Without autoHeight the CRM's own CSS sizes the frame: an inline height would beat it.
  iframe.style.cssText = `display:block;width:100%;border:0${autoHeight ? `;height:${minHeight}px` : ''}`;
  iframe.src = url.href;
  const notice = doc.createElement('div');
  notice.className = 'case-data-panel-notice';
  notice.setAttribute('role', 'alert');
  notice.hidden = true;
  element.append(notice, iframe);

  const { emit, on, clear: clearListeners } = panelEvents(win);
  if (options.onReady) on('ready', options.onReady);
  if (options.onActiveChatChanged) on('activeChatChanged', options.onActiveChatChanged);
  if (options.onUserDataChanged) on('userDataChanged', options.onUserDataChanged);
  if (options.onSaveFailed) on('saveFailed', options.onSaveFailed);
  if (options.onDirtyStateChanged) on('dirtyStateChanged', options.onDirtyStateChanged);
  if (options.onChatStateChanged) on('chatStateChanged', options.onChatStateChanged);
  if (options.onConnectionChanged) on('connectionChanged', options.onConnectionChanged);
  if (options.onResize) on('resize', options.onResize);
  if (options.onError) on('error', options.onError);

  let isReady = false;
  let destroyed = false;
  // Set when the ready timeout passed first: getState answers with it until a late `ready`.
  let notReady: PanelError | null = null;
  // Messages from our widget that this SDK could not use (another protocol version, a type
  // it does not know, a malformed field): counted with the last reasons, as the widget does.
  let rejectedMessages = 0;
  const lastRejections: string[] = [];
  let nextRequest = 1;
  const queue: HostMessage[] = [];
  const pending = new Map<string, (result: StateResult) => void>();
  const dirtyChats = new Set<string>();
  let settleReady: (result: ReadyResult) => void = () => {};
  const ready = new Promise<ReadyResult>((resolve) => {
    settleReady = (result) => {
      settleReady = () => {};
      resolve(result);
    };
  });

  const focus = hostFocus(doc, win, iframe);
  const answerWithin = (requestId: string) =>
    win.setTimeout(() => {
      const resolve = pending.get(requestId);
      pending.delete(requestId);
      resolve?.({ ok: false, error: { kind: 'no-answer', message: `The panel did not answer getState() within ${ANSWER_TIMEOUT_MS / 1000} s (reloaded or not responding).` } });
    }, ANSWER_TIMEOUT_MS);

  const settings = hostSettings();
  // Started again, the panel reports the mount's chat before the host's, sent again: no news
  // for the host until it reports that one (a CRM following it jumped to the wrong case), or
  // refuses it (an empty id: then every later change would have been dropped, review).
  let awaitedChat: { readonly chatId: string; readonly requestId: string } | null = null;
  // The awaited chat, reported before the answer to its request came: that answer, naming it too,
  // is no news (a reloaded panel on the mount's chat, the host's last asked for: heard twice, integrator's test).
  let reportedAhead: { readonly chatId: string; readonly requestId: string } | null = null;
  const post = (command: HostCommand): string => {
    const requestId = `cdp-${nextRequest++}`;
    const message: HostMessage = { ...envelope(), ...command, requestId };
    settings.record(message);
    // Asked before the panel started: the mount's chat, reported first, is no news either (integrator's test).
    if (command.type === 'setActiveChat' && !isReady) awaitedChat = { chatId: command.chatId, requestId };
    // Before `ready` the frame may still hold about:blank or an error page: queue, don't guess.
    if (!isReady) queue.push(message);
    else iframe.contentWindow?.postMessage(message, widgetOrigin);
    return requestId;
  };

  const handle = (message: ReadMessage) => {
    switch (message.type) {
      case 'ready': {
        const restarted = isReady;
        if (restarted) {
          // Again: the frame reloaded (the agent's F5, a redeployed panel). What the host set
          // since the mount goes again, and the questions it is still waiting on (exploratory
          // test: the chat went back to the mount's, and getState waited for its timeout).
          settings.restarted();
          for (const setting of settings.all()) iframe.contentWindow?.postMessage(setting, widgetOrigin);
          awaitedChat = settings.chat();
          for (const requestId of pending.keys()) iframe.contentWindow?.postMessage({ ...envelope(), type: 'getState', requestId }, widgetOrigin);
          // Its unsaved work may be gone with the reload (storage blocked or cleared): clean until it
          // says again, right after this `ready`, which chats have some (isDirty stayed true: integrator's test).
          for (const chatId of dirtyChats) {
            dirtyChats.delete(chatId);
            emit('dirtyStateChanged', { type: 'dirtyStateChanged', chatId, dirty: false });
          }
        }
        isReady = true;
        win.clearTimeout(timer);
        notice.hidden = true;
        for (const queued of queue.splice(0)) {
          // A focusKey asked before `ready` goes now, if the agent is still where they were when
          // it was asked; one who has moved on keeps their place (review).
          if (queued.type === 'focusKey' && queued.requestId !== undefined && !focus.release(queued.requestId)) {
            emit('error', { kind: 'focus-unavailable', message: `Not focused "${queued.key}": the focus moved elsewhere in this page while the panel started.` });
            continue;
          }
          iframe.contentWindow?.postMessage(queued, widgetOrigin);
          if (queued.type === 'getState' && queued.requestId !== undefined) answerWithin(queued.requestId);
        }
        settleReady({ ok: true, widgetVersion: message.widgetVersion, capabilities: message.capabilities });
        emit('ready', { ...message, restarted });
        // The mount's locale went as a URL parameter, where a language the panel lacks is only
        // a configuration problem it shows; the integrator hears of it here, as setLocale would.
        if (options.locale !== undefined && !supportsLocale(message.capabilities.locales, options.locale)) {
          const { locales } = message.capabilities;
          emit('error', { kind: 'unsupported-locale', locale: options.locale, supported: locales, message: `No catalogue for "${options.locale}"; supported: ${locales.join(', ')}.` });
        }
        // The mount's theme mode too, told as the panel answers a setTheme with it (integrator's test: "purple" went
        // unsaid). One with tokens went as that setTheme at the first start, and its answer told it already.
        if (theme !== null && !message.capabilities.themes.some((mode) => mode === theme.mode) && (restarted || !themeSent)) {
          const { themes } = message.capabilities;
          const issue = { path: 'mode', message: `expected one of ${themes.join(', ')}, got ${shown(theme.mode)}` };
          emit('error', { kind: 'invalid-message', issues: [issue], message: `Invalid theme: ${issue.path}: ${issue.message}.` });
        }
        return;
      }
      case 'state': {
        const resolve = message.inReplyTo === undefined ? undefined : pending.get(message.inReplyTo);
        if (!resolve || message.inReplyTo === undefined) return;
        pending.delete(message.inReplyTo);
        const { type: _type, namespace: _namespace, version: _version, inReplyTo: _inReplyTo, ...state } = message;
        return resolve({ ok: true, state });
      }
      case 'error': {
        focus.refused(message.inReplyTo);
        // A setting the panel refused is not given again to a reloaded one, nor waited on.
        if (awaitedChat?.requestId === message.inReplyTo) awaitedChat = null;
        settings.refused(message.inReplyTo);
        const resolve = message.inReplyTo === undefined ? undefined : pending.get(message.inReplyTo);
        if (resolve && message.inReplyTo !== undefined) {
          pending.delete(message.inReplyTo);
          return resolve({ ok: false, error: message.error });
        }
        return emit('error', message.error);
      }
      case 'resize':
        if (autoHeight) iframe.style.height = `${Math.max(minHeight, Math.ceil(message.height))}px`;
        return emit('resize', message);
      case 'dirtyStateChanged':
        if (message.dirty) dirtyChats.add(message.chatId);
        else dirtyChats.delete(message.chatId);
        return emit('dirtyStateChanged', message);
      case 'activeChatChanged':
        // The panel's answer to the chat awaited ends the wait, whichever chat it names.
        if (awaitedChat !== null && message.chatId !== awaitedChat.chatId && message.inReplyTo !== awaitedChat.requestId) return;
        {
          const ahead = reportedAhead;
          reportedAhead = awaitedChat !== null && message.inReplyTo !== awaitedChat.requestId ? awaitedChat : null;
          awaitedChat = null;
          if (ahead !== null && message.inReplyTo === ahead.requestId && message.chatId === ahead.chatId) return;
        }
        if (!settings.reported(message.chatId, message.inReplyTo, `cdp-${nextRequest++}`)) return;
        return emit('activeChatChanged', message);
      case 'userDataChanged':
        return emit('userDataChanged', message);
      case 'saveFailed':
        return emit('saveFailed', message);
      case 'chatStateChanged':
        return emit('chatStateChanged', message);
      case 'connectionChanged':
        return emit('connectionChanged', message);
    }
  };

  // Our frame's panel speaking from another origin: its address redirected there (`src` on
  // panel.example.com, served from www.panel.example.com). Not obeyed, but said (review).
  let redirectedTo: string | null = null;
  const reject = (reason: string) => {
    rejectedMessages += 1;
    lastRejections.push(reason);
    if (lastRejections.length > KEPT_REJECTIONS) lastRejections.shift();
  };
  const onMessage = (event: MessageEvent) => {
    if (destroyed || event.source !== iframe.contentWindow) return;
    const data: unknown = event.data;
    if (!hasOurNamespace(data)) return;
    if (event.origin !== widgetOrigin) {
      redirectedTo = event.origin;
      return reject(`from ${event.origin}, not ${widgetOrigin}: src redirected?`);
    }
    const reading = readWidgetMessage(data);
    if (reading.kind === 'event') return handle(reading.message);
    reject(reading.reason);
  };
  win.addEventListener('message', onMessage);

  const timeoutMs = options.readyTimeoutMs ?? 15_000;
  const timer =
    timeoutMs > 0
      ? win.setTimeout(() => {
          if (isReady || destroyed) return;
          // A widget that answers in a way we cannot read is running: saying "check that it is
          // reachable" would send the integrator the wrong way.
          const message = redirectedTo
            ? `The Case Data Panel started at ${redirectedTo}, not at ${widgetOrigin}: its address redirects there. Mount it with that origin in src (this SDK talks only to the origin it was given).`
            : rejectedMessages > 0
              ? `The Case Data Panel at ${widgetOrigin} answered, but this SDK could not read its messages (${rejectedMessages}; last: ${lastRejections[lastRejections.length - 1]}). Load embed.js from the same deployment as the panel.`
              : `The Case Data Panel at ${widgetOrigin} did not start. Check that it is reachable, and that this page's origin (${win.location.origin}) is in its "allowedHostOrigins"${win.parent === win ? '' : ', and the origin of every page that frames this one'} (and its server's frame-ancestors header), and that its config.json can be read (the frame says so when it cannot).`;
          const error: PanelError = { kind: 'not-ready', message };
          notice.textContent = error.message;
          notice.hidden = false;
          settleReady({ ok: false, error });
          // A question waiting for the panel gets the answer now, not whenever it starts (if
          // ever). Settings stay queued, so a panel that starts late still applies them; a
          // late focusKey would take focus from wherever the agent is by then, so it goes.
          notReady = error;
          for (const resolve of pending.values()) resolve({ ok: false, error });
          pending.clear();
          queue.splice(0, queue.length, ...queue.filter((queued) => queued.type !== 'getState' && queued.type !== 'focusKey'));
          focus.dropQueued();
          emit('error', error);
        }, timeoutMs)
      : undefined;

  if (themeSent) post({ type: 'setTheme', mode: theme.mode, tokens: theme.tokens });

  return {
    iframe,
    ready,
    setActiveChat: (chatId) => {
      if (destroyed) return;
      // No chat (a CRM record with none linked): refused here as the panel would, not waited on (exploratory round).
      // Spaces around it (a CRM field's copy) dropped here too, as the panel drops them: the chat awaited is the one it reports (review).
      const id = typeof chatId === 'string' ? chatId.trim() : '';
      if (id === '') {
        return emit('error', { kind: 'invalid-message', issues: [{ path: 'chatId', message: 'expected a chat id' }], message: `setActiveChat needs a chat id, got ${JSON.stringify(chatId) ?? 'undefined'}.` });
      }
      post({ type: 'setActiveChat', chatId: id });
    },
    setTheme: (setting) => {
      const next = normalizeTheme(setting);
      if (!destroyed && next) post(next.tokens === undefined ? { type: 'setTheme', mode: next.mode } : { type: 'setTheme', mode: next.mode, tokens: next.tokens });
    },
    setLocale: (locale) => {
      if (!destroyed) post({ type: 'setLocale', locale });
    },
    focusKey: (key) => {
      if (destroyed) return;
      // A panel that did not start cannot take focus; asking later must not either.
      if (!isReady && notReady) return emit('error', notReady);
      // Focus moves into the frame on the host's request only; the widget never takes it.
      const requestId = post({ type: 'focusKey', key });
      if (isReady) focus.moveIn(requestId);
      else focus.queue(requestId);
    },
    getState: () => {
      if (destroyed) return Promise.resolve({ ok: false, error: { kind: 'destroyed', message: 'The panel was destroyed.' } });
      if (!isReady && notReady) return Promise.resolve({ ok: false, error: notReady });
      return new Promise<StateResult>((resolve) => {
        const requestId = post({ type: 'getState' });
        pending.set(requestId, resolve);
        if (isReady) answerWithin(requestId);
      });
    },
    isDirty: () => dirtyChats.size > 0,
    diagnostics: () => ({ rejectedMessages, lastRejections: [...lastRejections] }),
    on,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      numbers.delete(panelNumber);
      win.removeEventListener('message', onMessage);
      win.clearTimeout(timer);
      const error: PanelError = { kind: 'destroyed', message: 'The panel was destroyed.' };
      for (const resolve of pending.values()) resolve({ ok: false, error });
      pending.clear();
      settleReady({ ok: false, error });
      clearListeners();
      queue.length = 0;
      iframe.remove();
      notice.remove();
    },
  };
}

/** A value an integrator passed, in words: a string quoted, so "300px" does not read as a number. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : describe(value);
}

/** As the widget resolves a tag: its language (`de-AT` → `de`) must have a catalogue. */
function supportsLocale(locales: readonly string[], tag: string): boolean {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return locales.some((locale) => locale.toLowerCase() === language);
}
