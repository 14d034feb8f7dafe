// Browser tests: Debian's Chromium (never a downloaded browser) against the release site served
// by nginx. `cargo xtask test` builds the site, starts nginx and sets SITE_URL / SUB_SITE_URL.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json']],
  outputDir: 'target/playwright/artifacts',
  use: {
    baseURL: process.env.SITE_URL ?? 'http://127.0.0.1:8181/',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    // The site's service worker answers data requests itself, so `page.route` (which many specs
    // use to fail or replace a request) would not see them: only offline.spec.ts allows it.
    serviceWorkers: 'block',
  },
});
