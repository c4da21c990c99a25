import { expect, test } from '@playwright/test';
import { fillField, login, openDialog, openMenu } from './forms';

test('a task assigned by the manager shows up in the sales tab\'s bell at once, without a reload', async ({ browser }) => {
  const taskTitle = `核对库存 ${Date.now().toString(36)}`;
  const sales = await browser.newPage();
  const live = sales.waitForEvent('websocket', socket => socket.url().includes('/hubs/user'));
  await login(sales, 'sales');
  await live;
  const unread = sales.getByTestId('notification-unread');
  await expect(unread).toHaveText(/^\d+$/);
  const before = Number(await unread.textContent());

  const manager = await browser.newPage();
  await login(manager, 'manager');
  await openMenu(manager, 'menu-tasks');
  await openDialog(manager, 'list-create');
  await fillField(manager.getByTestId('task-title'), taskTitle);
  await manager.getByTestId('task-assignee').click();
  await manager.getByTestId('assignee-sales').click();
  await manager.getByTestId('task-save').click();
  await expect(manager.getByTestId('tasks-table')).toContainText(taskTitle);

  // The count is polled once a minute only while the live channel is down: within 5 s it can only have been pushed.
  await expect(unread).toHaveText(String(before + 1), { timeout: 5_000 });
  await sales.getByTestId('notification-bell').click();
  await expect(sales.getByTestId('notification-TaskAssigned').filter({ hasText: taskTitle })).toBeVisible();
  await sales.screenshot({ path: 'test-results/live-notification-desktop.png' });
});
