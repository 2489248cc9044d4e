import { useEffect, useRef, useState } from 'react';
import type { Participant } from '../gws';
import { labelFor, useMessages, type Translate } from '../i18n';
import { useChatEntry } from '../store';
import '../i18n/panelTexts';

const NONE: readonly Participant[] = [];

/** "Sam joined the chat." / "Sam left the chat." for the difference between two snapshots. */
export function participantChanges(t: Translate, before: readonly Participant[], after: readonly Participant[]): string {
  const ids = (list: readonly Participant[]) => new Set(list.map((participant) => participant.participantId));
  const was = ids(before);
  const now = ids(after);
  const name = (participant: Participant) => participant.nickname || t('participants.noNickname');
  return [
    ...after.filter((participant) => !was.has(participant.participantId)).map((participant) => t('participants.joined', { name: name(participant) })),
    ...before.filter((participant) => !now.has(participant.participantId)).map((participant) => t('participants.left', { name: name(participant) })),
  ].join(' ');
}

/**
 * Joins and leaves are announced politely, and only as they happen in the chat on screen:
 * opening another chat announces nothing.
 */
function useParticipantAnnouncement(chatId: string, participants: readonly Participant[], t: Translate) {
  const seen = useRef<{ chatId: string; participants: readonly Participant[]; t: Translate } | null>(null);
  // Counted: the same sentence again (a second "Guest joined") is a new node, read out again (review).
  const [announcement, setAnnouncement] = useState({ text: '', count: 0 });
  useEffect(() => {
    const previous = seen.current;
    seen.current = { chatId, participants, t };
    // Another chat, or another language (what was said stayed, in the old one, under the new `lang`: exploratory test).
    if (!previous || previous.chatId !== chatId || (previous.t !== t && previous.participants === participants)) {
      setAnnouncement((said) => ({ text: '', count: said.count }));
      return;
    }
    if (previous.participants === participants) return;
    const text = participantChanges(t, previous.participants, participants);
    if (text) setAnnouncement((said) => ({ text, count: said.count + 1 }));
  }, [chatId, participants, t]);
  return announcement;
}

export function ParticipantsList({ chatId }: { chatId: string }) {
  const participants = useChatEntry(chatId)?.chat.participants ?? NONE;
  const { t } = useMessages();
  const announcement = useParticipantAnnouncement(chatId, participants, t);
  return (
    <section className="participants" aria-labelledby="participants-heading">
      <p className="visually-hidden" aria-live="polite" aria-atomic>
        {announcement.text ? <span key={announcement.count}>{announcement.text}</span> : null}
      </p>
      <h2 id="participants-heading" className="panel-heading">
        {t('participants.heading')}
      </h2>
      {participants.length === 0 ? (
        <p className="participants__empty">{t('participants.none')}</p>
      ) : (
        <ul aria-label={t('participants.heading')} className="participants__list">
          {/* By place, not by participantId: an id the list repeats (malformed) kept a participant on screen after they left (review). An item is its text alone. */}
          {participants.map((participant, index) => (
            <li key={index} className={`participant participant--${participant.type.toLowerCase().replace(/[^a-z]/g, '')}`}>
              <span className="participant__nickname">{participant.nickname || t('participants.noNickname')}</span>{' '}
              <span className="participant__type">{labelFor(t, 'participantType', participant.type)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
