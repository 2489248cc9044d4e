// @vitest-environment node
// The real client, store and CometD connection against the real simulator over
// loopback HTTP and Bayeux: no React, no mocks.
import { adapt } from 'cometd-nodejs-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGwsClient, createNotificationConnection, toGwsError, type ConnectionStatus, type NotificationConnection } from '../../src/gws';
import { createChatStore, deriveRows, type ChatStore } from '../../src/store';
import { simControl, withSimulator, type RunningSimulator } from '../support/simulator';

adapt();

const SEED = '0000Wa9CAM6W00J';
let sim: RunningSimulator;
let control: ReturnType<typeof simControl>;
let store: ChatStore;
let connection: NotificationConnection;
let statuses: ConnectionStatus['kind'][];

beforeAll(async () => {
  sim = await withSimulator();
  control = simControl(sim.url);
});
afterAll(async () => {
  await sim.close();
});

async function until(check: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const client = () => createGwsClient({ baseUrl: sim.url, timeoutMs: 5_000 });
const userData = (chatId = SEED) => store.getState().chats.get(chatId)?.chat.userData;

beforeEach(async () => {
  await control.reset();
  store = createChatStore();
  statuses = [];
  const { actions } = store.getState();
  connection = createNotificationConnection({
    client: { notificationsUrl: `${sim.url}/api/v2/notifications`, csrfHeaders: () => ({}), getMe: () => Promise.reject(new Error('no REST side in this test')) },
    onNotification: actions.notificationReceived,
    onStatus: (status) => {
      statuses.push(status.kind);
      actions.connectionChanged(status);
    },
  });
  connection.start();
  await until(() => store.getState().connection.kind === 'live', 'live');
  actions.chatsRead((await client().listChats()).chats, actions.readStarted());
});
afterEach(async () => {
  await connection.stop();
});

describe('live sync', () => {
  it('reads the seeded chats with types intact', () => {
    expect(userData()?.get('UserData1')).toBe(987654321);
    expect(userData()?.get('RRequestedSkills')).toBeNull();
    const states = [...store.getState().chats.values()].map((entry) => entry.chat.state);
    expect(states).toEqual(expect.arrayContaining(['Chatting', 'Invited']));
  });

  it('confirms an UpdateUserData by the referenceId of its PropertiesUpdated', async () => {
    const { actions } = store.getState();
    const { editId } = actions.userDataWriteSent(SEED, { op: 'update', key: 'UserData1', value: 123 });
    const accepted = await client().operate(SEED, { operationName: 'UpdateUserData', userData: new Map([['UserData1', 123]]) });
    expect(accepted.referenceId).toEqual(expect.any(Number));
    actions.userDataWriteAccepted(SEED, editId, accepted.referenceId);
    await until(() => store.getState().chats.get(SEED)?.pending.length === 0, 'confirmation');
    expect(userData()?.get('UserData1')).toBe(123);
    expect(userData()?.get('UserData2')).toBe('DATAUPDATE-@123');
  });

  it('applies another party’s change and participant joins', async () => {
    await control.updateUserData(SEED, { Subject: 'changed elsewhere' });
    await until(() => userData()?.get('Subject') === 'changed elsewhere', 'remote change');
    await control.joinParticipant(SEED, { nickname: 'Consultant', type: 'Agent', participantId: 'P-3' });
    await until(() => store.getState().chats.get(SEED)?.chat.participants.some((p) => p.participantId === 'P-3') === true, 'join');
  });

  it('counts malformed notifications and stays live', async () => {
    await control.publish('not an object');
    await control.publish({ messageType: 'ChatStateChangeMessage', notificationType: 'PropertiesUpdated', chat: { id: SEED, state: 'Chatting', userData: [] } });
    await until(() => store.getState().rejectedNotifications === 2, 'two rejections');
    await control.updateUserData(SEED, { Subject: 'after garbage' });
    await until(() => userData()?.get('Subject') === 'after garbage', 'change after garbage');
  });

  it('re-handshakes after the server drops the session, reporting the gap (live after not live: the caller reads again)', async () => {
    const before = statuses.length;
    await control.faults({ disconnectNotifications: true });
    // The gap may be too short to see in the store's state: the statuses reported say it.
    await until(() => statuses.slice(before).some((kind) => kind !== 'live'), 'the gap', 10_000);
    await until(() => statuses.at(-1) === 'live' && store.getState().connection.kind === 'live', 'live again', 10_000);
    await control.updateUserData(SEED, { Subject: 'after reconnect' });
    await until(() => userData()?.get('Subject') === 'after reconnect', 'change after reconnect');
    // Live again after the drop (one subscription per handshake: caseDataPanel.test.tsx counts one malformed notification once).
    expect(statuses.filter((kind) => kind === 'live').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a failed write visible with its statusCode and changes nothing on the server', async () => {
    await control.faults({ failNext: 1, statusCode: 4 });
    const { actions } = store.getState();
    const { editId } = actions.userDataWriteSent(SEED, { op: 'update', key: 'Subject', value: 'mine' });
    await client()
      .operate(SEED, { operationName: 'UpdateUserData', userData: new Map([['Subject', 'mine']]) })
      .then(
        () => actions.userDataWriteAccepted(SEED, editId, undefined),
        (error: unknown) => actions.userDataWriteFailed(SEED, editId, toGwsError(error)),
      );
    const entry = store.getState().chats.get(SEED);
    if (!entry) throw new Error('seed chat missing');
    const row = deriveRows(entry).find((candidate) => candidate.key === 'Subject');
    expect(row).toMatchObject({ value: 'mine', status: 'failed', pending: { error: { kind: 'status-code', statusCode: 4 } } });
    const fresh = (await client().listChats()).chats.find((chat) => chat.id === SEED);
    expect(fresh?.userData.get('Subject')).toBe('Customer support');
  });
});
