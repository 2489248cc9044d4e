// Serves the built widget (vite build's dist/) from the same origin as the GWS API, the way
// a widget would be hosted next to GWS: no CORS, and cookies just work.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: { readonly [extension: string]: string } = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function decodePath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

// The host SDK is loaded by CRM pages on other origins as a module script, which needs
// CORS. It is public code and is fetched without credentials, so "*" gives nothing away.
const SDK_FILES = /^(?:embed\.js(?:\.map)?|embed\.d\.ts|embed-types\/.*\.d\.ts)$/;

export type PageHeaders = {
  /** For the folder's index.html: the widget itself. */
  readonly widget: Readonly<Record<string, string>>;
  /** For any other HTML file in the folder. */
  readonly other: Readonly<Record<string, string>>;
};

function sendFile(req: IncomingMessage, res: ServerResponse, root: string, file: string, size: number, pageHeaders: PageHeaders): void {
  const extension = extname(file).toLowerCase();
  const inside = relative(root, file);
  const page = inside === 'index.html' ? pageHeaders.widget : pageHeaders.other;
  // Vite puts content-hashed names under assets/: those never change. Everything else
  // (index.html above all) must be revalidated so a rebuild shows up on reload.
  const immutable = inside.startsWith(`assets${sep}`) && extension !== '.html';
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    // The widget's page gets its strict policy, other pages framing protection (see
    // WidgetHosting); any other file opened as a document (an SVG, a source map in a tab)
    // runs nothing and reaches nothing.
    ...(extension === '.html' ? page : { 'Content-Security-Policy': "default-src 'none'; sandbox" }),
    ...(SDK_FILES.test(inside.split(sep).join('/')) ? { 'Access-Control-Allow-Origin': '*' } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Serves a file of `widgetDir` for GET/HEAD; `pageHeaders.widget` (the widget's CSP, referrer
 * and opener policies) go on its index.html. Unknown paths fall back to index.html when the
 * client asks for HTML (a page navigation), so client-side routes survive a reload.
 * Returns false when nothing was served.
 */
export async function serveWidget(
  widgetDir: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  pageHeaders: PageHeaders = { widget: {}, other: {} },
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const root = resolve(widgetDir);
  const decoded = decodePath(url.pathname);
  if (decoded === null) return false;
  const candidate = resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  const inside = relative(root, candidate);
  if (inside.startsWith('..') || isAbsolute(inside)) return false;

  let file: string | null = (await isFile(candidate)) ? candidate : null;
  if (file === null && (req.headers.accept ?? '').includes('text/html')) {
    const index = join(root, 'index.html');
    file = (await isFile(index)) ? index : null;
  }
  if (file === null) return false;
  sendFile(req, res, root, file, (await stat(file)).size, pageHeaders);
  return true;
}
