// The panel's address as the SDK frames it: the integrator's `src`, checked, with the mount's
// chat, locale and theme as URL parameters (the panel reads them before any message).

import { normalizeTheme } from './hostSettings';
import type { MountOptions } from './types';

export function panelUrl(doc: Document, options: MountOptions): URL {
  // A CRM whose setting is unset passes "": resolved against the page, it framed the CRM page
  // itself, its scripts and all, then reported a missing origin (integrator's test).
  if (typeof options.src !== 'string' || options.src.trim() === '') throw new TypeError("mountCaseDataPanel: src must be the panel's URL; it is empty");
  const url = new URL(options.src, doc.baseURI);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`mountCaseDataPanel: src must be an http(s) URL, got ${options.src}`);
  if (url.href.split('#')[0] === doc.URL.split('#')[0]) throw new TypeError(`mountCaseDataPanel: src is this page's own address (${options.src}), not the panel's`);
  const theme = normalizeTheme(options.theme);
  // Trimmed, as setActiveChat's: a CRM field's copy came with spaces, and opened no chat (integrator's test).
  const chatId = typeof options.chatId === 'string' ? options.chatId.trim() : '';
  if (chatId) url.searchParams.set('chatId', chatId);
  if (options.locale) url.searchParams.set('locale', options.locale);
  if (theme) url.searchParams.set('theme', theme.mode);
  if (theme?.tokens?.density) url.searchParams.set('density', theme.tokens.density);
  return url;
}
