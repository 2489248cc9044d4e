// @vitest-environment node
// Hostile notifications: whatever arrives on /v2/me/chats, the parser answers with a
// notification or a counted rejection, never throws, never lets a prototype key through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChatNotification } from '../../src/gws/cometd/notificationWire';
import { createChatStore, deriveRows } from '../../src/store';
import { seedNotificationJson, seedNotificationText } from '../support/seed';

const KINDS = new Set(['chat-changed', 'operation-failed', 'ignored', 'unknown-change', 'rejected-notification']);

function mutate(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number') return value.map((item, index) => (index === head ? mutate(item, rest, replacement) : item));
  if (typeof value === 'object' && value !== null && typeof head === 'string') {
    const copy: Record<string, unknown> = { ...value };
    if (replacement === undefined && rest.length === 0) delete copy[head];
    else copy[head] = mutate(copy[head], rest, replacement);
    return copy;
  }
  return value;
}

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (typeof value === 'object' && value !== null) return [prefix, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return [prefix];
}

describe('parseChatNotification under fuzzing', () => {
  it('never throws on arbitrary JSON and always says what it is', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (input) => {
        const parsed = parseChatNotification(input);
        expect(KINDS.has(parsed.kind)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary objects shaped like a chat notification', () => {
    const chatLike = fc.record(
      {
        messageType: fc.oneof(fc.constant('ChatStateChangeMessage'), fc.string()),
        notificationType: fc.oneof(fc.constantFrom('StatusChange', 'ParticipantsUpdated', 'PropertiesUpdated', 'Error'), fc.string()),
        referenceId: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
        chat: fc.record(
          {
            id: fc.oneof(fc.string(), fc.integer()),
            state: fc.oneof(fc.string(), fc.constant(null)),
            capabilities: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
            participants: fc.oneof(fc.array(fc.record({ participantId: fc.string(), nickname: fc.jsonValue(), type: fc.jsonValue() })), fc.jsonValue()),
            userData: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue()),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(chatLike, (input) => {
        const parsed = parseChatNotification(input);
        expect(KINDS.has(parsed.kind)).toBe(true);
        if (parsed.kind === 'chat-changed') {
          expect(typeof parsed.chat.id).toBe('string');
          expect(parsed.chat.userData).toBeInstanceOf(Map);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('handles the seed payload with any field removed, retyped or duplicated', () => {
    const seed = seedNotificationJson();
    const paths = pathsOf(seed).filter((path) => path.length > 0);
    const replacement = fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }));
    fc.assert(
      fc.property(fc.constantFrom(...paths), replacement, (path, value) => {
        const parsed = parseChatNotification(mutate(seed, path, value));
        expect(KINDS.has(parsed.kind)).toBe(true);
      }),
      { numRuns: 1500 },
    );
    // A duplicated key in JSON text: the last one wins, as JSON.parse decides.
    const duplicated = JSON.parse(
      '{"messageType":"ChatStateChangeMessage","notificationType":"PropertiesUpdated","chat":{"id":"a","id":"b","state":"Chatting","userData":{"k":1,"k":2}}}',
    );
    const parsed = parseChatNotification(duplicated);
    expect(parsed.kind === 'chat-changed' && [parsed.chat.id, parsed.chat.userData.get('k')]).toEqual(['b', 2]);
  });

  it('rejects non-JSON text, including the documentation sample as printed', () => {
    expect(parseChatNotification('not json').kind).toBe('rejected-notification');
    expect(parseChatNotification(seedNotificationText).kind).toBe('rejected-notification');
  });

  it('reads a 1 MB userData and 10,000 keys', () => {
    const big = { ...(seedNotificationJson() as Record<string, unknown>) };
    const chat = big.chat as Record<string, unknown>;
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_unused, index) => [`k${index}`, `v${index}`]));
    const parsed = parseChatNotification({ ...big, chat: { ...chat, userData: { ...many, huge: 'x'.repeat(1_000_000) } } });
    if (parsed.kind !== 'chat-changed') throw new Error(parsed.kind);
    expect(parsed.chat.userData.size).toBe(10_001);
    expect((parsed.chat.userData.get('huge') as string).length).toBe(1_000_000);
  });

  it('keeps prototype-named keys as data all the way to the rows', () => {
    const raw = JSON.parse(
      '{"messageType":"ChatStateChangeMessage","notificationType":"PropertiesUpdated","chat":{"id":"c","state":"Chatting","capabilities":[],"userData":{"__proto__":{"polluted":true},"constructor":"c","prototype":"p","hasOwnProperty":"h"}}}',
    );
    const store = createChatStore();
    store.getState().actions.notificationReceived(parseChatNotification(raw));
    const entry = store.getState().chats.get('c');
    if (!entry) throw new Error('chat missing');
    expect(deriveRows(entry).map((row) => row.key)).toEqual(['__proto__', 'constructor', 'prototype', 'hasOwnProperty']);
    // The value under `__proto__` is a value: a plain object with its own field, not a prototype set on anything.
    expect(deriveRows(entry)[0]?.value).toEqual({ polluted: true });
    expect(Object.getPrototypeOf(deriveRows(entry)[0]?.value)).toBe(Object.prototype);
  });

  it('counts notifications for an unknown message type as ignored, a change of an unknown type as none, and bad ones as rejected, in the store', () => {
    const store = createChatStore();
    const { actions } = store.getState();
    actions.notificationReceived(parseChatNotification({ messageType: 'SomethingNew', notificationType: 'X' }));
    // A later GWS's type (useLiveSync reads the chats again for it): not malformed.
    actions.notificationReceived(parseChatNotification({ messageType: 'ChatStateChangeMessage', notificationType: 'Teleported', chat: {} }));
    actions.notificationReceived(parseChatNotification({ messageType: 'ChatStateChangeMessage', notificationType: 7, chat: {} }));
    actions.notificationReceived(parseChatNotification(42));
    expect(store.getState().rejectedNotifications).toBe(2);
    expect(store.getState().chats.size).toBe(0);
  });
});
