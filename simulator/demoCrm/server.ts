// The demo CRM: a fake case record with the panel embedded through the SDK, served on an
// origin of its own (another port), so the panel runs cross-origin exactly as in a CRM.

import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen } from '../httpUtil';

const HERE = dirname(fileURLToPath(import.meta.url));

export type DemoCrmOptions = {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** The widget's URL, read per request: the widget may start after the CRM (each needs the other's origin). */
  readonly widgetUrl: () => string;
  /** The built widget folder holding demo-crm/crm.js (dist/). */
  readonly distDir: string;
};

export type RunningDemoCrm = { readonly url: string; readonly port: number; close(): Promise<void> };

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Readonly<Record<string, string>>): void {
  res.writeHead(status, { 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

async function page(widgetUrl: string, path: string): Promise<{ html: string; csp: string }> {
  const widgetOrigin = new URL(widgetUrl).origin;
  const template = await readFile(join(HERE, 'index.html'), 'utf8');
  const caseNumber = /^\/cases\/(\d{1,12})$/.exec(path)?.[1] ?? '00001026';
  const html = template
    .replace('%WIDGET_URL%', escapeAttribute(widgetUrl))
    .replace('%SDK_URL%', escapeAttribute(`${widgetOrigin}/embed.js`))
    .replaceAll('00001026', caseNumber)
    .replace('/cases/00001027', `/cases/${String(Number(caseNumber) + 1).padStart(8, '0')}`);
  // What a careful CRM sends: scripts from itself and the panel's deployment, frames from the panel only.
  const csp = `default-src 'self'; script-src 'self' ${widgetOrigin}; frame-src ${widgetOrigin}; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'`;
  return { html, csp };
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost']);

/**
 * The widget under the loopback name the page was asked for: the demo opened at localhost
 * framed 127.0.0.1, another site, whose cookies (the simulator's BAYEUX_BROWSER) a browser
 * does not send from a frame of it, and the panel never went live (integrator's test).
 */
function widgetUrlFor(req: IncomingMessage, widgetUrl: string): string {
  const url = new URL(widgetUrl);
  const asked = URL.canParse(`http://${req.headers.host ?? ''}`) ? new URL(`http://${req.headers.host ?? ''}`).hostname : '';
  if (LOOPBACK_NAMES.has(url.hostname) && LOOPBACK_NAMES.has(asked)) url.hostname = asked;
  return url.href;
}

async function route(req: IncomingMessage, res: ServerResponse, options: DemoCrmOptions): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://crm.invalid').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only', { 'Content-Type': 'text/plain; charset=utf-8' });
  if (path === '/crm.css') return send(res, 200, await readFile(join(HERE, 'crm.css')), { 'Content-Type': 'text/css; charset=utf-8' });
  if (path === '/crm.js' || path === '/crm.js.map') {
    try {
      const file = await readFile(join(options.distDir, 'demo-crm', path.slice(1)));
      return send(res, 200, file, { 'Content-Type': path.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8' });
    } catch {
      return send(res, 404, 'The demo CRM is not built: run "npm run build".', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
  }
  // Every other path is a CRM "page": /cases/<number> shows that case, anything else the first one.
  const { html, csp } = await page(widgetUrlFor(req, options.widgetUrl()), path);
  return send(res, 200, html, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
}

export async function startDemoCrm(options: DemoCrmOptions): Promise<RunningDemoCrm> {
  const server = createServer((req, res) => {
    route(req, res, options).catch((error: unknown) => {
      console.error('[demo CRM] request failed:', error);
      if (!res.headersSent) send(res, 500, 'demo CRM error', { 'Content-Type': 'text/plain; charset=utf-8' });
    });
  });
  const host = options.host ?? '127.0.0.1';
  const { port, url } = await listen(server, options.port ?? 0, host, 'demo CRM');
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
