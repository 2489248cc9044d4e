// How the simulator hosts the built widget the way a production web server should:
//   - config.json, from the deployment's file or from the options (demo, tests);
//   - `Content-Security-Policy: frame-ancestors` on every page, built from the same
//     allowedHostOrigins the widget reads, with the widget's own parser;
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
  /** Extra headers for HTML pages. */
  readonly htmlHeaders: Readonly<Record<string, string>>;
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
    htmlHeaders: { 'Content-Security-Policy': frameAncestorsDirective(allowedHostOrigins) },
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
  return originMatches(origin, [ownOrigin, ...hosting.allowedHostOrigins]) ? null : origin;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Static text, no script: safe to show inside any frame, so it carries no frame-ancestors. */
export function sendFramingRefusal(res: ServerResponse, framer: string, widgetUrl: string): void {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Case Data Panel: not allowed here</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:1rem;color:#1b1f24;background:#fff}h1{font-size:1.1rem}</style></head>
<body><main>
<h1>The Case Data Panel cannot be shown here</h1>
<p>This page (${escapeHtml(framer)}) is not allowed to embed the panel.</p>
<p>An administrator can add this origin to "allowedHostOrigins" in the panel's config.json.</p>
<p><a href="${escapeHtml(widgetUrl)}" target="_blank" rel="noopener noreferrer">Open the panel in its own window</a></p>
</main></body></html>`;
  res.writeHead(403, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(html);
}
