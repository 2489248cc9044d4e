import { useEffect, useState } from 'react';
import type { ConnectionStatus as Status } from '../gws';
import { useMessages, type Translate } from '../i18n';
import { useConnection, useOutboxOpen, useRejectedNotifications } from '../store';
import '../i18n/panelTexts';

function label(t: Translate, status: Status): string {
  switch (status.kind) {
    case 'connecting':
      return t('connection.connecting');
    case 'live':
      return t('connection.live');
    case 'reconnecting':
      return t('connection.reconnecting');
    case 'session-expired':
      return t('connection.sessionExpired');
    case 'offline':
      return t('connection.offline');
  }
}

/** `readFailed`: the chats' read has failed, and none has succeeded since (it may be being tried again). */
export function ConnectionStatus({ readFailed = false }: { readonly readFailed?: boolean }) {
  const status = useConnection();
  // Connected, but the chats not yet read again (a read that keeps failing after an outage
  // keeps it so): what changed meanwhile is not on screen yet, so the panel is not "Live".
  // Nor "Updating…" once that read has failed: what is shown may stay old for a while (exploratory tests).
  const readAgain = useOutboxOpen();
  const updating = status.kind === 'live' && !readAgain;
  const rejected = useRejectedNotifications();
  const { t } = useMessages();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.kind !== 'reconnecting') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [status]);
  // `now` ticks only while reconnecting; the first render of a new attempt may still hold
  // an older tick, which would show a countdown longer than the backoff itself.
  const seconds = status.kind === 'reconnecting' ? Math.ceil((status.since + status.retryInMs - Math.max(now, status.since)) / 1000) : 0;
  return (
    <div className={`connection connection--${updating ? 'updating' : status.kind}`}>
      <span className="connection__state">
        {/* A polite live region reads out every change to its text: with the countdown in it, a
            screen reader would talk over the agent every second. It holds the state alone, out of
            sight while the countdown (which repeats the state) is shown in its place. */}
        <span role="status" className={seconds > 0 ? 'visually-hidden' : undefined}>
          {updating ? t(readFailed ? 'connection.notUpToDate' : 'connection.updating') : label(t, status)}
        </span>
        {seconds > 0 ? <span aria-hidden>{t('connection.reconnectingIn', { seconds })}</span> : null}
      </span>
      {rejected.count > 0 ? (
        <span className="connection__rejected" title={rejected.last ?? undefined}>
          {t('connection.rejected', { count: rejected.count })}
        </span>
      ) : null}
    </div>
  );
}
