import { expect, test } from '@playwright/test';

// The other specs block service workers (playwright.config.ts) so that each runs against the network as it is.
test.use({ serviceWorkers: 'allow' });

test('the app is installable in the user\'s language and, reopened without a network, starts from its cached shell', async ({ page, context, request }) => {
  await page.goto('/login');
  await expect(page.getByTestId('login-submit')).toBeVisible();

  // The manifest follows the UI language, so an installed app is named in it.
  const manifest = page.locator('link[rel="manifest"]');
  await expect(manifest).toHaveAttribute('href', 'manifest.zh-CN.webmanifest');
  const zh = await (await request.get('/manifest.zh-CN.webmanifest')).json();
  expect(zh.name).toBe('BizSuite 商务套件');
  expect(zh.display).toBe('standalone');
  expect(zh.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of zh.icons) expect((await request.get('/' + icon.src)).headers()['content-type']).toBe('image/png');
  await page.getByTestId('login-language').click();
  await expect(manifest).toHaveAttribute('href', 'manifest.en.webmanifest');
  expect((await (await request.get('/manifest.en.webmanifest')).json()).name).toBe('BizSuite business suite');

  // The built scripts are served pre-compressed and cached for good; index.html is revalidated each time.
  const script = await page.locator('script[src^="main-"]').getAttribute('src');
  const asset = await request.get('/' + script, { headers: { 'Accept-Encoding': 'br, gzip' } });
  expect(asset.headers()['content-encoding']).toBe('br');
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await request.get('/login')).headers()['cache-control']).toBe('no-cache');

  // The service worker installs once the page is idle and keeps the shell (never API data). Going offline before it
  // has fetched every file of the shell would abort its caching, so wait until the cache holds the manifest's list.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const shell = await page.evaluate(() => fetch('/ngsw.json').then(r => r.json()).then(m => m.assetGroups.find((g: { name: string }) => g.name === 'app').urls.length));
  await expect.poll(() => page.evaluate(async () => {
    const name = (await caches.keys()).find(key => key.endsWith(':assets:app:cache'));
    return name ? (await (await caches.open(name)).keys()).length : 0;
  }), { timeout: 30_000 }).toBe(shell);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('login-submit')).toBeVisible();
  // API answers are never cached: offline, the worker has nothing to give (504 Gateway Timeout).
  expect(await page.evaluate(() => fetch('/api/account/me').then(r => r.status, () => 0))).toBe(504);
  await context.setOffline(false);
});
