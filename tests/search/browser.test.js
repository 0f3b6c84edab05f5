// The search page in headless Chromium, opened from file:// WITHOUT
// --allow-file-access-from-files (as citizens' browsers are): every vector
// query typed with real key events, its expected title first.
// SITE_DIR (default: the example site written by the Rust test) may point at
// a real public/. CHROMIUM overrides /usr/bin/chromium.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { SITE_DIR, VECTORS, requireSite } = require('./common.js');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

async function launch() {
  const puppeteer = require('puppeteer-core');
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

function pageUrl(dir, q) {
  const u = pathToFileURL(path.join(dir, 'search', 'index.html')).href;
  return q === undefined ? u : `${u}?q=${encodeURIComponent(q)}`;
}

async function open(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

async function typeQuery(page, q) {
  if (await page.$eval('#q', (i) => i.value !== '')) {
    await page.click('#q', { clickCount: 3 });
    await page.keyboard.press('Backspace');
  }
  await page.waitForFunction(() => document.getElementById('results').dataset.query === '', { timeout: 5000 });
  await page.type('#q', q);
  await page.waitForFunction(
    (want) => document.getElementById('results').dataset.query === want, { timeout: 5000 }, q);
  return page.evaluate(() => {
    const lis = [...document.querySelectorAll('#results > li')];
    return {
      first: lis.length ? lis[0].querySelector('a').textContent : '(none)',
      firstText: lis.length ? lis[0].textContent : '',
      href: lis.length ? lis[0].querySelector('a').getAttribute('href') : '',
      count: lis.length,
      status: document.getElementById('search-status').textContent,
      url: location.search,
      error: document.getElementById('results').dataset.error || '',
    };
  });
}

test('search page in Chromium from file://', { timeout: 300000 }, async (t) => {
  requireSite();
  assert.ok(fs.existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  const browser = await launch();
  try {
    await t.test('every vector query, typed key by key, puts its title first', async () => {
      const { page, errors } = await open(browser, pageUrl(SITE_DIR));
      const failed = [];
      for (const { q, first } of VECTORS.queries) {
        const r = await typeQuery(page, q);
        assert.strictEqual(r.error, '', `index error for ${q}`);
        if (r.first !== first) failed.push(`${JSON.stringify(q)}: want ${first}, got ${r.first}`);
        else {
          assert.ok(r.firstText.startsWith(first), 'link text begins with the title');
          assert.ok(r.href.startsWith('../'), r.href);
          assert.ok(r.status.includes('kết quả'), r.status);
        }
      }
      assert.deepStrictEqual(failed, []);
      assert.deepStrictEqual(errors, []);
      await page.close();
    });

    await t.test('question vectors on the site without aliases (how citizens ask)', async (tt) => {
      const na = process.env.SITE_NA;
      if (!na || !fs.existsSync(path.join(na, 'search', 'index.html'))) return tt.skip('no site without aliases (SITE_NA)');
      const { page, errors } = await open(browser, pageUrl(na));
      const failed = [];
      for (const { q, first, miss } of VECTORS.questions) {
        if (miss) continue;
        await page.$eval('#q', (i, v) => { i.value = v; i.dispatchEvent(new Event('input')); }, q);
        await page.waitForFunction(
          (want) => document.getElementById('results').dataset.query === want, { timeout: 5000 }, q);
        const got = await page.$eval('#results', (l) => (l.querySelector('li a') || {}).textContent || '(none)');
        if (got !== first) failed.push(`${JSON.stringify(q)}: want ${first}, got ${got}`);
      }
      assert.deepStrictEqual(failed, []);
      // "bao lâu" asks for the deadline: it comes first, in bold.
      await page.$eval('#q', (i) => { i.value = 'đăng ký kết hôn mất bao lâu'; i.dispatchEvent(new Event('input')); });
      await page.waitForFunction(() => document.getElementById('results').dataset.query === 'đăng ký kết hôn mất bao lâu');
      const asked = await page.$eval('#results li strong.asked', (b) => b.textContent);
      assert.match(asked, /^Thời hạn giải quyết/);
      // A word found nowhere is left out, and the status says which.
      await page.$eval('#q', (i) => { i.value = 'đăng ký khai sinh xyzzyq'; i.dispatchEvent(new Event('input')); });
      await page.waitForFunction(() => document.getElementById('results').dataset.query === 'đăng ký khai sinh xyzzyq');
      const st = await page.$eval('#search-status', (s) => s.textContent);
      assert.match(st, /^Không thấy từ “xyzzyq”.*bỏ qua\. /);
      assert.deepStrictEqual(errors, []);
      await page.close();
    });

    await t.test('?q= on load fills the box and shows results; Back-friendly URL', async () => {
      const { page, errors } = await open(browser, pageUrl(SITE_DIR, 'dang ky khai sinh'));
      await page.waitForFunction(() => document.getElementById('results').dataset.query === 'dang ky khai sinh');
      const r = await page.evaluate(() => ({
        value: document.getElementById('q').value,
        first: document.querySelector('#results > li a').textContent,
        meta: document.querySelector('#results > li .meta').textContent,
      }));
      assert.strictEqual(r.value, 'dang ky khai sinh');
      assert.strictEqual(r.first, 'Đăng ký khai sinh');
      // Labelled facts; the code, which means little to a citizen, last.
      assert.match(r.meta, /^Hộ tịch · Thời hạn giải quyết: .+ · Phí, lệ phí: .+ · Mã 1\.001193$/);
      const typed = await typeQuery(page, 'chu ki');
      assert.strictEqual(typed.url, '?q=chu%20ki', 'replaceState keeps the query in the URL');
      assert.deepStrictEqual(errors, []);
      await page.close();
    });

    await t.test('the query is never inserted as HTML', async () => {
      const { page } = await open(browser, pageUrl(SITE_DIR));
      const evil = '<img src=x onerror="window.pwned=1">khai sinh';
      const r = await typeQuery(page, evil);
      const state = await page.evaluate(() => ({
        pwned: window.pwned === 1,
        imgs: document.querySelectorAll('main img').length,
      }));
      assert.strictEqual(state.pwned, false);
      assert.strictEqual(state.imgs, 0);
      assert.ok(r.status.includes('<img src=x'), 'shown as text');
      await page.close();
    });

    await t.test('no match: a message with a hint; empty query: the A–Z list again', async () => {
      const { page } = await open(browser, pageUrl(SITE_DIR));
      // The A–Z list is the visible list for an empty query, results (the
      // list with id results) replace it for a query.
      const visible = () => page.$$eval('ol.results', (ls) => ls.filter((l) => !l.hidden).map((l) => [l.id, l.children.length]));
      const all = (await visible())[0];
      assert.strictEqual(all[0], '');
      assert.ok(all[1] >= 30, 'the A–Z list');
      const r = await typeQuery(page, 'qqqqq zzzzz');
      assert.strictEqual(r.count, 0);
      assert.match(r.status, /^Không tìm thấy .*bớt từ/);
      assert.deepStrictEqual(await visible(), [['results', 0]]);
      // Never a blank page: the closest procedures (if any) and every field.
      const sug = await page.$eval('.search-suggest', (d) => ({
        hidden: d.hidden,
        fields: [...d.querySelectorAll('.search-fields a')].map((a) => [a.textContent, a.getAttribute('href')]),
      }));
      assert.strictEqual(sug.hidden, false);
      assert.ok(sug.fields.length >= 10, JSON.stringify(sug.fields));
      assert.ok(sug.fields.every(([, h]) => /^\.\.\/[a-z0-9-]+\/index\.html$/.test(h)), JSON.stringify(sug.fields));
      const near = await typeQuery(page, 'khai sinx ketxx');
      const closest = await page.$$eval('.search-suggest ul:not(.search-fields) a', (as) => as.map((a) => a.textContent));
      if (!near.count) assert.ok(closest.length >= 1, 'closest procedures for a misspelt query');
      await page.click('#q', { clickCount: 3 });
      await page.keyboard.press('Backspace');
      await page.waitForFunction(() => document.getElementById('results').dataset.query === '');
      assert.deepStrictEqual(await visible(), [all]);
      await page.close();
    });

    await t.test('a stale cached search.js loads the runtime the index names', async () => {
      // A browser that kept search.js of an earlier build meets a new index:
      // meta.js (never cached) names the runtime version; the old runtime
      // loads search.js?v=<that version> and never wires the page itself.
      const os = require('node:os');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'niemyet-stale-'));
      try {
        fs.cpSync(SITE_DIR, dir, { recursive: true });
        // The page gets the old runtime (search.js of another version; from
        // file:// there is no cache, so it is another file here).
        const src = fs.readFileSync(path.join(dir, 'search', 'search.js'), 'utf8');
        const version = /var VERSION = '([0-9a-f]+)';/.exec(src)[1];
        fs.writeFileSync(path.join(dir, 'search', 'old.js'),
          src.replace(`var VERSION = '${version}';`, "var VERSION = '0000000000';"));
        const html = path.join(dir, 'search', 'index.html');
        const page0 = fs.readFileSync(html, 'utf8');
        assert.ok(page0.includes('search/search.js"'));
        fs.writeFileSync(html, page0.replace('search/search.js"', 'search/old.js"'));
        const page = await browser.newPage();
        const requests = [];
        page.on('request', (req) => requests.push(req.url()));
        await page.goto(pageUrl(dir), { waitUntil: 'load' });
        const r = await typeQuery(page, 'dang ky khai sinh');
        assert.strictEqual(r.error, '');
        assert.strictEqual(r.first, 'Đăng ký khai sinh');
        assert.ok(requests.some((u) => u.includes(`search.js?v=${version}`)), requests.join('\n'));
        assert.strictEqual(await page.$$eval('.search-more', (b) => b.length), 1, 'wired once');
        await page.close();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    await t.test('English UI when <html lang="en">', async (tt) => {
      const en = SITE_DIR.replace(/search-site$/, 'search-site-en');
      if (en === SITE_DIR || !fs.existsSync(en)) return tt.skip('no English example page');
      const { page } = await open(browser, pageUrl(en));
      let r = await typeQuery(page, 'khai sinh');
      assert.match(r.status, /^\d+ results for “khai sinh”$/);
      r = await typeQuery(page, 'qqqqq');
      assert.match(r.status, /^No procedure found for “qqqqq”\. Try fewer/);
      await page.close();
    });

    await t.test('only results with every word; else the closest, said so', async () => {
      const { page } = await open(browser, pageUrl(SITE_DIR));
      const moreShown = () => page.$eval('.search-more', (b) => getComputedStyle(b).display !== 'none');
      // The empty query invites typing (JavaScript is on) above the A–Z list.
      let status = await page.$eval('#search-status', (s) => s.textContent);
      assert.match(status, /^Gõ tên thủ tục/);
      assert.strictEqual(await moreShown(), false);
      // Motorbike registration is no ward procedure here, and "xe" no word
      // of the catalogue: it is left out, and the status says so.
      let r = await typeQuery(page, 'dang ky xe may');
      assert.match(r.status, /^Không thấy từ “xe” ở thủ tục nào, đã bỏ qua\. \d+ kết quả cho/);
      assert.ok(r.count > 0);
      // Every word is somewhere, no procedure has them all: the closest,
      // said so.
      r = await typeQuery(page, 'khai sinh liet si');
      assert.match(r.status, /^Không có thủ tục nào có đủ các từ “khai sinh liet si”; \d+ kết quả gần đúng:$/);
      assert.ok(r.count > 0);
      // Every word found: only procedures with all of them, fewer than
      // those with "khai" alone (before, their union).
      const total = async (q) => Number((await typeQuery(page, q)).status.match(/^(\d+) kết quả cho/)[1]);
      const [both, khai, hon] = [await total('khai ket hon'), await total('khai'), await total('ket hon')];
      assert.ok(both < khai && both <= hon, `${both} of ${khai} and ${hon}`);
      r = await typeQuery(page, 'khai tu');
      assert.match(r.status, /^\d+ kết quả cho “khai tu”$/);
      assert.strictEqual(r.first, 'Đăng ký khai tử');
      // No result: no "show more" button.
      r = await typeQuery(page, 'qqqqq zzzzz');
      assert.strictEqual(await moreShown(), false);
      await page.click('#q', { clickCount: 3 });
      await page.keyboard.press('Backspace');
      await page.waitForFunction(() => document.getElementById('results').dataset.query === '');
      status = await page.$eval('#search-status', (s) => s.textContent);
      assert.match(status, /^Gõ tên thủ tục/);
      await page.close();
    });

    await t.test('a procedure not yet in force: after the one in force, and says so', async () => {
      const { page } = await open(browser, pageUrl(SITE_DIR));
      await typeQuery(page, 'thu lao hoa giai vien');
      const rows = await page.$$eval('#results > li', (ls) => ls.map((l) => [
        l.querySelector('a').getAttribute('href'), l.querySelector('.meta').textContent]));
      assert.ok(rows.length >= 2, JSON.stringify(rows));
      assert.ok(!rows[0][0].includes('tu-2027'), JSON.stringify(rows));
      assert.ok(rows[1][0].includes('tu-2027'), JSON.stringify(rows));
      assert.match(rows[1][1], /^Hòa giải ở cơ sở · Sắp có hiệu lực từ ngày 01\/01\/2027 · /);
      await page.close();
    });

    await t.test('more than one page of results: a button shows the rest', async () => {
      const { page } = await open(browser, pageUrl(SITE_DIR));
      const r = await typeQuery(page, 'giay');
      const total = Number(r.status.match(/^(\d+)/)[1]);
      if (total <= r.count) return;
      assert.ok(r.count >= 10, 'a first page of results');
      await page.click('.search-more');
      await page.waitForFunction((n) => document.querySelectorAll('#results > li').length === n, {}, Math.min(total, 2 * r.count));
      await page.close();
    });
  } finally {
    await browser.close();
  }
});
