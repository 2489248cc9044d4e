import { useEffect, useRef, type KeyboardEvent } from 'react';

/** A pause this long starts a new search, as a browser's own list does. */
const PAUSE_MS = 1_000;

/**
 * A list's type-to-select, carried on from the letter typed on the closed cell. That letter
 * opened the list on its first option (the grid's), so the browser's own search started
 * afresh at the next: "res" typed on Disposition picked "escalated" at the "e", saved as
 * the agent's choice (exploratory test). Here the search goes on from the option shown when
 * the list has just opened; a search that matches nothing starts again from the key alone.
 * Returns whether it took the key.
 */
export function useTypeToSelect(options: readonly string[], shown: string, pick: (option: string) => void): (event: KeyboardEvent) => boolean {
  const search = useRef({ text: '', at: Number.NEGATIVE_INFINITY });
  // The list's opening counts as the first letter typed, if there was one: its option's first letter.
  useEffect(() => void (search.current = { text: '', at: performance.now() }), []);
  return (event) => {
    const { key } = event;
    if (key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return false;
    const now = performance.now();
    const { text, at } = search.current;
    const going = now - at < PAUSE_MS;
    // A space only within a search (a browser's list opens on it otherwise).
    if (key === ' ' && !(going && text)) return false;
    const before = going ? text || shown.slice(0, 1) : '';
    const starts = (prefix: string) => options.find((option) => option.toLocaleLowerCase().startsWith(prefix.toLocaleLowerCase()));
    const joined = starts(before + key);
    const found = joined ?? starts(key);
    search.current = { text: joined === undefined ? key : before + key, at: now };
    event.preventDefault();
    if (found !== undefined && found !== shown) pick(found);
    return true;
  };
}
