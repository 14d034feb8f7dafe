// What the static host (nginx with hosting/nginx.conf) serves: strict CSP, no inline script,
// cache rules, real 404s for missing data.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { data, h1, ready } from './helpers';

const dist = process.env.DIST_DIR ?? 'target/xtask/dist-root';

test('pages are served with a strict Content-Security-Policy and no inline script', async ({ request }) => {
  const { latestArticle } = await import('./helpers');
  const response = await request.get(`./articles/${latestArticle().slug}`);
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  const html = await response.text();
  const inline = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
  expect(inline).toEqual([]);
});

test('hashed assets are cached for a year, data briefly, and missing data is a real 404', async ({ request }) => {
  const html = await (await request.get('./')).text();
  const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+\.(?:wasm|js|css|svg))"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThanOrEqual(4); // boot js, theme js, css, icon
  // The boot script names the glue and the main module, which it fetches once the page has
  // loaded (on a reading page, once the reader asks for the app).
  const boot = assets.find((a) => /\/boot-[0-9a-f]{16}\.js$/.test(a));
  expect(boot).toBeTruthy();
  const bootJs = await (await request.get(boot!)).text();
  const started = [...bootJs.matchAll(/sb-site-[0-9a-f]{16}(?:_bg\.wasm|\.js)/g)].map((m) => `/${m[0]}`);
  expect(started.filter((a) => a.endsWith('.wasm'))).toHaveLength(1);
  expect(started.filter((a) => a.endsWith('.js'))).toHaveLength(1);
  assets.push(...started);
  for (const path of assets) {
    const asset = await request.get(path);
    expect(asset.status(), path).toBe(200);
    expect(asset.headers()['cache-control'], path).toContain('immutable');
    if (path.endsWith('.wasm')) expect(asset.headers()['content-type']).toBe('application/wasm');
  }
  const data = await request.get('./data/site.json');
  expect(data.headers()['cache-control']).toBe('public, max-age=300');
  expect((await request.get('./data/articles/nope.json')).status()).toBe(404);
});

test('an article fetched without JavaScript carries its own title and social tags', async ({ request }) => {
  const { latestArticle } = await import('./helpers');
  const article = latestArticle();
  const response = await request.get(`./articles/${article.slug}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(`<meta property="og:title" content="${article.title}">`);
  expect(html).toContain('<meta name="twitter:card" content="summary">');
  expect(html).toContain(`/articles/${article.slug}">`);
});

test('feeds, sitemap and robots.txt are served', async ({ request }) => {
  for (const [path, marker] of [['./feed.xml', '<rss version="2.0"'], ['./atom.xml', '<feed xmlns="http://www.w3.org/2005/Atom">'], ['./sitemap.xml', '<urlset'], ['./robots.txt', 'Sitemap:']]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).toContain(marker);
  }
});

// ---- Netlify / Cloudflare Pages `_headers`, read the way each host reads it ----

type Rule = { path: string; set: [string, string][]; unset: string[] };

function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), set: [], unset: [] });
    } else if (line.trim().startsWith('!')) {
      rules[rules.length - 1].unset.push(line.trim().slice(1).trim().toLowerCase());
    } else {
      const i = line.indexOf(':');
      rules[rules.length - 1].set.push([line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

const escapeRe = (s: string) => s.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&').replace(/-/g, '\\x2d');
const pattern = (rule: string) => rule.split('*').map(escapeRe).join('.*').replace(/:[A-Za-z]\w*/g, '[^/]+');

/** Netlify's own reading of a rule path (@netlify/headers-parser getForRegExp): a part that is only
 *  `*` makes the slash before it optional too, so `/embed/*` also matches `/embed.js`. */
function netlifyRegExp(rule: string): RegExp {
  const part = (p: string) => (p.startsWith(':') ? '([^/]+)' : p === '*' ? '?(.*)' : p.includes('*') ? p.replaceAll('*', '(.*)') : escapeRe(p));
  return new RegExp(`^/${rule.split('/').map((p) => p.trimEnd()).filter(Boolean).map(part).join('/')}/?$`, 'iu');
}

/** Netlify: every matching rule applies in file order; a later rule's header replaces an earlier one. */
function netlify(rules: Rule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    if (!netlifyRegExp(r.path).test(path)) continue;
    if (r.unset.length) throw new Error(`Netlify rejects detach lines (rule ${r.path})`);
    for (const [k, v] of r.set) out[k] = v;
  }
  return out;
}

/** Cloudflare Pages: every matching rule applies in order; `! Name` detaches what earlier rules set;
 *  a header set twice is joined with a comma. */
function cloudflare(rules: Rule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    if (!new RegExp(`^${pattern(r.path)}$`).test(path)) continue;
    for (const k of r.unset) delete out[k];
    for (const [k, v] of r.set) out[k] = out[k] === undefined ? v : `${out[k]}, ${v}`;
  }
  return out;
}

/** What a browser enforces: frame-ancestors wins over X-Frame-Options when both are sent. */
function policy(h: Record<string, string | undefined>) {
  const csp = h['content-security-policy'] ?? '';
  const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.trim();
  return {
    csp,
    framing: ancestors ?? h['x-frame-options'] ?? 'anyone',
    nosniff: h['x-content-type-options'],
    cache: h['cache-control'],
    referrer: h['referrer-policy'],
  };
}

/** Every path the built site serves (files, and each page with and without a trailing slash),
 *  plus paths it does not have. */
function servedPaths(): string[] {
  const paths: string[] = ['/', '/nope', '/nope/', '/articles/nope', '/embed', '/embedded', '/embed/nope', '/embed/roadmap/nope', '/data', '/database'];
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const path = `${rel}/${name}`;
      if (statSync(full).isDirectory()) {
        if (readdirSync(full).includes('index.html')) paths.push(path, `${path}/`);
        walk(full, path);
      } else if (!['/_headers', '/_redirects'].includes(path)) {
        paths.push(path);
      }
    }
  };
  walk(dist, '');
  return paths;
}

const template = readFileSync('hosting/_headers', 'utf8').replaceAll('{{BASE}}', '/');

test('Netlify and Cloudflare read _headers into the same policy nginx sends, on every path', async ({ request }) => {
  test.setTimeout(120_000);
  const rules = parseHeaders(template);
  // dist/_headers is Netlify's form: the template without detach lines.
  const shipped = readFileSync(join(dist, '_headers'), 'utf8');
  expect(shipped).not.toMatch(/^\s+!/m);
  const netlifyRules = parseHeaders(shipped);
  const paths = servedPaths();
  expect(paths.length).toBeGreaterThan(100);
  for (const path of paths) {
    const response = await request.get(`.${path}`, { maxRedirects: 0 });
    const served = policy(response.headers());
    expect(served.csp, path).not.toBe('');
    // A 404 may be cached differently (Netlify reads `data/*` as any path starting with /data);
    // its security headers may not differ.
    const seen = (h: Record<string, string>) => ({ ...policy(h), cache: response.status() === 404 ? served.cache : policy(h).cache });
    expect(seen(netlify(netlifyRules, path)), `Netlify: ${path}`).toEqual(served);
    expect(seen(cloudflare(rules, path)), `Cloudflare Pages: ${path}`).toEqual(served);
  }
});

/** Netlify's reading of `_redirects`: the first rule whose path matches (`*` a splat), applied
 *  only when no file answers the path (rules without `!` never shadow a file); a page's folder
 *  with an index.html is a file. Returns the status and, for a 404 rule, the page it serves. */
function netlifyRedirect(rules: string[][], path: string, exists: (p: string) => boolean) {
  if (exists(path)) return { status: 200 };
  for (const [from, to, status] of rules) {
    if (!new RegExp(`^${pattern(from)}$`).test(path)) continue;
    return { status: Number(status ?? 301), to };
  }
  return { status: 404 };
}

test('Netlify reads _redirects into the status nginx answers, on every path, and serves the same 404 page', async ({ request }) => {
  test.setTimeout(120_000);
  const rules = readFileSync(join(dist, '_redirects'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(/\s+/));
  expect(rules.some(([, , status]) => status === '404')).toBe(true);
  const exists = (path: string) => {
    const full = join(dist, decodeURIComponent(path));
    try {
      const st = statSync(full);
      return st.isFile() || (st.isDirectory() && statSync(join(full, 'index.html')).isFile());
    } catch {
      return false;
    }
  };
  for (const path of servedPaths()) {
    const response = await request.get(`.${path}`, { maxRedirects: 0 });
    const netlify = netlifyRedirect(rules, path, exists);
    expect(netlify.status, `Netlify: ${path}`).toBe(response.status());
    // The 404 page the rule names is the one nginx sent (but for `/embed` and `/embedded`, which
    // nginx's prefix location gives the widget's 404 page and Netlify the site's: both 404).
    if (netlify.status === 404 && !/^\/embed[^/]*$/.test(path)) {
      expect(await response.text(), path).toBe(readFileSync(join(dist, netlify.to!), 'utf8'));
    }
  }
});

test('only widget paths may be framed, and published images can run nothing', async ({ request }) => {
  const framing = async (path: string) => policy((await request.get(path)).headers()).framing;
  for (const path of ['./', './about', './about/', './unlock', './unlock/', './nope', './embed.js', './data/site.json', './404.html']) {
    expect(await framing(path), path).toBe("'none'");
  }
  // Widgets, and the widget 404 page a frame may show for any other path under embed.
  for (const path of ['./embed/roadmap', './embed/roadmap/fundamentals', './embed/nope', './embed']) {
    expect(await framing(path), path).toBe('*');
  }
  const images = readdirSync(join(dist, 'data/images'));
  expect(images.length).toBeGreaterThan(0);
  for (const name of images) {
    const response = await request.get(`./data/images/${name}`);
    expect(response.status(), name).toBe(200);
    expect(response.headers()['content-security-policy'], name).toContain("default-src 'none'");
    expect(response.headers()['content-security-policy'], name).toContain("form-action 'none'");
    expect(response.headers()['content-security-policy'], name).toMatch(/; sandbox$/);
    expect(response.headers()['x-content-type-options'], name).toBe('nosniff');
  }
});

test('every page answers 200 and any other path a real 404 with the not-found page', async ({ request, page }) => {
  const section = data('roadmap.json').sections[0];
  const week = data('weeks/page-1.json').items[0];
  for (const path of ['./', './about', './about/', './articles', './topics', './weekly', `./weekly/${week.slug}`, './roadmap',
    `./roadmap/${section.id}`, './unlock', './embed/roadmap', `./embed/roadmap/${section.id}`, './articles?page=2']) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  for (const path of ['./no-such-page', './articles/no-such-article', './weekly/1999-01-01', './roadmap/no-such-section',
    './topics/no-such-topic', './embed/nope']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain('<script type="module"');
  }
  const response = await page.goto('./articles/no-such-article');
  await ready(page);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('alert')).toContainText("We couldn't find that");
  expect((await page.goto('./no-such-page'))?.status()).toBe(404);
  await expect(await h1(page)).toHaveText('Page not found');
});

/** Every file under a folder, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test('the built site holds no demo key bytes and nothing but images under data/images', async () => {
  const keyring = readFileSync('crates/press/tests/fixtures/demo-keyring.toml', 'utf8');
  const secrets = [...keyring.matchAll(/^key = "([A-Za-z0-9_-]+)"/gm)].map((m) => Buffer.from(m[1], 'base64url'));
  expect(secrets.length).toBeGreaterThanOrEqual(2);
  // Each secret as raw bytes, base64, base64url and hex.
  const needles = secrets.flatMap((k) => [k, Buffer.from(k.toString('base64')), Buffer.from(k.toString('base64url')), Buffer.from(k.toString('hex'))]);
  const all = files(dist);
  expect(all.length).toBeGreaterThan(100);
  for (const file of all) {
    const bytes = readFileSync(file);
    for (const needle of needles) expect(bytes.includes(needle), `${file} holds a demo key`).toBe(false);
  }
  const magic: [string, (b: Buffer) => boolean][] = [
    ['png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
    ['jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
    ['gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
    ['webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
    ['avif', (b) => b.subarray(4, 12).toString('latin1').startsWith('ftypavi')],
    ['svg', (b) => /^(\uFEFF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(b.toString('utf8')) && !/<script|\son\w+\s*=|javascript:/i.test(b.toString('utf8'))],
  ];
  const images = files(join(dist, 'data/images'));
  expect(images.length).toBeGreaterThan(0);
  for (const file of images) {
    const bytes = readFileSync(file);
    expect(magic.some(([, is]) => is(bytes)), `${file} is not an image`).toBe(true);
  }
});
