// The kiosk (kiosk/index.html) on a touch screen, in headless Chromium
// from file://, as the office's kiosk computer opens it.
//   SITE_DIR=/abs/public [SHOT_DIR=/abs/dir] node --test tests/browser/kiosk.test.js
// Run by tests/kiosk.rs after it builds the example site. With SHOT_DIR
// every screen at every size is saved there as a PNG, to be looked at.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');
const puppeteer = require('puppeteer-core');

const site = process.env.SITE_DIR;
const shots = process.env.SHOT_DIR;
const kiosk = 'file://' + path.join(site || '', 'kiosk/index.html');
const SIZES = [[1080, 1920], [1920, 1080], [1366, 768]];
// Where a kiosk page may read from: its own files and the site's assets
// and search index; the handout it prints.
const ALLOWED = ['kiosk/', 'assets/', 'search/', 'posters/'].map((d) => 'file://' + path.join(site || '', d));
let browser;

before(async () => {
  assert.ok(site && fs.existsSync(path.join(site, 'kiosk/index.html')), 'SITE_DIR must hold a built site with a kiosk');
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});
after(async () => { if (browser) await browser.close(); });

/** A page at a touch-screen size that records every request it makes. */
async function touchPage([width, height]) {
  const page = await browser.newPage();
  await page.setViewport({ width, height, hasTouch: true });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, requests, errors };
}

function outside(requests) {
  return requests.filter((u) => !ALLOWED.some((a) => u.split(/[?#]/)[0].startsWith(a)));
}

async function ready(page, route) {
  await page.waitForFunction((r) => document.body.dataset.state === 'ready' && document.body.dataset.route === r,
    { timeout: 10000 }, route);
}

async function open(page, query, route) {
  await page.goto(kiosk + query + (route ? '#' + route : ''), { waitUntil: 'load' });
  await ready(page, route);
}

/** Taps the centre of the element `selector` (the first one shown). */
async function tap(page, selector) {
  const box = await page.evaluate((sel) => {
    const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  assert.ok(box, `nothing to tap at ${selector}`);
  await page.touchscreen.tap(box.x, box.y);
}

async function typeOnScreen(page, text) {
  for (const ch of text) await tap(page, `.k-key[data-key="${ch}"]`);
}

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const r = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return r.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** What a screen must be at any size: nothing sideways or cut off at the
 * sides, every target at least 60×60, text at least 24 px. */
async function measure(page) {
  return page.evaluate(() => {
    const shown = (e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.vh');
    const all = [...document.querySelectorAll('body *')].filter(shown);
    const W = innerWidth;
    const cut = all.filter((e) => { const r = e.getBoundingClientRect(); return r.width && (r.right > W + 0.5 || r.left < -0.5); })
      .filter((e) => !e.closest('.k-print-frame'))
      .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className} “${(e.textContent || '').trim().slice(0, 30)}”`);
    const small = [...document.querySelectorAll('a, button')].filter(shown)
      .map((e) => { const r = e.getBoundingClientRect(); return [(e.textContent || '').trim().slice(0, 20), Math.round(r.width), Math.round(r.height)]; })
      .filter(([, w, h]) => w < 60 || h < 60);
    const tiny = all.filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      .map((e) => [e.tagName.toLowerCase() + '.' + e.className, parseFloat(getComputedStyle(e).fontSize)])
      .filter(([, px]) => px < 24).slice(0, 5);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: W, cut, small, tiny };
  });
}

async function checkScreen(page, name, size) {
  const m = await measure(page);
  assert.ok(m.scrollWidth <= m.innerWidth, `${name}: scrolls sideways (${m.scrollWidth} > ${m.innerWidth})`);
  assert.deepStrictEqual(m.cut, [], `${name}: cut off at the sides`);
  assert.deepStrictEqual(m.small, [], `${name}: targets under 60×60 px`);
  assert.deepStrictEqual(m.tiny, [], `${name}: text under 24 px`);
  if (shots) await page.screenshot({ path: path.join(shots, `${name}-${size[0]}x${size[1]}.png`) });
  assert.deepStrictEqual(await axe(page), [], `${name}: axe`);
}

/** Every screen, by the route it is reached at. */
const SCREENS = [
  ['start', ''],
  ['field', 'f=ho-tich'],
  ['procedure', 'p=ho-tich/dang-ky-khai-sinh'],
  ['notices', 'thong-bao'],
  ['search', 'tim'],
];

for (const size of SIZES) {
  test(`every screen at ${size[0]}×${size[1]}: nothing cut off, big targets and text, axe clean, no request out`, async () => {
    const { page, requests, errors } = await touchPage(size);
    for (const [name, route] of SCREENS) {
      await open(page, '?idle=600', route);
      if (name === 'search') {
        await typeOnScreen(page, 'khai sinh');
        await page.waitForFunction(() => document.getElementById('k-results').dataset.query === 'khai sinh'
          && document.querySelectorAll('#k-results a').length > 0);
      }
      await checkScreen(page, name, size);
      if (name === 'procedure') {
        await tap(page, '[data-more]');
        await page.waitForFunction(() => !document.getElementById('k-more').hidden);
        await checkScreen(page, 'procedure-more', size);
      }
    }
    // The countdown: one second of idleness, a long countdown to look at.
    await open(page, '?idle=1&warn=60', 'p=ho-tich/dang-ky-khai-sinh');
    await page.waitForFunction(() => document.getElementById('k-idle').open, { timeout: 5000 });
    await checkScreen(page, 'idle', size);
    assert.deepStrictEqual(outside(requests), [], 'requests outside the kiosk and the site assets');
    assert.deepStrictEqual(errors, []);
    await page.close();
  });
}

test('typed by tapping, a result opened, then left alone: the next person finds a clean start screen', async () => {
  const { page, requests, errors } = await touchPage([1080, 1920]);
  await open(page, '?idle=2&warn=2', '');
  const length0 = await page.evaluate(() => history.length);
  await tap(page, 'a[href="#tim"]');
  await ready(page, 'tim');
  await typeOnScreen(page, 'khai sin');
  await page.waitForFunction(() => document.getElementById('k-results').dataset.query === 'khai sin');
  assert.strictEqual(await page.$eval('#k-q', (e) => e.value), 'khai sin');
  const first = await page.$eval('#k-results a .k-title', (e) => e.textContent);

  // The same engine, index and ranking as the website's search page.
  const site = await browser.newPage();
  await site.goto('file://' + path.join(process.env.SITE_DIR, 'search/index.html') + '?q=khai%20sin', { waitUntil: 'load' });
  await site.waitForFunction(() => document.getElementById('results').dataset.query === 'khai sin');
  const webTitles = await site.$$eval('#results a', (as) => as.map((a) => a.textContent));
  const kioskTitles = await page.$$eval('#k-results a .k-title', (as) => as.map((a) => a.textContent));
  assert.deepStrictEqual(kioskTitles, webTitles.slice(0, kioskTitles.length));
  await site.close();

  await tap(page, '#k-results a');
  await ready(page, 'p=ho-tich/dang-ky-khai-sinh');
  assert.strictEqual(await page.$eval('#k-proc h1', (e) => e.textContent), first);
  assert.strictEqual(first, 'Đăng ký khai sinh');
  assert.strictEqual(await page.evaluate(() => history.length), length0, 'screens add no history entry');

  // "Quay lại" returns to the results, the query still there.
  await tap(page, '[data-go="back"]');
  await ready(page, 'tim');
  assert.strictEqual(await page.$eval('#k-q', (e) => e.value), 'khai sin');
  await tap(page, '#k-results a');
  await ready(page, 'p=ho-tich/dang-ky-khai-sinh');

  // Left alone: the question, then the start screen loaded afresh.
  await page.waitForFunction(() => document.getElementById('k-idle').open, { timeout: 6000 });
  await page.waitForNavigation({ timeout: 8000 });
  await ready(page, '');
  const after = await page.evaluate(() => ({
    hash: location.hash, q: document.getElementById('k-q').value,
    results: document.querySelectorAll('#k-results li').length, length: history.length,
    text: document.body.innerText,
  }));
  assert.strictEqual(after.hash, '');
  assert.strictEqual(after.q, '');
  assert.strictEqual(after.results, 0);
  assert.ok(!after.text.includes('khai sin'), 'the query is nowhere on the page');
  assert.strictEqual(after.length, length0, 'the reset adds no history entry');
  // Back has nothing of the last person's to return to.
  const back = await page.goBack({ timeout: 3000 }).catch(() => null);
  const now = await page.evaluate(() => ({ url: location.href, q: document.getElementById('k-q') ? document.getElementById('k-q').value : '' }));
  assert.ok(back === null || !/#(tim|p=)/.test(now.url), `Back led to ${now.url}`);
  assert.strictEqual(now.q, '');
  assert.deepStrictEqual(outside(requests), []);
  assert.deepStrictEqual(errors, []);
  await page.close();
});

test('"Còn, tiếp tục" keeps the screen; text size and contrast are reset with the rest', async () => {
  const { page } = await touchPage([1366, 768]);
  await open(page, '?idle=1&warn=30', 'p=ho-tich/dang-ky-khai-sinh');
  await tap(page, '[data-act="larger"]');
  await tap(page, '[data-act="contrast"]');
  const big = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(big > 26, `A+ makes the text larger (${big}px)`);
  await page.waitForFunction(() => document.getElementById('k-idle').open, { timeout: 5000 });
  await tap(page, '#k-idle-continue');
  await page.waitForFunction(() => !document.getElementById('k-idle').open);
  assert.strictEqual(await page.evaluate(() => document.body.dataset.route), 'p=ho-tich/dang-ky-khai-sinh');
  // High contrast passes axe too.
  assert.deepStrictEqual(await axe(page), []);
  // Now nobody answers: everything goes back to the defaults.
  await page.goto(kiosk + '?idle=1&warn=1#p=ho-tich/dang-ky-khai-sinh', { waitUntil: 'load' });
  await ready(page, 'p=ho-tich/dang-ky-khai-sinh');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('hc')), 'the preference held until the reset');
  await page.waitForNavigation({ timeout: 8000 });
  await ready(page, '');
  const prefs = await page.evaluate(() => ({ size: parseFloat(getComputedStyle(document.documentElement).fontSize), hc: document.documentElement.classList.contains('hc') }));
  assert.deepStrictEqual(prefs, { size: 26, hc: false });
  await page.close();
});

test('the largest text on a laptop screen: the typed words and the keyboard never overlap', async () => {
  const { page } = await touchPage([1366, 768]);
  await open(page, '?idle=600', '');
  await page.evaluate(() => localStorage.setItem('niemyet-prefs', JSON.stringify({ size: 2 })));
  await open(page, '?idle=600', 'tim');
  const m = await page.evaluate(() => {
    const q = document.getElementById('k-q').getBoundingClientRect();
    const key = document.querySelector('.k-key').getBoundingClientRect();
    return { q: q.bottom, key: key.top, sw: document.documentElement.scrollWidth, w: innerWidth };
  });
  assert.ok(m.q <= m.key, `the input (bottom ${m.q}) is above the keys (top ${m.key})`);
  assert.ok(m.sw <= m.w);
  await page.evaluate(() => localStorage.removeItem('niemyet-prefs'));
  await page.close();
});

test('no link leads out of the kiosk, on any screen of any field or procedure', async () => {
  const { page, requests } = await touchPage([1080, 1920]);
  await open(page, '?idle=600', '');
  const hrefs = async () => page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
  const bad = [];
  const seen = new Set();
  const queue = [''];
  while (queue.length) {
    const route = queue.shift();
    if (seen.has(route)) continue;
    seen.add(route);
    await page.evaluate((r) => window.niemyetKiosk.go(r), route);
    await ready(page, route);
    if (route.startsWith('p=')) {
      await tap(page, '[data-more]');
    }
    for (const h of await hrefs()) {
      if (!/^#(|tim|thong-bao|f=[a-z0-9-]+|p=[a-z0-9-]+\/[a-z0-9-]+)$/.test(h)) bad.push(`${route}: ${h}`);
      else if (!seen.has(h.slice(1))) queue.push(h.slice(1));
    }
  }
  assert.deepStrictEqual(bad, []);
  assert.ok([...seen].filter((r) => r.startsWith('p=')).length >= 30, `every procedure visited (${seen.size} screens)`);
  // No long-press menu, no selection, no drag, no pinch.
  const locked = await page.evaluate(() => {
    const ev = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.querySelector('h1').dispatchEvent(ev);
    const s = getComputedStyle(document.body);
    return { menu: ev.defaultPrevented, select: s.userSelect, touch: getComputedStyle(document.documentElement).touchAction };
  });
  assert.deepStrictEqual(locked, { menu: true, select: 'none', touch: 'pan-y' });
  assert.deepStrictEqual(outside(requests), []);
  await page.close();
});

test('"In giấy hướng dẫn" prints the A5 handout from a frame, with no dialog of its own', async () => {
  const { page, requests } = await touchPage([1920, 1080]);
  // Every frame's print() reports to the kiosk instead of printing.
  await page.evaluateOnNewDocument(() => {
    window.print = () => window.top.postMessage('printed ' + location.pathname, '*');
    if (window === window.top) {
      window.__printed = [];
      addEventListener('message', (e) => { if (String(e.data).startsWith('printed ')) window.__printed.push(e.data); });
    }
  });
  await open(page, '?idle=600', 'p=ho-tich/dang-ky-khai-sinh');
  await tap(page, '[data-print]');
  await page.waitForFunction(() => window.__printed.length > 0, { timeout: 10000 });
  const printed = await page.evaluate(() => window.__printed);
  assert.deepStrictEqual(printed, ['printed ' + path.join(process.env.SITE_DIR, 'posters/ho-tich/dang-ky-khai-sinh/huong-dan.html')]);
  assert.strictEqual(await page.evaluate(() => document.body.dataset.route), 'p=ho-tich/dang-ky-khai-sinh', 'the kiosk stays');
  assert.deepStrictEqual(outside(requests), []);
  await page.close();
});

test('the QR codes on a procedure screen decode to its public page and its form', async () => {
  const { page } = await touchPage([1080, 1920]);
  await open(page, '?idle=600', 'p=ho-tich/dang-ky-khai-sinh');
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'kiosk-qr-'));
  const decode = async (selector, name) => {
    const file = path.join(dir, name);
    const el = await page.$(selector);
    await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await el.screenshot({ path: file });
    return execFileSync('zbarimg', ['--nodbus', '--quiet', '--raw', file], { encoding: 'utf8' }).trim();
  };
  assert.strictEqual(await decode('.k-qr-big', 'page.png'), 'https://tthc.honglam.example/ho-tich/dang-ky-khai-sinh/');
  // The form's code, as the website's download link names the file.
  const html = fs.readFileSync(path.join(site, 'ho-tich/dang-ky-khai-sinh/index.html'), 'utf8');
  // (The first file the page links, quoted or not: a minified page drops quotes.)
  const form = /href="?([a-z0-9-]+\.(?:pdf|docx?|xlsx?|odt|ods))[" >]/.exec(html)[1];
  await tap(page, '.k-form [data-reveal]');
  assert.strictEqual(await decode('.k-form .k-qr-small', 'form.png'), 'https://tthc.honglam.example/ho-tich/dang-ky-khai-sinh/' + form);
  fs.rmSync(dir, { recursive: true });
  await page.close();
});

test('today\'s date comes from the browser, as the kiosk stays up for days', async () => {
  const { page } = await touchPage([1366, 768]);
  await page.emulateTimezone('Asia/Ho_Chi_Minh');
  await page.evaluateOnNewDocument(() => {
    const fixed = new Date('2027-02-01T08:05:00+07:00').getTime();
    const D = Date;
    class Fixed extends D { constructor(...a) { if (a.length) super(...a); else super(fixed); } static now() { return fixed; } }
    window.Date = Fixed;
  });
  await open(page, '?idle=600', '');
  const clock = await page.$eval('.k-clock', (e) => e.textContent.replace(/\s+/g, ' ').trim());
  assert.strictEqual(clock, 'Thứ Hai, ngày 01/02/2027 08:05');
  // The procedure screen: the expected return date, by the website's own
  // calculator (issue 21), from the same clock.
  await open(page, '?idle=600', 'p=ho-tich/dang-ky-khai-sinh');
  const due = await page.$eval('#k-proc [data-return-date]', (e) => (e.hidden ? '' : e.textContent));
  assert.match(due, /^Nếu nộp đủ hồ sơ hôm nay \(thứ Hai, 01\/02\/2027\): dự kiến trả kết quả (thứ|Chủ nhật).* \d\d\/\d\d\/2027\.$/);
  await page.close();
});
