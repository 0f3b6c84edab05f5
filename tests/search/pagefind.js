#!/usr/bin/env node
// Pagefind side by side (BENCHMARKS.md, Search). Pagefind cannot run from
// file:// (it fetch()es its index), so both sites are served over http from
// this script. For each query, in a fresh page of headless Chromium:
// - Pagefind: imports /pagefind/pagefind.js, search(q), loads the first
//   result's data (its title); bytes = every response of the page's
//   requests as sent (Pagefind's index files are already compressed; its JS
//   is counted gzipped, -6, like ours), requests = their number;
// - niemyet: opens search/index.html, then puts q in the box (one input
//   event); bytes = every script the page loaded (search.js and the index
//   files it loads at page load included), gzip -6.
// Time: from the search call (Pagefind: including its import) or the input
// event (niemyet: its runtime and vocabulary are loaded with the page) to
// the first title.
//   PF_SITE=/tmp/pf2k/site [VECTORS=1] node tests/search/pagefind.js
// PF_SITE: a niemyet public/ with a Pagefind index in pagefind/ (see
// BENCHMARKS.md for the command). VECTORS=1: the shared query vectors with
// their expected first title (for the example site); else QUERIES (JSON).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const zlib = require('node:zlib');
const { VECTORS } = require('./common.js');

const SITE = path.resolve(process.env.PF_SITE || '/tmp/pf2k/site');
const gz = (buf) => zlib.gzipSync(buf, { level: 6 }).length;
const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.json': 'application/json' };

function serve() {
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    const f = path.join(SITE, decodeURIComponent(u.pathname));
    if (!f.startsWith(SITE) || !fs.existsSync(f) || fs.statSync(f).isDirectory()) {
      res.writeHead(404); res.end(); return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(f)] || 'application/octet-stream' });
    res.end(fs.readFileSync(f));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const puppeteer = require('puppeteer-core');
  const queries = process.env.VECTORS
    ? VECTORS.queries.map(({ q, first }) => ({ q, first }))
    : JSON.parse(process.env.QUERIES || '[]').map((q) => (typeof q === 'string' ? { q } : q));
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const bytesOf = (url) => {
    const f = path.join(SITE, decodeURIComponent(new URL(url).pathname));
    if (!fs.existsSync(f)) return 0;
    const buf = fs.readFileSync(f);
    // .pf_* files are gzipped already; scripts are counted gzipped.
    return /\.pf_[a-z]+$/.test(f) ? buf.length : gz(buf);
  };
  const rows = [];
  for (const { q, first } of queries) {
    const row = { q, want: first };
    // Pagefind
    {
      const page = await browser.newPage();
      await page.goto(`${base}/index.html`, { waitUntil: 'load' });
      const urls = [];
      page.on('request', (r) => urls.push(r.url()));
      const r = await page.evaluate(async (q) => {
        const t0 = performance.now();
        const pf = await import('/pagefind/pagefind.js');
        const res = await pf.search(q);
        const data = res.results.length ? await res.results[0].data() : null;
        const top3 = [];
        for (const x of res.results.slice(0, 3)) top3.push((await x.data()).meta.title);
        return { ms: performance.now() - t0, n: res.results.length, title: data ? data.meta.title : '(none)', top3 };
      }, q);
      row.pagefind = { first: r.title, n: r.n, ms: Math.round(r.ms), requests: urls.length,
        kb: Math.round(urls.reduce((a, u) => a + bytesOf(u), 0) / 102.4) / 10, top3: r.top3 };
      await page.close();
    }
    // niemyet
    {
      const page = await browser.newPage();
      const urls = [];
      page.on('request', (r) => { if (r.url().endsWith('.js') || r.url().includes('.js?')) urls.push(r.url().replace(/\?.*$/, '')); });
      await page.goto(`${base}/search/index.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.getElementById('results').dataset.query === '');
      const r = await page.evaluate((q) => new Promise((resolve) => {
        const input = document.getElementById('q'), list = document.getElementById('results');
        const t0 = performance.now();
        new MutationObserver(() => {
          if (list.dataset.query !== q) return;
          const a = document.querySelector('#results > li a');
          const top3 = [...document.querySelectorAll('#results > li a')].slice(0, 3).map((x) => x.textContent);
          resolve({ ms: performance.now() - t0, title: a ? a.textContent : '(none)', top3,
            n: (document.getElementById('search-status').textContent.match(/^\d+/) || ['0'])[0] });
        }).observe(list, { attributes: true, attributeFilter: ['data-query'] });
        input.value = q;
        input.dispatchEvent(new Event('input'));
      }), q);
      const ms = Math.round(r.ms);
      row.niemyet = { first: r.title, n: Number(r.n), ms, requests: urls.length, top3: r.top3,
        kb: Math.round(urls.reduce((a, u) => a + bytesOf(u), 0) / 102.4) / 10 };
      await page.close();
    }
    rows.push(row);
  }
  await browser.close();
  server.close();
  console.log(JSON.stringify(rows, null, 1));
}

main().catch((e) => { console.error(e); process.exit(1); });
