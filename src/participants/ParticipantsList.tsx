import { useChatEntry } from '../store';

export function ParticipantsList({ chatId }: { chatId: string }) {
  const participants = useChatEntry(chatId)?.chat.participants ?? [];
  return (
    <section className="participants" aria-labelledby="participants-heading">
      <h2 id="participants-heading" className="panel-heading">
        Participants
      </h2>
      {participants.length === 0 ? (
        <p className="participants__empty">Nobody has joined this chat.</p>
      ) : (
        <ul aria-label="Participants" className="participants__list">
          {participants.map((participant) => (
            <li key={participant.participantId} className={`participant participant--${participant.type.toLowerCase()}`}>
              <span className="participant__nickname">{participant.nickname || '(no nickname)'}</span>{' '}
              <span className="participant__type">{participant.type}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
