// Minification must not change what the browser builds. Every HTML page of
// a site built twice, minified (MIN_DIR) and not (PLAIN_DIR), is parsed by
// Chromium: the element trees (names, attributes) and the rendered text
// (innerText, which follows layout, so a lost or added space shows) must
// be the same. The minifier leaves out optional closing tags; this is the
// proof that the browser puts them back where the unminified page has them.
//   PLAIN_DIR=/abs/plain MIN_DIR=/abs/min node --test tests/browser/minify.test.js
// Run by tests/browser_minify.rs.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const puppeteer = require('puppeteer-core');

const plain = process.env.PLAIN_DIR;
const min = process.env.MIN_DIR;
let browser;

function htmlFiles(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) return htmlFiles(dir, r);
    return e.name.endsWith('.html') ? [r] : [];
  });
}

before(async () => {
  assert.ok(plain && min, 'PLAIN_DIR and MIN_DIR must hold the two builds');
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});
after(async () => { if (browser) await browser.close(); });

// The page as the browser built it: one line per element (depth, name,
// attributes sorted, class tokens normalised), then the rendered text.
// An attribute written with the value the browser assumes anyway (a form's
// GET, a button's submit) may be left out by the minifier.
const DEFAULTS = { form: { method: 'get' }, button: { type: 'submit' }, input: { type: 'text' },
  script: { type: 'text/javascript' }, style: { type: 'text/css' } };
async function shape(page, file) {
  await page.goto('file://' + file, { waitUntil: 'load' });
  return page.evaluate((defaults) => {
    const lines = [];
    const walk = (el, depth) => {
      const implied = defaults[el.localName] || {};
      const attrs = [...el.attributes]
        .filter((a) => implied[a.name] !== a.value.toLowerCase())
        .map((a) => `${a.name}=${a.name === 'class' ? a.value.trim().split(/\s+/).join(' ') : a.value}`)
        .sort();
      lines.push(`${depth} ${el.localName} ${attrs.join(' ')}`);
      for (const c of el.children) walk(c, depth + 1);
    };
    walk(document.documentElement, 0);
    return { tree: lines, text: document.body.innerText };
  }, DEFAULTS);
}

test('every minified page builds the same DOM and shows the same text', async () => {
  const files = htmlFiles(plain);
  assert.ok(files.length > 20, `only ${files.length} pages`);
  const page = await browser.newPage();
  // Scripts off: compare what the markup builds, not what site.js does to it.
  await page.setJavaScriptEnabled(false);
  const differ = [];
  for (const rel of files) {
    const a = await shape(page, path.join(plain, rel));
    const b = await shape(page, path.join(min, rel));
    const line = a.tree.findIndex((l, i) => l !== b.tree[i]);
    if (line >= 0 || a.tree.length !== b.tree.length) {
      const i = line >= 0 ? line : Math.min(a.tree.length, b.tree.length);
      differ.push(`${rel}: element ${i}: ${a.tree[i]} ≠ ${b.tree[i]}`);
    } else if (a.text !== b.text) {
      const i = [...a.text].findIndex((c, k) => c !== b.text[k]);
      differ.push(`${rel}: text at ${i}: ${JSON.stringify(a.text.slice(i - 30, i + 30))} ≠ ${JSON.stringify(b.text.slice(i - 30, i + 30))}`);
    }
  }
  await page.close();
  assert.deepStrictEqual(differ, [], `${differ.length} of ${files.length} pages differ`);
});
