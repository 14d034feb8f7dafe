// Lighthouse 12 (npm `lighthouse`, mobile preset: simulated slow 4G and 4x CPU slowdown) on
// Debian's Chromium, for each page in BENCH_PAGES (a JSON list of {name, path}) under
// BENCH_URL: the four category scores, LCP, TBT and CLS, and any request that left the bench's
// own origin (there should be none: the run is offline). BENCH_LIGHTHOUSE_RUNS runs per page
// (default 3); each number is the median. Run by `cargo xtask bench`; prints one
// JSON object.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, median } from './text-first-probe.mjs';

const url = process.env.BENCH_URL;
const pages = JSON.parse(process.env.BENCH_PAGES);
const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const origin = new URL(url).origin;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const dir = mkdtempSync(join(tmpdir(), 'sb-lighthouse-'));

function lighthouse(pageUrl, out) {
  const started = Date.now();
  const run = spawnSync('node_modules/.bin/lighthouse', [
    pageUrl,
    `--chrome-path=/usr/bin/chromium`,
    `--chrome-flags=--headless ${CHROMIUM_ARGS.join(' ')}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--output=json',
    `--output-path=${out}`,
    '--quiet',
  ], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, encoding: 'utf8', timeout: 300000 });
  if (run.status !== 0) throw new Error(`lighthouse ${pageUrl} failed (${run.status}): ${run.stderr}`);
  const lhr = JSON.parse(readFileSync(out, 'utf8'));
  if (lhr.runtimeError) throw new Error(`lighthouse ${pageUrl}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (c) => Math.round(lhr.categories[c].score * 100);
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  return {
    ...Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])),
    lcp_ms: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
    tbt_ms: Math.round(lhr.audits['total-blocking-time'].numericValue),
    cls: Math.round(lhr.audits['cumulative-layout-shift'].numericValue * 1000) / 1000,
    fcp_ms: Math.round(lhr.audits['first-contentful-paint'].numericValue),
    offsite_requests: requests.map((r) => r.url).filter((u) => !u.startsWith(origin) && !u.startsWith('data:')),
    warnings: lhr.runWarnings,
    seconds: Math.round((Date.now() - started) / 1000),
    version: lhr.lighthouseVersion,
  };
}

const results = {};
for (const { name, path } of pages) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(lighthouse(`${url}${path}`, join(dir, `${name}-${i}.json`)));
  const pick = (k) => median(all.map((r) => r[k]));
  results[name] = {
    path: `/${path}`,
    runs,
    ...Object.fromEntries([...CATEGORIES, 'lcp_ms', 'tbt_ms', 'cls', 'fcp_ms'].map((k) => [k, pick(k)])),
    offsite_requests: [...new Set(all.flatMap((r) => r.offsite_requests))],
    warnings: [...new Set(all.flatMap((r) => r.warnings))],
    seconds: all.map((r) => r.seconds),
    version: all[0].version,
  };
}
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(results));
