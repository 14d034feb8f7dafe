// Road map widgets on another origin: two widgets on one host page, sizing by postMessage,
// forged messages ignored, the snippet from the Embed dialog, shared progress, framing
// allowed only for /embed/*, and the app itself rendering nothing but widgets in a frame.
import { test, expect, type Page, type Locator } from '@playwright/test';
import { data, demoToken, ready, readyIn } from './helpers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const host = process.env.HOST_URL ?? 'http://127.0.0.1:8184/';
const site = process.env.SITE_URL ?? 'http://127.0.0.1:8181/';
const hostDir = process.env.HOST_DIR ?? 'target/xtask/host';

const widget = (page: Page, id: string) => page.frameLocator(`#${id} iframe`);

/** Both widgets of `two-widgets.html`, once each app has taken over from its pre-rendered copy. */
async function twoWidgets(page: Page) {
  await page.goto(`${host}two-widgets.html`);
  await readyIn(widget(page, 'widget-a'));
  await readyIn(widget(page, 'widget-b'));
}

/** Waits until an iframe's height equals its content's height and nothing scrolls inside. */
async function expectSizedToContent(page: Page, iframe: Locator) {
  const frame = (await (await iframe.elementHandle())!.contentFrame())!;
  await expect
    .poll(async () => {
      const frameHeight = (await iframe.boundingBox())!.height;
      const inner = await frame.evaluate(() => {
        const d = document.documentElement;
        return { scroll: d.scrollHeight, client: d.clientHeight, body: document.body.getBoundingClientRect().height };
      });
      return Math.abs(frameHeight - inner.body) <= 2 && inner.scroll <= inner.client + 1;
    }, { timeout: 10_000 })
    .toBe(true);
}

test('two widgets on another origin render their own sections and options', async ({ page }) => {
  await twoWidgets(page);
  const a = widget(page, 'widget-a');
  const b = widget(page, 'widget-b');
  await expect(a.locator('h1')).toHaveText('ML Road Map: Fundamentals');
  await expect(b.locator('h1')).toHaveText('ML Road Map: Free GPUs');
  await expect(a.locator('.tree-entry')).toHaveCount(2);
  await expect(b.locator('.tree-entry')).toHaveCount(6);
  // No site chrome inside a widget.
  await expect(a.locator('header.site-header')).toHaveCount(0);
  await expect(a.locator('footer')).toHaveCount(0);
  // Progress on in A, off in B.
  await expect(a.getByRole('button', { name: 'Done' }).first()).toBeVisible();
  await expect(b.getByRole('button', { name: 'Done' })).toHaveCount(0);
  // B is dark and compact; A follows the (light) system.
  const bg = (l: ReturnType<typeof widget>) => l.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(await bg(b)).toBe('rgb(15, 17, 21)');
  expect(await bg(a)).toBe('rgb(255, 255, 255)');
  await expect(b.locator('.embed-root')).toHaveClass(/embed-compact/);
  // Every link out of a widget opens a new tab: the frame never leaves the widget.
  await expect(a.locator('a[href]').first()).toBeVisible();
  await expect(a.locator('a[href]:not([target="_blank"])')).toHaveCount(0);
  // A small link back to the full road map, in a new tab.
  const back = a.getByRole('link', { name: /Open the full road map/ });
  await expect(back).toHaveAttribute('target', '_blank');
  await expect(back).toHaveAttribute('href', `${site}roadmap/fundamentals`);
  // The iframes carry a title and a sandbox.
  for (const id of ['widget-a', 'widget-b']) {
    const iframe = page.locator(`#${id} iframe`);
    await expect(iframe).toHaveAttribute('title', /Machine Learning Road Map/);
    await expect(iframe).toHaveAttribute('sandbox', /allow-scripts/);
    await expect(iframe).toHaveAttribute('loading', 'lazy');
  }
});

test('each iframe is as tall as its content, and follows when a section opens or closes', async ({ page }) => {
  await twoWidgets(page);
  const iframeA = page.locator('#widget-a iframe');
  const iframeB = page.locator('#widget-b iframe');
  await expect(widget(page, 'widget-a').locator('.tree-entry')).toHaveCount(2);
  await expect(widget(page, 'widget-b').locator('.tree-entry')).toHaveCount(6);
  await expectSizedToContent(page, iframeA);
  await expectSizedToContent(page, iframeB);
  const open = (await iframeB.boundingBox())!.height;

  // Close the Free GPUs section inside widget B: the iframe shrinks with it.
  await widget(page, 'widget-b').locator('[role=treeitem][aria-level="1"]').click();
  await expect(widget(page, 'widget-b').locator('.tree-entry')).toHaveCount(0);
  await expect.poll(async () => (await iframeB.boundingBox())!.height).toBeLessThan(open - 100);
  await expectSizedToContent(page, iframeB);

  // Open it again: it grows back.
  await widget(page, 'widget-b').locator('[role=treeitem][aria-level="1"]').click();
  await expect.poll(async () => (await iframeB.boundingBox())!.height).toBeGreaterThan(open - 3);
  await expectSizedToContent(page, iframeB);
});

test('a forged resize message from the host page or another frame is ignored', async ({ page }) => {
  await twoWidgets(page);
  const iframeA = page.locator('#widget-a iframe');
  await expect(widget(page, 'widget-a').locator('.tree-entry')).toHaveCount(2);
  await expectSizedToContent(page, iframeA);
  const before = (await iframeA.boundingBox())!.height;

  // The host page's own script posts a height message to itself.
  await page.evaluate(() => window.postMessage({ type: 'sb-roadmap:height', height: 5 }, '*'));
  // A frame of the host's origin posts one to its parent.
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.srcdoc = "<script>parent.postMessage({ type: 'sb-roadmap:height', height: 7 }, '*')<\/script>";
    document.body.appendChild(f);
  });
  await page.waitForTimeout(500);
  expect((await iframeA.boundingBox())!.height).toBe(before);
});

test('the snippet copied from the Embed dialog works when pasted into a blank page', async ({ page }) => {
  await page.goto(`${site}roadmap`);
  await ready(page);
  await page.getByRole('button', { name: 'Embed this road map' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed the road map on your site' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Section').selectOption('job-skills');
  await dialog.getByLabel('Compact').check();
  await dialog.getByLabel('Theme').selectOption('dark');
  // The live preview follows the options.
  await expect(dialog.frameLocator('iframe').locator('h1')).toHaveText('ML Road Map: Job Skills');
  const snippet = await dialog.getByLabel('Snippet to paste').inputValue();
  expect(snippet).toContain('data-section="job-skills"');
  expect(snippet).toContain('data-compact="true"');
  expect(snippet).toContain(`src="${site}embed.js"`);
  await dialog.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Copied|copy it/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Paste it into an empty page on the other origin's real server.
  const name = `pasted-${test.info().workerIndex}-${Date.now()}.html`;
  writeFileSync(join(hostDir, name), `<!doctype html><html lang="en"><title>Pasted</title><body>${snippet}</body></html>`);
  await page.goto(`${host}${name}`);
  const frame = page.frameLocator('[data-sb-roadmap] iframe');
  await readyIn(frame);
  await expect(frame.locator('h1')).toHaveText('ML Road Map: Job Skills');
  await expect(frame.locator('.embed-root')).toHaveClass(/embed-compact/);
  await expectSizedToContent(page, page.locator('[data-sb-roadmap] iframe'));
});

test('progress marked in a widget is the progress of the full site', async ({ page }) => {
  await twoWidgets(page);
  const a = widget(page, 'widget-a');
  const row = a.locator('.tree-entry').filter({ hasText: 'Machine Learning Crash Course' });
  await row.getByRole('button', { name: 'Done' }).click();
  await expect(a.locator('.overall-text')).toHaveText('1 of 2 done');

  await page.goto(`${site}roadmap/fundamentals`);
  await ready(page);
  const siteRow = page.locator('.tree-entry').filter({ has: page.getByRole('link', { name: 'Machine Learning Crash Course', exact: true }) });
  await expect(siteRow.getByRole('button', { name: 'Done' })).toHaveAttribute('aria-pressed', 'true');
  expect(data('roadmap.json').sections.map((s: any) => s.id)).toContain('fundamentals');
});

test('only /embed/* may be framed by other sites', async ({ page, request }) => {
  const about = await request.get(`${site}about`);
  expect(about.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const embed = await request.get(`${site}embed/roadmap/fundamentals`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
  expect(embed.headers()['x-frame-options']).toBeUndefined();

  await page.goto(`${host}frame-refused.html`);
  await readyIn(page.frameLocator('#embed'));
  await expect(page.frameLocator('#embed').locator('h1')).toHaveText('ML Road Map: Fundamentals');
  // Chromium refuses to render the framed About page: its frame never shows the page.
  await page.waitForTimeout(1500);
  await expect(page.frameLocator('#about').getByText("About Society's Backend")).toHaveCount(0);
  const aboutFrame = (await (await page.locator('#about').elementHandle())!.contentFrame())!;
  expect(aboutFrame.url()).not.toBe(`${site}about`);
});

/** Writes a page on the host origin holding `body`, and returns its address. */
function hostPage(body: string): string {
  const name = `page-${test.info().workerIndex}-${Date.now()}.html`;
  writeFileSync(join(hostDir, name), `<!doctype html><html lang="en"><title>Host</title><body>${body}</body></html>`);
  return `${host}${name}`;
}

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

test('an unknown widget address shows a widget-only error with no link that stays in the frame', async ({ page }) => {
  await page.goto(hostPage(`<iframe id="w" title="widget" sandbox="${SANDBOX}" src="${site}embed/no-such-widget"></iframe>`));
  const frame = page.frameLocator('#w');
  await readyIn(frame);
  await expect(frame.locator('h1')).toHaveText('This widget does not exist');
  await expect(frame.locator('header, footer, nav')).toHaveCount(0);
  await expect(frame.getByText('Page not found')).toHaveCount(0);
  await expect(frame.locator('a[href]')).toHaveCount(1);
  await expect(frame.locator('a[href]')).toHaveAttribute('target', '_blank');
  await expect(frame.locator('a[href]')).toHaveAttribute('href', `${site}roadmap`);
});

test('in a frame the app renders only widgets: a framed unlock link is refused and saves no key', async ({ page }) => {
  // A host that forgot frame-ancestors for /unlock: the app must refuse on its own.
  await page.route(`${site}unlock`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    delete headers['x-frame-options'];
    await route.fulfill({ response, headers });
  });
  const link = `${site}unlock#k=${demoToken('k2026-11')}`;
  await page.goto(hostPage(`<iframe id="f" title="framed" sandbox="${SANDBOX}" src="${link}"></iframe>
    <iframe id="w" title="widget" sandbox="${SANDBOX}" src="${site}embed/roadmap/fundamentals"></iframe>`));
  const framed = page.frameLocator('#f');
  await readyIn(framed);
  await expect(framed.locator('h1')).toHaveText('This page opens only in its own tab');
  const open = framed.getByRole('link', { name: /Open it in a new tab/ });
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('href', `${site}unlock`);
  await expect(framed.locator('header, footer')).toHaveCount(0);
  await expect(framed.getByLabel('Unlock link or key')).toHaveCount(0);

  // A widget frame moved to /unlock#k=… inside the app (as a link in it would) is refused too.
  const widget = page.frameLocator('#w');
  await readyIn(widget);
  await expect(widget.locator('h1')).toHaveText('ML Road Map: Fundamentals');
  const frame = (await (await page.locator('#w').elementHandle())!.contentFrame())!;
  await frame.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, link);
  await expect(widget.locator('h1')).toHaveText('This page opens only in its own tab');
  await expect(widget.getByLabel('Unlock link or key')).toHaveCount(0);

  // And a full load of /unlock#k=… in the widget frame.
  await frame.goto(link);
  await readyIn(widget);
  await expect(widget.locator('h1')).toHaveText('This page opens only in its own tab');
  expect(await frame.evaluate(() => localStorage.getItem('sb-keys'))).toBeNull();

  await page.goto(`${site}about`);
  await ready(page);
  expect(await page.evaluate(() => localStorage.getItem('sb-keys'))).toBeNull();
});
