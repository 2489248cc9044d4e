// @vitest-environment node
import { connect as connectTcp } from 'node:net';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import {
  INVITED_CHAT, LEFT_CHAT, SEED_CHAT, at, chatChange, connectBayeux, control, csrfToken, getChat, getJson,
  postOperation, sleep, waitUntil, type BayeuxClient,
} from './support';

let sim: RunningSimulator;
let token: string;
let client: BayeuxClient | null = null;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control(sim.url, 'reset', {});
  token = await csrfToken(sim.url);
});
afterEach(async () => {
  await client?.disconnect();
  client = null;
});

async function connect(): Promise<BayeuxClient> {
  client = await connectBayeux(sim.url);
  return client;
}

async function operate(chatId: string, body: Readonly<Record<string, unknown>>): Promise<number> {
  const reply = await postOperation(sim.url, chatId, body, token);
  expect(at(reply.body, 'statusCode')).toBe(0);
  const referenceId = at(reply.body, 'referenceId');
  if (typeof referenceId !== 'number') throw new Error('no referenceId');
  return referenceId;
}

describe('operation notifications on /v2/me/chats', () => {
  it('UpdateUserData publishes PropertiesUpdated with the full chat and the same referenceId', async () => {
    const bayeux = await connect();
    const referenceId = await operate(SEED_CHAT, { operationName: 'UpdateUserData', userData: { UserData1: 123, Note: 'hi' } });
    const data = await bayeux.waitFor(chatChange(SEED_CHAT, 'PropertiesUpdated', referenceId));
    expect(Object.keys(data ?? {}).sort()).toEqual(['chat', 'messageType', 'notificationType', 'referenceId']);
    expect(at(data, 'chat')).toStrictEqual(await getChat(sim.url, SEED_CHAT));
    expect(at(data, 'chat', 'userData', 'UserData1')).toBe(123);
    expect(at(data, 'chat', 'userData', 'UserData2')).toBe('DATAUPDATE-@123');
    expect(at(data, 'chat', 'userData', 'RRequestedSkills')).toBeNull();
  });

  it('Attach, Delete and SetDisposition publish PropertiesUpdated each', async () => {
    const bayeux = await connect();
    const attach = await operate(SEED_CHAT, { operationName: 'AttachUserData', userData: { Extra: 'e' } });
    const remove = await operate(SEED_CHAT, { operationName: 'DeleteUserData', keys: ['Extra'] });
    const dispose = await operate(SEED_CHAT, { operationName: 'SetDisposition', disposition: 'Done' });
    expect(at(await bayeux.waitFor(chatChange(SEED_CHAT, 'PropertiesUpdated', attach)), 'chat', 'userData', 'Extra')).toBe('e');
    expect(at(await bayeux.waitFor(chatChange(SEED_CHAT, 'PropertiesUpdated', remove)), 'chat', 'userData', 'Extra')).toBeUndefined();
    expect(at(await bayeux.waitFor(chatChange(SEED_CHAT, 'PropertiesUpdated', dispose)), 'chat', 'userData', 'DispositionCode')).toBe('Done');
  });

  it('Accept publishes StatusChange (with referenceId) and then ParticipantsUpdated (without)', async () => {
    const bayeux = await connect();
    const referenceId = await operate(INVITED_CHAT, { operationName: 'Accept', nickname: 'Agent Smith' });
    await bayeux.waitFor(chatChange(INVITED_CHAT, 'ParticipantsUpdated'));
    const mine = bayeux.notifications.filter((data) => at(data, 'chat', 'id') === INVITED_CHAT);
    expect(mine.map((data) => at(data, 'notificationType'))).toEqual(['StatusChange', 'ParticipantsUpdated']);
    expect(at(mine[0], 'referenceId')).toBe(referenceId);
    expect(at(mine[0], 'chat', 'state')).toBe('Chatting');
    expect(at(mine[0], 'chat', 'capabilities')).toContain('UpdateUserData');
    expect(Object.hasOwn(Object(mine[1]), 'referenceId')).toBe(false);
    expect(at(mine[1], 'chat', 'participants')).toContainEqual({ nickname: 'Agent Smith', type: 'Agent', participantId: expect.stringMatching(/^[0-9A-F]{16}$/) });
  });

  it('SendMessage publishes MessageLogUpdated with increasing indexes', async () => {
    const bayeux = await connect();
    const first = await operate(SEED_CHAT, { operationName: 'SendMessage', text: 'Hello' });
    const second = await operate(SEED_CHAT, { operationName: 'SendMessage', text: 'Again' });
    const isLog = (referenceId: number) => (data: unknown) => at(data, 'messageType') === 'MessageLogUpdated' && at(data, 'referenceId') === referenceId;
    const a = await bayeux.waitFor(isLog(first));
    const b = await bayeux.waitFor(isLog(second));
    expect(a).toMatchObject({
      notificationType: 'NewMessages',
      chatPath: `/chats/${SEED_CHAT}`,
      chatUri: `${sim.url}/api/v2/chats/${SEED_CHAT}`,
      messages: [{ type: 'Text', text: 'Hello', visibility: 'All', from: { participantId: '007352CE984F0321', nickname: 'TestName', type: 'Agent' } }],
    });
    expect(Number(at(b, 'messages', 0, 'index'))).toBe(Number(at(a, 'messages', 0, 'index')) + 1);
    expect(typeof at(a, 'messages', 0, 'timestampSeconds')).toBe('number');
  });

  it('Leave moves to LeftChat, where userData can still change, and Complete ends it', async () => {
    const bayeux = await connect();
    const leave = await operate(SEED_CHAT, { operationName: 'Leave' });
    const left = await bayeux.waitFor(chatChange(SEED_CHAT, 'StatusChange', leave));
    expect(at(left, 'chat', 'state')).toBe('LeftChat');
    // Listed as GWS's ChatLeave sample lists them; userData changes all the same, as its text says.
    expect(at(left, 'chat', 'capabilities')).toEqual(['Transfer', 'Complete', 'Leave', 'InFocus']);
    const after = await operate(SEED_CHAT, { operationName: 'UpdateUserData', userData: { After: 'leave' } });
    expect(at(await bayeux.waitFor(chatChange(SEED_CHAT, 'PropertiesUpdated', after)), 'chat', 'userData', 'After')).toBe('leave');
    const complete = await operate(SEED_CHAT, { operationName: 'Complete' });
    const done = await bayeux.waitFor(chatChange(SEED_CHAT, 'StatusChange', complete));
    expect(at(done, 'chat', 'state')).toBe('Completed');
    expect(at(done, 'chat', 'capabilities')).toEqual([]);
    const refused = await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData', userData: { x: 1 } }, token);
    expect(at(refused.body, 'statusCode')).toBe(2);
  });

  it('Reject completes an invitation with no participants', async () => {
    const bayeux = await connect();
    const referenceId = await operate(INVITED_CHAT, { operationName: 'Reject' });
    const data = await bayeux.waitFor(chatChange(INVITED_CHAT, 'StatusChange', referenceId));
    expect(at(data, 'chat', 'state')).toBe('Completed');
    expect(at(data, 'chat', 'participants')).toEqual([]);
  });
});

describe('control API notifications', () => {
  it('POST /sim/chats/{id}/userData publishes PropertiesUpdated without referenceId', async () => {
    const bayeux = await connect();
    const reply = await control(sim.url, `chats/${SEED_CHAT}/userData`, { userData: { FromCrm: 42 } });
    expect(reply.status).toBe(200);
    expect(at(reply.body, 'chat', 'userData', 'FromCrm')).toBe(42);
    const data = await bayeux.waitFor(chatChange(SEED_CHAT, 'PropertiesUpdated'));
    expect(at(data, 'chat', 'userData', 'FromCrm')).toBe(42);
    expect(at(data, 'chat', 'userData', 'UserData1')).toBe(987654321);
    expect(Object.hasOwn(Object(data), 'referenceId')).toBe(false);
  });

  it('participants join and leave publish ParticipantsUpdated', async () => {
    const bayeux = await connect();
    const joined = await control(sim.url, `chats/${SEED_CHAT}/participants`, { action: 'join', participant: { nickname: 'Supervisor', type: 'Agent' } });
    const participantId = at(joined.body, 'chat', 'participants', 2, 'participantId');
    expect(participantId).toMatch(/^[0-9A-F]{16}$/);
    await bayeux.waitFor((data) => chatChange(SEED_CHAT, 'ParticipantsUpdated')(data) && JSON.stringify(at(data, 'chat', 'participants')).includes('Supervisor'));
    await control(sim.url, `chats/${SEED_CHAT}/participants`, { action: 'leave', participantId });
    await waitUntil(() => bayeux.notifications.filter(chatChange(SEED_CHAT, 'ParticipantsUpdated')).length === 2);
    const last = bayeux.notifications.filter(chatChange(SEED_CHAT, 'ParticipantsUpdated')).at(-1);
    expect(at(last, 'chat', 'participants')).toHaveLength(2);
  });

  it('POST /sim/chats/{id}/state publishes StatusChange with that state\'s capabilities', async () => {
    const bayeux = await connect();
    await control(sim.url, `chats/${LEFT_CHAT}/state`, { state: 'Revoked' });
    const data = await bayeux.waitFor(chatChange(LEFT_CHAT, 'StatusChange'));
    expect(at(data, 'chat', 'state')).toBe('Revoked');
    expect(at(data, 'chat', 'capabilities')).toEqual([]);
  });

  it('POST /sim/chats brings a new Invited chat', async () => {
    const bayeux = await connect();
    const reply = await control(sim.url, 'chats', { participants: [{ nickname: 'newcomer', type: 'Customer' }], userData: { Subject: 'Hi' } });
    const id = at(reply.body, 'chat', 'id');
    if (typeof id !== 'string') throw new Error('no id');
    const data = await bayeux.waitFor(chatChange(id, 'StatusChange'));
    expect(at(data, 'chat')).toMatchObject({ state: 'Invited', capabilities: ['Accept', 'Reject'], userData: { Subject: 'Hi' }, chatType: 'Inbound' });
    expect((await getJson(`${sim.url}/api/v2/me/chats/${id}`)).body).toMatchObject({ statusCode: 0, chat: { id } });
  });

  it('POST /sim/publish sends exactly the given data on the given channel', async () => {
    const bayeux = await connect();
    const odd = { messageType: 'ChatStateChangeMessage', notificationType: 'Mystery', chat: null, 'weird key': [1, 'two'] };
    const reply = await control(sim.url, 'publish', { channel: '/v2/me/chats', data: odd });
    expect(reply.body).toEqual({ ok: true });
    expect(await bayeux.waitFor((data) => at(data, 'notificationType') === 'Mystery')).toStrictEqual(odd);
  });
});

describe('notification faults and session expiry', () => {
  it('dropNotifications stops chat notifications while operations still apply', async () => {
    const bayeux = await connect();
    await control(sim.url, 'faults', { dropNotifications: true });
    const referenceId = await operate(SEED_CHAT, { operationName: 'UpdateUserData', userData: { Silent: 'yes' } });
    await sleep(300);
    expect(bayeux.notifications.filter(chatChange(SEED_CHAT, 'PropertiesUpdated', referenceId))).toEqual([]);
    expect(at(await getChat(sim.url, SEED_CHAT), 'userData', 'Silent')).toBe('yes');
    await control(sim.url, 'faults', { dropNotifications: false });
    const next = await operate(SEED_CHAT, { operationName: 'UpdateUserData', userData: { Loud: 'yes' } });
    await bayeux.waitFor(chatChange(SEED_CHAT, 'PropertiesUpdated', next));
  });

  it('disconnectNotifications makes the client re-handshake, and notifications flow again', async () => {
    const bayeux = await connect();
    expect(bayeux.handshakes.successful).toBe(1);
    const firstClientId = bayeux.cometd.getClientId();
    await control(sim.url, 'faults', { disconnectNotifications: true });
    await waitUntil(() => bayeux.handshakes.successful >= 2, 10_000, 'the re-handshake');
    expect(bayeux.cometd.getClientId()).not.toBe(firstClientId);
    expect(bayeux.failedConnects.map((message) => message.error)).toContainEqual(expect.stringMatching(/^402::/));
    expect(bayeux.cometd.getStatus()).not.toBe('disconnected');
    await sleep(100);
    const referenceId = await operate(SEED_CHAT, { operationName: 'UpdateUserData', userData: { After: 'rehandshake' } });
    await bayeux.waitFor(chatChange(SEED_CHAT, 'PropertiesUpdated', referenceId));
  });

  it('notificationsDownMs cuts the held long poll and answers 503 until the outage ends', async () => {
    const bayeux = await connect();
    await control(sim.url, 'faults', { notificationsDownMs: 1_500 });
    const during = await fetch(`${sim.url}/api/v2/notifications/connect`, { method: 'POST', body: '[]' });
    expect(during.status).toBe(503);
    await waitUntil(() => bayeux.failedConnects.length > 0, 5_000, 'the cut long poll');
    let reconnected = false;
    bayeux.cometd.addListener('/meta/connect', (message) => {
      if (message.successful) reconnected = true;
    });
    // Whatever was published during the outage is lost, as with GWS; after it, messages flow.
    await waitUntil(() => reconnected, 10_000, 'the reconnect after the outage');
    const referenceId = await operate(SEED_CHAT, { operationName: 'UpdateUserData', userData: { After: 'outage' } });
    await bayeux.waitFor(chatChange(SEED_CHAT, 'PropertiesUpdated', referenceId));
  });

  it('an expired session answers 401 statusCode 20 and refuses Bayeux handshakes', async () => {
    const bayeux = await connect();
    const oldToken = token;
    expect(await control(sim.url, 'session', { expired: true })).toEqual({ status: 200, body: { ok: true, expired: true } });

    for (const path of ['/api/v2/me', '/api/v2/me/chats', `/api/v2/me/chats/${SEED_CHAT}`]) {
      const reply = await getJson(`${sim.url}${path}`);
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ statusCode: 20, statusMessage: 'Access denied: session expired' });
      expect(reply.headers.get('x-csrf-token')).toBeNull();
    }
    const post = await postOperation(sim.url, SEED_CHAT, { operationName: 'SetInFocus' }, oldToken);
    expect(post.status).toBe(401);
    expect(at(post.body, 'statusCode')).toBe(20);

    // The existing Bayeux session is dropped and its re-handshake is denied.
    await waitUntil(() => bayeux.handshakes.failed.length > 0, 10_000, 'the refused handshake');
    expect(bayeux.handshakes.failed[0]?.error).toMatch(/^403::/);

    await control(sim.url, 'session', { expired: false });
    const fresh = await csrfToken(sim.url);
    expect(fresh).not.toBe(oldToken);
    client = await connectBayeux(sim.url);
    await bayeux.disconnect();
  });
});

describe('the Bayeux endpoint on a busy keep-alive connection', () => {
  // Node hands a response its socket only when the previous response on that connection has
  // finished. A handshake read in that moment once went unanswered forever (the widget stayed
  // "Connecting…"); pipelining two requests in one write makes that moment certain.
  it('answers a handshake that arrives while the previous response is still going out', async () => {
    const { port } = new URL(sim.url);
    // The first response takes a while, so the handshake is surely read before it is out.
    await control(sim.url, 'faults', { latencyMs: 300 });
    const handshake = JSON.stringify([{ id: '1', version: '1.0', channel: '/meta/handshake', supportedConnectionTypes: ['long-polling'] }]);
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connectTcp(Number(port), '127.0.0.1');
      let received = '';
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(received);
      }, 3_000);
      socket.on('error', reject);
      socket.on('data', (chunk) => {
        received += chunk.toString('utf8');
        if (received.includes('"/meta/handshake"')) {
          clearTimeout(timer);
          socket.destroy();
          resolve(received);
        }
      });
      socket.write(
        `GET /api/v2/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n` +
          `POST /api/v2/notifications/handshake HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(handshake)}\r\n\r\n${handshake}`,
      );
    });
    expect(text.match(/HTTP\/1\.1 \d{3} [A-Za-z ]+/g)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK']);
    expect(text).toMatch(/"channel":"\/meta\/handshake","successful":true/);
  });
});
