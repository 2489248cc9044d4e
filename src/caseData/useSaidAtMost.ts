import { useEffect, useRef, useState } from 'react';

/**
 * A live region's text, changed at most every `ms`: the first change at once, then the
 * latest after the wait. A key another party changes in a burst (a script, 50 times a
 * second) must not have a screen reader interrupt the agent at each change; what is shown
 * beside it stays current.
 */
export function useSaidAtMost(text: string | null, ms: number): string | null {
  const [said, setSaid] = useState(text);
  const lastSaid = useRef(0);
  useEffect(() => {
    if (text === said) return;
    const say = () => {
      // Silence is not a saying: a new text after it is said at once.
      lastSaid.current = text === null ? 0 : Date.now();
      setSaid(text);
    };
    const wait = lastSaid.current + ms - Date.now();
    if (wait <= 0 || text === null) return say();
    const timer = setTimeout(say, wait);
    return () => clearTimeout(timer);
  }, [text, said, ms]);
  return said;
}
