// Road map explorer speed, measured in Debian's Chromium: time to render the explorer with a
// synthetic road map, and time for one status toggle to reach the DOM and the next frame.
// Run by `cargo xtask bench` (which serves a build whose roadmap.json is synthetic); prints one
// JSON object on stdout.
import { chromium } from '@playwright/test';

const url = process.env.BENCH_URL;
const runs = Number(process.env.BENCH_RUNS ?? 7);
const toggles = Number(process.env.BENCH_TOGGLES ?? 25);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const renders = [];
let rows = 0;
for (let i = 0; i < runs; i++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Time from navigation start until the app has taken over (the pre-rendered copy, which holds
  // the real road map, is gone) and every resource row is in the DOM and painted.
  await page.goto(`${url}roadmap`);
  const ms = await page.evaluate(() => new Promise((resolve) => {
    const check = () => {
      const ready = document.documentElement.dataset.app === 'ready';
      const n = ready ? document.querySelectorAll('.tree-entry').length : 0;
      if (n > 0) {
        requestAnimationFrame(() => resolve([performance.now(), n]));
      } else {
        requestAnimationFrame(check);
      }
    };
    check();
  }));
  renders.push(ms[0]);
  rows = ms[1];
  await page.close();
}

const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${url}roadmap`);
await page.locator('html[data-app=ready] .tree-entry').first().waitFor();
const toggleTimes = await page.evaluate(async (count) => {
  const buttons = [...document.querySelectorAll('.tree-entry .status-done')];
  const results = [];
  for (let i = 0; i < count; i++) {
    const button = buttons[(i * 37) % buttons.length];
    const before = button.getAttribute('aria-pressed');
    const done = new Promise((resolve) => {
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (button.getAttribute('aria-pressed') !== before) {
          observer.disconnect();
          const dom = performance.now() - t0;
          requestAnimationFrame(() => resolve({ dom, frame: performance.now() - t0 }));
        }
      });
      observer.observe(button, { attributes: true });
      button.click();
    });
    results.push(await done);
    await new Promise((r) => setTimeout(r, 20));
  }
  return results;
}, toggles);
await browser.close();

console.log(JSON.stringify({
  rows,
  render_ms_median: Math.round(median(renders)),
  render_ms_runs: renders.map(Math.round),
  toggle_dom_ms_median: +median(toggleTimes.map((t) => t.dom)).toFixed(2),
  toggle_next_frame_ms_median: +median(toggleTimes.map((t) => t.frame)).toFixed(2),
  toggles,
}));
