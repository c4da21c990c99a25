import { defineConfig } from '@playwright/test';

// Runs against a real host serving the built app (E2E_BASE_URL), in Debian's Chromium:
// a test tool's own browser download is not available here.
export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  reporter: 'list',
  use: {
    baseURL: process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5080',
    screenshot: 'only-on-failure',
    // The app registers a service worker; specs run against the network unless they test the worker (app-shell.spec.ts).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
