// Is the widget in an iframe, and is the page around it allowed? The server's
// `frame-ancestors` header is the real guard; this check is for deployments that serve
// the widget without it, and it decides what the agent sees instead of a blank box.

import { originMatches, type OriginPattern } from './origins';

export type Framing =
  | { readonly kind: 'top-level' }
  | {
      readonly kind: 'framed';
      /** Nearest first; empty when the browser tells nothing (no ancestorOrigins, no referrer). */
      readonly ancestorOrigins: readonly string[];
      /** The first ancestor that is not allowed, if any is known. */
      readonly refusedOrigin: string | null;
      /**
       * Refused: an ancestor is not allowed, or none is known (a browser without
       * ancestorOrigins, a frame asked to send no referrer). Unknown is not allowed: on a
       * server without frame-ancestors this check is the only guard (security review).
       */
      readonly refused: boolean;
    };

export function isFramed(win: Window): boolean {
  try {
    return win.self !== win.top;
  } catch {
    // Some browsers throw on `top` across origins: that alone says we are framed.
    return true;
  }
}

/** What the browser reveals about who frames us: ancestorOrigins (Chromium, Safari), else the referrer. */
export function knownAncestorOrigins(win: Window): readonly string[] {
  const location = win.location;
  if ('ancestorOrigins' in location && location.ancestorOrigins) return Array.from(location.ancestorOrigins);
  try {
    const referrer = win.document.referrer;
    return referrer ? [new URL(referrer).origin] : [];
  } catch {
    return [];
  }
}

export function allowedHostPatterns(allowedOrigins: readonly OriginPattern[], ownOrigin: string): readonly OriginPattern[] {
  // A widget framed with `sandbox` but without allow-same-origin has the opaque origin
  // "null", which every other sandboxed or data: document shares: it is nobody's identity.
  return ownOrigin === OPAQUE_ORIGIN ? allowedOrigins : [ownOrigin, ...allowedOrigins];
}

const OPAQUE_ORIGIN = 'null';

export function detectFraming(win: Window, allowedOrigins: readonly OriginPattern[]): Framing {
  if (!isFramed(win)) return { kind: 'top-level' };
  const ancestorOrigins = knownAncestorOrigins(win);
  const patterns = allowedHostPatterns(allowedOrigins, win.location.origin);
  const refusedOrigin = ancestorOrigins.find((origin) => !originMatches(origin, patterns)) ?? null;
  return { kind: 'framed', ancestorOrigins, refusedOrigin, refused: refusedOrigin !== null || ancestorOrigins.length === 0 };
}
