// The Society's Backend service worker: offline reading, saved pages and update notices.
// This is a template: `cargo xtask build` (xtask/src/offline.rs) writes dist/sw.js from it, with
// the three constants below filled in from the built site. Hand-written on purpose (no Workbox):
// small, no node at build time, and every rule is in this one file.
//
// Caches (all named for BASE, so a site under /newsletter/ never touches one under /):
//   shell:VERSION  the app shell, precached on install (hashed assets, manifest, icons, offline.html);
//                  the app's own modules (its wasm and JS) only once the reader has used the app:
//                  a reading page never fetches them (issue 11), so neither does its worker
//   pages:v1       HTML pages the reader opened (network first, a copy for offline)
//   data:v1        JSON, search index files and images (network first, a copy for offline)
//   saved:v1       pages saved for offline with their data; never capped, cleared only on request
// Keys never enter a cache: nothing with a `k` in its search or fragment is stored.
'use strict';

const BASE = {{BASE}}; // "/" or "/newsletter/"
const VERSION = {{VERSION}}; // a hash over every file of this deploy
const PRECACHE = {{PRECACHE}}; // the app shell's absolute paths

const PREFIX = `sb:${BASE}:`;
const SHELL = `${PREFIX}shell:${VERSION}`;
const PAGES = `${PREFIX}pages:v1`;
const DATA = `${PREFIX}data:v1`;
const SAVED = `${PREFIX}saved:v1`;
const CURRENT = [SHELL, PAGES, DATA, SAVED];
const CAP = 300; // entries in the pages and data caches; the oldest stored go first
const SLOW_MS = 4000; // a network slower than this gives way to a stored copy (a train's wifi)
const ORIGIN = self.location.origin;
const PRECACHED = new Set(PRECACHE);
// The app's own modules (the build names them all `sb-site-…`): its wasm chunks and JS glue.
const isApp = (path) => /\/sb-site-[^/]*\.(wasm|js)$/.test(path);
const APP = PRECACHE.filter(isApp);
// Content-hashed file names (the same rule as nginx's immutable location).
const HASHED = /-[0-9a-f]{10,16}(_bg)?\.(wasm|js|css|svg)$/i;

const under = (path, prefix) => path.startsWith(BASE + prefix);
const hasKey = (url) =>
  url.searchParams.has('k') || new URLSearchParams(url.hash.slice(1)).has('k');
// Whether the worker handles (and may store) a URL at all.
const ours = (url) =>
  url.origin === ORIGIN && url.pathname.startsWith(BASE) &&
  url.pathname !== `${BASE}sw.js` && !under(url.pathname, 'embed');
const storable = (url) => ours(url) && !hasKey(url);
const pageKey = (url) => ORIGIN + url.pathname; // pages: no search, no fragment
const dataKey = (url) => ORIGIN + url.pathname + url.search;
const isHtml = (response) => (response.headers.get('content-type') || '').includes('text/html');

// A copy of `response` to store: tagged with this VERSION and the time it was stored (and any
// `extra` headers), and no longer marked as redirected (a redirected response can't answer a
// navigation).
async function tag(response, extra = {}) {
  const headers = new Headers(response.headers);
  headers.set('sb-version', VERSION);
  headers.set('sb-stored', String(Date.now()));
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  const body = await response.blob();
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

// Stores a 200 response under `key` in cache `name`, dropping the oldest entries past CAP
// (keys() is in insertion order, and put() moves a key to the end). The saved cache is never
// capped.
async function store(name, key, response) {
  if (response.status !== 200 || !storable(new URL(key))) return;
  const cache = await caches.open(name);
  await cache.put(key, await tag(response));
  if (name === SAVED) return;
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - CAP))) await cache.delete(old);
}

async function match(name, key) {
  return (await caches.open(name)).match(key);
}

// ---- install: the app shell --------------------------------------------------------------
// No skipWaiting here: the first worker activates by itself; an update waits until the reader
// clicks Reload (the app sends {type: 'skip-waiting'}).
self.addEventListener('install', (event) => event.waitUntil(precache()));

async function precache() {
  const cache = await caches.open(SHELL);
  const older = (await caches.keys()).filter((n) => n.startsWith(`${PREFIX}shell:`) && n !== SHELL);
  // The app's modules come along when the reader has used the app (an older shell holds any of
  // its modules, by another deploy's names); else only the page shell, and the app asks for its
  // modules when it runs (`keep-app`).
  const usedApp = await holdsApp(older);
  await Promise.all(PRECACHE.filter((url) => usedApp || !isApp(url)).map(async (url) => {
    if (await cache.match(url)) return;
    if (HASHED.test(url)) {
      // An immutable file an older version already holds: copy it, download nothing.
      for (const name of older) {
        const hit = await match(name, url);
        if (hit) return cache.put(url, hit);
      }
      // A content-hashed name can't be stale in the HTTP cache: let it answer.
      return cache.add(url);
    }
    await cache.add(new Request(url, { cache: 'reload' }));
  }));
}

async function holdsApp(names) {
  for (const name of names) {
    const keys = await (await caches.open(name)).keys();
    if (keys.some((r) => isApp(new URL(r.url).pathname))) return true;
  }
  return false;
}

// Keeps every module of the app in the shell: when the app runs (it asks, `keep-app`, once it
// has taken over its page), so a reader who uses it has all of it offline (the road map,
// search), as with a precache. The HTTP cache answers what the page has just loaded.
async function keepApp() {
  const cache = await caches.open(SHELL);
  await Promise.all(APP.map(async (url) => {
    if (!(await cache.match(url))) await cache.add(url);
  }));
}

// ---- activate: drop old caches, take over, keep the landing page(s) readable offline -------
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  // The newest older shell stays (a tab still running the last deploy's app may need one of
  // its chunks); older ones, and caches of a format this worker does not use, go.
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && !CURRENT.includes(n));
  const previous = names.filter((n) => n.startsWith(`${PREFIX}shell:`)).pop();
  for (const name of names) {
    if (name !== previous) await caches.delete(name);
  }
  // A page's request starts while this worker boots, instead of after (navigate() uses it).
  if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
  await self.clients.claim();
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  await Promise.all(windows.map((client) => keepPage(client.url).catch(() => {})));
})()));

// Stores the page at `href` in the pages cache and the data it preloads in the data cache. The
// HTTP cache usually answers, as the page has just loaded them.
async function keepPage(href) {
  const url = new URL(href);
  if (!storable(url)) return;
  const response = await fetch(pageKey(url));
  if (response.status !== 200 || !isHtml(response)) return;
  const html = await response.clone().text();
  await store(PAGES, pageKey(url), response);
  const wanted = assetsOf(html, url).filter((u) => under(new URL(u).pathname, 'data/'));
  // `no-cache`: after an update, the HTTP cache may still hold the last deploy's data.
  await Promise.all(wanted.map(async (u) => store(DATA, u, await fetch(u, { cache: 'no-cache' }))));
}

// The same-origin files a page needs offline, as cache keys: its preloaded JSON, its images
// (src and the first srcset candidate) and the site's own data. Relative addresses resolve
// against the page's <base href>.
function assetsOf(html, pageUrl) {
  const baseHref = /<base\b[^>]*\bhref="([^"]*)"/i.exec(html);
  const base = new URL(baseHref ? decode(baseHref[1]) : BASE, pageUrl);
  const attr = (tag, name) => {
    const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag);
    return m ? decode(m[1]) : null;
  };
  const found = [`${ORIGIN}${BASE}data/site.json`];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') || '').toLowerCase().split(/\s+/);
    // The data a page's app reads: preloaded (the app starts at once), or named as an
    // alternate (a reading page, where the app comes on request).
    const preloaded = rel.includes('preload') && (attr(tag, 'as') || '').toLowerCase() === 'fetch';
    const named = rel.includes('alternate') && (attr(tag, 'type') || '').toLowerCase() === 'application/json';
    if (preloaded || named) found.push(attr(tag, 'href'));
  }
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    found.push(attr(tag, 'src'));
    const srcset = attr(tag, 'srcset');
    if (srcset) found.push(srcset.trim().split(/\s+/)[0]);
  }
  const keys = new Set();
  for (const ref of found) {
    if (!ref) continue;
    const url = new URL(ref, base);
    if (storable(url)) keys.add(dataKey(url));
  }
  return [...keys];
}

function decode(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

// ---- fetch ---------------------------------------------------------------------------------
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (!ours(url)) return; // other origins, other bases, sw.js and the embed widgets
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event, url));
  } else if (under(url.pathname, 'data/')) {
    event.respondWith(data(event, url));
  } else if (PRECACHED.has(url.pathname) || HASHED.test(url.pathname)) {
    event.respondWith(shell(event, url));
  }
});

// Pages: network first, a copy kept; offline (or when the network is slower than SLOW_MS and a
// copy is kept), the kept or saved copy, else offline.html (200: the app boots, routes by the
// real URL and says what is available), else a plain 503.
//
// A stored page names the hashed files of the deploy that wrote it: one of another deploy is
// served only as said in `kept` below.
async function navigate(event, url) {
  // A page stored by another deploy names that deploy's files. Where this deploy's app is kept,
  // offline.html and the app render the page from its stored data instead; for a reader who
  // never used the app, the page itself is served while a shell of its deploy is kept (the
  // previous one is, at activation), which answers its files.
  const kept = async () => {
    const shells = new Set((await caches.keys()).filter((n) => n.startsWith(`${PREFIX}shell:`)));
    const appHere = Boolean(await match(SHELL, APP.find((u) => u.endsWith('_bg.wasm')) || '-'));
    for (const name of [SAVED, PAGES]) {
      const hit = await match(name, pageKey(url));
      const version = hit && hit.headers.get('sb-version');
      if (version === VERSION) return hit;
      if (hit && !appHere && shells.has(`${PREFIX}shell:${version}`)) return hit;
    }
    return null;
  };
  try {
    // The navigation preload (asked for at activation) is already on its way while this
    // worker started: use it, else fetch.
    const start = async () => (await event.preloadResponse) || fetch(event.request);
    const response = await networkFirst(start, event, kept, (response) =>
      response.status === 200 && isHtml(response) && storable(url)
        ? store(PAGES, pageKey(url), response)
        : null);
    if (response) return response;
  } catch (error) {
    // Offline: the fallbacks below.
  }
  const offline = await match(SHELL, `${BASE}offline.html`);
  if (offline) return offline;
  return new Response('You are offline', {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

// The network's answer (from `start()`), a copy of it handed to `keep` (kept alive with
// waitUntil); when the network fails, or is slower than SLOW_MS, what `kept()` finds instead
// (after a failure with nothing kept, the error; after a slow start with nothing kept, the
// network's answer when it comes).
async function networkFirst(start, event, kept, keep) {
  // A gateway's 5xx on a bad connection is no better than no answer: a kept copy wins.
  const network = start().then((response) => {
    if (response.status >= 500) throw Object.assign(new Error(`answered ${response.status}`), { response });
    return { response, copy: response.clone() };
  });
  event.waitUntil(network.then(({ copy }) => keep(copy)).catch(() => {}));
  const fresh = network.then(({ response }) => response);
  const slow = new Promise((resolve) => setTimeout(() => resolve(null), SLOW_MS));
  try {
    const first = await Promise.race([fresh, slow]);
    if (first) return first;
    return (await kept()) || (await fresh);
  } catch (error) {
    const copy = await kept();
    if (copy) return copy;
    if (error.response) return error.response; // nothing kept: the server's own error page
    throw error;
  }
}

// The shell: cache first; a hashed file not cached yet is fetched and kept.
//
// The previous deploy's shell answers too, for a tab still running that deploy's app.
async function shell(event, url) {
  const hit = await match(SHELL, url.pathname);
  if (hit) return hit;
  // Only on a miss (every file of this deploy is precached): the older shell kept at activation.
  for (const name of (await caches.keys()).filter((n) => n.startsWith(`${PREFIX}shell:`))) {
    const old = await match(name, url.pathname);
    if (old) return old;
  }
  const response = await fetch(event.request);
  if (response.status === 200 && storable(url)) {
    const copy = response.clone();
    event.waitUntil(caches.open(SHELL).then((c) => c.put(url.pathname, copy)).catch(() => {}));
  }
  return response;
}

// Data: network first too, so the app reads the same deploy as the page the network just gave
// (serving a stored copy first would show a newer pre-rendered page, then replace it with older
// data); the HTTP cache (max-age=300) answers a repeat visit without a request. Offline or slow,
// the stored copy (saved first).
//
// A document this deploy's worker has not fetched yet may still sit in the HTTP cache from the
// deploy before (data is cached 300 s): that first fetch asks the server (`no-cache`: a 304 when
// unchanged), so the app never shows an older deploy's data over a newer page.
async function data(event, url) {
  const key = dataKey(url);
  const stored = await match(DATA, key);
  const current = stored && stored.headers.get('sb-version') === VERSION;
  const request = current ? event.request : new Request(event.request, { cache: 'no-cache' });
  const kept = async () => (await match(SAVED, key)) || stored;
  return networkFirst(() => fetch(request), event, kept, (response) => (storable(url) ? store(DATA, key, response) : null));
}

// ---- messages from the app (replies go to event.ports[0]) ---------------------------------
self.addEventListener('message', (event) => {
  const message = event.data || {};
  const port = event.ports && event.ports[0];
  const work = handle(message).catch((e) => ({ ok: false, error: String((e && e.message) || e) }));
  event.waitUntil(work.then((reply) => port && port.postMessage(reply)));
});

async function handle(message) {
  switch (message.type) {
    case 'skip-waiting': await self.skipWaiting(); return { ok: true };
    case 'keep-app': await keepApp(); return { ok: true };
    case 'save': return save(message.url);
    case 'unsave': return unsave(message.url);
    case 'status': {
      const url = pageUrl(message.url);
      return { saved: Boolean(url && (await match(SAVED, pageKey(url)))) };
    }
    case 'list': return { entries: await list() };
    case 'clear':
      await Promise.all([PAGES, DATA, SAVED].map((name) => caches.delete(name)));
      return { ok: true };
    case 'version': return { version: VERSION };
    default: return { ok: false, error: `unknown message type ${JSON.stringify(message.type)}` };
  }
}

// A page address from the app: a full URL, a path under BASE, or a route path ("/articles/x",
// which under a sub-path means BASE + "articles/x"). Null when it is not a page of this site.
function pageUrl(raw) {
  if (typeof raw !== 'string' || raw === '') return null;
  const url = new URL(raw, ORIGIN + BASE);
  if (url.origin === ORIGIN && !url.pathname.startsWith(BASE) && raw.startsWith('/')) {
    url.pathname = BASE + url.pathname.slice(1);
  }
  return storable(url) ? url : null;
}

// Saves a page and everything it needs offline; the page remembers its files (sb-assets).
async function save(raw) {
  const url = pageUrl(raw);
  if (!url) return { ok: false, error: `${raw} is not a page of this site` };
  let page = await fetch(pageKey(url), { cache: 'no-cache' }).catch(() => null);
  if (!page || page.status !== 200) {
    const kept = await match(PAGES, pageKey(url));
    if (!kept) {
      return { ok: false, error: page ? `the page answered ${page.status}` : 'offline, and the page was never opened here' };
    }
    page = kept;
  }
  const html = await page.clone().text();
  const assets = assetsOf(html, url);
  const files = await Promise.all(assets.map(async (key) => {
    const response = await fetch(key, { cache: 'no-cache' }).catch(() => null);
    if (response && response.status === 200) return response;
    const kept = (await match(DATA, key)) || (await match(SAVED, key));
    if (kept) return kept;
    throw new Error(`could not fetch ${new URL(key).pathname} (${response ? response.status : 'offline'})`);
  }));
  const cache = await caches.open(SAVED);
  const before = new Set((await cache.keys()).map((r) => r.url));
  try {
    await Promise.all(files.map(async (response, i) => cache.put(assets[i], await tag(response))));
    await cache.put(pageKey(url), await tag(page, { 'sb-assets': JSON.stringify(assets) }));
  } catch (error) {
    // Half a saved page is none: what this save added goes again.
    for (const key of [...assets, pageKey(url)]) {
      if (!before.has(key)) await cache.delete(key).catch(() => {});
    }
    const full = error && error.name === 'QuotaExceededError';
    return { ok: false, error: full ? 'this device has no room left for it' : String((error && error.message) || error) };
  }
  return { ok: true, files: files.length + 1 };
}

// Removes a saved page and the files no other saved page lists.
async function unsave(raw) {
  const url = pageUrl(raw);
  if (!url) return { ok: false, error: `${raw} is not a page of this site` };
  const cache = await caches.open(SAVED);
  const page = await cache.match(pageKey(url));
  if (!page) return { ok: true };
  await cache.delete(pageKey(url));
  const still = new Set();
  for (const request of await cache.keys()) {
    const listed = (await cache.match(request)).headers.get('sb-assets');
    if (listed) JSON.parse(listed).forEach((key) => still.add(key));
  }
  for (const key of JSON.parse(page.headers.get('sb-assets') || '[]')) {
    if (!still.has(key)) await cache.delete(key);
  }
  return { ok: true };
}

// What is readable offline: every kept or saved HTML page, and every single article or week in
// the data cache (its data path: the app maps it to the page). Newest stored first.
async function list() {
  const entries = new Map();
  const savedCache = await caches.open(SAVED);
  for (const name of [SAVED, PAGES]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      const response = await cache.match(request);
      if (entries.has(path) || !isHtml(response)) continue;
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(await response.text());
      entries.set(path, { url: path, title: title ? decode(title[1].trim()) : path, saved: name === SAVED, at: stamp(response) });
    }
  }
  // A single article or week, not an index page (data/articles/page-2.json).
  const single = /^data\/(articles|weeks)\/(?!page-\d+\.json$)[^/]+\.json$/;
  const dataCache = await caches.open(DATA);
  for (const request of await dataCache.keys()) {
    const path = new URL(request.url).pathname;
    if (!single.test(path.slice(BASE.length)) || entries.has(path)) continue;
    const response = await dataCache.match(request);
    const doc = await response.json().catch(() => null);
    const title = doc && (doc.title || (doc.meta && doc.meta.title));
    if (!title) continue;
    entries.set(path, { url: path, title, saved: Boolean(await savedCache.match(request)), at: stamp(response) });
  }
  return [...entries.values()].sort((a, b) => b.at - a.at).map(({ at, ...entry }) => entry);
}

function stamp(response) {
  return Number(response.headers.get('sb-stored')) || 0;
}
