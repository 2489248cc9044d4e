// What the refusal page and the configuration's problem list say, and how they lay out in
// an Arabic panel: from a review of src/embed.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkOriginPattern, ConfigProblems, detectFraming, popOutUrl } from '../../src/embed';
import { FramingRefused } from '../../src/embed/FramingRefused';
import { I18nProvider, loadCatalog } from '../../src/i18n';

const opening = { chatId: null, locale: 'en', theme: 'light', density: undefined } as const;
const LINE = 'config.json allowedHostOrigins[0]: "https://crm.example.com/" must be an origin only (scheme, host and port, no path or trailing slash): did you mean "https://crm.example.com"?';

/** The direction the browser lays a line out in: its own dir, else its nearest ancestor's. */
const baseDirection = (element: Element): string => element.closest('[dir]')?.getAttribute('dir') ?? 'ltr';

describe('the refusal page', () => {
  it('framed by a sandboxed page (opaque origin "null"), does not tell the administrator to list "null"', () => {
    // A CRM that hosts integrations in a sandboxed frame without allow-same-origin: Chromium reports its origin as "null".
    const win = { self: {}, top: {}, location: { origin: 'https://panel.example.com', ancestorOrigins: ['null', 'https://crm.example.com'] }, document: { referrer: '' } } as unknown as Window;
    const framing = detectFraming(win, ['https://crm.example.com']);
    if (framing.kind !== 'framed') throw new Error('framed');
    expect(framing.refused).toBe(true);
    render(
      <I18nProvider locale="en">
        <FramingRefused origin={framing.refusedOrigin} popOutHref={popOutUrl('https://panel.example.com/', opening)} />
      </I18nProvider>,
    );
    // Before (review): "This page (null) is not allowed…", and "add this origin": advice no list can take.
    expect(checkOriginPattern('null').ok).toBe(false);
    expect(screen.queryByText(/\(null\)/)).not.toBeInTheDocument();
    expect(screen.queryByText(/add this origin/)).not.toBeInTheDocument();
    expect(screen.getByText(/sandbox without its own origin/)).toBeInTheDocument();
  });
});

describe('untranslated English lines in an Arabic panel', () => {
  it.each([
    ['the configuration problems above the panel', () => <ConfigProblems problems={[LINE]} />],
    ['the ignored allowlist entries on the refusal page', () => <FramingRefused origin="https://crm.example.com" popOutHref={popOutUrl('https://panel.example.com/', { ...opening, locale: 'ar' })} ignored={[LINE]} />],
  ])('lay out %s left to right, as English', async (_what, view) => {
    await loadCatalog('ar');
    render(
      <I18nProvider locale="ar">
        <div dir="rtl">{view()}</div>
      </I18nProvider>,
    );
    // Before (review): laid out right to left, the line's trailing `"?` landed at its far left, and it was read with an Arabic voice.
    const item = screen.getByText(LINE);
    expect(baseDirection(item)).toBe('ltr');
    expect(item.closest('[lang]')?.getAttribute('lang')).toBe('en');
  });
});
