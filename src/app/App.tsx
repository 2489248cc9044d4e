import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CaseDataGrid } from '../caseData';
import { describeGwsError, GwsClientProvider, toGwsError, type GwsClient } from '../gws';
import { ParticipantsList } from '../participants';
import { ChatStoreProvider, useActiveChatId, useChatEntry, type ChatStore } from '../store';
import { ChatPicker } from './ChatPicker';
import { ConnectionStatus } from './ConnectionStatus';
import { createQueryClient } from './createQueryClient';
import { useLiveSync } from './useLiveSync';

export type AppProps = {
  readonly client: GwsClient;
  readonly initialChatId?: string | null;
  /** Tests pass their own, with retries off. */
  readonly queryClient?: QueryClient;
  readonly store?: ChatStore;
};

export function App({ client, initialChatId = null, queryClient, store }: AppProps) {
  const [ownQueryClient] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={ownQueryClient}>
      <GwsClientProvider client={client}>
        <ChatStoreProvider store={store} initialChatId={initialChatId}>
          <CaseDataPanel />
        </ChatStoreProvider>
      </GwsClientProvider>
    </QueryClientProvider>
  );
}

function CaseDataPanel() {
  const chats = useLiveSync();
  const activeChatId = useActiveChatId();
  const entry = useChatEntry(activeChatId);

  return (
    <main className="panel">
      <header className="panel__header">
        <h1 className="panel__title">Case data</h1>
        <ConnectionStatus />
      </header>
      <ChatPicker activeChatId={activeChatId} />
      {chats.isError ? (
        <p role="alert" className="panel__error">
          Could not load chats. {describeGwsError(toGwsError(chats.error))}{' '}
          <button type="button" onClick={() => void chats.refetch()}>
            Try again
          </button>
        </p>
      ) : null}
      {chats.isPending ? <p className="panel__loading">Loading chats…</p> : null}
      {chats.isSuccess && !entry ? (
        <p className="panel__empty">
          {activeChatId ? `Chat ${activeChatId} is not among this agent's chats.` : 'No active chat. Choose one above when a chat arrives.'}
        </p>
      ) : null}
      {entry && activeChatId ? (
        <>
          <p className="panel__chat-state">
            Chat {activeChatId} · <span className="panel__state">{entry.chat.state}</span>
          </p>
          <ParticipantsList chatId={activeChatId} />
          <section aria-labelledby="case-data-heading" className="panel__case-data">
            <h2 id="case-data-heading" className="panel-heading">
              User data
            </h2>
            <CaseDataGrid chatId={activeChatId} />
          </section>
        </>
      ) : null}
    </main>
  );
}
