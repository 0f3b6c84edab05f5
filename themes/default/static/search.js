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

  // ---- ranking (see src/search/query.rs) -------------------------------
  var TITLE = 1, ALIAS = 2, CODE = 4, FIELD = 8, DOCS = 16, RESULT = 32, BODY = 64;
  var MAX_WORDS = 10, MAX_PREFIX = 8, MAX_TYPO = 10, PREFIX_MIN = 2, TYPO_MIN = 4;

  function weight(mask) {
    if (mask & (TITLE | CODE)) return 10;
    if (mask & ALIAS) return 6;
    if (mask & FIELD) return 4;
    if (mask & DOCS) return 3;
    if (mask & RESULT) return 2;
    if (mask & BODY) return 1;
    return 0;
  }

  function cps(s) { return Array.from(s); }

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
    if (vocab[lower] === word) { out.push([lower, 10]); start++; }
    var len = cps(word).length;
    if (last && len >= PREFIX_MIN) {
      var pre = [];
      for (var i = start; i < vocab.length && vocab[i].startsWith(word); i++) pre.push(i);
      var clen = pre.map(function (i) { return cps(vocab[i]).length; });
      var idx = pre.map(function (_, k) { return k; });
      idx.sort(function (x, y) { return clen[x] - clen[y] || pre[x] - pre[y]; });
      for (var k = 0; k < idx.length && k < MAX_PREFIX; k++) out.push([pre[idx[k]], 8]);
    }
    if (!out.length && len >= TYPO_MIN && !/[0-9]/.test(word)) {
      var w = cps(word);
      for (var t = 0; t < vocab.length && out.length < MAX_TYPO; t++) {
        if (oneEdit(w, vocab[t])) out.push([t, 6]);
      }
    }
    return out;
  }

  function zeros(k) { return new Array(k).fill(0); }

  /** wordLists: for each kept query word, a list of [postings array, quality].
   * Per document and word, exact matches ([0]) are kept apart from prefix or
   * typo matches ([1]); a word matched exactly is judged on those only. */
  function rank(wordLists) {
    var k = wordLists.length;
    if (!k) return [];
    var states = new Map();
    for (var j = 0; j < k; j++) {
      var cands = wordLists[j];
      for (var c = 0; c < cands.length; c++) {
        var arr = cands[c][0], q = cands[c][1], e = q === 10 ? 0 : 1;
        var i = 0, doc = 0;
        while (i < arr.length) {
          doc += arr[i++];
          var mask = arr[i++], tb = 0, tl = 0, ab = 0;
          if (mask & TITLE) { tb = arr[i++]; tl = arr[i++]; }
          if (mask & ALIAS) ab = arr[i++];
          var s = states.get(doc);
          if (!s) {
            s = { score: zeros(k), masks: [zeros(k), zeros(k)], tb: [zeros(k), zeros(k)],
              ab: [zeros(k), zeros(k)], codeExact: new Array(k).fill(false), tlen: -1 };
            states.set(doc, s);
          }
          var sc = weight(mask) * q;
          if (sc > s.score[j]) s.score[j] = sc;
          s.masks[e][j] |= mask;
          if (mask & TITLE) { s.tb[e][j] |= tb; s.tlen = tl; }
          if (mask & ALIAS) s.ab[e][j] |= ab;
          if ((mask & CODE) && q === 10) s.codeExact[j] = true;
        }
      }
    }
    var hits = [];
    states.forEach(function (s, doc) {
      var masks = [], tbs = [], abs = [];
      var matched = 0, exact = 0, score = 0;
      for (var j = 0; j < k; j++) {
        var p = s.masks[0][j] ? 0 : 1;
        masks.push(s.masks[p][j]);
        tbs.push(s.tb[p][j]);
        abs.push(s.ab[p][j]);
        if (masks[j]) matched++;
        if (s.masks[0][j]) exact++;
        score += s.score[j];
      }
      var all = matched === k;
      var inAny = function (bits) {
        if (!all) return false;
        for (var j = 0; j < k; j++) if (!(masks[j] & bits)) return false;
        return true;
      };
      var phrase = function (b) {
        var acc = -1;
        for (var j = 0; j < k; j++) acc &= (b[j] >>> j);
        return acc;
      };
      var tier;
      if (inAny(TITLE | CODE)) {
        var tp = phrase(tbs);
        if (((tp & 1) && s.tlen === k) || (k === 1 && s.codeExact[0])) tier = 6;
        else if (tp !== 0) tier = 5;
        else tier = 4;
      } else if (all && phrase(abs) !== 0) tier = 3;
      else if (inAny(TITLE | CODE | ALIAS)) tier = 2;
      else if (inAny(~BODY & 0xff)) tier = 1;
      else tier = 0;
      hits.push({ doc: doc, matched: matched, exact: exact, tier: tier, score: score,
        tlen: s.tlen < 0 ? 255 : s.tlen });
    });
    hits.sort(function (a, b) {
      return b.matched - a.matched || b.exact - a.exact || b.tier - a.tier ||
        b.score - a.score || a.tlen - b.tlen || a.doc - b.doc;
    });
    return hits;
  }

  // ---- the index: registration and loading ------------------------------
  var store = { meta: null, shards: {}, chunks: {} };
  NS.m = function (meta) { store.meta = meta; };
  NS.s = function (i, data) { store.shards[i] = data; };
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

  /** An engine over a loader: load(relative path) returns a Promise that
   * resolves once that index script has run. */
  function Engine(load) {
    this.load = load;
    this.pending = {};
    this.vocab = null;
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
  Engine.prototype.ready = function () {
    var self = this;
    return this.need('idx/meta.js').then(function () {
      if (!store.meta) throw new Error('search index: meta.js did not register');
      if (!self.vocab) {
        self.meta = store.meta;
        self.vocab = decodeVocab(store.meta.w);
      }
      return self;
    });
  };
  Engine.prototype.shardOf = function (t) {
    var s = this.meta.s, lo = 0, hi = s.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >>> 1;
      if (s[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  /** Ranked hits for a query (Promise). */
  Engine.prototype.search = function (query) {
    var self = this;
    return this.ready().then(function () {
      var ws = words(query).slice(0, MAX_WORDS);
      var per = [];
      for (var i = 0; i < ws.length; i++) {
        var c = candidates(self.vocab, ws[i], i === ws.length - 1);
        if (c.length) per.push(c);
      }
      var shards = {};
      per.forEach(function (c) { c.forEach(function (tq) { shards[self.shardOf(tq[0])] = true; }); });
      var v = self.meta.v;
      return Promise.all(Object.keys(shards).map(function (s) {
        return self.need('idx/s' + s + '.' + v + '.js');
      })).then(function () {
        var lists = per.map(function (c) {
          return c.map(function (tq) {
            var s = self.shardOf(tq[0]);
            return [store.shards[s][tq[0] - self.meta.s[s]], tq[1]];
          });
        });
        return rank(lists);
      });
    });
  };
  /** Display rows [title, url, field name, code, summary] of some docs. */
  Engine.prototype.rows = function (docs) {
    var self = this, c = this.meta.c, v = this.meta.v, need = {};
    docs.forEach(function (d) { need[Math.floor(d / c)] = true; });
    return Promise.all(Object.keys(need).map(function (i) {
      return self.need('idx/d' + i + '.' + v + '.js');
    })).then(function () {
      return docs.map(function (d) {
        var r = store.chunks[Math.floor(d / c)][d % c];
        return [r[0], r[1], self.meta.f[r[2]] || '', r[3], r[4]];
      });
    });
  };

  NS.fold = fold;
  NS.words = words;
  NS.candidates = candidates;
  NS.rank = rank;
  NS.Engine = Engine;
  NS.store = store;

  if (typeof module === 'object' && module.exports) module.exports = NS;

  // ---- the page -----------------------------------------------------------
  if (typeof document === 'undefined') return;
  var me = document.currentScript;
  var base = me && me.src ? me.src.replace(/[^/]*([?#].*)?$/, '') : '';

  function loadScript(path) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = base + path;
      s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('cannot load ' + path)); };
      (document.head || document.documentElement).appendChild(s);
    });
  }

  var PAGE = 10;
  var EN = {
    count: function (n, q) { return n + (n === 1 ? ' result' : ' results') + ' for “' + q + '”'; },
    none: function (q) { return 'No procedure found for “' + q + '”. Try fewer or other words.'; },
    more: 'Show more results',
    error: 'The search index could not be loaded.'
  };
  var VI = {
    count: function (n, q) { return n + ' kết quả cho “' + q + '”'; },
    none: function (q) { return 'Không tìm thấy thủ tục nào cho “' + q + '”. Hãy thử bớt từ hoặc dùng từ khác.'; },
    more: 'Xem thêm kết quả',
    error: 'Không tải được chỉ mục tìm kiếm.'
  };

  function start() {
    var input = document.getElementById('q');
    var list = document.getElementById('results');
    var status = document.getElementById('search-status');
    if (!input || !list) return;
    var T = (document.documentElement.lang || '').toLowerCase().slice(0, 2) === 'en' ? EN : VI;
    var engine = new Engine(loadScript);
    NS.engine = engine;
    var fallback = Array.prototype.slice.call(list.childNodes);
    var fallbackStatus = status ? status.textContent : '';
    var more = document.createElement('button');
    more.type = 'button';
    more.className = 'search-more';
    more.textContent = T.more;
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);
    var seq = 0, current = null;

    function setStatus(text) { if (status) status.textContent = text; }

    function item(r) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.setAttribute('href', '../' + r[1]);
      a.textContent = r[0];
      li.appendChild(a);
      var meta = [r[2], r[3], r[4]].filter(Boolean).join(' · ');
      if (meta) {
        li.appendChild(document.createTextNode(' '));
        var span = document.createElement('span');
        span.className = 'meta';
        span.textContent = meta;
        li.appendChild(span);
      }
      return li;
    }

    function show(from, my) {
      var docs = current.hits.slice(from, from + PAGE).map(function (h) { return h.doc; });
      return engine.rows(docs).then(function (rows) {
        if (my !== seq) return;
        var frag = document.createDocumentFragment();
        rows.forEach(function (r) { frag.appendChild(item(r)); });
        if (from === 0) list.textContent = '';
        list.appendChild(frag);
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
        fallback.forEach(function (n) { list.appendChild(n); });
        more.hidden = true;
        setStatus(fallbackStatus);
        list.dataset.query = q;
        return Promise.resolve();
      }
      return engine.search(q).then(function (hits) {
        if (my !== seq) return;
        current = { q: q, hits: hits, shown: 0 };
        if (!hits.length) {
          list.textContent = '';
          more.hidden = true;
          setStatus(T.none(q.trim()));
          list.dataset.query = q;
          return;
        }
        return show(0, my).then(function () {
          if (my !== seq) return;
          setStatus(T.count(hits.length, q.trim()));
          list.dataset.query = q;
        });
      }).catch(function (e) {
        if (my !== seq) return;
        setStatus(T.error);
        list.dataset.error = String(e && e.message || e);
        list.dataset.query = q;
      });
    }

    more.addEventListener('click', function () {
      if (current) show(current.shown, seq);
    });
    input.addEventListener('input', function () { run(input.value); });
    var form = input.form;
    if (form) form.addEventListener('submit', function (ev) { ev.preventDefault(); run(input.value); });

    var q = '';
    try { q = new URLSearchParams(location.search).get('q') || ''; } catch (e) { q = ''; }
    engine.ready().catch(function () {});
    if (q) {
      input.value = q;
      run(q);
    } else {
      list.dataset.query = '';
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof window !== 'undefined' ? window : globalThis);
