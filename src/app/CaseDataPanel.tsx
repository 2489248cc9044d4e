import { CaseDataGrid } from '../caseData';
import { toGwsError } from '../gws';
import { labelFor, translateGwsError, useMessages } from '../i18n';
import { ParticipantsList } from '../participants';
import { useActiveChatId, useChatEntry } from '../store';
import { ChatPicker } from './ChatPicker';
import { ConnectionStatus } from './ConnectionStatus';
import type { FocusKeyChannel } from './focusChannel';
import { useLiveSync } from './useLiveSync';
import '../i18n/panelTexts';

/** The panel itself: status, chat picker, participants and the case-data grid of the active chat. */
export function CaseDataPanel({ focusChannel }: { focusChannel?: FocusKeyChannel }) {
  const chats = useLiveSync();
  const activeChatId = useActiveChatId();
  const entry = useChatEntry(activeChatId);
  const { t } = useMessages();

  return (
    <main className="panel">
      <header className="panel__header">
        <h1 className="panel__title">{t('panel.title')}</h1>
        <ConnectionStatus />
      </header>
      <ChatPicker activeChatId={activeChatId} />
      {chats.isError ? (
        <p role="alert" className="panel__error">
          {t('panel.loadFailed')} {translateGwsError(t, toGwsError(chats.error))}{' '}
          <button type="button" onClick={() => void chats.refetch()}>
            {t('panel.tryAgain')}
          </button>
        </p>
      ) : null}
      {chats.isPending ? <p className="panel__loading">{t('panel.loading')}</p> : null}
      {chats.isSuccess && !entry ? (
        <p className="panel__empty">{activeChatId ? t('panel.chatUnknown', { chatId: activeChatId }) : t('panel.noActiveChat')}</p>
      ) : null}
      {entry && activeChatId ? (
        <>
          <p className="panel__chat-state">
            {t('panel.chatLabel', { chatId: activeChatId })} · <span className="panel__state">{labelFor(t, 'chatState', entry.chat.state)}</span>
          </p>
          <ParticipantsList chatId={activeChatId} />
          <section aria-labelledby="case-data-heading" className="panel__case-data">
            <h2 id="case-data-heading" className="panel-heading">
              {t('panel.userDataHeading')}
            </h2>
            <CaseDataGrid chatId={activeChatId} registerFocusKey={focusChannel?.register} />
          </section>
        </>
      ) : null}
    </main>
  );
}
