// The live view of the agent's chats, fed from two places only: the chats query (start,
// resync) and CometD notifications. Actions are named after what happened, not after
// the field they set, so the store reads as a log of events.

import { createStore } from 'zustand/vanilla';
import type { Chat, ChatNotification, ConnectionStatus, GwsError, NotificationRejection, UserDataValue } from '../gws';
import { mostRecentChatting } from './chatOrder';
import { addPending, applySnapshot, dropPending, markAccepted, markFailed, newEntry, type ChatEntry } from './chatEntry';

export type ChatStoreState = {
  readonly chats: ReadonlyMap<string, ChatEntry>;
  /**
   * The chat on screen: the one the agent, URL or host chose, else the most recent chat
   * in state Chatting when chats first arrive. It then stays put: a chat that completes
   * must not vanish from under the agent.
   */
  readonly activeChatId: string | null;
  readonly connection: ConnectionStatus;
  readonly rejectedNotifications: number;
  readonly lastRejection: string | null;
  /** Monotonic local clock: orders snapshots from reads against those from notifications. */
  readonly clock: number;
  readonly actions: ChatStoreActions;
};

export type ChatStoreActions = {
  /** Call before reading chats over HTTP; pass the result to `chatsRead`. */
  readStarted(): number;
  chatsRead(chats: readonly Chat[], startedAt: number): void;
  notificationReceived(notification: ChatNotification | NotificationRejection): void;
  connectionChanged(status: ConnectionStatus): void;
  chatOpened(chatId: string): void;
  /** Returns the edit's id, to report the server's answer against. */
  userDataEditSent(chatId: string, key: string, value: UserDataValue): number;
  userDataEditAccepted(chatId: string, editId: number, referenceId: number | undefined): void;
  userDataEditFailed(chatId: string, editId: number, error: GwsError): void;
  userDataEditDiscarded(chatId: string, editId: number): void;
};

export type ChatStore = ReturnType<typeof createChatStore>;

export function createChatStore(initial: { activeChatId?: string | null } = {}) {
  let nextEditId = 1;
  return createStore<ChatStoreState>()((set, get) => {
    const tick = () => {
      const clock = get().clock + 1;
      set({ clock });
      return clock;
    };
    const updateEntry = (chatId: string, change: (entry: ChatEntry) => ChatEntry) => {
      const entry = get().chats.get(chatId);
      if (!entry) return;
      const chats = new Map(get().chats);
      chats.set(chatId, change(entry));
      set({ chats });
    };

    return {
      chats: new Map(),
      activeChatId: initial.activeChatId ?? null,
      connection: { kind: 'connecting' },
      rejectedNotifications: 0,
      lastRejection: null,
      clock: 0,
      actions: {
        readStarted: tick,
        chatsRead(list, startedAt) {
          const receivedAt = tick();
          const chats = new Map(get().chats);
          for (const chat of list) {
            const entry = chats.get(chat.id);
            if (!entry) chats.set(chat.id, newEntry(chat, receivedAt));
            // A notification newer than this read already holds fresher data.
            else if (entry.receivedAt < startedAt) chats.set(chat.id, { ...entry, chat, receivedAt });
          }
          set({ chats, activeChatId: get().activeChatId ?? mostRecentChatting(chats) });
        },
        notificationReceived(notification) {
          if (notification.kind === 'rejected-notification') {
            set((state) => ({ rejectedNotifications: state.rejectedNotifications + 1, lastRejection: notification.reason }));
            return;
          }
          if (notification.kind !== 'chat-changed') return;
          const receivedAt = tick();
          const { chat, referenceId } = notification;
          const chats = new Map(get().chats);
          const entry = chats.get(chat.id);
          chats.set(chat.id, entry ? applySnapshot(entry, chat, receivedAt, referenceId) : newEntry(chat, receivedAt));
          set({ chats, activeChatId: get().activeChatId ?? mostRecentChatting(chats) });
        },
        connectionChanged(connection) {
          set({ connection });
        },
        chatOpened(chatId) {
          set({ activeChatId: chatId });
        },
        userDataEditSent(chatId, key, value) {
          const editId = nextEditId++;
          updateEntry(chatId, (entry) => addPending(entry, { editId, key, value, status: 'sending' }));
          return editId;
        },
        userDataEditAccepted(chatId, editId, referenceId) {
          updateEntry(chatId, (entry) => markAccepted(entry, editId, referenceId));
        },
        userDataEditFailed(chatId, editId, error) {
          updateEntry(chatId, (entry) => markFailed(entry, editId, error));
        },
        userDataEditDiscarded(chatId, editId) {
          updateEntry(chatId, (entry) => dropPending(entry, editId));
        },
      },
    };
  });
}
