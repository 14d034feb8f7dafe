// Accessibility: axe finds no violations on any page, in both themes.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { h1, latestArticle, latestWeek } from './helpers';

const pages = () => ['./', './articles', `./articles/${latestArticle().slug}`, './weekly', `./weekly/${latestWeek().slug}`, './about', './missing-page'];

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on any page (${scheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of pages()) {
      await page.goto(path);
      await h1(page);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);
      expect(summary).toEqual([]);
    }
  });
}
