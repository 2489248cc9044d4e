import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

type Embedding = typeof import('../../src/app/Embedding');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'] });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
});

const settle = () => act(async () => undefined);
// The hook keeps a loaded module for the page's life: each test starts from a fresh page.
async function freshHook() {
  vi.resetModules();
  return (await import('../../src/app/useEmbedding')).useEmbedding;
}

it('loads after the first paint, and after a failure tries again after 1 s, 2 s, 4 s, one attempt at a time', async () => {
  const useEmbedding = await freshHook();
  const module = {} as Embedding;
  const attempts: number[] = [];
  let failures = 3;
  const load = vi.fn(() => {
    attempts.push(Date.now());
    return failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve(module);
  });
  const start = Date.now();
  const { result } = renderHook(() => useEmbedding(true, load));
  expect(load).not.toHaveBeenCalled();
  // The frame, then the task after it: the first attempt. The hidden-frame fallback does not start a second.
  await act(async () => vi.advanceTimersByTime(20));
  expect(load).toHaveBeenCalledTimes(1);
  for (const wait of [1_000, 2_000, 4_000]) {
    await settle();
    // None before the pause is up (it compared the mock with its own record before: review).
    const made = load.mock.calls.length;
    await act(async () => vi.advanceTimersByTime(wait - 1));
    expect(load).toHaveBeenCalledTimes(made);
    await act(async () => vi.advanceTimersByTime(1));
  }
  await settle();
  expect(attempts).toHaveLength(4);
  expect((attempts[0] ?? Number.POSITIVE_INFINITY) - start).toBeLessThan(300);
  // Each pause counts from the failure, which settles a moment after its attempt.
  const gaps = attempts.slice(1).map((at, index) => at - (attempts[index] ?? 0));
  [1_000, 2_000, 4_000].forEach((wait, index) => expect(gaps[index]).toBeGreaterThanOrEqual(wait));
  [1_000, 2_000, 4_000].forEach((wait, index) => expect(gaps[index]).toBeLessThan(wait + 50));
  expect(result.current).toBe(module);
  await act(async () => vi.advanceTimersByTime(60_000));
  expect(load).toHaveBeenCalledTimes(4);
});

it('loads nothing for a panel that is not embedded, and stops trying once unmounted', async () => {
  const useEmbedding = await freshHook();
  const load = vi.fn(() => Promise.reject(new TypeError('offline')));
  renderHook(() => useEmbedding(false, load));
  await act(async () => vi.advanceTimersByTime(10_000));
  expect(load).not.toHaveBeenCalled();

  const { unmount } = renderHook(() => useEmbedding(true, load));
  await act(async () => vi.advanceTimersByTime(400));
  expect(load).toHaveBeenCalledTimes(1);
  unmount();
  await act(async () => vi.advanceTimersByTime(60_000));
  expect(load).toHaveBeenCalledTimes(1);
});
