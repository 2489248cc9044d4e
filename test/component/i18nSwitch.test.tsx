import { render } from '@testing-library/react';
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
