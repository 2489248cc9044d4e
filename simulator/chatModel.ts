// In-memory chats of the one simulated agent, and the chat resource JSON that both the
// GETs and the notifications return (one serializer, so the two can never disagree).

import { randomBytes, randomInt } from 'node:crypto';
import type { JsonObject, JsonValue } from './json';

export const CHAT_STATES = ['Invited', 'Chatting', 'LeftChat', 'Completed', 'Revoked'] as const;
export type ChatState = (typeof CHAT_STATES)[number];

export const PARTICIPANT_TYPES = ['Customer', 'Agent', 'External'] as const;
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];

// The Chatting list is the one in the GWS 8.6 UpdateUserData sample (the seed chat).
const CHATTING_CAPABILITIES = [
  'Transfer', 'Leave', 'Invite', 'Consult', 'SetInFocus', 'SetDisposition', 'AttachUserData',
  'DeleteUserData', 'UpdateUserData', 'Complete', 'SendMessage', 'SendStartTypingNotification',
  'SendStopTypingNotification',
] as const;

// LeftChat: advertised as the ChatLeave sample lists it, [Transfer, Complete, Leave, InFocus],
// whose text says the agent "can still update user data and set a disposition" after leaving:
// those are carried out all the same (OPERATIONS), so the widget meets the list GWS sends, not
// a kinder one (contract review: it refused what GWS allows).
const LEFT_CHAT_CAPABILITIES = ['Transfer', 'Complete', 'Leave', 'InFocus'] as const;

/** What a chat's `capabilities` say, per state. */
export const CAPABILITIES: { readonly [S in ChatState]: readonly string[] } = {
  Invited: ['Accept', 'Reject'],
  Chatting: CHATTING_CAPABILITIES,
  LeftChat: LEFT_CHAT_CAPABILITIES,
  Completed: [],
  Revoked: [],
};

/** What the simulator carries out, per state. */
export const OPERATIONS: { readonly [S in ChatState]: readonly string[] } = {
  ...CAPABILITIES,
  LeftChat: [...LEFT_CHAT_CAPABILITIES, 'SetDisposition', 'AttachUserData', 'DeleteUserData', 'UpdateUserData'],
};

export function isChatState(value: JsonValue | undefined): value is ChatState {
  return typeof value === 'string' && (CHAT_STATES as readonly string[]).includes(value);
}

export function isParticipantType(value: JsonValue | undefined): value is ParticipantType {
  return typeof value === 'string' && (PARTICIPANT_TYPES as readonly string[]).includes(value);
}

// Type aliases (not interfaces) so these stay assignable to JsonObject when published.
export type Participant = { readonly participantId: string; readonly nickname: string; readonly type: ParticipantType };

export type ChatResource = {
  readonly id: string;
  readonly uri: string;
  readonly path: string;
  readonly state: ChatState;
  readonly capabilities: readonly string[];
  readonly participants: readonly Participant[];
  readonly userData: JsonObject;
  readonly chatType: string;
  readonly receivedDate: string;
};

export type Chat = {
  readonly id: string;
  state: ChatState;
  participants: Participant[];
  /** A Map, not an object: keys such as `__proto__`, `constructor` or "" are plain data here. */
  readonly userData: Map<string, JsonValue>;
  readonly chatType: string;
  readonly receivedDate: string;
  /** The simulated agent's own participant in this chat, the sender of SendMessage. */
  agentParticipantId: string | null;
  /** Transcript index of the next message; GWS numbers messages per chat. */
  nextMessageIndex: number;
};

export type NewChat = {
  readonly id: string;
  readonly state: ChatState;
  readonly participants: readonly Participant[];
  readonly userData: JsonObject;
  readonly chatType: string;
  readonly receivedDate: string;
  readonly agentParticipantId?: string | null;
  readonly nextMessageIndex?: number;
};

export class ChatStore {
  readonly #chats = new Map<string, Chat>();

  constructor(readonly baseUrl: string) {}

  replaceAll(chats: readonly NewChat[]): void {
    this.#chats.clear();
    for (const chat of chats) this.add(chat);
  }

  add(input: NewChat): Chat {
    const chat: Chat = {
      id: input.id,
      state: input.state,
      participants: [...input.participants],
      userData: new Map(Object.entries(input.userData)),
      chatType: input.chatType,
      receivedDate: input.receivedDate,
      agentParticipantId: input.agentParticipantId ?? null,
      nextMessageIndex: input.nextMessageIndex ?? 1,
    };
    this.#chats.set(chat.id, chat);
    return chat;
  }

  get(id: string): Chat | undefined {
    return this.#chats.get(id);
  }

  /** The chat leaves the agent's list (transferred away, say); false if there was none. */
  remove(id: string): boolean {
    return this.#chats.delete(id);
  }

  has(id: string): boolean {
    return this.#chats.has(id);
  }

  all(): Chat[] {
    return [...this.#chats.values()];
  }

  uriOf(chatId: string): string {
    return `${this.baseUrl}/api/v2/chats/${encodeURIComponent(chatId)}`;
  }

  /** A snapshot: later changes to the chat do not alter an already built resource. */
  resource(chat: Chat): ChatResource {
    return {
      id: chat.id,
      uri: this.uriOf(chat.id),
      path: `/chats/${chat.id}`,
      state: chat.state,
      capabilities: [...CAPABILITIES[chat.state]],
      participants: chat.participants.map((participant) => ({ ...participant })),
      userData: Object.fromEntries(chat.userData),
      chatType: chat.chatType,
      receivedDate: chat.receivedDate,
    };
  }
}

/** UpdateUserData semantics: given keys are overwritten, all others are kept. */
export function mergeUserData(chat: Chat, userData: JsonObject): void {
  for (const [key, value] of Object.entries(userData)) chat.userData.set(key, value);
}

export function newParticipantId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

const CHAT_ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Same look as GWS ids ("0000Wa9CAM6W00J"): 15 characters, leading zeros. */
export function newChatId(): string {
  let id = '0000';
  while (id.length < 15) id += CHAT_ID_ALPHABET[randomInt(CHAT_ID_ALPHABET.length)];
  return id;
}

/** GWS timestamp format, e.g. "2016-03-16 09:55:18.000+1000", in the simulator's local zone. */
export function formatGwsDate(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const absolute = Math.abs(offsetMinutes);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`
  );
}
