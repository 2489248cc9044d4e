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
  const actions = store.getState().actions;
  /** Live, and the chats read again since: all that the panel needs to say "Live". */
  const goLive = () => {
    actions.connectionChanged({ kind: 'live' });
    actions.chatsRead([], actions.readStarted());
  };
  return { ...actions, goLive };
}

describe('the connection status', () => {
  it('counts down from the backoff of the attempt, however long the panel was open before', () => {
    const actions = renderStatus();
    act(() => actions.goLive());
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
    act(() => actions.goLive());
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

    act(() => actions.goLive());
    expect(status).toHaveTextContent(/^Live$/);
  });

  it('says Updating, not Live, while connected but the chats are not read again yet', () => {
    const actions = renderStatus();
    act(() => actions.goLive());
    act(() => actions.connectionChanged({ kind: 'offline' }));
    // Back online: the notifications flow again, but what changed while offline is not read yet.
    act(() => actions.connectionChanged({ kind: 'live' }));
    const status = screen.getByRole('status');
    // Before (exploratory test): "Live" over the data from before the outage, for as long as the read kept failing.
    expect(status).toHaveTextContent(/^Updating…$/);
    // A read that began before the connection came back does not count.
    const early = actions.readStarted();
    act(() => actions.connectionChanged({ kind: 'offline' }));
    act(() => actions.connectionChanged({ kind: 'live' }));
    act(() => actions.chatsRead([], early));
    expect(status).toHaveTextContent(/^Updating…$/);
    act(() => actions.chatsRead([], actions.readStarted()));
    expect(status).toHaveTextContent(/^Live$/);
  });
});
