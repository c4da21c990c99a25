import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Download, TestInfo, expect, test } from '@playwright/test';
import { fillField, login, openDialog, openMenu, pickCustomerLevel } from './forms';

/**
 * Keeps a downloaded PDF in the test's output with its first page rendered by pdftoppm (poppler-utils), attached to the
 * report, so a failing run leaves the page as a reader sees it; returns the text pdftotext reads from it.
 */
async function renderPdf(download: Download, testInfo: TestInfo): Promise<string> {
  const pdf = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(pdf);
  const png = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
  expect(existsSync(`${png}.png`)).toBe(true);
  await testInfo.attach(download.suggestedFilename(), { path: `${png}.png`, contentType: 'image/png' });
  return execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
}

const suffix = Date.now().toString(36);


test('sales drafts a contract with a 30/70 collection plan, the manager approves, sales signs, the order and first invoice appear, finance records a partial payment, the order is delivered and invoiced', async ({ page }, testInfo) => {
  const customer = `客户${suffix}`;
  const title = `实施合同 ${suffix}`;
  await login(page, 'sales');
  await expect(page.getByTestId('menu-users')).toHaveCount(0);

  await openMenu(page, 'menu-customers');
  await openDialog(page, 'list-create');
  await page.getByTestId('customer-name').fill(customer);
  await page.getByTestId('customer-creditCode').fill('91350100M000100Y44');
  await pickCustomerLevel(page, 'A');
  await page.getByTestId('customer-save').click();
  await expect(page.getByText('不是有效的统一社会信用代码')).toBeVisible();
  await page.getByTestId('customer-creditCode').fill('');
  await page.getByTestId('customer-save').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The demo tenant has a year of customers (its demo history): look the new one up rather than expect it on the first page.
  await page.getByTestId('list-search').fill(customer);
  await page.getByTestId('list-search').press('Enter');
  await expect(page.getByTestId('customers-table')).toContainText(customer);

  await openMenu(page, 'menu-contracts');
  await openDialog(page, 'list-create');
  await page.getByTestId('contract-title').fill(title);
  await page.getByTestId('contract-customer').click();
  await page.getByTestId(`customer-option-${customer}`).click();
  await page.getByTestId('line-description-0').fill('ERP 实施服务');
  await page.getByTestId('line-quantity-0').fill('10');
  await page.getByTestId('line-price-0').fill('1000');
  await expect(page.getByTestId('contract-total')).toContainText('11,300');
  await page.getByTestId('installment-percentage-0').fill('30');
  await page.getByTestId('add-installment').click();
  await page.getByTestId('installment-percentage-1').fill('60');
  await page.getByTestId('contract-save').click();
  await expect(page.getByTestId('contract-error')).toContainText('回款计划合计');
  await page.getByTestId('installment-percentage-1').fill('70');
  await page.getByTestId('contract-save').click();
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('草稿');
  const number = (await row.locator('td').first().innerText()).trim();
  await page.getByTestId(`submit-${number}`).click();
  await expect(page.getByTestId(`status-${number}`)).toContainText('审批中');
  await expect(page.getByTestId(`approval-${number}`)).toBeVisible();
  await page.getByTestId('logout').click();

  // The demo tenant's contract flow asks the manager role: the contract waits in the manager's OA inbox.
  await login(page, 'manager');
  await page.getByTestId('menu-approvals').click();
  await page.getByTestId(`approval-link-${number}`).click();
  await page.getByTestId('approval-approve').click();
  await expect(page.getByTestId('approval-status')).toContainText('已通过');
  await page.getByTestId('menu-contracts').click();
  await expect(page.getByTestId(`status-${number}`)).toContainText('已批准');
  await page.getByTestId('logout').click();

  await login(page, 'sales');
  await page.getByTestId('menu-contracts').click();
  await page.getByTestId(`sign-${number}`).click();
  await expect(page.getByTestId(`status-${number}`)).toContainText('已签订');

  // The signed contract became a sales order by itself; the manager records a partial, then the full delivery.
  await page.getByTestId('menu-orders').click();
  await expect(page.getByTestId(`order-status-${number}`)).toContainText('待交付');
  await expect(page.getByTestId(`deliver-${number}`)).toHaveCount(0);

  // Signing also issued the invoice of the 30 % on-signing installment; the contract page shows it, unpaid.
  await page.getByTestId('menu-contracts').click();
  await page.getByTestId(`contract-link-${number}`).click();
  await expect(page.getByTestId('contract-status')).toContainText('已签订');
  await expect(page.getByTestId('contract-invoice-1')).toContainText('3,390.00');
  await expect(page.getByTestId('contract-invoice-2')).toHaveCount(0);
  await expect(page.getByTestId('collection-status')).toContainText('未回款');
  const invoice = (await page.getByTestId('contract-invoice-link-1').innerText()).trim();
  await expect(page.getByTestId('menu-vouchers')).toHaveCount(0);
  await page.getByTestId('logout').click();

  // Finance opens the invoice, is stopped from taking more than is open, then records a partial payment.
  await login(page, 'finance');
  await expect(page.getByTestId('menu-group-menu.finance')).toBeVisible();
  await page.getByTestId('menu-invoices').click();
  await page.getByTestId(`invoice-link-${invoice}`).click();
  await expect(page.getByTestId('invoice-number')).toContainText(invoice);
  await expect(page.getByTestId('invoice-outstanding')).toContainText('3,390.00');
  await page.getByTestId('invoice-record-payment').click();
  await expect(page.getByTestId('payment-amount')).toHaveValue('3390');
  await fillField(page.getByTestId('payment-amount'), '5000');
  await page.getByTestId('payment-save').click();
  await expect(page.getByTestId('payment-amount-error')).toContainText('超过');
  await fillField(page.getByTestId('payment-amount'), '1000');
  await fillField(page.getByTestId('payment-reference'), `回单 ${suffix}`);
  await page.getByTestId('payment-save').click();
  await expect(page.getByTestId('invoice-status')).toContainText('部分收款');
  await expect(page.getByTestId('invoice-paid')).toContainText('1,000.00');
  await expect(page.getByTestId('invoice-outstanding')).toContainText('2,390.00');
  await expect(page.getByTestId('invoice-payments')).toContainText(`回单 ${suffix}`);
  // The invoice and the payment each posted a voucher.
  await expect(page.locator('bs-voucher-list section')).toHaveCount(2);
  // The invoice and the payment's receipt, downloaded and rendered as the customer would open them.
  const pdf = page.waitForEvent('download');
  await page.getByTestId('invoice-pdf-en').click();
  expect((await pdf).suggestedFilename()).toBe(`${invoice}-en.pdf`);
  const invoiceText = await renderPdf(await pdf, testInfo);
  expect(invoiceText).toContain('Sales Invoice');
  expect(invoiceText).toContain(invoice);
  expect(invoiceText).toContain('3,390.00');
  const chinese = page.waitForEvent('download');
  await page.getByTestId('invoice-pdf-zh').click();
  const chineseText = await renderPdf(await chinese, testInfo);
  expect(chineseText).toContain('价税合计（大写）');
  expect(chineseText).toContain('叁仟叁佰玖拾元整');
  const receipt = page.waitForEvent('download');
  await page.getByTestId('invoice-payments').getByRole('button', { name: 'PDF 中文' }).click();
  const receiptText = await renderPdf(await receipt, testInfo);
  expect(receiptText).toContain('收款收据');
  expect(receiptText).toContain('壹仟元整');

  // The contract, and the collections list, now show it as partially collected.
  await page.getByTestId('invoice-contract').click();
  await expect(page.getByTestId('collection-status')).toContainText('部分回款');
  await expect(page.getByTestId('collection-paid')).toContainText('1,000.00');
  await page.getByTestId('menu-receivables').click();
  await expect(page.getByTestId(`receivable-status-${number}`)).toContainText('部分回款');
  await page.getByTestId('logout').click();

  await login(page, 'manager');
  await page.getByTestId('menu-orders').click();
  await page.getByTestId(`deliver-${number}`).click();
  await page.getByTestId('deliver-quantity-0').fill('11');
  await page.getByTestId('deliver-save').click();
  await expect(page.getByTestId('deliver-error')).toContainText('仅剩 10');
  await page.getByTestId('deliver-quantity-0').fill('4');
  await page.getByTestId('deliver-save').click();
  await expect(page.getByTestId(`order-status-${number}`)).toContainText('部分交付');
  await page.getByTestId(`deliver-${number}`).click();
  await page.getByTestId('deliver-save').click();
  await expect(page.getByTestId(`order-status-${number}`)).toContainText('已交付');

  // The order page tells the story: created, two deliveries with their quantities, fully delivered.
  await page.getByTestId(`order-link-${number}`).click();
  await expect(page.getByTestId('order-status')).toContainText('已交付');
  await expect(page.getByTestId('line-delivered-0')).toHaveText('10');
  await expect(page.getByTestId('timeline-created')).toBeVisible();
  await expect(page.getByTestId('timeline-delivery')).toHaveCount(2);
  await expect(page.getByTestId('timeline-delivery').first()).toContainText('ERP 实施服务 × 4');
  await expect(page.getByTestId('timeline-delivered')).toBeVisible();
  await expect(page.getByTestId('order-deliver')).toHaveCount(0);

  // The full delivery made the 70 % on-delivery installment due: its invoice appears beside the first.
  await expect(page.getByTestId('contract-invoice-1')).toContainText(invoice);
  await expect(page.getByTestId('contract-invoice-2')).toContainText('7,910.00');
  await expect(page.getByTestId('collection-status')).toContainText('部分回款');

  // The document chain, read from the event journal: contract → order → invoices → payment → vouchers.
  await page.getByTestId('open-chain').click();
  await expect(page.getByTestId('chain-Contract')).toContainText(number);
  await expect(page.getByTestId('chain-SalesOrder')).toContainText('由合同生成');
  await expect(page.getByTestId('chain-Invoice')).toHaveCount(2);
  await expect(page.getByTestId('chain-Payment')).toContainText('1,000.00');
  await expect(page.getByTestId('chain-Voucher')).toHaveCount(3);

  // The customer's 360° page adds up what is still due: 11,300.00 invoiced, 1,000.00 paid.
  await page.getByTestId('menu-customers').click();
  await page.getByTestId('list-search').fill(customer);
  await page.getByTestId('list-search').press('Enter');
  await page.getByTestId(`customer-link-${customer}`).click();
  await expect(page.getByTestId('customer-balance-due')).toContainText('10,300.00');
  await page.getByTestId('customer-tab-invoices').click();
  await expect(page.getByTestId('customer-invoices')).toContainText(invoice);
  await expect(page.getByTestId('customer-payments')).toContainText('1,000.00');
  await page.getByTestId('customer-tab-orders').click();
  await expect(page.getByTestId('customer-orders')).toContainText('部分回款');
});
