// Which locales the widget ships, how a host's locale tag maps onto them, and which way
// each one is written. The mapping is forgiving ("de-AT", "DE_at" -> "de") because hosts
// pass whatever their CRM user profile holds.

export const LOCALES = ['en', 'de', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export type Direction = 'ltr' | 'rtl';

// Scripts written right to left; only `ar` ships today, the others are here so that a
// future catalogue gets the right direction without touching layout code.
const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'dv']);

const isLocale = (value: string): value is Locale => LOCALES.some((locale) => locale === value);

/** The shipped locale for a BCP 47 tag, or null when none matches its language. */
export function resolveLocale(tag: string): Locale | null {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(language) ? language : null;
}

export function directionOf(locale: string): Direction {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
