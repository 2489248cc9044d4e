import { useMessages } from '../i18n';
import '../i18n/framingTexts';

/**
 * Loaded only when needed (embed/index.ts: loadFramingRefused). Shown instead of the panel when a page that is not allowed frames it (on a server that
 * does not send the frame-ancestors header): a clear reason, not a blank box. Nothing of
 * the agent's data loads: no GWS request, no notifications.
 */
export function FramingRefused({ origin, widgetUrl }: { origin: string | null; widgetUrl: string }) {
  const { t } = useMessages();
  return (
    <main className="framing-refused" aria-labelledby="framing-refused-title">
      <h1 id="framing-refused-title" className="panel__title">
        {t('framing.title')}
      </h1>
      <p>{origin ? t('framing.notAllowed', { origin }) : t('framing.unknownHost')}</p>
      <p>{t('framing.fix')}</p>
      <p>
        <a href={widgetUrl} target="_blank" rel="noopener noreferrer">
          {t('framing.openDirectly')}
        </a>
      </p>
    </main>
  );
}
