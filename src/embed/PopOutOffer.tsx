import { useState } from 'react';
import { useMessages } from '../i18n';
import '../i18n/embeddingTexts';

export type PopOutReason = 'blocked' | 'maybe-blocked';

type PopOutOfferProps = {
  readonly reason: PopOutReason;
  /** Offered when the browser supports the Storage Access API. */
  readonly onRequestAccess: (() => Promise<boolean>) | null;
  readonly onOpen: () => void;
};

/** The way out when the browser keeps the GWS session cookie from the panel inside the CRM. */
export function PopOutOffer({ reason, onRequestAccess, onOpen }: PopOutOfferProps) {
  const { t } = useMessages();
  const [denied, setDenied] = useState(false);
  return (
    <section className="pop-out" aria-label={t('popOut.open')}>
      <p className="pop-out__reason">{reason === 'blocked' ? t('popOut.blockedStorage') : t('popOut.maybeBlocked')}</p>
      <div className="pop-out__actions">
        <button type="button" onClick={onOpen}>
          {t('popOut.open')}
        </button>
        {onRequestAccess && !denied ? (
          <button type="button" onClick={() => void onRequestAccess().then((granted) => setDenied(!granted))}>
            {t('popOut.allowAccess')}
          </button>
        ) : null}
      </div>
      {denied ? <p className="pop-out__denied">{t('popOut.accessDenied')}</p> : null}
    </section>
  );
}
