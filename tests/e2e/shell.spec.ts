// The site shell and its pages, as a reader moves through them.
import { test, expect } from '@playwright/test';
import { collectErrors, data, h1, latestArticle, latestWeek, ready } from './helpers';

test('home shows the latest article and the latest weekly list from the data', async ({ page }) => {
  const article = latestArticle();
  const week = latestWeek();
  await page.goto('./');
  await ready(page);
  await expect(page.locator('.home-latest .card-title')).toHaveText(article.title);
  await expect(page.locator('.home-week .card-title')).toHaveText(week.title);
  await expect(page).toHaveTitle(/Society's Backend/);
});

test('the navigation reaches every page, and the header and footer stay', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const site = data('site.json');

  await nav.getByRole('link', { name: 'Articles' }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await expect(await h1(page)).toHaveText('Articles');
  const titles = data('articles/page-1.json').items.map((a: any) => a.title);
  await expect(page.locator('.card-title')).toHaveText(titles);

  await page.getByRole('link', { name: titles[1] }).click();
  await expect(await h1(page)).toHaveText(titles[1]);
  await expect(page.locator('.prose h2').first()).toBeVisible();

  await nav.getByRole('link', { name: 'Weekly' }).click();
  await expect(await h1(page)).toHaveText('Weekly reading lists');
  const week = latestWeek();
  await page.getByRole('link', { name: week.title }).click();
  await expect(await h1(page)).toHaveText(week.title);
  await expect(page.locator('.entry')).toHaveCount(week.entry_count);

  await nav.getByRole('link', { name: 'Road Map' }).click();
  await expect(await h1(page)).toHaveText('Machine Learning Road Map');

  await nav.getByRole('link', { name: 'About' }).click();
  await expect(await h1(page)).toHaveText("About Society's Backend");
  await expect(page.locator('.author-line')).toContainText(site.author.name);

  await nav.getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('.home-latest .card-title')).toHaveText(latestArticle().title);
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');

  const footer = page.locator('footer');
  await expect(footer.getByRole('link', { name: 'Subscribe', exact: true })).toHaveAttribute('href', site.subscribe_url);
  await expect(footer.getByRole('link', { name: 'Community chat' })).toHaveAttribute('href', site.chat_url);
});

test('an unknown path shows the 404 page with a way back', async ({ page }) => {
  await page.goto('./no/such/page');
  await expect(await h1(page)).toHaveText('Page not found');
  await expect(page).toHaveTitle(/Page not found/);
  await page.getByRole('main').getByRole('link', { name: 'All articles' }).click();
  await expect(await h1(page)).toHaveText('Articles');
});

test('deep links opened directly render (SPA fallback)', async ({ page }) => {
  const article = latestArticle();
  await page.goto(`./articles/${article.slug}`);
  await expect(await h1(page)).toHaveText(article.title);
  await expect(page).toHaveTitle(`${article.title} · Society's Backend`);

  const week = latestWeek();
  await page.goto(`./weekly/${week.slug}`);
  await expect(await h1(page)).toHaveText(week.title);
});

test('a missing article shows "not found", not a blank page', async ({ page }) => {
  await page.goto('./articles/this-article-does-not-exist');
  await ready(page);
  await expect(page.getByRole('alert')).toContainText("We couldn't find that");
});

test('the theme toggle switches theme and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  await h1(page);
  const html = page.locator('html');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg()).toBe('rgb(255, 255, 255)');

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).toBe('rgb(15, 17, 21)');

  await page.reload();
  await h1(page);
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).toBe('rgb(15, 17, 21)');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
});

test('with no saved choice the theme follows the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await h1(page);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 17, 21)');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
});

test('pages fit a 320 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['./', './articles', `./articles/${latestArticle().slug}`, `./weekly/${latestWeek().slug}`, './about', './roadmap']) {
    await page.goto(path);
    await h1(page);
    await page.locator('.loading').waitFor({ state: 'detached' }).catch(() => {});
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('./about');
  await h1(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/\/about$/);
});

test('no console errors on any page', async ({ page }) => {
  const errors = collectErrors(page);
  const pages = ['./', './articles', `./articles/${latestArticle().slug}`, './weekly', `./weekly/${latestWeek().slug}`, './roadmap', './about', './nowhere'];
  for (const path of pages) {
    await page.goto(path);
    await h1(page);
    await page.waitForLoadState('networkidle');
  }
  expect(errors).toEqual([]);
});
