import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, directionOf, type Direction, type Locale } from './locales';
import { createTranslate, isCatalogLoaded, loadCatalog, type Translate } from './translate';

export type Messages = { readonly locale: Locale; readonly dir: Direction; readonly t: Translate };

const english: Messages = { locale: DEFAULT_LOCALE, dir: 'ltr', t: createTranslate(DEFAULT_LOCALE) };

// English without a provider: a component rendered on its own (a test, a story) still reads.
const MessagesContext = createContext<Messages>(english);

type CatalogState = { readonly locale: Locale; readonly loaded: boolean };

/**
 * On a switch, the language shown stays, whole (its texts, `lang` and direction), until the new
 * one's catalogue has arrived, and then all of it changes at once: live regions worded anew in
 * English, then again in Arabic a moment later, were said twice (exploratory test). At the
 * first load there is none: the asked language's direction applies at once (no flip when its
 * catalogue arrives a moment later), with English texts. If it cannot load (offline, a redeployed
 * bundle), the panel is wholly English, left to right, instead of English laid out right
 * to left, and the load is tried again with a growing pause until it arrives.
 */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  // Which locale's catalogue is known to be loaded (or to have failed), not just "loaded":
  // a catalogue that loads at once (already fetched) must still change the state, or React
  // would batch "not loaded" and "loaded" into no change and keep the English fallback.
  const [catalog, setCatalog] = useState<CatalogState | null>(() => (isCatalogLoaded(locale) ? { locale, loaded: true } : null));
  useEffect(() => {
    let current = true;
    let failures = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const attempt = () =>
      loadCatalog(locale).then(
        () => current && setCatalog({ locale, loaded: true }),
        () => {
          if (!current) return;
          setCatalog({ locale, loaded: false });
          retry = setTimeout(attempt, Math.min(30_000, 1_000 * 2 ** failures++));
        },
      );
    // oxlint-disable-next-line react/set-state-in-effect -- the catalogue cache is outside React; a failure remembered for this locale must go
    if (isCatalogLoaded(locale)) setCatalog({ locale, loaded: true });
    else void attempt();
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [locale]);
  // A catalogue already at hand (loaded for an earlier switch) is known at once: no English frame in between.
  const known = catalog?.locale === locale ? catalog.loaded : isCatalogLoaded(locale) ? true : null;
  // `known` is part of the key: once the catalogue arrives, `t` is a new function and every
  // memoized row that reads it renders its texts again.
  // Loading at first, the texts are English: so is `locale` (the root's lang), the direction already the
  // asked one. Loading on a switch, the language before (`before`) is shown as it was, direction and all.
  // English texts from `t` too, even once the catalogue has arrived but before this state says so: a
  // render in between would otherwise show the new language under the old `lang`.
  const before = known === null && catalog?.loaded ? catalog.locale : null;
  const shown = known ? locale : (before ?? DEFAULT_LOCALE);
  const messages = useMemo<Messages>(
    () => (known === false ? english : { locale: shown, dir: directionOf(before ?? locale), t: createTranslate(shown) }),
    [locale, known, shown, before],
  );
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** `const { t, locale, dir } = useMessages();` then `t('panel.title')`. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
