import { useId } from 'react';
import { useChatActions, useChatSummaries } from '../store';

export function ChatPicker({ activeChatId }: { activeChatId: string | null }) {
  const chats = useChatSummaries();
  const { chatOpened } = useChatActions();
  const id = useId();
  if (chats.length === 0) return null;
  return (
    <div className="chat-picker">
      <label htmlFor={id}>Chat</label>
      <select id={id} value={chats.some((chat) => chat.id === activeChatId) ? (activeChatId ?? '') : ''} onChange={(event) => chatOpened(event.target.value)}>
        {chats.some((chat) => chat.id === activeChatId) ? null : <option value="">Choose a chat</option>}
        {chats.map((chat) => (
          <option key={chat.id} value={chat.id}>
            {chat.customer ? `${chat.customer} · ` : ''}
            {chat.state} · {chat.id}
          </option>
        ))}
      </select>
    </div>
  );
}
