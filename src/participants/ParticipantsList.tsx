import { labelFor, useMessages } from '../i18n';
import { useChatEntry } from '../store';

export function ParticipantsList({ chatId }: { chatId: string }) {
  const participants = useChatEntry(chatId)?.chat.participants ?? [];
  const { t } = useMessages();
  return (
    <section className="participants" aria-labelledby="participants-heading">
      <h2 id="participants-heading" className="panel-heading">
        {t('participants.heading')}
      </h2>
      {participants.length === 0 ? (
        <p className="participants__empty">{t('participants.none')}</p>
      ) : (
        <ul aria-label={t('participants.heading')} className="participants__list">
          {participants.map((participant) => (
            <li key={participant.participantId} className={`participant participant--${participant.type.toLowerCase()}`}>
              <span className="participant__nickname">{participant.nickname || t('participants.noNickname')}</span>{' '}
              <span className="participant__type">{labelFor(t, 'participantType', participant.type)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
