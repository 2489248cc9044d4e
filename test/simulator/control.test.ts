// @vitest-environment node
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { INVITED_CHAT, SEED_CHAT, at, control, csrfToken, getChat, getJson, postOperation } from './support';

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

async function postRaw(path: string, body: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return { status: response.status, body: JSON.parse(await response.text()) };
}

describe('faults', () => {
  it('failNext + httpStatus answers the next n REST requests with a proxy HTML page', async () => {
    const reply = await control(sim.url, 'faults', { failNext: 2, httpStatus: 502 });
    expect(reply.body).toMatchObject({ ok: true, faults: { httpFailures: { remaining: 2, httpStatus: 502 } } });
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${sim.url}/api/v2/me`);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>');
    }
    expect((await fetch(`${sim.url}/api/v2/me`)).status).toBe(200);
  });

  it('an HTTP failure hits POSTs too and changes nothing', async () => {
    await control(sim.url, 'faults', { failNext: 1, httpStatus: 500 });
    const reply = await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData', userData: { UserData1: 1 } }, token);
    expect(reply.status).toBe(500);
    expect(reply.text).toContain('500 Internal Server Error');
    expect(at(await getChat(sim.url, SEED_CHAT), 'userData', 'UserData1')).toBe(987654321);
  });

  it('applied: true carries the operation out (and publishes it), then answers the proxy error; reads still fail at once', async () => {
    await control(sim.url, 'faults', { failNext: 1, httpStatus: 504, applied: true });
    const reply = await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData', userData: { UserData1: 2 } }, token);
    expect(reply.status).toBe(504);
    expect(reply.text).toContain('504 Gateway Timeout');
    expect(at(await getChat(sim.url, SEED_CHAT), 'userData', 'UserData1')).toBe(2);
    await control(sim.url, 'faults', { failNext: 1, httpStatus: 504, applied: true });
    expect((await fetch(`${sim.url}/api/v2/me`)).status).toBe(504);
  });

  it('failNext + statusCode answers the next n operations with that statusCode and changes nothing', async () => {
    await control(sim.url, 'faults', { failNext: 1, statusCode: 4 });
    const before = await getChat(sim.url, SEED_CHAT);
    const failed = await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData', userData: { UserData1: 1 } }, token);
    expect(failed.status).toBe(200);
    expect(failed.body).toEqual({ statusCode: 4, statusMessage: expect.stringContaining('Internal error') });
    expect(await getChat(sim.url, SEED_CHAT)).toStrictEqual(before);
    const next = await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData', userData: { UserData1: 1 } }, token);
    expect(at(next.body, 'statusCode')).toBe(0);
  });

  it('an injected statusCode 20 comes with HTTP 401', async () => {
    await control(sim.url, 'faults', { failNext: 1, statusCode: 20 });
    const reply = await postOperation(sim.url, SEED_CHAT, { operationName: 'SetInFocus' }, token);
    expect(reply.status).toBe(401);
    expect(at(reply.body, 'statusCode')).toBe(20);
  });

  it('latencyMs delays every REST response, and not the control API', async () => {
    await control(sim.url, 'faults', { latencyMs: 1_000 });
    const answered: string[] = [];
    const started = Date.now();
    const rest = fetch(`${sim.url}/api/v2/me`).then(() => answered.push('rest'));
    await control(sim.url, 'chats');
    answered.push('control');
    await rest;
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    // By order, not by a time limit (a slow machine is no failure: review).
    expect(answered).toEqual(['control', 'rest']);
  });

  it('rotateCsrfToken makes the old token fail with 403', async () => {
    await control(sim.url, 'faults', { rotateCsrfToken: true });
    const refused = await postOperation(sim.url, SEED_CHAT, { operationName: 'SetInFocus' }, token);
    expect(refused.status).toBe(403);
    const fresh = await csrfToken(sim.url);
    expect(fresh).not.toBe(token);
    expect(at((await postOperation(sim.url, SEED_CHAT, { operationName: 'SetInFocus' }, fresh)).body, 'statusCode')).toBe(0);
  });

  it('refuseLater accepts the next operations and changes nothing (an Error notification says why); bareReplies leaves the referenceId out', async () => {
    await control(sim.url, 'reset', {});
    await control(sim.url, 'faults', { refuseLater: 1, bareReplies: true });
    // One GWS refuses at once does not use the fault up.
    expect(at((await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData' }, token)).body, 'statusCode')).toBe(1);
    const refused = await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData', userData: { UserData1: 'refused' } }, token);
    expect(refused.body).toEqual({ statusCode: 0 });
    expect(at(await getChat(sim.url, SEED_CHAT), 'userData', 'UserData1')).toBe(987654321);
    expect(at((await control(sim.url, 'faults')).body, 'faults', 'refuseLater')).toBe(0);
    const saved = await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData', userData: { UserData1: 'saved' } }, token);
    expect(saved.body).toEqual({ statusCode: 0 });
    expect(at(await getChat(sim.url, SEED_CHAT), 'userData', 'UserData1')).toBe('saved');
    await control(sim.url, 'faults', { bareReplies: false });
    expect(at((await postOperation(sim.url, SEED_CHAT, { operationName: 'SetInFocus' }, token)).body, 'referenceId')).toEqual(expect.any(Number));
  });

  it('combines fields, reports the settings, and failNext 0 clears', async () => {
    const set = await control(sim.url, 'faults', { failNext: 3, statusCode: 15, latencyMs: 5, dropNotifications: true });
    expect(set.body).toEqual({
      ok: true,
      faults: { httpFailures: null, operationFailures: { remaining: 3, statusCode: 15 }, latencyMs: 5, dropNotifications: true, refuseLater: 0, bareReplies: false, csrfNotifications: false },
    });
    expect((await control(sim.url, 'faults')).body).toEqual(set.body);
    const cleared = await control(sim.url, 'faults', { failNext: 0 });
    expect(at(cleared.body, 'faults', 'operationFailures')).toBeNull();
  });

  it.each([
    [{ failNext: 2 }, /httpStatus/],
    [{ httpStatus: 500 }, /failNext/],
    [{ failNext: -1, httpStatus: 500 }, /failNext/],
    [{ failNext: 1, httpStatus: 200 }, /httpStatus/],
    [{ failNext: 1, statusCode: 4, applied: true }, /applied needs/],
    [{ latencyMs: 'slow' }, /latencyMs/],
    [{ dropNotifications: 'yes' }, /dropNotifications/],
    [{ refuseLater: 1.5 }, /refuseLater/],
    [{ bareReplies: 1 }, /bareReplies/],
    [{ failnext: 1 }, /unknown fault field/],
  ])('rejects %j with 400', async (body, message) => {
    const reply = await control(sim.url, 'faults', body);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ ok: false, error: expect.stringMatching(message) });
    expect(at((await control(sim.url, 'faults')).body, 'faults', 'latencyMs')).toBe(0);
  });

  it('faults do not touch the control API or the notifications endpoint', async () => {
    await control(sim.url, 'faults', { failNext: 1, httpStatus: 503 });
    expect((await control(sim.url, 'chats')).status).toBe(200);
    const handshake = await fetch(`${sim.url}/api/v2/notifications/handshake`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }]),
    });
    expect(handshake.status).toBe(200);
    expect((await fetch(`${sim.url}/api/v2/me`)).status).toBe(503);
  });
});

describe('control routes', () => {
  it('GET /sim/requests lists REST requests oldest first with body and token', async () => {
    await control(sim.url, 'reset', {});
    await fetch(`${sim.url}/api/v2/me/chats?fields=*`);
    await postOperation(sim.url, SEED_CHAT, { operationName: 'SetInFocus' }, token);
    await postOperation(sim.url, SEED_CHAT, 'not json', token);
    const { body } = await control(sim.url, 'requests');
    expect(at(body, 'requests')).toEqual([
      { method: 'GET', path: '/api/v2/me/chats?fields=*', body: null, at: expect.any(String) },
      { method: 'POST', path: `/api/v2/me/chats/${SEED_CHAT}`, body: { operationName: 'SetInFocus' }, csrfToken: token, at: expect.any(String) },
      { method: 'POST', path: `/api/v2/me/chats/${SEED_CHAT}`, body: 'not json', csrfToken: token, at: expect.any(String) },
    ]);
    expect(Number.isNaN(Date.parse(String(at(body, 'requests', 0, 'at'))))).toBe(false);
  });

  it('POST /sim/reset restores the seed, clears faults and the log, and keeps referenceIds increasing', async () => {
    const first = await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData', userData: { UserData1: 5 } }, token);
    await control(sim.url, 'faults', { latencyMs: 10, failNext: 5, statusCode: 4 });
    await control(sim.url, 'session', { expired: true });
    expect((await control(sim.url, 'reset', {})).body).toEqual({ ok: true });
    expect(at((await control(sim.url, 'requests')).body, 'requests')).toEqual([]);
    expect(at(await getChat(sim.url, SEED_CHAT), 'userData', 'UserData1')).toBe(987654321);
    expect(at((await control(sim.url, 'faults')).body, 'faults')).toEqual({ httpFailures: null, operationFailures: null, latencyMs: 0, dropNotifications: false, refuseLater: 0, bareReplies: false, csrfNotifications: false });
    expect((await control(sim.url, 'session')).body).toEqual({ ok: true, expired: false });
    const fresh = await csrfToken(sim.url);
    const second = await postOperation(sim.url, SEED_CHAT, { operationName: 'SetInFocus' }, fresh);
    expect(Number(at(second.body, 'referenceId'))).toBeGreaterThan(Number(at(first.body, 'referenceId')));
  });

  it('GET /sim/chats returns the full state', async () => {
    const { body } = await control(sim.url, 'chats');
    const api = await getJson(`${sim.url}/api/v2/me/chats`);
    expect(at(body, 'chats')).toStrictEqual(at(api.body, 'chats'));
  });

  it('POST /sim/chats accepts a given id and state, and refuses a duplicate id', async () => {
    const created = await control(sim.url, 'chats', {
      id: 'SIMCHAT1', state: 'Chatting', userData: { a: 1 },
      participants: [{ nickname: 'c', type: 'Customer' }, { nickname: 'me', type: 'Agent', participantId: 'AGENT1' }],
    });
    expect(created.body).toMatchObject({ ok: true, chat: { id: 'SIMCHAT1', state: 'Chatting', userData: { a: 1 } } });
    expect(at(created.body, 'chat', 'capabilities')).toContain('SendMessage');
    expect((await control(sim.url, 'chats', { id: 'SIMCHAT1' })).status).toBe(409);
    expect((await control(sim.url, 'chats', { state: 'Ringing' })).status).toBe(400);
    expect((await control(sim.url, 'chats', { participants: [{ nickname: 'x', type: 'Robot' }] })).status).toBe(400);
  });

  it('answers 404 for an unknown chat and 400 for bad input or bad JSON', async () => {
    expect(await control(sim.url, 'chats/none/userData', { userData: {} })).toEqual({ status: 404, body: { ok: false, error: expect.any(String) } });
    expect((await control(sim.url, 'chats/none/state', { state: 'Completed' })).status).toBe(404);
    expect((await control(sim.url, `chats/${SEED_CHAT}/userData`, { userData: 'x' })).status).toBe(400);
    expect((await control(sim.url, `chats/${SEED_CHAT}/state`, { state: 'Gone' })).status).toBe(400);
    expect((await control(sim.url, `chats/${SEED_CHAT}/participants`, { action: 'dance' })).status).toBe(400);
    expect((await control(sim.url, `chats/${SEED_CHAT}/participants`, { action: 'leave', participantId: 'nobody' })).status).toBe(404);
    expect((await control(sim.url, 'publish', { channel: '/meta/connect', data: 1 })).status).toBe(400);
    expect((await control(sim.url, 'publish', { channel: '/v2/me/chats' })).status).toBe(400);
    expect((await control(sim.url, 'session', { expired: 'maybe' })).status).toBe(400);
    const badJson = await postRaw('/sim/faults', '{oops');
    expect(badJson).toEqual({ status: 400, body: { ok: false, error: expect.stringContaining('JSON') } });
    expect((await control(sim.url, 'nothing')).status).toBe(404);
  });

  it('participants join keeps a given participantId and refuses a duplicate', async () => {
    const joined = await control(sim.url, `chats/${INVITED_CHAT}/participants`, { action: 'join', participant: { nickname: 'Bot', type: 'External', participantId: 'BOT1' } });
    expect(at(joined.body, 'chat', 'participants')).toContainEqual({ nickname: 'Bot', type: 'External', participantId: 'BOT1' });
    const again = await control(sim.url, `chats/${INVITED_CHAT}/participants`, { action: 'join', participant: { nickname: 'Bot', type: 'External', participantId: 'BOT1' } });
    expect(again.status).toBe(409);
  });
});

describe('options', () => {
  it('controlApi: false turns /sim/ off', async () => {
    const locked = await startSimulator({ controlApi: false });
    try {
      const reset = await fetch(`${locked.url}/sim/reset`, { method: 'POST' });
      expect(reset.status).toBe(404);
      expect((await fetch(`${locked.url}/sim/chats`)).status).toBe(404);
      expect((await fetch(`${locked.url}/api/v2/me`)).status).toBe(200);
    } finally {
      await locked.close();
    }
  });

  it('binds to 127.0.0.1 on a free port by default and closes cleanly with a held long poll', async () => {
    const other = await startSimulator();
    expect(other.url).toBe(`http://127.0.0.1:${other.port}`);
    const handshake = await fetch(`${other.url}/api/v2/notifications/handshake`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }]),
    });
    const cookie = handshake.headers.get('set-cookie')?.split(';')[0] ?? '';
    const clientId = at(JSON.parse(await handshake.text()), 0, 'clientId');
    const connect = (advice: object) =>
      fetch(`${other.url}/api/v2/notifications/connect`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify([{ channel: '/meta/connect', clientId, connectionType: 'long-polling', advice }]),
      }).then((response) => response.text(), () => 'closed');
    await connect({ timeout: 0 });
    const held = connect({ timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await other.close();
    expect(await held).toContain('/meta/disconnect');
    // Answered as the server closes, not when the 30 s hold is up (with room for a slow machine).
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('a chat leaving the agent', () => {
  it('DELETE /sim/chats/{id} takes it out of the list, unannounced: reads leave it out, a write to it is refused with statusCode 6', async () => {
    const removed = await fetch(`${sim.url}/sim/chats/${SEED_CHAT}`, { method: 'DELETE' });
    expect(await removed.json()).toEqual({ ok: true });
    const { body } = await getJson(`${sim.url}/api/v2/me/chats?fields=*`);
    const ids = (at(body, 'chats') as Array<{ id: string }>).map((chat) => chat.id);
    expect(ids).not.toContain(SEED_CHAT);
    expect(ids).toContain(INVITED_CHAT);
    const write = await postOperation(sim.url, SEED_CHAT, { operationName: 'UpdateUserData', userData: { Subject: 'x' } }, token);
    expect(at(write.body, 'statusCode')).toBe(6);
    const again = await fetch(`${sim.url}/sim/chats/${SEED_CHAT}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });
});
