import { expect, test } from '@playwright/test';
import { assignTaskToSales, fillField, login, openDialog, openMenu } from './forms';

const suffix = Date.now().toString(36);


test('the demo tenant starts with approval flows; the manager\'s contract step is editable by the admin', async ({ page }) => {
  await login(page, 'admin');
  await page.getByTestId('menu-approval-flows').click();
  await expect(page.getByTestId('flow-steps-contract')).toContainText('manager');
  await expect(page.getByTestId('flow-steps-expense-claim')).toContainText('5000');
  await openDialog(page, 'flow-edit-leave-request');
  await page.getByTestId('flow-add-step').click();
  await page.getByTestId('step-condition-1').click();
  await page.getByRole('option', { name: /天数超过|Days above/ }).click();
  await fillField(page.getByTestId('step-threshold-1'), '3');
  await page.getByTestId('step-rule-1').click();
  await page.getByTestId('rule-Role').click();
  await fillField(page.getByTestId('step-role-1'), 'admin');
  await page.getByTestId('flow-save').click();
  await expect(page.getByTestId('flow-steps-leave-request')).toContainText('3');
});

test('the manager assigns a task: the bell tells sales, who finishes it; an announcement keeps read receipts', async ({ browser }) => {
  const taskTitle = `准备季度报表 ${suffix}`;
  const notice = `年会通知 ${suffix}`;
  const manager = await browser.newPage();
  await login(manager, 'manager');
  await assignTaskToSales(manager, taskTitle);
  await expect(manager.getByTestId('tasks-table')).toContainText(taskTitle);

  await openMenu(manager, 'menu-announcements');
  await openDialog(manager, 'list-create');
  await fillField(manager.getByTestId('announcement-title'), notice);
  await fillField(manager.getByTestId('announcement-body-input'), '12 月 20 日晚 6 点，公司年会。');
  await manager.getByTestId('announcement-save').click();
  await expect(manager.getByTestId(`announcement-${notice}`)).toBeVisible();

  const sales = await browser.newPage();
  await login(sales, 'sales');
  await sales.getByTestId('notification-bell').click();
  await sales.getByTestId('notification-TaskAssigned').filter({ hasText: taskTitle }).click();
  await expect(sales.getByTestId(`task-${taskTitle}`)).toBeVisible();
  await sales.getByTestId(`task-status-${taskTitle}`).click();
  await sales.getByTestId('task-status-option-Done').click();
  await expect(sales.getByTestId(`task-status-${taskTitle}`)).toContainText(/已完成|Done/);

  await sales.getByTestId('menu-announcements').click();
  await sales.getByTestId(`announcement-read-${notice}`).click();
  await expect(sales.getByTestId('announcement-body')).toContainText('公司年会');
  await expect(sales.getByTestId(`announcement-readat-${notice}`)).toBeVisible();

  await manager.reload();
  await openDialog(manager, `announcement-receipts-${notice}`);
  await expect(manager.getByTestId('receipts-count')).toContainText(/1/);
  await expect(manager.getByTestId('receipt-李销售 Li')).toBeVisible();

  await manager.getByRole('button', { name: /确定|OK/ }).click();
  await manager.getByTestId('menu-tasks').click();
  await manager.getByTestId('task-box-assigned-by-me').click();
  await expect(manager.getByTestId(`task-status-${taskTitle}`)).toContainText(/已完成|Done/);
});
