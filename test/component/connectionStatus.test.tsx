import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionStatus } from '../../src/app/ConnectionStatus';
import { ChatStoreProvider, createChatStore } from '../../src/store';

afterEach(() => {
  vi.useRealTimers();
});

describe('the connection status', () => {
  it('counts down from the backoff of the attempt, however long the panel was open before', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const store = createChatStore();
    render(
      <ChatStoreProvider store={store}>
        <ConnectionStatus />
      </ChatStoreProvider>,
    );
    act(() => store.getState().actions.connectionChanged({ kind: 'live' }));
    expect(screen.getByRole('status')).toHaveTextContent('Live');

    // A minute live, then the connection drops: CometD waits 4 s before its next attempt.
    vi.setSystemTime(Date.now() + 60_000);
    act(() => store.getState().actions.connectionChanged({ kind: 'reconnecting', retryInMs: 4_000, since: Date.now() }));
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting in 4 s…');
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting in 3 s…');
    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.getByRole('status')).toHaveTextContent(/^Reconnecting…$/);
  });
});
