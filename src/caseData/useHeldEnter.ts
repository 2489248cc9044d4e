import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * How many of the agent's Enters (Ctrl+Enter in a multi-line editor) were held back over the
 * conflict shown now (useEditorText: a key pressed as it came up, or as the editor opened on it,
 * keeps the agent's value only when pressed again). Held, the editor stayed open and said
 * nothing, and the agent took the key for lost (exploratory test). Found after the key, in the
 * full editor's chunk, not in the first paint: an editor still open on the same conflict, with
 * no new reason, is one whose Enter was held. Counted, so that each is said anew.
 */
export function useHeldEnter(conflictText: string | null, reason: string | null, multiline: boolean) {
  const [held, setHeld] = useState<{ readonly on: string; readonly count: number } | null>(null);
  const now = useRef({ conflictText, reason });
  useLayoutEffect(() => void (now.current = { conflictText, reason }));
  const check = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(check.current), []);
  const afterKey = (event: KeyboardEvent) => {
    const { conflictText: shown, reason } = now.current;
    if (event.key !== 'Enter' || (multiline && !event.ctrlKey && !event.metaKey) || shown === null) return;
    clearTimeout(check.current);
    // After the commit, if there was one: it closes the editor (this is cleared) or says why not (a
    // reason other than the one shown before: review, a refusal still shown hid every held Enter).
    check.current = setTimeout(() => {
      if (now.current.conflictText === shown && now.current.reason === reason) setHeld((last) => ({ on: shown, count: last?.on === shown ? last.count + 1 : 1 }));
    });
  };
  // Another change of theirs, or none left: what was said of an Enter is over.
  return { held: held?.on === conflictText ? held.count : 0, afterKey };
}
