import { expect, test } from '@playwright/test';
import { fillField, login, openDialog, openMenu, pickOption } from './forms';

test('the host admin acts as the demo manager with a reason, does one change, ends; the tenant admin sees it in the logs', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const sku = `IMP-${Date.now().toString(36).toUpperCase()}`;
  const reason = `支持工单 ${Date.now().toString(36)}：经理无法保存客户`;

  await login(page, 'admin', 'Host123!', '');
  await openMenu(page, 'menu-tenants');
  await page.getByTestId('list-search').fill('demo');
  await page.getByTestId('list-search').press('Enter');
  await openDialog(page, 'impersonate-demo');
  // The tenant's admin is chosen by default; the host picks the manager instead.
  await expect(page.getByTestId('impersonate-user')).toContainText('admin');
  await pickOption(page, page.getByTestId('impersonate-user'), 'impersonate-user-manager');
  await fillField(page.getByTestId('impersonate-reason'), 'short');
  await page.getByTestId('impersonate-start').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await fillField(page.getByTestId('impersonate-reason'), reason);
  await fillField(page.getByTestId('impersonate-minutes'), '15');
  await page.getByTestId('impersonate-start').click();

  const banner = page.getByTestId('impersonation-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('王经理');
  await expect(banner).toContainText('admin');
  await expect(banner).toContainText(/\d\d:\d\d/);
  await expect(page.getByTestId('current-user')).toContainText('demo');
  await expect(page.getByTestId('menu-tenants')).toHaveCount(0);

  // One change the manager may make: a new product.
  await openMenu(page, 'menu-products');
  await expect(banner).toBeVisible();
  await openDialog(page, 'list-create');
  const dialog = page.getByRole('dialog');
  await fillField(dialog.getByTestId('product-sku'), sku);
  await fillField(dialog.getByTestId('product-name'), '代为操作的产品');
  await fillField(dialog.getByTestId('product-unit'), '件');
  await fillField(dialog.getByTestId('product-price'), '100');
  await dialog.getByTestId('product-save').click();
  await expect(dialog).toHaveCount(0);

  await page.getByTestId('impersonation-end').click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('tenants-table')).toBeVisible();
  await expect(page.getByTestId('current-user')).not.toContainText('demo');
  await page.getByTestId('logout').click();

  await login(page, 'admin');
  await page.goto('/identity/security-log');
  await expect(page.getByTestId('security-log-table')).toContainText(reason);
  await expect(page.getByTestId('security-log-table')).toContainText('manager');
  await page.goto('/audit');
  // zh-CN by default: "平台管理员 admin 以 manager 的身份".
  await expect(page.getByTestId('audit-changes').locator('td.acting').first()).toHaveText('平台管理员 admin 以 manager 的身份');
});
