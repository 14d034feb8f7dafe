// Paid tiers without a server: free readers get previews and locked counts but never paid text;
// an unlock link opens paid content on every page (WebCrypto, real keys from the demo keyring),
// survives a reload and leaves no fragment; keys rotate side by side; forgetting locks again;
// wrong keys and tampered data give a clear message, never garbage and never a panic.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { collectErrors, data, demoToken, h1, ready } from './helpers';

const dist = process.env.DIST_DIR ?? 'target/xtask/dist-root';
const PLAYBOOK = 'the-production-ml-incident-playbook'; // preview, then paid; sealed with k2026-01
const BUDGET = 'a-worked-budget-for-llm-inference'; // paid only; sealed with k2026-11
const WEEK = '2026-11-20'; // 4 paid entries, k2026-11
const OLD_WEEK = '2026-11-13'; // 2 paid entries, k2026-01

/** The canary strings planted in paid sample content. */
function canaries(): string[] {
  const found = new Set<string>();
  for (const dir of ['content/articles', 'content/weeks']) {
    for (const f of readdirSync(dir)) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/PAID-REF-[A-Z0-9-]*[A-Z0-9]/g)) found.add(m[0]);
    }
  }
  return [...found];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function unlockWith(page: Page, kid: string) {
  await page.goto(`./unlock#k=${demoToken(kid)}`);
  await ready(page);
  await expect(page.getByRole('main').getByRole('status')).toContainText('Unlocked');
}

test('no file of the built site contains a paid canary', async () => {
  const planted = canaries();
  expect(planted.length).toBeGreaterThanOrEqual(8);
  const files = filesUnder(dist);
  expect(files.length).toBeGreaterThan(20);
  for (const file of files) {
    const text = readFileSync(file).toString('latin1').toLowerCase();
    for (const canary of planted) expect(text.includes(canary.toLowerCase()), `${file} has ${canary}`).toBe(false);
  }
});

test('a free reader sees the preview and the locked count, never the paid text', async ({ page }) => {
  const site = data('site.json');
  await page.goto(`./articles/${PLAYBOOK}`);
  await ready(page);
  await expect(page.locator('.article .prose').first()).toContainText('Most production ML incidents');
  const notice = page.getByRole('region', { name: 'For subscribers' });
  await expect(notice).toContainText('The rest of this article is for paid subscribers.');
  await expect(notice.getByRole('link', { name: 'Subscribe' })).toHaveAttribute('href', site.subscribe_url);
  await expect(page.locator('main')).not.toContainText('PAID-REF');

  await page.goto(`./articles/${BUDGET}`);
  await ready(page);
  await expect(page.locator('.lead')).toContainText('step-by-step cost model');
  await expect(page.getByRole('region', { name: 'For subscribers' })).toContainText('This article is for paid subscribers.');

  const week = data(`weeks/${WEEK}.json`);
  await page.goto(`./weekly/${WEEK}`);
  await ready(page);
  await expect(page.locator('.entry')).toHaveCount(week.meta.entry_count);
  await expect(page.locator('.article-header .meta')).toContainText(`${week.meta.entry_count} resources + 4 for paid subscribers`);
  await expect(page.getByRole('region', { name: 'For subscribers' })).toContainText('4 more resources for paid subscribers.');
  await expect(page.locator('.section-locked').first()).toContainText('2 more in this section for paid subscribers');
  await expect(page.locator('main')).not.toContainText('PAID-REF');
  await expect(page.locator('.entry-paid')).toHaveCount(0);
});

test('the unlock link opens paid text on article and weekly pages, survives a reload, leaves no fragment', async ({ page }) => {
  const errors = collectErrors(page);
  await unlockWith(page, 'k2026-11');
  await expect(page).toHaveURL(/\/unlock$/);
  expect(page.url()).not.toContain('#');
  await expect(page.locator('.key-list')).toContainText('key “k2026-11”');

  const week = data(`weeks/${WEEK}.json`);
  await page.goto(`./weekly/${WEEK}`);
  await ready(page);
  await expect(page.locator('.entry')).toHaveCount(week.meta.entry_count + 4);
  await expect(page.locator('.entry-paid')).toHaveCount(4);
  await expect(page.locator('main')).toContainText('PAID-REF-W20-ORCA');
  await expect(page.getByRole('region', { name: 'For subscribers' })).toHaveCount(0);
  // Paid entries keep their own anchors and safe outbound links.
  const orca = page.locator('.entry-paid').filter({ hasText: 'Orca' });
  await expect(orca).toHaveAttribute('id', /^orca-/);
  await expect(orca.locator('a.entry-title')).toHaveAttribute('rel', 'noopener noreferrer');

  await page.goto(`./articles/${BUDGET}`);
  await ready(page);
  await expect(page.locator('.paid-body')).toContainText('PAID-REF-BUDGET-TRAFFIC');
  await page.reload();
  await expect(page.locator('.paid-body')).toContainText('PAID-REF-BUDGET-LEVERS');
  expect(errors).toEqual([]);
});

test('rotation: a key for older content works side by side with the current one', async ({ page }) => {
  await unlockWith(page, 'k2026-11');
  await page.goto(`./articles/${PLAYBOOK}`);
  await ready(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('sealed with the key “k2026-01”');
  await expect(alert).toContainText('holds “k2026-11”');
  await expect(page.locator('main')).not.toContainText('PAID-REF');

  // Paste the older key by hand on the unlock page.
  await page.goto('./unlock');
  await ready(page);
  await page.getByLabel('Unlock link or key').fill(demoToken('k2026-01'));
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('key “k2026-01”');
  await expect(page.locator('.key-list li')).toHaveCount(2);

  await page.goto(`./articles/${PLAYBOOK}`);
  await ready(page);
  await expect(page.locator('.paid-body')).toContainText('PAID-REF-PLAYBOOK-TRIAGE');
  await expect(page.getByRole('navigation', { name: 'Contents' })).toContainText('Roll back first, understand second');
  await page.goto(`./weekly/${OLD_WEEK}`);
  await ready(page);
  await expect(page.locator('.entry-paid')).toHaveCount(2);
  await page.goto(`./weekly/${WEEK}`);
  await ready(page);
  await expect(page.locator('.entry-paid')).toHaveCount(4);
});

test('forget key locks every page again', async ({ page }) => {
  // The code that opens paid units is fetched only for a reader holding a key.
  const paidCode: string[] = [];
  page.on('request', (r) => {
    if (/split_open_all/.test(r.url())) paidCode.push(r.url());
  });
  await unlockWith(page, 'k2026-11');
  await page.goto(`./weekly/${WEEK}`);
  await ready(page);
  await expect(page.locator('.entry-paid')).toHaveCount(4);
  expect(paidCode).not.toEqual([]);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Subscriber key' }).click();
  await page.getByRole('button', { name: 'Forget all keys' }).click();
  await expect(page.locator('.key-list-empty')).toContainText('No key is saved');
  await page.goBack();
  await expect(page.getByRole('region', { name: 'For subscribers' })).toContainText('4 more resources');
  await expect(page.locator('.entry-paid')).toHaveCount(0);
  paidCode.length = 0;
  await page.reload();
  // The pre-rendered copy never holds paid entries: wait for the app, which would open them.
  await ready(page);
  await page.waitForLoadState('networkidle');
  expect(paidCode).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('sb-keys'))).toBeNull();
  await expect(page.getByRole('region', { name: 'For subscribers' })).toContainText('4 more resources');
  await expect(page.locator('.entry-paid')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('PAID-REF');
});

test('tampered or moved ciphertext shows a clear message; the intact entries still open', async ({ page }) => {
  const errors = collectErrors(page);
  await page.route(`**/data/weeks/${WEEK}.json`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    // Flip one character of the first unit of the first section, and move the last section's
    // unit into the second section's slot.
    const d = json.sections[0].paid[0].data;
    json.sections[0].paid[0].data = d.slice(0, 10) + (d[10] === 'A' ? 'B' : 'A') + d.slice(11);
    json.sections[1].paid = json.sections[2].paid;
    json.sections[2].paid = [];
    await route.fulfill({ response, body: JSON.stringify(json) });
  });
  await unlockWith(page, 'k2026-11');
  await page.goto(`./weekly/${WEEK}`);
  await ready(page);
  const alerts = page.getByRole('alert');
  await expect(alerts).toHaveCount(2);
  await expect(alerts.first()).toContainText('could not be unlocked');
  await expect(alerts.first()).toContainText('data was changed');
  // The one untouched unit still opens; nothing of the others shows.
  await expect(page.locator('.entry-paid')).toHaveCount(1);
  await expect(page.locator('.entry-paid')).toContainText('PAID-REF-W20-SPECULATIVE');
  await expect(page.locator('main')).not.toContainText('PAID-REF-W20-ORCA');
  await expect(page.locator('main')).not.toContainText('PAID-REF-W20-FLASH');
  expect(errors.filter((e) => /panicked|unreachable/i.test(e))).toEqual([]);
});

test('a paid part copied into another article does not open there, even with its slug', async ({ page }) => {
  const budget = data(`articles/${BUDGET}.json`);
  await page.route(`**/data/articles/${PLAYBOOK}.json`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.paid_body = budget.paid_body;
    json.meta.slug = BUDGET;
    await route.fulfill({ response, body: JSON.stringify(json) });
  });
  await unlockWith(page, 'k2026-11');
  await page.goto(`./articles/${PLAYBOOK}`);
  await ready(page);
  await expect(page.getByRole('alert')).toContainText('could not be unlocked');
  await expect(page.locator('.paid-body')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('PAID-REF');
});

test('a wrong key gives a clear message; a malformed one is refused with the reason', async ({ page }) => {
  const wrong = `paid.k2026-11.${Buffer.alloc(32, 7).toString('base64url')}`;
  await page.goto(`./unlock#k=${wrong}`);
  await ready(page);
  await expect(page.getByRole('main').getByRole('status')).toContainText('Unlocked');
  await page.goto(`./articles/${BUDGET}`);
  await ready(page);
  await expect(page.getByRole('alert')).toContainText('your key “k2026-11” for paid subscribers did not open it');
  await expect(page.locator('.paid-body')).toHaveCount(0);

  await page.goto('./unlock');
  await ready(page);
  await page.getByLabel('Unlock link or key').fill('hello');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('not a subscriber key');
  await page.goto(`./unlock#k=paid.k2026-11.tooShort`);
  await ready(page);
  await expect(page.getByRole('alert')).toContainText('damaged');
  expect(page.url()).not.toContain('#');
});

test('a link with the same key id but another secret keeps the working key and says so', async ({ page }) => {
  const junk = `paid.k2026-11.${Buffer.alloc(32, 7).toString('base64url')}`;
  await unlockWith(page, 'k2026-11');
  await page.goto(`./articles/${BUDGET}`);
  await ready(page);
  await page.goto(`./unlock#k=${junk}`);
  await ready(page);
  const conflict = page.locator('.key-conflict');
  await expect(conflict).toContainText('Your current key was kept');
  await expect(conflict).toContainText('You already have a key for paid subscribers (“k2026-11”); this link\'s key differs');
  expect(page.url()).not.toContain('#');
  await expect(page.locator('.key-list li')).toHaveCount(1);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
  await page.goto(`./articles/${BUDGET}`);
  await ready(page);
  await expect(page.locator('.paid-body')).toContainText('PAID-REF-BUDGET-TRAFFIC');

  // The same key again changes nothing; the reader may keep theirs, or replace it on request.
  await page.goto(`./unlock#k=${demoToken('k2026-11')}`);
  await ready(page);
  await expect(page.getByRole('main').getByRole('status')).toContainText('You already have this key');
  await page.goto(`./unlock#k=${junk}`);
  await ready(page);
  await page.getByRole('button', { name: 'Keep current key' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('Your current key “k2026-11” was kept');
  await page.goto(`./articles/${BUDGET}`);
  await ready(page);
  await expect(page.locator('.paid-body')).toContainText('PAID-REF-BUDGET-TRAFFIC');
  await page.goto(`./unlock#k=${junk}`);
  await ready(page);
  await page.getByRole('button', { name: "Replace with this link's key" }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('status')).toContainText('Key replaced');
  await page.goto(`./articles/${BUDGET}`);
  await ready(page);
  await expect(page.getByRole('alert')).toContainText('did not open it');
});

test('axe finds no violations on unlocked and unlock pages', async ({ page }) => {
  await unlockWith(page, 'k2026-11');
  for (const path of ['./unlock', `./weekly/${WEEK}`, `./articles/${BUDGET}`, `./articles/${PLAYBOOK}`]) {
    await page.goto(path);
    await h1(page);
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
  }
});
