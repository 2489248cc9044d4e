// Hostile host messages, widget side: whatever a page posts, the reader answers with a
// command or a typed, bounded error and never throws; the bridge counts every message of
// ours, answers the bad ones, and posts only to the host's exact origin.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { listenToHost, type HostBridge, type HostCommand, type WidgetEvent } from '../../src/embed';
import { createHostBridge, PROTOCOL_NAMESPACE, PROTOCOL_VERSION, readHostMessage, type HostMessageReading } from '../../src/embed/host';
import { allowedHostPatterns } from '../../src/embed/framing';
import { originMatches } from '../../src/embed/origins';
import { readWidgetMessage } from '../../src/embed/sdk/widgetMessages';

const HOST = 'https://crm.example.com';
const envelope = { namespace: PROTOCOL_NAMESPACE, version: PROTOCOL_VERSION };
const ERROR_KINDS = new Set(['unknown-type', 'invalid-message', 'unsupported-version']);
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
/** Longest answer to a bad message: bounded whatever came in (1 MB strings, 50,000 keys). */
const REPLY_BYTES = 16_384;

/** Anything postMessage can carry (BigInt, Map, Date, typed arrays, sparse arrays, boxed values), with hostile keys. */
const cloneable = fc.anything({
  maxDepth: 3,
  key: fc.oneof(fc.string(), fc.constantFrom(...PROTOTYPE_KEYS, 'namespace', 'version', 'type', 'requestId')),
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

const VALID: Record<HostCommand['type'], Record<string, unknown>> = {
  setActiveChat: { ...envelope, type: 'setActiveChat', chatId: '0000Wa9CAM6W00J', requestId: 'r-1' },
  setTheme: { ...envelope, type: 'setTheme', mode: 'dark', tokens: { accentColor: '#6b3fa0', density: 'compact', fontSize: 13, fontFamily: "'Segoe UI', sans-serif" } },
  setLocale: { ...envelope, type: 'setLocale', locale: 'de-AT' },
  focusKey: { ...envelope, type: 'focusKey', key: 'Subject' },
  getState: { ...envelope, type: 'getState', requestId: 'r-2' },
};
const seeds = Object.values(VALID);

/** Messages with our namespace: real fields, wrong types, unknown types, versions from anywhere. */
const ourMessage = fc.record(
  {
    namespace: fc.constant(PROTOCOL_NAMESPACE),
    version: fc.oneof({ weight: 4, arbitrary: fc.constant(PROTOCOL_VERSION) }, cloneable),
    type: fc.oneof(fc.constantFrom(...Object.keys(VALID)), fc.string(), cloneable),
    requestId: fc.oneof(fc.string({ maxLength: 250 }), cloneable),
    chatId: fc.oneof(fc.string(), cloneable),
    mode: fc.oneof(fc.constantFrom('light', 'dark', 'high-contrast'), cloneable),
    tokens: fc.oneof(fc.dictionary(fc.constantFrom('accentColor', 'fontSize', 'density', 'fontFamily', ...PROTOTYPE_KEYS), cloneable), cloneable),
    locale: fc.oneof(fc.constantFrom('en', 'de-AT', 'ar', 'xx'), cloneable),
    key: fc.oneof(fc.string(), cloneable),
  },
  { requiredKeys: ['namespace'] },
);

/** A seed with one field removed, retyped, or written twice in the JSON text (the last one wins). */
const mutatedSeed = fc
  .tuple(fc.constantFrom(...seeds), fc.constantFrom('remove', 'retype', 'duplicate'), fc.nat(), fc.jsonValue({ maxDepth: 2 }), cloneable)
  .map(([seed, how, pick, json, anything]) => {
    const fields = Object.keys(seed);
    const field = fields[pick % fields.length] ?? 'type';
    if (how === 'remove') return Object.fromEntries(Object.entries(seed).filter(([name]) => name !== field));
    if (how === 'retype') return { ...seed, [field]: anything };
    const text = JSON.stringify(seed);
    return JSON.parse(`${text.slice(0, -1)},${JSON.stringify(field)}:${JSON.stringify(json)}}`) as unknown;
  });

/** JSON.parse makes `__proto__` an own key, as postMessage's structured clone does. */
const prototypeKeyed = fc
  .tuple(fc.constantFrom(...seeds), fc.constantFrom(...PROTOTYPE_KEYS), fc.jsonValue({ maxDepth: 2 }))
  .map(([seed, key, value]) => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify({ ...seed, injected: value })},"namespace":"${PROTOCOL_NAMESPACE}"}`) as unknown);

function expectWellFormed(reading: HostMessageReading) {
  if (reading.kind === 'command') {
    // Commands are plain JSON, and reading one again gives the same command.
    const again = readHostMessage({ ...envelope, ...JSON.parse(JSON.stringify(reading.command)) });
    // Compared as JSON: a -0 is read as -0, and as JSON is 0 (the SDK's fuzz test failed once in a while so).
    const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    expect(asJson(again)).toEqual(asJson({ kind: 'command', command: reading.command }));
    expect(again.kind === 'command' && again.requestId).toBeUndefined();
    return;
  }
  expect(reading.kind).toBe('invalid');
  expect(ERROR_KINDS.has(reading.error.kind)).toBe(true);
  expect(typeof reading.error.message).toBe('string');
  const reply = { ...envelope, type: 'error', error: reading.error, ...(reading.requestId === undefined ? {} : { inReplyTo: reading.requestId }) };
  expect(JSON.stringify(reply).length).toBeLessThanOrEqual(REPLY_BYTES);
  expect(() => structuredClone(reply)).not.toThrow();
  // The SDK accepts every answer the widget gives.
  expect(readWidgetMessage(reply).kind).toBe('event');
}

const asRecord = (value: unknown): Readonly<Record<string, unknown>> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : { value });

describe('readHostMessage under fuzzing', () => {
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  afterEach(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  });

  it('reads each real message', () => {
    for (const seed of seeds) expect(readHostMessage(seed).kind).toBe('command');
  });

  it('answers anything with our namespace with a command or a bounded typed error, never throwing', () => {
    fc.assert(
      fc.property(ourMessage, (message) => expectWellFormed(readHostMessage(message))),
      { numRuns: 3000 },
    );
  });

  it('handles real messages with a field removed, retyped or duplicated', () => {
    fc.assert(
      fc.property(mutatedSeed, (message) => expectWellFormed(readHostMessage({ ...asRecord(message), namespace: PROTOCOL_NAMESPACE }))),
      { numRuns: 2000 },
    );
  });

  it('keeps prototype keys as data: a message hidden under __proto__ is not read', () => {
    fc.assert(
      fc.property(prototypeKeyed, (message) => {
        const reading = readHostMessage(asRecord(message));
        expectWellFormed(reading);
        expect(reading.kind).toBe('invalid');
      }),
      { numRuns: 500 },
    );
  });

  it('answers versions JSON cannot write (BigInt, a cycle) and other versions with unsupported-version', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const version of [2, 0, '1', 1n, cycle, { toString: 1 }, Object.create(null), new Map([[1, 1]]), null, undefined, Number.NaN, 'x'.repeat(1_000_000)]) {
      const reading = readHostMessage({ ...VALID.getState, version });
      expectWellFormed(reading);
      expect(reading).toMatchObject({ kind: 'invalid', error: { kind: 'unsupported-version', supported: PROTOCOL_VERSION }, requestId: 'r-2' });
    }
  });

  it('keeps answers small when the message is huge', () => {
    const megabyte = 'x'.repeat(1_000_000);
    const manyTokens = Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`token${index}`, megabyte.slice(0, 10)]));
    const huge = [
      { ...envelope, type: megabyte },
      { ...envelope, type: 'setActiveChat', chatId: megabyte },
      { ...envelope, type: 'setLocale', locale: megabyte },
      { ...envelope, type: 'focusKey', key: megabyte },
      { ...envelope, type: 'setTheme', mode: 'dark', tokens: manyTokens },
      { ...envelope, type: 'setTheme', mode: 'dark', tokens: { [megabyte]: 1 } },
      { ...envelope, type: 'getState', requestId: megabyte },
    ];
    for (const message of huge) {
      const reading = readHostMessage(message);
      expect(reading.kind).toBe('invalid');
      expectWellFormed(reading);
    }
  });
});

describe('the host bridge under fuzzing', () => {
  let iframe: HTMLIFrameElement;
  let sibling: HTMLIFrameElement;
  let widget: Window;
  let posted: MockInstance<Window['postMessage']>;
  let bridge: HostBridge | null = null;

  beforeEach(() => {
    iframe = document.createElement('iframe');
    sibling = document.createElement('iframe');
    document.body.append(iframe, sibling);
    if (!iframe.contentWindow) throw new Error('jsdom gave the iframe no window');
    widget = iframe.contentWindow;
    posted = vi.spyOn(widget.parent, 'postMessage').mockImplementation(() => undefined);
  });
  afterEach(() => {
    bridge?.destroy();
    iframe.remove();
    sibling.remove();
  });

  const stateReply: WidgetEvent = {
    type: 'state',
    activeChatId: 'C-1',
    chatState: 'Chatting',
    userData: { Subject: 'Billing', ['__proto__']: 'data' },
    drafts: { ['__proto__']: 'typed' },
    chats: [{ chatId: 'C-1', state: 'Chatting' }],
    dirtyChatIds: [],
    connection: 'live',
    locale: 'en',
    theme: 'light',
  };

  const incoming = fc.record({
    data: fc.oneof(ourMessage, mutatedSeed, prototypeKeyed, cloneable, fc.constantFrom(...seeds)),
    origin: fc.constantFrom(HOST, HOST, 'https://evil.example', 'null', '', 'https://crm.example.com.evil.example'),
    source: fc.constantFrom('parent', 'parent', 'parent', 'sibling', 'none'),
  });

  it('counts every message of ours once, answers the bad ones, and posts only to the host', () => {
    fc.assert(
      fc.property(fc.array(incoming, { maxLength: 12 }), fc.boolean(), (messages, configureFirst) => {
        bridge?.destroy();
        posted.mockClear();
        const current = createHostBridge(listenToHost(widget));
        bridge = current;
        const commands: HostCommand[] = [];
        const configure = () => current.configure({ allowedOrigins: [HOST], ancestorOrigins: [] });
        if (configureFirst) configure();
        let ours = 0;
        for (const { data, origin, source } of messages) {
          // Until the configuration, messages wait in the inbox, which keeps only the parent's, as before the bridge loads.
          const kept = configureFirst || source === 'parent';
          if (kept && typeof data === 'object' && data !== null && Object.hasOwn(data, 'namespace') && Reflect.get(data, 'namespace') === PROTOCOL_NAMESPACE) ours += 1;
          const from = source === 'parent' ? widget.parent : source === 'sibling' ? sibling.contentWindow : null;
          widget.dispatchEvent(new MessageEvent('message', { data, origin, source: from }));
        }
        if (!configureFirst) configure();
        current.onCommand((command) => {
          commands.push(command);
          return command.type === 'getState' ? stateReply : null;
        });

        const diagnostics = current.getDiagnostics();
        expect(diagnostics.accepted + diagnostics.rejected + diagnostics.answeredWithError).toBe(ours);
        expect(commands).toHaveLength(diagnostics.accepted);
        for (const [message, target] of posted.mock.calls) {
          expect(target).toBe(HOST);
          const reading = readWidgetMessage(message);
          expect(reading.kind).toBe('event');
        }
        const errors = posted.mock.calls.filter(([message]) => Reflect.get(message, 'type') === 'error');
        expect(errors).toHaveLength(diagnostics.answeredWithError);
      }),
      { numRuns: 300 },
    );
  });

  it('never takes the opaque origin "null" (sandboxed or data: documents) for its own or a host', () => {
    // jsdom's iframe is about:blank, whose origin is "null", like a widget sandboxed without allow-same-origin.
    expect(widget.location.origin).toBe('null');
    expect(originMatches('null', allowedHostPatterns([HOST], 'null'))).toBe(false);
    const current = createHostBridge(listenToHost(widget));
    bridge = current;
    current.configure({ allowedOrigins: [HOST], ancestorOrigins: ['null'] });
    current.send({ type: 'resize', height: 300 });
    widget.dispatchEvent(new MessageEvent('message', { data: { ...VALID.getState }, origin: 'null', source: widget.parent }));
    expect(posted).not.toHaveBeenCalled();
    expect(current.getDiagnostics()).toMatchObject({ hostOrigin: null, rejected: 1, recentRejections: [{ reason: 'origin-not-allowed', origin: 'null' }] });
  });

  it('keeps going when a command handler throws: counted, answered, reported, later commands delivered', () => {
    const thrown: unknown[] = [];
    vi.spyOn(widget, 'setTimeout').mockImplementation((callback: TimerHandler) => {
      if (typeof callback === 'function') {
        try {
          callback();
        } catch (error) {
          thrown.push(error);
        }
      }
      return 0;
    });
    const current = createHostBridge(listenToHost(widget));
    bridge = current;
    current.configure({ allowedOrigins: [HOST], ancestorOrigins: [HOST] });
    widget.dispatchEvent(new MessageEvent('message', { data: { ...VALID.focusKey, requestId: 'r-3' }, origin: HOST, source: widget.parent }));
    widget.dispatchEvent(new MessageEvent('message', { data: { ...VALID.getState }, origin: HOST, source: widget.parent }));
    const received: string[] = [];
    expect(() =>
      current.onCommand((command) => {
        received.push(command.type);
        if (command.type === 'focusKey') throw new Error('grid not mounted');
        return stateReply;
      }),
    ).not.toThrow();
    expect(received).toEqual(['focusKey', 'getState']);
    expect(current.getDiagnostics().commandFailures).toBe(1);
    expect(thrown).toEqual([new Error('grid not mounted')]);
    // The host hears of it: an SDK's getState or focusKey would otherwise wait for an answer for good.
    expect(posted.mock.calls).toEqual([
      [{ ...envelope, type: 'error', error: { kind: 'command-failed', type: 'focusKey', message: 'The panel could not carry out "focusKey".' }, inReplyTo: 'r-3' }, HOST],
      [{ ...envelope, ...stateReply, inReplyTo: 'r-2' }, HOST],
    ]);
  });

  it('answers a command whose answer fails later (a rejected promise) with an error, not silence', async () => {
    vi.spyOn(widget, 'setTimeout').mockImplementation(() => 0);
    const current = createHostBridge(listenToHost(widget));
    bridge = current;
    current.configure({ allowedOrigins: [HOST], ancestorOrigins: [HOST] });
    current.onCommand(() => Promise.reject(new Error('store gone')));
    widget.dispatchEvent(new MessageEvent('message', { data: { ...VALID.getState }, origin: HOST, source: widget.parent }));
    await vi.waitFor(() => expect(posted).toHaveBeenCalledTimes(1));
    expect(posted).toHaveBeenCalledWith({ ...envelope, type: 'error', error: { kind: 'command-failed', type: 'getState', message: 'The panel could not carry out "getState".' }, inReplyTo: 'r-2' }, HOST);
    expect(current.getDiagnostics().commandFailures).toBe(1);
  });
});
