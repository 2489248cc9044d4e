// Payloads published on /v2/me/chats. Each notification carries a snapshot taken when the
// change happened, so two notifications from one operation (Accept) show two moments.

import { formatGwsDate, type Chat, type ChatResource, type ChatStore, type Participant } from './chatModel';
import type { JsonObject } from './json';
import { AGENT_USER } from './seed';

export const CHATS_CHANNEL = '/v2/me/chats';

export type ChatNotificationType = 'StatusChange' | 'ParticipantsUpdated' | 'PropertiesUpdated';
export type TranscriptMessageType = 'Text' | 'TypingStarted' | 'TypingStopped';

export type Notification = { readonly channel: string; readonly data: JsonObject };

export function chatStateChange(
  notificationType: ChatNotificationType,
  chat: ChatResource,
  referenceId?: number,
): Notification {
  const data: JsonObject = { messageType: 'ChatStateChangeMessage', notificationType, chat };
  return { channel: CHATS_CHANNEL, data: referenceId === undefined ? data : { ...data, referenceId } };
}

/** An operation GWS accepted, then the contact center refused (contract.md §4: its details are undocumented; the panel reads errorMessage). */
export function operationRefused(chat: ChatResource, referenceId: number, errorMessage: string): Notification {
  return { channel: CHATS_CHANNEL, data: { messageType: 'ChatStateChangeMessage', notificationType: 'Error', chat, referenceId, errorMessage } };
}

/** The simulated agent as a message sender; falls back to the profile if it left the list. */
function agentSender(chat: Chat): Participant {
  const own = chat.participants.find((participant) => participant.participantId === chat.agentParticipantId);
  return own ?? { participantId: chat.agentParticipantId ?? '0000000000000000', nickname: AGENT_USER.nickname, type: 'Agent' };
}

/** Appends one agent message to the chat's transcript and returns its MessageLogUpdated. */
export function agentMessage(
  store: ChatStore,
  chat: Chat,
  type: TranscriptMessageType,
  text: string | undefined,
  referenceId?: number,
): Notification {
  const now = new Date();
  const from = agentSender(chat);
  const message: JsonObject = {
    index: chat.nextMessageIndex,
    type,
    from: { participantId: from.participantId, nickname: from.nickname, type: from.type },
    ...(text === undefined ? {} : { text }),
    visibility: 'All',
    timestamp: formatGwsDate(now),
    // GWS calls it seconds, but its samples carry epoch milliseconds; we copy the samples.
    timestampSeconds: now.getTime(),
  };
  chat.nextMessageIndex += 1;
  const data: JsonObject = {
    messageType: 'MessageLogUpdated',
    notificationType: 'NewMessages',
    chatPath: `/chats/${chat.id}`,
    chatUri: store.uriOf(chat.id),
    messages: [message],
  };
  return { channel: CHATS_CHANNEL, data: referenceId === undefined ? data : { ...data, referenceId } };
}
