import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAnnouncer } from '../../src/caseData/useAnnouncer';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function setUp() {
  const { result } = renderHook(() => useAnnouncer());
  const say = (text: string) => act(() => result.current[1](text));
  // A task's microtasks done: what is said next is said in another go.
  const later = () => act(async () => undefined);
  const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));
  return { said: () => result.current[0], say, later, wait };
}

describe("the grid's live region", () => {
  it('says together what is said in one go, which a screen reader would otherwise cut short', async () => {
    const { said, say, later } = setUp();
    say('Deleted A. Press Ctrl+Z to undo.');
    say('B: Not saved: Internal error.');
    expect(said()).toBe('Deleted A. Press Ctrl+Z to undo. B: Not saved: Internal error.');
    await later();
    say('Undid the change to A.');
    expect(said()).toBe('Undid the change to A.');
  });

  it('says the same words again by changing the region, and clears it once read', async () => {
    const { said, say, later, wait } = setUp();
    say('Nothing to undo.');
    await later();
    say('Nothing to undo.');
    expect(said()).toBe('Nothing to undo.\u00a0');
    wait(10_000);
    expect(said()).toBe('');
  });

  it('keeps a long burst from growing the region without end', () => {
    const { said, say } = setUp();
    for (let index = 0; index < 100; index += 1) say(`Deleted key_${index}. Press Ctrl+Z to undo.`);
    expect(said().length).toBeLessThanOrEqual(600);
    expect(said()).toContain('Deleted key_99.');
  });
});
