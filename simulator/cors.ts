// CORS as GWS's `crossOriginSettings` configures it: listed origins are reflected with
// credentials allowed, and the CSRF headers are exposed so a page on another origin can read
// the token. Loopback origins are always allowed, so a widget served by any local dev
// server (Vite on :5173, a demo CRM page) can talk to the simulator.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'Content-Type, X-CSRF-TOKEN, Authorization, X-Requested-With';
const EXPOSED_HEADERS = 'X-CSRF-HEADER, X-CSRF-TOKEN';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isAllowedOrigin(origin: string, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.includes(origin)) return true;
  return /^https?:\/\//.test(origin) && LOOPBACK_HOSTS.has(hostnameOf(origin) ?? '');
}

/**
 * Why a request is refused before it reaches a route, or null. The simulator has no
 * authentication and a web page can reach a loopback server through the developer's
 * browser (security review): a request naming a host that is not loopback while the server
 * listens on loopback is DNS rebinding, and a write from an origin CORS does not allow is a
 * cross-site form or text/plain POST, which needs no preflight. curl sends no Origin; the
 * widget's own pages send their own origin.
 */
export function refusedCaller(req: IncomingMessage, allowedOrigins: readonly string[], servedAs: ReadonlySet<string>): string | null {
  const hostHeader = req.headers.host ?? '';
  if (!servedAs.has(hostnameOf(`http://${hostHeader}`) ?? '')) return `host ${JSON.stringify(hostHeader)} is not this server`;
  const origin = req.headers.origin;
  const writes = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
  if (writes && origin !== undefined && origin !== `http://${hostHeader}` && !isAllowedOrigin(origin, allowedOrigins)) return `origin ${origin} may not change the simulator`;
  return null;
}

/**
 * The names a request may give for a server bound to `bind`: the loopback ones, and the
 * address it listens on; on every interface (0.0.0.0, ::), each interface's address and the
 * machine's name. Any other name reached it by DNS rebinding.
 */
export function namesServedAs(bind: string): ReadonlySet<string> {
  const names = new Set(LOOPBACK_HOSTS);
  if (bind !== '0.0.0.0' && bind !== '::') names.add(hostnameOf(`http://${bind.includes(':') ? `[${bind}]` : bind}`) ?? bind);
  else {
    names.add(hostname().toLowerCase());
    for (const address of Object.values(networkInterfaces()).flat()) {
      if (address) names.add(address.family === 'IPv6' ? `[${address.address}]` : address.address);
    }
  }
  return names;
}

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/**
 * Adds the CORS headers for an allowed Origin and answers preflights.
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && isAllowedOrigin(origin, allowedOrigins);
  if (origin !== undefined) res.setHeader('Vary', 'Origin');
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  }
  if (req.method !== 'OPTIONS') return false;
  if (origin !== undefined && !allowed) {
    // GWS's CORS filter refuses unknown origins; the browser then blocks the real request.
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('CORS origin not allowed');
    return true;
  }
  res.writeHead(204, {
    Allow: ALLOWED_METHODS,
    ...(allowed
      ? {
          'Access-Control-Allow-Methods': ALLOWED_METHODS,
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          // corsFilterCacheTimeToLive: 120 in the GWS deployment sample.
          'Access-Control-Max-Age': '120',
        }
      : {}),
  });
  res.end();
  return true;
}
