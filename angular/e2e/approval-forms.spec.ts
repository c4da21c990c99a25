import { Page, expect, test } from '@playwright/test';
import { fillField, login, openDialog, openMenu } from './forms';

const suffix = Date.now().toString(36);
const code = `seal-${suffix}`;

async function addField(page: Page, index: number, key: string, type: string, zh: string, en: string, required: boolean): Promise<void> {
  await page.getByTestId('form-add-field').click();
  await fillField(page.getByTestId(`field-key-${index}`), key);
  await page.getByTestId(`field-type-${index}`).click();
  await page.getByTestId(`type-${type}`).click();
  await fillField(page.getByTestId(`field-label-zh-${index}`), zh);
  await fillField(page.getByTestId(`field-label-en-${index}`), en);
  if (required) await page.getByTestId(`field-required-${index}`).locator('input').check();
}

test('the admin designs a 用印申请 form with a flow, a member submits it, the manager approves it in the inbox', async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  // The admin designs the form, binds it to a flow the manager role approves, and publishes it.
  const admin = await browser.newPage();
  await login(admin, 'admin');
  await openMenu(admin, 'menu-approval-forms');
  await openDialog(admin, 'form-create');
  await fillField(admin.getByTestId('form-code'), code);
  await fillField(admin.getByTestId('form-name-zh'), `用印申请 ${suffix}`);
  await fillField(admin.getByTestId('form-name-en'), `Seal use ${suffix}`);
  await addField(admin, 0, 'sealType', 'SingleSelect', '印章类型', 'Seal', true);
  await fillField(admin.getByTestId('field-options-0'), 'company=公章/Company seal\ncontract=合同专用章/Contract seal');
  await addField(admin, 1, 'purpose', 'LongText', '用印事由', 'Purpose', true);
  await addField(admin, 2, 'copies', 'Number', '用印份数', 'Copies', true);
  await fillField(admin.getByTestId('form-field-2').locator('input[formcontrolname="min"]'), '1');
  await addField(admin, 3, 'document', 'Attachment', '用印文件', 'Document', false);
  await admin.screenshot({ path: testInfo.outputPath('form-designer-desktop.png'), fullPage: true });
  await admin.getByTestId('form-save').click();
  await expect(admin.getByTestId(`form-status-${code}`)).toContainText(/草稿|Draft/);

  await openDialog(admin, `form-flow-${code}`);
  await fillField(admin.getByTestId('flow-name'), `用印审批 ${suffix}`);
  await fillField(admin.getByTestId('step-role-0'), 'manager');
  await admin.getByTestId('flow-save').click();
  await expect(admin.getByTestId('forms-table')).toContainText(`用印审批 ${suffix}`);
  await admin.getByTestId(`form-publish-${code}`).click();
  await expect(admin.getByTestId(`form-status-${code}`)).toContainText(/已发布|Published/);
  await admin.screenshot({ path: testInfo.outputPath('forms-desktop.png'), fullPage: true });

  // A member fills it in: the server's field errors show under the field, then the request goes to the manager.
  const sales = await browser.newPage();
  await login(sales, 'sales');
  await openMenu(sales, 'menu-new-request');
  await sales.screenshot({ path: testInfo.outputPath('new-request-desktop.png'), fullPage: true });
  await sales.getByTestId(`new-request-${code}`).click();
  await sales.getByTestId('fill-sealType').click();
  await sales.getByTestId('fill-sealType-contract').click();
  await fillField(sales.getByTestId('fill-purpose'), '与上海印务签订年度合同');
  await fillField(sales.getByTestId('fill-copies'), '0');
  await sales.getByTestId('fill-submit').click();
  await expect(sales.getByTestId('fill-copies-error')).toBeVisible();
  await fillField(sales.getByTestId('fill-copies'), '2');
  await sales.getByTestId('fill-file-document').setInputFiles({ name: '合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 contract') });
  await expect(sales.getByTestId('fill-document')).toContainText('合同.pdf');
  await sales.screenshot({ path: testInfo.outputPath('fill-form-desktop.png'), fullPage: true });
  await sales.getByTestId('fill-submit').click();
  await expect(sales.getByTestId('request-status')).toContainText(/审批中|Pending/);
  await expect(sales.getByTestId('value-sealType')).toContainText(/合同专用章|Contract seal/);
  const number = (await sales.locator('h2 small').textContent())!.trim();

  // The manager finds it in the inbox, reads the values and approves.
  const manager = await browser.newPage();
  await login(manager, 'manager');
  await manager.getByTestId('menu-approvals').click();
  await manager.getByTestId(`approval-link-${number}`).click();
  await expect(manager.getByTestId('approval-title')).toContainText(number);
  await manager.getByRole('link', { name: /打开单据|Open document/ }).click();
  await expect(manager.getByTestId('value-purpose')).toContainText('年度合同');
  await expect(manager.getByTestId('value-copies')).toContainText('2');
  await manager.getByTestId('request-approval').click();
  await manager.getByTestId('approval-approve').click();
  await expect(manager.getByTestId('approval-status')).toContainText(/已通过|Approved/);

  await sales.reload();
  await expect(sales.getByTestId('request-status')).toContainText(/已通过|Approved/);
  await sales.screenshot({ path: testInfo.outputPath('request-desktop.png'), fullPage: true });
  await sales.setViewportSize({ width: 390, height: 844 });
  await sales.reload();
  await expect(sales.getByTestId('request-status')).toBeVisible();
  await sales.screenshot({ path: testInfo.outputPath('request-phone.png'), fullPage: true });
  // At phone size the menu is a drawer: go straight to the page.
  await sales.goto('/oa/requests');
  await expect(sales.getByTestId(`request-status-${number}`)).toContainText(/已通过|Approved/);
  await sales.screenshot({ path: testInfo.outputPath('new-request-phone.png'), fullPage: true });
  await sales.getByTestId(`new-request-${code}`).click();
  await expect(sales.getByTestId('fill-purpose')).toBeVisible();
  await sales.screenshot({ path: testInfo.outputPath('fill-form-phone.png'), fullPage: true });
});
