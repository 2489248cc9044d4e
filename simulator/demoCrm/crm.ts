// The demo CRM page: what a CRM integrator writes. It loads the host SDK from the
// widget's origin (as a real CRM would load it from the panel's deployment), mounts the
// panel beside a fake case record, drives it, and logs every event it sends.
//
// Built by `vite build --mode embed` to dist/demo-crm/crm.js; served by simulator/demoCrm/server.ts.

import type { CaseDataPanel, PanelEvent, PanelEventType, ThemeMode } from '../../src/embed/sdk';

type Sdk = typeof import('../../src/embed/sdk');

// The CRM's own look, passed as tokens so the panel matches it.
const CRM_TOKENS = { fontFamily: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif", accentColor: '#6b3fa0' } as const;
const DARK_ACCENT = '#c6a6ff';

function required<T extends Element>(selector: string, type: { new (): T }): T {
  const element = document.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`demo CRM: missing ${selector}`);
  return element;
}

function meta(name: string): string {
  const content = document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
  if (!content) throw new Error(`demo CRM: missing <meta name="${name}">`);
  return content;
}

const log = required('#log', HTMLOListElement);
const dirtyWarning = required('#dirty-warning', HTMLParagraphElement);
const chatSelect = required('#chat', HTMLSelectElement);
const localeSelect = required('#locale', HTMLSelectElement);
const focusKeyInput = required('#focus-key', HTMLInputElement);
let entries = 0;

/** The envelope (namespace, version, type) is the same on every event: the log shows the rest. */
/** The event's fields without its type, which the log line starts with. */
function withoutType(detail: unknown): unknown {
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return detail;
  return Object.fromEntries(Object.entries(detail).filter(([key]) => key !== 'type'));
}

function record(type: string, detail: unknown): void {
  const item = document.createElement('li');
  item.textContent = `${type} ${JSON.stringify(withoutType(detail))}`;
  log.prepend(item);
  entries += 1;
  if (entries > 200) log.lastElementChild?.remove();
}

function themeMode(value: string): ThemeMode {
  return value === 'dark' || value === 'high-contrast' ? value : 'light';
}

function tokensFor(mode: ThemeMode, compact: boolean) {
  return { ...CRM_TOKENS, accentColor: mode === 'dark' ? DARK_ACCENT : CRM_TOKENS.accentColor, density: compact ? ('compact' as const) : ('comfortable' as const) };
}

async function start(): Promise<void> {
  const sdk: Sdk = await import(/* @vite-ignore */ meta('case-data-panel-sdk'));
  let mode: ThemeMode = 'light';
  let compact = false;
  const panel: CaseDataPanel = sdk.mountCaseDataPanel(required('#panel', HTMLDivElement), {
    src: meta('case-data-panel-src'),
    chatId: chatSelect.value,
    theme: { mode, tokens: tokensFor(mode, compact) },
    title: 'Case data panel',
    onDirtyStateChanged: () => {
      dirtyWarning.hidden = !panel.isDirty();
    },
  });

  const types: readonly PanelEventType[] = ['ready', 'activeChatChanged', 'userDataChanged', 'saveFailed', 'dirtyStateChanged', 'chatStateChanged', 'connectionChanged', 'error'];
  for (const type of types) panel.on(type, (event: PanelEvent<typeof type>) => record(type, event));
  void panel.ready.then((result) => {
    if (!result.ok) record('not ready', result.error);
  });

  // What a CRM does with a chat's new state: here, its linked-chat list says it (a real one might close the case).
  panel.on('chatStateChanged', ({ chatId, state }) => {
    const option = [...chatSelect.options].find((candidate) => candidate.value === chatId);
    if (option) option.textContent = `${chatId} (${state})`;
  });
  chatSelect.addEventListener('change', () => panel.setActiveChat(chatSelect.value));
  localeSelect.addEventListener('change', () => panel.setLocale(localeSelect.value));
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="theme"]')) {
    radio.addEventListener('change', () => {
      mode = themeMode(radio.value);
      document.documentElement.dataset.crmTheme = mode;
      panel.setTheme({ mode, tokens: tokensFor(mode, compact) });
    });
  }
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="width"]')) {
    radio.addEventListener('change', () => {
      compact = radio.value === '320';
      document.documentElement.style.setProperty('--panel-width', `${radio.value}px`);
      panel.setTheme({ mode, tokens: tokensFor(mode, compact) });
    });
  }
  required('#focus', HTMLButtonElement).addEventListener('click', () => panel.focusKey(focusKeyInput.value));
  required('#get-state', HTMLButtonElement).addEventListener('click', () => {
    void panel.getState().then((result) => record('state', result.ok ? result.state : result.error));
  });
  required('#bad-message', HTMLButtonElement).addEventListener('click', () => {
    // What a hand-written integration might get wrong: the widget answers with a typed error.
    panel.iframe.contentWindow?.postMessage({ namespace: sdk.PROTOCOL_NAMESPACE, version: sdk.PROTOCOL_VERSION, type: 'openCase', caseId: '00001026' }, new URL(meta('case-data-panel-src')).origin);
  });

  // Leaving the record while the panel holds unsaved case data: ask first.
  required('#next-case', HTMLAnchorElement).addEventListener('click', (event) => {
    if (panel.isDirty() && !window.confirm('The case data panel has unsaved changes. Leave this case anyway?')) event.preventDefault();
  });
  window.addEventListener('beforeunload', (event) => {
    if (panel.isDirty()) event.preventDefault();
  });
}

start().catch((error: unknown) => record('demo failed to start', error instanceof Error ? error.message : String(error)));
