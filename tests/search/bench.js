#!/usr/bin/env node
// Search benchmark in headless Chromium over a site opened from file://.
//   SITE_DIR=/tmp/sb2k/public node tests/search/bench.js
// For each query, in a fresh page: types it key by key (real key events),
// records keydown → results ready (results.dataset.query equals the box) per
// keystroke, and every index script the page loaded; sizes raw and gzipped
// (gzip -6, what a web server would send) are read from disk.
// Queries: fixed ones plus the first words of 16 titles spread over the site.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { pathToFileURL, fileURLToPath } = require('node:url');
const { SITE_DIR, runtime } = require('./common.js');

const gz = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 6 }).length;
const raw = (f) => fs.statSync(f).size;
const pct = (a, p) => a.slice().sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))];

async function main() {
  const puppeteer = require('puppeteer-core');
  const page0 = path.join(SITE_DIR, 'search', 'index.html');
  const html = fs.readFileSync(page0, 'utf8');
  const titles = [...html.matchAll(/<li><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
  const { NS } = runtime();
  const picked = [];
  for (let i = 0; i < 16; i++) picked.push(titles[Math.floor((i + 0.5) * titles.length / 16)]);
  const queries = ['dang ky khai sinh', 'chu ki', 'khai sin', 'giay xac nhan', 'ho tro',
    ...picked.map((t) => NS.fold(t).split(' ').slice(0, 4).join(' '))];
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const rows = [];
  const allLat = [];
  const runtimeFiles = ['search.js', 'idx/meta.js'].map((f) => path.join(SITE_DIR, 'search', f));
  for (const q of queries) {
    const page = await browser.newPage();
    const loaded = new Set();
    let key = -1;
    const perKey = [];
    page.on('request', (r) => {
      const u = r.url().replace(/[?#].*$/, '');
      if (!u.startsWith('file:') || !u.endsWith('.js')) return;
      const f = fileURLToPath(u);
      if (!loaded.has(f) && key >= 0) (perKey[key] = perKey[key] || []).push(f);
      loaded.add(f);
    });
    await page.goto(pathToFileURL(page0).href, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('results').dataset.query === '');
    await page.evaluate(() => {
      window.__lat = []; let t0 = 0;
      const input = document.getElementById('q'), list = document.getElementById('results');
      input.addEventListener('keydown', () => { t0 = performance.now(); }, true);
      new MutationObserver(() => {
        if (t0 && list.dataset.query === input.value) { window.__lat.push(performance.now() - t0); t0 = 0; }
      }).observe(list, { attributes: true, attributeFilter: ['data-query'] });
    });
    await page.click('#q');
    for (const ch of q) {
      key++;
      await page.keyboard.type(ch);
      await page.waitForFunction(() => document.getElementById('results').dataset.query === document.getElementById('q').value);
    }
    const lat = await page.evaluate(() => window.__lat);
    const first = await page.evaluate(() => { const a = document.querySelector('#results > li a'); return a ? a.textContent : '(none)'; });
    await page.close();
    // The same query opened directly as ?q= (what a shared link costs).
    const page2 = await browser.newPage();
    const direct = new Set();
    page2.on('request', (r) => {
      const u = r.url().replace(/[?#].*$/, '');
      if (u.startsWith('file:') && u.endsWith('.js')) direct.add(fileURLToPath(u));
    });
    await page2.goto(`${pathToFileURL(page0).href}?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
    await page2.waitForFunction((w) => document.getElementById('results').dataset.query === w, {}, q);
    await page2.close();
    const files = [...loaded];
    const sum = (fs_, f) => fs_.reduce((a, x) => a + f(x), 0);
    // Bytes by kind (src/search/index.rs): w = vocabulary, s = head postings,
    // b = body postings, n = terms with digits, d = display rows, other =
    // search.js and meta.js.
    const kind = (f) => { const m = /^([wsbnd])[0-9.]/.exec(path.basename(f)); return m ? m[1] : 'other'; };
    const byKind = {};
    for (const f of files) byKind[kind(f)] = (byKind[kind(f)] || 0) + gz(f);
    rows.push({ q, first, keys: lat.length, median: pct(lat, 0.5), max: Math.max(...lat),
      lat: lat.map((x) => Math.round(x)), perKeyGz: Array.from(perKey, (l) => (l ? sum(l, gz) : 0)), byKind,
      typedFiles: files.length, typedRaw: sum(files, raw), typedGz: sum(files, gz),
      directFiles: direct.size, directRaw: sum([...direct], raw), directGz: sum([...direct], gz) });
    allLat.push(...lat);
  }
  await browser.close();
  const site = path.join(SITE_DIR, 'search');
  const idx = fs.readdirSync(path.join(site, 'idx')).map((f) => path.join(site, 'idx', f));
  const out = {
    site: SITE_DIR,
    procedures: titles.length,
    runtime: { raw: sum2(runtimeFiles, raw), gz: sum2(runtimeFiles, gz) },
    indexTotal: { files: idx.length, raw: sum2(idx, raw), gz: sum2(idx, gz) },
    page: { raw: raw(page0), gz: gz(page0) },
    keystrokes: { n: allLat.length, median: pct(allLat, 0.5), p95: pct(allLat, 0.95), max: Math.max(...allLat) },
    worstTypedGz: Math.max(...rows.map((r) => r.typedGz)),
    worstDirectGz: Math.max(...rows.map((r) => r.directGz)),
    rows,
  };
  console.log(JSON.stringify(out, (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10) / 10 : v), 1));
}
function sum2(files, f) { return files.reduce((a, x) => a + f(x), 0); }

main().catch((e) => { console.error(e); process.exit(1); });
