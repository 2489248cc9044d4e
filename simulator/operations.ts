// POST /api/v2/me/chats/{id} operations. Every handler validates first and returns an
// `apply` closure; nothing is mutated until all checks pass, because GWS promises that a
// failed request "failed to modify the data of the contact center".

import {
  OPERATIONS, mergeUserData, newParticipantId, type Chat, type ChatState, type ChatStore,
} from './chatModel';
import { agentMessage, chatStateChange, operationRefused, type Notification } from './chatNotifications';
import { describeJson, isJsonObject, ownField, type JsonObject, type JsonValue } from './json';

export type OperationError = { readonly ok: false; readonly statusCode: number; readonly statusMessage: string };
export type OperationOutcome =
  | { readonly ok: true; readonly referenceId: number; readonly notifications: readonly Notification[] }
  | OperationError;

type Apply = (referenceId: number) => Notification[];
type Handler = (store: ChatStore, chat: Chat, body: JsonObject) => Apply | OperationError;

// statusCode texts from the GWS "Return Values" page.
export const STATUS_TEXT: { readonly [code: number]: string } = {
  1: 'Required parameter missing', 2: 'Parameter not valid for current state', 3: 'Operation forbidden',
  4: 'Internal error', 5: 'No permission', 6: 'Resource not found', 7: 'Partial success',
  8: 'Change password demanded', 9: 'Processing incomplete', 10: 'Input validation error',
  11: 'Attempt to change a read-only property', 12: 'Unable to retrieve resource', 13: 'Unable to create resource',
  14: 'Unable to delete resource', 15: 'Unable to update resource', 16: 'Unable to assign resource',
  17: 'Unable to unassign resource', 18: 'Already exists', 19: 'Already in use', 20: 'Not authenticated',
};

export function failure(statusCode: number, statusMessage: string): OperationError {
  return { ok: false, statusCode, statusMessage };
}

function isError<T>(value: T | OperationError): value is OperationError {
  return typeof value === 'object' && value !== null && 'ok' in value && value.ok === false;
}

function missing(name: string): OperationError {
  return failure(1, `Required parameter missing: ${name}`);
}

function invalid(name: string, expected: string, got: JsonValue | undefined): OperationError {
  return failure(1, `Invalid parameter: ${name} must be ${expected}, got ${describeJson(got)}`);
}

function requiredObject(body: JsonObject, name: string): JsonObject | OperationError {
  const value = ownField(body, name);
  if (value === undefined || value === null) return missing(name);
  return isJsonObject(value) ? value : invalid(name, 'a JSON object', value);
}

function requiredText(body: JsonObject, name: string): string | OperationError {
  const value = ownField(body, name);
  if (value === undefined || value === null) return missing(name);
  if (typeof value !== 'string') return invalid(name, 'a string', value);
  return value.trim() === '' ? invalid(name, 'a non-empty string', value) : value;
}

function optionalText(body: JsonObject, name: string): string | undefined | OperationError {
  const value = ownField(body, name);
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : invalid(name, 'a string', value);
}

function requiredStringArray(body: JsonObject, name: string): readonly string[] | OperationError {
  const value = ownField(body, name);
  if (value === undefined || value === null) return missing(name);
  if (!Array.isArray(value)) return invalid(name, 'an array of strings', value);
  const strings = value.filter((item): item is string => typeof item === 'string');
  return strings.length === value.length ? strings : invalid(name, 'an array of strings', value);
}

const userDataChange: Handler = (store, chat, body) => {
  const userData = requiredObject(body, 'userData');
  if (isError(userData)) return userData;
  return (referenceId) => {
    // AttachUserData on an existing key overwrites too: a JSON object cannot show GWS's
    // duplicate keys, and the contract calls overwriting the safe choice.
    mergeUserData(chat, userData);
    return [chatStateChange('PropertiesUpdated', store.resource(chat), referenceId)];
  };
};

const deleteUserData: Handler = (store, chat, body) => {
  const keys = requiredStringArray(body, 'keys');
  if (isError(keys)) return keys;
  return (referenceId) => {
    for (const key of keys) chat.userData.delete(key);
    return [chatStateChange('PropertiesUpdated', store.resource(chat), referenceId)];
  };
};

// The server-configured disposition key of the GWS docs; the seed's DISP_KEY is only data.
const DEFAULT_DISPOSITION_KEY = 'DispositionCode';

const setDisposition: Handler = (store, chat, body) => {
  const disposition = requiredText(body, 'disposition');
  if (isError(disposition)) return disposition;
  const key = optionalText(body, 'dispositionKey');
  if (isError(key)) return key;
  return (referenceId) => {
    chat.userData.set(key === undefined || key === '' ? DEFAULT_DISPOSITION_KEY : key, disposition);
    return [chatStateChange('PropertiesUpdated', store.resource(chat), referenceId)];
  };
};

const accept: Handler = (store, chat, body) => {
  const nickname = requiredText(body, 'nickname');
  if (isError(nickname)) return nickname;
  return (referenceId) => {
    // Two moments, as in the ChatAccept sample: the state flips first, then the agent joins.
    chat.state = 'Chatting';
    const statusChange = chatStateChange('StatusChange', store.resource(chat), referenceId);
    const participantId = newParticipantId();
    chat.participants.push({ participantId, nickname, type: 'Agent' });
    chat.agentParticipantId = participantId;
    return [statusChange, chatStateChange('ParticipantsUpdated', store.resource(chat))];
  };
};

function endsChat(target: ChatState, options: { readonly clearParticipants: boolean; readonly allowsText: boolean }): Handler {
  return (store, chat, body) => {
    const text = options.allowsText ? optionalText(body, 'text') : undefined;
    if (isError(text)) return text;
    return (referenceId) => {
      // The closing text reaches the customer before the chat ends, so it is published first.
      const notifications = text === undefined || text === '' ? [] : [agentMessage(store, chat, 'Text', text, referenceId)];
      chat.state = target;
      if (options.clearParticipants) chat.participants = [];
      notifications.push(chatStateChange('StatusChange', store.resource(chat), referenceId));
      return notifications;
    };
  };
}

const sendMessage: Handler = (store, chat, body) => {
  const text = requiredText(body, 'text');
  if (isError(text)) return text;
  return (referenceId) => [agentMessage(store, chat, 'Text', text, referenceId)];
};

const typing = (type: 'TypingStarted' | 'TypingStopped'): Handler => (store, chat) =>
  (referenceId) => [agentMessage(store, chat, type, undefined, referenceId)];

// GWS documents no notification for SetInFocus; the reply alone confirms it.
const setInFocus: Handler = () => () => [];

// Routing to other agents or queues needs a contact center behind it; refusing clearly is
// better than pretending the chat moved somewhere.
const notSimulated: Handler = (_store, _chat, body) =>
  failure(3, `Operation forbidden: ${String(ownField(body, 'operationName'))} is not simulated by the GWS simulator`);

const HANDLERS: { readonly [operationName: string]: Handler } = {
  UpdateUserData: userDataChange,
  AttachUserData: userDataChange,
  DeleteUserData: deleteUserData,
  SetDisposition: setDisposition,
  Accept: accept,
  Reject: endsChat('Completed', { clearParticipants: true, allowsText: false }),
  Complete: endsChat('Completed', { clearParticipants: false, allowsText: true }),
  Leave: endsChat('LeftChat', { clearParticipants: false, allowsText: true }),
  SendMessage: sendMessage,
  SendStartTypingNotification: typing('TypingStarted'),
  SendStopTypingNotification: typing('TypingStopped'),
  SetInFocus: setInFocus,
  Transfer: notSimulated,
  Invite: notSimulated,
  Consult: notSimulated,
};

/** Validates and applies one operation; `nextReferenceId` is called only on success. */
export function performOperation(
  store: ChatStore,
  chatId: string,
  body: JsonValue,
  nextReferenceId: () => number,
  /** Asked once the operation is valid: words to accept it in, then have the contact center refuse it (nothing changes, an Error notification says so), or undefined. */
  refusedLater?: () => string | undefined,
): OperationOutcome {
  if (!isJsonObject(body)) return failure(1, `Required parameter missing: operationName (the body is ${describeJson(body)})`);
  const operationName = ownField(body, 'operationName');
  if (operationName === undefined || operationName === null) return missing('operationName');
  if (typeof operationName !== 'string') return invalid('operationName', 'a string', operationName);
  const chat = store.get(chatId);
  if (!chat) return failure(6, `Resource not found: chat ${chatId}`);
  const handler = Object.hasOwn(HANDLERS, operationName) ? HANDLERS[operationName] : undefined;
  if (!handler || !OPERATIONS[chat.state].includes(operationName)) {
    return failure(2, `Operation ${operationName} is not valid for chat ${chatId} in state ${chat.state}`);
  }
  const apply = handler(store, chat, body);
  if (isError(apply)) return apply;
  const referenceId = nextReferenceId();
  const refusal = refusedLater?.();
  if (refusal !== undefined) return { ok: true, referenceId, notifications: [operationRefused(store.resource(chat), referenceId, refusal)] };
  return { ok: true, referenceId, notifications: apply(referenceId) };
}
