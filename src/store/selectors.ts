import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/shallow';
import type { ChatEntry } from './chatEntry';
import { deriveRowsKeeping, type UserDataRow } from './rows';
import { receivedTime } from './chatOrder';
import { useChatStore } from './ChatStoreProvider';

export const useActiveChatId = () => useChatStore((state) => state.activeChatId);
export const useChatEntry = (chatId: string | null): ChatEntry | undefined =>
  useChatStore((state) => (chatId ? state.chats.get(chatId) : undefined));
export const useConnection = () => useChatStore((state) => state.connection);
export const useChatActions = () => useChatStore((state) => state.actions);
export const useRejectedNotifications = () =>
  useChatStore(useShallow((state) => ({ count: state.rejectedNotifications, last: state.lastRejection })));

export type ChatSummary = { readonly id: string; readonly state: string; readonly customer: string };

/** Chats for the picker, newest first; shallow-compared so unrelated updates do not re-render it. */
export const useChatSummaries = (): readonly ChatSummary[] => {
  const chats = useChatStore(useShallow((state) => [...state.chats.values()].map((entry) => entry.chat)));
  return useMemo(
    () =>
      [...chats]
        .sort((a, b) => receivedTime(b) - receivedTime(a))
        .map((chat) => ({
          id: chat.id,
          state: chat.state,
          customer: chat.participants.find((participant) => participant.type === 'Customer')?.nickname ?? '',
        })),
    [chats],
  );
};

export function useUserDataRows(entry: ChatEntry | undefined): readonly UserDataRow[] {
  const previous = useRef<readonly UserDataRow[]>([]);
  return useMemo(() => {
    previous.current = entry ? deriveRowsKeeping(entry, previous.current) : [];
    return previous.current;
  }, [entry]);
}
