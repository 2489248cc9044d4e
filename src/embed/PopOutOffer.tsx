import { useState } from 'react';
import { useMessages } from '../i18n';
import '../i18n/embeddingTexts';

export type PopOutReason = 'blocked' | 'maybe-blocked';

type PopOutOfferProps = {
  readonly reason: PopOutReason;
  /** The agent has drafts or writes not yet saved, which a new window would not have. */
  readonly unsaved: boolean;
  /** Offered when the browser supports the Storage Access API. */
  readonly onRequestAccess: (() => Promise<boolean>) | null;
  readonly onOpen: () => void;
};

/** The way out when the browser keeps the GWS session cookie from the panel inside the CRM. */
export function PopOutOffer({ reason, unsaved, onRequestAccess, onOpen }: PopOutOfferProps) {
  const { t } = useMessages();
  const [denied, setDenied] = useState(false);
  return (
    <section className="pop-out" aria-label={t('popOut.open')}>
      <p className="pop-out__reason">{reason === 'blocked' ? t('popOut.blockedStorage') : t('popOut.maybeBlocked')}</p>
      {/* The browser keeps a frame's storage apart from a window's: drafts and queued writes do not travel. */}
      {unsaved ? <p className="pop-out__reason">{t('popOut.unsavedStay')}</p> : null}
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
