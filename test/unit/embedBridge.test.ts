import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { listenToHost, type HostBridge, type HostCommand, type WidgetEvent } from '../../src/embed';
import { createHostBridge, PROTOCOL_NAMESPACE, PROTOCOL_VERSION } from '../../src/embed/host';

const HOST = 'https://crm.example.com';
const envelope = { namespace: PROTOCOL_NAMESPACE, version: PROTOCOL_VERSION };

// The widget runs in a real (jsdom) iframe; its parent window plays the host. (jsdom's
// `parent` is a proxy that is not `===` the test's `window`, so the tests use `widget.parent`.)
let iframe: HTMLIFrameElement;
let widget: Window;
let posted: MockInstance<Window['postMessage']>;
let bridge: HostBridge;
let commands: HostCommand[];

beforeEach(() => {
  iframe = document.createElement('iframe');
  document.body.append(iframe);
  if (!iframe.contentWindow) throw new Error('jsdom gave the iframe no window');
  widget = iframe.contentWindow;
  posted = vi.spyOn(widget.parent, 'postMessage').mockImplementation(() => undefined);
  bridge = createHostBridge(listenToHost(widget));
  commands = [];
});
afterEach(() => {
  bridge.destroy();
  iframe.remove();
});

function fromHost(data: unknown, { origin = HOST, source }: { origin?: string; source?: MessageEventSource | null } = {}) {
  widget.dispatchEvent(new MessageEvent('message', { data, origin, source: source === undefined ? widget.parent : source }));
}

function start(ancestorOrigins: readonly string[] = [HOST], allowedOrigins: readonly string[] = [HOST]) {
  bridge.configure({ allowedOrigins, ancestorOrigins });
  bridge.onCommand((command) => {
    commands.push(command);
    return command.type === 'getState' ? stateReply : null;
  });
}

const stateReply: WidgetEvent = {
  type: 'state',
  activeChatId: 'C-1',
  chatState: 'Chatting',
  userData: { Subject: 'Billing' },
  drafts: {},
  chats: [{ chatId: 'C-1', state: 'Chatting' }],
  dirtyChatIds: [],
  connection: 'live',
  locale: 'en',
  theme: 'light',
};

const sent = () => posted.mock.calls.map(([message]) => message);
const targets = () => posted.mock.calls.map((call) => call[1]);

describe('the host bridge', () => {
  it('answers an allowed host, to its exact origin, with inReplyTo', () => {
    start();
    fromHost({ ...envelope, type: 'getState', requestId: 'r-1' });
    expect(commands).toEqual([{ type: 'getState' }]);
    expect(sent()).toEqual([{ ...envelope, ...stateReply, inReplyTo: 'r-1' }]);
    expect(targets()).toEqual([HOST]);
  });

  it('takes a chat id with spaces around it (a CRM field’s copy) as the id itself', () => {
    start();
    fromHost({ ...envelope, type: 'setActiveChat', chatId: ' 0000Wa9CAM6W00A\t' });
    // Before (integrator's test): "Chat 0000Wa9CAM6W00A is not among this agent's chats", the spaces unseen.
    expect(commands).toEqual([{ type: 'setActiveChat', chatId: '0000Wa9CAM6W00A' }]);
  });

  it('ignores other namespaces without a word, counting nothing', () => {
    start();
    fromHost({ type: 'getState' });
    fromHost({ namespace: 'react-devtools', version: 1, type: 'getState' });
    fromHost('getState');
    expect(commands).toEqual([]);
    expect(sent()).toEqual([]);
    expect(bridge.getDiagnostics()).toMatchObject({ accepted: 0, rejected: 0, answeredWithError: 0 });
  });

  it('rejects a message from an origin that is not allowed: no command, no reply, counted', () => {
    start();
    fromHost({ ...envelope, type: 'setActiveChat', chatId: 'C-2' }, { origin: 'https://evil.example' });
    expect(commands).toEqual([]);
    expect(sent()).toEqual([]);
    expect(bridge.getDiagnostics()).toMatchObject({ rejected: 1, recentRejections: [{ reason: 'origin-not-allowed', origin: 'https://evil.example' }] });
  });

  it('rejects a message that does not come from the parent window, even from an allowed origin', () => {
    start();
    const sibling = document.createElement('iframe');
    document.body.append(sibling);
    fromHost({ ...envelope, type: 'setActiveChat', chatId: 'C-2' }, { source: sibling.contentWindow });
    fromHost({ ...envelope, type: 'setActiveChat', chatId: 'C-3' }, { source: null });
    sibling.remove();
    expect(commands).toEqual([]);
    expect(sent()).toEqual([]);
    expect(bridge.getDiagnostics().recentRejections).toEqual([
      { reason: 'not-from-parent', origin: HOST },
      { reason: 'not-from-parent', origin: HOST },
    ]);
  });

  it('answers an unknown type with a typed error, never throwing', () => {
    start();
    fromHost({ ...envelope, type: 'openCase', caseId: '42', requestId: 'r-2' });
    expect(sent()).toEqual([
      {
        ...envelope,
        type: 'error',
        error: { kind: 'unknown-type', type: 'openCase', message: 'Unknown message type "openCase". Known: setActiveChat, setTheme, setLocale, focusKey, getState.' },
        inReplyTo: 'r-2',
      },
    ]);
    expect(bridge.getDiagnostics()).toMatchObject({ answeredWithError: 1, accepted: 0 });
  });

  it('answers a bad shape with the paths that are wrong', () => {
    start();
    fromHost({ ...envelope, type: 'setActiveChat' });
    fromHost({ ...envelope, type: 'setTheme', mode: 'neon', tokens: { accentColor: 'red; background: url(x)', shadow: '1px' } });
    fromHost({ ...envelope, type: 'focusKey', key: 7, requestId: { not: 'a string' } });
    expect(commands).toEqual([]);
    expect(sent()).toEqual([
      { ...envelope, type: 'error', error: expect.objectContaining({ kind: 'invalid-message', issues: [{ path: 'chatId', message: 'expected a string, got nothing' }] }) },
      {
        ...envelope,
        type: 'error',
        error: expect.objectContaining({
          kind: 'invalid-message',
          issues: [
            { path: 'mode', message: 'expected one of light, dark, high-contrast, got "neon"' },
            { path: 'tokens.shadow', message: 'is not a design token (known: fontFamily, fontSize, accentColor, density)' },
            { path: 'tokens.accentColor', message: 'must be a colour such as "#0b5cad", "rgb(11 92 173)" or "hsl(210 88% 36%)"' },
          ],
        }),
      },
      { ...envelope, type: 'error', error: expect.objectContaining({ kind: 'invalid-message', issues: [{ path: 'requestId', message: 'expected a string of at most 200 characters' }] }) },
    ]);
    expect(targets()).toEqual([HOST, HOST, HOST]);
  });

  it('refuses tokens: null (neither "keep" nor "clear"), and takes every key GWS could name', () => {
    start();
    fromHost({ ...envelope, type: 'setTheme', mode: 'dark', tokens: null });
    const longKey = 'k'.repeat(5_000);
    fromHost({ ...envelope, type: 'focusKey', key: longKey });
    expect(sent()).toEqual([
      { ...envelope, type: 'error', error: expect.objectContaining({ kind: 'invalid-message', issues: [{ path: 'tokens', message: 'expected an object of design tokens' }] }) },
    ]);
    expect(commands).toEqual([{ type: 'focusKey', key: longKey }]);
  });

  it('answers another protocol version with the one it speaks', () => {
    start();
    fromHost({ ...envelope, version: 2, type: 'getState', requestId: 'r-3' });
    expect(sent()).toEqual([
      {
        ...envelope,
        type: 'error',
        error: { kind: 'unsupported-version', received: 2, supported: 1, message: 'Protocol version 2 is not supported; this widget speaks version 1.' },
        inReplyTo: 'r-3',
      },
    ]);
  });

  it('never posts to "*": without a known host origin it waits for the host to speak first', () => {
    bridge.configure({ allowedOrigins: [HOST], ancestorOrigins: [] });
    bridge.send({ type: 'resize', height: 300 });
    expect(posted).not.toHaveBeenCalled();
    fromHost({ ...envelope, type: 'setLocale', locale: 'de' });
    expect(sent()).toEqual([{ ...envelope, type: 'resize', height: 300 }]);
    expect(targets()).toEqual([HOST]);
    expect(bridge.getDiagnostics().hostOrigin).toBe(HOST);
  });

  it('keeps the last 100 events for a host it does not know yet, and ready always', () => {
    bridge.configure({ allowedOrigins: [HOST], ancestorOrigins: [] });
    bridge.send({ type: 'ready', widgetVersion: '0.1.0', capabilities: { commands: [], events: [], locales: [], themes: [] } });
    for (let height = 1; height <= 150; height += 1) bridge.send({ type: 'resize', height });
    fromHost({ ...envelope, type: 'getState' });
    const types = sent().map((message) => Reflect.get(Object(message), 'type'));
    // Before: the 101st event pushed ready out, and a host never learned the panel was there.
    expect(types[0]).toBe('ready');
    expect(sent().slice(1).map((message) => Reflect.get(Object(message), 'height'))).toEqual(Array.from({ length: 99 }, (_unused, index) => 52 + index));
  });

  it('does not take an ancestor origin that is not allowed as its host', () => {
    bridge.configure({ allowedOrigins: [HOST], ancestorOrigins: ['https://evil.example'] });
    bridge.send({ type: 'resize', height: 300 });
    expect(posted).not.toHaveBeenCalled();
  });

  it('keeps messages that arrive before the configuration, and commands that arrive before a handler', () => {
    fromHost({ ...envelope, type: 'setActiveChat', chatId: 'C-7' });
    fromHost({ ...envelope, type: 'setActiveChat', chatId: 'C-8' }, { origin: 'https://evil.example' });
    bridge.configure({ allowedOrigins: [HOST], ancestorOrigins: [] });
    expect(bridge.getDiagnostics()).toMatchObject({ accepted: 1, rejected: 1 });
    const received: HostCommand[] = [];
    bridge.onCommand((command) => {
      received.push(command);
      return null;
    });
    expect(received).toEqual([{ type: 'setActiveChat', chatId: 'C-7' }]);
  });

  it('after a burst posted before it loaded, ends on the host’s last chat and answers each dropped request, to an allowed host only (integrator’s test)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Among the oldest, one from a page that turns out not to be allowed: no answer goes there.
    fromHost({ ...envelope, type: 'getState', requestId: 'not-allowed' }, { origin: 'https://evil.example' });
    for (let n = 1; n <= 104; n += 1) fromHost({ ...envelope, type: 'setActiveChat', chatId: `C-${n}`, requestId: `r-${n}` });
    start();
    // Before: C-1 to C-100 carried out, the panel left on C-100, and r-101 to r-104 never answered.
    expect(commands).toHaveLength(100);
    expect(commands.at(-1)).toEqual({ type: 'setActiveChat', chatId: 'C-104' });
    const dropped = { kind: 'dropped', message: 'The panel was sent more than 100 messages before it could read them, and dropped this one among the oldest; send it again if it still applies.' };
    expect(sent()).toEqual(['r-1', 'r-2', 'r-3', 'r-4'].map((requestId) => ({ ...envelope, type: 'error', error: dropped, inReplyTo: requestId })));
    expect(targets()).toEqual([HOST, HOST, HOST, HOST]);
    expect(bridge.getDiagnostics()).toMatchObject({ accepted: 100, answeredWithError: 4, rejected: 1 });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('answers a dropped request only once it takes commands, as it answers a bad one: not before ready', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (let n = 0; n <= 100; n += 1) fromHost({ ...envelope, type: 'getState', requestId: `r-${n}` });
    bridge.configure({ allowedOrigins: [HOST], ancestorOrigins: [HOST] });
    expect(posted).not.toHaveBeenCalled();
    bridge.onCommand(() => stateReply);
    expect(sent().map((message) => Reflect.get(Object(message), 'inReplyTo'))).toEqual(Array.from({ length: 101 }, (_unused, n) => `r-${n}`));
    expect(sent()[0]).toMatchObject({ type: 'error', error: { kind: 'dropped' } });
  });

  it('accepts subdomain wildcards from the allowlist', () => {
    start(['https://acme.my.salesforce.com'], ['https://*.my.salesforce.com']);
    fromHost({ ...envelope, type: 'focusKey', key: 'Subject' }, { origin: 'https://acme.my.salesforce.com' });
    expect(commands).toEqual([{ type: 'focusKey', key: 'Subject' }]);
  });

  it('stops listening when destroyed', () => {
    start();
    bridge.destroy();
    fromHost({ ...envelope, type: 'getState' });
    expect(commands).toEqual([]);
  });
});
