// Accessibility and "works for an elderly citizen" checks on a built site,
// in headless Chromium from file:// (as the office kiosk opens it).
//   SITE_DIR=/abs/public node --test tests/browser/a11y.test.js
// Run by tests/browser_a11y.rs after it builds the example site.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const puppeteer = require('puppeteer-core');

const site = process.env.SITE_DIR;
const pages = [
  'index.html', 'ho-tich/index.html', 'ho-tich/dang-ky-khai-sinh/index.html',
  'chung-thuc/chung-thuc-chu-ky/index.html', 'danh-muc/index.html', 'lien-he/index.html',
  'notices/index.html', 'search/index.html', '404.html',
];
let browser;

before(async () => {
  assert.ok(site && fs.existsSync(path.join(site, 'index.html')), 'SITE_DIR must hold a built site');
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});
after(async () => { if (browser) await browser.close(); });

async function open(rel, { width = 1280, js = true, prefs = null } = {}) {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(js);
  await page.setViewport({ width, height: 900 });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = 'file://' + path.join(site, rel);
  if (prefs) {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate((p) => localStorage.setItem('niemyet-prefs', JSON.stringify(p)), prefs);
  }
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests };
}

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const r = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return r.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const rel of pages) {
  for (const width of [360, 1280]) {
    test(`axe finds nothing on ${rel} at ${width}px`, async () => {
      const { page, requests } = await open(rel, { width });
      assert.deepStrictEqual(await axe(page), []);
      const external = requests.filter((u) => !u.startsWith('file://'));
      assert.deepStrictEqual(external, [], 'a page makes no external request');
      await page.close();
    });
  }
}

test('high-contrast mode, chosen once, holds on the next page and passes axe', async () => {
  const { page } = await open('ho-tich/dang-ky-khai-sinh/index.html', { prefs: { hc: true, size: 2 } });
  assert.strictEqual(await page.evaluate(() => document.documentElement.classList.contains('hc')), true);
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(size >= 26, `A+ twice gives large text (${size}px)`);
  assert.deepStrictEqual(await axe(page), []);
  await page.close();
});

test('the text-size buttons work and are remembered', async () => {
  const { page } = await open('index.html', { prefs: {} });
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await page.click('[data-act="larger"]');
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(after > before, `${after} > ${before}`);
  await page.goto('file://' + path.join(site, 'danh-muc/index.html'), { waitUntil: 'load' });
  const kept = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.strictEqual(kept, after);
  await page.close();
});

test('at 360px and the largest text, no page scrolls sideways', async () => {
  // An old phone, A+ pressed twice: nothing may stick out (phone numbers,
  // dates and the search box were cut off before).
  const wide = [];
  for (const rel of pages) {
    const { page } = await open(rel, { width: 360, prefs: { size: 2 } });
    const out = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className} “${(e.textContent || '').trim().slice(0, 30)}”`));
    if (out.length) wide.push(`${rel}: ${out.join(', ')}`);
    await page.close();
  }
  assert.deepStrictEqual(wide, []);
});

test('body text is at least 18px and controls are at least 44px tall', async () => {
  const { page } = await open('ho-tich/dang-ky-khai-sinh/index.html', { width: 360, prefs: {} });
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize));
  assert.ok(size >= 18, `body text ${size}px`);
  const small = await page.evaluate(() => [...document.querySelectorAll('.menu a, .prefs button, button, .files a, .crumbs a')]
    .filter((e) => e.offsetParent !== null)
    .map((e) => [e.textContent.trim(), e.getBoundingClientRect().height])
    .filter(([, h]) => h < 44));
  assert.deepStrictEqual(small, [], 'tap targets under 44px');
  await page.close();
});

test('without JavaScript every page still reads, and the size buttons stay hidden', async () => {
  for (const rel of pages) {
    const { page } = await open(rel, { js: false });
    const h1 = await page.$eval('h1', (e) => e.textContent.trim());
    assert.ok(h1.length > 0, rel);
    const prefsShown = await page.evaluate(() => {
      const p = document.querySelector('.prefs');
      return p ? p.offsetParent !== null : false;
    });
    assert.strictEqual(prefsShown, false, `${rel}: controls that need JS are hidden without it`);
    await page.close();
  }
});
