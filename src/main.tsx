// First: its request for config.json starts before the rest of the bundle evaluates.
import { configRequest } from './embed/configRequest';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/createQueryClient';
import { startFirstRead } from './app/useLiveSync';
import { parseCaseDataConfig } from './caseData';
import { detectFraming, FramingRefused, formatConfigProblem, isFramed, listenToHost, loadWidgetConfig } from './embed';
import { createGwsClient } from './gws';
import { I18nProvider } from './i18n';
import { createChatStore, sessionDraftStorage } from './store';
import './app/styles.css';

// Listening starts before the configuration loads: a host that posts right after the
// iframe's load event must not lose its first message (the inbox keeps it for the bridge,
// which loads after the first paint).
const inbox = isFramed(window) ? listenToHost(window) : null;

async function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const { config, problems } = await loadWidgetConfig(window.location.search, configRequest);
  const caseData = parseCaseDataConfig(config.caseData);
  const readable = [
    ...problems.map(formatConfigProblem),
    ...caseData.problems.map((problem) => formatConfigProblem({ source: 'config.json', ...problem })),
  ];
  for (const problem of readable) console.warn(`Case Data Panel configuration: ${problem}`);

  const framing = detectFraming(window, config.allowedHostOrigins);
  const widgetUrl = `${window.location.origin}${window.location.pathname}`;
  document.documentElement.lang = config.locale;
  if (framing.kind === 'framed' && framing.refusedOrigin !== null) {
    inbox?.close();
    createRoot(root).render(
      <I18nProvider locale={config.locale}>
        <FramingRefused origin={framing.refusedOrigin} widgetUrl={widgetUrl} />
      </I18nProvider>,
    );
    return;
  }

  const client = createGwsClient({ baseUrl: config.gwsBaseUrl, credentials: config.credentials });
  const queryClient = createQueryClient();
  const store = createChatStore({ activeChatId: config.chatId, storage: sessionDraftStorage() });
  startFirstRead({ client, store, queryClient });
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

void start();
