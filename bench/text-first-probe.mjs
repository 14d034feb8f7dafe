// Shared by the "text first" bench scripts (issue 11): an init script that records, with
// requestAnimationFrame, when a page's text becomes visible and when the app has taken over,
// plus the browser set-up they all use.
import { writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The phone the "text first" numbers are for: 4× CPU slowdown on Lighthouse's slow 4G. */
export const CPU_SLOWDOWN = 4;
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

/**
 * Asks for the app on a reading page as a reader does (focusing the header's search box) and
 * returns the milliseconds from asking until the app has taken over (`data-app=ready`).
 */
export async function askForApp(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const asked = performance.now();
    document.getElementById('site-search').focus({ preventScroll: true });
    const tick = () => (document.documentElement.dataset.app === 'ready'
      ? resolve(performance.now() - asked)
      : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }));
}

/**
 * Writes a plain HTML copy of the page at `pageUrl` to `out` (and a brotli `.br` beside it, for
 * nginx's brotli_static): the app's final DOM, loaded unthrottled, with every script and
 * script/wasm/data preload removed (on a reading page: its pre-rendered copy, without scripts).
 */
export async function writeStaticCopy(browser, pageUrl, out) {
  const context = await browser.newContext();
  await context.addInitScript(probe, TEXT_SELECTOR);
  const page = await context.newPage();
  await page.goto(pageUrl, { waitUntil: 'commit' });
  await appReady(page);
  await page.waitForLoadState('networkidle');
  const html = await page.evaluate(() => {
    const root = document.documentElement.cloneNode(true);
    const drop = root.querySelectorAll('script, link[rel=modulepreload], link[rel=preload][as=fetch], link[rel=preload][as=script], link[rel=preload][href$=".wasm"], link[rel=preload][href$=".js"]');
    drop.forEach((e) => e.remove());
    // A copy left behind an app that is shown (never, with the takeover; kept for older
    // builds). On a reading page the copy is the page (`display: contents`: no box of its own).
    const app = document.querySelector('#sb-app');
    if (document.querySelector('#sb-prerendered') && app && !app.hidden) root.querySelector('#sb-prerendered')?.remove();
    return `<!DOCTYPE html>\n${root.outerHTML}`;
  });
  if (/<script/i.test(html)) throw new Error('the static copy still has a script');
  writeFileSync(out, html);
  writeFileSync(`${out}.br`, brotliCompressSync(Buffer.from(html), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  await context.close();
}

/** The article body's first paragraph (or the lead of a wholly paid article, which has none). */
export const TEXT_SELECTOR = 'main article .prose p, main article p.lead';

/**
 * Runs in the page before its own scripts. Every frame until the app is ready, it records in
 * `window.__sbBench`:
 * - `text`: first frame where an element matching `selector` has visible, non-empty text;
 * - `ready`: first frame where `<html data-app="ready">` (set by the app once it has taken over);
 * - `mount`: first frame where a `main h1` outside the pre-rendered copy is visible: the app's
 *   own render, the fallback marker for builds that do not set `data-app` yet;
 * - `onRequest`: first frame where a reading page has loaded and waits for the reader to ask for
 *   the app (`<html data-app="on-request">`, boot script): its links, theme switch and text are
 *   all there, so the page is interactive without the app.
 * Times are `performance.now()`, milliseconds since navigation start.
 */
export function probe(selector) {
  const state = { text: null, ready: null, mount: null, onRequest: null };
  window.__sbBench = state;
  const visible = (el) => el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    && el.getClientRects().length > 0 && el.textContent.trim() !== '';
  const started = performance.now();
  const tick = () => {
    const now = performance.now();
    if (state.text === null && [...document.querySelectorAll(selector)].some(visible)) state.text = now;
    if (state.ready === null && document.documentElement.dataset.app === 'ready') state.ready = now;
    if (state.mount === null && [...document.querySelectorAll('main h1')]
      .some((h) => !h.closest('#sb-prerendered') && visible(h))) state.mount = now;
    if (state.onRequest === null && document.readyState === 'complete'
      && document.documentElement.dataset.app === 'on-request') state.onRequest = now;
    if ((state.ready === null && state.onRequest === null) || state.text === null) {
      if (now - started < 120000) requestAnimationFrame(tick);
    }
  };
  requestAnimationFrame(tick);
}

/**
 * Waits until the page is interactive and returns `{ ms, by }`: on a reading page, once it has
 * loaded and waits for the reader to ask for the app (`on-request`: no app is coming); else once
 * the app has taken over, `data-app=ready` when the build sets it, else the app's own `main h1`.
 * After the mount, waits up to `graceMs` for `data-app=ready`, so a build that sets it is always
 * timed by it.
 */
export async function appReady(page, { timeout = 90000, graceMs = 3000 } = {}) {
  await page.waitForFunction(() => window.__sbBench && (window.__sbBench.ready !== null || window.__sbBench.mount !== null || window.__sbBench.onRequest !== null), null, { timeout, polling: 50 });
  let s = await page.evaluate(() => window.__sbBench);
  if (s.ready === null && s.onRequest !== null) return { ms: s.onRequest, by: 'on-request' };
  if (s.ready === null) {
    await page.waitForFunction(() => window.__sbBench.ready !== null, null, { timeout: graceMs, polling: 50 }).catch(() => {});
    s = await page.evaluate(() => window.__sbBench);
  }
  return s.ready !== null ? { ms: s.ready, by: 'data-app' } : { ms: s.mount, by: 'main h1' };
}
