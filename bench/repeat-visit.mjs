// Repeat visits with a warm service worker (issue 14): the newest article in the app and a plain
// HTML copy of it (the app's final DOM, every script removed, so no worker), both served by the
// same nginx, in Chromium at 4x CPU slowdown on slow-4G (150 ms RTT, 1.6 Mbps down, 750 Kbps
// up), runs alternating app / copy, each run in a fresh browser context with its HTTP cache on:
// 1. first visit: open the page, time until the text is visible (`text-first-probe.mjs`); then,
//    for the app, wait until the worker controls the page and its shell cache (`sb:…:shell:…`)
//    exists, for the copy until it has loaded; then until the network is idle, plus 1 s;
// 2. repeat visit: close the tab and open the same URL in a new one (same context: same HTTP
//    cache and worker), as a reader reopening it; time until the text is visible; wait for the
//    app to take over (the copy: its load), the network to be idle, plus 1 s for the worker's
//    background revalidations.
// The bytes are counted by the caller from nginx's access log (BENCH_LOG): this script prints,
// per run, the log's size before and after each visit (byte offsets of the two windows).
// The worker's own fetches are throttled like the page's: a browser-level CDP session attaches to
// every service worker target and sets the same network conditions on it.
// First writes the copy: BENCH_DIST/BENCH_STATIC and a brotli .br beside it. Prints one JSON
// object.
import { statSync } from 'node:fs';
import { launch, probe, appReady, median, writeStaticCopy, CPU_SLOWDOWN, SLOW_4G, TEXT_SELECTOR } from './text-first-probe.mjs';

const url = process.env.BENCH_URL;
const article = process.env.BENCH_ARTICLE;
const staticName = process.env.BENCH_STATIC;
const logPath = process.env.BENCH_LOG;
const runs = Number(process.env.BENCH_RUNS ?? 9);
const TIMEOUT = 120000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const logSize = () => statSync(logPath).size;

const browser = await launch();

// Service workers run in their own target: the page's CDP session does not throttle their
// fetches (the worker's network-first fetch of the page, its precache). Attach to each one and
// throttle it too.
const workers = { seen: 0, throttled: 0, errors: [] };
const workerSessions = [];
{
  const session = await browser.newBrowserCDPSession();
  let id = 0;
  session.on('Target.targetCreated', async ({ targetInfo }) => {
    if (targetInfo.type !== 'service_worker') return;
    workers.seen += 1;
    try {
      const { sessionId } = await session.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: false });
      const send = (method, params) => session.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: ++id, method, params }),
      });
      await send('Network.enable', {});
      await send('Network.emulateNetworkConditions', SLOW_4G);
      workerSessions.push(send);
      workers.throttled += 1;
    } catch (e) {
      workers.errors.push(String(e.message ?? e));
    }
  });
  await session.send('Target.setDiscoverTargets', { discover: true });
}

// The plain copy: the app's final DOM without scripts.
await writeStaticCopy(browser, `${url}${article}`, `${process.env.BENCH_DIST}/${staticName}`);

/** A new throttled tab in `context`. */
async function openTab(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return page;
}

/** Opens `path` in `page`: ms since navigation until the text is visible. */
async function textVisible(page, path) {
  await page.goto(`${url}${path}`, { waitUntil: 'commit', timeout: TIMEOUT });
  await page.waitForFunction(() => window.__sbBench?.text != null, null, { timeout: TIMEOUT, polling: 100 });
  return page.evaluate(() => window.__sbBench.text);
}

/** Waits until the worker controls `page` and has filled its shell cache. */
async function workerInstalled(page) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const ok = await page.evaluate(async () => navigator.serviceWorker?.controller != null
      && (await caches.keys()).some((k) => k.startsWith('sb:') && k.includes(':shell:')));
    if (ok) return;
    if (Date.now() > deadline) throw new Error('the service worker never controlled the page with a shell cache');
    await sleep(200);
  }
}

/** Waits for the page to settle after a visit: app taken over (or load), network idle, 1 s. */
async function settle(page, isApp) {
  if (isApp) await appReady(page, { timeout: TIMEOUT });
  else await page.waitForLoadState('load', { timeout: TIMEOUT });
  await page.waitForLoadState('networkidle', { timeout: TIMEOUT });
  await sleep(1000);
}

/** One run: first visit and repeat visit in a fresh context. */
async function run(path, isApp) {
  const context = await browser.newContext();
  await context.addInitScript(probe, TEXT_SELECTOR);
  const firstFrom = logSize();
  let page = await openTab(context);
  const first = await textVisible(page, path);
  if (isApp) await workerInstalled(page);
  await settle(page, isApp);
  const firstTo = logSize();
  await page.close();
  // Every worker seen so far has its network conditions set before the repeat visit (set again:
  // a worker stopped and started in between may have lost them).
  while (workers.throttled + workers.errors.length < workers.seen) await sleep(50);
  await Promise.all(workerSessions.map((send) => send('Network.emulateNetworkConditions', SLOW_4G).catch(() => {})));

  const repeatFrom = logSize();
  page = await openTab(context);
  const repeat = await textVisible(page, path);
  await settle(page, isApp);
  const repeatTo = logSize();
  const controlled = await page.evaluate(() => navigator.serviceWorker?.controller != null);
  // When the document's response started. For the app it is when the worker answered, after its
  // own throttled fetch: under one round trip (150 ms) means that fetch was not throttled. (For
  // the copy, Chromium's emulation reports the headers early and delays the body: not comparable.)
  const responseStart = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.responseStart);
  await context.close();
  return {
    first_text_ms: Math.round(first),
    repeat_text_ms: Math.round(repeat),
    repeat_controlled: controlled,
    repeat_response_start_ms: Math.round(responseStart ?? -1),
    first_log: [firstFrom, firstTo],
    repeat_log: [repeatFrom, repeatTo],
  };
}

const app = [];
const copy = [];
for (let i = 0; i < runs; i++) {
  // Alternate which goes first, so neither always runs on a warmer machine.
  if (i % 2 === 0) {
    app.push(await run(article, true));
    copy.push(await run(staticName, false));
  } else {
    copy.push(await run(staticName, false));
    app.push(await run(article, true));
  }
}
await browser.close();

const summary = (rs) => ({
  first_text_ms_median: Math.round(median(rs.map((r) => r.first_text_ms))),
  repeat_text_ms_median: Math.round(median(rs.map((r) => r.repeat_text_ms))),
  runs: rs,
});
console.log(JSON.stringify({
  article: `/${article}`,
  static_copy: `/${staticName}`,
  selector: TEXT_SELECTOR,
  cpu_slowdown: CPU_SLOWDOWN,
  network: { rtt_ms: SLOW_4G.latency, down_kbps: 1600, up_kbps: 750 },
  runs,
  workers,
  app: summary(app),
  static: summary(copy),
}));
