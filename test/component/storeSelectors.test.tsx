import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Chat, UserDataValue } from '../../src/gws';
import { ChatStoreProvider, createChatStore, useChatSummaries, useRejectedNotifications } from '../../src/store';

const chat = (id: string, nickname: string, receivedDate: string, userData: Record<string, UserDataValue> = {}): Chat => ({
  id,
  state: 'Chatting',
  capabilities: [],
  participants: [{ participantId: `${id}-p`, nickname, type: 'Customer' }],
  userData: new Map(Object.entries(userData)),
  receivedDate,
});

function setUp() {
  const store = createChatStore();
  const { actions } = store.getState();
  actions.chatsRead([chat('a', 'Ann', '2026-11-25 09:00:00.000+0000', { Subject: 'x' }), chat('b', 'Bo', '2026-11-25 10:00:00.000+0000')], actions.readStarted());
  const wrapper = ({ children }: { children: ReactNode }) => <ChatStoreProvider store={store}>{children}</ChatStoreProvider>;
  return { store, actions, wrapper };
}

describe('store selectors', () => {
  it('keeps the picker’s chat list while only drafts and writes change, and renews it when a chat does', () => {
    const { actions, wrapper } = setUp();
    const { result } = renderHook(() => useChatSummaries(), { wrapper });
    const first = result.current;
    expect(first.map((summary) => [summary.id, summary.customer])).toEqual([['b', 'Bo'], ['a', 'Ann']]);

    act(() => actions.draftChanged('a', 'Subject', 'typing'));
    expect(result.current).toBe(first);

    act(() => actions.notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chat('a', 'Ann Lee', '2026-11-25 09:00:00.000+0000') }));
    expect(result.current).not.toBe(first);
    expect(result.current.map((summary) => summary.customer)).toEqual(['Bo', 'Ann Lee']);
  });

  it('counts rejected notifications with the last reason, the same object until they change', () => {
    const { actions, wrapper } = setUp();
    const { result, rerender } = renderHook(() => useRejectedNotifications(), { wrapper });
    const none = result.current;
    expect(none.count).toBe(0);
    act(() => actions.draftChanged('a', 'Subject', 'typing'));
    rerender();
    expect(result.current).toBe(none);
    act(() => actions.notificationReceived({ kind: 'rejected-notification', reason: 'notification is text, not a JSON object' }));
    expect(result.current).toMatchObject({ count: 1, last: 'notification is text, not a JSON object' });
  });
});
