// Theme and locale on screen: the widget's root carries data-theme / data-density / dir /
// lang, and the host's design tokens become CSS custom properties that styles.css reads.

import { useEffect, type CSSProperties } from 'react';
import type { Theme } from '../embed';
import type { Direction, Locale } from '../i18n';

declare module 'react' {
  interface CSSProperties {
    [customProperty: `--cdp-${string}`]: string | undefined;
  }
}

export function themeStyle(theme: Theme): CSSProperties {
  const { fontFamily, fontSize, accentColor } = theme.tokens;
  return {
    '--cdp-font': fontFamily,
    '--cdp-font-size': fontSize === undefined ? undefined : `${fontSize}px`,
    // High contrast keeps its own colours: a host accent could undo the contrast it promises.
    '--cdp-accent': theme.mode === 'high-contrast' ? undefined : accentColor,
    '--cdp-focus': theme.mode === 'high-contrast' ? undefined : accentColor,
  };
}

/**
 * The document around the widget (body background, scrollbars, the browser's own form
 * controls) follows the theme too. Restored on unmount, so tests and several panels on a
 * page leave no trace.
 */
export function useDocumentAppearance(enabled: boolean, mode: Theme['mode'], locale: Locale, dir: Direction, title: string): void {
  useEffect(() => {
    if (!enabled) return;
    const html = document.documentElement;
    const before = { theme: html.dataset.theme, lang: html.lang, dir: html.dir, title: document.title };
    html.dataset.theme = mode;
    html.lang = locale;
    html.dir = dir;
    // In the page's language, as lang says: a screen reader reads the title in its voice.
    document.title = title;
    return () => {
      if (before.theme === undefined) delete html.dataset.theme;
      else html.dataset.theme = before.theme;
      html.lang = before.lang;
      html.dir = before.dir;
      document.title = before.title;
    };
  }, [enabled, mode, locale, dir, title]);
}
