import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, directionOf, type Direction, type Locale } from './locales';
import { createTranslate, isCatalogLoaded, loadCatalog, type Translate } from './translate';

export type Messages = { readonly locale: Locale; readonly dir: Direction; readonly t: Translate };

const english: Messages = { locale: DEFAULT_LOCALE, dir: 'ltr', t: createTranslate(DEFAULT_LOCALE) };

// English without a provider: a component rendered on its own (a test, a story) still reads.
const MessagesContext = createContext<Messages>(english);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  // Which locale's catalogue is known to be loaded, not just "loaded": a catalogue that
  // loads at once (already fetched) must still change the state, or React would batch
  // "not loaded" and "loaded" into no change at all and keep the English fallback on screen.
  const [loadedLocale, setLoadedLocale] = useState<Locale | null>(() => (isCatalogLoaded(locale) ? locale : null));
  useEffect(() => {
    let current = true;
    if (isCatalogLoaded(locale)) setLoadedLocale(locale);
    else {
      void loadCatalog(locale).then(() => {
        if (current) setLoadedLocale(locale);
      });
    }
    return () => {
      current = false;
    };
  }, [locale]);
  const ready = loadedLocale === locale;
  // `ready` is part of the key: once the catalogue arrives, `t` is a new function and every
  // memoized row that reads it renders its texts again.
  const messages = useMemo<Messages>(() => ({ locale, dir: directionOf(locale), t: createTranslate(locale) }), [locale, ready]);
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** `const { t, locale, dir } = useMessages();` then `t('panel.title')`. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
