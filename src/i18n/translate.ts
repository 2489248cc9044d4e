// `t(key, params)`: looks a key up in the locale's catalogue, picks the plural form for
// `{count}`, and fills `{placeholders}`. Parameters are typed from the English text, so
// a missing or misspelled parameter is a compile error, not a "{chatId}" on screen.

import { en, type Catalog, type EnglishCatalog, type MessageKey, type PluralForms } from './messages/en';
import type { Locale } from './locales';

type Texts = { readonly [K in MessageKey]?: string | PluralForms };

// English ships with the first render, the grid's part at once and the others with the
// modules that show them (addEnglish, from the i18n/*Texts.ts modules).
// Other catalogues load whole when a locale asks for them (most agents never switch), and
// until one has arrived its texts fall back to English.
const english: Texts = { ...en };
const catalogs = new Map<Locale, Texts>([['en', english]]);
const loaders: { readonly [L in Exclude<Locale, 'en'>]: () => Promise<Catalog> } = {
  // `.then`, not `(await import()).de`: Vite wraps that in a function body of its own, bytes on the way to the first paint.
  de: () => import('./messages/de').then((catalog) => catalog.de),
  ar: () => import('./messages/ar').then((catalog) => catalog.ar),
};

/** Adds a part of the English catalogue (i18n/*Texts.ts): a module that shows those texts imports it. */
export function addEnglish(texts: Texts): void {
  Object.assign(english, texts);
}

export const isCatalogLoaded = (locale: Locale) => catalogs.has(locale);

export async function loadCatalog(locale: Locale): Promise<void> {
  if (!catalogs.has(locale) && locale !== 'en') catalogs.set(locale, await loaders[locale]());
}

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type TextsOf<M> = M extends string ? M : M[keyof M];
type ParamNames<K extends MessageKey> = Placeholders<TextsOf<EnglishCatalog[K]>> | (EnglishCatalog[K] extends string ? never : 'count');

export type MessageParams<K extends MessageKey> = { readonly [P in ParamNames<K>]: P extends 'count' ? number : string | number };
export type TranslateArgs<K extends MessageKey> = [ParamNames<K>] extends [never] ? [] : [params: MessageParams<K>];
export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function rulesFor(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

function numbersFor(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function pickForm(forms: PluralForms, category: Intl.LDMLPluralRule): string {
  return forms[category] ?? forms.other;
}

/**
 * A value set into a right-to-left sentence (a key, a case-data value, a server's message)
 * is isolated (FSI … PDI): without it "DATAUPDATE-@123" in an Arabic sentence reads
 * "123@" and merges with the text around it. The sentence's own letters say whether it is
 * right to left (Hebrew and Arabic blocks), so an English fallback inside an Arabic panel
 * is left as it is. A right-to-left sentence made only of values and Latin text ("{meaning}
 * (statusCode {code}): {message}") starts with a right-to-left mark, which counts too.
 */
const RTL_LETTERS = /[\u200f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const isolated = (text: string) => `\u2068${text}\u2069`;

function fill(locale: Locale, text: string, params: Readonly<Record<string, string | number>>): string {
  const rtl = RTL_LETTERS.test(text);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    if (typeof value === 'number') return numbersFor(locale).format(value);
    return rtl ? isolated(String(value)) : String(value);
  });
}

export function translate<K extends MessageKey>(locale: Locale, key: K, ...args: TranslateArgs<K>): string {
  const message = (catalogs.get(locale) ?? english)[key] ?? english[key];
  // A text of a part no module has added: a programming error (the module showing it must
  // import its part, i18n/*Texts.ts), shown as its key rather than a crash, and said in the
  // console (which fails a test: test/support/setupTests.ts).
  if (message === undefined) {
    console.error(`Case Data Panel: no text for "${key}"`);
    return key;
  }
  const params: Readonly<Record<string, string | number>> = args[0] ?? {};
  if (typeof message === 'string') return fill(locale, message, params);
  const count = params.count;
  const category = typeof count === 'number' ? rulesFor(locale).select(count) : 'other';
  return fill(locale, pickForm(message, category), params);
}

export function createTranslate(locale: Locale): Translate {
  return (key, ...args) => translate(locale, key, ...args);
}

/**
 * English, for texts made outside React that have no locale at hand: logs, the host
 * contract, tests. The UI passes its own `t` from `useMessages()` instead.
 */
export const translateEnglish: Translate = createTranslate('en');

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(english, key);
}

/** Keys whose English text has no parameters: the ones a value can be looked up by. */
type PlainKey = { [K in MessageKey]: TranslateArgs<K> extends [] ? K : never }[MessageKey];

/**
 * A label for a value GWS sends (a chat state, a participant type): translated when the
 * catalogue knows it, else the value itself, since GWS may add values across versions.
 */
export function labelFor<P extends string>(t: Translate, prefix: P, value: string): string {
  const key = `${prefix}.${value}`;
  return isPlainKey(key) ? t(key) : value;
}

function isPlainKey(key: string): key is PlainKey {
  if (!isMessageKey(key)) return false;
  const message = english[key];
  return typeof message === 'string' && !/\{\w+\}/.test(message);
}
