import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSimulator } from '../../simulator/server';

export type RunningSimulator = Awaited<ReturnType<typeof startSimulator>>;

export type RecordedRequest = { method: string; path: string; body: unknown };

/** Drives the simulator's /sim/ control API, as a demo script or a test would. */
export function simControl(base: string | (() => string)) {
  const root = () => (typeof base === 'string' ? base : base());
  const request = async (path: string, body: unknown = {}, method = 'POST') => {
    const response = await fetch(`${root()}/sim${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} /sim${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as unknown;
  };
  return {
    updateUserData: (chatId: string, userData: Record<string, unknown>) => request(`/chats/${encodeURIComponent(chatId)}/userData`, { userData }),
    deleteUserData: (chatId: string, keys: readonly string[]) => request(`/chats/${encodeURIComponent(chatId)}/userData`, { delete: keys }),
    joinParticipant: (chatId: string, participant: { nickname: string; type: string; participantId?: string }) =>
      request(`/chats/${encodeURIComponent(chatId)}/participants`, { action: 'join', participant }),
    leaveParticipant: (chatId: string, participantId: string) =>
      request(`/chats/${encodeURIComponent(chatId)}/participants`, { action: 'leave', participantId }),
    setState: (chatId: string, state: string) => request(`/chats/${encodeURIComponent(chatId)}/state`, { state }),
    addChat: (chat: Record<string, unknown>) => request('/chats', chat),
    /** The chat leaves the agent's list (a transfer), with no notification. */
    removeChat: (chatId: string) => request(`/chats/${encodeURIComponent(chatId)}`, {}, 'DELETE'),
    publish: (data: unknown, channel = '/v2/me/chats') => request('/publish', { channel, data }),
    faults: (faults: Record<string, unknown>) => request('/faults', faults),
    session: (session: { expired: boolean }) => request('/session', session),
    reset: () => request('/reset'),
    async requests(): Promise<RecordedRequest[]> {
      const response = await fetch(`${root()}/sim/requests`);
      const body = (await response.json()) as { requests: RecordedRequest[] };
      return body.requests;
    },
    /** The operations POSTed to GWS, in order: what the widget actually sent. */
    async operations(): Promise<Array<Record<string, unknown>>> {
      const requests = await this.requests();
      return requests
        .filter((request) => request.method === 'POST' && request.path.startsWith('/api/v2/me/chats/'))
        .map((request) => request.body as Record<string, unknown>);
    },
  };
}

export async function withSimulator(): Promise<RunningSimulator> {
  return startSimulator({ port: 0 });
}

/**
 * One simulator for a test file, reset to the seed before every test: `sim.url` is its
 * address once started, `sim.control` its /sim/ API.
 */
export function simulatorPerFile() {
  let running: RunningSimulator | null = null;
  const url = () => {
    if (!running) throw new Error('the simulator starts in beforeAll');
    return running.url;
  };
  const control = simControl(url);
  beforeAll(async () => {
    running = await withSimulator();
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await control.reset();
  });
  return {
    get url() {
      return url();
    },
    control,
  };
}
