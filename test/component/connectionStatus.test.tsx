import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionStatus } from '../../src/app/ConnectionStatus';
import { ChatStoreProvider, createChatStore } from '../../src/store';

afterEach(() => {
  vi.useRealTimers();
});

function renderStatus() {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  const store = createChatStore();
  render(
    <ChatStoreProvider store={store}>
      <ConnectionStatus />
    </ChatStoreProvider>,
  );
  return store.getState().actions;
}

describe('the connection status', () => {
  it('counts down from the backoff of the attempt, however long the panel was open before', () => {
    const actions = renderStatus();
    act(() => actions.connectionChanged({ kind: 'live' }));
    expect(screen.getByRole('status')).toHaveTextContent('Live');

    // A minute live, then the connection drops: CometD waits 4 s before its next attempt.
    vi.setSystemTime(Date.now() + 60_000);
    act(() => actions.connectionChanged({ kind: 'reconnecting', retryInMs: 4_000, since: Date.now() }));
    expect(screen.getByText('Reconnecting in 4 s…')).toBeVisible();
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByText('Reconnecting in 3 s…')).toBeVisible();
    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.queryByText(/Reconnecting in/)).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(/^Reconnecting…$/);
  });

  it('announces a lost connection once, while sighted users still see the countdown tick', () => {
    const actions = renderStatus();
    act(() => actions.connectionChanged({ kind: 'live' }));
    act(() => actions.connectionChanged({ kind: 'reconnecting', retryInMs: 8_000, since: Date.now() }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(/^Reconnecting…$/);

    // Every change inside a polite live region is read out, over what the agent is reading.
    const changes = new MutationObserver(() => undefined);
    changes.observe(status, { subtree: true, childList: true, characterData: true });
    for (let seconds = 8; seconds > 0; seconds -= 1) {
      const countdown = screen.getByText(`Reconnecting in ${seconds} s…`);
      expect(countdown).toBeVisible();
      expect(status).not.toContainElement(countdown);
      act(() => vi.advanceTimersByTime(1_000));
    }
    expect(changes.takeRecords()).toEqual([]);
    changes.disconnect();
    expect(screen.getByRole('status')).toBe(status);
    expect(status).toHaveTextContent(/^Reconnecting…$/);

    act(() => actions.connectionChanged({ kind: 'live' }));
    expect(status).toHaveTextContent(/^Live$/);
  });
});
