import { expect, test } from '@playwright/test';
import { login, openDialog, openMenu } from './forms';

test('the admin creates an API key for customers, another system reads with it, and a revoked key is refused', async ({ page }) => {
  const name = `ERP ${Date.now().toString(36)}`;
  await login(page, 'admin');
  await openMenu(page, 'menu-api-keys');
  await openDialog(page, 'api-key-create');
  await page.getByTestId('api-key-name').fill(name);
  await page.getByTestId('api-key-perm-Crm.Customers').click();
  await page.getByTestId('api-key-save').click();
  const key = (await page.getByTestId('api-key-value').innerText()).trim();
  expect(key).toMatch(/^bsk_/);
  await page.getByTestId('api-key-done').click();
  await expect(page.getByTestId(`api-key-status-${name}`)).toContainText('有效');

  const asSystem = (path: string) => page.request.get(path, { headers: { 'X-Api-Key': key } });
  expect((await asSystem('/api/crm/customers')).status()).toBe(200);
  expect((await asSystem('/api/identity/users')).status()).toBe(403);

  await page.getByTestId(`api-key-revoke-${name}`).click();
  await page.getByTestId('confirm-yes').click();
  await expect(page.getByTestId(`api-key-status-${name}`)).toContainText('已吊销');
  expect((await asSystem('/api/crm/customers')).status()).toBe(401);
});
