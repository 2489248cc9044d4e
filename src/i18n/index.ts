// Public face of `i18n/`: the message catalogues (en, de, ar), `useMessages()` and `t()`.
export { DEFAULT_LOCALE, LOCALES, directionOf, resolveLocale, type Direction, type Locale } from './locales';
export { I18nProvider, useMessages, type Messages } from './I18nProvider';
export { createTranslate, isMessageKey, labelFor, loadCatalog, translate, translateEnglish, type MessageParams, type Translate } from './translate';
// Not translateGwsError (./gwsErrors): the grid loads it after the first paint (caseData/validation.ts).
export type { Catalog, MessageKey, PluralForms } from './messages/en';
