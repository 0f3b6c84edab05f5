// Shared by the node tests: where things are, and the search engine run
// in node over the index files of a site (no browser, same runtime file).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const ROOT = path.resolve(__dirname, '..', '..');
const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
// SITE_DIR: a site root holding search/index.html (the example site written by
// `cargo test --test search_site`, or a real `public/` once `build` exists).
const SITE_DIR = path.resolve(process.env.SITE_DIR || path.join(TARGET, 'tmp', 'search-site'));
const VECTORS = JSON.parse(fs.readFileSync(path.join(__dirname, 'vectors.json'), 'utf8'));
const RUNTIME = path.join(ROOT, 'themes', 'default', 'static', 'search.js');

/** A fresh context with search.js loaded; `engine()` searches SITE_DIR's index. */
function runtime(siteDir = SITE_DIR, file = RUNTIME) {
  const ctx = vm.createContext({});
  vm.runInContext(fs.readFileSync(file, 'utf8'), ctx, { filename: file });
  const NS = ctx.niemyetSearch;
  const loaded = [];
  const load = (rel) => new Promise((resolve, reject) => {
    const f = path.join(siteDir, 'search', rel);
    try {
      const src = fs.readFileSync(f, 'utf8');
      loaded.push({ path: rel, bytes: Buffer.byteLength(src) });
      vm.runInContext(src, ctx, { filename: f });
      resolve();
    } catch (e) { reject(e); }
  });
  return { NS, loaded, engine: () => new NS.Engine(load) };
}

function requireSite() {
  if (!fs.existsSync(path.join(SITE_DIR, 'search', 'index.html'))) {
    throw new Error(`no search page in ${SITE_DIR}: run \`cargo test --no-default-features --test search_site\` first, or set SITE_DIR`);
  }
}

module.exports = { ROOT, SITE_DIR, VECTORS, RUNTIME, runtime, requireSite };
