// First: its request for config.json starts before the rest of the bundle evaluates.
import { configRequest } from './embed/configRequest';
import { StrictMode, type ReactNode } from 'react';
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
    // The host hears nothing: without the file no page is known to be allowed to (its SDK's notice
    // says the panel did not start); the frame says why, where the integrator looks.
    console.error(`Case Data Panel: ${load.reason}; the panel does not start until it can be read.`);
    return showInstead(root, load.locale, catalogueFor(load.locale), `The Case Data Panel cannot start: its ${load.reason}.`, ({ ConfigUnreadable }) => (
      <ConfigUnreadable reason={load.reason} tryAgain={() => window.location.reload()} />
    ));
  }
  const { config, problems } = load;
  const caseData = parseCaseDataConfig(config.caseData);
  const readable = [
    ...problems.map(formatConfigProblem),
    ...caseData.problems.map((problem) => formatConfigProblem({ source: 'config.json', ...problem })),
  ];
  for (const problem of readable) console.warn(`Case Data Panel configuration: ${problem}`);

  const catalogue = catalogueFor(config.locale);
  const framing = detectFraming(window, config.allowedHostOrigins);
  const widgetUrl = `${window.location.origin}${window.location.pathname}`;
  document.documentElement.lang = config.locale;
  if (framing.kind === 'framed' && framing.refused) {
    const words =
      framing.refusedOrigin === null || framing.refusedOrigin === 'null'
        ? 'The Case Data Panel cannot tell which page embeds it, so it shows nothing here.'
        : `This page (${framing.refusedOrigin}) is not allowed to embed the Case Data Panel.`;
    return showInstead(root, config.locale, catalogue, words, ({ FramingRefused }) => (
      <FramingRefused
        origin={framing.refusedOrigin}
        popOutHref={popOutUrl(widgetUrl, { chatId: config.chatId, locale: config.locale, theme: config.theme.mode, density: config.theme.tokens.density })}
        ignored={problems.filter((problem) => problem.field.startsWith('allowedHostOrigins')).map((problem) => `${problem.field}: ${problem.message}`)}
      />
    ));
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

/** The locale's catalogue, waited for at most CATALOGUE_WAIT_MS (none for English). */
const catalogueFor = (locale: Locale) =>
  locale === 'en' ? null : Promise.race([loadCatalog(locale).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CATALOGUE_WAIT_MS))]);

/**
 * A page shown instead of the panel (embed/FramingRefused.tsx: a host that may not frame it, a
 * config.json that cannot be read). Nothing of the agent's data loads, and the host's early
 * messages go unread. If its chunk cannot be loaded (a redeploy, the network), `words`, in
 * English: a blank box would say nothing.
 */
async function showInstead(root: HTMLElement, locale: Locale, catalogue: Promise<unknown> | null, words: string, page: (pages: NotShownPages) => ReactNode) {
  inbox?.close();
  document.documentElement.lang = locale;
  const [pages] = await Promise.all([loadFramingRefused().catch(() => null), catalogue]);
  if (!pages) {
    root.textContent = words;
    return;
  }
  createRoot(root).render(<I18nProvider locale={locale}>{page(pages)}</I18nProvider>);
}

type NotShownPages = Awaited<ReturnType<typeof loadFramingRefused>>;

void start();
