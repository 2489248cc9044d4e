import { useMessages } from '../i18n';
import '../i18n/framingTexts';

// The pages shown instead of the panel, loaded only when needed (embed/index.ts:
// loadFramingRefused): one module, so that they and their texts are one chunk.

/**
 * Shown instead of the panel when a page that is not allowed frames it (on a server that
 * does not send the frame-ancestors header): a clear reason, not a blank box. Nothing of
 * the agent's data loads: no GWS request, no notifications.
 */
type FramingRefusedProps = {
  readonly origin: string | null;
  /** The panel on its own page, with what it was opened on (popOut.ts; worked out by the first render's code, see there). */
  readonly popOutHref: string;
  /** Problems with allowedHostOrigins' entries: why a page that looks listed is refused (a trailing slash, a path). */
  readonly ignored?: readonly string[];
};

export function FramingRefused({ origin, popOutHref, ignored = [] }: FramingRefusedProps) {
  const { t } = useMessages();
  return (
    <main className="framing-refused" aria-labelledby="framing-refused-title">
      <h1 id="framing-refused-title" className="panel__title">
        {t('framing.title')}
      </h1>
      {/* A sandboxed page's opaque origin, "null", is no origin a list can take (review): its own text says what to do, as an unknown page's does. */}
      <p>{origin === 'null' ? t('framing.sandboxedHost') : origin ? t('framing.notAllowed', { origin }) : t('framing.unknownHost')}</p>
      {origin && origin !== 'null' ? <p>{t('framing.fix')}</p> : null}
      {/* Said where the integrator looks: it was only in the frame's console (integrator's test). */}
      {ignored.length > 0 ? (
        <>
          <p>{t('framing.ignored')}</p>
          <ul>
            {/* English whatever the panel's language (not translated): laid out and read as English in an Arabic panel too (review). */}
            {ignored.map((problem) => (
              <li key={problem} dir="ltr" lang="en">
                {problem}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        {/* On the chat the page asked for, in its language and theme: the agent is in the middle of it. */}
        <a href={popOutHref} target="_blank" rel="noopener noreferrer">
          {t('framing.openDirectly')}
        </a>
      </p>
    </main>
  );
}

type ConfigUnreadableProps = {
  /** Why, in English (widgetConfig.ts): what an administrator looks up. */
  readonly reason: string;
  readonly tryAgain: () => void;
};

/**
 * Shown instead of the panel when its config.json is there but cannot be read, after the tries
 * a passing failure gets (widgetConfig.ts). Nothing of the agent's data loads: started on the
 * defaults instead, the keys the file keeps read-only or hidden were open to editing.
 */
export function ConfigUnreadable({ reason, tryAgain }: ConfigUnreadableProps) {
  const { t } = useMessages();
  return (
    <main className="framing-refused" aria-labelledby="config-unreadable-title">
      <h1 id="config-unreadable-title" className="panel__title">
        {t('configUnreadable.title')}
      </h1>
      <p>{t('configUnreadable.why')}</p>
      {/* English whatever the panel's language, as the other page's problems. */}
      <p dir="ltr" lang="en">
        {reason}
      </p>
      <p>{t('configUnreadable.fix')}</p>
      <button type="button" onClick={tryAgain}>
        {t('configUnreadable.tryAgain')}
      </button>
    </main>
  );
}
