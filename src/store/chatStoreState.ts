// What the store holds and the events it takes (chatStore.ts carries them out).

import type { Chat, ChatList, ChatNotification, ConnectionStatus, GwsError, NotificationRejection } from '../gws';
import type { ChatEntry, UserDataWrite } from './chatEntry';
import type { Draft } from './drafts';
import type { HistoryStep } from './history';

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
  /** How many of those a read found no longer listed, their work removed (nothing tells whose it was): for the panel to say so. */
  readonly forgottenSaved: number;
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
  /**
   * The write did not reach the server (offline, session): it waits to be replayed (overtaken meanwhile: a
   * conflict). `mayHaveLanded`: it went unanswered, and GWS may still apply it (undo then does not take it back unsent).
   */
  userDataWriteRequeued(chatId: string, editId: number, mayHaveLanded?: boolean): void;
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
