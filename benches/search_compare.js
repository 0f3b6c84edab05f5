#!/usr/bin/env node
// Search side by side on one catalogue (issue 18): niemyet, Pagefind 1.6 and
// Fuse.js 7 with folded diacritics. For each query of a query file it asks
// each engine for its first result and compares it with the expected title.
//
// Engines, all over the same built site SITE (make it without aliases, see
// below):
// (a) niemyet: the site's own search/search.js and search/idx/*.js loaded in
//     a node vm context, as tests/search/engine.test.js does; first title =
//     rows(search(q))[0][0].
// (b) Pagefind 1.6: a copy of SITE indexed with
//     `pagefind --site COPY --glob "{FIELD,...}/*/index.html" --root-selector main`
//     (procedure pages only, their <main>, as in BENCHMARKS.md but with the
//     glob narrowed to the field folders; PF_GLOB overrides), served over
//     http on 127.0.0.1 and queried from headless Chromium (Pagefind fetch()es
//     its index, so it cannot run from file://); first title = meta.title of
//     the first result (the page's <h1>).
// (c) Fuse.js 7 (latest 7.x): the usual Zola/Hugo set-up, one Fuse index over
//     the procedures, keys weighted title highest (title 3, code 2, result 1,
//     documents 1, field 1), threshold 0.3, ignoreLocation true,
//     minMatchCharLength 2. Records are read from SITE/catalogue.json (the
//     built site's open-data file: title, code, field name, result, names of
//     the documents), so Fuse sees exactly the procedures the site shows.
//     Diacritics are folded on both sides before Fuse sees them: NFD, combining
//     marks removed, đ→d, lower case.
//
// Pagefind and Fuse.js are not project dependencies: they are installed with
// `npm install --no-save` into DEPS (default /tmp/search-compare-deps) the
// first time, from the npm registry. puppeteer-core comes from the repo's
// node_modules; Chromium is /usr/bin/chromium (or CHROMIUM).
//
// Run (from the repository root; BIN = a niemyet release binary):
//   python3 benches/no_aliases.py . /tmp/na
//   $BIN --root /tmp/na build --out /tmp/na/public --date 2026-12-07
//   SITE=/tmp/na/public QUERIES=/work/heldout/queries.json OUT=/tmp/cmp.md \
//     node benches/search_compare.js
// QUERIES: a JSON file, {"queries": [{"q", "first", "kind"}, ...]} or a bare
// list of such objects; "first": null (or no "first") = a query with no single
// right answer in the catalogue: its first titles are shown but not scored.
// OUT: the markdown report (also printed to stdout); the full results (top 3
// of each engine) go to OUT with .json instead of .md (JSON_OUT overrides;
// without OUT, ./search_compare.json).
// ENGINES=niemyet,pagefind,fuse selects engines (default all three); NOTE: a
// line put under the report's heading (say which binary built SITE).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const vm = require('node:vm');
const { execFileSync } = require('node:child_process');

const SITE = path.resolve(process.env.SITE || '');
const QUERIES = process.env.QUERIES;
const DEPS = path.resolve(process.env.DEPS || '/tmp/search-compare-deps');
const ENGINES = (process.env.ENGINES || 'niemyet,pagefind,fuse').split(',').map((s) => s.trim()).filter(Boolean);
const OUT = process.env.OUT ? path.resolve(process.env.OUT) : null;
const JSON_OUT = path.resolve(process.env.JSON_OUT || (OUT ? OUT.replace(/\.md$/, '') + '.json' : 'search_compare.json'));

const nfc = (s) => String(s == null ? '' : s).normalize('NFC').replace(/\s+/g, ' ').trim();
// Folding for Fuse: NFD, strip combining marks, đ→d, lower case.
const fold = (s) => String(s || '').normalize('NFD').replace(/\p{M}/gu, '')
  .replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

function loadQueries() {
  if (!QUERIES) throw new Error('set QUERIES to a query file (JSON)');
  const doc = JSON.parse(fs.readFileSync(QUERIES, 'utf8'));
  const list = Array.isArray(doc) ? doc : doc.queries;
  return list.map((x) => (typeof x === 'string' ? { q: x } : x));
}

function deps() {
  const need = ['pagefind', 'fuse.js'].filter((p) => !fs.existsSync(path.join(DEPS, 'node_modules', p, 'package.json')));
  if (need.length) {
    fs.mkdirSync(DEPS, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', DEPS, 'pagefind@1.6', 'fuse.js@7'],
      { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  const ver = (p) => JSON.parse(fs.readFileSync(path.join(DEPS, 'node_modules', p, 'package.json'), 'utf8')).version;
  return { pagefind: ver('pagefind'), fuse: ver('fuse.js') };
}

// (a) niemyet in node: the built site's runtime and index files in a vm.
async function runNiemyet(queries) {
  const ctx = vm.createContext({});
  const rt = path.join(SITE, 'search', 'search.js');
  vm.runInContext(fs.readFileSync(rt, 'utf8'), ctx, { filename: rt });
  const NS = ctx.niemyetSearch;
  const load = (rel) => new Promise((resolve, reject) => {
    const f = path.join(SITE, 'search', rel);
    try { vm.runInContext(fs.readFileSync(f, 'utf8'), ctx, { filename: f }); resolve(); } catch (e) { reject(e); }
  });
  const e = new NS.Engine(load);
  const out = [];
  for (const { q } of queries) {
    const hits = await e.search(q);
    const rows = await e.rows(hits.slice(0, 3).map((h) => h.doc));
    const top3 = Array.from(rows, (r) => nfc(r[0]));
    out.push({ first: top3[0] || '(none)', n: hits.length, top3 });
  }
  return out;
}

// (b) Pagefind 1.6 in headless Chromium over http.
let pagefindPages = null;
async function runPagefind(queries) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pf-compare-'));
  const site = path.join(work, 'site');
  fs.cpSync(SITE, site, { recursive: true });
  fs.rmSync(path.join(site, 'pagefind'), { recursive: true, force: true });
  // Procedure pages are FIELD/SLUG/index.html; the plain "*/*/index.html" of
  // BENCHMARKS.md also matches posters/FIELD/index.html and notices, so the
  // glob is narrowed to the field folders (67 pages on the example site).
  const cat = JSON.parse(fs.readFileSync(path.join(SITE, 'catalogue.json'), 'utf8'));
  const glob = process.env.PF_GLOB || `{${cat.fields.map((f) => f.slug).join(',')}}/*/index.html`;
  const log = execFileSync(path.join(DEPS, 'node_modules', '.bin', 'pagefind'),
    ['--site', site, '--glob', glob, '--root-selector', 'main'], { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
  const m = log.match(/Indexed (\d+) pages/);
  pagefindPages = m ? Number(m[1]) : null;
  const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    const f = path.join(site, decodeURIComponent(u.pathname));
    if (!f.startsWith(site) || !fs.existsSync(f) || fs.statSync(f).isDirectory()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(f)] || 'application/octet-stream' });
    res.end(fs.readFileSync(f));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const puppeteer = require('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const out = [];
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/index.html`, { waitUntil: 'load' });
    for (const { q } of queries) {
      const r = await page.evaluate(async (q) => {
        const pf = await import('/pagefind/pagefind.js');
        const res = await pf.search(q);
        const top3 = [];
        for (const x of res.results.slice(0, 3)) top3.push((await x.data()).meta.title);
        return { n: res.results.length, top3 };
      }, q);
      const top3 = r.top3.map(nfc);
      out.push({ first: top3[0] || '(none)', n: r.n, top3 });
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  return out;
}

// (c) Fuse.js over catalogue.json, folded.
function runFuse(queries) {
  const Fuse = require(path.join(DEPS, 'node_modules', 'fuse.js'));
  const cat = JSON.parse(fs.readFileSync(path.join(SITE, 'catalogue.json'), 'utf8'));
  const fields = Object.fromEntries(cat.fields.map((f) => [f.slug, f.name]));
  const records = cat.procedures.map((p) => ({
    title: nfc(p.title),
    f: {
      title: fold(p.title),
      code: fold(p.code || ''),
      field: fold(fields[p.field] || p.field),
      result: fold(p.result || ''),
      documents: fold((p.documents || []).map((d) => d.name).join('; ')),
    },
  }));
  const fuse = new Fuse(records, {
    keys: [
      { name: 'f.title', weight: 3 },
      { name: 'f.code', weight: 2 },
      { name: 'f.result', weight: 1 },
      { name: 'f.documents', weight: 1 },
      { name: 'f.field', weight: 1 },
    ],
    threshold: 0.3,
    ignoreLocation: true,
    minMatchCharLength: 2,
    includeScore: true,
  });
  return queries.map(({ q }) => {
    const res = fuse.search(fold(q));
    const top3 = res.slice(0, 3).map((r) => r.item.title);
    return { first: top3[0] || '(none)', n: res.length, top3 };
  });
}

const cut = (s, n = 48) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const cell = (s) => String(s).replace(/\|/g, '\\|');

async function main() {
  if (!fs.existsSync(path.join(SITE, 'search', 'search.js'))) throw new Error(`SITE=${SITE}: no search/search.js (set SITE to a built public/)`);
  const queries = loadQueries();
  const versions = deps();
  const engines = {};
  if (ENGINES.includes('niemyet')) engines.niemyet = await runNiemyet(queries);
  if (ENGINES.includes('pagefind')) engines.pagefind = await runPagefind(queries);
  if (ENGINES.includes('fuse')) engines.fuse = runFuse(queries);
  const names = Object.keys(engines);
  const rows = queries.map((x, i) => {
    const scored = x.first != null && x.first !== '';
    const row = { q: x.q, kind: x.kind || '', want: scored ? nfc(x.first) : null };
    for (const n of names) row[n] = { ...engines[n][i], ok: scored ? engines[n][i].first === row.want : null };
    return row;
  });
  const scoredRows = rows.filter((r) => r.want != null);
  const score = Object.fromEntries(names.map((n) => [n, rows.filter((r) => r[n].ok).length]));
  const kinds = [...new Set(scoredRows.map((r) => r.kind))];
  const byKind = Object.fromEntries(kinds.map((k) => {
    const rs = scoredRows.filter((r) => r.kind === k);
    return [k, { total: rs.length, ...Object.fromEntries(names.map((n) => [n, rs.filter((r) => r[n].ok).length])) }];
  }));
  const label = { niemyet: 'niemyet', pagefind: `Pagefind ${versions.pagefind}`, fuse: `Fuse.js ${versions.fuse} (folded)` };
  const md = [];
  md.push(`# Search comparison: ${path.basename(QUERIES)} on ${SITE}`, '');
  if (process.env.NOTE) md.push(process.env.NOTE, '');
  const unscored = rows.length - scoredRows.length;
  md.push(`${scoredRows.length} scored queries` + (unscored ? ` (and ${unscored} shown but not scored: no single right answer)` : '') +
    `; a query counts when the engine's first result is the expected title.`, '');
  if (pagefindPages != null) md.push(`Pagefind indexed ${pagefindPages} pages; the catalogue has ${JSON.parse(fs.readFileSync(path.join(SITE, 'catalogue.json'), 'utf8')).procedures.length} procedures.`, '');
  md.push(`| engine | right first |`, `|---|---:|`);
  for (const n of names) md.push(`| ${label[n]} | ${score[n]} of ${scoredRows.length} |`);
  md.push('', '| kind | queries | ' + names.map((n) => label[n]).join(' | ') + ' |', '|---|---:|' + names.map(() => '---:').join('|') + '|');
  for (const k of kinds) md.push(`| ${k || '-'} | ${byKind[k].total} | ` + names.map((n) => byKind[k][n]).join(' | ') + ' |');
  md.push('', `Per query: ✓ = the expected title first; ✗ = another title first (shown); · = not scored. Titles cut at 48 characters; full top 3 in ${path.basename(JSON_OUT)}.`, '');
  md.push('| # | kind | query | expected first | ' + names.map((n) => label[n]).join(' | ') + ' |');
  md.push('|---:|---|---|---|' + names.map(() => '---').join('|') + '|');
  rows.forEach((r, i) => {
    md.push(`| ${i + 1} | ${r.kind} | \`${cell(r.q)}\` | ${r.want == null ? '(not scored)' : cell(cut(r.want))} | ` +
      names.map((n) => (r[n].ok ? '✓' : (r[n].ok === false ? '✗ ' : '· ') + cell(cut(r[n].first)))).join(' | ') + ' |');
  });
  const text = md.join('\n') + '\n';
  process.stdout.write(text);
  if (OUT) fs.writeFileSync(OUT, text);
  fs.writeFileSync(JSON_OUT, JSON.stringify({ site: SITE, queries: QUERIES, versions, pagefindPages, score, byKind, rows }, null, 1) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
