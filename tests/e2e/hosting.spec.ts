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
  const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+\.(?:wasm|js|css|svg))"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThanOrEqual(5); // wasm, glue js, boot js, theme js, css, icon
  for (const path of assets) {
    const asset = await request.get(path);
    expect(asset.status(), path).toBe(200);
    expect(asset.headers()['cache-control'], path).toContain('immutable');
    if (path.endsWith('.wasm')) expect(asset.headers()['content-type']).toBe('application/wasm');
  }
  const data = await request.get('./data/site.json');
  expect(data.headers()['cache-control']).toBe('public, max-age=300');
  expect((await request.get('./data/articles/nope.json')).status()).toBe(404);
});
