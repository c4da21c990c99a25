import { expect, test } from '@playwright/test';
import { fillField } from './forms';

test('a company signs up from the login page, and its admin sees the Free plan and no Finance or HR in the menu', async ({ page }) => {
  const name = `e2e${Date.now().toString(36)}`;
  await page.goto('/login');
  await page.getByTestId('login-sign-up').click();
  await fillField(page.getByTestId('sign-up-name'), name);
  await fillField(page.getByTestId('sign-up-display-name'), '杭州自助注册科技有限公司');
  await fillField(page.getByTestId('sign-up-email'), `boss@${name}.cn`);
  await fillField(page.getByTestId('sign-up-password'), 'Boss1234!');
  await page.getByTestId('sign-up-submit').click();

  // Back on the login page with the new tenant filled in.
  await expect(page.getByTestId('login-signed-up')).toBeVisible();
  await expect(page.getByTestId('login-tenant')).toHaveValue(name);
  await page.getByTestId('login-user').fill(`boss@${name}.cn`);
  await page.getByTestId('login-password').fill('Boss1234!');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('home-title')).toBeVisible();

  await expect(page.getByTestId('menu-customers')).toBeVisible();
  await expect(page.getByTestId('menu-approvals')).toBeVisible();
  await expect(page.getByTestId('menu-invoices')).toHaveCount(0);
  await expect(page.getByTestId('menu-orders')).toHaveCount(0);
  await expect(page.getByTestId('menu-employees')).toHaveCount(0);
  await expect(page.getByTestId('menu-api-keys')).toHaveCount(0);

  await page.getByTestId('menu-subscription').click();
  await expect(page.getByTestId('subscription-edition')).toHaveText('免费版');
  await expect(page.getByTestId('subscription-status')).toContainText('正常');
  await expect(page.getByTestId('subscription-users')).toContainText('1 / 3');
  await expect(page.getByTestId('edition-Professional')).toBeVisible();

  // The API refuses what the menu hides.
  const token = await page.evaluate(() => localStorage.getItem('bs.access'));
  const invoices = await page.request.get('/api/finance/invoices', { headers: { Authorization: `Bearer ${token}` } });
  expect(invoices.status()).toBe(403);
  expect((await invoices.json()).code).toBe('Saas:ModuleNotInEdition');
});
