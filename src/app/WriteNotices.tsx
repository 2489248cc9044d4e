import { useEffect, useState } from 'react';
import { formatValue } from '../caseData';
import { useMessages, type Translate } from '../i18n';
import { isUnsettled, sameValue, useChatStoreApi, type ChatEntry, type ChatStoreState } from '../store';
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
      const keys = new Set(entry.pending.filter((edit) => isUnsettled(edit) && !known.has(edit.editId)).map((edit) => edit.key));
      if (keys.size > 0) lines.push(t('panel.otherChatProblem', { chat: chatName(entry), keys: [...keys].join(', ') }));
    }
    // Saved over another party's change that arrived while it was on its way (flagged
    // overtaken, chatEntry.ts): GWS took theirs first, then the agent's. Nothing could stop
    // it once sent; the agent is told whose value went, which the grid no longer shows.
    for (const edit of before.pending) {
      const value = entry.chat.userData.get(edit.key);
      const confirmed = edit.overtaken && edit.op !== 'delete' && !entry.pending.some((other) => other.editId === edit.editId) && sameValue(value, edit.value);
      const theirs = before.chat.userData.get(edit.key);
      if (confirmed && !sameValue(theirs, value)) lines.push(t('panel.savedOverOther', { key: edit.key, value: formatValue(theirs) }));
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
  const [said, setSaid] = useState('');
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.chats === previous.chats) return;
        const lines = writeNotices(state, previous, t);
        if (lines.length > 0) setSaid(lines.join(' '));
      }),
    [store, t],
  );
  return (
    <p className="visually-hidden" aria-live="polite">
      {said}
    </p>
  );
}
