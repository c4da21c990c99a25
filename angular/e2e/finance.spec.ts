import { APIRequestContext, expect, test } from '@playwright/test';
import { fillField, login } from './forms';


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

/** A signed 30/70 contract made through the API, so the credit note test has an unpaid invoice of its own. */
async function signedContract(request: APIRequestContext, customer: string): Promise<string> {
  const token = async (user: string) => {
    const response = await request.post('/api/account/login', { headers: { __tenant: 'demo' }, data: { userNameOrEmail: user, password: 'Demo123!' } });
    return { Authorization: `Bearer ${(await response.json()).accessToken}` };
  };
  const post = async (headers: Record<string, string>, url: string, data: object = {}) => {
    const response = await request.post(url, { headers, data });
    expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
    return response.json();
  };
  const sales = await token('sales');
  const { id: customerId } = await post(sales, '/api/crm/customers', { name: customer, customFields: { level: 'B' } });
  const contract = await post(sales, '/api/crm/contracts', {
    title: `红冲测试 ${customer}`, customerId,
    lines: [{ description: '年度运维', quantity: 1, unitPrice: 12000, discountRate: 0, vatRate: 0.06 }],
    installments: [{ trigger: 'OnSigning', percentage: 30, dueDate: null }, { trigger: 'OnDelivery', percentage: 70, dueDate: null }],
  });
  const { approvalId } = await post(sales, `/api/crm/contracts/${contract.id}/submit`);
  await post(await token('manager'), `/api/oa/approvals/${approvalId}/approve`);
  await post(sales, `/api/crm/contracts/${contract.id}/sign`);
  return contract.number;
}

test('finance credits an unpaid invoice in full with a reason', async ({ page }) => {
  const customer = `红冲客户${Date.now().toString(36)}`;
  const contract = await signedContract(page.request, customer);
  await login(page, 'finance');
  await page.getByTestId('menu-invoices').click();
  await page.getByTestId('list-search').fill(contract);
  await page.getByTestId('list-search').press('Enter');
  await page.locator('[data-testid^=invoice-link-]').first().click();
  await expect(page.getByTestId('invoice-gross')).toContainText('3,816.00');

  await page.getByTestId('invoice-credit').click();
  await page.getByTestId('credit-save').click();
  await expect(page.getByRole('dialog')).toContainText('必填');
  await fillField(page.getByTestId('credit-reason'), '客户取消首期');
  await page.getByTestId('credit-save').click();

  await expect(page.getByTestId('invoice-status')).toContainText('已红冲');
  await expect(page.getByTestId('invoice-credit-notes')).toContainText('客户取消首期');
  await expect(page.getByTestId('invoice-credit')).toHaveCount(0);
  await expect(page.getByTestId('invoice-record-payment')).toHaveCount(0);
  // The credit note posted a reversing voucher beside the invoice's own.
  await expect(page.locator('bs-voucher-list section')).toHaveCount(2);
});
