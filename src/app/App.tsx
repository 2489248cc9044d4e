import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { CaseDataConfigProvider, type CaseDataConfig } from '../caseData';
import { ConfigProblems, DEFAULT_THEME, type HostLink, type Theme } from '../embed';
import { GwsClientProvider, type GwsClient } from '../gws';
import { DEFAULT_LOCALE, I18nProvider, useMessages, type Locale } from '../i18n';
import { ChatStoreProvider, createChatStore, deriveRows, sessionDraftStorage, useChatStoreApi, type ChatStore, type ChatStoreState } from '../store';
import { useDocumentAppearance, themeStyle } from './appearance';
import { CaseDataPanel } from './CaseDataPanel';
import { createQueryClient } from './createQueryClient';
import { createFocusKeyChannel, noGridFallback, type FocusKeyChannel } from './focusChannel';
import { useEmbedding } from './useEmbedding';
import { useLeaveWarning } from './useLeaveWarning';
import '../i18n/panelTexts';

export type AppProps = {
  readonly client: GwsClient;
  readonly initialChatId?: string | null;
  /**
   * main.tsx passes the ones its early chats read (startFirstRead) went into; tests pass
   * their own, with retries off. `initialChatId` applies only to a store made here.
   */
  readonly queryClient?: QueryClient;
  readonly store?: ChatStore;
  /**
   * Present when the widget runs in an iframe: where the host's messages arrive and who may
   * send them. The bridge that speaks the host contract (embed/hostBridge) loads after the
   * first paint, with the pop-out when `popOutUrl` is set (Embedding.tsx).
   */
  readonly host?: HostLink | null;
  readonly initialTheme?: Theme;
  readonly initialLocale?: Locale;
  /** Readable configuration problems, listed above the panel. */
  readonly configProblems?: readonly string[];
  /** config.json's `caseData` section, parsed; without it a surrounding provider (or none) decides. */
  readonly caseDataConfig?: CaseDataConfig;
  /** The widget's own URL when a pop-out may be offered (framed); null otherwise. */
  readonly popOutUrl?: string | null;
  /** How a host's focusKey reaches the grid; one is made when not given. */
  readonly focusChannel?: FocusKeyChannel;
  /** Theme, lang and dir also go on <html>: the standalone page and the iframe own their document. */
  readonly ownsDocument?: boolean;
};

export function App({ client, initialChatId = null, queryClient, store, caseDataConfig, ...shell }: AppProps) {
  const [ownQueryClient] = useState(() => queryClient ?? createQueryClient());
  // Drafts and unsent writes kept over a reload, as main.tsx's store keeps them.
  const [ownStore] = useState(() => store ?? createChatStore({ activeChatId: initialChatId, storage: sessionDraftStorage() }));
  const withCaseDataConfig = (children: ReactNode) =>
    caseDataConfig ? <CaseDataConfigProvider config={caseDataConfig}>{children}</CaseDataConfigProvider> : children;
  return (
    <QueryClientProvider client={ownQueryClient}>
      <GwsClientProvider client={client}>
        <ChatStoreProvider store={ownStore}>
          {withCaseDataConfig(<WidgetShell {...shell} />)}
        </ChatStoreProvider>
      </GwsClientProvider>
    </QueryClientProvider>
  );
}

type ShellProps = Pick<AppProps, 'host' | 'initialTheme' | 'initialLocale' | 'configProblems' | 'popOutUrl' | 'focusChannel' | 'ownsDocument'>;

/** Appearance (theme, locale, direction) and the host contract around the panel. */
function WidgetShell({ host = null, initialTheme = DEFAULT_THEME, initialLocale = DEFAULT_LOCALE, configProblems = [], popOutUrl = null, focusChannel, ownsDocument = false }: ShellProps) {
  const [theme, setTheme] = useState(initialTheme);
  const [locale, setLocale] = useState(initialLocale);
  const root = useRef<HTMLDivElement>(null);
  const store = useChatStoreApi();
  const [channel] = useState(() => focusChannel ?? createFocusKeyChannel());

  useEffect(() => channel.setFallback(noGridFallback((key) => activeChatHas(store.getState(), key))), [channel, store]);
  const embedding = useEmbedding(host !== null || popOutUrl !== null);
  useLeaveWarning(ownsDocument && host === null);
  useUndoInFocusedFieldOnly(root);

  return (
    <I18nProvider locale={locale}>
      <ShellRoot rootRef={root} theme={theme} embedded={host !== null} ownsDocument={ownsDocument}>
        <ConfigProblems problems={configProblems} />
        {popOutUrl && embedding ? <embedding.PopOutGate widgetUrl={popOutUrl} theme={theme} locale={locale} /> : null}
        <CaseDataPanel focusChannel={channel} />
        {host && embedding ? <embedding.HostConnection host={host} appearance={{ theme, locale, setTheme, setLocale }} focus={channel} rootRef={root} /> : null}
      </ShellRoot>
    </I18nProvider>
  );
}

type ShellRootProps = { readonly rootRef: RefObject<HTMLDivElement | null>; readonly theme: Theme; readonly embedded: boolean; readonly ownsDocument: boolean; readonly children: ReactNode };

/**
 * The widget's root element, in the language its texts are shown in: the one asked for
 * (its direction already, while its catalogue loads), English if the catalogue cannot load.
 */
function ShellRoot({ rootRef, theme, embedded, ownsDocument, children }: ShellRootProps) {
  const { locale, dir, t } = useMessages();
  useDocumentAppearance(ownsDocument, theme.mode, locale, dir, t('panel.documentTitle'));
  return (
    <div
      ref={rootRef}
      className="cdp"
      data-theme={theme.mode}
      data-density={theme.tokens.density ?? 'comfortable'}
      data-embedded={embedded ? 'true' : undefined}
      dir={dir}
      lang={locale}
      style={themeStyle(theme)}
    >
      {children}
    </div>
  );
}

/** Null when no chat is on screen (none chosen, not the agent's, not read yet): no key can be told unknown then. */
function activeChatHas(state: ChatStoreState, key: string): boolean | null {
  const entry = state.activeChatId ? state.chats.get(state.activeChatId) : undefined;
  return entry ? deriveRows(entry).some((row) => row.key === key) : null;
}

/**
 * Chromium's undo and redo are the page's: Ctrl+Z past what the focused field holds undid the
 * filter's text (or Add field's) and moved the focus there, out of an open editor, the grid
 * filtered anew (exploratory test). In the panel they act on the focused field only.
 */
function useUndoInFocusedFieldOnly(root: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const element = root.current;
    const guard = (event: InputEvent) => {
      if (event.inputType.startsWith('history') && event.target !== document.activeElement) event.preventDefault();
    };
    element?.addEventListener('beforeinput', guard, true);
    return () => element?.removeEventListener('beforeinput', guard, true);
  }, [root]);
}
