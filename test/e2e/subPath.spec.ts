import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'vite';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

// The panel served under a path of a site (https://crm.example/panel/), built as README's deployment
// section says: `BASE_PATH=/panel/ npm run build`. Its own build, in a folder of its own: dist/ is the
// other specs'. Only /panel/ serves files (and the simulator's API its /api/v2/): an address the build left
// at the site's root answers 404, and fails the test (exploratory test: every asset did).

const BASE = '/panel/';
const SEED = '0000Wa9CAM6W00J';
const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };

let dist = '';
let sim: RunningSimulator;
const hosts: Server[] = [];
let crmUrl = '';
let strangerUrl = '';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  hosts.push(server);
  return `http://127.0.0.1:${address.port}`;
}

/** dist/ at /panel/, as a plain static server would serve it; the SDK with CORS, as README asks. */
function servePanel(req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://panel.invalid').pathname;
  if (!path.startsWith(BASE)) return false;
  const inside = normalize(path.slice(BASE.length)).replace(/^(\.\.[/\\])+/, '');
  const file = join(dist, inside === '.' || inside === '' ? 'index.html' : inside);
  readFile(file).then(
    (body) => {
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...(inside === 'embed.js' ? { 'Access-Control-Allow-Origin': '*' } : {}) });
      res.end(body);
    },
    () => {
      res.writeHead(404);
      res.end();
    },
  );
  return true;
}

/** A page on another origin that mounts the panel through the SDK, both from under /panel/. */
const crmPage = () => `<!doctype html><title>CRM</title><div id="case-data"></div>
<script type="module">
  import { mountCaseDataPanel } from '${sim.url}${BASE}embed.js';
  const panel = mountCaseDataPanel(document.getElementById('case-data'), { src: '${sim.url}${BASE}', chatId: '${SEED}', locale: 'de' });
  panel.ready.then((result) => { document.title = result.ok ? 'ready' : 'not ready'; });
</script>`;

test.beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'cdp-sub-path-'));
  const before = process.env.BASE_PATH;
  process.env.BASE_PATH = BASE;
  try {
    // What `npm run build` runs, the widget then the SDK, each reading BASE_PATH.
    await build({ configFile: 'vite.config.ts', mode: 'production', logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    await build({ configFile: 'vite.config.ts', mode: 'embed', logLevel: 'warn', build: { outDir: dist, emptyOutDir: false } });
  } finally {
    if (before === undefined) delete process.env.BASE_PATH;
    else process.env.BASE_PATH = before;
  }
  crmUrl = await listen(
    createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(crmPage());
    }),
  );
  strangerUrl = await listen(
    createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><title>Not allowed</title><iframe title="Panel" src="${sim.url}${BASE}"></iframe>`);
    }),
  );
  await writeFile(join(dist, 'config.json'), JSON.stringify({ allowedHostOrigins: [crmUrl] }));
  sim = await startSimulator({ port: 0, extraHandler: servePanel });
});

test.afterAll(async () => {
  await Promise.all([sim?.close(), ...hosts.map((server) => new Promise((resolve) => server.close(resolve)))]);
  if (dist) await rm(dist, { recursive: true, force: true });
});

/** Every request the page and its frames make that fails or is answered with an error. */
function failures(page: Page): string[] {
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} (${response.status()})`);
  });
  return failed;
}

test('standalone under /panel/: the page, its chunks loaded later and config.json all come from there', async ({ page }) => {
  const failed = failures(page);
  const requested: string[] = [];
  page.on('request', (request) => {
    // Not the blob: of a worker the page makes itself: what is fetched from the server.
    const url = new URL(request.url());
    if (url.protocol === 'http:') requested.push(url.pathname);
  });
  await page.goto(`${sim.url}${BASE}?chatId=${SEED}`);
  // Live: the CometD chunk loaded; the editor is a chunk of its own too.
  await expect(page.getByRole('status')).toHaveText('Live');
  await page.getByRole('row', { name: /^Subject\b/ }).getByRole('gridcell').dblclick();
  await expect(page.getByRole('textbox', { name: 'Value of Subject' })).toBeFocused();
  await page.keyboard.press('Escape');
  expect(requested).toContain(`${BASE}config.json`);
  expect(requested.filter((path) => !path.startsWith(BASE) && !path.startsWith('/api/v2/'))).toEqual([]);
  expect(failed).toEqual([]);
});

test('embedded through the SDK loaded from /panel/embed.js: ready, in German, its bridge and catalogue from /panel/assets/', async ({ page }) => {
  const failed = failures(page);
  await page.goto(`${crmUrl}/`);
  await expect(page).toHaveTitle('ready');
  const frame = page.frameLocator('iframe');
  // Named in German: the catalogue, a chunk of its own, came.
  await expect(frame.getByRole('grid', { name: 'Falldaten' })).toBeVisible();
  expect(failed).toEqual([]);
});

test('a page that may not frame it is told so (a chunk of its own), with a pop-out address under /panel/ that opens the panel', async ({ page }) => {
  const failed = failures(page);
  await page.goto(`${strangerUrl}/`);
  const panel = page.frameLocator('iframe[title="Panel"]');
  const popOut = panel.getByRole('link', { name: 'Open the panel in its own window' });
  await expect(popOut).toBeVisible();
  const href = await popOut.getAttribute('href');
  expect(href?.startsWith(`${sim.url}${BASE}?`)).toBe(true);
  await page.goto(href ?? '');
  await expect(page.getByRole('status')).toHaveText('Live');
  expect(failed).toEqual([]);
});
