// With JavaScript off (and for crawlers that run none) every page is the pre-rendered HTML that
// `press pages` wrote: its content is there and plain links lead from page to page. Paid text
// is never in it: a paid article shows its preview and the locked notice.
import { test, expect, type Page } from '@playwright/test';
import { allArticles, data, latestWeek, ready } from './helpers';

test.use({ javaScriptEnabled: false });

const PLAYBOOK = 'the-production-ml-incident-playbook'; // free preview, then paid
const WEEK = '2026-11-20'; // 4 paid entries

const h1 = (page: Page) => page.locator('main h1');

test('home shows the latest article and week, and links to the article', async ({ page }) => {
  await page.goto('./');
  await expect(h1(page)).toHaveText('The engineering behind real-world machine learning');
  const latest = allArticles()[0];
  await expect(page.locator('.home-week')).toContainText(latestWeek().title);
  await page.locator('.home-latest').getByRole('link', { name: latest.title }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${latest.slug}$`));
  await expect(h1(page)).toHaveText(latest.title);
  await expect(page).toHaveTitle(`${latest.title} · Society's Backend`);
});

test('an article reads in full, its contents link within it, previous leads on', async ({ page }) => {
  const article = allArticles().find((a) => !a.paid && data(`articles/${a.slug}.json`).toc.length >= 3);
  const doc = data(`articles/${article.slug}.json`);
  await page.goto(`./articles/${article.slug}`);
  await expect(h1(page)).toHaveText(article.title);
  // Buttons only a script could run are not offered: the links to share are.
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Share on X' })).toBeVisible();
  for (const heading of doc.toc) await expect(page.locator('.article .prose')).toContainText(heading.text);
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('link').nth(1).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}#${doc.toc[1].id}$`));
  await expect(page.locator(`[id="${doc.toc[1].id}"]`)).toBeInViewport();
  const next = doc.previous ?? doc.next;
  await page.getByRole('navigation', { name: 'More articles' }).getByRole('link', { name: next.title }).click();
  await expect(h1(page)).toHaveText(next.title);
});

test('a paid article shows its preview and the locked notice, never paid text', async ({ page }) => {
  const response = await page.goto(`./articles/${PLAYBOOK}`);
  expect((await response!.text()).toLowerCase()).not.toContain('paid-ref-');
  await expect(page.locator('.article .prose').first()).toContainText('Most production ML incidents');
  const notice = page.getByRole('region', { name: 'For subscribers' });
  await expect(notice).toContainText('The rest of this article is for paid subscribers.');
  await expect(page.locator('main')).not.toContainText('PAID-REF');
  await notice.getByRole('link', { name: 'I have a key' }).click();
  await expect(h1(page)).toHaveText('Unlock paid content');
});

test('the archive pages by plain links', async ({ page }) => {
  const first = data('articles/page-1.json');
  expect(first.total_pages).toBeGreaterThan(1);
  await page.goto('./articles');
  await expect(page.locator('.card-title')).toHaveText(first.items.map((a: any) => a.title));
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(/\/articles\/page\/2$/);
  await expect(page.locator('.pager-status')).toHaveText(`Page 2 of ${first.total_pages}`);
  await expect(page.locator('.card-title')).toHaveText(data('articles/page-2.json').items.map((a: any) => a.title));
  await page.getByRole('link', { name: '← Newer' }).click();
  await expect(page.locator('.pager-status')).toHaveText(`Page 1 of ${first.total_pages}`);
});

test('a week shows its free entries and how many more are for subscribers', async ({ page }) => {
  const week = data(`weeks/${WEEK}.json`);
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Weekly' }).click();
  await expect(h1(page)).toHaveText('Weekly reading lists');
  await page.getByRole('link', { name: week.meta.title }).click();
  await expect(h1(page)).toHaveText(week.meta.title);
  const free = week.sections.flatMap((s: any) => s.entries);
  await expect(page.locator('.entry-title')).toHaveText(free.map((e: any) => e.title));
  await expect(page.getByRole('region', { name: 'For subscribers' })).toContainText(
    `${week.meta.paid_count} more resources for paid subscribers.`,
  );
  await expect(page.locator('main')).not.toContainText('PAID-REF');
});

test('the road map lists every resource with its link', async ({ page }) => {
  const roadmap = data('roadmap.json');
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Road Map' }).click();
  await expect(h1(page)).toHaveText(roadmap.title);
  await expect(page.locator('.tree-entry')).toHaveCount(72);
  for (const section of roadmap.sections) await expect(page.locator('.kind-section', { hasText: section.title })).toBeVisible();
  const hrefs = await page.locator('.tree-entry .resource-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const resource of roadmap.resources) expect(hrefs, resource.id).toContain(resource.links[0].url);
  await expect(page.locator('.tree-entry').last()).toBeVisible();
});

test('topics, a topic and about navigate by links', async ({ page }) => {
  const topics = data('topics.json').topics;
  const topic = topics.find((t: any) => t.count > 0);
  await page.goto('./articles');
  await page.getByRole('link', { name: 'Browse all topics' }).click();
  await expect(h1(page)).toHaveText('Topics');
  await page.getByRole('link', { name: topic.name, exact: true }).click();
  await expect(h1(page)).toHaveText(topic.name);
  const articles = data(`topics/${topic.slug}/page-1.json`).items;
  await expect(page.locator('.card-title')).toHaveText(articles.map((a: any) => a.title));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await expect(h1(page)).toHaveText("About Society's Backend");
  await expect(page.locator('.author-line')).toContainText(data('site.json').author.name);
});

test.describe('with JavaScript', () => {
  test.use({ javaScriptEnabled: true });

  test('the app routes the pre-rendered pages\' own paging address', async ({ page }) => {
    const second = data('articles/page-2.json');
    await page.goto('./articles/page/2');
    await ready(page);
    await expect(page.locator('#sb-prerendered')).toHaveCount(0);
    await expect(page.locator('.pager-status')).toHaveText(`Page 2 of ${second.total_pages}`);
    await expect(page.locator('.card-title')).toHaveText(second.items.map((a: any) => a.title));
  });
});
