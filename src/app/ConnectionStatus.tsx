import { useEffect, useState } from 'react';
import type { ConnectionStatus as Status } from '../gws';
import { useConnection, useRejectedNotifications } from '../store';

function label(status: Status, now: number): string {
  switch (status.kind) {
    case 'connecting':
      return 'Connecting…';
    case 'live':
      return 'Live';
    case 'reconnecting': {
      const seconds = Math.max(0, Math.ceil((status.since + status.retryInMs - now) / 1000));
      return seconds > 0 ? `Reconnecting in ${seconds} s…` : 'Reconnecting…';
    }
    case 'session-expired':
      return 'Session expired: log in again to continue. Your edits are kept.';
    case 'offline':
      return 'Offline';
  }
}

export function ConnectionStatus() {
  const status = useConnection();
  const rejected = useRejectedNotifications();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.kind !== 'reconnecting') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [status]);
  return (
    <div className={`connection connection--${status.kind}`}>
      <span role="status" className="connection__state">
        {label(status, now)}
      </span>
      {rejected.count > 0 ? (
        <span className="connection__rejected" title={rejected.last ?? undefined}>
          {rejected.count} malformed notification{rejected.count === 1 ? '' : 's'} ignored
        </span>
      ) : null}
    </div>
  );
}
