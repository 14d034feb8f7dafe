// First-load transfer (issue 11): bytes over the wire (CDP Network.loadingFinished
// encodedDataLength: compressed bodies plus headers) of every request a page starts before the
// app is interactive (`html[data-app=ready]`, else the app's own `main h1`), in a fresh
// browser context with an empty cache, no throttling. Also the content encoding of each
// response, to show what nginx served. Run by `cargo xtask bench`; BENCH_PAGES is a JSON list
// of {name, path}. Prints one JSON object.
import { launch, probe, appReady, TEXT_SELECTOR } from './text-first-probe.mjs';

const url = process.env.BENCH_URL;
const pages = JSON.parse(process.env.BENCH_PAGES);
const browser = await launch();
const results = {};
for (const { name, path } of pages) {
  const context = await browser.newContext();
  await context.addInitScript(probe, TEXT_SELECTOR);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, bytes: null, encoding: '' });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.encoding = h['content-encoding'] ?? '';
    r.status = e.response.status;
  });
  cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  cdp.on('Network.loadingFailed', (e) => { const r = requests.get(e.requestId); if (r) { r.bytes = 0; r.failed = e.errorText; } });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(`${url}${path}`, { waitUntil: 'commit' });
  const ready = await appReady(page);
  // One round trip, so the events of requests started before that moment have arrived.
  await cdp.send('Runtime.evaluate', { expression: '0' });
  const before = [...requests.values()];
  // Everything started before the app was ready, downloaded to the end.
  const deadline = Date.now() + 60000;
  while (before.some((r) => r.bytes === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await page.waitForLoadState('networkidle').catch(() => {});
  const all = [...requests.values()].filter((r) => r.bytes !== null);
  const sum = (rs) => rs.reduce((s, r) => s + (r.bytes ?? 0), 0);
  const origin = new URL(url).origin;
  results[name] = {
    path: `/${path}`,
    ready_by: ready.by,
    bytes: sum(before),
    requests: before.length,
    bytes_after_idle: sum(all),
    encodings: [...new Set(before.map((r) => r.encoding || 'identity'))].sort(),
    resources: before.map((r) => ({
      name: r.url.startsWith(origin) ? new URL(r.url).pathname : r.url,
      bytes: r.bytes,
      encoding: r.encoding || 'identity',
      ...(r.failed ? { failed: r.failed } : {}),
    })).sort((a, b) => b.bytes - a.bytes),
  };
  await context.close();
}
await browser.close();
console.log(JSON.stringify(results));
