// The same site built for a sub-path (/newsletter/) works there: assets, data, links, deep links.
import { test, expect } from '@playwright/test';
import { collectErrors, demoToken, h1, latestArticle, latestFreeArticle, latestWeek, ready } from './helpers';

const sub = process.env.SUB_SITE_URL ?? 'http://127.0.0.1:8182/newsletter/';

test('the sub-path build renders, navigates and deep-links under its base', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(sub);
  await ready(page);
  await expect(page.locator('.home-latest .card-title')).toHaveText(latestArticle().title);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
  await expect(page).toHaveURL(`${sub}articles`);
  await page.getByRole('link', { name: latestArticle().title }).click();
  await expect(page).toHaveURL(`${sub}articles/${latestArticle().slug}`);
  await expect(await h1(page)).toHaveText(latestArticle().title);

  await page.goto(`${sub}weekly/${latestWeek().slug}`);
  await expect(await h1(page)).toHaveText(latestWeek().title);

  await page.goto(`${sub}not-here`);
  await expect(await h1(page)).toHaveText('Page not found');
  expect(errors).toEqual([]);
});

test('in-page links in an article stay on the article under a sub-path', async ({ page }) => {
  const article = latestFreeArticle();
  await page.goto(`${sub}articles/${article.slug}`);
  await h1(page);
  const footnoteRef = page.locator('.prose sup.footnote-reference a').first();
  await footnoteRef.click();
  await expect(page).toHaveURL(new RegExp(`articles/${article.slug}#`));
  await expect(await h1(page)).toHaveText(article.title);
});

test('an unlock link works under a sub-path and opens paid entries there', async ({ page }) => {
  await page.goto(`${sub}unlock#k=${demoToken('k2026-11')}`);
  await ready(page);
  await expect(page.getByRole('main').getByRole('status')).toContainText('Unlocked');
  await expect(page).toHaveURL(/\/newsletter\/unlock$/);
  await page.goto(`${sub}weekly/${latestWeek().slug}`);
  await ready(page);
  await expect(page.locator('.entry-paid')).toHaveCount(latestWeek().paid_count);
});
