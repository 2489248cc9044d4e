import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslate, directionOf, labelFor, loadCatalog, LOCALES, resolveLocale, translate, type Catalog } from '../../src/i18n';
import { ar } from '../../src/i18n/messages/ar';
import { de } from '../../src/i18n/messages/de';
import { en as grid } from '../../src/i18n/messages/en';
import { enAddField } from '../../src/i18n/messages/enAddField';
import { enClipboard } from '../../src/i18n/messages/enClipboard';
import { enEditor } from '../../src/i18n/messages/enEditor';
import { enEmbedding } from '../../src/i18n/messages/enEmbedding';
import { enEnded } from '../../src/i18n/messages/enEnded';
import { enFraming } from '../../src/i18n/messages/enFraming';
import { enGwsErrors } from '../../src/i18n/messages/enGwsErrors';
import { enHistory } from '../../src/i18n/messages/enHistory';
import { enPanel } from '../../src/i18n/messages/enPanel';
import { enWriteProblems } from '../../src/i18n/messages/enWriteProblems';
// What the panel and the grid's on-demand parts show add their own English texts; the
// grid's first-render texts come with i18n.
import '../../src/i18n/addFieldTexts';
import '../../src/i18n/clipboardTexts';
import '../../src/i18n/editorTexts';
import '../../src/i18n/embeddingTexts';
import '../../src/i18n/endedTexts';
import '../../src/i18n/framingTexts';
import '../../src/i18n/gwsErrors';
import '../../src/i18n/historyTexts';
import '../../src/i18n/panelTexts';
import '../../src/i18n/writeProblemTexts';

const en = { ...grid, ...enGwsErrors, ...enWriteProblems, ...enPanel, ...enAddField, ...enClipboard, ...enHistory, ...enEditor, ...enEnded, ...enEmbedding, ...enFraming };

const placeholders = (message: string | Readonly<Record<string, string | undefined>>): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message).filter((text): text is string => text !== undefined);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '')))].sort();
};

// Catalogues other than English load on demand; load them all up front here.
beforeAll(async () => {
  for (const locale of LOCALES) await loadCatalog(locale);
});

describe('the message catalogues', () => {
  it.each([
    ['de', de],
    ['ar', ar],
  ] as const)('%s translates every English key with the same placeholders', (_locale, catalog: Catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      if (!Object.hasOwn(en, key) || !Object.hasOwn(catalog, key)) continue;
      const english = placeholders(Reflect.get(en, key));
      // A plural form may spell the number out ("one", "two") instead of showing {count}.
      const translated = placeholders(Reflect.get(catalog, key)).filter((name) => name !== 'count');
      expect({ key, names: translated }).toEqual({ key, names: english.filter((name) => name !== 'count') });
    }
  });
});

describe('right-to-left catalogues', () => {
  const RTL = /[\u200f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
  it('give every sentence with values a right-to-left letter or mark, so its values are isolated', () => {
    for (const [key, message] of Object.entries(ar)) {
      const texts: string[] = typeof message === 'string' ? [message] : Object.values<string | undefined>(message).filter((text) => text !== undefined);
      for (const text of texts) if (/\{\w+\}/.test(text)) expect({ key, rtl: RTL.test(text) }).toEqual({ key, rtl: true });
    }
  });

  // "statusCode 4" one left-to-right run (LRI … PDI): it read "4 statusCode" (exploratory test).
  it('keep a Latin server message whole after an Arabic meaning, and "statusCode 4" in its order', () => {
    const text = createTranslate('ar')('gwsError.statusCode', { meaning: 'خطأ داخلي', code: '4', message: '(simulated fault)' });
    expect(text).toBe('\u200f\u2068خطأ داخلي\u2069 (\u2066statusCode \u20684\u2069\u2069): \u2068(simulated fault)\u2069');
    expect(createTranslate('ar')('gwsError.statusCodeBare', { meaning: 'خطأ داخلي', code: '4' })).toBe('\u200f\u2068خطأ داخلي\u2069 (\u2066statusCode \u20684\u2069\u2069)');
  });
});

describe('t()', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('en', 'panel.chatUnknown', { chatId: 'C-1' })).toBe("Chat C-1 is not among this agent's chats.");
    expect(translate('en', 'connection.reconnectingIn', { seconds: 1200 })).toBe('Reconnecting in 1,200 s…');
    expect(translate('de', 'connection.reconnectingIn', { seconds: 1200 })).toBe('Neuer Verbindungsversuch in 1.200 s…');
  });

  it('picks plural forms by the locale’s rules, Arabic’s six included', () => {
    expect(translate('en', 'connection.rejected', { count: 1 })).toBe('1 malformed message from GWS ignored');
    expect(translate('en', 'connection.rejected', { count: 2 })).toBe('2 malformed messages from GWS ignored');
    expect(translate('ar', 'connection.rejected', { count: 1 })).toBe('تم تجاهل رسالة واحدة تالفة من GWS');
    expect(translate('ar', 'connection.rejected', { count: 2 })).toBe('تم تجاهل رسالتين تالفتين من GWS');
    expect(translate('ar', 'connection.rejected', { count: 3 })).toContain('رسائل');
    expect(translate('ar', 'connection.rejected', { count: 11 })).toContain('رسالة تالفة');
  });

  it('labels GWS values it knows and passes through those it does not', () => {
    const t = createTranslate('de');
    expect(labelFor(t, 'chatState', 'Completed')).toBe('Abgeschlossen');
    expect(labelFor(t, 'chatState', 'SomethingNew')).toBe('SomethingNew');
    // A value that happens to name a key with parameters is not looked up.
    expect(labelFor(t, 'panel', 'chatUnknown')).toBe('chatUnknown');
  });
});

describe('locales', () => {
  it('maps host tags onto the shipped catalogues', () => {
    expect(resolveLocale('de-AT')).toBe('de');
    expect(resolveLocale('EN_us')).toBe('en');
    expect(resolveLocale('ar-EG')).toBe('ar');
    expect(resolveLocale('fr-FR')).toBeNull();
    expect(LOCALES).toEqual(['en', 'de', 'ar']);
  });

  it('knows which languages are written right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('he-IL')).toBe('rtl');
    expect(directionOf('de')).toBe('ltr');
  });
});
