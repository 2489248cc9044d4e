// @vitest-environment node
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import {
  INVITED_CHAT, LEFT_CHAT, OTHER_CHATTING_CHAT, SEED_CHAT, at, control, csrfToken, getChat, getJson, postOperation,
} from './support';

// The UpdateUserData sample of GWS 8.6, written out here independently of simulator/seed.ts.
const EXPECTED_SEED_USER_DATA = {
  IdentifyCreateContact: '3', RTargetTypeSelected: '2', RTargetObjectSelected: 'Chat distribution for processing',
  RVQID: '', ChatServerAppName: 'es_chat', 'PegAGChat distribution for processing': 1,
  ChatServerHost: 'GWS-ubuntu.emea.int.genesyslab.com', RTargetObjSelDBID: '115', ChatServerPort: '7160',
  'CBR-Interaction_cost': '', 'CBR-contract_DBIDs': '', RTargetAgentSelected: '12345', 'CBR-IT-path_DBIDs': '',
  RTargetRuleSelected: '', UserData2: 'DATAUPDATE-@123', RTargetPlaceSelected: 'a1', 'CBR-actual_volume': '',
  UserData1: 987654321, RTenant: 'Environment', ChatServerDBID: '115', RRequestedSkills: null,
  RRequestedSkillCombination: '', RVQDBID: '', RStrategyDBID: '776', CustomerSegment: 'default',
  ServiceType: 'default', ServiceObjective: 0, DISP_KEY: 'resolved', RTargetRequested: 'Chat distribution for processing',
  RTargetAgentGroup: 'Chat distribution for processing', RStrategyName: 'SimpleChatInStrategy', Subject: 'Customer support',
};

const CHATTING_CAPABILITIES = [
  'Transfer', 'Leave', 'Invite', 'Consult', 'SetInFocus', 'SetDisposition', 'AttachUserData', 'DeleteUserData',
  'UpdateUserData', 'Complete', 'SendMessage', 'SendStartTypingNotification', 'SendStopTypingNotification',
];

let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control(sim.url, 'reset', {});
  token = await csrfToken(sim.url);
});

/** GWS receivedDate "yyyy-MM-dd HH:mm:ss.SSS+hhmm" as epoch ms. */
function receivedAt(chat: unknown): number {
  const text = String(at(chat, 'receivedDate'));
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3})([+-]\d{2})(\d{2})$/.exec(text);
  if (!match) throw new Error(`bad receivedDate ${text}`);
  return Date.parse(`${match[1]}T${match[2]}${match[3]}:${match[4]}`);
}

describe('GET endpoints', () => {
  it('GET /api/v2/me returns the agent with the CSRF headers', async () => {
    const { status, headers, body } = await getJson(`${sim.url}/api/v2/me`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(headers.get('x-csrf-header')).toBe('X-CSRF-TOKEN');
    expect(headers.get('x-csrf-token')).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toMatchObject({ statusCode: 0, user: { roles: ['ROLE_AGENT'], enabled: true, userName: expect.any(String) } });
    expect(at(body, 'user', 'uri')).toBe(`${sim.url}/api/v2/users/${String(at(body, 'user', 'id'))}`);
    expect(at(body, 'user', 'chats')).toBeUndefined();
  });

  it('GET /api/v2/me?subresources=* adds the chats', async () => {
    const { body } = await getJson(`${sim.url}/api/v2/me?subresources=*`);
    const chats = at(body, 'user', 'chats');
    expect(Array.isArray(chats) && chats.map((chat) => at(chat, 'id'))).toEqual(
      expect.arrayContaining([SEED_CHAT, INVITED_CHAT, OTHER_CHATTING_CHAT, LEFT_CHAT]),
    );
  });

  it('GET /api/v2/me/chats lists full chat resources with CSRF headers', async () => {
    const { status, headers, body } = await getJson(`${sim.url}/api/v2/me/chats`);
    expect(status).toBe(200);
    expect(headers.get('x-csrf-token')).toBe(token);
    expect(at(body, 'statusCode')).toBe(0);
    const chats = at(body, 'chats');
    if (!Array.isArray(chats)) throw new Error('chats is not an array');
    for (const chat of chats) {
      expect(Object.keys(chat).sort()).toEqual(
        ['capabilities', 'chatType', 'id', 'participants', 'path', 'receivedDate', 'state', 'uri', 'userData'],
      );
    }
    const byId = new Map(chats.map((chat) => [at(chat, 'id'), chat]));
    expect(at(byId.get(INVITED_CHAT), 'state')).toBe('Invited');
    expect(at(byId.get(INVITED_CHAT), 'capabilities')).toEqual(['Accept', 'Reject']);
    expect(at(byId.get(LEFT_CHAT), 'state')).toBe('LeftChat');
    expect(at(byId.get(OTHER_CHATTING_CHAT), 'state')).toBe('Chatting');
    expect(at(byId.get(OTHER_CHATTING_CHAT), 'userData')).not.toEqual(at(byId.get(SEED_CHAT), 'userData'));
  });

  it('the seed chat is exactly the GWS sample and the most recent Chatting chat', async () => {
    const chat = await getChat(sim.url, SEED_CHAT);
    expect(at(chat, 'userData')).toStrictEqual(EXPECTED_SEED_USER_DATA);
    expect(Object.keys(at(chat, 'userData') ?? {})).toEqual(Object.keys(EXPECTED_SEED_USER_DATA));
    expect(chat).toMatchObject({
      id: SEED_CHAT,
      state: 'Chatting',
      chatType: 'Inbound',
      uri: `${sim.url}/api/v2/chats/${SEED_CHAT}`,
      capabilities: CHATTING_CAPABILITIES,
      participants: [
        { nickname: 'test_consult_clientL', type: 'Customer', participantId: '007352CE982D031B' },
        { nickname: 'TestName', type: 'Agent', participantId: '007352CE984F0321' },
      ],
    });
    expect(String(at(chat, 'receivedDate'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/);
    const { body } = await getJson(`${sim.url}/api/v2/me/chats`);
    const chats = at(body, 'chats');
    if (!Array.isArray(chats)) throw new Error('chats is not an array');
    const chatting = chats.filter((c) => at(c, 'state') === 'Chatting').sort((a, b) => receivedAt(b) - receivedAt(a));
    expect(chatting.length).toBeGreaterThanOrEqual(2);
    expect(at(chatting[0], 'id')).toBe(SEED_CHAT);
  });

  it('an unknown chat answers statusCode 6 with only statusCode and statusMessage', async () => {
    const { status, body } = await getJson(`${sim.url}/api/v2/me/chats/nope`);
    expect(status).toBe(200);
    expect(Object.keys(body ?? {}).sort()).toEqual(['statusCode', 'statusMessage']);
    expect(at(body, 'statusCode')).toBe(6);
  });

  it('an unknown /api/v2 route answers HTTP 404 with statusCode 6', async () => {
    const { status, body } = await getJson(`${sim.url}/api/v2/nothing-here`);
    expect(status).toBe(404);
    expect(at(body, 'statusCode')).toBe(6);
  });
});

describe('CSRF', () => {
  it('refuses a POST without the token with 403 and changes nothing', async () => {
    const before = await getChat(sim.url, SEED_CHAT);
    const reply = await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData', userData: { UserData1: 1 } }, null);
    expect(reply.status).toBe(403);
    expect(reply.text).toBe('Missing or invalid Csrf token');
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await getChat(sim.url, SEED_CHAT)).toStrictEqual(before);
  });

  it('refuses a wrong token', async () => {
    const reply = await postOperation(sim.url, SEED_CHAT, { operationName: 'SetInFocus' }, 'not-the-token');
    expect(reply.status).toBe(403);
  });

  it('keeps one token for the whole simulator session', async () => {
    expect(await csrfToken(sim.url)).toBe(token);
  });
});

describe('userData operations', () => {
  it('UpdateUserData overwrites the given keys, keeps the rest, and keeps number types', async () => {
    const reply = await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData', userData: { UserData2: 'changed', Fresh: 123 } }, token);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ statusCode: 0, referenceId: expect.any(Number) });
    const userData = at(await getChat(sim.url, SEED_CHAT), 'userData');
    expect(userData).toStrictEqual({ ...EXPECTED_SEED_USER_DATA, UserData2: 'changed', Fresh: 123 });
    expect(at(userData, 'UserData1')).toBe(987654321);
    expect(at(userData, 'Fresh')).toBe(123);
  });

  it('referenceIds increase across requests', async () => {
    const first = await postOperation(sim.url, SEED_CHAT, { operationName: 'SetInFocus' }, token);
    const second = await postOperation(sim.url, SEED_CHAT, { operationName: 'SetInFocus' }, token);
    expect(Number(at(second.body, 'referenceId'))).toBeGreaterThan(Number(at(first.body, 'referenceId')));
  });

  it('AttachUserData adds keys and overwrites an existing one', async () => {
    await postOperation(sim.url, SEED_CHAT, { operationName: 'AttachUserData', userData: { Added: 'yes', Subject: 'New subject' } }, token);
    const userData = at(await getChat(sim.url, SEED_CHAT), 'userData');
    expect(userData).toStrictEqual({ ...EXPECTED_SEED_USER_DATA, Added: 'yes', Subject: 'New subject' });
  });

  it('DeleteUserData removes the listed keys and ignores absent ones', async () => {
    const reply = await postOperation(sim.url, SEED_CHAT, { operationName: 'DeleteUserData', keys: ['UserData1', 'NotThere'] }, token);
    expect(at(reply.body, 'statusCode')).toBe(0);
    const userData = at(await getChat(sim.url, SEED_CHAT), 'userData');
    const { UserData1: _removed, ...rest } = EXPECTED_SEED_USER_DATA;
    expect(userData).toStrictEqual(rest);
  });

  it('SetDisposition writes DispositionCode, or the given dispositionKey', async () => {
    await postOperation(sim.url, SEED_CHAT, { operationName: 'SetDisposition', disposition: 'IssueResolved' }, token);
    await postOperation(sim.url, SEED_CHAT, { operationName: 'SetDisposition', disposition: 'Sale', dispositionKey: 'DISP_KEY' }, token);
    const userData = at(await getChat(sim.url, SEED_CHAT), 'userData');
    expect(at(userData, 'DispositionCode')).toBe('IssueResolved');
    expect(at(userData, 'DISP_KEY')).toBe('Sale');
  });

  it('stores __proto__, constructor, empty and unicode keys and a 10 kB value as plain data', async () => {
    const big = 'x'.repeat(10 * 1024);
    // Written by hand: an object literal with a __proto__ key would set a prototype instead.
    const body = `{"operationName":"UpdateUserData","userData":{"__proto__":{"polluted":true},"constructor":"c","":"empty","Ключ 🔑":"значение","toString":1,"big":"${big}"}}`;
    const reply = await postOperation(sim.url, SEED_CHAT, body, token);
    expect(at(reply.body, 'statusCode')).toBe(0);
    const userData = at(await getChat(sim.url, SEED_CHAT), 'userData');
    expect(at(userData, '__proto__')).toEqual({ polluted: true });
    expect(at(userData, 'constructor')).toBe('c');
    expect(at(userData, '')).toBe('empty');
    expect(at(userData, 'Ключ 🔑')).toBe('значение');
    expect(at(userData, 'toString')).toBe(1);
    expect(at(userData, 'big')).toBe(big);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    await postOperation(sim.url, SEED_CHAT, { operationName: 'DeleteUserData', keys: ['__proto__', '', 'constructor'] }, token);
    const after = at(await getChat(sim.url, SEED_CHAT), 'userData');
    expect(Object.hasOwn(Object(after), '__proto__')).toBe(false);
    expect(Object.hasOwn(Object(after), '')).toBe(false);
    expect(at(after, 'Ключ 🔑')).toBe('значение');
  });
});

describe('operation errors', () => {
  async function expectUnchanged(run: () => Promise<unknown>): Promise<void> {
    const before = await getJson(`${sim.url}/api/v2/me/chats`);
    await run();
    const after = await getJson(`${sim.url}/api/v2/me/chats`);
    expect(after.body).toStrictEqual(before.body);
  }

  it('an operation outside the capabilities answers statusCode 2 naming operation and state', async () => {
    await expectUnchanged(async () => {
      const reply = await postOperation(sim.url, INVITED_CHAT, { operationName: 'UpdateUserData', userData: { a: 1 } }, token);
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ statusCode: 2, statusMessage: expect.stringMatching(/UpdateUserData.*Invited/) });
    });
  });

  it('an unknown operationName answers statusCode 2', async () => {
    const reply = await postOperation(sim.url, SEED_CHAT, { operationName: 'Teleport' }, token);
    expect(at(reply.body, 'statusCode')).toBe(2);
  });

  it.each([
    ['missing operationName', { userData: {} }, /operationName/],
    ['missing userData', { operationName: 'UpdateUserData' }, /Required parameter missing: userData/],
    ['userData is an array', { operationName: 'UpdateUserData', userData: [1] }, /userData/],
    ['userData is a string', { operationName: 'AttachUserData', userData: 'x' }, /userData/],
    ['keys missing', { operationName: 'DeleteUserData' }, /keys/],
    ['keys not strings', { operationName: 'DeleteUserData', keys: [1] }, /keys/],
    ['disposition missing', { operationName: 'SetDisposition' }, /disposition/],
    ['text missing', { operationName: 'SendMessage' }, /text/],
  ])('%s answers statusCode 1 and changes nothing', async (_name, body, message) => {
    await expectUnchanged(async () => {
      const reply = await postOperation(sim.url, SEED_CHAT, body, token);
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ statusCode: 1, statusMessage: expect.stringMatching(message) });
    });
  });

  it('an unknown chat answers statusCode 6', async () => {
    const reply = await postOperation(sim.url, 'no-such-chat', { operationName: 'UpdateUserData', userData: {} }, token);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ statusCode: 6, statusMessage: expect.stringContaining('no-such-chat') });
  });

  it('a body that is not JSON answers HTTP 400 with statusCode 1', async () => {
    await expectUnchanged(async () => {
      const reply = await postOperation(sim.url, SEED_CHAT, '{"operationName":', token);
      expect(reply.status).toBe(400);
      expect(at(reply.body, 'statusCode')).toBe(1);
    });
  });

  it('Transfer is refused as not simulated (statusCode 3)', async () => {
    const reply = await postOperation(sim.url, SEED_CHAT, { operationName: 'Transfer', queueName: 'q' }, token);
    expect(at(reply.body, 'statusCode')).toBe(3);
  });
});
