// Paid content speed in Debian's Chromium: time from navigation until a week's list is painted
// for a free reader (free entries and the locked notice), and until its paid entries are opened
// with WebCrypto and painted for a subscriber (demo key in localStorage). Fresh browser context
// per run. Run by `cargo xtask bench`; prints one JSON object on stdout.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const url = process.env.BENCH_URL;
const runs = Number(process.env.BENCH_RUNS ?? 9);
const week = process.env.BENCH_WEEK ?? '2026-11-20';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const ring = readFileSync('crates/press/tests/fixtures/demo-keyring.toml', 'utf8');
const tokens = ring.split('[[keys]]').slice(1).map((b) => {
  const field = (k) => b.match(new RegExp(`${k} = "([^"]+)"`))[1];
  return `${field('tier')}.${field('kid')}.${field('key')}`;
});
const paid = (await (await fetch(`${url}data/weeks/${week}.json`)).json()).meta.paid_count;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/**
 * Milliseconds from navigation start until the page is the one the reader keeps and `selector`
 * matches `count` elements, then a frame. For a subscriber, the app has taken over from the
 * pre-rendered copy (`html[data-app=ready]`); a free reader's week is a reading page, whole
 * without the app (`html[data-app=on-request]`, the boot script), so the copy is what is timed.
 */
async function timeUntil(keys, selector, count) {
  const context = await browser.newContext();
  if (keys) await context.addInitScript((k) => localStorage.setItem('sb-keys', k), keys);
  const page = await context.newPage();
  await page.goto(`${url}weekly/${week}`);
  const ms = await page.evaluate(([sel, n]) => new Promise((resolve) => {
    const settled = () => ['ready', 'on-request'].includes(document.documentElement.dataset.app);
    const check = () => (settled() && document.querySelectorAll(sel).length >= n
      ? requestAnimationFrame(() => resolve(performance.now()))
      : requestAnimationFrame(check));
    check();
  }), [selector, count]);
  await context.close();
  return ms;
}

const free = [];
const unlocked = [];
for (let i = 0; i < runs; i++) {
  free.push(await timeUntil(null, '.paywall', 1));
  unlocked.push(await timeUntil(tokens.join('\n'), '.entry-paid', paid));
}
await browser.close();
const f = median(free);
const u = median(unlocked);
console.log(JSON.stringify({
  week,
  paid_entries: paid,
  runs,
  free_reader_ms_median: Math.round(f),
  subscriber_ms_median: Math.round(u),
  subscriber_over_free: Math.round((u / f) * 100) / 100,
  free_reader_ms_runs: free.map(Math.round),
  subscriber_ms_runs: unlocked.map(Math.round),
}));
