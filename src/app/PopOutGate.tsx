import { useEffect, useState } from 'react';
import type { StorageCheck, Theme } from '../embed';
import { checkStorageAccess, openPopOut, popOutUrl, PopOutOffer, requestStorageAccess } from '../embed/host';
import type { Locale } from '../i18n';
import { useActiveChatId, useAnyUnsaved, useConnection } from '../store';

type PopOutGateProps = {
  /** The widget's own URL; the gate renders only when set (framed, pop-out allowed). */
  readonly widgetUrl: string;
  readonly theme: Theme;
  readonly locale: Locale;
};

/**
 * Offers the pop-out when the browser blocks cookies or storage in the frame, or when the
 * session looks expired inside it (which, in a frame, often means the same thing).
 */
export function PopOutGate({ widgetUrl, theme, locale }: PopOutGateProps) {
  const connection = useConnection();
  const activeChatId = useActiveChatId();
  const unsaved = useAnyUnsaved();
  const [storage, setStorage] = useState<StorageCheck>({ kind: 'ok' });

  useEffect(() => {
    let current = true;
    void checkStorageAccess(window).then((result) => {
      if (current) setStorage(result);
    });
    return () => {
      current = false;
    };
  }, []);

  const reason = storage.kind === 'blocked' ? 'blocked' : connection.kind === 'session-expired' ? 'maybe-blocked' : null;
  if (!reason) return null;
  return (
    <PopOutOffer
      reason={reason}
      unsaved={unsaved}
      onRequestAccess={storage.kind === 'needs-permission' ? () => requestStorageAccess(window) : null}
      onOpen={() => openPopOut(window, popOutUrl(widgetUrl, { chatId: activeChatId, locale, theme: theme.mode, density: theme.tokens.density }))}
    />
  );
}
