import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';

/** RFC 6238 TOTP (SHA-1, 6 digits, 30-s steps) of a base-32 key, for a given step. */
function totp(base32Key: string, step: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32Key.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map(b => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0xf;
  return ((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

const currentStep = () => Math.floor(Date.now() / 30_000);

test('a user turns on two-factor sign-in from the security page and signs in with a code', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // A user of its own, so the demo users other specs sign in with keep password-only sign-in.
  const userName = `tf${Date.now().toString(36)}`;
  const admin = await page.request.post('/api/account/login', { headers: { __tenant: 'demo' }, data: { userNameOrEmail: 'admin', password: 'Demo123!' } });
  const created = await page.request.post('/api/identity/users', {
    headers: { __tenant: 'demo', Authorization: `Bearer ${(await admin.json()).accessToken}` },
    data: { userName, email: `${userName}@demo.test`, name: 'Two Factor', password: 'Secret123!', isActive: true, roleNames: ['member'] },
  });
  expect(created.status()).toBe(201);

  const signIn = async () => {
    await page.goto('/login');
    await page.getByTestId('login-tenant').fill('demo');
    await page.getByTestId('login-user').fill(userName);
    await page.getByTestId('login-password').fill('Secret123!');
    await page.getByTestId('login-submit').click();
  };
  await signIn();
  await expect(page.getByTestId('home-title')).toBeVisible();

  await page.getByTestId('account-security').click();
  await expect(page.getByTestId('two-factor-status')).toBeVisible();
  await page.getByTestId('two-factor-begin').click();
  await expect(page.getByTestId('two-factor-qr')).toBeVisible();
  const key = await page.getByTestId('two-factor-key').innerText();
  const enrolStep = currentStep();
  await page.getByTestId('two-factor-setup-code').fill(totp(key, enrolStep));
  await page.getByTestId('two-factor-confirm').click();
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await expect(page.getByTestId('two-factor-status')).toContainText(/10/);

  await page.getByTestId('logout').click();
  await signIn();
  await expect(page.getByTestId('login-code')).toBeVisible();
  // A wrong code is refused with the server's message; the next step's code (inside the ±1 window, unused) signs in.
  await page.getByTestId('login-code').fill(totp(key, enrolStep) === '000000' ? '111111' : '000000');
  await page.getByTestId('login-code-submit').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await page.getByTestId('login-code').fill(totp(key, enrolStep + 1));
  await page.getByTestId('login-code-submit').click();
  await expect(page.getByTestId('home-title')).toBeVisible();
});
