// Bad responses: the page explains, offers a retry, and the rest of the site keeps working.
import { test, expect } from '@playwright/test';
import { h1, latestArticle, ready } from './helpers';

test('a data file answered with 500 shows the error view; retry recovers; navigation works', async ({ page }) => {
  let failing = true;
  await page.route('**/data/articles/page-1.json', (route) =>
    failing ? route.fulfill({ status: 500, body: 'upstream error' }) : route.fallback(),
  );
  await page.goto('./articles');
  await ready(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Something went wrong');
  await expect(alert).toContainText('500');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();

  // The rest of the site still works.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await expect(await h1(page)).toHaveText("About Society's Backend");
  await page.goBack();
  await expect(page.getByRole('alert')).toBeVisible();

  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.card-title').first()).toHaveText(latestArticle().title);
});

test('invalid JSON shows the error view naming the bad field', async ({ page }) => {
  const article = latestArticle();
  await page.route(`**/data/articles/${article.slug}.json`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.meta.date = 'the twentieth';
    await route.fulfill({ response, body: JSON.stringify(json) });
  });
  await page.goto(`./articles/${article.slug}`);
  await ready(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Something went wrong');
  await expect(alert).toContainText('invalid at `meta.date`');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a response that is not JSON at all shows the error view', async ({ page }) => {
  await page.route('**/data/weeks/page-1.json', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Gateway page</p>' }),
  );
  await page.goto('./weekly');
  await ready(page);
  await expect(page.getByRole('alert')).toContainText('is invalid');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('data from a newer schema is refused with a clear message', async ({ page }) => {
  await page.route('**/data/weeks/page-1.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ schema: 99, items: 'new shape' }) }),
  );
  await page.goto('./weekly');
  await ready(page);
  await expect(page.getByRole('alert')).toContainText('schema version 99');
});

test('a network failure shows the error view', async ({ page }) => {
  await page.route('**/data/articles/page-1.json', (route) => route.abort('connectionrefused'));
  await page.goto('./');
  await ready(page);
  await expect(page.locator('.home-latest').getByRole('alert')).toContainText('network request');
  // The weekly list on the same page still loads.
  await expect(page.locator('.home-week .card-title')).toBeVisible();
});
