import { expect, test } from './fixtures';

const SEED = '0000Wa9CAM6W00J';

test('the parts loaded on demand are fetched after the first paint, so they open with the network gone', async ({ page, sim }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${sim.url}/?chatId=${SEED}`);
  await expect(page.getByRole('status')).toHaveText('Live');
  await expect.poll(() => requested.filter((path) => /\/assets\/(AddFieldForm|UnsavedWhenEnded)-/.test(path)).length, { timeout: 10_000 }).toBe(2);
  // The host bridge, diagnostics and pop-out are for a panel that a page embeds: never fetched standalone.
  expect(requested.filter((path) => /\/assets\/Embedding-/.test(path))).toEqual([]);
  await page.route('**/assets/**', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Add field' }).click();
  await expect(page.getByRole('form', { name: 'Add field' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Field' }).or(page.getByRole('textbox', { name: 'Key' }))).toBeFocused();
});

test('a part whose chunk failed to load loads on Try again once the network is back', async ({ page, sim }) => {
  let blocked = true;
  await page.route('**/assets/AddFieldForm-*.js', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${sim.url}/?chatId=${SEED}`);
  await expect(page.getByRole('status')).toHaveText('Live');
  await page.getByRole('button', { name: 'Add field' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toHaveText(/“Add field” could not be loaded/);
  blocked = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('form', { name: 'Add field' })).toBeVisible();
  await expect(alert).toHaveCount(0);
});
