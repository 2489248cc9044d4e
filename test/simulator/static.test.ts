// @vitest-environment node
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

let widgetDir: string;
let sim: RunningSimulator;

beforeAll(async () => {
  widgetDir = await mkdtemp(join(tmpdir(), 'case-data-widget-'));
  await mkdir(join(widgetDir, 'assets'));
  await writeFile(join(widgetDir, 'index.html'), '<!doctype html><title>Case Data Panel</title>');
  await writeFile(join(widgetDir, 'assets', 'index-abc123.js'), 'console.log("widget");');
  await writeFile(join(widgetDir, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(join(widgetDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(tmpdir(), 'case-data-secret.txt'), 'secret');
  sim = await startSimulator({
    widgetDir,
    extraHandler: (req, res) => {
      if (req.url !== '/extra') return false;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('from the extra handler');
      return true;
    },
  });
});

function rawGet(port: number, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

afterAll(async () => {
  await sim.close();
  await rm(widgetDir, { recursive: true, force: true });
  await rm(join(tmpdir(), 'case-data-secret.txt'), { force: true });
});

describe('serving the built widget', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/favicon.svg', 'image/svg+xml', 'no-cache'],
  ])('GET %s has content type %s', async (path, contentType, cacheControl) => {
    const response = await fetch(`${sim.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
    await response.text();
  });

  it('falls back to index.html for page navigations only', async () => {
    const page = await fetch(`${sim.url}/some/client/route`, { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Case Data Panel');
    const asset = await fetch(`${sim.url}/assets/missing.js`, { headers: { Accept: '*/*' } });
    expect(asset.status).toBe(404);
    await asset.text();
  });

  it('never serves files outside the widget folder', async () => {
    // Raw requests: fetch would normalize the dot segments before sending.
    for (const path of ['/../case-data-secret.txt', '/..%2fcase-data-secret.txt', '/assets/..%2f..%2fcase-data-secret.txt', '/%2e%2e%2fcase-data-secret.txt']) {
      const { status, text } = await rawGet(sim.port, path);
      expect(text).not.toBe('secret');
      expect(status).toBe(404);
    }
  });

  it('lets the extra handler answer before the widget files, after the API', async () => {
    const extra = await fetch(`${sim.url}/extra`);
    expect(await extra.text()).toBe('from the extra handler');
    const api = await fetch(`${sim.url}/api/v2/me`);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    await api.text();
  });

  it('answers 404 at / when no widget is served', async () => {
    const bare = await startSimulator();
    try {
      const response = await fetch(`${bare.url}/`, { headers: { Accept: 'text/html' } });
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('/api/v2');
    } finally {
      await bare.close();
    }
  });
});
