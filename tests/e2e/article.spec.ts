// Reading an article: table of contents, highlighted code, previous/next, share links.
import { test, expect } from '@playwright/test';
import { data, h1, latestArticle, latestFreeArticle, ready } from './helpers';

test('a table-of-contents link moves to its heading and stays on the article', async ({ page }) => {
  const article = latestFreeArticle();
  const doc = data(`articles/${article.slug}.json`);
  expect(doc.toc.length).toBeGreaterThanOrEqual(3);
  await page.goto(`./articles/${article.slug}`);
  await ready(page);
  const toc = page.getByRole('navigation', { name: 'Contents' });
  await expect(toc.getByRole('link')).toHaveCount(doc.toc.length);
  const target = doc.toc[doc.toc.length - 1];
  await toc.getByRole('link', { name: target.text }).click();
  await expect(page.locator(`[id="${target.id}"]`)).toBeInViewport();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}#${target.id}$`));
  await expect(await h1(page)).toHaveText(article.title);
});

test('code blocks are highlighted at build time, in both themes', async ({ page }) => {
  const article = latestFreeArticle();
  await page.goto(`./articles/${article.slug}`);
  await ready(page);
  const spans = page.locator('.prose pre code span[class*="hl-"]');
  await expect(spans.first()).toBeVisible();
  expect(await spans.count()).toBeGreaterThan(5);
  const colours = await page.evaluate(() => {
    const text = getComputedStyle(document.querySelector('.prose pre code')!).color;
    const coloured = [...document.querySelectorAll('.prose pre code span')].map((s) => getComputedStyle(s).color);
    return { text, distinct: new Set(coloured.filter((c) => c !== text)).size };
  });
  expect(colours.distinct).toBeGreaterThan(0);
});

test('previous and next links walk through the articles in date order', async ({ page }) => {
  const items = data('articles/page-1.json').items;
  await page.goto(`./articles/${items[1].slug}`);
  await ready(page);
  const nav = page.getByRole('navigation', { name: 'More articles' });
  await expect(nav.getByRole('link', { name: /Previous/ })).toContainText(items[2].title);
  await nav.getByRole('link', { name: /Next/ }).click();
  await expect(await h1(page)).toHaveText(items[0].title);
  // The newest article has no "Next".
  await expect(page.getByRole('navigation', { name: 'More articles' }).getByRole('link', { name: /Next/ })).toHaveCount(0);
});

test('share links carry the article address and title', async ({ page }) => {
  const article = latestArticle();
  await page.goto(`./articles/${article.slug}`);
  await ready(page);
  const share = page.getByRole('group', { name: 'Share this article' });
  const url = new URL(`articles/${article.slug}`, process.env.SITE_URL ?? 'http://127.0.0.1:8181/').href;
  await expect(share.getByRole('link', { name: 'Share on X' })).toHaveAttribute('href', new RegExp(`url=${encodeURIComponent(url).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(share.getByRole('link', { name: 'LinkedIn' })).toHaveAttribute('href', /linkedin\.com\/sharing/);
  await expect(share.getByRole('link', { name: 'Email' })).toHaveAttribute('href', /^mailto:\?subject=/);
});

test('images carry their size and load lazily; the cover loads', async ({ page }) => {
  const withImage = data('articles/page-1.json').items.length; // ensure data exists
  expect(withImage).toBeGreaterThan(0);
  await page.goto('./articles/why-memory-bandwidth-matters-more-than-flops');
  await ready(page);
  const img = page.locator('.prose img').first();
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(img).toHaveAttribute('width', /^\d+$/);
  await expect(img).toHaveAttribute('height', /^\d+$/);
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);

  const cover = data('articles/what-actually-makes-model-serving-fast.json').meta.cover;
  await page.goto('./articles/what-actually-makes-model-serving-fast');
  await ready(page);
  const coverImg = page.locator('img.cover');
  await expect(coverImg).toHaveAttribute('alt', cover.alt);
  await expect(coverImg).toHaveAttribute('width', String(cover.width));
  await expect.poll(() => coverImg.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
});

test('every section heading links to itself', async ({ page }) => {
  const article = latestFreeArticle();
  const doc = data(`articles/${article.slug}.json`);
  await page.goto(`./articles/${article.slug}`);
  await ready(page);
  const second = doc.toc[1];
  const anchor = page.getByRole('link', { name: `Link to section: ${second.text}` });
  await expect(anchor).toHaveAttribute('href', `#${second.id}`);
  await anchor.click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}#${second.id}$`));
  await expect(page.locator(`[id="${second.id}"]`)).toBeInViewport();
});

test('a heading anchor opened directly scrolls to that heading', async ({ page }) => {
  const article = latestFreeArticle();
  const doc = data(`articles/${article.slug}.json`);
  const last = doc.toc[doc.toc.length - 1];
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(`./articles/${article.slug}#${last.id}`);
  await ready(page);
  await expect(page.locator(`[id="${last.id}"]`)).toBeInViewport();
  await expect(await h1(page)).not.toBeInViewport();
});
