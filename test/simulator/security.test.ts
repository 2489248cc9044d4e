// @vitest-environment node
// What the simulator sends as a production server should: the widget's pages under a strict
// Content-Security-Policy with its referrer and opener policies, every answer with nosniff,
// and the simulator itself reachable from this machine only, its /sim/ API switchable off.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

const CRM = 'https://crm.example.com';
let widgetDir: string;
let sim: RunningSimulator;
let sameOrigin: RunningSimulator;

beforeAll(async () => {
  widgetDir = await mkdtemp(join(tmpdir(), 'case-data-security-'));
  await mkdir(join(widgetDir, 'assets'));
  await writeFile(join(widgetDir, 'index.html'), '<!doctype html><title>Case Data Panel</title><script type="module" src="/assets/index.js"></script>');
  await writeFile(join(widgetDir, 'assets', 'index.js'), 'console.log("widget");');
  await writeFile(join(widgetDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
  await writeFile(join(widgetDir, 'embed.js'), 'export function mountCaseDataPanel() {}');
  await writeFile(join(widgetDir, 'host.html'), '<!doctype html><title>Bench host</title><script>window.bench = 1</script>');
  sim = await startSimulator({ widgetDir, widgetConfig: { gwsBaseUrl: 'https://gws.example.com:8443/gws/', credentials: 'include', allowedHostOrigins: [CRM] } });
  sameOrigin = await startSimulator({ widgetDir, widgetConfig: {} });
});
afterAll(async () => {
  await Promise.all([sim.close(), sameOrigin.close()]);
  await rm(widgetDir, { recursive: true, force: true });
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  await response.text();
  return response;
}

/** "a b; c d" -> { a: ["b"], c: ["d"] }: compared directive by directive. */
function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries((policy ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter(([name]) => name).map(([name = '', ...sources]) => [name, sources]));
}

describe('the headers of the widget’s pages', () => {
  it('sends a strict policy: own origin only, nothing inline, no eval, network to GWS, framing by the allowlist', async () => {
    for (const path of ['/', '/index.html', '/?chatId=0000Wa9CAM6W00J', '/a/client/route']) {
      const page = await get(`${sim.url}${path}`, { Accept: 'text/html' });
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(directives(page.headers.get('content-security-policy'))).toEqual({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'", 'https://gws.example.com:8443'],
        'worker-src': ['blob:'],
        'frame-src': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
        'frame-ancestors': ["'self'", CRM],
      });
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });

  it('with GWS behind the same origin, connects to its own origin only, and is framed by itself only', async () => {
    const policy = directives((await get(`${sameOrigin.url}/`)).headers.get('content-security-policy'));
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toEqual(["'self'"]);
  });

  it('gives another page in the folder (the bench’s host page) framing protection only', async () => {
    const page = await get(`${sim.url}/host.html`);
    expect(directives(page.headers.get('content-security-policy'))).toEqual({ 'frame-ancestors': ["'self'", CRM] });
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves every other file so that, opened on its own, it runs nothing', async () => {
    for (const path of ['/assets/index.js', '/logo.svg', '/embed.js']) {
      const file = await get(`${sim.url}${path}`, { Origin: CRM });
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(directives(file.headers.get('content-security-policy'))).toEqual({ 'default-src': ["'none'"], sandbox: [] });
    }
    // The host SDK stays loadable by CRM pages.
    expect((await get(`${sim.url}/embed.js`, { Origin: CRM })).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('explains a refused framing in a page that can run nothing and sends no referrer', async () => {
    const refused = await get(`${sim.url}/`, { 'Sec-Fetch-Dest': 'iframe', Referer: 'https://evil.example/' });
    expect(refused.status).toBe(403);
    expect(directives(refused.headers.get('content-security-policy'))).toMatchObject({ 'default-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"] });
    expect(refused.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends nosniff on API answers, errors and the configuration too', async () => {
    for (const path of ['/api/v2/me', '/api/v2/me/chats/nope', '/config.json', '/no-such-file.js', '/sim/chats']) {
      expect({ path, nosniff: (await get(`${sim.url}${path}`)).headers.get('x-content-type-options') }).toEqual({ path, nosniff: 'nosniff' });
    }
  });
});

describe('the simulator’s exposure', () => {
  it('binds to the loopback address by default', () => {
    const address = sim.httpServer.address();
    expect(typeof address === 'object' && address !== null ? address.address : address).toBe('127.0.0.1');
  });

  describe('started from the command line with --no-control-api', () => {
    let child: ChildProcess;
    let url = '';
    let output = '';

    beforeAll(async () => {
      const { PORT: _port, HOST: _host, ...env } = process.env;
      child = spawn(process.execPath, ['--import', 'tsx', 'simulator/main.ts', '--no-widget', '--no-control-api'], { env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
      url = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const found = /(http:\/\/[^\s/]+)\/ /.exec(output)?.[1];
          if (found) resolve(found);
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        child.once('exit', (code) => reject(new Error(`the simulator exited (${String(code)}): ${output}`)));
      });
    });
    afterAll(async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    });

    it('says so, serves GWS, and answers /sim/ with 404', async () => {
      expect(output).toContain('control API off');
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await get(`${url}/api/v2/me`)).status).toBe(200);
      for (const path of ['/sim/chats', '/sim/reset', '/sim/faults']) {
        const response = await fetch(`${url}${path}`, { method: 'POST', body: '{}' });
        expect({ path, status: response.status, body: await response.json() }).toEqual({ path, status: 404, body: { ok: false, error: 'the control API is turned off' } });
      }
    });

    it('listens on 127.0.0.1 only, as the kernel reports it', () => {
      // Linux lists listening IPv4 sockets in /proc/net/tcp: local address 0100007F is 127.0.0.1.
      if (!existsSync('/proc/net/tcp')) return;
      const port = Number(new URL(url).port).toString(16).toUpperCase().padStart(4, '0');
      const listening = readFileSync('/proc/net/tcp', 'utf8')
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${port}`))
        .map((fields) => fields[1]);
      expect(listening).toEqual([`0100007F:${port}`]);
      const v6 = existsSync('/proc/net/tcp6') ? readFileSync('/proc/net/tcp6', 'utf8') : '';
      expect(v6).not.toMatch(new RegExp(`:${port} [0-9A-F]{32}:0000 0A`));
    });
  });
});
