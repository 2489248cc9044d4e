// The connection facade (src/gws/cometd/notificationConnection.ts): a session chunk that
// fails to load is retried with backoff, one timer at a time, and nothing runs after stop.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNotificationConnection, type ConnectionStatus } from '../../src/gws/cometd/notificationConnection';

const chunk = vi.hoisted(() => ({ failuresLeft: 0, attempts: 0, handshakes: 0 }));
vi.mock('../../src/gws/cometd/cometdSession', () => {
  chunk.attempts += 1;
  if (chunk.failuresLeft > 0) {
    chunk.failuresLeft -= 1;
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return {
    openCometdSession: () => ({
      handshake: () => {
        chunk.handshakes += 1;
      },
      resume: () => undefined,
      close: () => Promise.resolve(),
    }),
  };
});

afterEach(() => {
  vi.useRealTimers();
});

function connect() {
  const statuses: ConnectionStatus['kind'][] = [];
  const connection = createNotificationConnection({ client: { notificationsUrl: 'http://gws.test/api/v2/notifications', csrfHeaders: () => ({}), getMe: () => Promise.reject(new Error('no REST side in this test')) }, onNotification: () => undefined, onStatus: (status) => statuses.push(status.kind) });
  return { connection, statuses };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

// One test: once the chunk has loaded, the module registry keeps it, whatever the order.
describe('the notification connection', () => {
  it('retries a session chunk that failed to load with growing pauses, in one loop, and not after stop', async () => {
    vi.useFakeTimers();
    // The browser offline: said so, one `online` listener however many loads fail (review: one
    // per failure), and back online, tried again at once.
    Object.assign(chunk, { failuresLeft: 3, attempts: 0, handshakes: 0 });
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const added = vi.spyOn(globalThis, 'addEventListener');
    const offline = connect();
    offline.connection.start();
    await settle();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(chunk.attempts).toBe(2);
    expect(offline.statuses).toEqual(['connecting', 'offline']);
    onLine.mockReturnValue(true);
    globalThis.dispatchEvent(new Event('online'));
    await settle();
    expect(chunk.attempts).toBe(3);
    expect(offline.statuses).toEqual(['connecting', 'offline', 'reconnecting']);
    expect(added.mock.calls.filter(([type]) => type === 'online')).toHaveLength(1);
    await offline.connection.stop();
    added.mockRestore();
    onLine.mockRestore();

    Object.assign(chunk, { failuresLeft: 3, attempts: 0, handshakes: 0 });
    const first = connect();
    first.connection.start();
    await settle();
    expect(chunk.attempts).toBe(1);
    expect(first.statuses).toEqual(['connecting', 'reconnecting']);
    // Stopped during the pause: nothing more is tried.
    await first.connection.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(chunk.attempts).toBe(1);

    const second = connect();
    second.connection.start();
    // A restart while the load is pending wants the same connection: one loop, one timer.
    second.connection.restart();
    await settle();
    expect(chunk.attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(chunk.attempts).toBe(3);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(chunk.attempts).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(chunk.attempts).toBe(4);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(chunk.attempts).toBe(4);
    expect(second.statuses).toEqual(['connecting', 'reconnecting', 'reconnecting']);
    await second.connection.stop();
  });
});
