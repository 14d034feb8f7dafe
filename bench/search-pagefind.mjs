// Pagefind's side of the search bench (issue 12): runs Pagefind's own search (pagefind.js and
// its wasm, as a browser would load them) in Node over a built Pagefind index, with `fetch`
// served from disk and logged, so the bytes of every file a query needs are counted exactly.
// One query per process (a fresh start, like a fresh browser context): start-up files count.
// Usage: node bench/search-pagefind.mjs <site dir> <query> [results to load, default 10]
// Prints one JSON object. Time is Node's, not a browser's: informational only.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [site, query, limitArg] = process.argv.slice(2);
const limit = Number(limitArg ?? 10);
const files = [];
globalThis.fetch = async (url) => {
  const path = decodeURIComponent(new URL(url, 'http://bench/').pathname);
  const bytes = readFileSync(site + path);
  files.push({ path, bytes: bytes.length });
  return new Response(bytes, { status: 200 });
};
globalThis.window = globalThis;
globalThis.location = new URL('http://bench/');
globalThis.document = { currentScript: null, querySelector: () => null };

const pagefind = await import(pathToFileURL(`${site}/pagefind/pagefind.js`).href);
await pagefind.options({ basePath: '/pagefind/' });
const started = performance.now();
const search = await pagefind.search(query);
const shown = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
const ms = performance.now() - started;
console.log(JSON.stringify({
  query,
  results: search.results.length,
  first: shown[0]?.meta?.title ?? null,
  node_ms: Math.round(ms * 10) / 10,
  files,
  data_bytes: files.reduce((s, f) => s + f.bytes, 0),
}));
