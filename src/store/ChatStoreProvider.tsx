import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createChatStore, type ChatStore, type ChatStoreState } from './chatStore';
import { sessionDraftStorage } from './persistence';

// One store per mounted widget, created from its props: tests and several panels on one
// page never share state, and nothing needs resetting between tests.
const ChatStoreContext = createContext<ChatStore | null>(null);

export function ChatStoreProvider({
  store,
  initialChatId,
  children,
}: {
  store?: ChatStore;
  initialChatId?: string | null;
  children: ReactNode;
}) {
  const [ownStore] = useState(() => store ?? createChatStore({ activeChatId: initialChatId ?? null, storage: sessionDraftStorage() }));
  return <ChatStoreContext.Provider value={ownStore}>{children}</ChatStoreContext.Provider>;
}

export function useChatStoreApi(): ChatStore {
  const store = useContext(ChatStoreContext);
  if (!store) throw new Error('Missing ChatStoreProvider');
  return store;
}

export function useChatStore<T>(selector: (state: ChatStoreState) => T): T {
  return useStore(useChatStoreApi(), selector);
}
