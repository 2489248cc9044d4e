// The app shell every bench variant shares: the real GWS client, the real store, the real
// live sync (chats query + CometD notifications), the same providers as src/app/App.tsx.
// Only the grid passed in differs, so the benchmark compares grids, not data paths.

import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '../../../src/app/createQueryClient';
import { useLiveSync } from '../../../src/app/useLiveSync';
import { createGwsClient, GwsClientProvider } from '../../../src/gws';
import { useStore } from 'zustand';
import { ChatStoreProvider, createChatStore, useChatStoreApi, type ChatStore } from '../../../src/store';

export type RenderGrid = (chatId: string) => ReactNode;

/**
 * Bench-only instrumentation, kept out of src/: the store's notification handler is wrapped
 * so that "message receipt" is the moment a CometD message reaches it, as the issue defines.
 */
function instrument(store: ChatStore, chatId: string): void {
  const { actions } = store.getState();
  const { notificationReceived, connectionChanged } = actions;
  store.setState({
    actions: {
      ...actions,
      notificationReceived(notification) {
        window.__benchProbe?.notificationReceived();
        notificationReceived(notification);
      },
      connectionChanged(status) {
        window.__benchProbe?.connectionChanged(status.kind);
        connectionChanged(status);
      },
    },
  });
  const stop = store.subscribe((state) => {
    if (!state.chats.has(chatId)) return;
    window.__benchProbe?.dataArrived();
    stop();
  });
}

function BenchPanel({ chatId, renderGrid }: { chatId: string; renderGrid: RenderGrid }) {
  useLiveSync();
  const hasChat = useStore(useChatStoreApi(), (state) => state.chats.has(chatId));
  // One grid element per chat: the shell's own re-renders (the chats query's state) stop
  // here for every variant, as the widget's panel stops them with a memoized grid.
  const grid = useMemo(() => renderGrid(chatId), [renderGrid, chatId]);
  // A fixed box like the widget's iframe slot beside a CRM page, the same for every grid.
  return (
    <main style={{ width: 600, height: 400, overflow: 'auto', position: 'relative' }}>
      {hasChat ? grid : <p>Loading…</p>}
    </main>
  );
}

export function mountBenchApp(renderGrid: RenderGrid): void {
  const root = document.getElementById('root');
  const chatId = new URLSearchParams(window.location.search).get('chatId');
  if (!root || !chatId) throw new Error('bench app needs #root and ?chatId=');
  const client = createGwsClient({ baseUrl: '' });
  const store = createChatStore({ activeChatId: chatId });
  instrument(store, chatId);
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <GwsClientProvider client={client}>
          <ChatStoreProvider store={store}>
            <BenchPanel chatId={chatId} renderGrid={renderGrid} />
          </ChatStoreProvider>
        </GwsClientProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
