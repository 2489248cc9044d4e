// The panel's live region for notices about the agent's writes (src/app/WriteNotices.tsx):
// a notice goes once read out, and a locale switch takes the old language's away.
import { act, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { NOTICE_KEPT_MS, WriteNotices } from '../../src/app/WriteNotices';
import type { Chat, UserDataValue } from '../../src/gws';
import { I18nProvider, type Locale } from '../../src/i18n';
import { loadCatalog } from '../../src/i18n/translate';
import { ChatStoreProvider, createChatStore } from '../../src/store';

const chat = (userData: Record<string, UserDataValue>): Chat => ({
  id: 'c',
  state: 'Chatting',
  capabilities: ['UpdateUserData'],
  participants: [],
  userData: new Map(Object.entries(userData)),
  receivedDate: '',
});
afterEach(() => vi.useRealTimers());

it('takes a notice away once read out, and every notice at a locale switch', async () => {
  await loadCatalog('de');
  vi.useFakeTimers();
  const store = createChatStore({ activeChatId: 'c' });
  const { actions } = store.getState();
  actions.chatsRead([chat({ Subject: 'old' })], actions.readStarted());
  const view = (locale: Locale) => (
    <I18nProvider locale={locale}>
      <ChatStoreProvider store={store}>
        <WriteNotices />
      </ChatStoreProvider>
    </I18nProvider>
  );
  const { rerender } = render(view('en'));
  const overtake = (value: string) =>
    act(() => {
      actions.draftChanged('c', 'Subject', `mine ${value}`);
      actions.notificationReceived({ kind: 'chat-changed', notificationType: 'PropertiesUpdated', chat: chat({ Subject: value }) });
    });
  overtake('theirs');
  expect(screen.getByText('Subject was changed by someone else to “theirs”; your unsaved draft is kept.')).toBeInTheDocument();
  act(() => vi.advanceTimersByTime(NOTICE_KEPT_MS));
  expect(screen.queryByText(/your unsaved draft is kept/)).not.toBeInTheDocument();

  act(() => actions.draftChanged('c', 'Subject', null));
  overtake('again');
  expect(screen.getByText(/your unsaved draft is kept/)).toBeInTheDocument();
  // At the switch, not when its time is up: an English notice would stand in the German panel
  // (the earlier version of this test waited the time out, and passed without it: review).
  // Before (review): the switch dropped the timers, and the English notice stayed for good.
  rerender(view('de'));
  expect(screen.queryByText(/your unsaved draft is kept/)).not.toBeInTheDocument();
  act(() => vi.advanceTimersByTime(NOTICE_KEPT_MS));
  expect(screen.queryByText(/your unsaved draft is kept/)).not.toBeInTheDocument();
});
