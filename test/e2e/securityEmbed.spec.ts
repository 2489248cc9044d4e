// The leak audit, in the browser: the panel embedded in the demo CRM (another origin),
// driven through edits, a CSRF token rotation, a refused save, a draft, getState and a
// bad message. No CSRF token or cookie value may appear in any postMessage either way, in
// the frame's storage, in a URL or on the console; storage holds case data only; and
// neither page breaks its Content-Security-Policy.
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './embedFixtures';

const SEED = '0000Wa9CAM6W00J';

const panelFrame = (page: Page) => page.frameLocator('iframe[title="Case data panel"]');
const eventLog = (page: Page) => page.getByRole('list', { name: 'Widget events' });
const valueCell = (page: Page, key: string) => panelFrame(page).getByRole('grid', { name: 'Case data' }).getByRole('row', { name: new RegExp(`^${key}\\b`) }).getByRole('gridcell');

type Observed = { readonly messages: string[]; readonly violations: string[] };

/** Everything a frame observed: each message event's data as JSON, and CSP violations. */
function observed(target: Page | Frame): Promise<Observed> {
  return target.evaluate(() => ({
    messages: (Reflect.get(window, '__messages') as string[] | undefined) ?? [],
    violations: (Reflect.get(window, '__violations') as string[] | undefined) ?? [],
  }));
}

async function csrfToken(widgetUrl: string): Promise<string> {
  const response = await fetch(`${widgetUrl}/api/v2/me`);
  await response.text();
  const token = response.headers.get('x-csrf-token');
  if (!token) throw new Error('the simulator sent no CSRF token');
  return token;
}

async function edit(page: Page, key: string, value: string) {
  await valueCell(page, key).dblclick();
  const editor = panelFrame(page).getByRole('textbox', { name: `Value of ${key}` });
  await editor.fill(value);
  await editor.press('Enter');
}

test('no token or cookie reaches postMessage, storage, URLs or the console; storage holds case data only', async ({ page, context, embedding }) => {
  // Injected over CDP into every frame before its scripts; the pages' CSP does not apply to it.
  await context.addInitScript(() => {
    const messages: string[] = [];
    const violations: string[] = [];
    Reflect.set(window, '__messages', messages);
    Reflect.set(window, '__violations', violations);
    window.addEventListener('message', (event) => messages.push(JSON.stringify(event.data) ?? String(event.data)));
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  const urls: string[] = [];
  const consoleLines: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));

  const tokens = [await csrfToken(embedding.widgetUrl)];
  await page.goto(`${embedding.crmUrl}/`);
  await expect(panelFrame(page).getByRole('status').first()).toHaveText('Live', { timeout: 15_000 });
  await expect(eventLog(page)).toContainText('ready {"widgetVersion"');

  await edit(page, 'Subject', 'Refund requested');
  await expect(eventLog(page)).toContainText('"value":"Refund requested"');
  // A new token mid-session: the widget is refused once, re-reads it and retries.
  await embedding.control.faults({ rotateCsrfToken: true });
  tokens.push(await csrfToken(embedding.widgetUrl));
  await edit(page, 'Subject', 'Refund approved');
  await expect(eventLog(page)).toContainText('"value":"Refund approved"');
  await embedding.control.faults({ failNext: 1, statusCode: 4 });
  await edit(page, 'Subject', 'Refused by GWS');
  await expect(eventLog(page)).toContainText('saveFailed {"chatId"');
  await page.getByRole('button', { name: 'Get state' }).click();
  await expect(eventLog(page)).toContainText('state {"activeChatId"');
  await page.getByRole('button', { name: 'Send an unknown message' }).click();
  await expect(eventLog(page)).toContainText('error {"kind":"unknown-type"');
  // Last, a draft left open in its editor: what a reload would restore.
  const widgetFrame = page.frames().find((frame) => frame.url().startsWith(`${embedding.widgetUrl}/`));
  if (!widgetFrame) throw new Error('no widget frame');
  await valueCell(page, 'RVQID').dblclick();
  await panelFrame(page).getByRole('textbox', { name: 'Value of RVQID' }).fill('Draft in progress');
  await expect.poll(() => widgetFrame.evaluate(() => JSON.stringify(sessionStorage))).toContain('Draft in progress');
  const storage = await widgetFrame.evaluate(() => ({
    session: Object.fromEntries(Object.entries(sessionStorage)),
    local: Object.fromEntries(Object.entries(localStorage)),
    cookie: document.cookie,
  }));
  const host = await observed(page);
  const widget = await observed(widgetFrame);
  const cookies = (await context.cookies()).map((cookie) => cookie.value).filter((value) => value.length >= 8);
  const secrets = [...tokens, ...cookies];

  // The traffic is real: events up, commands down, and every one of ours is in our namespace.
  const fromWidget = host.messages.filter((message) => message.includes('"namespace":"case-data-panel"'));
  expect(fromWidget.length).toBeGreaterThan(10);
  for (const type of ['ready', 'userDataChanged', 'saveFailed', 'dirtyStateChanged', 'state', 'error']) expect(fromWidget.join('\n')).toContain(`"type":"${type}"`);
  expect(widget.messages.join('\n')).toContain('"type":"getState"');
  const everywhere = {
    hostToWidget: widget.messages.join('\n'),
    widgetToHost: host.messages.join('\n'),
    storage: JSON.stringify(storage),
    urls: urls.join('\n'),
    console: consoleLines.join('\n'),
  };
  for (const secret of secrets) {
    for (const [where, text] of Object.entries(everywhere)) expect({ where, leaks: text.includes(secret) }).toEqual({ where, leaks: false });
  }

  // Storage: one item per chat, drafts and unsent writes, nothing else.
  expect(storage.local).toEqual({});
  expect(Object.keys(storage.session)).toEqual([`case-data-panel:chat:${SEED}`]);
  const saved: unknown = JSON.parse(storage.session[`case-data-panel:chat:${SEED}`] ?? 'null');
  expect(saved).toEqual({
    format: 1,
    drafts: [['RVQID', expect.objectContaining({ text: 'Draft in progress' })]],
    writes: [expect.objectContaining({ op: 'update', key: 'Subject', value: 'Refused by GWS' })],
  });
  expect(host.violations).toEqual([]);
  expect(widget.violations).toEqual([]);
  expect(errors).toEqual([]);
});
