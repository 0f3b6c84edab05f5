// The expected return date on the built example site, in headless Chromium
// from file://, with the clock set to a fixed moment (Date replaced before
// the page's scripts run) in Vietnam's time zone. Run by tests/due_dates.rs:
//   SITE_DIR=/abs/public node --test tests/due/browser.test.js
// (a site built with --date 2026-12-07). CHROMIUM overrides /usr/bin/chromium.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const puppeteer = require('puppeteer-core');

const site = process.env.SITE_DIR;
const THREE_DAYS = 'ho-tich/dang-ky-khai-sinh-ket-hop-nhan-cha-me-con/index.html'; // 03 ngày làm việc
const SAME_DAY = 'ho-tich/dang-ky-khai-sinh/index.html'; // trong ngày, cutoff 15:00
const HANDOUT = 'posters/hoa-giai-o-co-so/cong-nhan-hoa-giai-vien/huong-dan.html'; // 05 ngày làm việc
const POSTER = 'posters/ho-tich/dang-ky-khai-sinh-ket-hop-nhan-cha-me-con/index.html';
let browser;

before(async () => {
  assert.ok(site && fs.existsSync(path.join(site, THREE_DAYS)), 'SITE_DIR must hold the built example site');
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});
after(async () => { if (browser) await browser.close(); });

/** Opens rel at the moment `at` (an ISO instant), in time zone `zone`. */
async function open(rel, { at = '2026-12-07T10:15:00+07:00', zone = 'Asia/Ho_Chi_Minh', js = true, width = 1024 } = {}) {
  const page = await browser.newPage();
  const errors = [];
  const external = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith('file://')) external.push(r.url()); });
  await page.setJavaScriptEnabled(js);
  await page.setViewport({ width, height: 800 });
  await page.emulateTimezone(zone);
  await page.evaluateOnNewDocument((t) => {
    const Real = Date;
    class Fixed extends Real {
      constructor(...a) { if (a.length) super(...a); else super(t); }
      static now() { return t; }
    }
    globalThis.Date = Fixed;
  }, Date.parse(at));
  await page.goto('file://' + path.join(site, rel), { waitUntil: 'load' });
  return { page, errors, external };
}

const dueText = (page) => page.$eval('.due', (el) => el.textContent);
const dueDate = (page) => page.$eval('.due', (el) => (el.querySelector('.due-date') || {}).textContent || '');

test('a procedure page says when the result is expected, for today', async () => {
  const { page, errors, external } = await open(THREE_DAYS);
  assert.strictEqual(await dueDate(page),
    'Nếu nộp đủ hồ sơ hôm nay (thứ Hai, 07/12/2026): dự kiến trả kết quả thứ Năm, 10/12/2026.');
  assert.match(await dueText(page), /Tính từ ngày làm việc tiếp theo sau ngày nhận đủ hồ sơ/);
  assert.deepStrictEqual(errors, []);
  assert.deepStrictEqual(external, [], 'no request leaves the computer');
  await page.close();
});

test('after the cut-off, and on a Friday after it, the next working day counts', async () => {
  let { page } = await open(SAME_DAY, { at: '2026-12-07T16:00:00+07:00' });
  assert.strictEqual(await dueDate(page),
    'Nếu nộp đủ hồ sơ vào ngày làm việc tiếp theo (thứ Ba, 08/12/2026): dự kiến trả kết quả thứ Ba, 08/12/2026.');
  await page.close();
  ({ page } = await open(SAME_DAY, { at: '2026-12-11T15:30:00+07:00' }));
  assert.match(await dueDate(page), /\(thứ Hai, 14\/12\/2026\): dự kiến trả kết quả thứ Hai, 14\/12\/2026\.$/);
  await page.close();
  ({ page } = await open(SAME_DAY, { at: '2026-12-11T14:00:00+07:00' }));
  assert.match(await dueDate(page), /hôm nay \(thứ Sáu, 11\/12\/2026\): dự kiến trả kết quả thứ Sáu, 11\/12\/2026\.$/);
  await page.close();
});

test('the date is Vietnam\'s, whatever the device\'s time zone', async () => {
  // 22:30 on Sunday in New York is 10:30 on Monday in Hà Nội.
  const { page } = await open(THREE_DAYS, { at: '2026-12-07T10:30:00+07:00', zone: 'America/New_York' });
  assert.match(await dueDate(page), /hôm nay \(thứ Hai, 07\/12\/2026\): dự kiến trả kết quả thứ Năm, 10\/12\/2026/);
  await page.close();
});

test('without JavaScript the rule is there in words, and no date', async () => {
  const { page } = await open(THREE_DAYS, { js: false });
  const text = await dueText(page);
  assert.match(text, /Tính từ ngày làm việc tiếp theo sau ngày nhận đủ hồ sơ; không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết\./);
  assert.match(text, /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/);
  assert.strictEqual(await dueDate(page), '');
  const label = await page.$eval('.due', (el) => el.previousElementSibling.textContent);
  assert.strictEqual(label, 'Ngày trả kết quả dự kiến');
  await page.close();
});

test('on a 360 px phone the line wraps, nothing scrolls sideways', async () => {
  const { page } = await open(THREE_DAYS, { width: 360 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `${wide}px too wide`);
  await page.close();
});

test('the handout fills its line when printed from a browser, and leaves a blank without', async () => {
  let { page, errors } = await open(HANDOUT);
  const value = 'thứ Hai, 14/12/2026 (nộp ngày 07/12/2026)';
  const line = () => page.$eval('.due-line', (el) => el.textContent);
  assert.strictEqual(await line(), `Ngày hẹn trả dự kiến: ${value}`);
  assert.deepStrictEqual(errors, []);
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'due-')), 'handout.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  let printed = '';
  try { printed = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().normalize('NFC'); } catch (e) { printed = null; }
  if (printed !== null) {
    assert.match(printed.replace(/\s+/g, ' '), /Ngày hẹn trả dự kiến: thứ Hai, 14\/12\/2026 \(nộp ngày 07\/12\/2026\)/);
    const sheets = await page.$$eval('.sheet', (s) => s.length);
    const pages = +execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1];
    assert.strictEqual(pages, sheets, 'the filled line keeps the sheets planned');
  }
  await page.close();
  ({ page } = await open(HANDOUT, { js: false }));
  assert.strictEqual(await line(), 'Ngày hẹn trả dự kiến: ……/……/………… (nộp ngày ……/……/…………)');
  await page.close();
});

test('the A4 wall poster carries the deadline rule, never a date', async () => {
  const { page } = await open(POSTER);
  const text = await page.evaluate(() => document.body.textContent);
  assert.strictEqual(await page.$('[data-due]'), null);
  assert.ok(!/dự kiến/.test(text), 'no expected date on the wall');
  assert.match(text, /03 ngày làm việc/);
  await page.close();
});

test('search results show the expected date after the deadline', async () => {
  const q = 'khai sinh ket hop nhan cha me con';
  const { page, errors } = await open('search/index.html?q=' + encodeURIComponent(q));
  await page.waitForFunction((want) => document.getElementById('results').dataset.query === want, { timeout: 10000 }, q);
  const first = await page.$eval('#results > li', (li) => li.textContent);
  assert.match(first, /Thời hạn giải quyết: 03 ngày làm việc · Dự kiến trả: thứ Năm, 10\/12\/2026 \(nộp hôm nay\) · Phí, lệ phí: /);
  assert.deepStrictEqual(errors, []);
  await page.close();
});
