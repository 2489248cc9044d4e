import type { Chat } from '../gws';
import type { ChatEntry } from './chatEntry';

/** GWS receivedDate ("2016-03-16 09:55:18.000+1000") as a sortable number; unknown sorts last. */
export function receivedTime(chat: Chat): number {
  if (!chat.receivedDate) return -Infinity;
  const iso = chat.receivedDate.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  const time = Date.parse(iso);
  return Number.isNaN(time) ? -Infinity : time;
}

/** The agent's most recent chat in state Chatting, the one to open when none was asked for. */
export function mostRecentChatting(chats: ReadonlyMap<string, ChatEntry>): string | null {
  let best: Chat | null = null;
  for (const { chat } of chats.values()) {
    if (chat.state !== 'Chatting') continue;
    if (!best || receivedTime(chat) > receivedTime(best)) best = chat;
  }
  return best?.id ?? null;
}
