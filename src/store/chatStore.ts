// The live view of the agent's chats, fed from two places only: the chats query (start,
// resync) and CometD notifications. Actions are named after what happened, not after
// the field they set, so the store reads as a log of events.

import { createStore } from 'zustand/vanilla';
import type { Chat, ChatNotification, ConnectionStatus, GwsError, NotificationRejection } from '../gws';
import { mostRecentChatting } from './chatOrder';
import {
  addPending,
  applySnapshot,
  dropPending,
  markAccepted,
  markFailed,
  newEntry,
  setDraft,
  type ChatEntry,
  type UserDataWrite,
} from './chatEntry';
import { recordStep, takeRedo, takeUndo, type HistoryStep } from './history';

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
  /** Returns the write's id, to report the server's answer against. */
  userDataWriteSent(chatId: string, write: UserDataWrite): number;
  userDataWriteAccepted(chatId: string, editId: number, referenceId: number | undefined): void;
  userDataWriteFailed(chatId: string, editId: number, error: GwsError): void;
  userDataWriteDiscarded(chatId: string, editId: number): void;
  /** The editor's text changed (null: the editor closed without committing). */
  draftChanged(chatId: string, key: string, text: string | null): void;
  historyRecorded(chatId: string, step: HistoryStep): void;
  /** Moves the newest step to the redo side and returns it, for the caller to send. */
  undoTaken(chatId: string): HistoryStep | null;
  redoTaken(chatId: string): HistoryStep | null;
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
        userDataWriteSent(chatId, write) {
          const editId = nextEditId++;
          updateEntry(chatId, (entry) => addPending(entry, { ...write, editId, status: 'sending' }));
          return editId;
        },
        userDataWriteAccepted(chatId, editId, referenceId) {
          updateEntry(chatId, (entry) => markAccepted(entry, editId, referenceId));
        },
        userDataWriteFailed(chatId, editId, error) {
          updateEntry(chatId, (entry) => markFailed(entry, editId, error));
        },
        userDataWriteDiscarded(chatId, editId) {
          updateEntry(chatId, (entry) => dropPending(entry, editId));
        },
        draftChanged(chatId, key, text) {
          updateEntry(chatId, (entry) => setDraft(entry, key, text));
        },
        historyRecorded(chatId, step) {
          updateEntry(chatId, (entry) => ({ ...entry, history: recordStep(entry.history, step) }));
        },
        undoTaken(chatId) {
          const taken = get().chats.get(chatId)?.history;
          const result = taken ? takeUndo(taken) : null;
          if (result) updateEntry(chatId, (entry) => ({ ...entry, history: result.history }));
          return result?.step ?? null;
        },
        redoTaken(chatId) {
          const taken = get().chats.get(chatId)?.history;
          const result = taken ? takeRedo(taken) : null;
          if (result) updateEntry(chatId, (entry) => ({ ...entry, history: result.history }));
          return result?.step ?? null;
        },
      },
    };
  });
}
