// The live view of the agent's chats, fed from two places only: the chats query (start,
// reconnect) and CometD notifications. Actions are named after what happened, not after
// the field they set, so the store reads as a log of events.

import { createStore } from 'zustand/vanilla';
import type { Chat, ChatList, ChatNotification, ConnectionStatus, GwsError, NotificationRejection } from '../gws';
import {
  addPending,
  applySnapshot,
  baseFor,
  dropPending,
  isUnsettled,
  markAccepted,
  markFailed,
  markQueued,
  markSending,
  newEntry,
  reconcileQueued,
  shownValue,
  valueAfter,
  type ChatEntry,
  type PendingEdit,
  type UserDataWrite,
  UNCLAIMED_LIMIT,
} from './chatEntry';
import { openDraft, setDraft, type Draft } from './drafts';
import { entryAfterRead, entryUnread } from './reads';
import { mostRecentChatting } from './chatOrder';
import { hasUnsavedWork } from './unsavedWork';
import { recordStep, takeStep, type HistoryStep } from './history';
import { toSaved, type DraftStorage, type SavedChat } from './persistence';
import { refuseWrites, sendingWhen } from './refusals';

export type ChatStoreState = {
  readonly chats: ReadonlyMap<string, ChatEntry>;
  /**
   * The chat on screen: the one the agent, URL or host chose, else the most recent chat
   * in state Chatting when chats first arrive. It then stays put: a chat that completes
   * must not vanish from under the agent.
   */
  readonly activeChatId: string | null;
  readonly connection: ConnectionStatus;
  /**
   * held: writes queue up (not live, or live but not yet re-read since); open: they go out.
   * GWS has no replay, so after any gap the chats are re-read before anything is sent.
   */
  readonly outbox: 'held' | 'open';
  /** Clock tick when the connection last became live; a read must start after it to open the outbox. */
  readonly liveSince: number | null;
  readonly rejectedNotifications: number;
  readonly lastRejection: string | null;
  /** The chats the last read left out: GWS listed them, and they do not match the contract. */
  readonly unreadableChats: ChatList['unreadable'];
  /**
   * Chats a previous page left drafts or writes for in storage, not read again yet (the
   * session expired before the first read, say): unsaved work all the same, for the leave
   * warning and the host, until a read restores them or finds them gone.
   */
  readonly unreadSaved: ReadonlySet<string>;
  readonly actions: ChatStoreActions;
};

export type ChatStoreActions = {
  /** Call before reading chats over HTTP; pass the result to `chatsRead`. */
  readStarted(): number;
  /** `unreadable`: chats GWS listed that do not match the contract; shown with the malformed notifications, and a known one kept as it was. */
  chatsRead(chats: readonly Chat[], startedAt: number, unreadable?: ChatList['unreadable']): void;
  notificationReceived(notification: ChatNotification | NotificationRejection): void;
  connectionChanged(status: ConnectionStatus): void;
  /** A REST call was refused for authentication (401/403, statusCode 20): hold everything. */
  sessionExpired(): void;
  chatOpened(chatId: string): void;
  /**
   * Returns the write's id and whether it may go out now (false: queued until live again).
   * `step` records it for undo in the same update.
   */
  userDataWriteSent(chatId: string, write: UserDataWrite, step?: HistoryStep): { editId: number; sendNow: boolean };
  /** A queued write is being sent now. */
  userDataWriteStarted(chatId: string, editId: number): void;
  userDataWriteAccepted(chatId: string, editId: number, referenceId: number | undefined): void;
  /** `mayHaveLanded`: it was sent, and failed in a way GWS may still have applied it. */
  userDataWriteFailed(chatId: string, editId: number, error: GwsError, mayHaveLanded?: boolean): void;
  /** The write did not reach the server (offline, session): it waits to be replayed (overtaken meanwhile: a conflict). */
  userDataWriteRequeued(chatId: string, editId: number): void;
  /** `undoable`: the agent threw it away (Discard, Take theirs), so Ctrl+Z can send it again. */
  userDataWriteDiscarded(chatId: string, editId: number, undoable?: boolean): void;
  /** The editor's text changed (null: the editor closed without committing). */
  draftChanged(chatId: string, key: string, text: string | null): void;
  /** An editor opened on `text`; `openedWith` is the value's text, null when it opened on a typed character. */
  draftOpened(chatId: string, key: string, text: string, openedWith: string | null): void;
  /** Escape on a draft's closed cell: it goes, as a step Ctrl+Z takes back (HistoryStep.draft). */
  draftDiscarded(chatId: string, key: string): void;
  /** Undo or redo of a discard: the draft exactly as it was, or none. */
  draftRestored(chatId: string, key: string, draft: Draft | null): void;
  /** The agent took note of an ended chat's unsaved changes: drop them. */
  unsavedDismissed(chatId: string): void;
  /** Undo moves the newest step to the redo side, redo moves it back (`drop`: it goes); returns it, for the caller to send. */
  stepTaken(chatId: string, direction: 'undo' | 'redo', drop?: boolean): HistoryStep | null;
};

export type ChatStore = ReturnType<typeof createChatStore>;

export type ChatStoreOptions = { readonly activeChatId?: string | null; readonly storage?: DraftStorage | null };

export function createChatStore({ activeChatId = null, storage = null }: ChatStoreOptions = {}) {
  let nextEditId = 1;
  /** Orders snapshots from reads against those from notifications; not state, so an event that ticks it is still one update. */
  let clock = 0;
  /** Refusals (Error notifications) before the reply of the write they refuse (GWS may publish first), found by its referenceId. */
  let refusedEarly: { readonly referenceId: number; readonly message: string; readonly at: number }[] = [];
  /** Writes on their way when an Error naming no request came, by editId, with its text (refusals.ts: sendingWhen). */
  const doubted = new Map<number, string>();
  const store = createStore<ChatStoreState>()((set, get) => {
    const tick = () => ++clock;
    const updateEntry = (chatId: string, change: (entry: ChatEntry) => ChatEntry) => {
      const entry = get().chats.get(chatId);
      if (!entry) return;
      const next = change(entry);
      if (next !== entry) set({ chats: new Map(get().chats).set(chatId, next) });
    };
    /** A chat seen for the first time picks up what a previous page left in storage. */
    const restored = (chat: Chat, receivedAt: number): ChatEntry => {
      const saved: SavedChat | null = storage?.load(chat.id) ?? null;
      let entry = newEntry(chat, receivedAt);
      if (!saved) return entry;
      for (const [key, draft] of saved.drafts) entry = { ...entry, drafts: new Map(entry.drafts).set(key, draft) };
      for (const { base, ...write } of saved.writes) entry = addPending(entry, { ...write, base, editId: nextEditId++, status: 'queued' });
      // Checked against the chat now: restored by a notification while writes go (unreadable at the read), they went over a change since (exploratory test).
      return reconcileQueued(entry);
    };
    /** A read that began once live opens a held outbox: the queued writes checked against what it brought. */
    const opensOutbox = (startedAt: number) => {
      const { outbox, connection, liveSince } = get();
      return outbox === 'held' && connection.kind === 'live' && liveSince !== null && startedAt > liveSince;
    };

    return {
      chats: new Map(),
      activeChatId,
      connection: { kind: 'connecting' },
      outbox: 'held',
      liveSince: null,
      rejectedNotifications: 0,
      lastRejection: null,
      unreadableChats: [],
      unreadSaved: new Set(storage?.chatIds().filter((chatId) => storage.load(chatId) !== null) ?? []),
      actions: {
        readStarted: tick,
        chatsRead(list, startedAt, unreadable = []) {
          const receivedAt = tick();
          const chats = new Map(get().chats);
          for (const chat of list) {
            const entry = chats.get(chat.id);
            chats.set(chat.id, entry ? entryAfterRead(entry, chat, receivedAt, startedAt) : restored(chat, receivedAt));
          }
          // A chat GWS no longer lists is gone: forgotten unless it holds unsaved work (kept, so it
          // can be copied); what a previous page stored for chats that no longer exist goes too.
          const listed = new Set([...list.map((chat) => chat.id), ...unreadable.map((chat) => chat.chatId)]);
          for (const [chatId, entry] of chats) {
            if (!listed.has(chatId) && entry.receivedAt < startedAt && !hasUnsavedWork(entry) && chatId !== get().activeChatId) chats.delete(chatId);
          }
          for (const { chatId, reason } of unreadable) {
            const entry = chats.get(chatId ?? '');
            if (entry) chats.set(entry.chat.id, entryUnread(entry, reason));
          }
          for (const chatId of storage?.chatIds() ?? []) if (!chats.has(chatId) && !listed.has(chatId)) storage?.save(chatId, null);
          const wasHeld = get().outbox === 'held';
          const opens = opensOutbox(startedAt);
          // Every saved chat is restored now, or gone with its storage; or GWS lists it, unreadable (its work kept for a later read).
          set({
            chats: opens ? new Map([...chats].map(([id, entry]) => [id, reconcileQueued(entry)])) : chats,
            ...(opens && { outbox: 'open' as const }),
            activeChatId: get().activeChatId ?? mostRecentChatting(chats),
            unreadSaved: new Set([...get().unreadSaved].filter((chatId) => listed.has(chatId) && !chats.has(chatId))),
            unreadableChats: unreadable,
          });
          // Refusals remembered by referenceId from before a read after a gap are its past: GWS
          // may count anew after a restart. (Not at every read: one that came meanwhile still waits for its reply.)
          if (wasHeld) refusedEarly = refusedEarly.filter((refusal) => refusal.at > startedAt);
        },
        notificationReceived(notification) {
          if (notification.kind === 'rejected-notification') {
            set((state) => ({ rejectedNotifications: state.rejectedNotifications + 1, lastRejection: notification.reason }));
            return;
          }
          if (notification.kind === 'operation-failed') {
            // Not saved, said so, never left to a re-read putting the old value back (refusals.ts).
            const { referenceId, message } = notification;
            if (referenceId !== undefined) refusedEarly = [...refusedEarly, { referenceId, message, at: tick() }].slice(-UNCLAIMED_LIMIT);
            else for (const editId of sendingWhen(get().chats, notification)) doubted.set(editId, message);
            const chats = refuseWrites(get().chats, notification);
            if (chats !== get().chats) set({ chats });
            return;
          }
          if (notification.kind !== 'chat-changed') return;
          const receivedAt = tick();
          const { chat, referenceId } = notification;
          const chats = new Map(get().chats);
          const entry = chats.get(chat.id);
          // A state change without userData, or participants, keeps the chat's (read as none, the grid emptied, everyone left).
          const known = entry && {
            ...chat,
            ...(notification.userDataAbsent && { userData: entry.chat.userData }),
            ...(notification.participantsAbsent && { participants: entry.chat.participants }),
          };
          chats.set(chat.id, entry && known ? applySnapshot(entry, known, receivedAt, referenceId) : restored(chat, receivedAt));
          const { unreadSaved, unreadableChats } = get();
          const stillUnread = unreadSaved.has(chat.id) ? new Set([...unreadSaved].filter((id) => id !== chat.id)) : unreadSaved;
          // Read now: no longer said to be unreadable (it stayed so until the next full read: exploratory test).
          const unreadable = unreadableChats.some((unread) => unread.chatId === chat.id) ? unreadableChats.filter((unread) => unread.chatId !== chat.id) : unreadableChats;
          set({ chats, activeChatId: get().activeChatId ?? mostRecentChatting(chats), unreadSaved: stillUnread, unreadableChats: unreadable });
        },
        connectionChanged(connection) {
          const wasLive = get().connection.kind === 'live';
          if (connection.kind === 'live') set({ connection, ...(wasLive ? {} : { liveSince: tick() }) });
          // An expired session stays expired until the connection is live again.
          else if (get().connection.kind === 'session-expired' && connection.kind !== 'offline') set({ outbox: 'held' });
          else set({ connection, outbox: 'held' });
        },
        sessionExpired() {
          set({ connection: { kind: 'session-expired' }, outbox: 'held' });
        },
        chatOpened(chatId) {
          set({ activeChatId: chatId });
        },
        userDataWriteSent(chatId, write, step) {
          const editId = nextEditId++;
          const sendNow = get().outbox === 'open';
          updateEntry(chatId, (entry) => {
            const next = addPending(entry, { ...write, editId, base: baseFor(entry, write.key), status: sendNow ? 'sending' : 'queued' });
            return step ? { ...next, history: recordStep(next.history, step) } : next;
          });
          return { editId, sendNow };
        },
        userDataWriteStarted: (chatId, editId) => updateEntry(chatId, (entry) => markSending(entry, editId)),
        userDataWriteAccepted(chatId, editId, referenceId) {
          const refused = refusedEarly.find((notification) => notification.referenceId === referenceId);
          refusedEarly = refusedEarly.filter((notification) => notification !== refused);
          const doubt = doubted.get(editId);
          doubted.delete(editId);
          const acceptedAt = tick();
          updateEntry(chatId, (entry) =>
            refused
              ? markFailed(entry, editId, { kind: 'refused-later', message: refused.message })
              : doubt !== undefined
                ? markFailed(entry, editId, { kind: 'refused-later', message: doubt, unlinked: true }, true)
                : markAccepted(entry, editId, referenceId, acceptedAt),
          );
        },
        userDataWriteFailed: (chatId, editId, error, mayHaveLanded) => updateEntry(chatId, (entry) => markFailed(entry, editId, error, mayHaveLanded)),
        userDataWriteRequeued: (chatId, editId) => updateEntry(chatId, (entry) => markQueued(entry, editId)),
        // Take theirs / Discard settles the key: earlier refused or conflicting writes of it
        // (hidden behind the newest on its row) go with it.
        userDataWriteDiscarded: (chatId, editId, undoable) =>
          updateEntry(chatId, (entry) => {
            const edit = entry.pending.find((candidate) => candidate.editId === editId);
            const settled = (candidate: PendingEdit) => candidate.key === edit?.key && isUnsettled(candidate);
            if (!edit || !settled(edit)) return dropPending(entry, editId);
            const dropped = entry.pending.filter(settled).reduce((current, candidate) => dropPending(current, candidate.editId), entry);
            if (!undoable) return dropped;
            // Throwing away what the agent typed is a step Ctrl+Z takes back (sending it again),
            // as a delete is: two Escapes on a refused value must not lose it for good.
            return { ...dropped, history: recordStep(dropped.history, { key: edit.key, before: valueAfter(edit), after: shownValue(dropped, edit.key), discard: true }) };
          }),
        draftChanged: (chatId, key, text) => updateEntry(chatId, (entry) => setDraft(entry, key, text)),
        draftOpened: (chatId, key, text, openedWith) => updateEntry(chatId, (entry) => openDraft(entry, key, text, openedWith)),
        draftDiscarded: (chatId, key) =>
          updateEntry(chatId, (entry) => {
            const draft = entry.drafts.get(key);
            const value = shownValue(entry, key);
            return draft ? { ...setDraft(entry, key, null), history: recordStep(entry.history, { key, before: value, after: value, draft }) } : entry;
          }),
        draftRestored: (chatId, key, draft) =>
          updateEntry(chatId, (entry) => (draft ? { ...entry, drafts: new Map(entry.drafts).set(key, draft) } : setDraft(entry, key, null))),
        unsavedDismissed(chatId) {
          updateEntry(chatId, (entry) => ({ ...entry, drafts: new Map(), pending: entry.pending.filter((edit) => edit.status === 'awaiting') }));
        },
        stepTaken(chatId, direction, drop) {
          const history = get().chats.get(chatId)?.history;
          const result = history ? takeStep(history, direction, drop) : null;
          if (result) updateEntry(chatId, (entry) => ({ ...entry, history: result.history }));
          return result?.step ?? null;
        },
      },
    };
  });

  if (storage) {
    // Mirror each changed chat into storage; unchanged entries keep their identity and are skipped.
    store.subscribe((state, previous) => {
      if (state.chats === previous.chats) return;
      for (const [chatId, entry] of state.chats) {
        if (previous.chats.get(chatId) !== entry) storage.save(chatId, toSaved(entry));
      }
    });
  }
  return store;
}
