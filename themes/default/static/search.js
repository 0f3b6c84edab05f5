/* niemyet search runtime: folds the query, loads only the index files it
 * needs as <script> tags (so it works from file://, where fetch() is blocked),
 * ranks, and renders into #results. The index format and the ranking are
 * specified in src/search/ (index.rs, query.rs); fold() here must give the
 * same output as src/search/fold.rs (tests/search/vectors.json checks both).
 * Works without a DOM too (node tests): the engine only needs a loader. */
(function (g) {
  'use strict';
  var NS = g.niemyetSearch || {};
  g.niemyetSearch = NS;
  // The build writes this runtime's version here; idx/meta.js names the
  // version its index was built with (src/search/index.rs).
  var VERSION = 'dev';

  // ---- folding (see src/search/fold.rs) --------------------------------
  var MARKS = /\p{M}/gu;
  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var MAP = { 'đ': 'd', 'ð': 'd', 'ł': 'l', 'ø': 'o', 'ı': 'i', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'y': 'i' };

  function isDigit(c) { return c !== undefined && c >= '0' && c <= '9'; }
  function isWordChar(c) {
    if (c.length === 1) {
      var k = c.charCodeAt(0);
      if (k < 128) return (k >= 48 && k <= 57) || (k >= 97 && k <= 122) || (k >= 65 && k <= 90);
    }
    return WORD.test(c);
  }

  function fold(text) {
    var s = String(text).normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '');
    var chars = [];
    for (var c of s) {
      var m = MAP[c];
      if (m === undefined) chars.push(c);
      else for (var i = 0; i < m.length; i++) chars.push(m[i]);
    }
    var out = '';
    var pending = false;
    for (var j = 0; j < chars.length; j++) {
      var ch = chars[j];
      var keep = isWordChar(ch) ||
        (ch === '.' && j > 0 && isDigit(chars[j - 1]) && isDigit(chars[j + 1]));
      if (keep) {
        if (pending && out) out += ' ';
        pending = false;
        out += ch;
      } else {
        pending = true;
      }
    }
    return out;
  }

  function words(text) {
    return fold(text).split(' ').filter(Boolean);
  }

  // ---- preparing a query (see src/search/prepare.rs) ---------------------
  var PIECE_MIN = 2, PIECE_MAX = 7, SPLIT_MIN = 4;

  function hasDigit(w) { return /[0-9]/.test(w); }

  function startsWithPhrase(ws, i, p) {
    if (i + p.length > ws.length) return false;
    for (var k = 0; k < p.length; k++) if (ws[i + k] !== p[k]) return false;
    return true;
  }

  /** Which words are filler (question words…), keeping those in a known pair. */
  function fillerMarks(ws, lx) {
    var n = ws.length, mark = new Array(n).fill(false), i = 0, j;
    while (i < n) {
      var fit = 0;
      for (j = 0; j < lx.f.length; j++) if (startsWithPhrase(ws, i, lx.f[j])) { fit = lx.f[j].length; break; }
      for (j = i; j < i + fit; j++) mark[j] = true;
      i += Math.max(fit, 1);
    }
    // mã/số before a code, other filler between allowed; from the right.
    for (i = n - 1; i >= 0; i--) {
      if (ws[i] !== 'ma' && ws[i] !== 'so') continue;
      for (j = i + 1; j < n && mark[j]; j++);
      if (j < n && hasDigit(ws[j])) mark[i] = true;
    }
    var pair = function (a, b) { return lx.k.has(ws[a] + ' ' + ws[b]); };
    var keep = mark.map(function (m, i) { return m && ((i > 0 && pair(i - 1, i)) || (i + 1 < n && pair(i, i + 1))); });
    for (i = 0; i < n; i++) if (keep[i]) mark[i] = false;
    if (mark.every(Boolean)) return new Array(n).fill(false);
    return mark;
  }

  /** A word with Telex keys left in, without them (null: not ASCII letters). */
  function telex(w) {
    if (!/^[a-z]+$/.test(w)) return null;
    var b = w.split(''), v = -1, i;
    for (i = 0; i < b.length; i++) if ('aeiou'.indexOf(b[i]) >= 0) { v = i; break; }
    if (v < 0) return null;
    for (i = b.length - 1; i > v; i--) if ('sfrxj'.indexOf(b[i]) >= 0) { b.splice(i, 1); break; }
    var out = '';
    for (i = 0; i < b.length;) {
      var c = b[i], n = b[i + 1];
      var pair = n !== undefined && ((c === 'd' && n === 'd') || ('aeo'.indexOf(c) >= 0 && n === c) || ('aou'.indexOf(c) >= 0 && n === 'w'));
      out += c === 'w' ? 'u' : c;
      i += pair ? 2 : 1;
    }
    return out;
  }

  /** The fewest vocabulary words of 2–7 letters that make w (two or more). */
  function split(w, has) {
    var c = cps(w), n = c.length;
    if (n < SPLIT_MIN) return null;
    // best[j]: [pieces, sum of squared piece lengths] of the best split of c[0..j]
    // (fewest pieces, then the most even: `ket hon`, not `ke thon`).
    var INF = Infinity, best = new Array(n + 1).fill(null), back = new Array(n + 1).fill(0);
    best[0] = [0, 0];
    for (var i = 0; i < n; i++) {
      if (!best[i]) continue;
      for (var j = i + PIECE_MIN; j <= Math.min(i + PIECE_MAX, n); j++) {
        var cand = [best[i][0] + 1, best[i][1] + (j - i) * (j - i)];
        var better = !best[j] || cand[0] < best[j][0] || (cand[0] === best[j][0] && cand[1] < best[j][1]);
        if (better && has(c.slice(i, j).join(''))) { best[j] = cand; back[j] = i; }
      }
    }
    best = best.map(function (b) { return b ? b[0] : INF; });
    if (best[n] === INF || best[n] < 2) return null;
    var parts = [];
    for (var e = n; e > 0; e = back[e]) parts.push(c.slice(back[e], e).join(''));
    return parts.reverse();
  }

  /** VNI: a letter first, then letters and digits 1–9 (never a code). */
  function isVni(w) { return /^\p{Alphabetic}[\p{Alphabetic}1-9]*$/u.test(w); }

  /** One word (prepare.rs `read_word`, same order). */
  function readWord(w, last, v) {
    if (v.has(w)) return [w];
    if (hasDigit(w)) {
      var vni = w.replace(/[0-9]/g, '');
      if (isVni(w) && v.has(vni)) return [vni];
      return [w];
    }
    var t = telex(w);
    if (t === w || (t !== null && !v.has(t))) t = null;
    if (t !== null && /[sfrxj]$/.test(w)) return [t];
    if (last && cps(w).length >= PREFIX_MIN && v.begins(w)) return [w];
    if (!v.near(w)) {
      var parts = split(w, v.has);
      if (parts) return parts;
    }
    return [t !== null ? t : w];
  }

  /** The query's words as looked up: {words, dropped, ask}. */
  function prepare(ws, lx, v) {
    var mark = fillerMarks(ws, lx), kept = [], dropped = [];
    // A question counts only where its words were dropped as filler.
    var asks = function (list) {
      return list.some(function (p) {
        for (var i = 0; i < ws.length; i++) {
          if (!startsWithPhrase(ws, i, p)) continue;
          if (mark.slice(i, i + p.length).every(Boolean)) return true;
        }
        return false;
      });
    };
    var ask = asks(lx.d) ? 'deadline' : asks(lx.p) ? 'fee' : '';
    ws.forEach(function (w, i) { (mark[i] ? dropped : kept).push(w); });
    var out = [];
    kept.forEach(function (w, i) { out.push.apply(out, readWord(w, i === kept.length - 1, v)); });
    return { words: out.slice(0, MAX_WORDS), dropped: dropped, ask: ask };
  }

  /** The index's query rules ("lx" of w.{v}.js) as phrases of words. */
  function queryRules(lx) {
    var ph = function (l) { return (l || []).map(function (p) { return p.split(' '); }); };
    lx = lx || {};
    return { f: ph(lx.f), d: ph(lx.d), p: ph(lx.p), k: new Set(lx.k || []) };
  }

  // ---- ranking (see src/search/query.rs) -------------------------------
  var TITLE = 1, ALIAS = 2, CODE = 4, FIELD = 8, DOCS = 16, RESULT = 32, BODY = 64, CLERK = 128;
  // The fields that name a procedure: a query word matched there counts first.
  var NAMES = TITLE | ALIAS | CODE;
  var MAX_WORDS = 10, MAX_PREFIX = 8, MAX_TYPO = 10, PREFIX_MIN = 3, TYPO_MIN = 4;
  var EXACT = 10, PREFIX = 8, TYPO = 6;

  function weight(mask) {
    if (mask & (TITLE | CODE)) return 10;
    if (mask & ALIAS) return 9;
    if (mask & FIELD) return 4;
    if (mask & DOCS) return 3;
    if (mask & RESULT) return 2;
    if (mask & BODY) return 1;
    return 0;
  }

  function cps(s) { return Array.from(s); }

  /** How much a word tells (query.rs `info`): integers only. */
  function info(df, n) {
    if (!df) return 0;
    var x = df * 1000, lim = n * 1000, k = 1;
    while (Math.floor(x * 1189 / 1000) <= lim) { x = Math.floor(x * 1189 / 1000); k++; }
    return k;
  }

  function oneEdit(a, t) {
    // a: array of code points; t: string
    if (Math.abs(t.length - a.length) > 2) return false;
    var b = cps(t);
    if (Math.abs(a.length - b.length) > 1) return false;
    var p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    if (p === a.length && p === b.length) return false;
    var ra = a.slice(p), rb = b.slice(p);
    var eq = function (x, y) {
      if (x.length !== y.length) return false;
      for (var i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
      return true;
    };
    if (ra.length < rb.length) return eq(ra, rb.slice(1));
    if (ra.length > rb.length) return eq(ra.slice(1), rb);
    return eq(ra.slice(1), rb.slice(1)) ||
      (ra.length >= 2 && ra[0] === rb[1] && ra[1] === rb[0] && eq(ra.slice(2), rb.slice(2)));
  }

  function lowerBound(vocab, w) {
    var lo = 0, hi = vocab.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (vocab[mid] < w) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Candidate terms [vocabulary index, quality] of one query word. */
  function candidates(vocab, word, last) {
    var out = [];
    var lower = lowerBound(vocab, word);
    var start = lower;
    if (vocab[lower] === word) { out.push([lower, EXACT]); start++; }
    var len = cps(word).length;
    if (last && len >= PREFIX_MIN) {
      var pre = [];
      for (var i = start; i < vocab.length && vocab[i].startsWith(word); i++) pre.push(i);
      var clen = pre.map(function (i) { return cps(vocab[i]).length; });
      var idx = pre.map(function (_, k) { return k; });
      idx.sort(function (x, y) { return clen[x] - clen[y] || pre[x] - pre[y]; });
      for (var k = 0; k < idx.length && k < MAX_PREFIX; k++) out.push([pre[idx[k]], PREFIX]);
    }
    if (!out.length && len >= TYPO_MIN && !/[0-9]/.test(word)) {
      var w = cps(word);
      for (var t = 0; t < vocab.length && out.length < MAX_TYPO; t++) {
        if (oneEdit(w, vocab[t])) out.push([t, TYPO]);
      }
    }
    return out;
  }

  /** wordLists: for each kept query word, a list of [head postings, body
   * postings or null, quality] (a prefix completion has no body postings);
   * n: the number of documents. Per document and word, exact matches are
   * kept apart from prefix or typo matches; a word matched exactly is judged
   * on those only. State lives in typed arrays indexed doc * k + word. */
  function rank(wordLists, n, demoted, whole) {
    var k = wordLists.length;
    if (!k) return [];
    var N = n * k;
    var score = new Int32Array(N), cx = new Uint8Array(N);
    var m = [new Uint8Array(N), new Uint8Array(N)];
    var tb = [new Int32Array(N), new Int32Array(N)];
    var ab = [new Int32Array(N), new Int32Array(N)];
    var tlen = new Int16Array(n).fill(-1), seen = new Uint8Array(n), docs = [];
    var df = new Array(k).fill(0);
    for (var j = 0; j < k; j++) {
      var cands = wordLists[j];
      for (var c = 0; c < cands.length; c++) {
        var arr = cands[c][0], body = cands[c][1], q = cands[c][2], e = q === EXACT ? 0 : 1;
        var mk = m[e], te = tb[e], ae = ab[e];
        var i = 0, doc = 0, x;
        while (i < arr.length) {
          doc += arr[i++];
          var mask = arr[i++];
          x = doc * k + j;
          if (!seen[doc]) { seen[doc] = 1; docs.push(doc); }
          if (!(m[0][x] | m[1][x])) df[j]++;
          var sc = weight(mask) * q;
          if (sc > score[x]) score[x] = sc;
          mk[x] |= mask;
          if (mask & TITLE) { te[x] |= arr[i++]; tlen[doc] = arr[i++]; }
          if (mask & ALIAS) {
            ae[x] |= arr[i++];
            if (!(mask & TITLE)) tlen[doc] = arr[i++];
          }
          if ((mask & CODE) && e === 0) cx[x] = 1;
        }
        if (body) {
          doc = 0;
          for (var b = 0; b < body.length; b++) {
            doc += body[b];
            x = doc * k + j;
            if (!seen[doc]) { seen[doc] = 1; docs.push(doc); }
            if (!(m[0][x] | m[1][x])) df[j]++;
            if (q > score[x]) score[x] = q; // weight(BODY) = 1
            mk[x] |= BODY;
          }
        }
      }
    }
    var infos = df.map(function (d) { return info(d, n); });
    var masks = new Array(k), tbs = new Array(k), abs = new Array(k);
    var hits = new Array(docs.length);
    for (var h = 0; h < docs.length; h++) {
      var d = docs[h], at = d * k;
      var matched = 0, cover = 0, exact = 0, titled = 0, total = 0, named = [], clerk = false;
      for (j = 0; j < k; j++) {
        x = at + j;
        var p = m[0][x] ? 0 : 1;
        masks[j] = m[p][x];
        tbs[j] = tb[p][x];
        abs[j] = ab[p][x];
        if (masks[j]) { matched++; cover += infos[j]; }
        if (masks[j] & CLERK) clerk = true;
        if (masks[j] & NAMES) { titled += infos[j]; named.push(j); }
        if (m[0][x]) exact += infos[j];
        total += score[x] * infos[j];
      }
      // Words next to a neighbour of the query in a title or an alias
      // (all of them when the words are an alias, whole).
      var linked = 0, isWhole = named.length === k && whole[d] === 1;
      for (j = 0; j < k; j++) {
        if (isWhole) { linked += infos[j]; continue; }
        var l = j > 0 && (((tbs[j - 1] << 1) & tbs[j]) || ((abs[j - 1] << 1) & abs[j]));
        var r = j + 1 < k && (((tbs[j] << 1) & tbs[j + 1]) || ((abs[j] << 1) & abs[j + 1]));
        if (l || r) linked += infos[j];
      }
      hits[h] = { doc: d, clerk: clerk, linked: linked, whole: isWhole, matched: matched, cover: cover, exact: exact, titled: titled,
        tier: named.length && named.length < k
          ? tier(pick(masks, named), pick(tbs, named), pick(abs, named), tlen[d], cx[at + named[0]])
          : tier(masks, tbs, abs, tlen[d], cx[at]),
        score: total, tlen: tlen[d] < 0 ? 255 : tlen[d] };
    }
    // A variant title the query did not ask for comes after the others,
    // unless the words are a phrase of its title or a clerk's alias matched.
    var variant = function (h) { return h.phrase || h.clerk ? 0 : demoted[h.doc]; };
    // The words are one of its aliases, whole: at least 6 (query.rs).
    for (var w = 0; w < hits.length; w++) {
      var o = hits[w];
      o.phrase = o.tier >= 5;
      if (o.whole && o.tier < 6) o.tier = 6;
    }
    hits.sort(function (a, b) {
      // From the phrase tiers up (3+), the shorter title first (query.rs).
      // Words of the name count once, twice when they stand together as
      // in the name (query.rs).
      return (b.titled + b.linked) - (a.titled + a.linked) || b.linked - a.linked || b.cover - a.cover || b.exact - a.exact ||
        b.tier - a.tier || variant(a) - variant(b) ||
        (a.tier >= 2 ? a.tlen - b.tlen : 0) ||
        b.score - a.score || a.tlen - b.tlen || a.doc - b.doc;
    });
    return hits;
  }

  /** The words at `at` of a per-word list, in query order. */
  function pick(list, at) {
    return at.map(function (j) { return list[j]; });
  }

  /** The tier of a document over some query words (query.rs `tier`):
   * their fields, title and alias positions; the title's length; whether
   * the first word is the document's code, typed exactly. */
  function tier(masks, tbs, abs, tl, code) {
    var k = masks.length, all = true, union = 0;
    for (var j = 0; j < k; j++) { if (!masks[j]) all = false; union |= tbs[j]; }
    var aliasPhrase = all && phrase(abs, k) !== 0;
    if (inAll(all, masks, k, TITLE | CODE)) {
      var tp = phrase(tbs, k);
      // Exact wording, in any order: the title has the words and no more.
      if ((tl === k && k < 31 && union === (1 << k) - 1) || (k === 1 && code)) return 7;
      if (tp & 1) return 6;
      if (tp !== 0) return 5;
      return aliasPhrase ? 4 : 3;
    }
    if (aliasPhrase) return 4;
    if (inAll(all, masks, k, NAMES)) return 2;
    if (inAll(all, masks, k, ~BODY & 0xff)) return 1;
    return 0;
  }

  function inAll(all, masks, k, bits) {
    if (!all) return false;
    for (var j = 0; j < k; j++) if (!(masks[j] & bits)) return false;
    return true;
  }

  function phrase(b, k) {
    var acc = -1;
    for (var j = 0; j < k; j++) acc &= (b[j] >>> j);
    return acc;
  }

  // ---- the index: registration and loading ------------------------------
  // Files (src/search/index.rs): idx/meta.js (version), idx/w.{v}.js
  // (vocabulary of the terms without a digit, shard starts), idx/s{i}.{v}.js
  // (head postings), idx/b{i}.{v}.js (body postings), idx/n{i}.{v}.js (terms
  // with a digit and their postings), idx/d{i}.{v}.js (display rows).
  var store = { meta: null, words: null, shards: {}, bodies: {}, nums: {}, chunks: {} };
  NS.m = function (meta) { store.meta = meta; };
  NS.w = function (words) { store.words = words; };
  NS.s = function (i, data) { store.shards[i] = data; };
  NS.b = function (i, data) { store.bodies[i] = data; };
  NS.n = function (i, data) { store.nums[i] = data; };
  NS.d = function (i, data) { store.chunks[i] = data; };

  function decodeVocab(w) {
    if (!w) return [];
    var parts = w.split(' ');
    var out = new Array(parts.length);
    var prev = '';
    for (var i = 0; i < parts.length; i++) {
      var p = parts[i].charCodeAt(0) - 48;
      var rest = parts[i].slice(1);
      var head = /[\uD800-\uDFFF]/.test(prev) ? cps(prev).slice(0, p).join('') : prev.slice(0, p);
      prev = head + rest;
      out[i] = prev;
    }
    return out;
  }

  /** The shard (index into starts) holding term t. */
  function shardOf(starts, t) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** The last i with starts[i] <= w (strings), or -1. */
  function shardOf2(starts, w) {
    var lo = 0, hi = starts.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (starts[mid] <= w) lo = mid + 1; else hi = mid;
    }
    return lo - 1;
  }

  /** An engine over a loader: load(relative path) returns a Promise that
   * resolves once that index script has run. */
  function Engine(load) {
    this.load = load;
    this.pending = {};
    this.vocab = null;
    this.started = null;
  }
  Engine.prototype.need = function (path) {
    if (!this.pending[path]) {
      var self = this;
      this.pending[path] = this.load(path).catch(function (e) {
        delete self.pending[path];
        throw e;
      });
    }
    return this.pending[path];
  };
  /** Loads meta.js, then the vocabulary of the version it names. A runtime
   * of another version (a stale cached search.js) calls NS.onStale(version)
   * when the page set it (it loads the right runtime), else fails. */
  Engine.prototype.ready = function () {
    var self = this;
    if (this.vocab) return Promise.resolve(this);
    if (this.started) return this.started;
    this.started = this.need('idx/meta.js').then(function () {
      var meta = store.meta;
      if (!meta || !meta.v) throw new Error('search index: meta.js did not register');
      if (meta.r !== VERSION && VERSION !== 'dev') {
        if (NS.onStale) return NS.onStale(meta.r);
        throw new Error('search.js ' + VERSION + ' does not match the index (' + meta.r + ')');
      }
      return self.need('idx/w.' + meta.v + '.js').then(function () {
        if (!store.words) throw new Error('search index: vocabulary did not register');
        self.meta = store.words;
        self.meta.v = meta.v;
        self.vocab = decodeVocab(store.words.w);
        self.lx = queryRules(store.words.lx);
        return self;
      });
    });
    this.started.catch(function () { self.started = null; });
    return this.started;
  };
  /** Posting lists [head, body or null, quality] of a word without a digit. */
  Engine.prototype.wordLists = function (word, last) {
    var self = this, meta = this.meta, v = meta.v, files = {};
    var cands = candidates(this.vocab, word, last);
    cands.forEach(function (tq) {
      files['idx/s' + shardOf(meta.s, tq[0]) + '.' + v + '.js'] = true;
      if (tq[1] !== PREFIX) files['idx/b' + shardOf(meta.b, tq[0]) + '.' + v + '.js'] = true;
    });
    return Promise.all(Object.keys(files).map(function (f) { return self.need(f); })).then(function () {
      return cands.map(function (tq) {
        var t = tq[0], s = shardOf(meta.s, t), head = store.shards[s][t - meta.s[s]];
        if (tq[1] === PREFIX) return [head, null, PREFIX];
        var b = shardOf(meta.b, t);
        return [head, store.bodies[b][t - meta.b[b]], tq[1]];
      });
    });
  };
  /** The same for a word with a digit: from the number shard where the word
   * would be, and the next ones while its prefix completions continue there;
   * completions are the first MAX_PREFIX terms it begins (src/search/query.rs). */
  Engine.prototype.numLists = function (word, last) {
    var self = this, first = this.meta.nf || [], v = this.meta.v, out = [], found = 0;
    if (!first.length) return Promise.resolve(out);
    var prefix = last && cps(word).length >= PREFIX_MIN;
    function from(i, start) {
      return self.need('idx/n' + i + '.' + v + '.js').then(function () {
        var sh = store.nums[i];
        if (!sh.terms) sh.terms = decodeVocab(sh.w);
        var terms = sh.terms, t = start ? lowerBound(terms, word) : 0;
        if (start && terms[t] === word) { out.push([sh.h[t], sh.b[t], EXACT]); t++; }
        if (!prefix) return out;
        for (; t < terms.length && found < MAX_PREFIX; t++) {
          if (!terms[t].startsWith(word)) return out;
          out.push([sh.h[t], null, PREFIX]);
          found++;
        }
        if (found < MAX_PREFIX && i + 1 < first.length && first[i + 1].startsWith(word)) return from(i + 1, false);
        return out;
      });
    }
    return from(Math.max(0, shardOf2(first, word)), true);
  };
  /** Loads ahead, within the index's prefetch allowance (w.pf bytes in all),
   * the shards that the next keystrokes of the query's last word will read:
   * those of every term it begins. The page calls it once results show, so
   * a keystroke rarely waits for a script load. */
  Engine.prototype.prefetch = function (query) {
    var meta = this.meta, ws = words(query), w = ws[ws.length - 1];
    if (!meta || !meta.pf || !w || /[0-9]/.test(w) || cps(w).length < PREFIX_MIN - 1) return;
    var vocab = this.vocab, lo = lowerBound(vocab, w), hi = lo;
    while (hi < vocab.length && vocab[hi].startsWith(w)) hi++;
    if (hi === lo) return;
    var self = this, files = [], bytes = 0, v = meta.v;
    [['s', meta.s, meta.ss], ['b', meta.b, meta.bs]].forEach(function (k) {
      for (var i = shardOf(k[1], lo); i <= shardOf(k[1], hi - 1); i++) {
        var f = 'idx/' + k[0] + i + '.' + v + '.js';
        if (!self.pending[f]) { files.push(f); bytes += k[2][i]; }
      }
    });
    this.spent = this.spent || 0;
    if (!files.length || this.spent + bytes > meta.pf) return;
    this.spent += bytes;
    files.forEach(function (f) { self.need(f).catch(function () {}); });
  };
  /** The query's words as looked up (prepare.rs): {words, dropped, ask}. */
  Engine.prototype.prepare = function (query) {
    var vocab = this.vocab;
    return prepare(words(query), this.lx, {
      has: function (w) { return vocab[lowerBound(vocab, w)] === w; },
      begins: function (w) {
        var i = lowerBound(vocab, w);
        return i < vocab.length && vocab[i].startsWith(w);
      },
      near: function (w) {
        var c = cps(w);
        return vocab.some(function (t) { return oneEdit(c, t); });
      }
    });
  };
  /** Per document, 1 when its title opens with variant phrases ("cap
   * lai"), none of which the words `ws` have (query.rs `demoted`). */
  Engine.prototype.demoted = function (ws) {
    var out = new Uint8Array(this.meta.n);
    (this.meta.vr || []).forEach(function (v) {
      out[v[0]] = v[1].split('|').some(function (p) {
        return p.split(' ').every(function (w) { return ws.indexOf(w) >= 0; });
      }) ? 0 : 1;
    });
    return out;
  };
  /** Per document, 1 when the words `ws` are one of its aliases, whole
   * (the term `ws.join('_')`, kept with the numbers: query.rs). */
  Engine.prototype.wholeAlias = function (ws) {
    var out = new Uint8Array(this.meta.n), vocab = this.vocab;
    // Every word of an alias is a word of the vocabulary: a word being
    // typed ("sin") or a number cannot make one, and loads nothing.
    var words = ws.every(function (w) { return vocab[lowerBound(vocab, w)] === w; });
    if (ws.length < 2 || !words) return Promise.resolve(out);
    return this.numLists(ws.join('_'), false).then(function (found) {
      found.forEach(function (l) {
        var arr = l[0], i = 0, doc = 0;
        while (i < arr.length) {
          doc += arr[i++];
          var mask = arr[i++];
          out[doc] = 1;
          if (mask & TITLE) i += 2;
          if (mask & ALIAS) i += mask & TITLE ? 1 : 2;
        }
      });
      return out;
    });
  };
  /** Ranked hits for prepared words (Promise); hits.words: how many words
   * a hit must match to match them all (the words found somewhere);
   * hits.unknown: the words found nowhere (left out, the page names them). */
  Engine.prototype.searchWords = function (ws) {
    var self = this;
    return Promise.all(ws.map(function (w, i) {
      var last = i === ws.length - 1;
      return hasDigit(w) ? self.numLists(w, last) : self.wordLists(w, last);
    }).concat([self.wholeAlias(ws)])).then(function (lists) {
      var whole = lists.pop();
      var hits = rank(lists.filter(function (l) { return l.length; }), self.meta.n, self.demoted(ws), whole);
      // A last word still being typed (too short to complete) is not unknown.
      hits.unknown = ws.filter(function (w, i) {
        return !lists[i].length && !(i === ws.length - 1 && cps(w).length < PREFIX_MIN);
      });
      hits.words = lists.filter(function (l) { return l.length; }).length;
      return hits;
    });
  };
  /** Ranked hits for a query (Promise), with what prepare() found. */
  Engine.prototype.search = function (query) {
    var self = this;
    return this.ready().then(function () {
      var p = self.prepare(query);
      return self.searchWords(p.words).then(function (hits) {
        hits.dropped = p.dropped;
        hits.ask = p.ask;
        hits.looked = p.words;
        return hits;
      });
    });
  };
  /** When nothing matches: the procedures closest to the query (each word
   * of 3+ letters cut to its first 3, completed as a prefix), best first. */
  Engine.prototype.suggest = function (query) {
    var self = this;
    return this.ready().then(function () {
      var ws = self.prepare(query).words.filter(function (w) { return !hasDigit(w) && cps(w).length >= PREFIX_MIN; });
      return Promise.all(ws.map(function (w) {
        return self.wordLists(cps(w).slice(0, PREFIX_MIN).join(''), true);
      })).then(function (lists) {
        return rank(lists.filter(function (l) { return l.length; }), self.meta.n, self.demoted(ws),
          new Uint8Array(self.meta.n));
      });
    });
  };
  /** Display rows [title, url, field name, code, summary, due rule] of
   * some docs (the rule when the result shows an expected date). */
  Engine.prototype.rows = function (docs) {
    var self = this, c = this.meta.c, v = this.meta.v, need = {};
    docs.forEach(function (d) { need[Math.floor(d / c)] = true; });
    return Promise.all(Object.keys(need).map(function (i) {
      return self.need('idx/d' + i + '.' + v + '.js');
    })).then(function () {
      return docs.map(function (d) {
        var r = store.chunks[Math.floor(d / c)][d % c];
        return [r[0], r[1], self.meta.f[r[2]] || '', r[3], r[4], r[5] || ''];
      });
    });
  };

  /** What a page shows of ranked hits, in their order: those that match
   * as many words as the first one (every word, when it does), so that a
   * stray word found in some bodies does not hide the best match; partial
   * (said so) when no hit has every word. The search page and the kiosk
   * both show results this way. */
  function select(hits) {
    var need = hits.length ? Math.min(hits.words, hits[0].matched) : 0;
    var some = hits.filter(function (h) { return h.matched >= need; });
    var full = hits.some(function (h) { return h.matched >= hits.words; });
    var out = { hits: full ? some : hits, partial: !full };
    out.hits.ask = hits.ask || '';
    out.unknown = hits.unknown || [];
    return out;
  }

  NS.fold = fold;
  NS.select = select;
  NS.words = words;
  NS.candidates = candidates;
  NS.rank = rank;
  NS.prepare = prepare;
  NS.queryRules = queryRules;
  NS.telex = telex;
  NS.split = split;
  NS.info = info;
  NS.Engine = Engine;
  NS.store = store;

  if (typeof module === 'object' && module.exports) module.exports = NS;

  // ---- the page -----------------------------------------------------------
  if (typeof document === 'undefined') return;
  var me = document.currentScript;
  var base = me && me.src ? me.src.replace(/[^/]*([?#].*)?$/, '') : '';

  // idx/meta.js is the one index file with a fixed name: never from a cache.
  function loadScript(path) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = base + path + (path === 'idx/meta.js' ? '?t=' + Date.now() : '');
      s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('cannot load ' + path)); };
      (document.head || document.documentElement).appendChild(s);
    });
  }

  // A stale search.js (cached from an earlier build) met a newer index: load
  // the runtime of that build once, which then runs the page; this one never
  // wires the page.
  NS.onStale = function (version) {
    if (NS.reloading) return Promise.reject(new Error('search.js does not match the index'));
    NS.reloading = true;
    loadScript('search.js?v=' + encodeURIComponent(version)).catch(function () {});
    return new Promise(function () {});
  };

  var PAGE = 10;
  var EN = {
    count: function (n, q) { return n + (n === 1 ? ' result' : ' results') + ' for “' + q + '”'; },
    none: function (q) { return 'No procedure found for “' + q + '”. Try fewer or other words.'; },
    partial: function (n, q) { return 'No procedure has all the words “' + q + '”; ' + n + (n === 1 ? ' close result:' : ' close results:'); },
    code: 'Code',
    due: 'Expected result',
    more: 'Show more results',
    error: 'The search index could not be loaded.',
    unknown: function (ws) { return 'Words found nowhere, left out: ' + ws.map(function (w) { return '“' + w + '”'; }).join(', ') + '. '; },
    closest: 'Closest procedures:',
    fields: 'Or look by field:',
    fieldsOnly: 'Look by field:'
  };
  var VI = {
    count: function (n, q) { return n + ' kết quả cho “' + q + '”'; },
    none: function (q) { return 'Không tìm thấy thủ tục nào cho “' + q + '”. Hãy thử bớt từ hoặc dùng từ khác.'; },
    partial: function (n, q) { return 'Không có thủ tục nào có đủ các từ “' + q + '”; ' + n + ' kết quả gần đúng:'; },
    code: 'Mã',
    due: 'Dự kiến trả',
    more: 'Xem thêm kết quả',
    error: 'Không tải được chỉ mục tìm kiếm.',
    unknown: function (ws) { return 'Không thấy từ ' + ws.map(function (w) { return '“' + w + '”'; }).join(', ') + ' ở thủ tục nào, đã bỏ qua. '; },
    closest: 'Các thủ tục gần nhất:',
    fields: 'Hoặc xem theo lĩnh vực:',
    fieldsOnly: 'Xem các thủ tục theo lĩnh vực:'
  };

  function start() {
    var input = document.getElementById('q');
    var list = document.getElementById('results');
    var status = document.getElementById('search-status');
    if (!input || !list) return;
    var T = (document.documentElement.lang || '').toLowerCase().slice(0, 2) === 'en' ? EN : VI;
    var engine = new Engine(loadScript);
    NS.engine = engine;
    var q0 = '';
    try { q0 = new URLSearchParams(location.search).get('q') || ''; } catch (e) { q0 = ''; }
    if (q0 && !input.value) input.value = q0;
    // The page's A–Z list (what shows without JavaScript, and for an empty
    // query) stays as it is; results go to a list of their own, so a query
    // never removes or re-inserts thousands of items (wire() sets it up).
    var az = list;
    // With JavaScript on, the empty query's status invites typing (the
    // page's own text asks to turn JavaScript on).
    var emptyStatus = status ? status.getAttribute('data-empty') || status.textContent : '';
    var more = document.createElement('button');
    more.type = 'button';
    more.className = 'search-more';
    more.textContent = T.more;
    more.hidden = true;
    var seq = 0, current = null;

    function setStatus(text) { if (status) status.textContent = text; }

    /** Results (true) or the A–Z list (false). */
    function showList(results) {
      if (list.hidden === results) list.hidden = !results;
      if (az.hidden !== results) az.hidden = results;
    }

    /** One result; ask ('deadline' or 'fee'): the question asked how long
     * or how much, so that fact comes first, in bold. */
    function item(r, ask) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.setAttribute('href', '../' + r[1]);
      a.textContent = r[0];
      li.appendChild(a);
      // The expected return date (assets/due.js) right after the deadline,
      // which opens the summary of a procedure in force (src/render/mod.rs).
      var due = r[5] && g.niemyetDue && g.niemyetDue.text(r[5], T === EN ? 'en' : 'vi', 'live');
      // The summary is [deadline, fee], or [not yet in force from, deadline,
      // fee] (src/render/data.rs `summary`).
      var facts = r[4] ? r[4].split(' · ') : [];
      var lead = [], rest = facts;
      if (facts.length >= 2) {
        var from = facts.length > 2 ? [facts[0]] : [];
        var deadline = [facts[facts.length - 2]], fee = [facts[facts.length - 1]];
        if (due) deadline.push(T.due + ': ' + due);
        if (ask === 'fee') { lead = fee; rest = from.concat(deadline); }
        else if (ask === 'deadline') { lead = deadline; rest = from.concat(fee); }
        else rest = from.concat(deadline, fee);
      }
      var meta = [r[2]].concat(rest, [r[3] && T.code + ' ' + r[3]]).filter(Boolean).join(' · ');
      if (lead.length) {
        li.appendChild(document.createTextNode(' '));
        var strong = document.createElement('strong');
        strong.className = 'asked';
        strong.textContent = lead.join(' · ');
        li.appendChild(strong);
      }
      if (meta) {
        li.appendChild(document.createTextNode(lead.length ? ' · ' : ' '));
        var span = document.createElement('span');
        span.className = 'meta';
        span.textContent = meta;
        li.appendChild(span);
      }
      return li;
    }

    /** The query's own spelling of folded words (`xyzzy`, not `xizzi`). */
    function asTyped(q, folded) {
      var typed = Object.create(null);
      q.split(/\s+/).forEach(function (t) {
        var f = fold(t);
        if (f && typed[f] === undefined) typed[f] = t.replace(/^[^\p{Alphabetic}\p{N}]+|[^\p{Alphabetic}\p{N}]+$/gu, '');
      });
      return folded.map(function (w) { return typed[w] || w; });
    }

    /** When nothing is found: the closest procedures and every field, so
     * the page is never a blank list. */
    var suggest = document.createElement('div');
    suggest.className = 'search-suggest';
    suggest.hidden = true;
    function showSuggestions(q, my) {
      return engine.suggest(q).then(function (hits) {
        return engine.rows(hits.slice(0, 5).map(function (h) { return h.doc; }));
      }).then(function (rows) {
        if (my !== seq) return;
        suggest.textContent = '';
        if (rows.length) {
          var h = document.createElement('h2');
          h.textContent = T.closest;
          var ul = document.createElement('ul');
          rows.forEach(function (r) { ul.appendChild(item(r)); });
          suggest.appendChild(h);
          suggest.appendChild(ul);
        }
        var fh = document.createElement('h2');
        fh.textContent = rows.length ? T.fields : T.fieldsOnly;
        var fl = document.createElement('ul');
        fl.className = 'search-fields';
        (engine.meta.f || []).forEach(function (name, i) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.setAttribute('href', '../' + ((engine.meta.fu || [])[i] || ''));
          a.textContent = name;
          li.appendChild(a);
          fl.appendChild(li);
        });
        suggest.appendChild(fh);
        suggest.appendChild(fl);
        suggest.hidden = false;
      });
    }

    function show(from, my) {
      var docs = current.hits.slice(from, from + PAGE).map(function (h) { return h.doc; });
      return engine.rows(docs).then(function (rows) {
        if (my !== seq) return;
        var frag = document.createDocumentFragment();
        rows.forEach(function (r) { frag.appendChild(item(r, current.hits.ask)); });
        if (from === 0) list.textContent = '';
        list.appendChild(frag);
        showList(true);
        current.shown = from + rows.length;
        more.hidden = current.shown >= current.hits.length;
      });
    }

    function run(q) {
      var my = ++seq;
      try {
        var url = q.trim() ? '?q=' + encodeURIComponent(q) : location.pathname.replace(/^.*\//, '') || './';
        history.replaceState(history.state, '', url);
      } catch (e) { /* some browsers refuse history on file:// */ }
      if (!q.trim()) {
        list.textContent = '';
        suggest.hidden = true;
        showList(false);
        more.hidden = true;
        setStatus(emptyStatus);
        list.dataset.query = q;
        return Promise.resolve();
      }
      return engine.search(q).then(function (hits) {
        if (my !== seq) return;
        var shown = select(hits), partial = shown.partial;
        hits = shown.hits;
        current = { q: q, hits: hits, shown: 0 };
        var unknown = shown.unknown.length ? T.unknown(asTyped(q, shown.unknown)) : '';
        suggest.hidden = true;
        if (!hits.length) {
          list.textContent = '';
          showList(true);
          more.hidden = true;
          setStatus(T.none(q.trim()));
          return showSuggestions(q, my).then(function () {
            if (my !== seq) return;
            list.dataset.query = q;
            engine.prefetch(q);
          });
        }
        return show(0, my).then(function () {
          if (my !== seq) return;
          // The words left out first: they explain what follows.
          setStatus(unknown + (partial ? T.partial(hits.length, q.trim()) : T.count(hits.length, q.trim())));
          list.dataset.query = q;
          engine.prefetch(q);
        });
      }).catch(function (e) {
        if (my !== seq) return;
        list.textContent = '';
        showList(true);
        more.hidden = true;
        suggest.hidden = true;
        setStatus(T.error);
        list.dataset.error = String(e && e.message || e);
        list.dataset.query = q;
      });
    }

    // Wired once the index answers (or fails: then typing says so), so that
    // a stale runtime replaced by onStale never touches the page.
    function wire() {
      list = az.cloneNode(false);
      az.removeAttribute('id');
      list.hidden = true;
      az.parentNode.insertBefore(list, az);
      az.parentNode.insertBefore(more, az);
      az.parentNode.insertBefore(suggest, az);
      more.addEventListener('click', function () {
        if (current) show(current.shown, seq);
      });
      input.addEventListener('input', function () { run(input.value); });
      var form = input.form;
      if (form) form.addEventListener('submit', function (ev) { ev.preventDefault(); run(input.value); });
      if (input.value) run(input.value);
      else {
        setStatus(emptyStatus);
        list.dataset.query = '';
      }
    }
    engine.ready().then(wire, wire);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof window !== 'undefined' ? window : globalThis);
