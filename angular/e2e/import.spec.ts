import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { login } from './forms';

/** Customers arrive from a spreadsheet through the shared import dialog, and every list exports to Excel. */
test('customers import from CSV all-or-nothing and the list exports to Excel', async ({ page }) => {
  const run = Date.now().toString(36);
  const csv = (rows: string[]) => ({
    name: 'customers.csv', mimeType: 'text/csv',
    buffer: Buffer.from('\uFEFF客户名称,统一社会信用代码,开票地址,客户等级\n' + rows.join('\n') + '\n', 'utf8'),
  });

  await login(page, 'admin');
  await page.goto('/crm/customers');
  await page.getByTestId('list-import').click();

  // One bad credit code: the row is marked, nothing can be imported.
  await page.getByTestId('import-file').setInputFiles(csv([`导入A-${run},,上海,A 级`, `导入B-${run},91310000MA1K000010,北京,B`]));
  await expect(page.getByTestId('import-row-3')).toHaveClass(/bad/);
  await expect(page.getByTestId('import-row-3')).toContainText('91310000MA1K000010');
  await expect(page.getByTestId('import-row-2')).not.toHaveClass(/bad/);
  await expect(page.getByTestId('import-row-3').locator('.message')).toBeVisible();
  await expect(page.getByTestId('import-submit')).toBeDisabled();
  await page.keyboard.press('Escape');

  // Nothing of that file was imported.
  await page.getByTestId('list-search').fill(`-${run}`);
  await page.getByTestId('list-search').press('Enter');
  await expect(page.getByTestId('list-empty')).toBeVisible();

  // The fixed file imports both rows.
  await page.getByTestId('list-import').click();
  await page.getByTestId('import-file').setInputFiles(csv([`导入A-${run},,上海,A 级`, `导入B-${run},,北京,B`]));
  await expect(page.getByTestId('import-counts')).toBeVisible();
  await expect(page.locator('[data-testid^="import-row-"].bad')).toHaveCount(0);
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByTestId('import-close').click();

  await expect(page.getByTestId(`customer-link-导入A-${run}`)).toBeVisible();
  await expect(page.getByTestId(`customer-link-导入B-${run}`)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('list-export').click();
  expect((await download).suggestedFilename()).toMatch(/^customers-.*\.xlsx$/);
  const file = readFileSync((await (await download).path())!);
  expect(file.subarray(0, 2).toString()).toBe('PK'); // an .xlsx is a zip

});
