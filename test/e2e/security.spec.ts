// The widget under its Content-Security-Policy in Chromium: markup and script in case data
// stay text, a script slipped into the DOM anyway is refused by the browser, and the
// widget itself causes no violation (virtual scrolling, themes, CometD's worker).
import { readdir } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SEED = '0000Wa9CAM6W00J';

/** Each would set window.__pwned (or open a dialog) if it ever ran. */
const HOSTILE_VALUES: Record<string, string> = {
  ImgOnError: `<img src=x onerror="window.__pwned='img';alert('img')">`,
  ScriptTag: `<script>window.__pwned='script';alert('script')</script>`,
  JavascriptUrl: `javascript:window.__pwned='url';alert('url')`,
  SvgBreakout: `"><svg onload="window.__pwned='svg';alert('svg')">`,
  IframeSrcdoc: `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  Template: `{{constructor.constructor('window.__pwned=1')()}}`,
};
const HOSTILE_KEYS = [`<img src=x onerror="window.__pwned='key'">`, `javascript:alert('key')`, `"><svg onload=alert('key')>`, '__proto__'];

type Violation = { readonly directive: string; readonly blocked: string; readonly sample: string };

/** In every frame, before any page script: record CSP violations. CDP-injected, so the CSP does not apply to it. */
async function watchViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const violations: { directive: string; blocked: string; sample: string }[] = [];
    Reflect.set(window, '__violations', violations);
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
}

const violations = (page: Page): Promise<Violation[]> => page.evaluate(() => (Reflect.get(window, '__violations') as Violation[] | undefined) ?? []);
const pwned = (page: Page): Promise<unknown> => page.evaluate(() => Reflect.get(window, '__pwned'));

async function openWidget(page: Page, url: string) {
  const dialogs: string[] = [];
  const cspMessages: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    // The leave warning is the widget's own (tests that leave a page handle it themselves).
    if (dialog.type() === 'beforeunload') return;
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspMessages.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(url);
  await expect(page.getByRole('grid', { name: 'Case data' })).toBeVisible();
  await expect(page.getByRole('status').first()).toHaveText('Live', { timeout: 15_000 });
  return { response, dialogs, cspMessages, errors };
}

test('the widget is served with a strict policy and breaks none of it itself', async ({ page, context, sim }) => {
  await watchViolations(context);
  const { response, cspMessages, errors } = await openWidget(page, `${sim.url}/?chatId=${SEED}`);
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self';");
  expect(csp).toContain("style-src 'self';");
  expect(csp).not.toContain('unsafe-');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');

  // What Vite built: one page (every page of a deployment gets this policy), with an
  // external script and stylesheet only, nothing inline.
  const pages = (await readdir('dist', { recursive: true })).filter((file) => file.endsWith('.html'));
  expect(pages).toEqual(['index.html']);
  const html = (await response?.text()) ?? '';
  expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|\son[a-z]+=|\sstyle=/i);

  // 200 keys: the grid virtualizes, its padding set as inline style through the CSSOM.
  await sim.control.updateUserData(SEED, Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`Field${String(index).padStart(3, '0')}`, `value ${index}`])));
  const grid = page.getByRole('grid', { name: 'Case data' });
  await expect(grid).toHaveAttribute('aria-rowcount', /^2\d\d$/);
  await grid.getByRole('gridcell').first().focus();
  await page.keyboard.press('Control+End');
  await expect(grid.getByRole('row', { name: /^Field199\b/ })).toBeVisible();
  // A host-like theme switch sets CSS custom properties the same way.
  await page.evaluate(() => document.documentElement.style.setProperty('--cdp-accent', '#6b3fa0'));

  expect(await violations(page)).toEqual([]);
  expect(cspMessages).toEqual([]);
  expect(errors).toEqual([]);
});

test('markup and script in case data stay text, and an injected script is refused by the browser', async ({ page, context, sim }) => {
  await watchViolations(context);
  await sim.control.updateUserData(SEED, { ...HOSTILE_VALUES, ...Object.fromEntries(HOSTILE_KEYS.map((key) => [key, `value of ${key}`])) });
  const { dialogs, cspMessages, errors } = await openWidget(page, `${sim.url}/?chatId=${SEED}`);
  const grid = page.getByRole('grid', { name: 'Case data' });
  for (const value of Object.values(HOSTILE_VALUES)) await expect(grid).toContainText(value);
  for (const key of HOSTILE_KEYS) await expect(grid).toContainText(`value of ${key}`);
  expect(await grid.locator('img, script, svg, iframe').count()).toBe(0);

  // Open a hostile value in the editor and save it back: still text all the way.
  const cell = grid.getByRole('row', { name: /^ImgOnError\b/ }).getByRole('gridcell');
  await cell.dblclick();
  const editor = page.getByRole('textbox', { name: 'Value of ImgOnError' });
  await expect(editor).toHaveValue(HOSTILE_VALUES.ImgOnError ?? '');
  await editor.press('End');
  await editor.pressSequentially('<b onmouseover=alert(1)>');
  await editor.press('Enter');
  await expect(cell).toContainText(`${HOSTILE_VALUES.ImgOnError}<b onmouseover=alert(1)>`);
  await expect(cell).not.toContainText('Saving');

  expect(await pwned(page)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await violations(page)).toEqual([]);
  expect(cspMessages).toEqual([]);
  expect(errors).toEqual([]);

  // Now suppose a bug let markup into the DOM: the policy still refuses to run it.
  await page.evaluate(() => {
    // An empty data: URL is no image: its error event fires (Chromium 150 fires no load for it, and an
    // onload handler was never compiled, so never refused).
    document.body.insertAdjacentHTML('beforeend', `<img src="data:," onerror="window.__pwned='attr'"><a id="js" href="javascript:window.__pwned='href'">x</a>`);
    const script = document.createElement('script');
    script.textContent = "window.__pwned = 'inline'";
    document.body.append(script);
    // A string timer is eval: refused without 'unsafe-eval'.
    window.setTimeout("window.__pwned = 'eval'", 0);
  });
  await page.locator('#js').click();
  await expect.poll(async () => (await violations(page)).map((violation) => violation.directive).sort()).toEqual(['script-src', 'script-src-attr', 'script-src-elem', 'script-src-elem']);
  expect(await pwned(page)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('an ended chat keeps its unsaved changes in storage until the agent dismisses them, then nothing is left', async ({ page, sim }) => {
  const stored = () => page.evaluate(() => Object.keys(sessionStorage));
  await openWidget(page, `${sim.url}/?chatId=${SEED}`);
  const grid = page.getByRole('grid', { name: 'Case data' });
  await grid.getByRole('row', { name: /^RVQID\b/ }).getByRole('gridcell').dblclick();
  await page.getByRole('textbox', { name: 'Value of RVQID' }).fill('Call back tomorrow');
  await expect.poll(stored).toEqual([`case-data-panel:chat:${SEED}`]);

  // The chat ends with the draft open: GWS takes no more writes, the agent may still copy it.
  await sim.control.setState(SEED, 'Completed');
  const unsaved = page.getByRole('region', { name: 'Unsaved changes' });
  await expect(unsaved).toContainText('RVQID: Call back tomorrow');
  expect(await stored()).toEqual([`case-data-panel:chat:${SEED}`]);

  await unsaved.getByRole('button', { name: 'Discard unsaved changes' }).click();
  await expect(unsaved).toBeHidden();
  await expect.poll(stored).toEqual([]);
  await page.reload();
  await expect(grid).toBeVisible();
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toBeHidden();
  expect(await stored()).toEqual([]);
});

test('a draft of a chat that vanished from the agent’s list does not outlive a reload', async ({ page, sim }) => {
  const stored = () => page.evaluate(() => Object.keys(sessionStorage));
  await sim.control.addChat({ id: 'GONE0000000001', state: 'Chatting', participants: [{ nickname: 'Pat', type: 'Customer' }], userData: { Note: 'first' } });
  await openWidget(page, `${sim.url}/?chatId=GONE0000000001`);
  await page.getByRole('grid', { name: 'Case data' }).getByRole('row', { name: /^Note\b/ }).getByRole('gridcell').dblclick();
  await page.getByRole('textbox', { name: 'Value of Note' }).fill('typed by the previous agent');
  await expect.poll(stored).toEqual(['case-data-panel:chat:GONE0000000001']);

  // GWS forgets the chat (the seed has no such chat); the next page in this tab must not keep its case data.
  // Leaving with a draft open asks first (useLeaveWarning); the agent leaves anyway.
  const leaving: string[] = [];
  page.on('dialog', (dialog) => {
    if (dialog.type() !== 'beforeunload') return;
    leaving.push(dialog.type());
    void dialog.accept();
  });
  await sim.control.reset();
  await page.goto(`${sim.url}/`);
  expect(leaving).toEqual(['beforeunload']);
  await expect(page.getByRole('grid', { name: 'Case data' })).toBeVisible();
  await expect.poll(stored).toEqual([]);
});
