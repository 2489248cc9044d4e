// Public face of `store/`: the live view of chats, the agent's pending edits and the connection.
export { createChatStore, type ChatStore, type ChatStoreState, type ChatStoreActions } from './chatStore';
export { ChatStoreProvider, useChatStoreApi } from './ChatStoreProvider';
export {
  useActiveChatId,
  useChatActions,
  useChatEntry,
  useChatSummaries,
  useConnection,
  useRejectedNotifications,
  useUserDataRows,
  type ChatSummary,
} from './selectors';
export { mostRecentChatting, receivedTime } from './chatOrder';
export { deriveRows, sameValue, type ChatEntry, type PendingEdit, type RowStatus, type UserDataRow, type UserDataWrite } from './chatEntry';
export type { HistoryStep } from './history';
