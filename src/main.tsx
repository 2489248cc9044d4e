// First: its request for config.json starts before the rest of the bundle evaluates.
import { configRequest } from './embed/configRequest';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/createQueryClient';
import { startFirstRead } from './app/useLiveSync';
import { parseCaseDataConfig } from './caseData';
import { detectFraming, formatConfigProblem, isFramed, listenToHost, loadFramingRefused, loadWidgetConfig, popOutUrl } from './embed';
import { createGwsClient } from './gws';
import { I18nProvider, loadCatalog, type Locale } from './i18n';
import { createChatStore, sessionDraftStorage } from './store';
import './app/styles.css';

// Listening starts before the configuration loads: a host that posts right after the
// iframe's load event must not lose its first message (the inbox keeps it for the bridge,
// which loads after the first paint).
const inbox = isFramed(window) ? listenToHost(window) : null;

/**
 * How long the first render waits for a language other than English. Its catalogue is
 * fetched while the chats are read (the grid cannot paint before they arrive anyway), so
 * the panel opens in its language instead of English for a moment. Slower than this (or
 * failing), the panel starts in English and switches when it arrives (I18nProvider).
 */
const CATALOGUE_WAIT_MS = 300;

async function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const load = await loadWidgetConfig(window.location.search, configRequest);
  if (load.kind === 'unreadable') {
    showConfigUnreadable(root, load.reason, load.locale);
    return;
  }
  const { config, problems } = load;
  const caseData = parseCaseDataConfig(config.caseData);
  const readable = [
    ...problems.map(formatConfigProblem),
    ...caseData.problems.map((problem) => formatConfigProblem({ source: 'config.json', ...problem })),
  ];
  for (const problem of readable) console.warn(`Case Data Panel configuration: ${problem}`);

  const catalogue =
    config.locale === 'en'
      ? null
      : Promise.race([loadCatalog(config.locale).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CATALOGUE_WAIT_MS))]);
  const framing = detectFraming(window, config.allowedHostOrigins);
  const widgetUrl = `${window.location.origin}${window.location.pathname}`;
  document.documentElement.lang = config.locale;
  if (framing.kind === 'framed' && framing.refused) {
    inbox?.close();
    const [refusal] = await Promise.all([loadFramingRefused().catch(() => null), catalogue]);
    // Its chunk could not be loaded (a redeploy, the network): a blank box would say nothing.
    if (!refusal) {
      root.textContent = framing.refusedOrigin === null || framing.refusedOrigin === 'null' ? 'The Case Data Panel cannot tell which page embeds it, so it shows nothing here.' : `This page (${framing.refusedOrigin}) is not allowed to embed the Case Data Panel.`;
      return;
    }
    const { FramingRefused } = refusal;
    createRoot(root).render(
      <I18nProvider locale={config.locale}>
        <FramingRefused
          origin={framing.refusedOrigin}
          popOutHref={popOutUrl(widgetUrl, { chatId: config.chatId, locale: config.locale, theme: config.theme.mode, density: config.theme.tokens.density })}
          ignored={problems.filter((problem) => problem.field.startsWith('allowedHostOrigins')).map((problem) => `${problem.field}: ${problem.message}`)}
        />
      </I18nProvider>,
    );
    return;
  }

  const client = createGwsClient({ baseUrl: config.gwsBaseUrl, credentials: config.credentials });
  const queryClient = createQueryClient();
  const store = createChatStore({ activeChatId: config.chatId, storage: sessionDraftStorage() });
  startFirstRead({ client, store, queryClient });
  await catalogue;
  createRoot(root).render(
    <StrictMode>
      <App
        client={client}
        queryClient={queryClient}
        store={store}
        host={inbox && { inbox, allowedOrigins: config.allowedHostOrigins, ancestorOrigins: framing.kind === 'framed' ? framing.ancestorOrigins : [] }}
        initialTheme={config.theme}
        initialLocale={config.locale}
        configProblems={readable}
        caseDataConfig={caseData.config}
        popOutUrl={framing.kind === 'framed' && config.popOut ? widgetUrl : null}
        ownsDocument
      />
    </StrictMode>,
  );
}

/**
 * Instead of the panel, when config.json cannot be read (widgetConfig.ts). The host hears
 * nothing: without the file, no page is known to be allowed to (its SDK's notice says the
 * panel did not start); the frame says why, where the integrator looks.
 */
function showConfigUnreadable(root: HTMLElement, reason: string, locale: Locale) {
  console.error(`Case Data Panel: ${reason}; the panel does not start until it can be read.`);
  inbox?.close();
  const tryAgain = () => window.location.reload();
  document.documentElement.lang = locale;
  void Promise.all([loadFramingRefused().catch(() => null), loadCatalog(locale).catch(() => undefined)]).then(([pages]) => {
    // Its chunk could not be loaded either: the words, at least.
    if (!pages) {
      root.textContent = `The Case Data Panel cannot start: its ${reason}.`;
      return;
    }
    const { ConfigUnreadable } = pages;
    createRoot(root).render(
      <I18nProvider locale={locale}>
        <ConfigUnreadable reason={reason} tryAgain={tryAgain} />
      </I18nProvider>,
    );
  });
}

void start();
