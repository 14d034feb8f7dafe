// Search in the browser (issue 12): time from a keystroke to results painted, and the bytes
// fetched from focusing the box to the first results, for our header box and for Pagefind's
// JS API over the same corpus, served by the same nginx. Chromium at 4x CPU slowdown, a fresh
// context per run, runs alternating ours / Pagefind's; medians.
// Env: BENCH_URL (the site, whose data/search holds the synthetic corpus's index),
// BENCH_PAGEFIND (the Pagefind bundle's path under BENCH_URL), BENCH_QUERIES (JSON
// [{name, text}]), BENCH_RUNS (default 9). Prints one JSON object.
import { launch, median } from './text-first-probe.mjs';

const url = process.env.BENCH_URL;
const pagefindPath = process.env.BENCH_PAGEFIND ?? 'pagefind/';
const queries = JSON.parse(process.env.BENCH_QUERIES);
const runs = Number(process.env.BENCH_RUNS ?? 9);
const CPU_SLOWDOWN = 4;
const LIMIT = 8;

const browser = await launch();

/** In the page: sets the header box to `text` with one input event; resolves with the ms until
 *  the first animation frame after the listbox has options (or the count says none). */
function measure(text) {
  return new Promise((resolve, reject) => {
    const input = document.getElementById('site-search');
    const list = document.getElementById('site-search-results');
    const status = document.querySelector('.site-search [role=status]');
    const done = () => list.querySelector('[role=option]') || /No results|unavailable/.test(status.textContent);
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    });
    observer.observe(document.querySelector('.site-search'), { childList: true, subtree: true, characterData: true });
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(() => reject(new Error(`no results for ${text} in 60 s`)), 60000);
  });
}

/** The site in a fresh page (the unlock page), the app ready and idle, then the CPU throttled and the response
 *  bytes (as sent: compressed) counted from here on. */
async function fresh() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const meter = { on: false, bytes: 0, requests: 0 };
  // Playwright's events include a dedicated worker's requests (Pagefind searches in one), which
  // a CDP session on the page does not see. Bytes as sent: headers and the encoded body.
  context.on('requestfinished', async (request) => {
    if (!meter.on) return;
    const sizes = await request.sizes();
    meter.bytes += sizes.responseHeadersSize + sizes.responseBodySize;
    meter.requests += 1;
  });
  // A page that runs the app at once and loads no search code of its own: home is a reading
  // page, where the app would come with the focus on the box (and the search code with it),
  // which is not what this measures (the app's cost on request is in the text-first step).
  await page.goto(`${url}unlock`);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: 60000 });
  await page.waitForLoadState('networkidle');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  meter.on = true;
  return { context, page, meter };
}

/** Ours: focus the header box (loads the search chunk), then one input event with the whole
 *  query; "painted" is the first animation frame after the listbox has options (or says none). */
async function ours(text) {
  const { context, page, meter } = await fresh();
  const box = page.locator('#site-search');
  await box.focus();
  await page.waitForLoadState('networkidle');
  const ms = await page.evaluate(measure, text);
  const results = await page.locator('#site-search-results [role=option]').count();
  await page.waitForLoadState('networkidle');
  const bytes = meter.bytes;
  // The same query again, every file already fetched: ranking and painting alone.
  await page.evaluate(() => {
    const input = document.getElementById('site-search');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(50);
  const warm = await page.evaluate(measure, text);
  await context.close();
  return { ms, warm, bytes, results };
}

/** Pagefind: `init()` (its "focus"), then `search()` and the fragments of the top results,
 *  rendered into a list; "painted" is the next animation frame. */
async function pagefind(text) {
  const { context, page, meter } = await fresh();
  await page.evaluate(async (path) => {
    window.__pf = await import(new URL(`${path}pagefind.js`, document.baseURI).href);
    await window.__pf.init();
  }, pagefindPath);
  await page.waitForLoadState('networkidle');
  const { ms, results } = await page.evaluate(async ({ text, limit }) => {
    const start = performance.now();
    const search = await window.__pf.search(text);
    const top = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
    const list = document.createElement('ul');
    for (const r of top) {
      const li = document.createElement('li');
      li.textContent = `${r.meta?.title ?? r.url} ${r.excerpt.replace(/<[^>]+>/g, '')}`;
      list.append(li);
    }
    document.body.append(list);
    await new Promise((r) => requestAnimationFrame(r));
    return { ms: performance.now() - start, results: top.length };
  }, { text, limit: LIMIT });
  await page.waitForLoadState('networkidle');
  const bytes = meter.bytes;
  // The same query again: Pagefind keeps what it loaded.
  const warm = await page.evaluate(async ({ text, limit }) => {
    const start = performance.now();
    const search = await window.__pf.search(text);
    await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - start;
  }, { text, limit: LIMIT });
  await context.close();
  return { ms, warm, bytes, results };
}

const out = { runs, cpu_slowdown: CPU_SLOWDOWN, limit: LIMIT, queries: {} };
for (const { name, text } of queries) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      a.push(await ours(text));
      b.push(await pagefind(text));
    } else {
      b.push(await pagefind(text));
      a.push(await ours(text));
    }
  }
  const summary = (xs) => ({
    ms_median: Math.round(median(xs.map((x) => x.ms)) * 10) / 10,
    warm_ms_median: Math.round(median(xs.map((x) => x.warm)) * 10) / 10,
    bytes_median: median(xs.map((x) => x.bytes)),
    results: xs[0].results,
  });
  const o = summary(a);
  const p = summary(b);
  out.queries[name] = {
    text,
    ours: o,
    pagefind: p,
    ms_ratio: Math.round((o.ms_median / p.ms_median) * 1000) / 1000,
    warm_ms_ratio: Math.round((o.warm_ms_median / p.warm_ms_median) * 1000) / 1000,
    bytes_ratio: Math.round((o.bytes_median / p.bytes_median) * 1000) / 1000,
  };
}
await browser.close();
console.log(JSON.stringify(out));
