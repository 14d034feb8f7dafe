// Weekly reading lists: the index newest first, a week's sections and entries with everything
// an entry carries, anchors that deep-link to one entry, and outbound links that open safely.
import { test, expect } from '@playwright/test';
import { data, h1, latestWeek, ready } from './helpers';

test('the weekly index lists every week, newest first, with its counts', async ({ page }) => {
  const index = data('weeks/page-1.json');
  const dates = index.items.map((w: any) => w.date);
  expect(dates).toEqual([...dates].sort().reverse());
  await page.goto('./weekly');
  await expect(await h1(page)).toHaveText('Weekly reading lists');
  await expect(page.locator('.card-title')).toHaveText(index.items.map((w: any) => w.title));
  const first = index.items[0];
  await expect(page.locator('.card').first().locator('.meta')).toContainText(`${first.entry_count} resources + ${first.paid_count} paid`);
});

test('a week shows its intro, its sections in order and every part of each entry', async ({ page }) => {
  const week = data(`weeks/${latestWeek().slug}.json`);
  await page.goto(`./weekly/${week.meta.slug}`);
  await expect(await h1(page)).toHaveText(week.meta.title);
  await expect(page.locator('.week > .prose')).toContainText(week.meta.summary.replace('…', '').slice(0, 60));
  await expect(page.locator('.week-section h2')).toHaveText(week.sections.map((s: any) => s.title));
  for (const entry of week.sections.flatMap((s: any) => s.entries)) {
    const item = page.locator(`[id="${entry.id}"]`);
    await expect(item.locator('.badge').first()).toHaveText(entry.kind, { ignoreCase: true });
    await expect(item.locator('.entry-source')).toHaveText(entry.source);
    await expect(item.locator('.entry-summary')).toHaveText(entry.summary);
    const link = item.getByRole('link', { name: entry.title });
    await expect(link).toHaveAttribute('href', entry.url);
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(item.locator('.entry-commentary')).toHaveCount(entry.commentary_html ? 1 : 0);
  }
});

test('an entry anchor opened directly scrolls to that entry', async ({ page }) => {
  const week = data(`weeks/${latestWeek().slug}.json`);
  const last = week.sections.at(-1).entries.at(-1);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(`./weekly/${week.meta.slug}#${last.id}`);
  await ready(page);
  await expect(page.locator(`[id="${last.id}"]`)).toBeInViewport();
  await expect(page.locator('.week-section h2').first()).not.toBeInViewport();
});
