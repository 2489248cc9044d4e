import { render, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { I18nProvider, useMessages, type Locale } from '../../src/i18n';
import { loadCatalog } from '../../src/i18n/translate';
import '../../src/i18n/panelTexts';

function Probe({ seen }: { seen: string[] }) {
  const { locale, t } = useMessages();
  seen.push(`${locale}:${t('panel.title')}`);
  return null;
}

it('switches to a catalogue already at hand in one step: no English frame, and never one language under another’s lang', async () => {
  await loadCatalog('de');
  const seen: string[] = [];
  const view = (locale: Locale) => (
    <I18nProvider locale={locale}>
      <Probe seen={seen} />
    </I18nProvider>
  );
  const { rerender } = render(view('en'));
  seen.length = 0;
  rerender(view('de'));
  // Before: "en:Case data" rendered (and committed) once more before "de:Falldaten".
  expect(new Set(seen)).toEqual(new Set(['de:Falldaten']));
});

it('keeps the language shown, whole, while the next one’s catalogue loads: never English in between', async () => {
  await loadCatalog('de');
  const seen: string[] = [];
  const Directed = () => {
    const { locale, dir, t } = useMessages();
    seen.push(`${locale}:${dir}:${t('panel.title')}`);
    return null;
  };
  const view = (locale: Locale) => (
    <I18nProvider locale={locale}>
      <Directed />
    </I18nProvider>
  );
  const { rerender } = render(view('de'));
  seen.length = 0;
  rerender(view('ar'));
  await waitFor(() => expect(seen.at(-1)).toBe('ar:rtl:بيانات الحالة'));
  // Before (exploratory test): "en:rtl:Case data" while Arabic loaded, and live regions worded in English said it, then in Arabic.
  expect(new Set(seen)).toEqual(new Set(['de:ltr:Falldaten', 'ar:rtl:بيانات الحالة']));
});
