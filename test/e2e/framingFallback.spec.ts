import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';

// A host the panel does not allow, on a static server that sends no frame-ancestors (so the
// panel itself must refuse): its explanation is a chunk of its own, loaded only then. If that
// chunk cannot be loaded, the frame still says why, instead of staying blank.
const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

test('a host that may not frame the panel is told so even when the explanation cannot be loaded', async ({ page }) => {
  const widget = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join('dist', path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  const widgetUrl = await listen(widget);
  const host = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><title>Not allowed</title><iframe title="Panel" src="${widgetUrl}/"></iframe>`);
  });
  const hostUrl = await listen(host);
  try {
    await page.route(/\/assets\/FramingRefused-[^/]*\.js$/, (route) => route.abort());
    await page.goto(`${hostUrl}/`);
    await expect(page.frameLocator('iframe[title="Panel"]').getByText(`This page (${hostUrl}) is not allowed to embed the Case Data Panel.`)).toBeVisible();
  } finally {
    widget.close();
    host.close();
  }
});
