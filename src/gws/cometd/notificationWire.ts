// Chat notifications on the wire (`/v2/me/chats`). Apart from wire.ts because only the
// live connection reads them: this module loads with the CometD client, after the first paint.

import { clipText } from '../errors';
import { describe, formatIssues, integer, isRecord, ownField } from '../../shared/schema';
import { hasEnded, type ChatNotification, type ChatStateChangeType, type NotificationRejection } from '../types';
import { chatSchema } from '../wire';

const STATE_CHANGE_TYPES: readonly ChatStateChangeType[] = ['StatusChange', 'ParticipantsUpdated', 'PropertiesUpdated'];
const isStateChangeType = (value: unknown): value is ChatStateChangeType =>
  STATE_CHANGE_TYPES.some((type) => type === value);

/**
 * Turns the `data` of a `/v2/me/chats` message into a notification or a rejection.
 * Never throws: a malformed message must be counted, not crash the connection.
 */
export function parseChatNotification(data: unknown): ChatNotification | NotificationRejection {
  const reject = (reason: string): NotificationRejection => ({ kind: 'rejected-notification', reason });
  if (typeof data === 'string') return reject('notification is text, not a JSON object');
  if (!isRecord(data)) return reject(`notification is ${describe(data)}, not an object`);

  const messageType = ownField(data, 'messageType');
  if (typeof messageType !== 'string') return reject('notification has no messageType');
  if (messageType !== 'ChatStateChangeMessage') return { kind: 'ignored', messageType };

  const notificationType = ownField(data, 'notificationType');
  const referenceIdRaw = ownField(data, 'referenceId');
  const referenceId = integer(referenceIdRaw, 'referenceId');
  if (referenceIdRaw !== undefined && referenceIdRaw !== null && !referenceId.ok) {
    return reject(`referenceId is ${describe(referenceIdRaw)}, not an integer within ±2^53`);
  }
  // referenceIds answer requests and count from 1; a 0 or below links to none, and read as one
  // it was "older" than every referenceId seen and its change dropped (bad-input test): it is
  // read as absent, the change another party's.
  const reference = referenceId.ok && referenceId.value > 0 ? { referenceId: referenceId.value } : {};

  if (notificationType === 'Error') {
    const chat = ownField(data, 'chat');
    const chatId = isRecord(chat) ? ownField(chat, 'id') : undefined;
    const text = ownField(data, 'errorMessage') ?? ownField(data, 'statusMessage') ?? ownField(data, 'message');
    return {
      kind: 'operation-failed',
      ...(typeof chatId === 'string' ? { chatId } : {}),
      ...reference,
      message: typeof text === 'string' && text ? clipText(text) : 'The server reported that an operation on the chat failed',
    };
  }
  // A type of a later GWS (exploratory test: counted as malformed). One that is no text at all is.
  if (typeof notificationType === 'string' && notificationType !== '' && !isStateChangeType(notificationType)) return { kind: 'unknown-change', notificationType };
  if (notificationType === undefined || notificationType === null) return reject('notification has no notificationType');
  if (!isStateChangeType(notificationType)) return reject(notificationType === '' ? 'notificationType is empty' : `notificationType is ${describe(notificationType)}, not text`);

  const rawChat = ownField(data, 'chat');
  const chat = chatSchema(rawChat, 'chat');
  if (!chat.ok) return reject(formatIssues(chat.issues));
  // It announces a change of userData and carries the whole of it (contract.md §4): one
  // without it would be read as "no case data" and empty the grid, shown as fresh.
  const absent = isRecord(rawChat) && ownField(rawChat, 'userData') == null;
  if (absent && notificationType === 'PropertiesUpdated') {
    return reject('chat.userData: missing from PropertiesUpdated, which carries the whole userData');
  }
  // The same for who is in the chat: read as nobody, everyone was announced as gone (review).
  if (notificationType === 'ParticipantsUpdated' && isRecord(rawChat) && ownField(rawChat, 'participants') == null) {
    return reject('chat.participants: missing from ParticipantsUpdated, which carries the whole list');
  }
  // Who is in the chat is ParticipantsUpdated's to say: the StatusChange that answers Accept
  // comes with `participants: []` before it (contract.md §1.1). Read as none, everyone was
  // announced as gone, then as joined. A chat that has ended (Reject's StatusChange to
  // Completed, also `participants: []`) has nobody left: that one is taken as it says.
  const ended = hasEnded(chat.value.state);
  const participantsAbsent = notificationType !== 'ParticipantsUpdated' && !ended && chat.value.participants.length === 0;
  return {
    kind: 'chat-changed',
    notificationType,
    chat: chat.value,
    ...reference,
    // Another type may leave it out (contract §2.3: "a chat resource with the updated state").
    ...(absent ? { userDataAbsent: true } : {}),
    ...(participantsAbsent ? { participantsAbsent: true } : {}),
  };
}

