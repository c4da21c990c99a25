import { Page, expect, test } from '@playwright/test';
import { fillField, login, openDialog, openMenu } from './forms';

const shots = 'test-results/screenshots';

/**
 * Both sizes the pages are checked at: a laptop and a phone. On the phone the menu turns into a drawer that slides away:
 * the shot waits until it has gone, or it catches the menu half-way.
 */
async function shoot(page: Page, name: string): Promise<void> {
  for (const [label, size] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(size);
    if (label === 'phone') await expect(page.locator('mat-sidenav')).toBeHidden();
    await page.screenshot({ path: `${shots}/purchasing-${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.locator('mat-sidenav')).toBeVisible();
}

test('a request raised by a member is approved, ordered, partly received, billed and paid in a payment run', async ({ browser }) => {
  const reason = `机房扩容 ${Date.now()}`;
  const invoice = `3301${Date.now() % 100000000}`;

  // The member picks a catalogue product for the line, so the order and its receipt move stock.
  const sales = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await login(sales, 'sales');
  await openMenu(sales, 'menu-purchase-requests');
  await sales.getByTestId('list-create').click();
  await fillField(sales.getByTestId('request-reason'), reason);
  await fillField(sales.getByTestId('request-needed-by'), '2027-01-15');
  await sales.getByTestId('line-description-0').fill('SRV');
  await sales.getByTestId('product-option-SRV-R750').click();
  await expect(sales.getByTestId('line-product-0')).toBeVisible();
  await fillField(sales.getByTestId('line-quantity-0'), '5');
  await fillField(sales.getByTestId('line-price-0'), '17500');
  await sales.getByTestId('line-supplier-0').click();
  await sales.getByTestId('supplier-option-上海云算科技有限公司').click();
  await expect(sales.getByTestId('request-total')).toContainText('87,500.00');
  await shoot(sales, 'request');
  await sales.getByTestId('request-submit').click();
  await expect(sales.getByTestId('request-status')).toContainText('审批中');
  const number = (await sales.getByTestId('request-number').innerText()).trim();
  expect(number).toMatch(/^QG\d{9}$/);

  // The department head approves it in the inbox; the approval creates the order.
  const manager = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await login(manager, 'manager');
  await openMenu(manager, 'menu-approvals');
  await manager.getByTestId(`approval-link-${number}`).click();
  await manager.getByTestId('approval-approve').click();
  await expect(manager.getByTestId('approval-status')).toContainText('已通过');

  await sales.reload();
  await expect(sales.getByTestId('request-status')).toContainText('已批准');
  await expect(sales.getByTestId('request-orders')).toContainText('#1');

  // The manager is also the buyer: the order is there as a draft, confirmed, and two of five servers arrive.
  await openMenu(manager, 'menu-purchase-requests');
  await manager.getByTestId('requests-all').click();
  await manager.getByTestId(`request-link-${reason}`).click();
  await manager.getByTestId('request-orders').getByRole('link').first().click();
  await expect(manager.getByTestId('order-status')).toContainText('草稿');
  const order = (await manager.getByTestId('order-number').innerText()).trim();
  expect(order).toMatch(/^CG\d{9}$/);
  await manager.getByTestId('order-confirm').click();
  await expect(manager.getByTestId('order-status')).toContainText('已确认');
  await openDialog(manager, 'order-receive');
  await fillField(manager.getByTestId('receipt-accepted-0'), '2');
  await manager.getByTestId('receipt-save').click();
  await expect(manager.getByTestId('order-status')).toContainText('部分收货');
  await expect(manager.getByTestId('line-received-0')).toContainText('2');
  await shoot(manager, 'order');
  await openMenu(manager, 'menu-purchase-orders');
  await expect(manager.getByTestId(`order-status-${order}`)).toContainText('部分收货');
  await shoot(manager, 'orders');

  // Finance enters the supplier's bill for what arrived: it matches the order three ways.
  const finance = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await login(finance, 'finance');
  await openMenu(finance, 'menu-purchase-orders');
  await finance.getByTestId(`order-link-${order}`).click();
  await openDialog(finance, 'order-bill');
  await fillField(finance.getByTestId('bill-invoice-number'), invoice);
  await fillField(finance.getByTestId('bill-quantity-0'), '2');
  await fillField(finance.getByTestId('bill-price-0'), '17500');
  await finance.getByTestId('bill-check').click();
  await expect(finance.getByTestId('bill-match-0')).toContainText('匹配');
  await finance.getByTestId('bill-save').click();
  await expect(finance.getByTestId(`bill-status-${invoice}`)).toContainText('未付');
  const bill = /JX\d+/.exec(await finance.getByTestId(`bill-${invoice}`).innerText())![0];

  // …and pays it in a payment run.
  await openMenu(finance, 'menu-payment-runs');
  await fillField(finance.getByTestId('run-due-by'), '2027-12-31');
  await finance.getByTestId('run-due-by').dispatchEvent('change');
  await finance.getByTestId(`run-select-${bill}`).click();
  await expect(finance.getByTestId('run-selected-total')).toContainText('39,550.00');
  await fillField(finance.getByTestId('run-reference'), `付款批次 ${invoice}`);
  await finance.getByTestId('run-pay').click();
  await expect(finance.getByTestId(`run-select-${bill}`)).toHaveCount(0);

  await openMenu(finance, 'menu-purchase-orders');
  await finance.getByTestId(`order-link-${order}`).click();
  await expect(finance.getByTestId(`bill-status-${invoice}`)).toContainText('已付');
  await shoot(finance, 'order-billed');
});
