import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import type { Chat } from '../gws';
import { deriveRows, type ChatEntry, type UserDataRow } from './chatEntry';
import type { ChatStoreState } from './chatStore';
import { useChatStore } from './ChatStoreProvider';

/** GWS receivedDate ("2016-03-16 09:55:18.000+1000") as a sortable number; unknown sorts last. */
export function receivedTime(chat: Chat): number {
  if (!chat.receivedDate) return -Infinity;
  const iso = chat.receivedDate.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  const time = Date.parse(iso);
  return Number.isNaN(time) ? -Infinity : time;
}

/** The chosen chat, else the agent's most recent chat in state Chatting. */
export function selectActiveChatId(state: ChatStoreState): string | null {
  if (state.activeChatId) return state.activeChatId;
  let best: Chat | null = null;
  for (const { chat } of state.chats.values()) {
    if (chat.state !== 'Chatting') continue;
    if (!best || receivedTime(chat) > receivedTime(best)) best = chat;
  }
  return best?.id ?? null;
}

export const useActiveChatId = () => useChatStore(selectActiveChatId);
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
  return useMemo(() => (entry ? deriveRows(entry) : []), [entry]);
}
