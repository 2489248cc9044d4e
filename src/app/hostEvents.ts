// What the host hears about, derived from store changes: the store already records every
// event (a snapshot, a write accepted or failed, a chat opened), so the host's events are
// differences between two store states. Pure, so each rule is unit-tested on its own.

import type { UserDataValue } from '../gws';
import { translateEnglish } from '../i18n';
import { gwsErrorWords } from '../caseData';
import type { UserDataChange, WidgetEvent, WidgetState } from '../embed';
// Dirty, what a CRM warns about before navigating away, is the store's unsaved work
// (store/unsavedWork.ts unsavedChatIds): open drafts, writes not yet accepted, and chats a
// previous page saved that are not read yet.
import { deriveRows, isChatUnsaved, isEditedDraft, sameValue, unsavedChatIds, type ChatEntry, type ChatStoreState, type UserDataRow } from '../store';

export function hostEventsBetween(previous: ChatStoreState, next: ChatStoreState): WidgetEvent[] {
  const events: WidgetEvent[] = [];
  if (previous.activeChatId !== next.activeChatId) events.push({ type: 'activeChatChanged', chatId: next.activeChatId });
  if (previous.connection.kind !== next.connection.kind) events.push({ type: 'connectionChanged', status: next.connection.kind });
  if (previous.chats === next.chats && previous.unreadSaved === next.unreadSaved) return events;
  // Runs on every store change (each keystroke in an editor): only the chats that changed are looked at.
  const touched = new Set([...previous.unreadSaved, ...next.unreadSaved]);
  for (const [chatId, entry] of next.chats) {
    const before = previous.chats.get(chatId);
    if (before === entry) continue;
    touched.add(chatId);
    // A CRM closes its case when the chat ends (integrator's test: it had to poll getState). A
    // chat seen for the first time is not a change (the first read brings every chat): getState lists it.
    if (before && before.chat.state !== entry.chat.state) events.push({ type: 'chatStateChanged', chatId, state: entry.chat.state, previousState: before.chat.state });
    events.push(...userDataEvents(chatId, before, entry));
    events.push(...saveFailures(chatId, before, entry));
  }
  for (const chatId of previous.chats.keys()) if (!next.chats.has(chatId)) touched.add(chatId);
  // Dirty or not, chat by chat: a chat saved by a previous page and not read yet counts.
  for (const chatId of touched) {
    const dirty = isChatUnsaved(next, chatId);
    if (isChatUnsaved(previous, chatId) !== dirty) events.push({ type: 'dirtyStateChanged', chatId, dirty });
  }
  return events;
}


/**
 * What a host that has just heard `ready` is told at once, beyond what `getState` answers:
 * the bridge loads after the first paint, so the connection may be up (or the session
 * expired), a draft restored after a reload, a write refused, before it could hear a
 * change. As changes from a start that knew nothing: no chat, still connecting.
 */
export function catchUpEvents(state: ChatStoreState): WidgetEvent[] {
  return hostEventsBetween({ ...state, chats: new Map(), unreadSaved: new Set(), connection: { kind: 'connecting' } }, state);
}

function userDataEvents(chatId: string, before: ChatEntry | undefined, entry: ChatEntry): WidgetEvent[] {
  // A chat seen for the first time is not a change: the host reads it with getState.
  if (!before || before.chat.userData === entry.chat.userData) return [];
  const agent: UserDataChange[] = [];
  const server: UserDataChange[] = [];
  for (const change of diffUserData(before.chat.userData, entry.chat.userData)) {
    (isAgentWrite(change, before, entry) ? agent : server).push(change);
  }
  const events: WidgetEvent[] = [];
  if (agent.length > 0) events.push({ type: 'userDataChanged', chatId, changes: agent, source: 'agent' });
  if (server.length > 0) events.push({ type: 'userDataChanged', chatId, changes: server, source: 'server' });
  return events;
}

/** The change shows what one of the agent's writes on that key asked for (before or after it was confirmed). */
function isAgentWrite(change: UserDataChange, before: ChatEntry, entry: ChatEntry): boolean {
  return [...before.pending, ...entry.pending].some((write) => {
    if (write.key !== change.key) return false;
    if (write.op === 'delete') return change.kind === 'removed';
    return change.kind !== 'removed' && sameValue(write.value, change.value);
  });
}

function diffUserData(before: ReadonlyMap<string, UserDataValue>, after: ReadonlyMap<string, UserDataValue>): UserDataChange[] {
  const changes: UserDataChange[] = [];
  for (const [key, value] of after) {
    if (!before.has(key)) changes.push({ key, kind: 'added', value, previousValue: null });
    else {
      const previousValue = before.get(key) ?? null;
      if (!sameValue(previousValue, value)) changes.push({ key, kind: 'changed', value, previousValue });
    }
  }
  for (const [key, previousValue] of before) {
    if (!after.has(key)) changes.push({ key, kind: 'removed', value: null, previousValue });
  }
  return changes;
}

function saveFailures(chatId: string, before: ChatEntry | undefined, entry: ChatEntry): WidgetEvent[] {
  const failedBefore = new Set(before?.pending.filter((write) => write.status === 'failed').map((write) => write.editId));
  return entry.pending
    .filter((write) => write.status === 'failed' && !failedBefore.has(write.editId))
    .map((write) => ({
      type: 'saveFailed' as const,
      chatId,
      key: write.key,
      operation: write.op,
// In English words from the problems' chunk (a failed write has loaded it), through its loader: importing
// them made a chunk this one and that one share, which one failed fetch kept from loading (exploratory test).
      error: write.error ? { kind: write.error.kind, message: gwsErrorWords(translateEnglish, write.error) } : { kind: 'unknown', message: 'Not saved' },
    }));
}

/**
 * A row the grid shows with no value behind it is no key of userData: a draft of a key
 * another party deleted (the draft is in `drafts`), a delete of such a key on its way. It
 * read as holding `null`, a value GWS can hold (review).
 */
const holdsValue = (row: UserDataRow) => row.serverValue !== undefined || (row.pending !== undefined && row.pending.op !== 'delete');

export function widgetState(state: ChatStoreState, appearance: { readonly locale: string; readonly theme: WidgetState['theme'] }): WidgetState {
  const entry = state.activeChatId ? state.chats.get(state.activeChatId) : undefined;
  return {
    activeChatId: state.activeChatId,
    chatState: entry?.chat.state ?? null,
    // fromEntries defines own properties: a key such as "__proto__" stays data.
    userData: entry ? Object.fromEntries(deriveRows(entry).filter(holdsValue).map((row) => [row.key, row.value])) : null,
    drafts: entry ? Object.fromEntries([...entry.drafts].filter(([, draft]) => isEditedDraft(draft)).map(([key, draft]) => [key, draft.text])) : null,
    chats: [...state.chats.values()].map((chatEntry) => ({ chatId: chatEntry.chat.id, state: chatEntry.chat.state })),
    dirtyChatIds: [...unsavedChatIds(state)],
    connection: state.connection.kind,
    locale: appearance.locale,
    theme: appearance.theme,
  };
}
