// Accessibility: axe finds no violations on any page, in both themes.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { h1, latestArticle, latestWeek } from './helpers';

const pages = [
  ['home', () => './'],
  ['articles', () => './articles'],
  ['article', () => `./articles/${latestArticle().slug}`],
  ['weekly lists', () => './weekly'],
  ['week', () => `./weekly/${latestWeek().slug}`],
  ['road map', () => './roadmap'],
  ['topics', () => './topics'],
  ['topic', () => './topics/hardware'],
  ['about', () => './about'],
  ['unlock', () => './unlock'],
  ['404', () => './missing-page'],
] as const;

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, path] of pages) {
    test(`axe finds no violations: ${name} (${scheme} theme)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path());
      await h1(page);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary}`);
      expect(summary).toEqual([]);
    });
  }
}
