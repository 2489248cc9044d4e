// @vitest-environment node
// An expired session is asked after now and then (src/app/sessionProbe.ts): until the
// connection is back, with one timer at most, and nothing once stopped.
import { afterEach, expect, it, vi } from 'vitest';
import { probeWhileExpired, SESSION_PROBE_MS } from '../../src/app/sessionProbe';
import { createChatStore } from '../../src/store';

afterEach(() => vi.useRealTimers());

/** GWS's answers to GET /me, settled by the test one at a time. */
function gwsAnswers() {
  const asked: { resolve: () => void; reject: () => void }[] = [];
  const askGws = () => new Promise<void>((resolve, reject) => asked.push({ resolve, reject: () => reject(new Error('401')) }));
  return { asked, askGws };
}

it('keeps asking after GWS answered when the handshake that followed was refused again', async () => {
  vi.useFakeTimers();
  const store = createChatStore();
  const { asked, askGws } = gwsAnswers();
  const handshakeAgain = vi.fn();
  const stop = probeWhileExpired(store, askGws, handshakeAgain);
  store.getState().actions.sessionExpired();

  await vi.advanceTimersByTimeAsync(SESSION_PROBE_MS);
  expect(asked).toHaveLength(1);
  asked[0]?.resolve();
  await vi.advanceTimersByTimeAsync(0);
  expect(handshakeAgain).toHaveBeenCalledTimes(1);
  // The handshake was refused: the state never left "expired", so no change started a round.
  await vi.advanceTimersByTimeAsync(SESSION_PROBE_MS);
  expect(asked).toHaveLength(2);
  asked[1]?.resolve();
  await vi.advanceTimersByTimeAsync(0);
  expect(handshakeAgain).toHaveBeenCalledTimes(2);

  // Live at last: no more questions.
  store.getState().actions.connectionChanged({ kind: 'live' });
  await vi.advanceTimersByTimeAsync(SESSION_PROBE_MS * 4);
  expect(asked).toHaveLength(2);
  stop();
});

/**
 * A session found expired before the probe started (startFirstRead's quick 401, no change
 * to follow), after one period: asked all the same.
 */
async function probedOnce() {
  vi.useFakeTimers();
  const store = createChatStore();
  store.getState().actions.sessionExpired();
  const { asked, askGws } = gwsAnswers();
  const stop = probeWhileExpired(store, askGws, vi.fn());
  await vi.advanceTimersByTimeAsync(SESSION_PROBE_MS);
  expect(asked).toHaveLength(1);
  return { actions: store.getState().actions, asked, stop };
}

it('a question still on its way when stopped starts nothing after it', async () => {
  const { asked, stop } = await probedOnce();
  stop();
  asked[0]?.reject();
  await vi.advanceTimersByTimeAsync(SESSION_PROBE_MS * 4);
  expect(asked).toHaveLength(1);
});

it('expired again while a question is on its way: one round of questions, not two', async () => {
  const { actions, asked, stop } = await probedOnce();
  // Back (another path), then expired again before the question is answered.
  actions.connectionChanged({ kind: 'live' });
  actions.sessionExpired();
  asked[0]?.reject();
  for (let period = 0; period < 3; period++) {
    await vi.advanceTimersByTimeAsync(SESSION_PROBE_MS);
    for (const question of asked.slice(1)) question.reject();
  }
  // One question every SESSION_PROBE_MS: three in those three periods, not six.
  expect(asked).toHaveLength(4);
  stop();
});
