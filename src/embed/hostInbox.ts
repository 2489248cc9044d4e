// What the widget knows of its host before the bridge's code has loaded. The bridge (its
// message schemas, origin checks and replies) loads after the first paint; a host that
// posts right after the iframe's load event must not lose its first messages meanwhile,
// so listening starts here, at start-up, and what arrives is kept, unread, for the bridge.

import { hasOurNamespace } from './namespace';
import type { OriginPattern } from './origins';

/** More early protocol messages than a host could sensibly send before the bridge reads them. */
const EARLY_LIMIT = 100;

export type HostInbox = {
  readonly window: Window;
  /** Hands the messages heard so far, then each new one, to `reader`. */
  read(reader: (event: MessageEvent) => void): void;
  /** Stops listening, for good. */
  close(): void;
};

/** The host as configured at start-up: where its messages arrive, and who may send them. */
export type HostLink = {
  readonly inbox: HostInbox;
  readonly allowedOrigins: readonly OriginPattern[];
  /** The embedding page's origin as the browser reports it (nearest first), if it does. */
  readonly ancestorOrigins: readonly string[];
};

export function listenToHost(win: Window): HostInbox {
  const early: MessageEvent[] = [];
  let reader: ((event: MessageEvent) => void) | null = null;
  let dropped = 0;
  const onMessage = (event: MessageEvent) => {
    if (reader) return reader(event);
    // Only the embedding page can be the host, and only the protocol's messages are for the
    // panel: other windows' (extensions, other frames) and other scripts' traffic on the
    // page must not take the host's places here. The bridge checks origin and the rest.
    if (event.source !== win.parent || !hasOurNamespace(event.data)) return;
    if (early.length < EARLY_LIMIT) return void early.push(event);
    if (dropped++ === 0) console.warn(`Case Data Panel: the host sent more than ${EARLY_LIMIT} messages before the panel could read them; later ones are dropped until it can.`);
  };
  win.addEventListener('message', onMessage);
  return {
    window: win,
    read(next) {
      reader = next;
      for (const event of early.splice(0)) next(event);
    },
    close() {
      win.removeEventListener('message', onMessage);
      reader = null;
      early.length = 0;
    },
  };
}
