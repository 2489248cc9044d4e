// The live view of the agent's chats, fed from two places only: the chats query (start,
// reconnect) and CometD notifications. Actions are named after what happened, not after
// the field they set, so the store reads as a log of events.

import { createStore } from 'zustand/vanilla';
import { hasEnded, UNLISTED, type Chat, type GwsError } from '../gws';
import {
  addPending,
  applySnapshot,
  dropPending,
  markAccepted,
  markFailed,
  markQueued,
  markSending,
  newEntry,
  reconcileQueued,
  type ChatEntry,
  type PendingEdit,
} from './chatEntry';
import { baseFor, expectedValue, isUnsettled, shownValue, valueAfter } from './writeValues';
import { openDraft, setDraft } from './drafts';
import { entryAfterRead, entryUnread } from './reads';
import { mostRecentChatting } from './chatOrder';
import { hasUnsavedWork } from './unsavedWork';
import { recordStep, takeStep } from './history';
import { toSaved, type DraftStorage, type SavedChat } from './persistence';
import type { Refusals } from './refusals';
import type { ChatStoreState } from './chatStoreState';

export type { ChatStoreActions, ChatStoreState } from './chatStoreState';

export type ChatStore = ReturnType<typeof createChatStore>;

type RefusalsCode = typeof import('./refusals');
let refusalsCode: RefusalsCode | undefined;
/** The code for Error notifications (refusals.ts), asked for by the writer as it loads: no write is refused before one is made. */
export const loadRefusals = () => import('./refusals').then((module) => (refusalsCode = module));

/** Its writes GWS accepted, in doubt: Not confirmed, as may have landed. */
const failAwaiting = (entry: ChatEntry, error: GwsError): ChatEntry =>
  entry.pending.reduce((next, edit) => (edit.status === 'awaiting' ? markFailed(next, edit.editId, error, true) : next), entry);

export type ChatStoreOptions = { readonly activeChatId?: string | null; readonly storage?: DraftStorage | null };

export function createChatStore({ activeChatId = null, storage = null }: ChatStoreOptions = {}) {
  let nextEditId = 1;
  /** Orders snapshots from reads against those from notifications; not state, so an event that ticks it is still one update. */
  let clock = 0;
  /** This store's record of Error notifications (refusals.ts), from the first one. */
  let refusals: Refusals | undefined;
  /** startedAt of the newest read that has landed: an older one landing later tells nothing of which chats GWS lists. */
  let newestRead = 0;
  const store = createStore<ChatStoreState>()((set, get) => {
    const tick = () => ++clock;
    const updateEntry = (chatId: string, change: (entry: ChatEntry) => ChatEntry) => {
      const entry = get().chats.get(chatId);
      if (!entry) return;
      const next = change(entry);
      if (next !== entry) set({ chats: new Map(get().chats).set(chatId, next) });
    };
    /**
     * A chat seen for the first time picks up what a previous page left in storage. `userDataAbsent`:
     * seen in a notification that carried none, a read on its way has it (review: it kept none).
     */
    const restored = (chat: Chat, receivedAt: number, userDataAbsent?: boolean): ChatEntry => {
      const saved: SavedChat | null = storage?.load(chat.id) ?? null;
      let entry: ChatEntry = { ...newEntry(chat, receivedAt), ...(userDataAbsent && { userDataAt: 0 }) };
      if (!saved) return entry;
      for (const { base, ...write } of saved.writes) entry = addPending(entry, { ...write, base, editId: nextEditId++, status: 'queued' });
      // Then the drafts (a write drops its key's draft): the agent's newest text, typed over a
      // write kept with it, comes back resting on that write (exploratory test: the draft was
      // lost, and the older write sent).
      for (const [key, draft] of saved.drafts) {
        entry = { ...entry, drafts: new Map(entry.drafts).set(key, entry.pending.some((edit) => edit.key === key) ? { ...draft, base: expectedValue(entry, key) } : draft) };
      }
      // Checked against the chat now: restored by a notification while writes go (unreadable at the read), they went over a change since (exploratory test).
      return reconcileQueued(entry);
    };
    /**
     * A chat back from over (GWS lists it again): the writes it held meanwhile are checked against it,
     * as after a gap (one went over the new owner's value, unseen: exploratory test).
     */
    const backFromOver = (entry: ChatEntry, next: ChatEntry) => (hasEnded(entry.chat.state) && !hasEnded(next.chat.state) ? reconcileQueued(next) : next);
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
      forgottenSaved: 0,
      actions: {
        readStarted: tick,
        chatsRead(list, startedAt, unreadable = []) {
          // What a read brings is the server's as of when it began: stamped so, one that lands after a
          // newer one began is no longer taken for newer (it kept a chat the newer read no longer lists: review).
          const receivedAt = startedAt;
          const chats = new Map(get().chats);
          // One older than a read that has landed tells nothing of which chats GWS lists now: it adds no
          // chat and brings none back from Unlisted (review).
          const stale = startedAt < newestRead;
          if (!stale) newestRead = startedAt;
          for (const chat of list) {
            const entry = chats.get(chat.id);
            if (stale && (entry?.chat.state ?? UNLISTED) === UNLISTED) continue;
            chats.set(chat.id, entry ? backFromOver(entry, entryAfterRead(entry, chat, receivedAt, startedAt)) : restored(chat, receivedAt));
          }
          // A chat GWS no longer lists is gone from the agent (transferred, or ended unseen): forgotten,
          // unless on screen or holding unsaved work, kept as over (UNLISTED) so that the work can be
          // copied (exploratory test: it stayed live and editable, every write refused as not found).
          const listed = new Set([...list.map((chat) => chat.id), ...unreadable.map((chat) => chat.chatId)]);
          // A write GWS accepted there will never be confirmed: Not confirmed, listed with the rest (it
          // stayed Saving… for good: exploratory test).
          for (const [chatId, entry] of chats) {
            if (listed.has(chatId) || entry.receivedAt >= startedAt) continue;
            if (!hasUnsavedWork(entry) && !entry.pending.length && chatId !== get().activeChatId) chats.delete(chatId);
            else chats.set(chatId, failAwaiting(hasEnded(entry.chat.state) ? entry : { ...entry, chat: { ...entry.chat, state: UNLISTED } }, { kind: 'not-shown' }));
          }
          for (const { chatId, reason } of unreadable) {
            const entry = chats.get(chatId ?? '');
            if (entry) chats.set(entry.chat.id, entryUnread(entry, reason));
          }
          // What a previous page stored for a chat GWS does not list goes: nothing tells whose it was
          // (the previous agent's, in the same tab: SECURITY.md), and it is no chat of this agent's now.
          for (const chatId of storage?.chatIds() ?? []) if (!chats.has(chatId) && !listed.has(chatId)) storage?.save(chatId, null);
          const wasHeld = get().outbox === 'held';
          const opens = opensOutbox(startedAt);
          // Every saved chat is restored now, or gone with its storage; or GWS lists it, unreadable (its work kept for a later read).
          set({
            chats: opens ? new Map([...chats].map(([id, entry]) => [id, reconcileQueued(entry)])) : chats,
            ...(opens && { outbox: 'open' as const }),
            activeChatId: get().activeChatId ?? mostRecentChatting(chats),
            unreadSaved: new Set([...get().unreadSaved].filter((chatId) => listed.has(chatId) && !chats.has(chatId))),
            forgottenSaved: get().forgottenSaved + [...get().unreadSaved].filter((chatId) => !listed.has(chatId)).length,
            unreadableChats: unreadable,
          });
          // Refusals remembered by referenceId from before a read after a gap are its past: GWS
          // may count anew after a restart. (Not at every read: one that came meanwhile still waits for its reply.)
          if (wasHeld) refusals?.readAfterGap(startedAt);
        },
        notificationReceived(notification) {
          if (notification.kind === 'rejected-notification') {
            set((state) => ({ rejectedNotifications: state.rejectedNotifications + 1, lastRejection: notification.reason }));
            return;
          }
          if (notification.kind === 'operation-failed') {
            // Not saved, said so, never left to a re-read putting the old value back (refusals.ts).
            const at = tick();
            const refuse = (code: RefusalsCode) => {
              const chats = (refusals ??= code.createRefusals()).received(get().chats, notification, at);
              if (chats !== get().chats) set({ chats });
            };
            // Its code not at hand yet (on its way, or not to be had: a redeployed bundle): the
            // chat's accepted writes are *Not confirmed* at once, as for an Error naming no request,
            // so that no read drops them before it comes (review); the read a second later
            // (useLiveSync) settles those the server shows. Once it comes, it takes what is left.
            if (refusalsCode) refuse(refusalsCode);
            else {
              for (const chatId of notification.chatId === undefined ? [...get().chats.keys()] : [notification.chatId]) {
                updateEntry(chatId, (entry) => failAwaiting(entry, { kind: 'refused-later', message: notification.message, unlinked: true }));
              }
              loadRefusals().then(refuse, () => undefined);
            }
            return;
          }
          if (notification.kind !== 'chat-changed') return;
          const receivedAt = tick();
          const { chat, referenceId } = notification;
          const chats = new Map(get().chats);
          const entry = chats.get(chat.id);
          // A state change without userData, or participants, keeps the chat's (read as none, the grid emptied, everyone left).
          // One that would bring a chat back from over leaves it over: its held writes wait for a read
          // to check them against (useLiveSync asks for one), not the userData from before it left (review).
          // Not a chat first seen so when work kept over a reload waits for it: judged against no
          // userData, a kept delete was taken for done and an update for overtaken (review). The read
          // this asks for (useLiveSync) brings it, with its userData.
          if (!entry && notification.userDataAbsent && get().unreadSaved.has(chat.id)) return;
          const known = entry && {
            ...chat,
            ...(notification.userDataAbsent && { userData: entry.chat.userData, ...(hasEnded(entry.chat.state) && !hasEnded(chat.state) && { state: entry.chat.state }) }),
            ...(notification.participantsAbsent && { participants: entry.chat.participants }),
          };
          chats.set(chat.id, entry && known ? backFromOver(entry, applySnapshot(entry, known, receivedAt, referenceId, notification.userDataAbsent)) : restored(chat, receivedAt, notification.userDataAbsent));
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
            return step ? { ...next, history: recordStep(next.history, { ...step, editId }) } : next;
          });
          return { editId, sendNow };
        },
        userDataWriteStarted: (chatId, editId) => updateEntry(chatId, (entry) => markSending(entry, editId)),
        userDataWriteAccepted(chatId, editId, referenceId) {
          const refused = refusals?.accepted(editId, referenceId);
          const acceptedAt = tick();
          updateEntry(chatId, (entry) => (refused ? markFailed(entry, editId, refused.error, refused.mayHaveLanded) : markAccepted(entry, editId, referenceId, acceptedAt)));
        },
        userDataWriteFailed(chatId, editId, error, mayHaveLanded) {
          refusals?.settled(editId);
          updateEntry(chatId, (entry) => markFailed(entry, editId, error, mayHaveLanded));
        },
        userDataWriteRequeued(chatId, editId, mayHaveLanded) {
          refusals?.settled(editId);
          updateEntry(chatId, (entry) => markQueued(entry, editId, mayHaveLanded));
        },
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
