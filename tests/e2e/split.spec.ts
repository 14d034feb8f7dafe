// The split bundle (issue 11): the road map, widget and unlock routes and the WebCrypto code are
// wasm chunks of their own, fetched only where they are needed.
import { test, expect, type Page } from '@playwright/test';
import { collectErrors, ready } from './helpers';

function wasmFetched(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.wasm')) urls.push(path.split('/').pop()!);
  });
  return urls;
}
const chunk = (urls: string[], route: string) => urls.some((u) => u.startsWith(`sb-site-split___${route}_route_view_`));

test('a reading page loads no wasm; the road map loads the main module and its own chunk', async ({ page }) => {
  const errors = collectErrors(page);
  const wasm = wasmFetched(page);
  await page.goto('./');
  await page.waitForLoadState('networkidle');
  // Home is read without the app (on-request.spec.ts): nothing of it is fetched.
  expect(wasm).toEqual([]);
  await page.locator('header a[href$="roadmap"]').first().click();
  await ready(page);
  await expect(page.locator('.tree-entry').first()).toBeVisible();
  expect(wasm.filter((u) => /^sb-site-[0-9a-f]{16}_bg\.wasm$/.test(u))).toHaveLength(1);
  expect(chunk(wasm, 'roadmap')).toBe(true);
  expect(chunk(wasm, 'unlock') || chunk(wasm, 'embed') || wasm.some((u) => u.startsWith('sb-site-split_open_all_'))).toBe(false);
  expect(errors).toEqual([]);
});

test('the app, once asked for, opens an article without the paid code for a reader without keys', async ({ page }) => {
  const wasm = wasmFetched(page);
  await page.goto('./articles');
  await ready(page);
  const before = wasm.length;
  await page.locator('main a[href*="/articles/"]').first().click();
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForTimeout(300);
  expect(wasm.slice(before)).toEqual([]);
  expect(wasm.some((u) => u.startsWith('sb-site-split_open_all_'))).toBe(false);
});

test('the unlock page loads its own chunk', async ({ page }) => {
  const errors = collectErrors(page);
  const wasm = wasmFetched(page);
  await page.goto('./unlock');
  await ready(page);
  expect(chunk(wasm, 'unlock')).toBe(true);
  expect(chunk(wasm, 'roadmap')).toBe(false);
  expect(errors).toEqual([]);
});

test('the app, its search code and the index arrive only when the reader asks for them', async ({ page }) => {
  const errors = collectErrors(page);
  const wasm = wasmFetched(page);
  const index: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.includes('/data/search/')) index.push(r.url());
  });
  await page.goto('./');
  await page.waitForLoadState('networkidle');
  expect(wasm).toEqual([]);
  expect(index).toEqual([]);
  // Focusing the box brings the app, and the app its search code.
  await page.getByRole('searchbox', { name: 'Search the site' }).focus();
  await expect.poll(() => wasm.some((u) => u.startsWith('sb-site-split_run_search_'))).toBe(true);
  await expect(page.getByRole('combobox', { name: 'Search the site' })).toBeFocused();
  // The index itself waits for the first keystroke.
  expect(index).toEqual([]);
  await page.keyboard.type('model');
  await expect.poll(() => index.some((u) => u.endsWith('/data/search/root.json'))).toBe(true);
  expect(errors).toEqual([]);
});
