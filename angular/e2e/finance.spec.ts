import { Page, expect, test } from '@playwright/test';

async function login(page: Page, user: string) {
  await page.goto('/login');
  await page.getByTestId('login-tenant').fill('demo');
  await page.getByTestId('login-user').fill(user);
  await page.getByTestId('login-password').fill('Demo123!');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('home-title')).toBeVisible();
}

test('finance sees balanced books, the chart of accounts and exports the AR aging to Excel', async ({ page }) => {
  await login(page, 'finance');

  await page.getByTestId('menu-trial-balance').click();
  await expect(page.getByTestId('trial-balance-balanced')).toContainText('借贷平衡');
  const debit = await page.getByTestId('trial-balance-debit').innerText();
  await expect(page.getByTestId('trial-balance-credit')).toHaveText(debit);

  await page.getByTestId('menu-vouchers').click();
  await page.getByRole('tab', { name: '会计科目表' }).click();
  await expect(page.getByTestId('accounts-table')).toContainText('应收账款');

  await page.getByTestId('menu-ar-aging').click();
  await expect(page.getByTestId('aging-total')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('aging-export').click();
  expect((await download).suggestedFilename()).toMatch(/^ar-aging-\d{8}\.xlsx$/);
});

test('sales sees invoices and payments but not the books or reports', async ({ page }) => {
  await login(page, 'sales');
  await expect(page.getByTestId('menu-invoices')).toBeVisible();
  await expect(page.getByTestId('menu-payments')).toBeVisible();
  await expect(page.getByTestId('menu-vouchers')).toHaveCount(0);
  await expect(page.getByTestId('menu-trial-balance')).toHaveCount(0);
  await page.goto('/finance/reports/trial-balance');
  await expect(page).toHaveURL(/no-access/);
});
