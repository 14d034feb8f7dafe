// Shared helpers for the browser tests: reading the built data (what the pages must show) and
// collecting console errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';

const dist = process.env.DIST_DIR ?? 'target/xtask/dist-root';

/** A JSON document from the built site's data folder. */
export function data<T = any>(rel: string): T {
  return JSON.parse(readFileSync(join(dist, 'data', rel), 'utf8')) as T;
}

export const latestArticle = () => data('articles/page-1.json').items[0];

/** The newest article with nothing paid in it (the whole body is in its JSON). */
export const latestFreeArticle = () => allArticles().find((a) => !a.paid);

/** Every article summary, newest first, across all index pages. */
export function allArticles(): any[] {
  const first = data('articles/page-1.json');
  const items = [...first.items];
  for (let p = 2; p <= first.total_pages; p++) items.push(...data(`articles/page-${p}.json`).items);
  return items;
}
export const latestWeek = () => data('weeks/page-1.json').items[0];

/** Every console error and uncaught page error, as text. An unknown page's own document answers
 *  404 on purpose (the host's real 404), so that one message is not an error; a 404 for anything
 *  the page loads still is. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const ownDocument = msg.location().url === page.url() && /status of 404/.test(msg.text());
    if (!ownDocument) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Whether the page runs scripts: with scripting off, the HTML parser builds `<noscript>`'s
 *  content as elements (this check runs in Playwright's own world, which a disabled page
 *  allows). Asked once per page; a navigation under way is waited out. */
export async function scripting(page: Page): Promise<boolean> {
  let known = scriptingOf.get(page);
  for (let attempt = 0; known === undefined; attempt++) {
    try {
      known = await page.evaluate(() => {
        const probe = document.createElement('div');
        probe.innerHTML = '<noscript><p></p></noscript>';
        return probe.querySelector('noscript p') === null;
      });
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.waitForLoadState('domcontentloaded');
    }
  }
  scriptingOf.set(page, known);
  return known;
}
const scriptingOf = new WeakMap<Page, boolean>();

/** Waits until the app shows its own copy of the page (`html[data-app=ready]`: it has taken
 *  over from the pre-rendered one, whose elements then vanish). Nothing to wait for without
 *  JavaScript. A reading page starts the app only when the reader asks for it
 *  (`html[data-app=on-request]`, the boot script): this asks as a reader would, by focusing
 *  the search box, and leaves the box again once the app is there (focus back on the page).
 *  The app's search code comes with it (the box was focused). */
export async function ready(page: Page) {
  if (!(await scripting(page))) return;
  await page.waitForLoadState('domcontentloaded');
  const state = await page.evaluate(() => document.documentElement.dataset.app);
  if (state === 'on-request') {
    // Without scrolling to the box: a test of where the page stands reads it afterwards.
    await page.evaluate(() => document.getElementById('site-search')!.focus({ preventScroll: true }));
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    // Focus back where a page that was just opened has it: nowhere, Tab starting from the top.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      const body = document.body;
      body.tabIndex = -1;
      body.focus({ preventScroll: true });
      body.blur();
      body.removeAttribute('tabindex');
    });
    return;
  }
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
}

/** Whether the page waits for the reader to ask for the app (a reading page, boot script). */
export async function onRequest(page: Page): Promise<boolean> {
  return (await page.evaluate(() => document.documentElement.dataset.app)) === 'on-request';
}

/** [`ready`] for a page in a frame (a widget: scripts always run there). */
export async function readyIn(frame: FrameLocator) {
  await frame.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
}

/** Waits until the page is rendered (its main heading is visible) and, with JavaScript, shown
 *  by the app. */
export async function h1(page: Page) {
  const heading = page.locator('main h1');
  await heading.first().waitFor();
  await ready(page);
  return heading.first();
}

/** `<tier>.<kid>.<key>` from the demo keyring that seals the sample content (public on purpose). */
export function demoToken(kid: string): string {
  const ring = readFileSync('crates/press/tests/fixtures/demo-keyring.toml', 'utf8');
  const block = ring.split('[[keys]]').find((b) => b.includes(`kid = "${kid}"`));
  const field = (k: string) => block?.match(new RegExp(`${k} = "([^"]+)"`))?.[1];
  if (!field('key')) throw new Error(`the demo keyring has no key ${kid}`);
  return `${field('tier')}.${kid}.${field('key')}`;
}

/** Holds every request matching `pattern` until the returned function is called. */
export async function hold(page: Page, pattern: string) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}
