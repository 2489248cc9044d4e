// How the simulator hosts the built widget the way a production web server should:
//   - config.json, from the deployment's file or from the options (demo, tests);
//   - a strict Content-Security-Policy on every page (no inline script, no eval, network
//     to the widget's origin and GWS only), its `frame-ancestors` built from the same
//     allowedHostOrigins the widget reads, with the widget's own parser; Referrer-Policy
//     and Cross-Origin-Opener-Policy beside it;
//   - a page explaining the refusal when a browser frames the widget from an origin that
//     is not allowed, instead of the blank box a bare frame-ancestors refusal leaves.

import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
// The widget's own modules (not embed/'s index, which carries React components): the
// header and the widget must read the allowlist with one parser.
import { frameAncestorsDirective, originMatches, type OriginPattern } from '../src/embed/origins';
import { parseConfigFile } from '../src/embed/widgetConfig';
import type { JsonObject } from './json';

export type WidgetHosting = {
  /** config.json's content, when the simulator serves it itself; null: the file in the widget folder, if any. */
  readonly config: JsonObject | null;
  readonly allowedHostOrigins: readonly OriginPattern[];
  /** Problems in the configuration, as the widget will list them. */
  readonly problems: readonly string[];
  /** Headers for the widget's page (the folder's index.html, also the fallback for client routes). */
  readonly htmlHeaders: Readonly<Record<string, string>>;
  /**
   * Headers for any other HTML page in the folder. A deployment's dist/ has none; the bench
   * serves its host page and competitor grids this way, which need inline script and styles
   * and must be measured as they ship, so they only get the framing policy.
   */
  readonly otherPageHeaders: Readonly<Record<string, string>>;
};

export function widgetHosting(widgetDir: string, config: JsonObject | undefined): WidgetHosting {
  let source: unknown = config;
  if (config === undefined) {
    const file = join(widgetDir, 'config.json');
    try {
      source = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    } catch {
      // The widget reports a broken file itself; the server falls back to the strictest policy.
      source = {};
    }
  }
  const parsed = parseConfigFile(source);
  const allowedHostOrigins = parsed.config.allowedHostOrigins ?? [];
  return {
    config: config ?? null,
    allowedHostOrigins,
    problems: parsed.problems.map((problem) => `${problem.field}: ${problem.message}`),
    htmlHeaders: widgetPageHeaders({ allowedHostOrigins, gwsBaseUrl: parsed.config.gwsBaseUrl ?? '' }),
    otherPageHeaders: { 'Content-Security-Policy': frameAncestorsDirective(allowedHostOrigins) },
  };
}

/**
 * The policy for the widget's pages: everything from the widget's own origin, nothing
 * inline, no eval, and the network only towards GWS. Each source below is there for one
 * reason; SECURITY.md ("Content-Security-Policy") says which.
 */
export function widgetContentSecurityPolicy({ allowedHostOrigins, gwsBaseUrl }: { readonly allowedHostOrigins: readonly OriginPattern[]; readonly gwsBaseUrl: string }): string {
  // gwsBaseUrl was checked as "" or an http(s) URL by the widget's own parser; only its origin counts.
  const gws = gwsBaseUrl === '' ? null : new URL(gwsBaseUrl).origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React's `style` props (theme tokens, virtual-scroll padding) go through the CSSOM,
    // which style-src does not govern; `style="..."` markup stays refused.
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${gws === null ? '' : ` ${gws}`}`,
    // CometD runs its timers in a Worker made from a Blob (not throttled in background tabs).
    'worker-src blob:',
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    frameAncestorsDirective(allowedHostOrigins),
  ].join('; ');
}

export function widgetPageHeaders(settings: { readonly allowedHostOrigins: readonly OriginPattern[]; readonly gwsBaseUrl: string }): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': widgetContentSecurityPolicy(settings),
    // The widget's URL carries the chat id; nobody it talks to needs to know where it is.
    'Referrer-Policy': 'no-referrer',
    // A page that opens the standalone widget gets no handle on it (frames are unaffected).
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * The origin of the page framing this request, when the browser says both that it is a
 * frame navigation (Sec-Fetch-Dest) and who asks (Referer), and that origin is not allowed.
 * Anything less certain is served normally, and the browser enforces frame-ancestors.
 */
export function refusedFramer(req: IncomingMessage, hosting: WidgetHosting, ownOrigin: string): string | null {
  const dest = req.headers['sec-fetch-dest'];
  if (dest !== 'iframe' && dest !== 'frame') return null;
  const referer = req.headers.referer;
  if (!referer) return null;
  let origin: string;
  try {
    origin = new URL(referer).origin;
  } catch {
    return null;
  }
  // Its own pages by either loopback name too: the browser names the origin as the user typed it.
  return originMatches(origin, [ownOrigin, ownOrigin.replace('//127.0.0.1:', '//localhost:'), ...hosting.allowedHostOrigins]) ? null : origin;
}

/**
 * The widget's own address for the refusal page's link, with what the framing page asked to
 * show (the chat, language, theme: the URL parameters the widget reads, none of them secret or
 * widening trust), so the agent lands on the chat they are in the middle of.
 */
export function openingLink(ownOrigin: string, requested: URL): string {
  const link = new URL(`${ownOrigin}/`);
  for (const name of ['chatId', 'locale', 'theme', 'density']) {
    const value = requested.searchParams.get(name);
    if (value) link.searchParams.set(name, value);
  }
  return link.toString();
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Static text, no script: safe to show inside any frame, so it carries no frame-ancestors. */
export function sendFramingRefusal(res: ServerResponse, framer: string, widgetUrl: string, problems: readonly string[] = []): void {
  // An entry the allowlist ignored (a trailing slash, a path) is why a page that looks listed is
  // refused: said here, where the integrator looks (it was only in the frame's console: integrator's test).
  const ignored = problems.filter((problem) => problem.startsWith('allowedHostOrigins'));
  const list = ignored.length ? `<p>Entries of "allowedHostOrigins" it ignored:</p><ul>${ignored.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul>` : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Case Data Panel: not allowed here</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:1rem;color:#1b1f24;background:#fff}h1{font-size:1.1rem}</style></head>
<body><main>
<h1>The Case Data Panel cannot be shown here</h1>
<p>This page (${escapeHtml(framer)}) is not allowed to embed the panel.</p>
<p>An administrator can add this origin to "allowedHostOrigins" in the panel's config.json.</p>
${list}
<p><a href="${escapeHtml(widgetUrl)}" target="_blank" rel="noopener noreferrer">Open the panel in its own window</a></p>
</main></body></html>`;
  res.writeHead(403, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(html);
}
