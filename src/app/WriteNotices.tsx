import { useEffect, useState } from 'react';
import { formatValue } from '../caseData';
import { useMessages, type Translate } from '../i18n';
import { isUnsettled, snapshotShows, useChatStoreApi, type ChatEntry, type ChatStoreState } from '../store';
import '../i18n/panelTexts';

/** A chat as the agent knows it: by its customer, else by its id. */
const chatName = (entry: ChatEntry) => entry.chat.participants.find((participant) => participant.type === 'Customer')?.nickname || entry.chat.id;

/** What the grid does not say of the agent's writes, in sentences for the panel's live region. */
export function writeNotices(state: ChatStoreState, previous: ChatStoreState, t: Translate): string[] {
  const lines: string[] = [];
  for (const [chatId, entry] of state.chats) {
    const before = previous.chats.get(chatId);
    if (!before || entry === before) continue;
    // Refused or overtaken in a chat not on screen (the agent switched while it was on its
    // way): the grid says only its own chat's, and the agent would learn of it only on opening
    // that chat (the picker marks it too: useChatMarks).
    if (chatId !== state.activeChatId) {
      const known = new Set(before.pending.filter(isUnsettled).map((edit) => edit.editId));
      const keys = new Set(entry.pending.filter((edit) => isUnsettled(edit) && !known.has(edit.editId)).map((edit) => (edit.key === '' ? t('caseData.emptyKey') : edit.key)));
      if (keys.size > 0) lines.push(t('panel.otherChatProblem', { chat: chatName(entry), keys: [...keys].join(', ') }));
    }
    // Saved over another party's change that arrived while it was on its way (flagged
    // overtaken, with their value, chatEntry.ts): GWS took theirs first, then the agent's.
    // Nothing could stop it once sent; the agent is told whose value went, which the grid no
    // longer shows. (The server showing another value by then: theirs came last, and shows.)
    for (const edit of before.pending) {
      if (!edit.overtaken || entry.pending.some((other) => other.editId === edit.editId) || !snapshotShows(entry.chat, edit)) continue;
      const { theirs } = edit.overtaken;
      const key = edit.key === '' ? t('caseData.emptyKey') : edit.key;
      if (theirs === undefined) lines.push(t('panel.savedOverDelete', { key }));
      else lines.push(t(edit.op === 'delete' ? 'panel.deletedOverOther' : 'panel.savedOverOther', { key, value: formatValue(theirs) || t('caseData.emptyValue') }));
    }
  }
  return lines;
}

/**
 * The panel's live region for `writeNotices`. A chunk of its own, mounted after the first
 * paint (CaseDataPanel): it has nothing to say before a write has been made.
 */
export function WriteNotices() {
  const store = useChatStoreApi();
  const { t } = useMessages();
  // Counted: the same sentence again is a new text, read out again.
  const [said, setSaid] = useState({ text: '', count: 0 });
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.chats === previous.chats) return;
        const lines = writeNotices(state, previous, t);
        if (lines.length > 0) setSaid(({ count }) => ({ text: lines.join(' '), count: count + 1 }));
      }),
    [store, t],
  );
  return (
    <p className="visually-hidden" aria-live="polite">
      {said.text}
      {said.count % 2 === 0 ? '' : '\u00a0'}
    </p>
  );
}
