// Offline reading (issue 14): the service worker keeps the app and what the reader opened or
// saved; pages open offline exactly as online, an unvisited page gets the offline message with
// what is available, a new deploy shows an update notice, and the site installs as an app. The
// whole flow at the root and under /newsletter/. Every other spec blocks service workers
// (playwright.config.ts); this one allows them.
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { renameSync, symlinkSync, rmSync } from 'node:fs';
import { allArticles, collectErrors, data, latestFreeArticle, ready } from './helpers';

test.use({ serviceWorkers: 'allow' });

const root = process.env.SITE_URL ?? 'http://127.0.0.1:8181/';
const sub = process.env.SUB_SITE_URL ?? 'http://127.0.0.1:8182/newsletter/';
const sites = [
  { name: 'at the root', url: root },
  { name: 'under /newsletter/', url: sub },
];

/** Waits until the site's worker controls the page, having filled its app cache. */
async function controlled(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker?.controller) return false;
          const shell = (await caches.keys()).find((n) => n.includes(':shell:'));
          return shell !== undefined && (await (await caches.open(shell)).keys()).length > 0;
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** Opens `url` and waits for the app's own copy of the page. */
async function visit(page: Page, url: string) {
  await page.goto(url);
  await ready(page);
}

async function offline(context: BrowserContext, page: Page, on: boolean) {
  await context.setOffline(on);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(!on);
}

const newestFree = () => latestFreeArticle();
const unvisited = () => allArticles().find((a) => a.slug !== newestFree().slug && !a.paid);

for (const site of sites) {
  test.describe(`offline ${site.name}`, () => {
    test('home, an article and the road map read offline after one visit, road-map progress too', async ({ page, context }) => {
      const errors = collectErrors(page);
      const article = newestFree();
      await visit(page, site.url);
      await controlled(page);
      await visit(page, `${site.url}articles/${article.slug}`);
      await visit(page, `${site.url}roadmap`);
      await expect(page.locator('.tree-entry').first()).toBeVisible();

      await offline(context, page, true);
      await page.goto(site.url);
      await ready(page);
      await expect(page.locator('main h1')).toBeVisible();
      await expect(page.locator('main')).toContainText(data('articles/page-1.json').items[0].title);

      await page.goto(`${site.url}articles/${article.slug}`);
      await ready(page);
      await expect(page.locator('main h1')).toHaveText(article.title);
      await expect(page.locator('main .prose p').first()).toBeVisible();

      await page.goto(`${site.url}roadmap`);
      await ready(page);
      const cs50 = page
        .locator('.tree-entry')
        .filter({ has: page.getByRole('link', { name: 'CS50', exact: true }) })
        .first();
      await cs50.getByRole('button', { name: 'Done' }).click();
      await expect(cs50.getByRole('button', { name: 'Done' })).toHaveAttribute('aria-pressed', 'true');

      await offline(context, page, false);
      await page.reload();
      await ready(page);
      await expect(cs50.getByRole('button', { name: 'Done' })).toHaveAttribute('aria-pressed', 'true');
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(e))).toEqual([]);
    });

    test('an unvisited page offline says so and links to what is available', async ({ page, context }) => {
      await visit(page, site.url);
      await controlled(page);
      await offline(context, page, true);
      const other = unvisited();
      await page.goto(`${site.url}articles/${other.slug}`);
      const notice = page.getByRole('main').getByRole('alert');
      await expect(notice).toContainText("You're offline");
      await expect(notice).toContainText('not kept on this device');
      // The home page was visited: it is offered, and opens offline.
      const home = notice.getByRole('link', { name: 'Home', exact: true });
      await expect(home).toBeVisible();
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations).toEqual([]);
      await home.click();
      await expect(page.locator('main h1')).toBeVisible();
      await expect(page).toHaveURL(site.url);
    });

    test('Save for offline keeps an article with its images, and /offline lists it', async ({ page, context }) => {
      const slug = 'why-memory-bandwidth-matters-more-than-flops';
      await visit(page, site.url);
      await controlled(page);
      await visit(page, `${site.url}articles/${slug}`);
      const image = page.locator('main .prose img').first();
      await expect(image).toHaveCount(1);
      const src = await image.evaluate((img: HTMLImageElement) => img.src);

      // A toggle button: its name stays, aria-pressed says whether the page is saved.
      const save = page.getByRole('button', { name: 'Save for offline' });
      await expect(save).toHaveAttribute('aria-pressed', 'false');
      await expect(save).toHaveAttribute('aria-disabled', 'false');
      await save.click();
      await expect(save).toHaveAttribute('aria-pressed', 'true');
      await expect(save).toBeFocused();
      await expect(page.locator('.save-offline-status')).toContainText('opens without a connection');

      // The saved copy holds the page, its data and its image.
      const held = await page.evaluate(async (src) => {
        const name = (await caches.keys()).find((n) => n.includes(':saved:'))!;
        const urls = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
        return { image: urls.includes(new URL(src).pathname), urls };
      }, src);
      expect(held.image, held.urls.join(' ')).toBe(true);
      expect(held.urls.some((u) => u.endsWith(`/articles/${slug}`))).toBe(true);
      expect(held.urls.some((u) => u.endsWith(`/data/articles/${slug}.json`))).toBe(true);

      await visit(page, `${site.url}offline`);
      await expect(page.locator('main h1')).toHaveText('Available offline');
      const item = page.locator('.shelf-list li').filter({ hasText: 'memory bandwidth' });
      await expect(item).toContainText('Saved');
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations).toEqual([]);

      // Only the saved copy may answer from the worker: the page, its data and its image leave
      // the caches of what was visited.
      await page.evaluate(async (src) => {
        for (const name of await caches.keys()) {
          if (name.includes(':data:') || name.includes(':pages:')) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
              if (request.url === src || request.url.includes('/data/articles/') || request.url.includes('/articles/')) {
                await cache.delete(request);
              }
            }
          }
        }
      }, src);
      await offline(context, page, true);
      await page.goto(`${site.url}articles/${slug}`);
      await ready(page);
      await expect(save).toHaveAttribute('aria-pressed', 'true');
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

      // Unsaving removes it from the saved pages (it may stay as a visited one).
      await offline(context, page, false);
      await expect(save).toHaveAttribute('aria-disabled', 'false');
      await save.click();
      await expect(save).toHaveAttribute('aria-pressed', 'false');
      await expect(page.locator('.save-offline-status')).toContainText('Removed');
    });
  });
}

test('a paid article opens offline with the key the browser holds, and no key is ever cached', async ({ page, context }) => {
  const paid = allArticles().find((a) => a.paid);
  const key = 'paid.k2026-11.qs3eeNXqbRR_JUqwzQSpacH9Hg_cnQ27ajlXmLExOOc';
  const secret = key.split('.')[2];
  await visit(page, root);
  await controlled(page);
  await visit(page, `${root}unlock#k=${key}`);
  await visit(page, `${root}articles/${paid.slug}`);
  await expect(page.locator('.paid-body')).toBeVisible();
  await offline(context, page, true);
  await page.reload();
  await ready(page);
  await expect(page.locator('.paid-body')).toBeVisible();
  await offline(context, page, false);
  // Nothing in any cache holds the key, in its URL or its body.
  const found = await page.evaluate(async (secret) => {
    const hits: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request))!.text();
        if (request.url.includes(secret) || body.includes(secret)) hits.push(request.url);
      }
    }
    return hits;
  }, secret);
  expect(found).toEqual([]);

  // Forgetting every key offers to delete what is kept offline too.
  await visit(page, `${root}unlock`);
  await page.getByRole('button', { name: 'Forget all keys' }).click();
  await page.getByRole('button', { name: 'Delete pages kept for offline' }).click();
  await expect(page.locator('.clear-status')).toContainText('nothing is kept offline');
  const left = await page.evaluate(async () => {
    let n = 0;
    for (const name of await caches.keys()) {
      if (!name.includes(':shell:')) n += (await (await caches.open(name)).keys()).length;
    }
    return n;
  });
  expect(left).toBe(0);
});

test('the site is installable: manifest with icons, scope and start_url under the base', async ({ page }) => {
  for (const url of [root, sub]) {
    await visit(page, url);
    await controlled(page);
    const href = await page.locator('link[rel=manifest]').evaluate((l: HTMLLinkElement) => l.href);
    const manifest = await (await page.request.get(href)).json();
    const base = new URL(url).pathname;
    expect(manifest.start_url).toBe(base);
    expect(manifest.scope).toBe(base);
    expect(manifest.display).toBe('standalone');
    expect(manifest.name).toBe(data('site.json').title);
    const sizes = manifest.icons.map((i: any) => `${i.sizes} ${i.purpose ?? 'any'}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, href).href);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
    }
    // Chromium's own installability check: no errors.
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito, which Chromium reports itself; nothing else may fail.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), url).toEqual([]);
  }
});

// A second deploy (changed content, new files) on the same server: the reader sees the update
// notice, and the new content after Reload. Each deploy server is used by this test alone.
const deploys = [
  { name: 'at the root', url: process.env.DEPLOY_URL, link: process.env.DEPLOY_LINK, v1: process.env.DEPLOY_V1, v2: process.env.DEPLOY_V2 },
  { name: 'under /newsletter/', url: process.env.DEPLOY_SUB_URL, link: process.env.DEPLOY_SUB_LINK, v1: process.env.DEPLOY_SUB_V1, v2: process.env.DEPLOY_SUB_V2 },
];

/** Points the served folder at `target` in one step (a new symlink renamed over the old). */
function deploy(link: string, target: string) {
  const next = `${link}.next`;
  rmSync(next, { force: true });
  symlinkSync(target, next);
  renameSync(next, link);
}

for (const d of deploys) {
  test(`a new deploy shows the update notice, and Reload brings the new content (${d.name})`, async ({ page, context }) => {
    test.skip(!d.url, 'cargo xtask test starts the deploy servers');
    deploy(d.link!, d.v1!);
    try {
      const article = newestFree();
      await visit(page, d.url!);
      await controlled(page);
      // An article kept under the first deploy, and a second tab left open on it.
      await visit(page, `${d.url}articles/${article.slug}`);
      const other = await context.newPage();
      await visit(other, `${d.url}articles/${article.slug}`);
      await visit(page, d.url!);
      await expect(page.locator('main')).not.toContainText('second deploy');
      const notice = page.locator('.update-notice');
      await expect(notice).toHaveCount(0);

      deploy(d.link!, d.v2!);
      await page.reload();
      await ready(page);
      await expect(notice).toContainText('A new version of this site is available', { timeout: 20_000 });
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations).toEqual([]);
      await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
      await ready(page);
      await expect(page.locator('main')).toContainText('second deploy');
      await expect(page.locator('.update-notice')).toHaveCount(0);
      // The other tab, still running the first deploy's app, is told too.
      await expect(other.locator('.update-notice')).toContainText('A new version of this site is available');
      await other.close();

      // Offline, the article kept under the first deploy opens with the new deploy's app and
      // styles (its stored page names files the new deploy no longer has).
      await offline(context, page, true);
      await page.goto(`${d.url}articles/${article.slug}`);
      await ready(page);
      await expect(page.locator('main h1')).toHaveText(article.title);
      const styled = await page.locator('.site-header').evaluate((e) => getComputedStyle(e).borderBottomStyle);
      expect(styled).not.toBe('none');
      await offline(context, page, false);
    } finally {
      deploy(d.link!, d.v1!);
    }
  });
}
