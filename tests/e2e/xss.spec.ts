// Hostile content: an article of XSS payloads, rendered by press for real, runs no script in
// the browser and keeps no dangerous markup.
import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { ready } from './helpers';

const xssData = process.env.XSS_DATA ?? 'target/xtask/xss-data';

test('an article built from XSS payloads runs no script', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.route('**/data/articles/xss-payloads.json', (route) =>
    route.fulfill({ path: join(xssData, 'articles/xss-payloads.json'), contentType: 'application/json' }),
  );
  await page.goto('./articles/xss-payloads');
  await ready(page);
  const prose = page.locator('.prose');
  await expect(prose).toContainText('A paragraph after the payloads.');
  // Try to trigger what could have survived.
  await prose.getByText('hover me').hover();
  await prose.getByText('a javascript: link').click();
  if (await page.locator('#xss-submit').count()) await page.locator('#xss-submit').click();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const dangerous = await prose.evaluate((el) => {
    const found: string[] = [];
    for (const node of el.querySelectorAll('*')) {
      const tag = node.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'form', 'svg', 'math', 'style'].includes(tag)) found.push(tag);
      for (const attr of node.attributes) {
        if (attr.name.startsWith('on') || attr.name === 'style') found.push(`${tag}[${attr.name}]`);
        if (/^\s*(javascript|data):/i.test(attr.value)) found.push(`${tag}[${attr.name}=${attr.value.slice(0, 20)}]`);
      }
    }
    return found;
  });
  expect(dangerous).toEqual([]);
});
