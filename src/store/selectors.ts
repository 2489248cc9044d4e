import { useMemo, useRef } from 'react';
import type { ChatList } from '../gws';
import type { Chat } from '../gws';
import type { ChatEntry } from './chatEntry';
import { isUnsettled } from './writeValues';
import { isEditedDraft } from './drafts';
import { anyUnsaved } from './unsavedWork';
import { deriveRowsKeeping, type UserDataRow } from './rows';
import { receivedTime } from './chatOrder';
import { useChatStore } from './ChatStoreProvider';

export const useActiveChatId = () => useChatStore((state) => state.activeChatId);
export const useChatEntry = (chatId: string | null): ChatEntry | undefined =>
  useChatStore((state) => (chatId ? state.chats.get(chatId) : undefined));
export const useConnection = () => useChatStore((state) => state.connection);
/** Whether writes go out: live, and the chats read again since (what was missed while not live is known). */
export const useOutboxOpen = () => useChatStore((state) => state.outbox === 'open');
/** A read removed work kept from before a reload (chats GWS no longer lists): the panel says so. */
export const useSavedWorkForgotten = () => useChatStore((state) => state.forgottenSaved > 0);
/** Whether the agent has work in any chat that the server does not have. */
export const useAnyUnsaved = () => useChatStore(anyUnsaved);
export const useChatActions = () => useChatStore((state) => state.actions);
/** What GWS sent that does not match the contract: notifications ignored, and chats the last read left out. */
export const useRejectedNotifications = () => {
  const count = useChatStore((state) => state.rejectedNotifications + state.unreadableChats.length);
  const last = useChatStore((state) => {
    const chat = state.unreadableChats[0];
    return chat ? `${chat.chatId ?? '?'}: ${chat.reason}` : state.lastRejection;
  });
  return useMemo(() => ({ count, last }), [count, last]);
};

/** Why GWS's last read could not read this chat (shown as it was before), or null. */
export const useChatUnreadable = (chatId: string | null): string | null =>
  useChatStore((state) => (chatId === null ? null : (state.unreadableChats.find((chat) => chat.chatId === chatId)?.reason ?? null)));

/** The chats GWS lists that the panel cannot read, by id (one with no readable id cannot be chosen). */
export const useUnreadableChats = (): ChatList['unreadable'] => useChatStore((state) => state.unreadableChats);

export type ChatSummary = { readonly id: string; readonly state: string; readonly customer: string };

/**
 * Chats for the picker, newest first. The list is kept while its chats are the same objects,
 * so drafts and writes (which change entries, not chats) do not re-render the picker.
 * (zustand's useShallow does this for any shape, at 0.45 kB gzip on the way to the first paint.)
 */
export const useChatSummaries = (): readonly ChatSummary[] => {
  const previous = useRef<readonly Chat[]>([]);
  const chats = useChatStore((state) => {
    const next = Array.from(state.chats.values(), (entry) => entry.chat);
    const same = next.length === previous.current.length && next.every((chat, index) => chat === previous.current[index]);
    if (!same) previous.current = next;
    return previous.current;
  });
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
  // Another chat's rows are nothing to keep, nor places to keep.
  const previous = useRef<{ readonly chatId: string | null; readonly rows: readonly UserDataRow[] }>({ chatId: null, rows: [] });
  // oxlint-disable react/refs -- the previous pass's rows, kept during render: a pass React throws away only keeps rows identical to the next one's
  return useMemo(() => {
    const chatId = entry?.chat.id ?? null;
    const rows = entry ? deriveRowsKeeping(entry, previous.current.chatId === chatId ? previous.current.rows : []) : [];
    previous.current = { chatId, rows };
    // oxlint-enable react/refs
    return rows;
  }, [entry]);
}

/** What a chat holds that the server does not: a write to settle ('refused'), or other unsaved work. */
export type ChatMark = 'refused' | 'unsaved';

/**
 * Each chat's mark, for the picker: a chat off screen with a refused write or a draft is
 * told apart before the agent opens it. Kept while the marks are the same, so typing a
 * draft does not re-render the picker.
 */
export const useChatMarks = (): ReadonlyMap<string, ChatMark> => {
  const previous = useRef<ReadonlyMap<string, ChatMark>>(new Map());
  return useChatStore((state) => {
    const next = new Map<string, ChatMark>();
    for (const [chatId, entry] of state.chats) {
      // A write on its way is not marked: every save would flash the mark.
      if (entry.pending.some(isUnsettled)) next.set(chatId, 'refused');
      else if (state.unreadSaved.has(chatId) || entry.pending.some((edit) => edit.status === 'queued') || [...entry.drafts.values()].some(isEditedDraft)) next.set(chatId, 'unsaved');
    }
    const same = next.size === previous.current.size && [...next].every(([chatId, mark]) => previous.current.get(chatId) === mark);
    if (!same) previous.current = next;
    return previous.current;
  });
};
