// What the widget knows of its host before the bridge's code has loaded. The bridge (its
// message schemas, origin checks and replies) loads after the first paint; a host that
// posts right after the iframe's load event must not lose its first messages meanwhile,
// so listening starts here, at start-up, and what arrives is kept, unread, for the bridge.

import { hasOurNamespace, REQUEST_ID_LIMIT } from './namespace';
import type { OriginPattern } from './origins';

/** More early protocol messages than a host could sensibly send before the bridge reads them. */
export const EARLY_LIMIT = 100;

/**
 * What is kept of an early request the inbox had no room for: enough for the bridge to answer it
 * (a host awaiting it must not wait for ever), once it knows whether that origin may be answered.
 */
export type DroppedRequest = { readonly origin: string; readonly requestId: string };

export type HostInbox = {
  readonly window: Window;
  /**
   * Hands the requests it had no room for to `dropped` (all older than what it kept), then the
   * messages heard so far, then each new one, to `reader`.
   */
  read(reader: (event: MessageEvent) => void, dropped: (request: DroppedRequest) => void): void;
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
  const droppedRequests: DroppedRequest[] = [];
  let reader: ((event: MessageEvent) => void) | null = null;
  let warned = false;
  const onMessage = (event: MessageEvent) => {
    if (reader) return reader(event);
    // Only the embedding page can be the host, and only the protocol's messages are for the
    // panel: other windows' (extensions, other frames) and other scripts' traffic on the
    // page must not take the host's places here. The bridge checks origin and the rest.
    if (event.source !== win.parent || !hasOurNamespace(event.data)) return;
    early.push(event);
    if (early.length <= EARLY_LIMIT) return;
    // The oldest goes, not the newest: after a burst of setActiveChat the panel must end on the host's
    // last chat, not on an old one (integrator's test). Its id is kept, a few hundred bytes at most,
    // so that a host awaiting its answer hears it was dropped.
    const oldest = early.shift();
    const data: unknown = oldest?.data;
    if (oldest && hasOurNamespace(data) && typeof data.requestId === 'string' && data.requestId.length <= REQUEST_ID_LIMIT) {
      droppedRequests.push({ origin: oldest.origin, requestId: data.requestId });
    }
    if (warned) return;
    warned = true;
    console.warn(`Case Data Panel: the host sent more than ${EARLY_LIMIT} messages before the panel could read them; the oldest are dropped.`);
  };
  win.addEventListener('message', onMessage);
  return {
    window: win,
    read(next, dropped) {
      reader = next;
      for (const request of droppedRequests.splice(0)) dropped(request);
      for (const event of early.splice(0)) next(event);
    },
    close() {
      win.removeEventListener('message', onMessage);
      reader = null;
      early.length = 0;
      droppedRequests.length = 0;
    },
  };
}
