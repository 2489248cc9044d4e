import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, directionOf, type Direction, type Locale } from './locales';
import { createTranslate, isCatalogLoaded, loadCatalog, type Translate } from './translate';

export type Messages = { readonly locale: Locale; readonly dir: Direction; readonly t: Translate };

const english: Messages = { locale: DEFAULT_LOCALE, dir: 'ltr', t: createTranslate(DEFAULT_LOCALE) };

// English without a provider: a component rendered on its own (a test, a story) still reads.
const MessagesContext = createContext<Messages>(english);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  // Re-render once the locale's catalogue has loaded: `t` then finds its texts.
  const [loaded, setLoaded] = useState(() => isCatalogLoaded(locale));
  useEffect(() => {
    let current = true;
    setLoaded(isCatalogLoaded(locale));
    void loadCatalog(locale).then(() => {
      if (current) setLoaded(true);
    });
    return () => {
      current = false;
    };
  }, [locale]);
  const messages = useMemo<Messages>(() => ({ locale, dir: directionOf(locale), t: createTranslate(locale) }), [locale, loaded]);
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** `const { t, locale, dir } = useMessages();` then `t('panel.title')`. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
