import { Page, expect, test } from '@playwright/test';
import { fillField, login, openDialog, pickCustomerLevel, pickOption } from './forms';

const shots = process.env['SCREENSHOT_DIR'];

async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  for (const size of [{ name: 'desktop', width: 1280, height: 800 }, { name: 'phone', width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${shots}/${name}-${size.name}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

// Whatever happens in the test, the required field it adds must not stay: every later journey that creates a customer
// in the demo tenant would be refused for lacking it.
test.afterEach(async ({ request }) => {
  const login = await request.post('/api/account/login', { headers: { __tenant: 'demo' }, data: { userNameOrEmail: 'admin', password: 'Demo123!' } });
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}`, __tenant: 'demo' };
  const fields = await (await request.get('/api/custom-fields/crm.customer', { headers })).json() as { id: string; key: string }[];
  for (const field of fields.filter(f => f.key.startsWith('region')))
    expect((await request.post(`/api/custom-fields/crm.customer/${field.id}/remove`, { headers })).ok()).toBeTruthy();
  const employeeFields = await (await request.get('/api/custom-fields/hr.employee', { headers })).json() as { id: string; key: string }[];
  for (const field of employeeFields.filter(f => f.key.startsWith('site')))
    expect((await request.post(`/api/custom-fields/hr.employee/${field.id}/remove`, { headers })).ok()).toBeTruthy();
  const supplierFields = await (await request.get('/api/custom-fields/purchasing.supplier', { headers })).json() as { id: string; key: string }[];
  for (const field of supplierFields.filter(f => f.key.startsWith('tier')))
    expect((await request.post(`/api/custom-fields/purchasing.supplier/${field.id}/remove`, { headers })).ok()).toBeTruthy();
  for (const kind of ['orders.sales-order', 'finance.invoice', 'purchasing.purchase-order']) {
    const kindFields = await (await request.get(`/api/custom-fields/${kind}`, { headers })).json() as { id: string; key: string }[];
    for (const field of kindFields.filter(f => f.key.startsWith('channel')))
      expect((await request.post(`/api/custom-fields/${kind}/${field.id}/remove`, { headers })).ok()).toBeTruthy();
  }
});

/** A tenant admin adds a required select field to customers, enters a customer with it and filters the list by it. */
test('the admin adds a required select field to customers, creates a customer with it and filters the list by it', async ({ page }) => {
  const run = Date.now().toString(36);
  const key = `region${run}`;
  const customer = `区域客户${run}`;
  await login(page, 'admin');
  await page.goto('/settings/custom-fields');
  // The demo tenant's own field is listed: 客户等级, required.
  await expect(page.getByTestId('custom-fields-table')).toContainText('客户等级');

  await openDialog(page, 'custom-field-add');
  await fillField(page.getByTestId('custom-field-labelZh'), `销售区域${run}`);
  await page.getByTestId('custom-field-labelEn').fill(`Sales region ${run}`);
  await page.getByTestId('custom-field-key').fill(key);
  await pickOption(page, page.getByTestId('custom-field-type'), 'custom-field-type-SingleSelect');
  await page.getByTestId('custom-field-required').click();
  await page.getByTestId('custom-field-showInList').click();
  for (const [i, [value, zh, en]] of [['north', '华北', 'North'], ['south', '华南', 'South']].entries()) {
    await page.getByTestId('custom-option-add').click();
    await page.getByTestId(`custom-option-value-${i}`).fill(value);
    await page.getByTestId(`custom-option-labelZh-${i}`).fill(zh);
    await page.getByTestId(`custom-option-labelEn-${i}`).fill(en);
  }
  await shoot(page, 'custom-field-dialog');
  await page.getByTestId('custom-field-save').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('custom-fields-table')).toContainText(`销售区域${run}`);
  await shoot(page, 'custom-fields-page');

  // The customer form asks for it: saving without it shows the server's message beside the field.
  await page.goto('/crm/customers');
  await openDialog(page, 'list-create');
  await fillField(page.getByRole('dialog').getByTestId('customer-name'), customer);
  await pickCustomerLevel(page, 'A');
  await expect(page.getByRole('dialog').getByTestId(`custom-${key}`)).toBeVisible();
  await shoot(page, 'customer-form');
  await page.getByTestId('customer-save').click();
  await expect(page.getByRole('dialog')).toContainText('必填');
  await pickOption(page, page.getByRole('dialog').getByTestId(`custom-${key}`), `custom-${key}-south`);
  await page.getByTestId('customer-save').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The list filters by the field and shows it as a column.
  await pickOption(page, page.getByTestId(`customers-filter-${key}`), `customers-filter-${key}-south`);
  await expect(page.getByTestId('customers-table').locator('tbody tr, tr.mat-mdc-row')).toHaveCount(1);
  await expect(page.getByTestId('customers-table')).toContainText(customer);
  await expect(page.getByTestId('customers-table')).toContainText('华南');
  await pickOption(page, page.getByTestId(`customers-filter-${key}`), `customers-filter-${key}-north`);
  await expect(page.getByTestId('customers-table')).not.toContainText(customer);

  // Removed again, so the demo tenant's other journeys are not held to this run's required field; it stays restorable.
  await page.goto('/settings/custom-fields');
  await page.getByTestId(`custom-field-remove-${key}`).click();
  await expect(page.getByTestId(`custom-field-restore-${key}`)).toBeVisible();
});

/** The same fields on another kind of record: a supplier's tier, entered in the supplier form, shown as a column and filtered. */
test('a supplier takes the tenant\'s custom fields in its form, list column and filter', async ({ page, request }) => {
  const run = Date.now().toString(36);
  const key = `tier${run}`;
  const supplier = `分级供应商${run}`;
  const login2 = await request.post('/api/account/login', { headers: { __tenant: 'demo' }, data: { userNameOrEmail: 'admin', password: 'Demo123!' } });
  const headers = { Authorization: `Bearer ${(await login2.json()).accessToken}`, __tenant: 'demo' };
  expect((await request.post('/api/custom-fields/purchasing.supplier', { headers, data: {
    key, type: 'SingleSelect', labelZh: `供应商分级${run}`, labelEn: `Tier ${run}`, required: false, showInList: true,
    options: [{ value: 'gold', labelZh: '金牌', labelEn: 'Gold' }, { value: 'silver', labelZh: '银牌', labelEn: 'Silver' }],
  } })).status()).toBe(201);

  await login(page, 'admin');
  await page.goto('/purchasing/suppliers');
  await openDialog(page, 'list-create');
  await fillField(page.getByRole('dialog').getByTestId('supplier-name'), supplier);
  await pickOption(page, page.getByRole('dialog').getByTestId(`custom-${key}`), `custom-${key}-gold`);
  await shoot(page, 'supplier-form');
  await page.getByTestId('supplier-save').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await pickOption(page, page.getByTestId(`suppliers-filter-${key}`), `suppliers-filter-${key}-gold`);
  await expect(page.getByTestId('suppliers-table').locator('tr.mat-mdc-row')).toHaveCount(1);
  await expect(page.getByTestId('suppliers-table')).toContainText(supplier);
  await expect(page.getByTestId('suppliers-table')).toContainText('金牌');
  await shoot(page, 'suppliers-page');
  await pickOption(page, page.getByTestId(`suppliers-filter-${key}`), `suppliers-filter-${key}-silver`);
  await expect(page.getByTestId('suppliers-table')).not.toContainText(supplier);
});

/**
 * Orders and invoices come from their contract, purchase orders from a request or the buyer: their custom fields are set on their
 * page, shown there and in the list, and filter it.
 */
const fromContracts = [
  { kind: 'orders.sales-order', page: '/orders/sales-orders', table: 'orders-table', filters: 'orders', id: 'order', shot: 'sales-order' },
  { kind: 'finance.invoice', page: '/finance/invoices', table: 'invoices-table', filters: 'invoices', id: 'invoice', shot: 'invoice' },
  { kind: 'purchasing.purchase-order', page: '/purchasing/orders', table: 'purchase-orders', filters: 'purchase-orders', id: 'order', shot: 'purchase-order' },
];
for (const r of fromContracts) {
  test(`${r.kind} takes its custom fields on its page, and the list shows and filters them`, async ({ page, request }) => {
    const run = Date.now().toString(36);
    const key = `channel${run}`;
    const login2 = await request.post('/api/account/login', { headers: { __tenant: 'demo' }, data: { userNameOrEmail: 'admin', password: 'Demo123!' } });
    const headers = { Authorization: `Bearer ${(await login2.json()).accessToken}`, __tenant: 'demo' };
    expect((await request.post(`/api/custom-fields/${r.kind}`, { headers, data: {
      key, type: 'SingleSelect', labelZh: `销售渠道${run}`, labelEn: `Channel ${run}`, required: true, showInList: true,
      options: [{ value: 'direct', labelZh: '直销', labelEn: 'Direct' }, { value: 'partner', labelZh: '渠道', labelEn: 'Partner' }],
    } })).status()).toBe(201);

    await login(page, 'admin');
    await page.goto(r.page);
    const first = page.getByTestId(r.table).locator('tr.mat-mdc-row a').first();
    const number = (await first.textContent())!.trim();
    await first.click();
    await expect(page.getByTestId(`${r.id}-number`)).toContainText(number);
    await openDialog(page, `${r.id}-edit-fields`);
    // Required: saving without it shows the server's message beside the field.
    await page.getByTestId('custom-fields-save').click();
    await expect(page.getByRole('dialog')).toContainText('必填');
    await pickOption(page, page.getByRole('dialog').getByTestId(`custom-${key}`), `custom-${key}-partner`);
    await shoot(page, `${r.shot}-fields`);
    await page.getByTestId('custom-fields-save').click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByTestId(`${r.id}-custom-${key}`)).toHaveText('渠道');
    await shoot(page, `${r.shot}-page`);

    await page.goto(r.page);
    await pickOption(page, page.getByTestId(`${r.filters}-filter-${key}`), `${r.filters}-filter-${key}-partner`);
    await expect(page.getByTestId(r.table).locator('tr.mat-mdc-row')).toHaveCount(1);
    await expect(page.getByTestId(r.table)).toContainText(number);
    await expect(page.getByTestId(r.table)).toContainText('渠道');
    await shoot(page, `${r.shot}s-page`);
    await pickOption(page, page.getByTestId(`${r.filters}-filter-${key}`), `${r.filters}-filter-${key}-direct`);
    await expect(page.getByTestId(r.table)).not.toContainText(number);
  });
}

/** HR sets an employee's custom field in the employee form; the list shows it and filters by it. */
test('an employee takes a custom field in its form, and the list shows and filters it', async ({ page, request }) => {
  const run = Date.now().toString(36);
  const key = `site${run}`;
  const login2 = await request.post('/api/account/login', { headers: { __tenant: 'demo' }, data: { userNameOrEmail: 'admin', password: 'Demo123!' } });
  const headers = { Authorization: `Bearer ${(await login2.json()).accessToken}`, __tenant: 'demo' };
  expect((await request.post('/api/custom-fields/hr.employee', { headers, data: {
    key, type: 'SingleSelect', labelZh: `工作地点${run}`, labelEn: `Site ${run}`, showInList: true,
    options: [{ value: 'sh', labelZh: '上海', labelEn: 'Shanghai' }, { value: 'hz', labelZh: '杭州', labelEn: 'Hangzhou' }],
  } })).status()).toBe(201);

  await login(page, 'admin');
  await page.goto('/hr/employees');
  const first = page.getByTestId('employees-table').locator('tr.mat-mdc-row a').first();
  const number = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByTestId('employee-title')).toContainText(number);
  await pickOption(page, page.getByTestId(`custom-${key}`), `custom-${key}-hz`);
  await shoot(page, 'employee-page');
  const saved = page.waitForResponse(r => r.request().method() === 'PUT' && r.url().includes('/api/hr/employees/'));
  await page.getByTestId('employee-save').click();
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId(`custom-${key}`)).toContainText('杭州');

  await page.goto('/hr/employees');
  await pickOption(page, page.getByTestId(`employees-filter-${key}`), `employees-filter-${key}-hz`);
  await expect(page.getByTestId('employees-table').locator('tr.mat-mdc-row')).toHaveCount(1);
  await expect(page.getByTestId('employees-table')).toContainText(number);
  await expect(page.getByTestId('employees-table')).toContainText('杭州');
  await shoot(page, 'employees-page');
  await pickOption(page, page.getByTestId(`employees-filter-${key}`), `employees-filter-${key}-sh`);
  await expect(page.getByTestId('employees-table')).not.toContainText(number);
});

/** The rule editor offers the custom fields an event's payload carries, by label, and a select field's options as values. */
test('the rule editor picks a custom field of the event by its label and its value from the options', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/automation/rules');
  await page.getByTestId('rule-A 级客户发票逾期提醒销售').click();
  // The demo rule's condition is on the customer's 客户等级 = A, shown by label rather than as a key.
  await expect(page.getByTestId('condition-field-0')).toContainText('客户 · 客户等级');
  await expect(page.getByTestId('condition-value-0')).toContainText('A 级');
  await pickOption(page, page.getByTestId('condition-value-0'), 'condition-option-B');
  await expect(page.getByTestId('condition-value-0')).toContainText('B 级');

  // "Set a custom field" lists the chosen kind's fields and a select field's options.
  await page.getByTestId('action-add').click();
  await pickOption(page, page.getByTestId('action-type-1'), 'action-SetCustomField');
  await pickOption(page, page.getByTestId('action-field-1'), 'action-field-option-level');
  await pickOption(page, page.getByTestId('action-value-1'), 'action-option-C');
  await expect(page.getByTestId('action-value-1')).toContainText('C 级');
  await shoot(page, 'rule-editor-custom-fields');
});
