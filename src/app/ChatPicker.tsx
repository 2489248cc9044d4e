import { useId } from 'react';
import { labelFor, useMessages } from '../i18n';
import { useChatActions, useChatMarks, useChatSummaries } from '../store';
import '../i18n/panelTexts';

export function ChatPicker({ activeChatId }: { activeChatId: string | null }) {
  const chats = useChatSummaries();
  const marks = useChatMarks();
  const { chatOpened } = useChatActions();
  const { t } = useMessages();
  const id = useId();
  if (chats.length === 0) return null;
  return (
    <div className="chat-picker">
      <label htmlFor={id}>{t('chatPicker.label')}</label>
      <select id={id} value={chats.some((chat) => chat.id === activeChatId) ? (activeChatId ?? '') : ''} onChange={(event) => chatOpened(event.target.value)}>
        {chats.some((chat) => chat.id === activeChatId) ? null : <option value="">{t('chatPicker.choose')}</option>}
        {chats.map((chat) => {
          const state = labelFor(t, 'chatState', chat.state);
          const mark = marks.get(chat.id);
          // The customer chose the nickname: isolated (FSI … PDI), its direction marks stay inside it
          // (a right-to-left override reversed the state and the chat id after it).
          return (
            <option key={chat.id} value={chat.id}>
              {chat.customer ? t('chatPicker.option', { customer: `\u2068${chat.customer}\u2069`, state, chatId: chat.id }) : t('chatPicker.optionNoCustomer', { state, chatId: chat.id })}
              {/* A chat off screen with work to settle or to save is told apart before it is opened. */}
              {mark ? ` · ${t(mark === 'refused' ? 'chatPicker.notSaved' : 'chatPicker.unsaved')}` : null}
            </option>
          );
        })}
      </select>
    </div>
  );
}
