// Site search (issue 12): the header's combobox (keyboard, shortcuts, ARIA), the /search deep
// link with filters, road-map results landing on their resource, paid words searchable only in
// the browser that unlocked them, a failed index file with a retry, and axe on both.
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { collectErrors, demoToken, hold, latestFreeArticle, ready } from './helpers';

const PLAYBOOK = 'the-production-ml-incident-playbook'; // preview, then paid; sealed with k2026-01
const PAID_WORD = 'PAID-REF-PLAYBOOK-TRIAGE'; // only in its paid part

const box = (page: Page) => page.getByRole('combobox', { name: 'Search the site' });
/** The header box's live count of results. */
const count = (page: Page) => page.locator('.site-search [role=status]');
const options = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');

async function home(page: Page) {
  await page.goto('./');
  await ready(page);
}

/** A distinctive word of a title: its longest. */
function longestWord(title: string): string {
  return title.split(/[^A-Za-z]+/).sort((a, b) => b.length - a.length)[0];
}

test('type in the header box and open a result with the keyboard alone', async ({ page }) => {
  const errors = collectErrors(page);
  const article = latestFreeArticle();
  await home(page);
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type(article.title);
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
  const first = options(page).first();
  await expect(first).toContainText(article.title);
  await expect(first).toContainText('Article');
  await expect(first.locator('mark').first()).toBeVisible();
  // Titles and excerpts in any script read in their own direction.
  await expect(first.locator('.result-title')).toHaveAttribute('dir', 'auto');
  // The count is announced.
  await expect(count(page)).toHaveText(/^\d+\+? results?$/);
  await page.keyboard.press('ArrowDown');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', await first.getAttribute('id') ?? 'none');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  // Its marks still stand out from the chosen option's background.
  const background = (l: Locator) => l.evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(await background(first.locator('mark').first())).not.toBe(await background(first));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}(#.*)?$`));
  await expect(page.locator('main h1')).toHaveText(article.title);
  expect(errors).toEqual([]);
});

test('Ctrl+K focuses the box, a prefix finds words, Escape closes then clears', async ({ page }) => {
  const article = latestFreeArticle();
  const word = longestWord(article.title);
  await home(page);
  await page.locator('main h1').first().click();
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type(word.slice(0, 4).toLowerCase());
  await expect(options(page).filter({ hasText: article.title }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(box(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(box(page)).toHaveValue('');
});

test('/ is a key like any other in an editable region, and the shortcut elsewhere', async ({ page }) => {
  await home(page);
  await page.evaluate(() => {
    const add = (editable: string) => {
      const el = document.createElement('div');
      el.id = `ce-${editable}`;
      el.tabIndex = 0;
      el.setAttribute('contenteditable', editable);
      el.textContent = 'x';
      document.querySelector('main')!.append(el);
    };
    add('true');
    add('false');
  });
  await page.locator('#ce-true').focus();
  await page.keyboard.press('/');
  await expect(page.locator('#ce-true')).toBeFocused();
  await expect(page.locator('#ce-true')).toContainText('/');
  await page.locator('#ce-false').focus();
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused();
});

test('"See all results" links to the words now in the box', async ({ page }) => {
  await home(page);
  await box(page).fill('Google');
  await expect(options(page).first()).toBeVisible();
  await box(page).fill('Google Colab');
  await expect(options(page).filter({ hasText: 'Google Colab' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'See all results' })).toHaveAttribute('href', /\/search\?q=Google%20Colab$/);
});

test('Enter without a chosen result opens the search page, a deep link that filters by kind', async ({ page }) => {
  const article = latestFreeArticle();
  const word = longestWord(article.title);
  await home(page);
  await box(page).fill(word);
  await expect(options(page).first()).toBeVisible();
  await box(page).press('Enter');
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
  await expect(page.locator('main h1')).toHaveText('Search');
  const results = page.locator('.search-result');
  await expect(results.filter({ hasText: article.title }).first()).toBeVisible();

  // The same address opened fresh shows the same results.
  await page.goto(`./search?q=${encodeURIComponent(word)}`);
  await ready(page);
  await expect(results.filter({ hasText: article.title }).first()).toBeVisible();
  await expect(page.locator('.search-count')).toContainText(`for “${word}”`);

  // Road-map resources only: no article is left, and the address says so.
  await page.getByLabel('Kind').selectOption('roadmap');
  await expect(page).toHaveURL(/kind=roadmap/);
  await expect(results.filter({ hasText: 'Article' })).toHaveCount(0);

  // Nothing matches: the page says so and offers to drop the filters.
  await page.goto(`./search?q=${encodeURIComponent(article.title)}&kind=topic`);
  await ready(page);
  await expect(page.getByText('Nothing matches every word of your search.')).toBeVisible();
  await page.getByRole('button', { name: 'Search everything' }).click();
  await expect(page).not.toHaveURL(/kind=/);
  await expect(results.filter({ hasText: article.title }).first()).toBeVisible();
});

test('a road-map result lands on its highlighted resource', async ({ page }) => {
  await home(page);
  await box(page).fill('Google Colab');
  const option = options(page).filter({ hasText: 'Road-map resource' }).filter({ hasText: 'Google Colab' }).first();
  await option.click();
  await expect(page).toHaveURL(/\/roadmap\/free-gpus\/google-colab$/);
  await expect(page.locator('.tree-entry', { hasText: 'Google Colab' }).first()).toHaveClass(/is-highlighted/);
});

test('paid words are found only in the browser that opened them, until the key is forgotten', async ({ page }) => {
  await page.goto(`./search?q=${PAID_WORD}`);
  await ready(page);
  await expect(page.getByText('Nothing matches every word of your search.')).toBeVisible();

  await page.goto(`./unlock#k=${demoToken('k2026-01')}`);
  await ready(page);
  await expect(page.getByRole('status').filter({ hasText: 'Unlocked' })).toBeVisible();
  // Reading the article opens its paid part in this browser.
  await page.goto(`./articles/${PLAYBOOK}`);
  await ready(page);
  await expect(page.locator('.paid-body')).toContainText(PAID_WORD);
  // Searched from the same page session (client-side navigation keeps what was opened).
  await box(page).fill(PAID_WORD.toLowerCase());
  const found = options(page).first();
  await expect(found).toContainText('Unlocked');
  await expect(found).toContainText('Incident');

  await page.getByRole('contentinfo').getByRole('link', { name: 'Subscriber key' }).click();
  await page.getByRole('button', { name: 'Forget all keys' }).click();
  await expect(page.locator('.key-list-empty')).toContainText('No key is saved');
  // The results shown before are asked again without the forgotten unit: coming back to the
  // box shows (and says) nothing of it, and the list did not open while the reader was away.
  await expect(page.locator('.search-popup')).toBeHidden();
  await box(page).focus();
  await expect(count(page)).toHaveText('No results');
  await expect(options(page).filter({ hasText: 'Unlocked' })).toHaveCount(0);
  await box(page).fill(PAID_WORD.toLowerCase());
  await expect(count(page)).toHaveText('No results');
});

test('Enter while new words are still being searched opens the search page for them, not an older result', async ({ page }) => {
  await home(page);
  await box(page).fill('Google Colab');
  await expect(options(page).first()).toBeVisible();
  await box(page).press('ArrowDown');
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  // The next words need index files not fetched yet: they come late.
  await page.route('**/data/search/**', async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue().catch(() => {});
  });
  await box(page).fill('zq');
  await expect(box(page)).not.toHaveAttribute('aria-activedescendant', /.+/);
  await box(page).press('Enter');
  await expect(page).toHaveURL(/\/search\?q=zq$/);
});

test('Enter and Escape that belong to an input method composing a word leave the list alone', async ({ page }) => {
  await home(page);
  await box(page).fill('Google Colab');
  await expect(options(page).first()).toBeVisible();
  await box(page).dispatchEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true });
  await box(page).dispatchEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true, cancelable: true });
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(box(page)).toHaveValue('Google Colab');
  await expect(page).not.toHaveURL(/\/search/);
  await box(page).press('Enter');
  await expect(page).toHaveURL(/\/search\?q=Google%20Colab$/);
});

test('a tampered index file cannot put markup, a script or a foreign link in the results', async ({ page }) => {
  const article = latestFreeArticle();
  const word = longestWord(article.title);
  await page.route('**/data/search/d/**', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    for (const d of json.docs) {
      d.title = `${d.title} <img src=x onerror="window.__xss=1">`;
      d.place = '"><script>window.__xss=2</script>';
    }
    await route.fulfill({ response, json });
  });
  await home(page);
  await box(page).fill(word);
  await expect(options(page).first()).toContainText('<img src=x onerror=');
  await expect(page.locator('.search-popup img, .search-popup script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // A link that is not a page of the site: the file is damaged, not a result.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.route('**/data/search/d/**', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    for (const d of json.docs) d.url = 'javascript:window.__xss=3';
    await route.fulfill({ response, json });
  });
  await home(page);
  await box(page).fill(word);
  await expect(page.locator('.search-popup')).toContainText('Search is unavailable');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
});

test('words typed into the header box before the app takes over are kept and searched', async ({ page }) => {
  const release = await hold(page, '**/*.wasm');
  await page.goto('./');
  await page.locator('#site-search').click();
  await page.keyboard.type('Google Colab');
  release();
  await ready(page);
  await expect(box(page)).toHaveValue('Google Colab');
  await expect(box(page)).toBeFocused();
  await expect(options(page).filter({ hasText: 'Google Colab' }).first()).toBeVisible();
});

test('a failed index file shows a message with a retry; the rest of the page keeps working', async ({ page }) => {
  const article = latestFreeArticle();
  let fail = true;
  await page.route('**/data/search/t/**', (route) => (fail ? route.abort() : route.continue()));
  await home(page);
  await box(page).fill(longestWord(article.title));
  await expect(page.locator('.search-popup')).toContainText('Search is unavailable');
  const retry = page.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible();
  fail = false;
  await retry.click();
  await expect(options(page).filter({ hasText: article.title }).first()).toBeVisible();
  // Navigation still works.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
  await expect(page.locator('main h1')).toHaveText('Articles');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the open combobox and on /search (${scheme} theme)`, async ({ page }) => {
    const article = latestFreeArticle();
    await page.emulateMedia({ colorScheme: scheme });
    await home(page);
    await box(page).fill(longestWord(article.title));
    await expect(options(page).first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    const summary = (r: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
      r.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary}`);
    expect(summary(await new AxeBuilder({ page }).analyze())).toEqual([]);

    await page.goto(`./search?q=${encodeURIComponent(longestWord(article.title))}`);
    await ready(page);
    await expect(page.locator('.search-result').first()).toBeVisible();
    expect(summary(await new AxeBuilder({ page }).analyze())).toEqual([]);
  });
}
