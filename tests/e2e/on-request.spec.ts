// Reading pages without the app (issue 11, the first load): an article, a week, home, the
// indexes and about are whole as press pre-rendered them, so they fetch none of the app's wasm
// and none of its data until the reader asks for what only the app does. Then the app comes,
// takes over, and does what the reader asked: the button pressed on the copy is pressed in the
// app, the filter chosen is applied, the search box keeps the focus. A subscriber holding a key
// gets the app at once on a page with sealed units, to open them.
import { test, expect, type Page } from '@playwright/test';
import { allArticles, collectErrors, data, demoToken, hold, latestFreeArticle, latestWeek, ready } from './helpers';

/** Every request for the app's code and for its data documents, as paths (not images). */
function appRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\.wasm$|\/sb-site-[^/]*\.js$|\/data\/.*\.json$/.test(path)) urls.push(path);
  });
  return urls;
}

const PLAYBOOK = 'the-production-ml-incident-playbook'; // free preview, then paid (k2026-01)

for (const [name, path] of [
  ['home', () => './'],
  ['an article', () => `./articles/${latestFreeArticle().slug}`],
  ['a week', () => `./weekly/${latestWeek().slug}`],
  ['the archive', () => './articles'],
  ['a topic', () => './topics/evaluation'],
  ['about', () => './about'],
] as const) {
  test(`${name} is read without the app: no wasm and no data fetched`, async ({ page }) => {
    const errors = collectErrors(page);
    const requests = appRequests(page);
    await page.goto(path());
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-app', 'on-request');
    // A reader's first seconds: reading, scrolling, following nothing yet.
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(500);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('the theme switch works on a page read without the app, and the choice lasts', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const requests = appRequests(page);
  await page.goto(`./articles/${latestFreeArticle().slug}`);
  const toggle = page.getByRole('button', { name: 'Switch to dark theme' });
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The copy's label follows the stored choice, not the light one it was written with.
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requests).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'on-request');
});

test('Copy link copies the link without the app', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const requests = appRequests(page);
  const article = latestFreeArticle();
  await page.goto(`./articles/${article.slug}`);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`articles/${article.slug}`, baseURL).href);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'on-request');
  expect(requests).toEqual([]);
});

test('a start that fails says so and can be asked for again', async ({ page }) => {
  // Offline: neither the app's JS nor its wasm arrives (a failed import is remembered by the
  // browser, so the next attempt must ask anew).
  await page.route('**/*.wasm', (route) => route.abort());
  await page.route('**/sb-site-*.js*', (route) => route.abort());
  await page.goto(`./weekly/${latestWeek().slug}`);
  const search = page.locator('#site-search');
  await search.focus();
  const status = page.locator('#sb-boot-status');
  await expect(status).toHaveText('This part of the page could not load. Check the connection and try again.');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'on-request');
  // The connection is back: asking again brings the app.
  await page.unroute('**/*.wasm');
  await page.unroute('**/sb-site-*.js*');
  await search.blur();
  await search.focus();
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  await expect(page.getByRole('combobox', { name: 'Search the site' })).toBeFocused();
  await expect(status).toHaveText('');
});

test.describe('with the offline worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('Save for offline pressed on the copy saves the page; pressed on a saved page it keeps it saved', async ({ page }) => {
    const week = latestWeek();
    await page.goto(`./weekly/${week.slug}`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    // Pressed twice on the copy (an impatient double click): asked once, saved once (not saved,
    // then removed).
    await page.locator('#sb-prerendered').getByRole('button', { name: 'Save for offline' }).click({ clickCount: 2 });
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    const save = page.getByRole('button', { name: 'Save for offline' });
    await expect(save).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.save-offline-status')).toHaveText('Saved: this page opens without a connection.');
    // The copy cannot know the page is saved (only the app asks the worker): pressing it asks
    // for a saved page, which it already is, so it stays saved.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-app', 'on-request');
    await page.getByRole('button', { name: 'Save for offline' }).click();
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    await expect(save).toHaveAttribute('aria-pressed', 'true');
    await page.waitForTimeout(500);
    await expect(save).toHaveAttribute('aria-pressed', 'true');
  });

  test('an article read without the app reads offline, and its worker kept none of the app', async ({ page, context }) => {
    const article = latestFreeArticle();
    await page.goto(`./articles/${article.slug}`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect
      .poll(() => page.evaluate(async () => {
        for (const name of await caches.keys()) {
          for (const r of await (await caches.open(name)).keys()) if (new URL(r.url).pathname.includes('/articles/')) return true;
        }
        return false;
      }))
      .toBe(true);
    const kept = await page.evaluate(async () => {
      const all: string[] = [];
      for (const name of await caches.keys()) all.push(...(await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname));
      return all;
    });
    expect(kept.filter((p) => /\.wasm$|\/sb-site-[^/]*\.js$/.test(p))).toEqual([]);
    expect(kept.some((p) => p.endsWith('.css'))).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('main h1')).toHaveText(article.title);
    await expect(page.locator('main .prose p').first()).toBeVisible();
    // A page never opened: the offline page, which says so (the app, never used, is not kept).
    const other = allArticles().find((a: any) => a.slug !== article.slug && !a.paid);
    await page.goto(`./articles/${other.slug}`);
    const notice = page.getByRole('main');
    await expect(notice).toContainText("You're offline");
    await expect(notice.getByText('This page is not kept on this device.')).toBeVisible();
    await expect(notice.getByText('Opening the copy')).toBeHidden();
    await expect(notice.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
    await context.setOffline(false);
  });
});

test('an address with a filter or a page number starts the app, which applies it', async ({ page }) => {
  const evaluation = allArticles().filter((a: any) => a.topics.includes('evaluation')).map((a: any) => a.title);
  await page.goto('./articles?topic=evaluation');
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  await expect(page.locator('.card-title')).toHaveText(evaluation);
  const second = data('articles/page-2.json');
  await page.goto('./articles?page=2');
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  await expect(page.locator('.card-title')).toHaveText(second.items.map((a: any) => a.title));
});

test("a topic chosen in the archive's filter before the app came is applied once it has", async ({ page }) => {
  const evaluation = allArticles().filter((a: any) => a.topics.includes('evaluation')).map((a: any) => a.title);
  await page.goto('./articles');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'on-request');
  await page.getByLabel('Topic').selectOption('evaluation');
  await expect(page).toHaveURL(/\/articles\?topic=evaluation$/);
  await expect(page.locator('.card-title')).toHaveText(evaluation);
  await expect(page.locator('#sb-prerendered')).toHaveCount(0);
});

test('the topic filter chosen with the keyboard, as a reader does, filters once the app has come', async ({ page }) => {
  // Held, so the choice is made in the copy while the app is on its way.
  const release = await hold(page, '**/*.wasm');
  await page.goto('./articles');
  const filter = page.getByLabel('Topic');
  await filter.focus(); // asks for the app
  await expect(page.locator('html')).toHaveAttribute('data-app', 'starting');
  await page.keyboard.press('ArrowDown');
  const chosen = await filter.inputValue();
  expect(chosen).not.toBe('');
  release();
  await expect(page).toHaveURL(new RegExp(`/articles\\?topic=${chosen}$`));
  const titles = allArticles().filter((a: any) => a.topics.includes(chosen)).map((a: any) => a.title);
  await expect(page.locator('.card-title')).toHaveText(titles);
});

test('/ on a page read without the app focuses the search box, brings the app and searches', async ({ page }) => {
  await page.goto('./about');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'on-request');
  await page.keyboard.press('/');
  // The copy's box or, if the app has already taken over, its own (both #site-search).
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search');
  await page.keyboard.type('drift');
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  const box = page.getByRole('combobox', { name: 'Search the site' });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('drift');
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
});

test('a subscriber gets the app at once on a paid page, to open it; a free reader does not', async ({ page }) => {
  const requests = appRequests(page);
  await page.goto(`./articles/${PLAYBOOK}`);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((p) => p.endsWith('.wasm'))).toEqual([]);
  await expect(page.locator('main')).toContainText('The rest of this article is for paid subscribers.');

  await page.goto(`./unlock#k=${demoToken('k2026-01')}`);
  await ready(page);
  await expect(page.getByRole('main').getByRole('status')).toContainText('Unlocked');
  await page.goto(`./articles/${PLAYBOOK}`);
  // Nothing asked for: the key is enough.
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  await expect(page.locator('main')).toContainText('PAID-REF');
  await expect(page.locator('main')).not.toContainText('for paid subscribers.');
});
