// Domain types for what GWS tells us about chats. Everything outside `gws/` sees only
// these, never raw wire JSON.

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** A userData value as GWS sends it: usually a string or an integer, sometimes null. */
export type UserDataValue = JsonValue;

/**
 * userData is a Map, not an object: keys come from customers, bots and routing
 * strategies, and a key such as `__proto__` must stay an ordinary key.
 */
export type UserData = ReadonlyMap<string, UserDataValue>;

export const CHAT_STATES = ['Invited', 'Chatting', 'LeftChat', 'Completed', 'Revoked'] as const;

/**
 * Not GWS's: the store's, for a chat GWS stopped listing (transferred away, or ended unseen)
 * that the panel keeps because it is on screen or holds the agent's unsaved work. It is over for
 * the agent (left in its old state, it stayed editable, every write refused as not found:
 * exploratory test).
 */
export const UNLISTED = 'Unlisted';
export type EndedState = 'Completed' | 'Revoked' | typeof UNLISTED;

/** A chat that is over: it takes no operation any more (LeftChat still takes userData). */
export const hasEnded = (state: string): state is EndedState => state === 'Completed' || state === 'Revoked' || state === UNLISTED;
export type KnownChatState = (typeof CHAT_STATES)[number];
/** GWS may add states; an unknown one is kept as text rather than rejecting the chat. */
export type ChatState = KnownChatState | (string & {});

export type ParticipantType = 'Customer' | 'Agent' | 'External' | (string & {});

export type Participant = {
  readonly participantId: string;
  readonly nickname: string;
  readonly type: ParticipantType;
  readonly visibility?: string;
};

export type Chat = {
  readonly id: string;
  readonly state: ChatState;
  readonly capabilities: readonly string[];
  readonly participants: readonly Participant[];
  readonly userData: UserData;
  readonly chatType?: string;
  /** GWS format, e.g. "2016-03-16 09:55:18.000+1000". */
  readonly receivedDate?: string;
};

/**
 * GWS's chats as read. `unreadable`: those that do not match the contract (a value nested
 * too deeply, a state that is not text), left out; by id where they have one.
 */
export type ChatList = { readonly chats: readonly Chat[]; readonly unreadable: readonly { readonly chatId: string | null; readonly reason: string }[] };

export type ChatStateChangeType = 'StatusChange' | 'ParticipantsUpdated' | 'PropertiesUpdated';

/** What a `/v2/me/chats` notification means to the widget, after parsing at the edge. */
export type ChatNotification =
  | {
      readonly kind: 'chat-changed';
      readonly notificationType: ChatStateChangeType;
      readonly chat: Chat;
      readonly referenceId?: number;
      /** A state change that came without userData: it says nothing of it, so a chat on screen keeps its own. */
      readonly userDataAbsent?: true;
      /** No participants in a notification other than ParticipantsUpdated: it says nothing of them, so a chat on screen keeps its own. */
      readonly participantsAbsent?: true;
    }
  | {
      readonly kind: 'operation-failed';
      readonly chatId?: string;
      readonly referenceId?: number;
      readonly message: string;
    }
  | {
      /** Transcript and other traffic the panel does not show: accepted, then ignored. */
      readonly kind: 'ignored';
      readonly messageType: string;
    }
  | {
      /**
       * A chat's change of a type this version does not know (GWS adds them across versions): not
       * malformed, and not taken in either; the chats are read again, as for a change missed.
       */
      readonly kind: 'unknown-change';
      readonly notificationType: string;
    };

export type NotificationRejection = {
  readonly kind: 'rejected-notification';
  readonly reason: string;
};

export type ChatOperation =
  | { readonly operationName: 'UpdateUserData'; readonly userData: UserData }
  | { readonly operationName: 'AttachUserData'; readonly userData: UserData }
  | { readonly operationName: 'DeleteUserData'; readonly keys: readonly string[] }
  | { readonly operationName: 'SetDisposition'; readonly disposition: string; readonly dispositionKey?: string }
  | { readonly operationName: 'Complete' }
  | { readonly operationName: 'Leave' }
  | { readonly operationName: 'SendMessage'; readonly text: string };

/**
 * The userData operations by what they do. GWS names a chat's capabilities by the same
 * words (how the grid reads a list that names none of them: caseData/validation.ts).
 */
export const USER_DATA_OPERATION = { update: 'UpdateUserData', attach: 'AttachUserData', delete: 'DeleteUserData' } as const;

export type OperationAccepted = { readonly referenceId?: number };

export type Agent = {
  readonly id: string;
  readonly userName: string;
  readonly firstName?: string;
  readonly lastName?: string;
};
