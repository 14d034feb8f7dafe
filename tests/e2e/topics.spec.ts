// Topics: the index, a topic page with exactly its articles, and the archive's topic filter.
import { test, expect } from '@playwright/test';
import { allArticles, data, h1, ready } from './helpers';

test('the topics index lists every topic with its count', async ({ page }) => {
  const topics = data('topics.json').topics;
  await page.goto('./topics');
  await expect(await h1(page)).toHaveText('Topics');
  await expect(page.locator('.topic-list .card-title')).toHaveText(topics.map((t: any) => t.name));
});

test('a topic page lists exactly that topic\'s articles, newest first', async ({ page }) => {
  const topic = data('topics.json').topics.find((t: any) => t.slug === 'hardware');
  const expected = allArticles().filter((a: any) => a.topics.includes('hardware')).map((a: any) => a.title);
  expect(expected.length).toBe(topic.count);
  await page.goto('./topics');
  await ready(page);
  await page.getByRole('link', { name: topic.name, exact: true }).click();
  await expect(await h1(page)).toHaveText(topic.name);
  await expect(page.locator('.lead')).toHaveText(topic.description);
  await expect(page.locator('.card-title')).toHaveText(expected);
});

test('an article\'s topic links to its topic page', async ({ page }) => {
  const article = data('articles/page-1.json').items[0];
  await page.goto(`./articles/${article.slug}`);
  await ready(page);
  await page.locator('.article-header .topic').first().click();
  await expect(page).toHaveURL(new RegExp(`/topics/${article.topics[0]}$`));
});

test('the archive filters by topic', async ({ page }) => {
  const firstPage = data('articles/page-1.json').items;
  const evaluation = allArticles().filter((a: any) => a.topics.includes('evaluation')).map((a: any) => a.title);
  await page.goto('./articles');
  await ready(page);
  await expect(page.locator('.card-title')).toHaveCount(firstPage.length);
  await page.getByLabel('Topic').selectOption('evaluation');
  await expect(page).toHaveURL(/\/articles\?topic=evaluation$/);
  await expect(page.locator('.card-title')).toHaveText(evaluation);
  await page.reload();
  await expect(page.locator('.card-title')).toHaveText(evaluation);
  await page.getByLabel('Topic').selectOption('');
  await expect(page.locator('.card-title')).toHaveCount(firstPage.length);
});

test('an unknown topic says so', async ({ page }) => {
  await page.goto('./topics/no-such-topic');
  await expect(await h1(page)).toHaveText('Topic not found');
});

test('the archive is paginated, newest first', async ({ page }) => {
  const first = data('articles/page-1.json');
  expect(first.total_pages).toBeGreaterThan(1);
  const second = data('articles/page-2.json');
  await page.goto('./articles');
  await ready(page);
  await expect(page.locator('.card-title')).toHaveText(first.items.map((a: any) => a.title));
  const pager = page.getByRole('navigation', { name: 'Pages' });
  await expect(pager).toContainText(`Page 1 of ${first.total_pages}`);
  await pager.getByRole('link', { name: /Older/ }).click();
  await expect(page).toHaveURL(/\/articles\?page=2$/);
  await expect(page.locator('.card-title')).toHaveText(second.items.map((a: any) => a.title));
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: /Newer/ }).click();
  await expect(page.locator('.card-title')).toHaveText(first.items.map((a: any) => a.title));
});
