import { APIRequestContext, Page, expect, test } from '@playwright/test';
import { fillField, login, overflow } from './forms';

const suffix = Date.now().toString(36);

/** Signs in over the API (for setting the scene; what is under test happens in the browser). */
async function apiAs(request: APIRequestContext, user: string, password = 'Demo123!') {
  const response = await request.post('/api/account/login', { headers: { __tenant: 'demo' }, data: { userNameOrEmail: user, password } });
  expect(response.ok()).toBeTruthy();
  const token = (await response.json()).accessToken as string;
  const headers = { Authorization: `Bearer ${token}`, __tenant: 'demo' };
  return {
    get: async (url: string) => { const r = await request.get(url, { headers }); expect(r.ok(), `${url} ${r.status()}`).toBeTruthy(); return r.json(); },
    post: async (url: string, data: unknown) => { const r = await request.post(url, { headers, data }); expect(r.ok(), `${url} ${r.status()} ${await r.text()}`).toBeTruthy(); return r.json(); },
    put: async (url: string, data: unknown) => { const r = await request.put(url, { headers, data }); expect(r.ok(), `${url} ${r.status()}`).toBeTruthy(); return r.json(); },
  };
}

/** Sales drafts and submits a contract of the given net amount for a new customer; returns its number. */
async function submitContract(request: APIRequestContext, title: string, unitPrice: number): Promise<string> {
  const sales = await apiAs(request, 'sales');
  const customer = await sales.post('/api/crm/customers', { name: `${title} 客户`, creditCode: null, taxId: null, billingAddress: null, bankAccount: null, customFields: { level: 'B' } });
  const contract = await sales.post('/api/crm/contracts', {
    title, customerId: customer.id, currency: 'CNY',
    lines: [{ productId: null, description: '年度实施服务', quantity: 1, unitPrice, discountRate: 0, vatRate: 0.13 }],
    installments: [{ trigger: 'OnSigning', percentage: 100, amount: null, dueDate: null }],
  });
  await sales.post(`/api/crm/contracts/${contract.id}/submit`, {});
  return contract.number as string;
}

async function openApproval(page: Page, number: string): Promise<void> {
  await page.getByTestId('menu-approvals').click();
  await page.getByTestId(`approval-link-${number}`).click();
  await expect(page.getByTestId('approval-title')).toContainText(number);
}

async function act(page: Page, button: string, comment?: string): Promise<void> {
  if (comment) await fillField(page.getByTestId('approval-comment'), comment);
  await page.getByTestId(button).click();
}

test('a large contract: 会签 of two managers with an added signer, 退回 by finance to sales, resubmitted, approved by all', async ({ page, request }, testInfo) => {
  // The admin adds a second manager and gives contracts above 100 000 a countersign step of the managers and a finance step.
  const admin = await apiAs(request, 'admin');
  // One second manager however often the suite runs against the same database: the 会签 step asks every manager.
  const manager2 = 'zhou';
  const users = (await admin.get('/api/identity/users?take=100')).items as { userName: string; id: string }[];
  if (!users.some(u => u.userName === manager2))
    await admin.post('/api/identity/users', {
      userName: manager2, email: 'zhou@demo.test', name: '周经理 Zhou', password: 'Demo123!', isActive: true, roleNames: ['manager', 'member'],
    });
  const flows = await admin.get('/api/oa/approval-flows');
  const contractFlow = flows.find((f: { documentType: string }) => f.documentType === 'contract');
  const finance = users.find(u => u.userName === 'finance')!;
  await admin.put(`/api/oa/approval-flows/${contractFlow.id}`, {
    documentType: 'contract', name: contractFlow.name, resubmitFrom: 'ReturningStep',
    steps: [
      { rule: 'Role', roleName: 'manager', condition: 'Always', mode: 'Any' },
      { rule: 'Role', roleName: 'manager', condition: 'AmountAbove', threshold: 100000, mode: 'All' },
      { rule: 'User', userId: finance.id, condition: 'AmountAbove', threshold: 100000, mode: 'Any' },
    ],
    cc: [{ moment: 'Completion', rule: 'User', userId: finance.id }],
  });

  const number = await submitContract(request, `集团年度框架合同 ${suffix}`, 300000);

  // Step 1 (或签) and step 2 (会签): the manager approves step 1, then adds the warehouse keeper after himself on step 2.
  await login(page, 'manager');
  await openApproval(page, number);
  await act(page, 'approval-approve', '同意立项');
  await expect(page.getByTestId('approval-history')).toContainText('同意立项');
  await expect(page.getByTestId('approval-steps')).toContainText('会签');
  await fillField(page.getByTestId('approval-comment'), '涉及备货，请仓库确认');
  await page.getByTestId('approval-add-signer').click();
  await page.getByTestId('approval-person').click();
  await page.getByRole('option', { name: /仓管|warehouse/i }).first().click();
  await page.getByTestId('approval-position').click();
  await page.getByTestId('position-After').click();
  await page.getByTestId('approval-panel-ok').click();
  await expect(page.getByTestId('approval-history')).toContainText('加签');
  await act(page, 'approval-approve');
  // The buttons go once the decision is saved; leaving before that could cancel it (the added signer then waits forever).
  await expect(page.getByTestId('approval-approve')).toHaveCount(0);
  await expect(page.getByTestId('approval-steps')).toContainText('待处理');
  await page.screenshot({ path: testInfo.outputPath('approval-desktop.png'), fullPage: true });
  await page.getByTestId('logout').click();

  for (const user of [manager2, 'warehouse']) {
    await login(page, user);
    await openApproval(page, number);
    await act(page, 'approval-approve');
    await expect(page.getByTestId('approval-approve')).toHaveCount(0);
    await page.getByTestId('logout').click();
  }

  // Finance returns it to the applicant (退回), who resubmits from the contract list; it resumes at the finance step.
  await login(page, 'finance');
  await openApproval(page, number);
  await fillField(page.getByTestId('approval-comment'), '请补充付款条件');
  await page.getByTestId('approval-return').click();
  await page.getByTestId('approval-return-to').click();
  await page.getByTestId('return-to-0').click();
  await page.getByTestId('approval-panel-ok').click();
  await expect(page.getByTestId('approval-status')).toContainText('已退回');
  await page.getByTestId('logout').click();

  await login(page, 'sales');
  await page.getByTestId('menu-contracts').click();
  await page.getByTestId('list-search').fill(number);
  await page.getByTestId('list-search').press('Enter');
  await expect(page.getByTestId(`status-${number}`)).toContainText('草稿');
  await page.getByTestId(`submit-${number}`).click();
  await expect(page.getByTestId(`status-${number}`)).toContainText('审批中');
  await page.getByTestId('logout').click();

  await login(page, 'finance');
  await openApproval(page, number);
  await expect(page.getByTestId('approval-history')).toContainText('重新提交');
  await act(page, 'approval-approve', '同意');
  await expect(page.getByTestId('approval-status')).toContainText('已通过');
  await page.getByTestId('menu-approvals').click();
  await page.getByTestId('box-cc').click();
  await expect(page.getByTestId(`approval-link-${number}`)).toBeVisible();
  await page.getByTestId('logout').click();

  await login(page, 'sales');
  await page.getByTestId('menu-contracts').click();
  await page.getByTestId('list-search').fill(number);
  await page.getByTestId('list-search').press('Enter');
  await expect(page.getByTestId(`status-${number}`)).toContainText('已批准');
});

test('on a phone the manager approves a contract from the inbox', async ({ browser, request }, testInfo) => {
  const number = await submitContract(request, `手机审批合同 ${suffix}`, 2000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await login(page, 'manager');
  await page.goto('/oa/approvals');
  await expect(page.getByTestId(`approval-link-${number}`)).toBeVisible();
  expect(await overflow(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('inbox-phone.png'), fullPage: true });
  await page.getByTestId(`approval-link-${number}`).click();
  await expect(page.getByTestId('approval-approve')).toBeInViewport();
  expect(await overflow(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('approval-phone.png'), fullPage: true });
  await page.getByTestId('approval-approve').click();
  await expect(page.getByTestId('approval-status')).toContainText('已通过');
  await context.close();
});
