// Bytes a reader downloads to see the archive's first page, measured in Debian's Chromium.
// Run by `cargo xtask bench` once per synthetic archive size; prints one JSON object.
import { chromium } from '@playwright/test';

const url = process.env.BENCH_URL;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
// The pre-rendered `/articles` holds its first page and fetches no data (a reading page, whole
// without the app; `synth-archive` rewrites only the data, not that page); `?page=1` is the
// app's to show, so this measures what the app fetches for it.
await page.goto(`${url}articles?page=1`);
await page.locator('html[data-app=ready] .card-title').first().waitFor();
await page.waitForLoadState('networkidle');
const data = await page.evaluate(() =>
  performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/data/'))
    .map((e) => ({ name: new URL(e.name).pathname, bytes: e.encodedBodySize })),
);
await browser.close();
console.log(JSON.stringify({ data_bytes: data.reduce((s, e) => s + e.bytes, 0), requests: data }));
