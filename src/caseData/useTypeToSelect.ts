import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { TYPE_AHEAD_PAUSE_MS as PAUSE_MS, typedCharacter } from '../shared/typeAhead';

/**
 * The last key pressed on a grid cell, for the list that key opens. Read here, in the editor's
 * chunk, so that the grid's first paint does not carry it: the chunk loads before the agent can
 * open a cell. (A cell opened while it loads gets the stand-in, and its list searches anew.)
 */
let pressedOnCell: { readonly key: string; readonly at: number } | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener(
    'keydown',
    (event) => {
      const cell = event.target instanceof Element && event.target.matches('[role="gridcell"]');
      // Not a Space: it opens a list of its own, and the next one must reach the browser, which opens the options (review).
      pressedOnCell = cell && typedCharacter(event) && event.key !== ' ' ? { key: event.key, at: performance.now() } : null;
    },
    true,
  );
}

/** How long after its key a list counts as opened by it: it mounts in the same task. */
const OPENED_BY_KEY_MS = 300;

/**
 * A list's type-to-select, carried on from the letter typed on the closed cell. That letter
 * opened the list (on the first option that begins with it, the grid's doing), so the
 * browser's own search started afresh at the next: "res" typed on Disposition picked
 * "escalated" at the "e", saved as the agent's choice (exploratory test). Here the search
 * goes on from that letter; a list opened by Enter, F2 or the mouse searches from the first
 * letter typed in it, and a search that matches nothing starts again from the key alone.
 * Returns whether it took the key.
 */
export function useTypeToSelect(options: readonly string[], shown: string, pick: (option: string) => void): (event: KeyboardEvent) => boolean {
  const search = useRef({ text: '', at: Number.NEGATIVE_INFINITY });
  // Before the next key can arrive: the list mounts in the task of the key that opened it.
  useLayoutEffect(() => {
    const opening = pressedOnCell;
    pressedOnCell = null;
    if (opening && performance.now() - opening.at < OPENED_BY_KEY_MS) search.current = { text: opening.key, at: opening.at };
  }, []);
  return (event) => {
    if (!typedCharacter(event)) return false;
    const { key } = event;
    const now = performance.now();
    const { text, at } = search.current;
    const before = now - at < PAUSE_MS ? text : '';
    // A space only within a search (a browser's list opens on it otherwise).
    if (key === ' ' && !before) return false;
    const starts = (prefix: string) => options.find((option) => option.toLocaleLowerCase().startsWith(prefix.toLocaleLowerCase()));
    const joined = starts(before + key);
    const found = joined ?? starts(key);
    search.current = { text: joined === undefined ? key : before + key, at: now };
    event.preventDefault();
    if (found !== undefined && found !== shown) pick(found);
    return true;
  };
}
