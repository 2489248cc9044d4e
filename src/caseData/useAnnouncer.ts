import { useCallback, useEffect, useRef, useState } from 'react';

/** An announcement is read once and then cleared. */
const ANNOUNCEMENT_MS = 10_000;
/** A long burst must not grow the region without end: past this, the newest alone is said. */
const LONGEST = 600;

/**
 * The grid's live region: what it says, and how to say something. What is said in one go
 * (one notification or key press, and the effects of the render it causes) is said
 * together: a screen reader drops a live region's text that is replaced before it has been
 * read (a write refused in the same notification that deleted the key being edited).
 */
export function useAnnouncer(): readonly [announcement: string, announce: (text: string) => void] {
  const [announcement, setAnnouncement] = useState('');
  const inOneGo = useRef(false);
  const announce = useCallback((text: string) => {
    const together = text !== '' && inOneGo.current;
    if (text !== '' && !inOneGo.current) {
      inOneGo.current = true;
      // Until the work of this task is done: effects of the same commit run before it.
      queueMicrotask(() => {
        inOneGo.current = false;
      });
    }
    setAnnouncement((current) => {
      const joined = `${current} ${text}`;
      if (together && current !== '' && joined.length <= LONGEST) return joined;
      // The same words again (another refusal for the same reason) must change the region,
      // or they are not said: a no-break space toggles at the end.
      return text !== '' && current === text ? `${text}\u00a0` : text;
    });
  }, []);
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => announce(''), ANNOUNCEMENT_MS);
    return () => clearTimeout(timer);
  }, [announcement, announce]);
  return [announcement, announce];
}
