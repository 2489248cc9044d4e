// How a host's `focusKey {key}` reaches the grid without the grid knowing about hosts,
// and without app/ reaching into the grid's state: the grid registers a handler, the
// bridge calls `request`. The latest registration wins and unregistering restores the one
// before; with none registered, the fallback answers (a DOM lookup, see below).

import type { FocusKeyResult } from '../caseData';

export type { FocusKeyResult };
export type FocusKeyHandler = (key: string) => FocusKeyResult;

export type FocusKeyChannel = {
  /** For the grid. Returns its own unregistration. */
  register(handler: FocusKeyHandler): () => void;
  /** Used only while nothing is registered; returns its own removal. */
  setFallback(handler: FocusKeyHandler): () => void;
  request(key: string): FocusKeyResult;
};

export function createFocusKeyChannel(): FocusKeyChannel {
  const handlers: FocusKeyHandler[] = [];
  let fallback: FocusKeyHandler | null = null;
  return {
    register(handler) {
      handlers.push(handler);
      return () => {
        const index = handlers.lastIndexOf(handler);
        if (index >= 0) handlers.splice(index, 1);
      };
    },
    setFallback(handler) {
      fallback = handler;
      return () => {
        if (fallback === handler) fallback = null;
      };
    },
    request(key) {
      const handler = handlers[handlers.length - 1] ?? fallback;
      return handler ? handler(key) : 'unavailable';
    },
  };
}

/**
 * Until the grid registers its own handler: find the rendered value cell whose row header
 * names `key` and focus it, which the grid's roving tab stop follows. Rows the grid has
 * not rendered (virtual scrolling) answer "unavailable" rather than a wrong "unknown-key".
 */
export function domFocusFallback(root: () => HTMLElement | null, keyExists: (key: string) => boolean): FocusKeyHandler {
  return (key) => {
    if (!keyExists(key)) return 'unknown-key';
    const headers = root()?.querySelectorAll<HTMLElement>('[role="grid"] [role="rowheader"]') ?? [];
    for (const header of headers) {
      const name = header.getAttribute('aria-label') ?? header.textContent ?? '';
      if (name !== key && !name.endsWith(` (${key})`)) continue;
      const cell = header.closest('[role="row"]')?.querySelector<HTMLElement>('[role="gridcell"]');
      if (!cell) break;
      cell.focus();
      return 'focused';
    }
    return 'unavailable';
  };
}
