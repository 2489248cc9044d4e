import { lazy, Suspense, useEffect, useRef, useState, type ComponentType } from 'react';
import { CaseDataGrid, problemWording, gwsErrorWords, keyShown } from '../caseData';
import { toGwsError, useGwsClient } from '../gws';
import { labelFor, useMessages } from '../i18n';
import { ParticipantsList } from '../participants';
import { useActiveChatId, useChatEntry, useChatUnreadable, useConnection, useSavedWorkForgotten } from '../store';
import { ChatPicker } from './ChatPicker';
import { ConnectionStatus } from './ConnectionStatus';
import type { FocusKeyChannel } from './focusChannel';
import { useLiveSync } from './useLiveSync';
import { afterNextPaint } from '../shared/afterNextPaint';
import '../i18n/panelTexts';

// Not loaded (offline since the page loaded): nothing is said, the picker still marks the chat;
// a rejected lazy component would take the whole panel down with it.
const WriteNotices = lazy(() =>
  import('./WriteNotices').then(
    (module): { default: ComponentType } => ({ default: module.WriteNotices }),
    () => ({ default: () => null }),
  ),
);

/** The panel itself: status, chat picker, participants and the case-data grid of the active chat. */
export function CaseDataPanel({ focusChannel }: { focusChannel?: FocusKeyChannel }) {
  const chats = useLiveSync();
  const client = useGwsClient();
  const activeChatId = useActiveChatId();
  const entry = useChatEntry(activeChatId);
  const unreadable = useChatUnreadable(activeChatId);
  const { t } = useMessages();
  // Once a grid has painted (nothing to say before a write): React.lazy's fetch would otherwise
  // start with the first render, and the panel's first paint ("Loading chats…") comes before the grid's.
  // Or once there is something to say with no grid on screen: work kept from before a reload,
  // removed for a chat no longer listed, which may be the chat the page was opened on (exploratory test).
  const [painted, setPainted] = useState(false);
  const forgotten = useSavedWorkForgotten();
  const noticesDue = entry !== undefined || forgotten;
  useEffect(() => (noticesDue ? afterNextPaint(() => setPainted(true)) : undefined), [noticesDue]);
  const sessionExpired = useConnection().kind === 'session-expired';
  // How the error reads is a chunk of its own (as for the grid): asked for when a read fails,
  // the alert shown once it is there (or cannot be loaded: then in the error's own words).
  const wording = problemWording.useChunk();
  const loadWording = wording.load;
  // Said once worded (its raw kind, "status-code", was read out first: exploratory test), or once its words cannot load.
  const worded = wording.chunk.kind === 'loaded' || wording.chunk.kind === 'failed';
  // Asked again at each failure: one that could not be loaded (offline, as the read) is tried anew.
  useEffect(() => {
    if (chats.isError) loadWording();
  }, [chats.isError, chats.errorUpdatedAt, loadWording]);
  // Shown until a read succeeds: a first read tried again is "pending" meanwhile, not failed, and
  // the alert went with the focus on its Try again, back once the read failed again (keyboard test).
  const [lastError, setLastError] = useState<unknown>(null);
  useEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect -- mirrors the query's last error for the pending retry after it (one render more, on a failure only)
    if (chats.isError) setLastError(chats.error);
    else if (chats.isSuccess) setLastError(null);
  }, [chats.isError, chats.isSuccess, chats.error]);
  const failure = chats.isError ? chats.error : chats.isSuccess ? null : lastError;
  const error = failure === null ? null : toGwsError(failure);
  // Try again that worked takes its alert, and the focus on its button, away: the focus went to
  // the page (keyboard test). To the grid's cell instead, else the chat picker.
  const main = useRef<HTMLElement>(null);
  const retried = useRef(false);
  const failed = error !== null;
  useEffect(() => {
    if (failed || !retried.current) return;
    retried.current = false;
    const find = (selector: string) => main.current?.querySelector<HTMLElement>(selector);
    if (document.activeElement === document.body) (find('[role="grid"] [tabindex="0"]') ?? find('select'))?.focus();
  }, [failed]);

  return (
    <main className="panel" ref={main}>
      <header className="panel__header">
        <h1 className="panel__title">{t('panel.title')}</h1>
        {/* Failed from the first attempt that did, through the pauses between tries and the tries after, until a read succeeds:
            "Updating…" read on for the seventeen seconds of five failed tries over values that were not (exploratory test). */}
        <ConnectionStatus readFailed={chats.failureCount > 0 || chats.errorUpdatedAt > chats.dataUpdatedAt} />
      </header>
      <ChatPicker activeChatId={activeChatId} />
      {error && worded ? (
        <p className="panel__error">
          {/* Its words apart from its button, and new at each failure: a Try again that failed again
              said nothing, and the button keeps the focus (exploratory test). */}
          <span role="alert" key={chats.errorUpdatedAt}>
            {t('panel.loadFailed')} {sentence(gwsErrorWords(t, error))}
            {/* A browser says no more than "Failed to fetch" of a GWS elsewhere that refused CORS, or is
                not there: where it was looked for, and what to check (integrator's test). Not to an
                agent who is offline (review). */}
            {error.kind === 'network' && client.baseUrl !== '' && navigator.onLine ? ` ${t('panel.unreachableGws', { url: client.baseUrl, origin: window.location.origin })}` : null}
          </span>{' '}
          <button
            type="button"
            onClick={() => {
              retried.current = true;
              void chats.refetch();
            }}
          >
            {t('panel.tryAgain')}
          </button>
        </p>
      ) : null}
      {chats.isPending ? <p className="panel__loading">{t(sessionExpired ? 'panel.loadingWhenSession' : 'panel.loading')}</p> : null}
      {/* Listed by GWS, but not readable (a value nested too deeply): not "not this agent's", and not fresh. */}
      {unreadable && activeChatId ? (
        <p role="alert" className="panel__error">
          {t('panel.chatUnreadable', { chatId: activeChatId, reason: shortPath(unreadable) })}
        </p>
      ) : null}
      {chats.isSuccess && !entry && !unreadable ? (
        // Invisible characters in the id it was given shown as keys' are (a zero-width space named the chat in the picker: exploratory test).
        <p className="panel__empty">{activeChatId ? t('panel.chatUnknown', { chatId: keyShown(activeChatId, t) }) : t('panel.noActiveChat')}</p>
      ) : null}
      {/* Said when it changes: a chat the CRM opened (the focus lands on a value of another chat,
          which alone did not say so: keyboard test), or the chat ending. In the page while no chat
          is loaded too: a region that comes with its words is not read out (review). */}
      <p className="panel__chat-state" aria-live="polite">
        {entry && activeChatId ? (
          <>
            {t('panel.chatLabel', { chatId: activeChatId })} · <span className="panel__state">{labelFor(t, 'chatState', entry.chat.state)}</span>
          </>
        ) : null}
      </p>
      {entry && activeChatId ? (
        <>
          <ParticipantsList chatId={activeChatId} />
          <section aria-labelledby="case-data-heading" className="panel__case-data">
            <h2 id="case-data-heading" className="panel-heading">
              {t('panel.userDataHeading')}
            </h2>
            <CaseDataGrid chatId={activeChatId} registerFocusKey={focusChannel?.register} />
          </section>
        </>
      ) : null}
      {painted ? (
        <Suspense fallback={null}>
          <WriteNotices />
        </Suspense>
      ) : null}
    </main>
  );
}

/** Words that end as a sentence: the next one follows a full stop. */
const sentence = (words: string) => (/[.!?。؟]$/.test(words) ? words : `${words}.`);

/**
 * A path that repeats one step, counted: a value nested 33 levels read out all 33 (exploratory
 * test). `["d"]["d"]["d"]["d"]` reads `["d"]×4`.
 */
const shortPath = (reason: string) => reason.replace(/(\["(?:[^"\\]|\\.)*"\]|\[\d+\])\1{2,}/g, (steps, step: string) => `${step}×${steps.length / step.length}`);
