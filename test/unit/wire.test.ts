// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseChatNotification } from '../../src/gws/cometd/notificationWire';
import { chatSchema, readEnvelope } from '../../src/gws/wire';
import { seedNotificationJson, seedNotificationText } from '../support/seed';

describe('parseChatNotification', () => {
  it('reads the documentation seed PropertiesUpdated with every value in its type', () => {
    const parsed = parseChatNotification(seedNotificationJson());
    expect(parsed.kind).toBe('chat-changed');
    if (parsed.kind !== 'chat-changed') return;
    expect(parsed.notificationType).toBe('PropertiesUpdated');
    expect(parsed.referenceId).toBe(85);
    expect(parsed.chat.id).toBe('0000Wa9CAM6W00J');
    expect(parsed.chat.state).toBe('Chatting');
    expect(parsed.chat.userData.get('UserData1')).toBe(987654321);
    expect(parsed.chat.userData.get('UserData2')).toBe('DATAUPDATE-@123');
    expect(parsed.chat.userData.has('RRequestedSkills')).toBe(true);
    expect(parsed.chat.userData.get('RRequestedSkills')).toBeNull();
    expect(parsed.chat.userData.get('ServiceObjective')).toBe(0);
    expect(parsed.chat.userData.size).toBe(32);
    expect(parsed.chat.participants.map((p) => [p.nickname, p.type])).toEqual([
      ['test_consult_clientL', 'Customer'],
      ['TestName', 'Agent'],
    ]);
    expect(parsed.chat.capabilities).toContain('UpdateUserData');
  });

  it('rejects the sample as printed (Python None is not JSON) with a reason, without throwing', () => {
    expect(() => JSON.parse(seedNotificationText)).toThrow();
    const parsed = parseChatNotification(seedNotificationText);
    expect(parsed).toEqual({ kind: 'rejected-notification', reason: 'notification is text, not a JSON object' });
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an array', [1, 2]],
    ['no messageType', { chat: {} }],
    ['a notificationType that is no text', { messageType: 'ChatStateChangeMessage', notificationType: 7, chat: {} }],
    ['no notificationType', { messageType: 'ChatStateChangeMessage', chat: { id: 'a', state: 'Chatting' } }],
    ['chat without id', { messageType: 'ChatStateChangeMessage', notificationType: 'PropertiesUpdated', chat: { state: 'Chatting' } }],
    ['userData not an object', { messageType: 'ChatStateChangeMessage', notificationType: 'PropertiesUpdated', chat: { id: 'a', state: 'Chatting', userData: 'x' } }],
    ['referenceId as text', { messageType: 'ChatStateChangeMessage', notificationType: 'PropertiesUpdated', referenceId: '85', chat: { id: 'a', state: 'Chatting' } }],
    // Read as none, the chat turned read-only, unsaid (exploratory test).
    ['capabilities as text', { messageType: 'ChatStateChangeMessage', notificationType: 'StatusChange', chat: { id: 'a', state: 'Chatting', capabilities: 'UpdateUserData' } }],
    ['participants as text', { messageType: 'ChatStateChangeMessage', notificationType: 'ParticipantsUpdated', chat: { id: 'a', state: 'Chatting', participants: 'x' } }],
  ])('rejects %s', (_name, input) => {
    expect(parseChatNotification(input).kind).toBe('rejected-notification');
  });

  it('rejects a PropertiesUpdated without userData instead of reading it as no case data', () => {
    const notification = seedNotificationJson() as { chat: Record<string, unknown> };
    delete notification.chat.userData;
    // Before (exploratory test): read as an empty userData, and the grid emptied as if fresh.
    expect(parseChatNotification(notification)).toEqual({ kind: 'rejected-notification', reason: 'chat.userData: missing from PropertiesUpdated, which carries the whole userData' });
    expect(parseChatNotification({ ...notification, chat: { ...notification.chat, userData: null } }).kind).toBe('rejected-notification');
    // A state change may come without it (an Invited chat, a state change that says only the state): said so, for the store to keep a known chat's.
    const stateChange = parseChatNotification({ ...notification, notificationType: 'StatusChange' });
    expect(stateChange.kind === 'chat-changed' && stateChange.userDataAbsent).toBe(true);
    expect(parseChatNotification(seedNotificationJson())).not.toHaveProperty('userDataAbsent');
  });

  it('rejects a ParticipantsUpdated without participants instead of reading it as nobody in the chat', () => {
    const notification = { ...(seedNotificationJson() as { chat: Record<string, unknown> }), notificationType: 'ParticipantsUpdated' };
    delete notification.chat.participants;
    // Before (review): read as an empty list, everyone announced as gone and the customer's name lost.
    expect(parseChatNotification(notification)).toEqual({ kind: 'rejected-notification', reason: 'chat.participants: missing from ParticipantsUpdated, which carries the whole list' });
    expect(parseChatNotification({ ...notification, chat: { ...notification.chat, participants: null } }).kind).toBe('rejected-notification');
    // An empty list says who is there: nobody (everyone left).
    const empty = parseChatNotification({ ...notification, chat: { ...notification.chat, participants: [] } });
    expect(empty.kind === 'chat-changed' && empty.chat.participants).toEqual([]);
  });

  it('names the failing path in the reason', () => {
    const parsed = parseChatNotification({
      messageType: 'ChatStateChangeMessage',
      notificationType: 'StatusChange',
      chat: { id: 'a', state: 7 },
    });
    expect(parsed).toEqual({ kind: 'rejected-notification', reason: 'chat.state: expected a string, got a number' });
  });

  it('reads a notificationType of a later GWS as a change not known, not as malformed (exploratory test)', () => {
    const notification = { ...(seedNotificationJson() as Record<string, unknown>), notificationType: 'SomethingNew' };
    expect(parseChatNotification(notification)).toEqual({ kind: 'unknown-change', notificationType: 'SomethingNew' });
    // None, an empty one, or one that is no text: malformed, and said so (review: "unknown notificationType nothing").
    expect(parseChatNotification({ ...notification, notificationType: undefined })).toEqual({ kind: 'rejected-notification', reason: 'notification has no notificationType' });
    expect(parseChatNotification({ ...notification, notificationType: '' })).toEqual({ kind: 'rejected-notification', reason: 'notificationType is empty' });
    expect(parseChatNotification({ ...notification, notificationType: 7 })).toEqual({ kind: 'rejected-notification', reason: 'notificationType is a number, not text' });
  });

  it('ignores transcript traffic and unknown message types instead of rejecting them', () => {
    expect(parseChatNotification({ messageType: 'MessageLogUpdated', notificationType: 'NewMessages', messages: [] })).toEqual({
      kind: 'ignored',
      messageType: 'MessageLogUpdated',
    });
  });

  it('keeps unknown fields out and odd keys as plain data', () => {
    const raw = JSON.parse(
      '{"messageType":"ChatStateChangeMessage","notificationType":"PropertiesUpdated","extra":1,' +
        '"chat":{"id":"c","state":"Chatting","uri":"http://gws/api/v2/chats/c","interactionQueue":"q","userData":{"__proto__":"p","constructor":"k","":"empty","ключ":"✓","nested":{"__proto__":{"x":1}}}}}',
    );
    const parsed = parseChatNotification(raw);
    if (parsed.kind !== 'chat-changed') throw new Error(`expected chat-changed, got ${parsed.kind}`);
    // Unknown fields, of the message and of the chat, are tolerated and left behind.
    expect(parsed).not.toHaveProperty('extra');
    expect(Object.keys(parsed.chat).sort()).toEqual(['capabilities', 'chatType', 'id', 'participants', 'receivedDate', 'state', 'userData']);
    const userData = parsed.chat.userData;
    expect([...userData.keys()]).toEqual(['__proto__', 'constructor', '', 'ключ', 'nested']);
    expect(userData.get('__proto__')).toBe('p');
    expect(Object.getPrototypeOf(userData.get('nested'))).toBe(Object.prototype);
    expect(Object.keys(userData.get('nested') as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reads an Error notification as a failed operation', () => {
    expect(parseChatNotification({ messageType: 'ChatStateChangeMessage', notificationType: 'Error', referenceId: 9, chat: { id: 'c' } })).toMatchObject({
      kind: 'operation-failed',
      chatId: 'c',
      referenceId: 9,
    });
  });

  it('reads a referenceId of 0 or below as none (it links to no request), so the change is not dropped as old', () => {
    for (const referenceId of [0, -1]) {
      const notification = parseChatNotification({ messageType: 'ChatStateChangeMessage', notificationType: 'PropertiesUpdated', referenceId, chat: { id: 'c', state: 'Chatting', userData: { a: 'b' } } });
      expect(notification).toMatchObject({ kind: 'chat-changed' });
      expect(notification).not.toHaveProperty('referenceId');
    }
    expect(parseChatNotification({ messageType: 'ChatStateChangeMessage', notificationType: 'PropertiesUpdated', referenceId: 1e300, chat: { id: 'c', state: 'Chatting', userData: {} } })).toMatchObject({
      kind: 'rejected-notification',
      reason: expect.stringContaining('not an integer within ±2^53'),
    });
  });

  it('keeps an Error notification’s message of a megabyte to 500 characters (it is shown and sent to the host page)', () => {
    const failed = parseChatNotification({ messageType: 'ChatStateChangeMessage', notificationType: 'Error', referenceId: 9, errorMessage: 'y'.repeat(1_000_000) });
    expect(failed).toEqual({ kind: 'operation-failed', referenceId: 9, message: `${'y'.repeat(499)}…` });
  });
});

describe('chat resource', () => {
  it('reads a Completed chat without capabilities or userData as allowing nothing', () => {
    const parsed = chatSchema({ id: 'c', state: 'Completed' }, '');
    expect(parsed.ok && parsed.value.capabilities).toEqual([]);
    expect(parsed.ok && parsed.value.userData.size).toBe(0);
  });

  it('refuses values that are not JSON numbers', () => {
    expect(chatSchema({ id: 'c', state: 'Chatting', userData: { n: Number.NaN } }, '').ok).toBe(false);
  });

  it('names the exact place of a bad value deep inside userData', () => {
    const parsed = chatSchema({ id: 'c', state: 'Chatting', userData: { ok: 1, kv: [{ a: [1, { b: Number.POSITIVE_INFINITY }] }] } }, 'chat');
    expect(parsed.ok ? [] : parsed.issues).toEqual([{ path: 'chat.userData["kv"][0]["a"][1]["b"]', message: 'not a finite number' }]);
  });

  it('refuses a value nested beyond the limit in one pass, not one per level and branch', () => {
    // Each level of arrays and objects once parsed a failed element a second time to name
    // its path: 40 levels were 2^40 parses, a frozen tab. Counted by the work done, not by time.
    let reads = 0;
    const counted = (object: object) => new Proxy(object, { ownKeys: (target) => (reads++, Reflect.ownKeys(target)) });
    let value: unknown = 'leaf';
    for (let level = 0; level < 40; level += 1) value = level % 2 ? [value] : counted({ deeper: value });
    const parsed = chatSchema({ id: 'c', state: 'Chatting', userData: counted({ deep: value }) }, 'chat');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.message)).toEqual(['nested too deeply']);
    expect(parsed.ok ? '' : parsed.issues[0]?.path).toMatch(/^chat\.userData\["deep"\]\[0\]\["deeper"\]\[0\]\["deeper"\]/);
    // Each object on the way down is read once (17 until the limit), never again to name a path.
    expect(reads).toBeLessThanOrEqual(20);
  });
});

describe('readEnvelope', () => {
  it('separates success, GWS errors and bodies that are not GWS replies', () => {
    expect(readEnvelope({ statusCode: 0, chats: [] })).toMatchObject({ ok: true, value: { ok: true } });
    expect(readEnvelope({ statusCode: 2, statusMessage: 'nope' })).toEqual({
      ok: true,
      value: { ok: false, statusCode: 2, statusMessage: 'nope' },
    });
    expect(readEnvelope({ chats: [] }).ok).toBe(false);
    expect(readEnvelope('<html>').ok).toBe(false);
  });
});
