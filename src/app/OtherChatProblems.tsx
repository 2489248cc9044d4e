import { useEffect, useState } from 'react';
import { useMessages } from '../i18n';
import { isUnsettled, useChatStoreApi, type ChatEntry } from '../store';
import '../i18n/panelTexts';

/** A chat as the agent knows it: by its customer, else by its id. */
const chatName = (entry: ChatEntry) => entry.chat.participants.find((participant) => participant.type === 'Customer')?.nickname || entry.chat.id;

/**
 * A write refused or overtaken in a chat other than the one on screen (the agent switched
 * while it was on its way), said in a live region of its own: the grid says only its own
 * chat's, and the agent would otherwise learn of it only on opening that chat. The picker
 * marks that chat too (useChatMarks). A chunk of its own, mounted after the first paint
 * (CaseDataPanel): it has nothing to say before a write has been made.
 */
export function OtherChatProblems() {
  const store = useChatStoreApi();
  const { t } = useMessages();
  const [said, setSaid] = useState('');
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.chats === previous.chats) return;
        const lines: string[] = [];
        for (const [chatId, entry] of state.chats) {
          const before = previous.chats.get(chatId);
          if (chatId === state.activeChatId || entry === before) continue;
          const known = new Set(before?.pending.filter(isUnsettled).map((edit) => edit.editId));
          const keys = entry.pending.filter((edit) => isUnsettled(edit) && !known.has(edit.editId)).map((edit) => edit.key);
          if (keys.length > 0) lines.push(t('panel.otherChatProblem', { chat: chatName(entry), keys: [...new Set(keys)].join(', ') }));
        }
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
