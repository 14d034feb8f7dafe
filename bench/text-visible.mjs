// Time until the article's text is visible (issue 11): the app's page versus a plain HTML copy
// of the app's final DOM with every script removed, both served by the same nginx, in Chromium
// at 4x CPU slowdown on slow-4G (150 ms RTT, 1.6 Mbps down, 750 Kbps up), a fresh browser
// context each run, runs alternating app / static. "Visible" is the first frame where the
// article body's first paragraph is in the DOM and visible (`text-first-probe.mjs`). Also the
// time until the page is interactive (an article is a reading page: loaded, its app waiting to
// be asked for, `html[data-app=on-request]`; a page that runs the app: `html[data-app=ready]`)
// and, on a reading page, the time from asking for the app (focusing the search box, once the
// page has loaded) until the app has taken over.
// First writes the static copy: BENCH_DIST/BENCH_STATIC (and a brotli .br beside it, served
// by nginx's brotli_static when the bench has it). Run by `cargo xtask bench`; prints one JSON
// object.
import { launch, probe, appReady, askForApp, median, writeStaticCopy, CPU_SLOWDOWN, SLOW_4G, TEXT_SELECTOR } from './text-first-probe.mjs';

const url = process.env.BENCH_URL;
const article = process.env.BENCH_ARTICLE;
const staticName = process.env.BENCH_STATIC;
const runs = Number(process.env.BENCH_RUNS ?? 15);

const browser = await launch();

// The plain copy: the app's final DOM without scripts.
await writeStaticCopy(browser, `${url}${article}`, `${process.env.BENCH_DIST}/${staticName}`);

/** One throttled load in a fresh context: { text, interactive?, by? } in ms since navigation. */
async function load(path, isApp) {
  // No service worker: its own fetches are not throttled by the page's network emulation, so
  // the app a reading page asks for would arrive at full speed through it.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(probe, TEXT_SELECTOR);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(`${url}${path}`, { waitUntil: 'commit', timeout: 120000 });
  await page.waitForFunction(() => window.__sbBench?.text != null, null, { timeout: 120000, polling: 100 });
  const result = { text: await page.evaluate(() => window.__sbBench.text) };
  if (isApp) {
    const ready = await appReady(page, { timeout: 120000 });
    result.interactive = ready.ms;
    result.by = ready.by;
    if (ready.by === 'on-request') result.onRequest = await askForApp(page);
  }
  await context.close();
  return result;
}

const app = [];
const copy = [];
for (let i = 0; i < runs; i++) {
  // Alternate which goes first, so neither always runs on a warmer machine.
  if (i % 2 === 0) {
    app.push(await load(article, true));
    copy.push(await load(staticName, false));
  } else {
    copy.push(await load(staticName, false));
    app.push(await load(article, true));
  }
}
await browser.close();

const appText = median(app.map((r) => r.text));
const staticText = median(copy.map((r) => r.text));
console.log(JSON.stringify({
  article: `/${article}`,
  static_copy: `/${staticName}`,
  selector: TEXT_SELECTOR,
  cpu_slowdown: CPU_SLOWDOWN,
  network: { rtt_ms: SLOW_4G.latency, down_kbps: 1600, up_kbps: 750 },
  runs,
  app_text_ms_median: Math.round(appText),
  static_text_ms_median: Math.round(staticText),
  app_over_static: Math.round((appText / staticText) * 100) / 100,
  app_interactive_ms_median: Math.round(median(app.map((r) => r.interactive))),
  interactive_marker: app[0].by,
  app_text_ms_runs: app.map((r) => Math.round(r.text)),
  static_text_ms_runs: copy.map((r) => Math.round(r.text)),
  app_interactive_ms_runs: app.map((r) => Math.round(r.interactive)),
  ...(app[0].onRequest !== undefined ? {
    app_on_request_ms_median: Math.round(median(app.map((r) => r.onRequest))),
    app_on_request_ms_runs: app.map((r) => Math.round(r.onRequest)),
  } : {}),
}));
