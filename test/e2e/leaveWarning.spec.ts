import { expect, test } from './fixtures';

// Standalone (and in the pop-out window) the panel owns its page: closing it with an edit
// not saved must ask first, and must not ask once nothing is left unsaved.
test('closing the standalone page asks first while an edit is not saved, and not after', async ({ page, sim }) => {
  await page.goto(`${sim.url}/`);
  const grid = page.getByRole('grid', { name: 'Case data' });
  await expect(page.getByRole('status')).toHaveText('Live');
  await sim.control.faults({ failNext: 1, statusCode: 4 });

  const cell = grid.getByRole('row', { name: /^Subject\b/ }).getByRole('gridcell');
  await cell.dblclick();
  const editor = page.getByRole('textbox', { name: 'Value of Subject' });
  await editor.fill('Refund, not yet saved');
  await editor.press('Enter');
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await expect(cell).toContainText('Refund, not yet saved');

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  // The agent gives the edit up: nothing is unsaved, the page closes without a question.
  await cell.getByRole('button', { name: 'Discard' }).click();
  await expect(cell).not.toHaveAttribute('aria-invalid', 'true');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toEqual(['beforeunload']);
});
