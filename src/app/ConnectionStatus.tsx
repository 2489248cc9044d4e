import { useEffect, useState } from 'react';
import type { ConnectionStatus as Status } from '../gws';
import { useMessages, type Translate } from '../i18n';
import { useConnection, useRejectedNotifications } from '../store';
import '../i18n/panelTexts';

function label(t: Translate, status: Status, now: number): string {
  switch (status.kind) {
    case 'connecting':
      return t('connection.connecting');
    case 'live':
      return t('connection.live');
    case 'reconnecting': {
      // `now` ticks only while reconnecting; the first render of a new attempt may still hold
      // an older tick, which would show a countdown longer than the backoff itself.
      const seconds = Math.max(0, Math.ceil((status.since + status.retryInMs - Math.max(now, status.since)) / 1000));
      return seconds > 0 ? t('connection.reconnectingIn', { seconds }) : t('connection.reconnecting');
    }
    case 'session-expired':
      return t('connection.sessionExpired');
    case 'offline':
      return t('connection.offline');
  }
}

export function ConnectionStatus() {
  const status = useConnection();
  const rejected = useRejectedNotifications();
  const { t } = useMessages();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.kind !== 'reconnecting') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [status]);
  return (
    <div className={`connection connection--${status.kind}`}>
      <span role="status" className="connection__state">
        {label(t, status, now)}
      </span>
      {rejected.count > 0 ? (
        <span className="connection__rejected" title={rejected.last ?? undefined}>
          {t('connection.rejected', { count: rejected.count })}
        </span>
      ) : null}
    </div>
  );
}
