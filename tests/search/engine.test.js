// node --test tests/search/: the shared vectors through the JS runtime, and
// the JS ranking against the Rust reference ranking of the same index.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { SITE_DIR, VECTORS, runtime, requireSite } = require('./common.js');

// Values from the vm context have that realm's prototypes: compare plain copies.
const plain = (x) => JSON.parse(JSON.stringify(x));

test('fold vectors: JS fold() equals the Rust fold()', () => {
  const { NS } = runtime();
  assert.ok(VECTORS.fold.length >= 20);
  for (const [input, want] of VECTORS.fold) {
    assert.strictEqual(NS.fold(input), want, `fold(${JSON.stringify(input)})`);
  }
});

test('query vectors: expected first title (node, over the built index)', async () => {
  requireSite();
  const { NS, engine } = runtime(SITE_DIR, path.join(SITE_DIR, 'search', 'search.js'));
  const e = engine();
  assert.ok(VECTORS.queries.length >= 40);
  const failed = [];
  for (const { q, first } of VECTORS.queries) {
    const hits = await e.search(q);
    const rows = await e.rows(hits.slice(0, 3).map((h) => h.doc));
    const got = rows.length ? rows[0][0] : '(none)';
    if (got !== first) failed.push(`${JSON.stringify(q)}: want ${first}, top 3 ${rows.map((r) => r[0]).join(' | ')}`);
  }
  assert.deepStrictEqual(failed, []);
  assert.ok(NS.store.meta, 'meta registered');
});

test('question vectors on the site without aliases (node)', async (t) => {
  const na = process.env.SITE_NA;
  if (!na || !fs.existsSync(path.join(na, 'search', 'search.js'))) return t.skip('no site without aliases (SITE_NA)');
  const { engine } = runtime(na, path.join(na, 'search', 'search.js'));
  const e = engine();
  assert.ok(VECTORS.questions.length >= 100);
  const failed = [];
  for (const { q, first, miss } of VECTORS.questions) {
    if (miss) continue;
    const hits = await e.search(q);
    const rows = await e.rows(hits.slice(0, 1).map((h) => h.doc));
    const got = rows.length ? rows[0][0] : '(none)';
    if (got !== first) failed.push(`${JSON.stringify(q)}: want ${first}, got ${got}`);
  }
  assert.deepStrictEqual(failed, []);
});

test('prepare: filler, telex, VNI, run-together words, codes', () => {
  const { NS } = runtime();
  assert.strictEqual(NS.telex('giams'), 'giam');
  assert.strictEqual(NS.telex('ddawngf'), 'dang');
  assert.strictEqual(NS.telex('nguwowfi'), 'nguoi');
  const vocab = ['con', 'ho', 'ket', 'hon', 'ke', 'thon', 'nhan', 'nuoi', 'can', 'ngheo'];
  const has = (w) => vocab.includes(w);
  assert.deepStrictEqual(plain(NS.split('kethon', has)), ['ket', 'hon']);
  const lx = NS.queryRules({ f: ['bao lau', 'toi', 'muon', 'can', 'thi', 'gi'], d: ['bao lau'], p: ['bao nhieu'], k: ['ho can'] });
  const v = { has, begins: (w) => vocab.some((x) => x.startsWith(w)), near: (w) => w === 'hocon' };
  const p = NS.prepare(['toi', 'muon', 'nhan', 'con', 'nuooi', 'thi', 'can', 'gi', 'bao', 'lau'], lx, v);
  assert.deepStrictEqual(plain(p), { words: ['nhan', 'con', 'nuoi'], dropped: ['toi', 'muon', 'thi', 'can', 'gi', 'bao', 'lau'], ask: 'deadline' });
  assert.deepStrictEqual(plain(NS.prepare(['ho', 'can', 'ngheo'], lx, v).words), ['ho', 'can', 'ngheo']);
  assert.deepStrictEqual(plain(NS.prepare(['ke61t', 'ho6n'], lx, v).words), ['ket', 'hon']);
  assert.deepStrictEqual(plain(NS.prepare(['ma', '1.004873'], lx, v).words), ['1.004873']);
  assert.deepStrictEqual(plain(NS.prepare(['1c'], lx, v).words), ['1c']);
  assert.deepStrictEqual(plain(NS.prepare(['hocon'], lx, v).words), ['hocon']);
  assert.strictEqual(NS.prepare(['ho', 'can', 'ngheo', 'bao', 'lau'], lx, v).ask, 'deadline');
  assert.strictEqual(NS.info(67, 67), 1);
  assert.ok(NS.info(1, 67) > NS.info(10, 67));
});

test('JS ranking equals the Rust reference ranking (top 10 and count)', async () => {
  requireSite();
  const file = path.join(SITE_DIR, 'rust-ranking.json');
  if (!fs.existsSync(file)) {
    // A real public/ has no reference ranking; the example site always does.
    assert.ok(process.env.SITE_DIR, `missing ${file}`);
    return;
  }
  const expected = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { engine } = runtime(SITE_DIR, path.join(SITE_DIR, 'search', 'search.js'));
  const e = engine();
  for (const { q, count, top } of expected) {
    const hits = await e.search(q);
    const rows = await e.rows(hits.slice(0, 10).map((h) => h.doc));
    assert.deepStrictEqual(plain({ q, count: hits.length, top: rows.map((r) => r[1]) }), { q, count, top });
  }
});

test('a query loads only some shards', async () => {
  requireSite();
  const { engine, loaded } = runtime(SITE_DIR, path.join(SITE_DIR, 'search', 'search.js'));
  const e = engine();
  await e.search('dang ky khai sinh');
  assert.strictEqual(loaded[0].path, 'idx/meta.js');
  assert.match(loaded[1].path, /^idx\/w\.[0-9a-f]+\.js$/);
  const shards = fs.readdirSync(path.join(SITE_DIR, 'search', 'idx')).filter((f) => /^[sbn]\d/.test(f));
  assert.ok(loaded.length - 2 <= shards.length);
  // Head and body shards of the words, and the shard where the whole
  // query would be an alias (`dang_ky_khai_sinh`, kept with the numbers).
  for (const l of loaded.slice(2)) assert.match(l.path, /^idx\/[sbn]\d+\.[0-9a-f]+\.js$/);
  // A word being typed (a prefix) reads head shards only.
  const before = loaded.length;
  await e.search('dang ky khai sin');
  for (const l of loaded.slice(before)) assert.match(l.path, /^idx\/s\d+\./, 'prefix: head shards only');
});

test('edit distance and candidates', () => {
  const { NS } = runtime();
  const vocab = ['khai', 'khan', 'kham', 'sinh', 'sinhhoat', 'sinhs'].sort();
  assert.deepStrictEqual(plain(NS.candidates(vocab, 'sinh', true).map(([i, q]) => [vocab[i], q])),
    [['sinh', 10], ['sinhs', 8], ['sinhhoat', 8]]);
  assert.deepStrictEqual(plain(NS.candidates(vocab, 'sinh', false).map(([i]) => vocab[i])), ['sinh']);
  assert.deepStrictEqual(plain(NS.candidates(vocab, 'snih', false).map(([i, q]) => [vocab[i], q])), [['sinh', 6]]);
  assert.deepStrictEqual(plain(NS.candidates(vocab, 'khia', true).map(([i]) => vocab[i])), ['khai']);
  assert.deepStrictEqual(plain(NS.candidates(vocab, 'kha', false)), []);
});
