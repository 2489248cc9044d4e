import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { DEFAULT_LOCALE, directionOf, type Direction, type Locale } from './locales';
import { createTranslate, type Translate } from './translate';

export type Messages = { readonly locale: Locale; readonly dir: Direction; readonly t: Translate };

const english: Messages = { locale: DEFAULT_LOCALE, dir: 'ltr', t: createTranslate(DEFAULT_LOCALE) };

// English without a provider: a component rendered on its own (a test, a story) still reads.
const MessagesContext = createContext<Messages>(english);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const messages = useMemo<Messages>(() => ({ locale, dir: directionOf(locale), t: createTranslate(locale) }), [locale]);
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** `const { t, locale, dir } = useMessages();` then `t('panel.title')`. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
