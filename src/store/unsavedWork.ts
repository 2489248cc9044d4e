// Unsaved work: what the agent has that the server does not (an edited draft, a write not yet
// accepted), per chat and across chats. The leave warning, the host's dirty state and which
// vanished chats are kept all ask it.

import { hasEnded } from '../gws';
import type { ChatEntry } from './chatEntry';
import { isEditedDraft } from './drafts';

type UnsavedSources = { readonly chats: ReadonlyMap<string, ChatEntry>; readonly unreadSaved: ReadonlySet<string> };

/** Every chat with work the server does not have: entries with unsaved work, and saved chats not read yet. */
export function unsavedChatIds(state: UnsavedSources): ReadonlySet<string> {
  const ids = new Set(state.unreadSaved);
  for (const [chatId, entry] of state.chats) if (hasUnsavedWork(entry)) ids.add(chatId);
  return ids;
}

/** Whether some chat has such work: asked on every store change, so it stops at the first. */
export function anyUnsaved(state: UnsavedSources): boolean {
  if (state.unreadSaved.size > 0) return true;
  for (const entry of state.chats.values()) if (hasUnsavedWork(entry)) return true;
  return false;
}

/** The same for one chat. */
export function isChatUnsaved(state: UnsavedSources, chatId: string): boolean {
  const entry = state.chats.get(chatId);
  return state.unreadSaved.has(chatId) || (entry !== undefined && hasUnsavedWork(entry));
}

/** Whether the agent has something the server does not: the "dirty" state a CRM asks about. */
export function hasUnsavedWork(entry: ChatEntry): boolean {
  return [...entry.drafts.values()].some(isEditedDraft) || entry.pending.some((edit) => edit.status !== 'awaiting');
}

/**
 * The first queued write, in the order made, if the outbox is open (the writer sends them so).
 * None of a chat that is over: GWS would refuse it, and the agent copies it instead.
 */
export function firstQueued(state: UnsavedSources & { readonly outbox: 'open' | 'held' }) {
  if (state.outbox !== 'open') return null;
  for (const [chatId, entry] of state.chats) {
    const edit = !hasEnded(entry.chat.state) && entry.pending.find((candidate) => candidate.status === 'queued');
    if (edit) return { chatId, edit };
  }
  return null;
}
