// The app taking over from the pre-rendered copy of a page (`<div id="sb-prerendered">`): one
// copy left, nothing duplicated, the reader's scroll, focus and fragment kept, and the app's
// own navigation working afterwards. On a reading page the app comes when the reader asks for
// it (focusing the search box here: see on-request.spec.ts); the takeover is the same.
import { test, expect, type Page } from '@playwright/test';
import { data, h1, hold, latestFreeArticle, latestWeek, ready } from './helpers';

/** Asks for the app on a reading page as a reader does: by focusing the search box. */
async function askForApp(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-app', 'on-request');
  await page.locator('#site-search').focus();
}

const site = process.env.SITE_URL ?? 'http://127.0.0.1:8181/';

/** The built entry of `path` holds a pre-rendered copy (as `press pages` writes it). */
async function expectStaticCopy(page: Page, path: string) {
  const entry = await (await page.request.get(new URL(path, site).href)).text();
  expect(entry, path).toContain('<div id="sb-prerendered"');
}

async function duplicateIds(page: Page) {
  return page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
}

for (const [name, path] of [
  ['home', './'],
  ['an article', () => `./articles/${latestFreeArticle().slug}`],
  ['a week', () => `./weekly/${latestWeek().slug}`],
  ['the road map', './roadmap'],
  ['topics', './topics'],
  ['about', './about'],
] as const) {
  test(`after the takeover of ${name} one copy is left: one main, one h1, no duplicated id`, async ({ page }) => {
    const url = typeof path === 'string' ? path : path();
    await expectStaticCopy(page, url);
    await page.goto(url);
    await ready(page);
    await expect(page.locator('#sb-prerendered')).toHaveCount(0);
    await expect(page.locator('#sb-app')).not.toHaveAttribute('hidden');
    await expect(page.locator('main')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveCount(1);
    expect(await duplicateIds(page)).toEqual([]);
  });
}

test('while the app renders hidden, assistive technology sees only the pre-rendered copy', async ({ page }) => {
  await expectStaticCopy(page, './about');
  const release = await hold(page, '**/data/**');
  await page.goto('./about', { waitUntil: 'domcontentloaded' });
  await askForApp(page);
  await expect(page.locator('#sb-app')).toBeAttached();
  await expect(page.locator('#sb-app')).toBeHidden();
  await expect(page.locator('main')).toHaveCount(2);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.locator('html')).not.toHaveAttribute('data-app', 'ready');
  release();
  await ready(page);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
});

test('the scroll offset and the focused element stay through the takeover', async ({ page }) => {
  // The reader asks for the app (the search box) and reads on while it loads: tabs on to a link
  // without an id (found by its place) and scrolls well down.
  const path = `./articles/${latestFreeArticle().slug}`;
  await page.setViewportSize({ width: 800, height: 600 });
  await expectStaticCopy(page, path);
  const release = await hold(page, '**/*.wasm');
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  await expect(page.locator('#sb-prerendered main h1')).toBeVisible();
  await askForApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'starting');
  const before = await page.evaluate(() => {
    const link = document.querySelector<HTMLElement>('#sb-prerendered nav[aria-label="Main"] a[href$="weekly"]')!;
    link.focus({ preventScroll: true });
    window.scrollTo(0, 700);
    return { y: window.scrollY, focused: document.activeElement?.textContent };
  });
  expect(before).toEqual({ y: 700, focused: 'Weekly' });
  release();
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  await expect(page.locator('#sb-prerendered')).toHaveCount(0);
  const after = await page.evaluate(() => ({
    y: window.scrollY,
    focused: document.activeElement?.textContent,
    inApp: !!document.activeElement?.closest('#sb-app'),
  }));
  expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(2);
  expect(after).toMatchObject({ focused: 'Weekly', inApp: true });
  // The focused link is the app's: Tab moves on from it.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Road Map');
});

test('on the road map the row the reader scrolled to stays in place through the takeover', async ({ page }) => {
  // The app's rows are taller than the copy's (they gain status buttons): the same pixel offset
  // would show rows further down, so the takeover keeps the row on screen where it was.
  await page.setViewportSize({ width: 800, height: 600 });
  await expectStaticCopy(page, './roadmap');
  const release = await hold(page, '**/*.wasm');
  await page.goto('./roadmap', { waitUntil: 'domcontentloaded' });
  const rows = page.locator('#sb-prerendered [role=treeitem]');
  await expect(rows.nth(40)).toBeAttached();
  // Put the 41st row under the point a third of the way down the window.
  const before = await page.evaluate(() => {
    const row = document.querySelectorAll<HTMLElement>('#sb-prerendered [role=treeitem]')[40];
    window.scrollTo(0, window.scrollY + row.getBoundingClientRect().top - window.innerHeight / 3 + 4);
    return { id: row.id, top: row.getBoundingClientRect().top, y: window.scrollY };
  });
  expect(before.y).toBeGreaterThan(600);
  release();
  await ready(page);
  await expect(page.locator('#sb-prerendered')).toHaveCount(0);
  const after = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, before.id);
  expect(Math.abs(after - before.top)).toBeLessThanOrEqual(2);
});

test('a page that never renders is taken over after a few seconds, so the app answers', async ({ page }) => {
  await expectStaticCopy(page, './about');
  const release = await hold(page, '**/data/site.json');
  await page.goto('./about');
  await askForApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready', { timeout: 10_000 });
  await expect(page.locator('#sb-prerendered')).toHaveCount(0);
  // The About page's words are the publisher's (site.json): the app says it is loading them,
  // and shows them once they arrive.
  await expect(page.locator('main').getByRole('status')).toContainText('Loading');
  release();
  await expect(page.locator('main h1')).toHaveText("About Society's Backend");
});

test('a focused element with an id keeps the focus', async ({ page }) => {
  await expectStaticCopy(page, './about');
  const release = await hold(page, '**/*.wasm');
  await page.goto('./about', { waitUntil: 'domcontentloaded' });
  // The search box asks for the app, and keeps the focus once the app has come.
  await askForApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'starting');
  release();
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  await expect(page.locator('#sb-prerendered')).toHaveCount(0);
  expect(await page.evaluate(() => [document.activeElement?.id, !!document.activeElement?.closest('#sb-app')])).toEqual(['site-search', true]);
});

test('a #heading deep link lands on its heading after the takeover', async ({ page }) => {
  const article = latestFreeArticle();
  const last = data(`articles/${article.slug}.json`).toc.at(-1);
  await page.setViewportSize({ width: 800, height: 600 });
  await expectStaticCopy(page, `./articles/${article.slug}`);
  await page.goto(`./articles/${article.slug}#${last.id}`);
  await ready(page);
  await expect(page.locator('#sb-prerendered')).toHaveCount(0);
  await expect(page.locator(`[id="${last.id}"]`)).toBeInViewport();
  await expect(page.locator('main h1')).not.toBeInViewport();
});

test('the app navigates without a full reload after the takeover', async ({ page }) => {
  await expectStaticCopy(page, './');
  await page.goto('./');
  await ready(page);
  await page.evaluate(() => ((window as any).sbMarker = 'kept'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await expect(await h1(page)).toHaveText('Articles');
  expect(await page.evaluate(() => (window as any).sbMarker)).toBe('kept');
});

test('without a pre-rendered copy the app mounts into body and says it is ready', async ({ page }) => {
  await page.route(
    (u) => u.pathname === '/about',
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const body = (await response.text()).replace(/<body>[^]*<\/body>/, '<body></body>');
      await route.fulfill({ response, body });
    },
  );
  await page.goto('./about');
  await expect(await h1(page)).toHaveText("About Society's Backend");
  await expect(page.locator('#sb-prerendered, #sb-app')).toHaveCount(0);
  await expect(page.getByRole('main')).toHaveCount(1);
});
