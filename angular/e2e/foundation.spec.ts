import { expect, test } from '@playwright/test';
import { fillField, login, openDialog, openMenu } from './forms';

const suffix = Date.now().toString(36);
const roleName = `viewer-${suffix}`;
const userName = `e2e-${suffix}`;


test('a tenant admin grants a new role, creates a user with it, and that user sees only what the role allows', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);

  // Bad credentials give a readable message, not a crash.
  await page.getByTestId('login-tenant').fill('demo');
  await page.getByTestId('login-user').fill('admin');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');

  await login(page, 'admin', 'Demo123!', 'demo');

  // Language switch: Chinese by default, English on demand, and back.
  await expect(page.getByTestId('menu-users')).toContainText('用户');
  await page.getByTestId('language-switch').click();
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('menu-users')).toContainText('Users');
  await expect(page.getByTestId('menu-roles')).toContainText('Roles');
  await page.getByTestId('language-switch').click();
  await page.getByTestId('lang-zh-CN').click();
  await expect(page.getByTestId('menu-users')).toContainText('用户');

  // Settings: a value that would break sign-ins is refused beside its field.
  await page.getByTestId('menu-settings').click();
  await page.getByTestId('setting-Identity.Password.RequiredLength').fill('many');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('“many”不是此设置项的有效值。')).toBeVisible();
  await page.getByTestId('setting-Identity.Password.RequiredLength').fill('8');
  // A yes/no setting is a checkbox: passwords need a symbol from now on (untouched again below).
  await page.getByTestId('setting-Identity.Password.RequireSymbol').locator('input').check();
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存。')).toBeVisible();

  // A role that may only view users.
  await openMenu(page, 'menu-roles');
  await openDialog(page, 'list-create');
  await fillField(page.getByRole('dialog').getByTestId('role-name'), roleName);
  await page.getByTestId('role-save').click();
  await expect(page.getByTestId('roles-table')).toContainText(roleName);
  await page.getByTestId(`permissions-${roleName}`).click();
  await page.getByTestId('perm-Identity.Users').locator('input').check();
  await page.getByTestId('permissions-save').click();
  await expect(page.getByTestId('permissions-save')).toBeHidden();

  // A user with that role; the server's field errors show on the form first.
  await openMenu(page, 'menu-users');
  await openDialog(page, 'list-create');
  // The dialog opens with an animation and moves focus when it settles: fill only once its fields are
  // editable, and check each value stuck (the user name used to end up empty now and then).
  const userDialog = page.getByRole('dialog');
  await expect(userDialog).toBeVisible();
  await fillField(userDialog.getByTestId('user-userName'), userName);
  await fillField(userDialog.getByTestId('user-name'), '测试用户');
  await fillField(userDialog.getByTestId('user-email'), `${userName}@example.cn`);
  await fillField(userDialog.getByTestId('user-password'), 'short');
  await userDialog.getByTestId('user-roles').click();
  await page.getByTestId(`role-option-${roleName}`).click();
  await page.keyboard.press('Escape');
  await expect(userDialog.getByTestId('user-roles')).toContainText(roleName);
  await userDialog.getByTestId('user-save').click();
  await expect(page.getByText('密码至少需要 8 个字符')).toBeVisible();
  await fillField(userDialog.getByTestId('user-password'), 'Passw0rd1');
  await userDialog.getByTestId('user-save').click();
  await expect(page.getByText('密码需要包含符号')).toBeVisible();
  await fillField(userDialog.getByTestId('user-password'), 'Passw0rd!');
  await page.getByTestId('user-save').click();
  await expect(page.getByTestId('users-table')).toContainText(userName);

  // The demo tenant's other journeys keep its default rules.
  await page.getByTestId('menu-settings').click();
  await page.getByTestId('setting-Identity.Password.RequireSymbol').locator('input').uncheck();
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存。')).toBeVisible();

  // The audit log shows who changed the new user.
  await page.getByTestId('menu-audit').click();
  await expect(page.getByTestId('audit-changes')).toContainText(userName);

  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login$/);

  // The new user sees Users only, and cannot open Roles by address either.
  await login(page, userName, 'Passw0rd!', 'demo');
  await expect(page.getByTestId('menu-users')).toBeVisible();
  await expect(page.getByTestId('menu-roles')).toHaveCount(0);
  await expect(page.getByTestId('menu-tenants')).toHaveCount(0);
  await page.getByTestId('menu-users').click();
  await expect(page.getByTestId('users-table')).toContainText(userName);
  await expect(page.getByTestId('list-create')).toHaveCount(0);
  await page.goto('/identity/roles');
  await expect(page.getByTestId('no-access')).toBeVisible();
});

test('the host admin sees tenants and creates one whose admin can sign in', async ({ page }) => {
  const tenant = `co${suffix}`;
  await login(page, 'admin', 'Host123!', '');
  await page.getByTestId('menu-tenants').click();
  await expect(page.getByTestId('tenants-table')).toContainText('demo');
  await openDialog(page, 'list-create');
  await page.getByTestId('tenant-name').fill(tenant);
  await page.getByTestId('tenant-displayName').fill('测试公司');
  await page.getByTestId('tenant-adminEmail').fill(`boss@${tenant}.cn`);
  await page.getByTestId('tenant-adminPassword').fill('Boss1234!');
  await page.getByTestId('tenant-save').click();
  await expect(page.getByTestId('tenants-table')).toContainText(tenant);
  await page.getByTestId('logout').click();

  await login(page, `boss@${tenant}.cn`, 'Boss1234!', tenant);
  await expect(page.getByTestId('current-user')).toContainText(tenant);
  await expect(page.getByTestId('menu-tenants')).toHaveCount(0);
});
