// The SDK's memory of what the host set (chat, theme), given again to a reloaded panel, and
// what it makes of a panel it cannot talk to: each from a review of src/embed/sdk.
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { mountCaseDataPanel, PROTOCOL_NAMESPACE, PROTOCOL_VERSION, type CaseDataPanel, type MountOptions } from '../../src/embed/sdk';

const WIDGET = 'https://panel.example.com';
const envelope = { namespace: PROTOCOL_NAMESPACE, version: PROTOCOL_VERSION };
const READY = { ...envelope, type: 'ready', widgetVersion: '0.1.0', capabilities: { commands: [], events: [], locales: ['en'], themes: ['light', 'dark'] } };

let host: HTMLDivElement;
let panel: CaseDataPanel;
let posted: MockInstance<Window['postMessage']>;

function mount(options: Partial<MountOptions> = {}) {
  panel = mountCaseDataPanel(host, { src: `${WIDGET}/`, readyTimeoutMs: 0, ...options });
  const frame = panel.iframe.contentWindow;
  if (!frame) throw new Error('jsdom gave the iframe no window');
  posted = vi.spyOn(frame, 'postMessage').mockImplementation(() => undefined);
}
const fromWidget = (data: unknown, origin = WIDGET) => window.dispatchEvent(new MessageEvent('message', { data, origin, source: panel.iframe.contentWindow }));
const sentOfType = (type: string) => posted.mock.calls.map(([message]) => message as Record<string, unknown>).filter((message) => message.type === type);

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  panel.destroy();
  host.remove();
  vi.useRealTimers();
});

describe('the SDK', () => {
  it.each([
    ['undefined (a CRM record with no chat linked, plain JS)', undefined],
    ['an empty id', ''],
  ])('after a setActiveChat(%s), refused at once, still reports the agent’s chat changes', (_name, chatId) => {
    const onActiveChatChanged = vi.fn();
    const onError = vi.fn();
    mount({ onActiveChatChanged, onError });
    panel.setActiveChat(chatId as unknown as string);
    // Refused by the SDK itself, as the panel would: nothing sent, nothing waited on.
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'invalid-message', issues: [{ path: 'chatId', message: 'expected a chat id' }] }));
    fromWidget(READY);
    // The panel's first report (the mount's chat, or the first it picked) is news (exploratory round: it was dropped).
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1' });
    expect(onActiveChatChanged.mock.calls.map(([event]) => event.chatId)).toEqual(['C-1']);
    onActiveChatChanged.mockClear();
    // Before: it waited for the refused chat to be reported, and dropped every change meanwhile: for good.
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-2' });
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-3' });
    expect(onActiveChatChanged.mock.calls.map(([event]) => event.chatId)).toEqual(['C-2', 'C-3']);
    // Nor is the refused setting given again to a reloaded panel: the chat it showed is.
    posted.mockClear();
    fromWidget(READY);
    expect(sentOfType('setActiveChat').map((message) => Reflect.get(message, 'chatId'))).toEqual(['C-3']);
  });

  it('reports the chat of a reloaded panel on the mount’s chat once, as before, not again for the answer to its replay (review)', () => {
    const onActiveChatChanged = vi.fn();
    mount({ chatId: 'C-1', onActiveChatChanged });
    fromWidget(READY);
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1' });
    onActiveChatChanged.mockClear();
    posted.mockClear();
    fromWidget(READY);
    // The reloaded panel reports the URL's chat, then answers each setActiveChat it is given (useHostBridge).
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1' });
    for (const message of sentOfType('setActiveChat')) fromWidget({ ...envelope, type: 'activeChatChanged', chatId: message.chatId, inReplyTo: message.requestId });
    expect(onActiveChatChanged.mock.calls.map(([event]) => event.chatId)).toEqual(['C-1']);
  });

  it('gives a reloaded panel the host’s latest chat, not one whose answer came after the host had asked for another', () => {
    mount();
    fromWidget(READY);
    panel.setActiveChat('C-B');
    panel.setActiveChat('C-C');
    const [forB] = sentOfType('setActiveChat');
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-B', inReplyTo: forB?.requestId });
    // The frame reloads before C's answer. Before (review): C-B was given back, the host's C lost.
    posted.mockClear();
    fromWidget(READY);
    expect(sentOfType('setActiveChat').map((message) => message.chatId)).toEqual(['C-C']);
  });

  it('gives a reloaded panel the chat the agent picked in it after the host’s setActiveChat', () => {
    const onActiveChatChanged = vi.fn();
    mount({ onActiveChatChanged });
    fromWidget(READY);
    panel.setActiveChat('C-A');
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-A', inReplyTo: 'cdp-1' });
    // The agent picks another chat in the panel's picker; the CRM follows it.
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-L' });
    expect(onActiveChatChanged.mock.calls.map(([event]) => event.chatId)).toEqual(['C-A', 'C-L']);
    posted.mockClear();
    fromWidget(READY);
    // Before (integrator's test): C-A again, the panel back on the host's chat, away from the one the CRM followed.
    expect(sentOfType('setActiveChat').map((message) => Reflect.get(message, 'chatId'))).toEqual(['C-L']);
    // Its report of the mount's chat first is no news; of C-L, the chat the CRM is on.
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-MOUNT' });
    fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-L' });
    expect(onActiveChatChanged.mock.calls.map(([event]) => event.chatId)).toEqual(['C-A', 'C-L', 'C-L']);
  });

  it('gives a reloaded panel the settings the running one shows: the one before a refused one, and not the refused one', () => {
    const onError = vi.fn();
    mount({ onError });
    fromWidget(READY);
    panel.setLocale('de');
    panel.setLocale('xx');
    panel.setTheme('dark');
    panel.setTheme({ mode: 'dark', tokens: { accentColor: 'red; x' } });
    const [, xx, , bad] = posted.mock.calls.map(([message]) => (message as { requestId: string }).requestId);
    for (const requestId of [xx, bad]) fromWidget({ ...envelope, type: 'error', error: { kind: 'invalid-message', issues: [], message: 'Invalid' }, inReplyTo: requestId });
    posted.mockClear();
    fromWidget(READY);
    // Before (exploratory test): the refused ones went again, the panel turned light and English, and onError fired again.
    expect(sentOfType('setLocale')).toEqual([expect.objectContaining({ locale: 'de' })]);
    expect(sentOfType('setTheme')).toEqual([expect.objectContaining({ mode: 'dark' })]);
    expect(sentOfType('setTheme')[0]).not.toHaveProperty('tokens');
    expect(onError).toHaveBeenCalledTimes(2);
  });

  it('gives a reloaded panel the design tokens in effect when the last setTheme changed only the mode', () => {
    const tokens = { accentColor: '#6b3fa0', fontFamily: "'Segoe UI', sans-serif" };
    mount({ theme: { mode: 'light', tokens } });
    fromWidget(READY);
    panel.setTheme('dark');
    // The running panel is told the mode only ("without tokens only the mode changes").
    expect(sentOfType('setTheme').at(-1)).not.toHaveProperty('tokens');
    posted.mockClear();
    // The frame reloads (the agent's F5): it starts from the mount's URL, which carries no tokens.
    fromWidget(READY);
    expect(sentOfType('setTheme')).toEqual([expect.objectContaining({ mode: 'dark', tokens })]);
  });

  it('does not carry tokens the panel refused to a reloaded panel with a mode-only setTheme sent before the refusal', () => {
    mount({ onError: vi.fn() });
    fromWidget(READY);
    panel.setTheme({ mode: 'dark', tokens: { accentColor: 'red; x' } });
    panel.setTheme('light');
    const [bad] = posted.mock.calls.map(([message]) => (message as { requestId: string }).requestId);
    fromWidget({ ...envelope, type: 'error', error: { kind: 'invalid-message', issues: [], message: 'Invalid' }, inReplyTo: bad });
    posted.mockClear();
    fromWidget(READY);
    // The running panel shows light without them: so does the reloaded one (review: they went again, and were refused again).
    expect(sentOfType('setTheme')).toEqual([expect.objectContaining({ mode: 'light' })]);
    expect(sentOfType('setTheme')[0]).not.toHaveProperty('tokens');
  });

  it('says the panel’s address redirected to another origin, instead of “did not start”', () => {
    vi.useFakeTimers();
    mount({ readyTimeoutMs: 10_000 });
    // Our own frame's panel started and spoke, from the origin the server redirected it to.
    fromWidget(READY, 'https://www.panel.example.com');
    vi.advanceTimersByTime(10_000);
    const notice = screen.getByRole('alert').textContent ?? '';
    expect(notice).toContain('started at https://www.panel.example.com, not at https://panel.example.com');
    expect(notice).not.toContain('did not start');
    expect(panel.diagnostics()).toEqual({ rejectedMessages: 1, lastRejections: ['from https://www.panel.example.com, not https://panel.example.com: src redirected?'] });
    // Not obeyed all the same.
    expect(sentOfType('getState')).toEqual([]);
  });
});
