// How a host's `focusKey {key}` reaches the grid without the grid knowing about hosts,
// and without app/ reaching into the grid's state: the grid registers a handler, the
// bridge calls `request`. The latest registration wins and unregistering restores the one
// before; with none registered (no grid on screen), the fallback answers.

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
 * Answers while no grid is mounted (no chat open yet): the grid registers its own handler
 * whenever it is on screen, so here a key can only be unknown or not reachable yet. Without
 * a chat (`keyExists` null) nothing is unknown: there is nothing to focus in yet.
 */
export function noGridFallback(keyExists: (key: string) => boolean | null): FocusKeyHandler {
  return (key) => (keyExists(key) === false ? 'unknown-key' : 'unavailable');
}
