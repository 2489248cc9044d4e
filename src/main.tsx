import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadWidgetConfig } from './embed';
import { createGwsClient } from './gws';
import './app/styles.css';

async function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const { config, problems } = await loadWidgetConfig(window.location.search, () => fetch('./config.json', { cache: 'no-store' }));
  for (const problem of problems) console.warn(`Case Data Panel configuration: ${problem.field} ${problem.message}`);
  const client = createGwsClient({ baseUrl: config.gwsBaseUrl, credentials: config.credentials });
  createRoot(root).render(
    <StrictMode>
      <App client={client} initialChatId={config.chatId} />
    </StrictMode>,
  );
}

void start();
