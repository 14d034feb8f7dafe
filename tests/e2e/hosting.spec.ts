// What the static host (nginx with hosting/nginx.conf) serves: strict CSP, no inline script,
// cache rules, real 404s for missing data.
import { test, expect } from '@playwright/test';

test('pages are served with a strict Content-Security-Policy and no inline script', async ({ request }) => {
  const response = await request.get('./articles/anything');
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  const html = await response.text();
  const inline = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
  expect(inline).toEqual([]);
});

test('hashed assets are cached for a year, data briefly, and missing data is a real 404', async ({ request }) => {
  const html = await (await request.get('./')).text();
  const wasm = html.match(/href="([^"]+_bg\.wasm)"/)?.[1];
  expect(wasm).toBeTruthy();
  const asset = await request.get(wasm!);
  expect(asset.headers()['content-type']).toBe('application/wasm');
  expect(asset.headers()['cache-control']).toContain('immutable');
  const data = await request.get('./data/site.json');
  expect(data.headers()['cache-control']).toBe('public, max-age=300');
  expect((await request.get('./data/articles/nope.json')).status()).toBe(404);
});
