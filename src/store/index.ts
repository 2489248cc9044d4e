// Public face of `store/`: the live view of chats, the agent's pending edits and the connection.
export { createChatStore, loadRefusals, type ChatStore, type ChatStoreState, type ChatStoreActions, type ChatStoreOptions } from './chatStore';
export { sessionDraftStorage, type DraftStorage, type SavedChat } from './persistence';
export { ChatStoreProvider, useChatStoreApi } from './ChatStoreProvider';
export {
  useActiveChatId,
  useAnyUnsaved,
  useChatActions,
  useChatEntry,
  useChatMarks,
  useChatSummaries,
  useChatUnreadable,
  useUnreadableChats,
  useConnection,
  useOutboxOpen,
  useRejectedNotifications,
  useSavedWorkForgotten,
  useUserDataRows,
  type ChatMark,
  type ChatSummary,
} from './selectors';
export { mostRecentChatting, receivedTime } from './chatOrder';
export { anyUnsaved, firstQueued, hasUnsavedWork, isChatUnsaved, unsavedChatIds } from './unsavedWork';
export { landedAlready, snapshotShows, type ChatEntry, type PendingEdit, type UserDataWrite, type WriteStatus } from './chatEntry';
export { isUnsettled, sameValue, shownValue, valueAfter, valueText } from './writeValues';
export { draftOvertaken, isEditedDraft, type Draft } from './drafts';
export { deriveRows, type RowStatus, type UserDataRow } from './rows';
export type { HistoryStep } from './history';
