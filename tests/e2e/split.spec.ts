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

test('home loads only the main module; the road map chunk arrives when the road map is opened', async ({ page }) => {
  const errors = collectErrors(page);
  const wasm = wasmFetched(page);
  await page.goto('./');
  await ready(page);
  expect(wasm.filter((u) => !/^sb-site-[0-9a-f]{16}_bg\.wasm$/.test(u))).toEqual([]);
  await page.locator('header a[href$="roadmap"]').first().click();
  await expect(page.locator('.tree-entry').first()).toBeVisible();
  expect(chunk(wasm, 'roadmap')).toBe(true);
  expect(chunk(wasm, 'unlock') || chunk(wasm, 'embed') || wasm.some((u) => u.startsWith('sb-site-split_open_all_'))).toBe(false);
  expect(errors).toEqual([]);
});

test('an article loads no lazily loaded chunk for a reader without keys', async ({ page }) => {
  const wasm = wasmFetched(page);
  await page.goto('./articles');
  await ready(page);
  await page.locator('main a[href*="/articles/"]').first().click();
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForTimeout(300);
  expect(wasm.filter((u) => !/^sb-site-[0-9a-f]{16}_bg\.wasm$/.test(u))).toEqual([]);
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

test('the search code and index arrive only when the reader focuses the search box', async ({ page }) => {
  const errors = collectErrors(page);
  const wasm = wasmFetched(page);
  const index: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.includes('/data/search/')) index.push(r.url());
  });
  await page.goto('./');
  await ready(page);
  await page.waitForLoadState('networkidle');
  expect(wasm.filter((u) => !/^sb-site-[0-9a-f]{16}_bg\.wasm$/.test(u))).toEqual([]);
  expect(index).toEqual([]);
  await page.getByRole('combobox', { name: 'Search the site' }).focus();
  await expect.poll(() => wasm.some((u) => u.startsWith('sb-site-split_run_search_'))).toBe(true);
  // The index itself waits for the first keystroke.
  expect(index).toEqual([]);
  await page.keyboard.type('model');
  await expect.poll(() => index.some((u) => u.endsWith('/data/search/root.json'))).toBe(true);
  expect(errors).toEqual([]);
});
