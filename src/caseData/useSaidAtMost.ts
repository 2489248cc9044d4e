import { useEffect, useRef, useState } from 'react';

/**
 * A live region's text, changed at most every `ms`: the first change at once, then the
 * latest after the wait. A key another party changes in a burst (a script, 50 times a
 * second) must not have a screen reader interrupt the agent at each change; what is shown
 * beside it stays current. `sayNow` says the latest at once, when the agent is about to act on it.
 */
export function useSaidAtMost(text: string | null, ms: number): readonly [said: string | null, sayNow: () => void] {
  const [said, setSaid] = useState(text);
  const lastSaid = useRef(0);
  const say = (next: string | null) => {
    // Silence is not a saying: a new text after it is said at once.
    lastSaid.current = next === null ? 0 : Date.now();
    setSaid(next);
  };
  useEffect(() => {
    if (text === said) return;
    const wait = lastSaid.current + ms - Date.now();
    if (wait <= 0 || text === null) return say(text);
    const timer = setTimeout(() => say(text), wait);
    return () => clearTimeout(timer);
  }, [text, said, ms]);
  return [said, () => say(text)];
}
