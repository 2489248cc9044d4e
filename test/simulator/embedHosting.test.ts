// @vitest-environment node
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type RunningDemoCrm } from '../../simulator/demoCrm/server';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

const CRM = 'https://crm.example.com';
let widgetDir: string;
let sim: RunningSimulator;
let fromFile: RunningSimulator;

beforeAll(async () => {
  widgetDir = await mkdtemp(join(tmpdir(), 'case-data-embed-'));
  await mkdir(join(widgetDir, 'demo-crm'));
  await writeFile(join(widgetDir, 'index.html'), '<!doctype html><title>Case Data Panel</title>');
  await writeFile(join(widgetDir, 'embed.js'), 'export function mountCaseDataPanel() {}');
  await writeFile(join(widgetDir, 'demo-crm', 'crm.js'), 'console.log("crm");');
  await writeFile(join(widgetDir, 'config.json'), JSON.stringify({ allowedHostOrigins: ['https://from-file.example.com', 'https://bad.example.com/path'] }));
  sim = await startSimulator({ widgetDir, widgetConfig: { allowedHostOrigins: [CRM, 'https://*.my.salesforce.com'], theme: 'dark' } });
  fromFile = await startSimulator({ widgetDir });
});
afterAll(async () => {
  await Promise.all([sim.close(), fromFile.close()]);
  await rm(widgetDir, { recursive: true, force: true });
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('hosting the widget for embedding', () => {
  it('sends frame-ancestors built from the configured allowlist on its pages', async () => {
    const page = await get(`${sim.url}/`, { Accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain(`; frame-ancestors 'self' ${CRM} https://*.my.salesforce.com`);
  });

  it('serves the same configuration as config.json', async () => {
    const config = await get(`${sim.url}/config.json`);
    expect(JSON.parse(config.text)).toEqual({ allowedHostOrigins: [CRM, 'https://*.my.salesforce.com'], theme: 'dark' });
  });

  it('without a configuration option, reads the folder’s config.json, dropping bad entries', async () => {
    const page = await get(`${fromFile.url}/index.html`);
    expect(page.headers.get('content-security-policy')).toMatch(/; frame-ancestors 'self' https:\/\/from-file\.example\.com$/);
    const config = await get(`${fromFile.url}/config.json`);
    expect(JSON.parse(config.text)).toEqual({ allowedHostOrigins: ['https://from-file.example.com', 'https://bad.example.com/path'] });
  });

  it('explains, instead of a blank frame, when a page that is not allowed frames it', async () => {
    const refused = await get(`${sim.url}/?chatId=C-1&locale=de&gwsBaseUrl=https://evil.example`, { 'Sec-Fetch-Dest': 'iframe', Referer: 'https://evil.example/case/7' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(refused.text).toContain('The Case Data Panel cannot be shown here');
    expect(refused.text).toContain('This page (https://evil.example) is not allowed to embed the panel.');
    expect(refused.text).not.toContain('<script');
    // Its link opens the chat asked for, in its language; nothing else of the framing page's URL.
    expect(refused.text).toContain(`<a href="${sim.url}/?chatId=C-1&#38;locale=de" target="_blank"`);
    expect(refused.headers.get('content-security-policy')).not.toContain('frame-ancestors');
  });

  it('names the allowlist entries it ignored on the refusal page: why a page that looks listed is refused', async () => {
    const refused = await get(`${fromFile.url}/`, { 'Sec-Fetch-Dest': 'iframe', Referer: 'https://bad.example.com/path/case' });
    expect(refused.status).toBe(403);
    // Before (integrator's test): only in the frame's console.
    expect(refused.text).toContain('<p>Entries of "allowedHostOrigins" it ignored:</p><ul><li>allowedHostOrigins[1]: &#34;https://bad.example.com/path&#34; must be an origin only');
    expect(refused.text).toContain('did you mean &#34;https://bad.example.com&#34;?</li></ul>');
  });

  it('serves the widget to allowed framers, to itself, and whenever the browser does not say who frames it', async () => {
    const cases: Record<string, string>[] = [
      { 'Sec-Fetch-Dest': 'iframe', Referer: `${CRM}/case/7` },
      { 'Sec-Fetch-Dest': 'iframe', Referer: 'https://acme.my.salesforce.com/lightning/r/Case/1' },
      { 'Sec-Fetch-Dest': 'iframe', Referer: `${sim.url}/other` },
      // Itself by its other loopback name (exploratory test: refused).
      { 'Sec-Fetch-Dest': 'iframe', Referer: `${sim.url.replace('//127.0.0.1:', '//localhost:')}/other` },
      { 'Sec-Fetch-Dest': 'iframe' },
      { Referer: 'https://evil.example/' },
    ];
    for (const headers of cases) {
      const page = await get(`${sim.url}/`, headers);
      expect({ headers, status: page.status }).toEqual({ headers, status: 200 });
      expect(page.headers.get('content-security-policy')).toContain('frame-ancestors');
    }
  });

  it('lets CRM pages on other origins load the SDK as a module, and nothing else', async () => {
    const sdk = await get(`${sim.url}/embed.js`, { Origin: CRM });
    expect(sdk.headers.get('access-control-allow-origin')).toBe('*');
    expect(sdk.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const page = await get(`${sim.url}/index.html`, { Origin: CRM });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the demo CRM', () => {
  let crm: RunningDemoCrm;
  beforeAll(async () => {
    crm = await startDemoCrm({ widgetUrl: () => `${sim.url}/`, distDir: widgetDir });
  });
  afterAll(async () => {
    await crm.close();
  });

  it('is on an origin of its own, and points at the widget and its SDK', async () => {
    expect(new URL(crm.url).origin).not.toBe(new URL(sim.url).origin);
    const page = await get(`${crm.url}/cases/00001027`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<meta name="case-data-panel-src" content="${sim.url}/" />`);
    expect(page.text).toContain(`<meta name="case-data-panel-sdk" content="${sim.url}/embed.js" />`);
    expect(page.headers.get('content-security-policy')).toContain(`frame-src ${sim.url}`);
    expect(page.headers.get('content-security-policy')).toContain(`script-src 'self' ${sim.url}`);
  });

  it('frames the widget under the loopback name it was asked by: localhost and 127.0.0.1 are two sites (integrator’s test)', async () => {
    // Asked as localhost, it framed 127.0.0.1, another site: its cookies stayed home, and the panel never went live.
    const asLocalhost = await new Promise<string>((resolve, reject) => {
      const asking = request(`${crm.url}/`, { headers: { Host: `localhost:${crm.port}` } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(text));
      });
      asking.on('error', reject);
      asking.end();
    });
    const widget = sim.url.replace('//127.0.0.1:', '//localhost:');
    expect(asLocalhost).toContain(`<meta name="case-data-panel-src" content="${widget}/" />`);
    expect(asLocalhost).toContain(`<meta name="case-data-panel-sdk" content="${widget}/embed.js" />`);
  });

  it('serves its script from the build', async () => {
    const script = await get(`${crm.url}/crm.js`);
    expect(script.text).toBe('console.log("crm");');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });
});
