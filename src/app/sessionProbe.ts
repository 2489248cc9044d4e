import type { ChatStore } from '../store';

/** How often an expired session is checked again, so the widget resumes by itself. */
export const SESSION_PROBE_MS = 5_000;

/**
 * While the store says the session is expired, asks GWS every SESSION_PROBE_MS whether it
 * is back (the agent may have logged in again elsewhere) and, when it answers, handshakes
 * again. It keeps asking until the connection leaves the expired state: a handshake refused
 * once more leaves it expired, and no change of state would start a new round (review).
 * One timer at most, whatever the order of answers and changes; nothing runs after `stop`.
 */
export function probeWhileExpired(store: ChatStore, askGws: () => Promise<unknown>, handshakeAgain: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const expired = () => store.getState().connection.kind === 'session-expired';
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(probe, SESSION_PROBE_MS);
  };
  function probe() {
    askGws().then(
      () => {
        if (stopped || !expired()) return;
        handshakeAgain();
        schedule();
      },
      () => {
        if (!stopped && expired()) schedule();
      },
    );
  }
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.connection.kind !== 'session-expired') clearTimeout(timer);
    else if (previous.connection.kind !== 'session-expired') schedule();
  });
  // The first read starts before React renders (startFirstRead): a quick 401 can have
  // expired the session before this subscription existed, and no change would follow.
  if (expired()) schedule();
  return () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
  };
}
