import { useId, useRef, type KeyboardEvent } from 'react';
import { labelFor, useMessages } from '../i18n';
import { useChatActions, useChatMarks, useChatSummaries, useUnreadableChats } from '../store';
import '../i18n/panelTexts';
import { TYPE_AHEAD_PAUSE_MS, typeAheadMatch, typedCharacter } from '../shared/typeAhead';

/**
 * What can reorder the text after a nickname in a left-to-right option: right-to-left letters
 * (Hebrew to Arabic, their presentation forms, the historic scripts), direction marks and
 * controls. (A sign at a name's edge moves only in a right-to-left run: in a right-to-left
 * panel every name is isolated, below.)
 */
const REORDERS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200e\u200f\u202a-\u202e\u2066-\u2069\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

export function ChatPicker({ activeChatId }: { activeChatId: string | null }) {
  const chats = useChatSummaries();
  // Listed by GWS, unreadable: offered still, or a chat left after a reload could not be opened again (known gap until now).
  const unreadable = useUnreadableChats().filter(({ chatId }) => chatId !== null && !chats.some((chat) => chat.id === chatId));
  const marks = useChatMarks();
  const { chatOpened } = useChatActions();
  const { t, dir } = useMessages();
  const id = useId();
  const typed = useRef({ text: '', at: 0 });
  if (chats.length === 0 && unreadable.length === 0) return null;
  // The list's type-ahead, over the words shown (typeAhead.ts). On the closed list: an open one's
  // keys go to the browser's own list.
  const typeAhead = (event: KeyboardEvent<HTMLSelectElement>) => {
    const { key, timeStamp } = event;
    const last = typed.current;
    const text = timeStamp - last.at < TYPE_AHEAD_PAUSE_MS ? last.text + key : key;
    // A space begins no search (it opens the list), a shortcut is none.
    if (!typedCharacter(event) || text === ' ') return;
    event.preventDefault();
    typed.current = { text, at: timeStamp };
    const list = event.currentTarget;
    const found = list.options[typeAheadMatch([...list.options].map((option) => option.text), list.selectedIndex, text)];
    if (found && found.value !== list.value) chatOpened(found.value);
  };
  const listed = (chatId: string | null) => chats.some((chat) => chat.id === chatId) || unreadable.some((chat) => chat.chatId === chatId);
  return (
    <div className="chat-picker">
      <label htmlFor={id}>{t('chatPicker.label')}</label>
      <select id={id} value={listed(activeChatId) ? (activeChatId ?? '') : ''} onChange={(event) => chatOpened(event.target.value)} onKeyDown={typeAhead}>
        {listed(activeChatId) ? null : <option value="">{t('chatPicker.choose')}</option>}
        {chats.map((chat) => {
          const state = labelFor(t, 'chatState', chat.state);
          const mark = marks.get(chat.id);
          // The customer chose the nickname: isolated (FSI … PDI) when it could reorder the text after
          // it, its direction marks kept inside it (a right-to-left override reversed the state and
          // the chat id after it); always in a right-to-left panel, where any name's edges can move.
          // Only then: an option that begins with an isolate is out of the reach of the browser's
          // own type-ahead in the open list ("maria" typed on the list found nothing: exploratory test).
          const customer = chat.customer && (dir === 'rtl' || REORDERS.test(chat.customer)) ? `\u2068${chat.customer}\u2069` : chat.customer;
          return (
            <option key={chat.id} value={chat.id}>
              {customer ? t('chatPicker.option', { customer, state, chatId: chat.id }) : t('chatPicker.optionNoCustomer', { state, chatId: chat.id })}
              {/* A chat off screen with work to settle or to save is told apart before it is opened. */}
              {mark ? ` · ${t(mark === 'refused' ? 'chatPicker.notSaved' : 'chatPicker.unsaved')}` : null}
            </option>
          );
        })}
        {unreadable.map(({ chatId }) => (
          <option key={chatId} value={chatId ?? ''}>
            {t('chatPicker.optionUnreadable', { chatId: chatId ?? '' })}
          </option>
        ))}
      </select>
    </div>
  );
}
