import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { mountCaseDataPanel, PROTOCOL_NAMESPACE, PROTOCOL_VERSION, type CaseDataPanel, type MountOptions, type ThemeMode } from '../../src/embed/sdk';
import { ANSWER_TIMEOUT_MS } from '../../src/embed/sdk/mountCaseDataPanel';

const WIDGET = 'https://panel.example.com';
const envelope = { namespace: PROTOCOL_NAMESPACE, version: PROTOCOL_VERSION };
const READY = {
  ...envelope,
  type: 'ready',
  widgetVersion: '0.1.0',
  capabilities: { commands: ['setActiveChat', 'getState', 'somethingFromTheFuture'], events: ['ready'], locales: ['en', 'de', 'ar'], themes: ['light', 'dark'] },
};

let host: HTMLDivElement;
let panel: CaseDataPanel;
let posted: MockInstance<Window['postMessage']>;

function mount(options: Partial<MountOptions> = {}) {
  panel = mountCaseDataPanel(host, { src: `${WIDGET}/panel/?stale=1`, readyTimeoutMs: 0, ...options });
  const frame = panel.iframe.contentWindow;
  if (!frame) throw new Error('jsdom gave the iframe no window');
  posted = vi.spyOn(frame, 'postMessage').mockImplementation(() => undefined);
  return panel;
}

/** A message as the widget in the iframe would send it. */
function fromWidget(data: unknown, { origin = WIDGET, source }: { origin?: string; source?: MessageEventSource | null } = {}) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: source === undefined ? panel.iframe.contentWindow : source }));
}

const sent = () => posted.mock.calls.map(([message]) => message);

/** A ready panel beside a CRM field that has the focus; fake timers. */
function readyWithCrmField() {
  vi.useFakeTimers();
  const field = document.createElement('input');
  host.before(field);
  mount();
  fromWidget(READY);
  field.focus();
  return field;
}

/** The panel refuses a focusKey: no such key. */
const refused = (key: string, requestId: string) => fromWidget({ ...envelope, type: 'error', error: { kind: 'unknown-key', key, message: 'no such key' }, inReplyTo: requestId });
const targets = () => posted.mock.calls.map((call) => call[1]);

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  // (A test that only checks refusals mounts none.)
  panel?.destroy();
  host.remove();
  vi.useRealTimers();
});

describe('mountCaseDataPanel', () => {
  it('mounts a sandboxed, titled iframe whose URL carries the chat, locale and theme', () => {
    mount({ chatId: 'C-1', locale: 'de', theme: { mode: 'dark', tokens: { density: 'compact' } }, title: 'Case data for case 42' });
    const iframe = screen.getByTitle('Case data for case 42');
    expect(iframe).toBe(panel.iframe);
    const src = new URL(panel.iframe.src);
    expect(src.origin + src.pathname).toBe(`${WIDGET}/panel/`);
    expect(Object.fromEntries(src.searchParams)).toEqual({ stale: '1', chatId: 'C-1', locale: 'de', theme: 'dark', density: 'compact' });
    expect(panel.iframe.getAttribute('sandbox')).toContain('allow-scripts');
    expect(panel.iframe.getAttribute('sandbox')).not.toContain('allow-top-navigation');
    expect(panel.iframe.referrerPolicy).toBe('origin');
  });

  it('refuses at once, as its own, a src that is not the panel’s address and a container that is no element', () => {
    // Before (integrator's test): "" and the page's own address framed the CRM page itself, its scripts and all.
    expect(() => mountCaseDataPanel(host, { src: '' })).toThrow(new TypeError("mountCaseDataPanel: src must be the panel's URL; it is empty"));
    expect(() => mountCaseDataPanel(host, { src: '   ' })).toThrow(/src must be the panel's URL/);
    expect(() => mountCaseDataPanel(host, { src: `${window.location.href}#panel` })).toThrow(/src is this page's own address/);
    expect(() => mountCaseDataPanel(host, { src: 'javascript:alert(1)' })).toThrow(/src must be an http\(s\) URL/);
    // Before: "Cannot read properties of null (reading 'ownerDocument')", a query that found nothing.
    expect(() => mountCaseDataPanel(null as unknown as HTMLElement, { src: `${WIDGET}/panel/` })).toThrow(
      new TypeError('mountCaseDataPanel: the first argument must be an element in a document with a window'),
    );
    expect(host.querySelector('iframe')).toBeNull();
  });

  it('holds commands until the widget is ready, then posts them to the widget’s exact origin only', async () => {
    const onReady = vi.fn();
    mount({ theme: { mode: 'light', tokens: { accentColor: '#6b3fa0' } }, onReady });
    panel.setActiveChat('C-2');
    expect(posted).not.toHaveBeenCalled();
    fromWidget(READY);
    expect(await panel.ready).toEqual({
      ok: true,
      widgetVersion: '0.1.0',
      capabilities: { commands: ['setActiveChat', 'getState'], events: ['ready'], locales: ['en', 'de', 'ar'], themes: ['light', 'dark'] },
    });
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(sent()).toEqual([
      { ...envelope, type: 'setTheme', mode: 'light', tokens: { accentColor: '#6b3fa0' }, requestId: 'cdp-1' },
      { ...envelope, type: 'setActiveChat', chatId: 'C-2', requestId: 'cdp-2' },
    ]);
    panel.setTheme('high-contrast');
    panel.setLocale('ar');
    panel.focusKey('Subject');
    expect(sent().slice(2)).toEqual([
      { ...envelope, type: 'setTheme', mode: 'high-contrast', requestId: 'cdp-3' },
      { ...envelope, type: 'setLocale', locale: 'ar', requestId: 'cdp-4' },
      { ...envelope, type: 'focusKey', key: 'Subject', requestId: 'cdp-5' },
    ]);
    expect(new Set(targets())).toEqual(new Set([WIDGET]));
  });

  it('ignores messages from another window, another origin or another namespace', async () => {
    const onReady = vi.fn();
    mount({ onReady });
    fromWidget(READY, { origin: 'https://evil.example' });
    fromWidget(READY, { source: window });
    fromWidget({ ...READY, namespace: 'someone-else' });
    fromWidget({ ...READY, widgetVersion: 7 });
    expect(onReady).not.toHaveBeenCalled();
    panel.setActiveChat('C-2');
    expect(posted).not.toHaveBeenCalled();
    // Only our frame's messages count as rejected (another origin there: its address redirected,
    // embedSdkSettings.test.tsx); other windows are not its business.
    expect(panel.diagnostics()).toEqual({
      rejectedMessages: 2,
      lastRejections: ['from https://evil.example, not https://panel.example.com: src redirected?', 'invalid ready: widgetVersion: expected a string, got a number'],
    });
  });

  it('counts the widget’s messages it cannot read, keeping the last five reasons', () => {
    mount();
    fromWidget({ ...READY, version: 2 });
    fromWidget({ ...envelope, type: 'somethingNew' });
    for (let index = 0; index < 5; index += 1) fromWidget({ ...envelope, type: 'resize', height: `tall ${index}` });
    const { rejectedMessages, lastRejections } = panel.diagnostics();
    expect(rejectedMessages).toBe(7);
    expect(lastRejections).toHaveLength(5);
    expect(lastRejections[0]).toMatch(/^invalid resize: height: /);
    // Readable messages still work and are not counted.
    fromWidget(READY);
    expect(panel.diagnostics().rejectedMessages).toBe(7);
  });

  it('says the SDK and the panel do not match, not "check that it is reachable", when the panel answers in another version', async () => {
    vi.useFakeTimers();
    mount({ readyTimeoutMs: 10_000 });
    fromWidget({ ...READY, version: 2 });
    vi.advanceTimersByTime(10_000);
    expect(screen.getByRole('alert')).toHaveTextContent(`The Case Data Panel at ${WIDGET} answered, but this SDK could not read its messages (1; last: protocol version 2 is not 1). Load embed.js from the same deployment as the panel.`);
    expect(await panel.ready).toEqual({ ok: false, error: expect.objectContaining({ kind: 'not-ready' }) });
  });

  it('delivers events to the option callbacks and to on() listeners until they unsubscribe', () => {
    const onUserDataChanged = vi.fn();
    mount({ onUserDataChanged });
    const listener = vi.fn();
    const unsubscribe = panel.on('userDataChanged', listener);
    const change = { ...envelope, type: 'userDataChanged', chatId: 'C-1', source: 'server', changes: [{ key: 'Subject', kind: 'changed', value: 'Refund', previousValue: 'Billing' }] };
    fromWidget(change);
    unsubscribe();
    fromWidget(change);
    expect(onUserDataChanged).toHaveBeenCalledTimes(2);
    // The envelope (namespace, version) is the protocol's, not the event's.
    const { namespace: _namespace, version: _version, ...event } = change;
    expect(onUserDataChanged).toHaveBeenLastCalledWith(event);
    expect(onUserDataChanged.mock.lastCall?.[0]).not.toHaveProperty('namespace');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('tells the host a chat’s change of state, and refuses one without its previous state', () => {
    const onChatStateChanged = vi.fn();
    mount({ onChatStateChanged });
    fromWidget({ ...envelope, type: 'chatStateChanged', chatId: 'C-1', state: 'Completed', previousState: 'Chatting' });
    fromWidget({ ...envelope, type: 'chatStateChanged', chatId: 'C-1', state: 'Completed' });
    expect(onChatStateChanged.mock.calls).toEqual([[{ type: 'chatStateChanged', chatId: 'C-1', state: 'Completed', previousState: 'Chatting' }]]);
    expect(panel.diagnostics()).toEqual({ rejectedMessages: 1, lastRejections: ['invalid chatStateChanged: previousState: expected a string, got nothing'] });
  });

  it('tracks dirty chats for a beforeunload warning, and sizes the iframe to the panel', () => {
    mount({ minHeight: 200 });
    fromWidget({ ...envelope, type: 'dirtyStateChanged', chatId: 'C-1', dirty: true });
    fromWidget({ ...envelope, type: 'dirtyStateChanged', chatId: 'C-2', dirty: true });
    fromWidget({ ...envelope, type: 'dirtyStateChanged', chatId: 'C-1', dirty: false });
    expect(panel.isDirty()).toBe(true);
    fromWidget({ ...envelope, type: 'dirtyStateChanged', chatId: 'C-2', dirty: false });
    expect(panel.isDirty()).toBe(false);
    fromWidget({ ...envelope, type: 'resize', height: 612.4 });
    expect(panel.iframe.style.height).toBe('613px');
    fromWidget({ ...envelope, type: 'resize', height: 90 });
    expect(panel.iframe.style.height).toBe('200px');
  });

  it('refuses at once a minHeight that is no number of pixels, naming what it got (integrator’s test: "300px" left the frame at 150 px)', () => {
    const withMinHeight = (minHeight: unknown) => () => mountCaseDataPanel(host, { src: `${WIDGET}/panel/`, readyTimeoutMs: 0, minHeight: minHeight as number });
    expect(withMinHeight('300px')).toThrow(new TypeError('mountCaseDataPanel: minHeight must be a number of pixels from 0, got "300px"'));
    expect(withMinHeight(-1)).toThrow(new TypeError('mountCaseDataPanel: minHeight must be a number of pixels from 0, got -1'));
    expect(withMinHeight(Number.NaN)).toThrow(/got NaN$/);
    expect(withMinHeight(Number.POSITIVE_INFINITY)).toThrow(/got Infinity$/);
    expect(withMinHeight(null)).toThrow(/got null$/);
    expect(withMinHeight({ px: 300 })).toThrow(/got an object$/);
    expect(host.querySelector('iframe')).toBeNull();
    mount({ minHeight: 0 });
    expect(panel.iframe.style.height).toBe('0px');
  });

  it('answers getState from the reply to its own request, and a refusal as a value', async () => {
    mount();
    fromWidget(READY);
    const state = panel.getState();
    const refused = panel.getState();
    const [first, second] = sent();
    expect(first).toEqual({ ...envelope, type: 'getState', requestId: 'cdp-1' });
    expect(second).toEqual({ ...envelope, type: 'getState', requestId: 'cdp-2' });
    const reply = { activeChatId: 'C-1', chatState: 'Chatting', userData: { Subject: 'Billing' }, drafts: {}, chats: [{ chatId: 'C-1', state: 'Chatting' }], dirtyChatIds: [], connection: 'live', locale: 'en', theme: 'light' };
    fromWidget({ ...envelope, type: 'error', error: { kind: 'unknown-type', type: 'getState', message: 'no' }, inReplyTo: 'cdp-2' });
    fromWidget({ ...envelope, type: 'state', ...reply, inReplyTo: 'cdp-1' });
    expect(await state).toEqual({ ok: true, state: reply });
    expect(await refused).toEqual({ ok: false, error: { kind: 'unknown-type', type: 'getState', message: 'no' } });
  });

  it('answers a getState the panel never answers (its frame reloaded) with no-answer, counted from when it was sent', async () => {
    vi.useFakeTimers();
    mount();
    const beforeReady = panel.getState();
    vi.advanceTimersByTime(ANSWER_TIMEOUT_MS * 2);
    fromWidget(READY);
    const afterReady = panel.getState();
    vi.advanceTimersByTime(ANSWER_TIMEOUT_MS - 1);
    let settled = false;
    void afterReady.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    const noAnswer = { ok: false, error: expect.objectContaining({ kind: 'no-answer', message: expect.stringContaining('getState') }) };
    expect(await beforeReady).toEqual(noAnswer);
    expect(await afterReady).toEqual(noAnswer);
    // An answer arriving after that finds nothing waiting: no error, nothing settled again.
    const onError = vi.fn();
    panel.on('error', onError);
    fromWidget({ ...envelope, type: 'state', activeChatId: null, chatState: null, userData: {}, drafts: null, chats: [], dirtyChatIds: [], connection: 'live', locale: 'en', theme: 'light', inReplyTo: 'cdp-1' });
    expect(onError).not.toHaveBeenCalled();
    expect(await beforeReady).toEqual(noAnswer);
  });

  it('gives a panel that starts again (its frame reloaded) the host’s settings since the mount, and the questions still waiting', async () => {
    const onReady = vi.fn();
    mount({ chatId: 'C-1', onReady });
    fromWidget(READY);
    panel.setActiveChat('C-9');
    panel.setLocale('de');
    panel.setActiveChat('C-10');
    const state = panel.getState();
    posted.mockClear();
    // Before (exploratory test): the reloaded panel showed the mount's chat, and getState waited for its timeout.
    fromWidget(READY);
    expect(sent()).toEqual([
      { ...envelope, type: 'setActiveChat', chatId: 'C-10', requestId: 'cdp-3' },
      { ...envelope, type: 'setLocale', locale: 'de', requestId: 'cdp-2' },
      { ...envelope, type: 'getState', requestId: 'cdp-4' },
    ]);
    expect(new Set(targets())).toEqual(new Set([WIDGET]));
    const reply = { activeChatId: 'C-10', chatState: 'Chatting', userData: {}, drafts: {}, chats: [], dirtyChatIds: [], connection: 'live', locale: 'de', theme: 'light' };
    fromWidget({ ...envelope, type: 'state', ...reply, inReplyTo: 'cdp-4' });
    expect(await state).toEqual({ ok: true, state: reply });
    expect(onReady).toHaveBeenCalledTimes(2);
  });

  it('after a frame reload, does not pass on the mount’s chat the panel reports before the host’s, sent again', () => {
    const onActiveChatChanged = vi.fn();
    mount({ chatId: 'C-1', onActiveChatChanged });
    fromWidget(READY);
    panel.setActiveChat('C-10');
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-10' });
    // Reloaded: ready, then the chat of the mount's URL, then the host's once it is applied.
    fromWidget(READY);
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1' });
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-10' });
    // The agent's own switch afterwards is news again.
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-2' });
    expect(onActiveChatChanged.mock.calls.map(([event]) => event.chatId)).toEqual(['C-10', 'C-10', 'C-2']);
  });

  it('after a frame reload on the mount’s chat, the host’s last asked for too, tells it once (integrator’s test: twice)', () => {
    const onActiveChatChanged = vi.fn();
    mount({ chatId: 'C-1', onActiveChatChanged });
    fromWidget(READY);
    panel.setActiveChat('C-10');
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-10', inReplyTo: 'cdp-1' });
    panel.setActiveChat('C-1');
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1', inReplyTo: 'cdp-2' });
    posted.mockClear();
    // Reloaded: ready, the chat of the mount's URL, then its answer to the host's, sent again.
    fromWidget(READY);
    const again = sent().find((message) => message.type === 'setActiveChat');
    expect(again).toEqual(expect.objectContaining({ chatId: 'C-1' }));
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1' });
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1', inReplyTo: again?.requestId });
    // The agent's own switch afterwards is news, and the host's next request's answer too.
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-2' });
    panel.setActiveChat('C-2');
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-2', inReplyTo: 'cdp-3' });
    expect(onActiveChatChanged.mock.calls.map(([event]) => event.chatId)).toEqual(['C-10', 'C-1', 'C-1', 'C-2', 'C-2']);
  });

  it('names the second and later frames it mounts, the first free number in mount order, so that each panel keeps its unsaved work apart (integrator’s test)', () => {
    const first = mount();
    // The second in a shadow root: counted all the same (review: a look at the document's frames missed it).
    const shadowHost = document.createElement('div');
    document.body.append(shadowHost);
    const inShadow = document.createElement('div');
    shadowHost.attachShadow({ mode: 'open' }).append(inShadow);
    const second = mountCaseDataPanel(inShadow, { src: `${WIDGET}/panel/`, readyTimeoutMs: 0 });
    const third = mountCaseDataPanel(host, { src: `${WIDGET}/panel/`, readyTimeoutMs: 0 });
    // The first unnamed: where a lone panel's work always was, and never the pop-out window's name, case-data-panel (review).
    expect([first.iframe.name, second.iframe.name, third.iframe.name]).toEqual(['', 'case-data-panel-2', 'case-data-panel-3']);
    // The second closed and mounted again (the CRM's case view reopened): its name, and so its work, again.
    second.destroy();
    const again = mountCaseDataPanel(host, { src: `${WIDGET}/panel/`, readyTimeoutMs: 0 });
    expect(again.iframe.name).toBe('case-data-panel-2');
    third.destroy();
    again.destroy();
    shadowHost.remove();
    // Panels mounted from different documents (a console's frames) are numbered by the CRM.
    const fromConsole = mountCaseDataPanel(host, { src: `${WIDGET}/panel/`, readyTimeoutMs: 0, panelNumber: 4 });
    expect(fromConsole.iframe.name).toBe('case-data-panel-4');
    fromConsole.destroy();
    expect(() => mountCaseDataPanel(host, { src: `${WIDGET}/panel/`, panelNumber: 0 })).toThrow(new TypeError('mountCaseDataPanel: panelNumber must be a whole number from 1, got 0'));
  });

  it('frames the mount’s chat id trimmed, as setActiveChat sends it (integrator’s test: " C-1 " opened no chat)', () => {
    mount({ chatId: ' C-1\t' });
    expect(new URL(document.querySelector('iframe')?.src ?? '').searchParams.get('chatId')).toBe('C-1');
  });

  it('at the first start, does not pass on the mount’s chat when the host chose another before ready', () => {
    const onActiveChatChanged = vi.fn();
    mount({ chatId: 'C-1', onActiveChatChanged });
    panel.setActiveChat('C-10');
    fromWidget(READY);
    // Before (integrator's test): the CRM heard C-1, then C-10.
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1' });
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-10' });
    expect(onActiveChatChanged.mock.calls.map(([event]) => event.chatId)).toEqual(['C-10']);
    // An answer to the SDK's own request: its id is the SDK's business, not the host's.
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-2', inReplyTo: 'cdp-2' });
    expect(onActiveChatChanged).toHaveBeenLastCalledWith({ type: 'activeChatChanged', chatId: 'C-2' });
  });

  it('asks for a chat id with spaces around it (a CRM field’s copy) as the id, and hears the panel’s answer to it', () => {
    const onActiveChatChanged = vi.fn();
    mount({ chatId: 'C-1', onActiveChatChanged });
    panel.setActiveChat(' C-10\t');
    fromWidget(READY);
    expect(sent()).toEqual([expect.objectContaining({ type: 'setActiveChat', chatId: 'C-10', requestId: 'cdp-1' })]);
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1' });
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-10', inReplyTo: 'cdp-1' });
    // Before (review): the panel's "C-10" was not the " C-10" awaited, and this and every later change went unheard.
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-2' });
    expect(onActiveChatChanged.mock.calls.map(([event]) => event.chatId)).toEqual(['C-10', 'C-2']);
    // Only spaces: no chat, refused at once.
    const onError = vi.fn();
    panel.on('error', onError);
    panel.setActiveChat('   ');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'invalid-message' }));
  });

  it('ends the wait for the chat asked before ready at the panel’s answer to it, whichever chat that names', () => {
    const onActiveChatChanged = vi.fn();
    mount({ chatId: 'C-1', onActiveChatChanged });
    panel.setActiveChat('C-10');
    fromWidget(READY);
    // The panel settled on another chat in answer (one it could not show): later changes are still heard.
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1', inReplyTo: 'cdp-1' });
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-2' });
    expect(onActiveChatChanged.mock.calls.map(([event]) => event.chatId).at(-1)).toBe('C-2');
  });

  it('says a ready after the first is a restart: changes made while the frame reloaded were told to no one', () => {
    const onReady = vi.fn();
    mount({ onReady });
    fromWidget(READY);
    fromWidget(READY);
    // Before (integrator's test): the same event twice, nothing to say a change may have gone unheard meanwhile.
    expect(onReady.mock.calls.map(([event]) => event.restarted)).toEqual([false, true]);
  });

  it('after a frame reload, holds no chat dirty the panel does not say again is (its storage gone with the reload)', () => {
    const onDirtyStateChanged = vi.fn();
    mount({ onDirtyStateChanged });
    fromWidget(READY);
    fromWidget({ ...envelope, type: 'dirtyStateChanged', chatId: 'C-1', dirty: true });
    fromWidget({ ...envelope, type: 'dirtyStateChanged', chatId: 'C-2', dirty: true });
    // Reloaded: only C-2's work survived it.
    fromWidget(READY);
    fromWidget({ ...envelope, type: 'dirtyStateChanged', chatId: 'C-2', dirty: true });
    expect(onDirtyStateChanged.mock.calls.slice(2).map(([event]) => [event.chatId, event.dirty])).toEqual([
      ['C-1', false],
      ['C-2', false],
      ['C-2', true],
    ]);
    fromWidget({ ...envelope, type: 'dirtyStateChanged', chatId: 'C-2', dirty: false });
    // Before (integrator's test): true for good, C-1's lost work still counted.
    expect(panel.isDirty()).toBe(false);
  });

  it('a command the panel failed to carry out settles getState with command-failed', async () => {
    mount();
    fromWidget(READY);
    const state = panel.getState();
    fromWidget({ ...envelope, type: 'error', error: { kind: 'command-failed', type: 'getState', message: 'The panel could not carry out "getState".' }, inReplyTo: 'cdp-1' });
    expect(await state).toEqual({ ok: false, error: { kind: 'command-failed', type: 'getState', message: 'The panel could not carry out "getState".' } });
  });

  it('settles getState with a dropped answer as that kind, not as one newer than itself', async () => {
    mount();
    fromWidget(READY);
    const state = panel.getState();
    const dropped = { kind: 'dropped', message: 'The panel was sent more than 100 messages before it could read them.' };
    fromWidget({ ...envelope, type: 'error', error: dropped, inReplyTo: 'cdp-1' });
    expect(await state).toEqual({ ok: false, error: dropped });
  });

  it('reports an error answering a fire-and-forget command to onError', () => {
    const onError = vi.fn();
    mount({ onError });
    fromWidget(READY);
    panel.setLocale('fr');
    const error = { kind: 'unsupported-locale', locale: 'fr', supported: ['en', 'de', 'ar'], message: 'No catalogue for "fr"' };
    fromWidget({ ...envelope, type: 'error', error, inReplyTo: 'cdp-1' });
    expect(onError).toHaveBeenCalledWith(error);
  });

  it('gives the focus back to the CRM field when the panel cannot focus the key, and moves a queued request’s focus only as it goes', () => {
    const field = document.createElement('input');
    host.before(field);
    mount();
    field.focus();
    panel.focusKey('Subject');
    // Queued before ready: the agent keeps typing in the CRM meanwhile.
    expect(field).toHaveFocus();
    fromWidget(READY);
    expect(panel.iframe).toHaveFocus();
    fromWidget({ ...envelope, type: 'error', error: { kind: 'unknown-key', key: 'Subject', message: 'no such key' }, inReplyTo: 'cdp-1' });
    expect(field).toHaveFocus();
    // A refusal of something else, or a stale one, moves nothing.
    panel.focusKey('Notes');
    expect(panel.iframe).toHaveFocus();
    fromWidget({ ...envelope, type: 'error', error: { kind: 'unknown-key', key: 'Subject', message: 'no such key' }, inReplyTo: 'cdp-1' });
    expect(panel.iframe).toHaveFocus();
    field.remove();
  });

  it('gives the focus back after two refused focusKeys in a row, and leaves it in the panel when the agent is there', () => {
    const field = readyWithCrmField();
    panel.focusKey('Nope1');
    panel.focusKey('Nope2');
    refused('Nope1', 'cdp-1');
    refused('Nope2', 'cdp-2');
    // Before (exploratory test): the second request took the frame for where the focus had been.
    expect(field).toHaveFocus();
    // Served (no answer), the agent works in the panel; later a refused request leaves them there.
    panel.focusKey('Subject');
    vi.advanceTimersByTime(5_000);
    panel.focusKey('Nope3');
    refused('Nope3', 'cdp-4');
    expect(panel.iframe).toHaveFocus();
    field.remove();
  });

  it('leaves the focus in the panel when a refusal comes late (asked before the chats were read), the agent may be working there', () => {
    const field = readyWithCrmField();
    panel.focusKey('NoSuchKey');
    expect(panel.iframe).toHaveFocus();
    // The panel waited for a slow first read; the agent clicked into it meanwhile.
    vi.advanceTimersByTime(3_500);
    refused('NoSuchKey', 'cdp-1');
    // Before (integrator's test): the focus went back to the CRM field, and the agent's typing with it.
    expect(panel.iframe).toHaveFocus();
    field.remove();
  });

  it('names the pages above this one in its notice, when this one is itself framed', () => {
    vi.useFakeTimers();
    const parent = vi.spyOn(window, 'parent', 'get').mockReturnValue({} as Window);
    mount({ readyTimeoutMs: 1_000 });
    vi.advanceTimersByTime(1_000);
    // Before (integrator's test): it named only this page's origin, already listed; the refused one was the page above.
    expect(screen.getByRole('alert')).toHaveTextContent('and the origin of every page that frames this one (and its server\'s frame-ancestors header)');
    parent.mockRestore();
  });

  it('drops a focusKey asked before ready when the agent has moved on in the CRM by then, and says so', () => {
    const [first, second] = [document.createElement('input'), document.createElement('input')];
    host.before(first, second);
    const onError = vi.fn();
    mount({ onError });
    first.focus();
    panel.focusKey('Subject');
    // The panel starts late; the agent is typing in another CRM field by then (review).
    second.focus();
    fromWidget(READY);
    expect(second).toHaveFocus();
    expect(sent()).toEqual([]);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'focus-unavailable' }));
    first.remove();
    second.remove();
  });

  it('hands an error of a kind newer than itself to onError, and says which, rather than dropping it', () => {
    const onError = vi.fn();
    mount({ onError });
    fromWidget({ ...envelope, type: 'error', error: { kind: 'chat-locked', message: 'Another agent holds this chat.' } });
    expect(onError).toHaveBeenCalledWith({ kind: 'unrecognized-error', received: 'chat-locked', message: 'Another agent holds this chat.' });
    expect(panel.diagnostics().rejectedMessages).toBe(0);
  });

  it('tells the integrator of a mount locale the panel has no catalogue for, once it is ready', () => {
    const onError = vi.fn();
    mount({ locale: 'fr-FR', onError });
    fromWidget(READY);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'unsupported-locale', locale: 'fr-FR', supported: ['en', 'de', 'ar'] }));
    panel.destroy();
    const fine = vi.fn();
    mount({ locale: 'de-AT', onError: fine });
    fromWidget(READY);
    expect(fine).not.toHaveBeenCalled();
  });

  it('tells the integrator of a mount theme the panel does not have, as it answers a setTheme with it, at each start', () => {
    const onError = vi.fn();
    // From plain JavaScript, as the integrator's test had it: before, nothing reached onError.
    mount({ theme: 'purple' as unknown as ThemeMode, onError });
    fromWidget(READY);
    const refusal = {
      kind: 'invalid-message',
      issues: [{ path: 'mode', message: 'expected one of light, dark, got "purple"' }],
      message: 'Invalid theme: mode: expected one of light, dark, got "purple".',
    };
    expect(onError.mock.calls).toEqual([[refusal]]);
    // A frame reloaded starts from the same URL: told again, as an unsupported mount locale is.
    fromWidget(READY);
    expect(onError.mock.calls).toEqual([[refusal], [refusal]]);
    panel.destroy();
    // With tokens the mode goes as a setTheme too, which the panel answers itself: not told twice.
    const withTokens = vi.fn();
    mount({ theme: { mode: 'purple' as unknown as ThemeMode, tokens: { density: 'compact' } }, onError: withTokens });
    fromWidget(READY);
    expect(sent()).toEqual([{ ...envelope, type: 'setTheme', mode: 'purple', tokens: { density: 'compact' }, requestId: 'cdp-1' }]);
    expect(withTokens).not.toHaveBeenCalled();
    // Refused, that setTheme is not given to a reloaded panel: the SDK tells it then.
    fromWidget({ ...envelope, type: 'error', error: { ...refusal, message: 'Invalid "setTheme" message' }, inReplyTo: 'cdp-1' });
    fromWidget(READY);
    expect(withTokens.mock.calls).toEqual([[{ ...refusal, message: 'Invalid "setTheme" message' }], [refusal]]);
    expect(sent()).toHaveLength(1);
    panel.destroy();
    const fine = vi.fn();
    mount({ theme: 'dark', onError: fine });
    fromWidget(READY);
    expect(fine).not.toHaveBeenCalled();
  });

  it('leaves the frame’s height to the CRM without autoHeight, and names a wrong event type', () => {
    mount({ autoHeight: false });
    expect(panel.iframe.style.height).toBe('');
    fromWidget({ ...envelope, type: 'resize', height: 612 });
    expect(panel.iframe.style.height).toBe('');
    const on = Reflect.get(panel, 'on') as (type: unknown, listener: unknown) => unknown;
    expect(() => on('state', () => {})).toThrow(new TypeError('panel.on: unknown event type "state"; known: ready, activeChatChanged, userDataChanged, saveFailed, dirtyStateChanged, chatStateChanged, connectionChanged, resize, error'));
    expect(() => on('toString', () => {})).toThrow(TypeError);
    expect(() => on('ready', 'not a function')).toThrow(new TypeError('panel.on: the listener must be a function'));
  });

  it('explains, instead of an empty box, when the widget never says ready', async () => {
    vi.useFakeTimers();
    const onError = vi.fn();
    mount({ readyTimeoutMs: 10_000, onError });
    expect(screen.queryByRole('alert')).toBeNull();
    vi.advanceTimersByTime(10_000);
    expect(screen.getByRole('alert')).toHaveTextContent(`The Case Data Panel at ${WIDGET} did not start`);
    expect(screen.getByRole('alert')).toHaveTextContent(`this page's origin (${window.location.origin}) is in its "allowedHostOrigins"`);
    expect(await panel.ready).toEqual({ ok: false, error: expect.objectContaining({ kind: 'not-ready' }) });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'not-ready' }));
  });

  it('answers getState with not-ready once the ready timeout passes, and normally after a late ready', async () => {
    vi.useFakeTimers();
    mount({ readyTimeoutMs: 10_000 });
    const asked = panel.getState();
    panel.setLocale('de');
    panel.focusKey('Subject');
    vi.advanceTimersByTime(10_000);
    const notReady = { ok: false, error: expect.objectContaining({ kind: 'not-ready' }) };
    expect(await asked).toEqual(notReady);
    expect(await panel.getState()).toEqual(notReady);
    // Nor does a focus request after the timeout move focus into a frame that did not start.
    const onError = vi.fn();
    panel.on('error', onError);
    const focus = vi.spyOn(panel.iframe, 'focus');
    panel.focusKey('Subject');
    expect(focus).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'not-ready' }));
    // The panel starts after all: the setting still goes; neither the answered question nor
    // the stale focus request does.
    fromWidget(READY);
    expect(sent()).toEqual([{ ...envelope, type: 'setLocale', locale: 'de', requestId: 'cdp-2' }]);
    const state = panel.getState();
    expect(sent().at(-1)).toEqual({ ...envelope, type: 'getState', requestId: 'cdp-4' });
    const reply = { activeChatId: null, chatState: null, userData: {}, drafts: null, chats: [], dirtyChatIds: [], connection: 'live', locale: 'de', theme: 'light' };
    fromWidget({ ...envelope, type: 'state', ...reply, inReplyTo: 'cdp-4' });
    expect(await state).toEqual({ ok: true, state: reply });
  });

  it('destroy removes the iframe and every listener, and settles what is pending', async () => {
    const onUserDataChanged = vi.fn();
    mount({ onUserDataChanged });
    const state = panel.getState();
    panel.destroy();
    expect(host).toBeEmptyDOMElement();
    expect(await state).toEqual({ ok: false, error: { kind: 'destroyed', message: 'The panel was destroyed.' } });
    expect(await panel.ready).toEqual({ ok: false, error: { kind: 'destroyed', message: 'The panel was destroyed.' } });
    fromWidget({ ...envelope, type: 'userDataChanged', chatId: 'C-1', source: 'server', changes: [] }, { source: null });
    expect(onUserDataChanged).not.toHaveBeenCalled();
    expect(await panel.getState()).toEqual({ ok: false, error: { kind: 'destroyed', message: 'The panel was destroyed.' } });
  });
});
