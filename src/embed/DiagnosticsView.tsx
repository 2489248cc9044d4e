import { useSyncExternalStore } from 'react';
import { useMessages } from '../i18n';
import type { HostBridge } from './hostBridge';
import { PROTOCOL_VERSION } from './protocol';
import '../i18n/embeddingTexts';

/** What the integrator needs when "nothing happens": who we talk to, and what we refused. */
export function DiagnosticsView({ bridge }: { bridge: HostBridge }) {
  const { t } = useMessages();
  const diagnostics = useSyncExternalStore(bridge.subscribeDiagnostics, bridge.getDiagnostics);
  // A landmark of its own, outside the panel's main: every part of the page is in one (axe: region).
  return (
    <aside aria-label={t('diagnostics.summary')}>
      <details className="diagnostics">
        <summary>
          {t('diagnostics.summary')}
          {diagnostics.rejected > 0 ? ` (${t('diagnostics.rejected')}: ${diagnostics.rejected})` : null}
        </summary>
        <dl className="diagnostics__list">
          <dt>{t('diagnostics.protocol')}</dt>
          <dd>{PROTOCOL_VERSION}</dd>
          <dt>{t('diagnostics.hostOrigin')}</dt>
          <dd>{diagnostics.hostOrigin ?? t('diagnostics.hostOriginUnknown')}</dd>
          <dt>{t('diagnostics.allowedOrigins')}</dt>
          <dd>{diagnostics.allowedOrigins.length > 0 ? diagnostics.allowedOrigins.join(', ') : t('diagnostics.none')}</dd>
          <dt>{t('diagnostics.accepted')}</dt>
          <dd>{diagnostics.accepted}</dd>
          <dt>{t('diagnostics.answeredWithError')}</dt>
          <dd>{diagnostics.answeredWithError}</dd>
          <dt>{t('diagnostics.rejected')}</dt>
          <dd>{diagnostics.rejected}</dd>
        </dl>
        {diagnostics.recentRejections.length > 0 ? (
          <>
            <p className="diagnostics__recent-heading">{t('diagnostics.recent')}</p>
            <ul aria-label={t('diagnostics.recent')} className="diagnostics__recent">
              {diagnostics.recentRejections.map((rejection, index) => (
                <li key={index}>{t(`diagnostics.reason.${rejection.reason}`, { origin: rejection.origin })}</li>
              ))}
            </ul>
          </>
        ) : null}
      </details>
    </aside>
  );
}
