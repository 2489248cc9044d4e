import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createChatStore, type ChatStore, type ChatStoreState } from './chatStore';

// One store per mounted widget, created from its props: tests and several panels on one
// page never share state, and nothing needs resetting between tests. Keeping drafts over a
// reload (sessionDraftStorage) is the composition's choice, made where the store is made
// (main.tsx, App): a grid mounted alone does not carry that code.
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
  const [ownStore] = useState(() => store ?? createChatStore({ activeChatId: initialChatId ?? null }));
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
