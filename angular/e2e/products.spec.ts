import { expect, test } from '@playwright/test';
import { fillField, login, openDialog, openMenu, pickCustomerLevel } from './forms';

const suffix = Date.now().toString(36).toUpperCase();
const sku = `E2E-CAM-${suffix}`;
const productName = `网络摄像机 ${suffix}`;


// The second test prices a contract line from the product the first one creates.
test.describe.configure({ mode: 'serial' });

test('the manager adds a product to the catalogue, and a duplicate SKU is refused beside the field', async ({ page }) => {
  await login(page, 'manager');
  await page.getByTestId('menu-products').click();
  await expect(page.getByTestId('products-table')).toContainText('SRV-R750');

  async function create(name: string) {
    await openDialog(page, 'list-create');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await fillField(dialog.getByTestId('product-sku'), sku.toLowerCase());
    await fillField(dialog.getByTestId('product-name'), name);
    await fillField(dialog.getByTestId('product-unit'), '台');
    await fillField(dialog.getByTestId('product-price'), '1880');
    await dialog.getByTestId('product-vat').click();
    await page.getByTestId('vat-9').click();
    await expect(dialog.getByTestId('product-vat')).toContainText('9%');
    await dialog.getByTestId('product-save').click();
    return dialog;
  }

  const first = await create(productName);
  await expect(first).toBeHidden();
  await expect(page.getByTestId('products-table')).toContainText(sku);
  await expect(page.getByTestId(`product-status-${sku}`)).toContainText('启用');

  const duplicate = await create('另一台摄像机');
  const skuField = duplicate.locator('mat-form-field').filter({ has: page.getByTestId('product-sku') });
  await expect(skuField).toContainText(`已有其他产品使用编码 ${sku}`);
  await expect(duplicate.getByTestId('product-error')).toHaveCount(0);
  await duplicate.getByRole('button', { name: '取消' }).click();
  await expect(duplicate).toBeHidden();
});

test('sales picks the product on a new contract line and its price and VAT rate fill in', async ({ page }) => {
  const customer = `产品客户${suffix}`;
  const title = `摄像机采购 ${suffix}`;
  await login(page, 'sales');
  await expect(page.getByTestId('menu-products')).toBeVisible();

  await openMenu(page, 'menu-customers');
  await openDialog(page, 'list-create');
  await fillField(page.getByRole('dialog').getByTestId('customer-name'), customer);
  await pickCustomerLevel(page, 'C');
  await page.getByTestId('customer-save').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The demo tenant has a year of customers (its demo history): look the new one up rather than expect it on the first page.
  await page.getByTestId('list-search').fill(customer);
  await page.getByTestId('list-search').press('Enter');
  await expect(page.getByTestId('customers-table')).toContainText(customer);

  await openMenu(page, 'menu-contracts');
  await openDialog(page, 'list-create');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await fillField(dialog.getByTestId('contract-title'), title);
  await dialog.getByTestId('contract-customer').click();
  await page.getByTestId(`customer-option-${customer}`).click();

  await fillField(dialog.getByTestId('line-description-0'), suffix);
  await page.getByTestId(`product-option-${sku}`).click();
  await expect(dialog.getByTestId('line-description-0')).toHaveValue(productName);
  await expect(dialog.getByTestId('line-price-0')).toHaveValue('1880');
  await expect(dialog.getByTestId('line-vat-0')).toContainText('9%');
  await expect(dialog.getByTestId('line-product-0')).toBeVisible();
  await fillField(dialog.getByTestId('line-quantity-0'), '2');
  await expect(dialog.getByTestId('contract-total')).toContainText('4,098.4'); // 2 × 1880 + 9 % VAT

  await dialog.getByTestId('contract-save').click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('草稿');
  await expect(row).toContainText('4,098.40');
});
