import { expect, test } from './fixtures';

const SEED = '0000Wa9CAM6W00J';

test('edit a value in the grid, then see another party change it live', async ({ page, sim }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${sim.url}/`);
  const grid = page.getByRole('grid', { name: 'Case data' });
  await expect(grid).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Live');

  const cell = grid.getByRole('row', { name: /^UserData1\b/ }).getByRole('gridcell');
  await expect(cell).toHaveText('987654321');
  await cell.dblclick();
  const editor = page.getByRole('spinbutton', { name: 'Value of UserData1' });
  await expect(editor).toBeFocused();
  await editor.fill('');
  await editor.pressSequentially('42x');
  await expect(page.getByRole('alert')).toContainText('only digits');
  await editor.press('Enter');
  await expect(cell).toHaveText('42');
  await expect(cell).not.toHaveAttribute('aria-busy', 'true');

  // Stored in the simulator with its type: a JSON number, not "42".
  const stored = await (await fetch(`${sim.url}/api/v2/me/chats/${SEED}`)).json();
  expect(stored.chat.userData.UserData1).toBe(42);
  const operations = (await sim.control.operations()).filter((op) => op.operationName === 'UpdateUserData');
  expect(operations).toEqual([{ operationName: 'UpdateUserData', userData: { UserData1: 42 } }]);

  await sim.control.updateUserData(SEED, { UserData1: 7, Subject: 'Changed by a supervisor' });
  await expect(cell).toHaveText('7');
  await expect(grid.getByRole('row', { name: /^Subject\b/ }).getByRole('gridcell')).toHaveText('Changed by a supervisor');

  await sim.control.joinParticipant(SEED, { nickname: 'Supervisor Sam', type: 'Agent' });
  await expect(page.getByRole('list', { name: 'Participants' })).toContainText('Supervisor Sam');
  expect(errors).toEqual([]);
});

test('opens the chat given in the URL', async ({ page, sim }) => {
  const chats = (await (await fetch(`${sim.url}/api/v2/me/chats`)).json()) as { chats: Array<{ id: string; state: string }> };
  const invited = chats.chats.find((chat) => chat.state === 'Invited');
  if (!invited) throw new Error('the simulator seeds an Invited chat');
  await page.goto(`${sim.url}/?chatId=${encodeURIComponent(invited.id)}`);
  await expect(page.getByText(`Chat ${invited.id}`)).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Case data' })).toHaveAttribute('aria-readonly', 'true');
  await expect(page.getByText('The chat in state Invited does not allow changing case data (no UpdateUserData capability).').first()).toBeVisible();
});

test('a live-connection chunk that fails to load is retried; the queued edit is then sent', async ({ page, sim }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The CometD chunk cannot be fetched, as in a network blip at start, until the edit is queued
  // (let through sooner, a loaded machine went live before the edit was typed: nothing was Queued).
  let refused = 0;
  let blocked = true;
  const asked: string[] = [];
  await page.route('**/assets/cometdSession-*.js*', (route) => {
    asked.push(new URL(route.request().url()).search);
    if (!blocked) return route.continue();
    refused += 1;
    return route.abort('connectionfailed');
  });
  await page.goto(`${sim.url}/?chatId=${SEED}`);
  await expect(page.getByText(/Reconnecting in \d+ s/)).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Reconnecting…');
  const cell = page.getByRole('row', { name: /^Subject\b/ }).getByRole('gridcell');
  await cell.click();
  await page.keyboard.type('typed while loading');
  await page.keyboard.press('Enter');
  await expect(cell).toContainText('Queued');
  blocked = false;
  // Before (CI, Chromium 150): a module's failed fetch is kept for the page, and the same address
  // failed again at once, no request made: Reconnecting… for good. Now asked for under a new one.
  await expect(page.getByRole('status')).toHaveText('Live', { timeout: 10_000 });
  await expect(cell).not.toContainText('Queued');
  await expect.poll(async () => (await sim.control.operations()).map((op) => op.userData)).toEqual([{ Subject: 'typed while loading' }]);
  expect(refused).toBeGreaterThan(0);
  // First under its own address, then under new ones (?1, ?2, …), the one that loaded it last.
  expect(asked[0]).toBe('');
  expect(asked.at(-1)).toMatch(/^\?\d+$/);
  expect(new Set(asked).size).toBe(asked.length);
  expect(errors).toEqual([]);
});

for (const [locale, title] of [
  ['de', 'Falldaten'],
  ['ar', 'بيانات الحالة'],
] as const) {
  test(`opened with ?locale=${locale}, the panel's first paint is already in its language`, async ({ page, sim }) => {
    // Everything the page ever shows, from its first mutation on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Reflect.set(window, '__shownTexts', seen);
      new MutationObserver(() => {
        const text = document.body?.innerText ?? '';
        if (text.trim() !== '') seen.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    // The first render waits for the catalogue up to 300 ms (main.tsx), then paints in English: a
    // loaded machine can take longer to fetch it. The page's timers stand still here, so the
    // catalogue is what the first render waits for, however long it takes to arrive.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 1_000);
    await page.goto(`${sim.url}/?locale=${locale}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('status')).not.toHaveText('');
    const shown = await page.evaluate(() => Reflect.get(window, '__shownTexts') as string[]);
    expect(shown.length).toBeGreaterThan(0);
    // Before: English ("Case data", "Participants", "Add field") for the moment the catalogue took to load.
    expect(shown.filter((text) => ['Case data', 'Participants', 'Add field'].some((english) => text.includes(english)))).toEqual([]);
  });
}
