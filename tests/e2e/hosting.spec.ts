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

test('an article fetched without JavaScript carries its own title and social tags', async ({ request }) => {
  const { latestArticle } = await import('./helpers');
  const article = latestArticle();
  const response = await request.get(`./articles/${article.slug}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(`<meta property="og:title" content="${article.title}">`);
  expect(html).toContain('<meta name="twitter:card" content="summary">');
  expect(html).toContain(`/articles/${article.slug}">`);
});

test('feeds, sitemap and robots.txt are served', async ({ request }) => {
  for (const [path, marker] of [['./feed.xml', '<rss version="2.0"'], ['./atom.xml', '<feed xmlns="http://www.w3.org/2005/Atom">'], ['./sitemap.xml', '<urlset'], ['./robots.txt', 'Sitemap:']]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).toContain(marker);
  }
});
