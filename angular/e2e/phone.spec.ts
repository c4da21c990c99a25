import { Page, expect, test } from '@playwright/test';
import { fillField, login, overflow } from './forms';

test.use({ viewport: { width: 390, height: 844 } });

const suffix = Date.now().toString(36);

async function fitsTheScreen(page: Page): Promise<void> {
  expect(await overflow(page)).toEqual([]);
}

async function openFromMenu(page: Page, testId: string): Promise<void> {
  await page.getByTestId('menu-toggle').click();
  const entry = page.getByTestId(testId);
  const path = await entry.getAttribute('href');
  await entry.click();
  await page.waitForURL(url => url.pathname === path);
}

test('on a phone, finance looks up a customer and records a payment on an open invoice', async ({ page }) => {
  await login(page, 'finance');
  await fitsTheScreen(page);

  // Customers: the list is a column of cards, every value beside its column's name.
  await openFromMenu(page, 'menu-customers');
  await page.getByTestId('list-search').fill('远景');
  await page.getByTestId('list-search').press('Enter');
  const cards = page.locator('[data-testid="customers-table"] tr.mat-mdc-row');
  await expect(cards.first()).toContainText('远景');
  await expect(cards.first().locator('td').first()).toHaveAttribute('data-label', '客户名称');
  await expect(page.locator('[data-testid="customers-table"] thead')).toBeHidden();
  await fitsTheScreen(page);

  // Invoices: the newest open one gets a part payment through a full-screen dialog.
  await openFromMenu(page, 'menu-invoices');
  await page.getByTestId('filter-Open').click();
  const link = page.locator('[data-testid^="invoice-link-"]').first();
  await expect(link).toBeVisible();
  await fitsTheScreen(page);
  await link.click();
  await expect(page.getByTestId('invoice-status')).toContainText('待收款');
  await fitsTheScreen(page);
  await page.getByTestId('invoice-record-payment').click();
  const dialog = page.locator('mat-dialog-container');
  await expect(dialog).toBeVisible();
  expect((await dialog.boundingBox())!.width).toBeGreaterThanOrEqual(389);
  await fillField(page.getByTestId('payment-amount'), '1');
  await fillField(page.getByTestId('payment-reference'), `手机 ${suffix}`);
  await page.getByTestId('payment-save').click();
  await expect(page.getByTestId('invoice-status')).toContainText('部分收款');
  await expect(page.getByTestId('invoice-payments')).toContainText(`手机 ${suffix}`);
  await fitsTheScreen(page);
});
