import { expect, test } from '@playwright/test';
import { fillField, login, openDialog } from './forms';

test('an expense claim with a receipt is approved by the head, paid by finance, and shows as paid', async ({ browser }) => {
  const title = `上海出差 ${Date.now()}`;
  const sales = await (await browser.newContext()).newPage();
  await login(sales, 'sales');
  await sales.getByTestId('menu-expenses').click();
  await sales.getByTestId('list-create').click();
  await fillField(sales.getByTestId('claim-title'), title);
  await sales.getByTestId('line-category-0').click();
  await sales.getByTestId('category-Travel').click();
  await fillField(sales.getByTestId('line-description-0'), '高铁 杭州-上海');
  await fillField(sales.getByTestId('line-amount-0'), '273.50');
  await sales.getByTestId('line-upload-0').setInputFiles({ name: '车票.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% ticket\n') });
  await expect(sales.getByTestId('line-receipt-0')).toContainText('车票.pdf');
  await sales.getByTestId('claim-add-line').click();
  await sales.getByTestId('line-category-1').click();
  await sales.getByTestId('category-Meals').click();
  await fillField(sales.getByTestId('line-description-1'), '客户午餐');
  await fillField(sales.getByTestId('line-amount-1'), '80');
  await expect(sales.getByTestId('claim-total')).toContainText('353.50');
  await sales.getByTestId('claim-submit').click();
  await expect(sales.getByTestId('claim-status')).toContainText('审批中');
  const number = (await sales.getByTestId('claim-number').innerText()).trim();
  expect(number).toMatch(/^BX\d{10}$/);

  const manager = await (await browser.newContext()).newPage();
  await login(manager, 'manager');
  await manager.getByTestId('menu-approvals').click();
  await manager.getByTestId(`approval-link-${number}`).click();
  await manager.getByTestId('approval-approve').click();
  await expect(manager.getByTestId('approval-status')).toContainText('已通过');

  const finance = await (await browser.newContext()).newPage();
  await login(finance, 'finance');
  await finance.getByTestId('menu-payables').click();
  await expect(finance.getByTestId(`payable-status-${number}`)).toContainText('未付款');
  await openDialog(finance, `pay-${number}`);
  await fillField(finance.getByTestId('pay-reference'), '网银 0001');
  await finance.getByTestId('pay-save').click();
  await expect(finance.getByTestId(`payable-status-${number}`)).toContainText('已付款');

  await sales.reload();
  await expect(sales.getByTestId('claim-status')).toContainText('已付款');
});
