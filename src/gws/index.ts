// Public face of `gws/`: the only code that knows the GWS wire format.
export type {
  Agent,
  Chat,
  ChatList,
  ChatNotification,
  ChatOperation,
  ChatState,
  JsonValue,
  NotificationRejection,
  OperationAccepted,
  Participant,
  UserData,
  UserDataValue,
} from './types';
export { CHAT_STATES, hasEnded, UNLISTED, USER_DATA_OPERATION } from './types';
export { codeNotLoaded, GwsRequestError, isSessionProblem, isUnreachable, mayHaveApplied, mayPass, toGwsError, type GwsError } from './errors';
export { createGwsClient, preloadOperations, type GwsClient, type GwsClientOptions } from './http/gwsClient';
export { chatQueries } from './http/chatQueries';
// userData's values as GWS carries them, bounded: the store reads them back from storage with it.
export { jsonValue } from './wire';
// Not the CometD session nor the notification parser: re-exported here, they would be part
// of the first paint's chunk (vite.config.ts's $initial group); they load after it.
export { createNotificationConnection, type ConnectionStatus, type NotificationConnection } from './cometd/notificationConnection';
export { GwsClientProvider, useGwsClient } from './GwsClientProvider';
