/* The kiosk (kiosk/index.html): the waiting room's touch screen. One page
 * whose screens (start, field, procedure, search, notices) are shown and
 * hidden here; src/render/kiosk.rs says why it is built this way.
 * - Moving between screens never adds a history entry (the #route is
 *   written with location.replace), so the browser's Back has nothing of
 *   the last person's to return to; "Quay lại" walks a stack in memory.
 * - After data-idle seconds without a touch, "Bạn còn sử dụng không?"
 *   counts data-warn seconds down, then the bare page is loaded again with
 *   location.replace: search, screens, text size and contrast are gone.
 *   ?idle=…&warn=… in the address override both (tests wait 2 s, not 90).
 * - Search is the site's own engine and index (search/search.js): the same
 *   ranking and the same choice of results (niemyetSearch.select).
 * - Nothing leads out: links are #routes; no menu, selection, drag or zoom. */
(function () {
  'use strict';
  var K = window.niemyetKiosk = window.niemyetKiosk || {};
  var doc = document, body = doc.body;
  var $ = function (id) { return doc.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var SLUG = /^[a-z0-9-]+$/;

  function millis(name, fallback) {
    var v = parseFloat(params.get(name));
    if (!(v > 0)) v = parseFloat(body.getAttribute('data-' + name));
    return (v > 0 ? v : fallback) * 1000;
  }
  var IDLE = millis('idle', 90), WARN = millis('warn', 10);
  // Data files are read afresh by each load of the page (every reset), so a
  // kiosk left running picks up a new build.
  var stamp = Date.now();

  // ---- data: kiosk/data/*.js call K.f and K.p --------------------------
  var fields = {}, chunks = {}, loads = {};
  K.f = function (slug, per, rows) { fields[slug] = { per: per, rows: rows }; };
  K.p = function (slug, i, records) { chunks[slug + '.' + i] = records; };

  function script(src) {
    if (!loads[src]) {
      loads[src] = new Promise(function (resolve, reject) {
        var s = doc.createElement('script');
        s.src = src + '?v=' + stamp;
        s.onload = function () { resolve(); };
        s.onerror = function () { delete loads[src]; reject(new Error('cannot load ' + src)); };
        doc.head.appendChild(s);
      });
    }
    return loads[src];
  }

  function field(slug) {
    if (!SLUG.test(slug)) return Promise.reject(new Error('bad field'));
    return script('data/' + slug + '.js').then(function () {
      if (!fields[slug]) throw new Error('no field ' + slug);
      return fields[slug];
    });
  }

  function record(fslug, pslug) {
    return field(fslug).then(function (f) {
      var i = 0;
      while (i < f.rows.length && f.rows[i][0] !== pslug) i++;
      if (i === f.rows.length) throw new Error('no procedure ' + pslug);
      var c = Math.floor(i / f.per);
      return script('data/' + fslug + '.' + c + '.js').then(function () {
        var r = (chunks[fslug + '.' + c] || [])[i % f.per];
        if (!r) throw new Error('no record ' + pslug);
        return r;
      });
    });
  }

  // ---- screens ------------------------------------------------------------
  var main = $('k-main'), nav = doc.querySelector('.k-nav');
  var SCREENS = { '': 'k-start', tim: 'k-search', 'thong-bao': 'k-notices', f: 'k-field', p: 'k-proc' };
  var stack = [], shown = null, showing = 0;

  /** '' | 'tim' | 'thong-bao' | 'f=<field>' | 'p=<field>/<procedure>' */
  function parse(route) {
    var m;
    if (route === '' || route === 'tim' || route === 'thong-bao') return { kind: route };
    if ((m = /^f=([a-z0-9-]+)$/.exec(route))) return { kind: 'f', field: m[1] };
    if ((m = /^p=([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(route))) return { kind: 'p', field: m[1], slug: m[2] };
    return null;
  }

  function go(route) {
    if (!parse(route)) route = '';
    if (route === shown) return Promise.resolve();
    if (route === '') stack = [];
    stack.push(route);
    return show(route);
  }

  function back() {
    stack.pop();
    if (!stack.length) stack.push('');
    return show(stack[stack.length - 1]);
  }

  function show(route) {
    var r = parse(route) || parse(''), my = ++showing;
    body.setAttribute('data-state', 'loading');
    var ready = r.kind === 'f' ? showField(r.field)
      : r.kind === 'p' ? showProcedure(r.field, r.slug) : Promise.resolve();
    return ready.then(function () {
      if (my !== showing) return;
      var id = SCREENS[r.kind];
      Array.prototype.forEach.call(doc.querySelectorAll('.k-screen'), function (s) { s.hidden = s.id !== id; });
      nav.hidden = r.kind === '';
      main.scrollTop = 0;
      shown = route;
      try { location.replace('#' + route); } catch (e) { /* the screen is shown all the same */ }
      if (r.kind === 'tim') startSearch();
      // A screen reached by a tap starts at its top for a screen reader too
      // (not the first one: a frame would show around it).
      if (my > 1) main.focus({ preventScroll: true });
      body.setAttribute('data-route', route);
      body.setAttribute('data-state', 'ready');
    }, function (e) {
      if (my !== showing) return;
      body.setAttribute('data-state', 'error');
      body.setAttribute('data-error', String(e && e.message || e));
      $('k-error').hidden = false;
    });
  }

  function item(route, title, meta) {
    var li = doc.createElement('li'), a = doc.createElement('a');
    a.className = 'k-item';
    a.setAttribute('href', '#' + route);
    var t = doc.createElement('span');
    t.className = 'k-title';
    t.textContent = title;
    a.appendChild(t);
    if (meta) {
      var m = doc.createElement('span');
      m.className = 'k-meta';
      m.textContent = meta;
      a.appendChild(m);
    }
    li.appendChild(a);
    return li;
  }

  function showField(slug) {
    return field(slug).then(function (f) {
      var tile = doc.querySelector('.k-field[href="#f=' + slug + '"]');
      $('k-field-h').textContent = tile ? tile.querySelector('.k-name').textContent : slug;
      $('k-field-count').textContent = tile ? tile.querySelector('.k-count').textContent : '';
      var list = $('k-field-list'), frag = doc.createDocumentFragment();
      f.rows.forEach(function (row) { frag.appendChild(item('p=' + slug + '/' + row[0], row[1], row[3])); });
      list.textContent = '';
      list.appendChild(frag);
    });
  }

  function showProcedure(fslug, pslug) {
    return record(fslug, pslug).then(function (rec) {
      var node = $('k-proc-tpl').content.cloneNode(true);
      fill(node, rec);
      var screen = $('k-proc');
      screen.textContent = '';
      screen.appendChild(node);
      screen.handout = rec.handout;
      returnDate(screen, rec);
    });
  }

  /* Expected return date ("dự kiến trả kết quả"), by the website's own
   * calculator (assets/due.js over assets/calendar.js), from the rule the
   * record carries (rec.due, as pages carry it in data-due), computed
   * now: the kiosk stays up for days. */
  function returnDate(screen, rec) {
    var el = screen.querySelector('[data-return-date]');
    var due = window.niemyetDue;
    if (!el || !due || !rec.due) return;
    var text = due.text(rec.due, document.documentElement.lang.slice(0, 2));
    if (text) { el.textContent = text; el.hidden = false; }
  }

  // ---- filling the procedure template (see kiosk/_procedure.html) --------
  function get(scope, key) {
    if (key === '.') return scope;
    return key.split('.').reduce(function (o, k) { return o == null ? o : o[k]; }, scope);
  }
  function empty(v) {
    return v == null || v === false || v === '' || (Array.isArray(v) && !v.length);
  }
  function each(node, sel, f) { Array.prototype.forEach.call(node.querySelectorAll(sel), f); }

  /** Fills node's data-* slots from scope. A <template> inside data-each
   * is inert, so its slots are filled only per item, with the item. */
  function fill(node, scope) {
    each(node, '[data-if]', function (el) { if (empty(get(scope, el.getAttribute('data-if')))) el.remove(); });
    each(node, '[data-if-not]', function (el) { if (!empty(get(scope, el.getAttribute('data-if-not')))) el.remove(); });
    each(node, '[data-text]', function (el) {
      var v = get(scope, el.getAttribute('data-text'));
      if (empty(v)) el.remove(); else el.textContent = v;
    });
    // Markup the build made (the body without links).
    each(node, '[data-html]', function (el) { el.innerHTML = get(scope, el.getAttribute('data-html')) || ''; });
    // QR codes of addresses, drawn here (assets/qr.js).
    each(node, '[data-qr]', function (el) {
      var url = get(scope, el.getAttribute('data-qr'));
      if (url && window.niemyetQR) el.innerHTML = window.niemyetQR.svg(url, el.getAttribute('data-qr-label'));
    });
    each(node, '[data-each]', function (el) {
      var tpl = el.querySelector('template');
      if (!tpl) return;
      (get(scope, el.getAttribute('data-each')) || []).forEach(function (it) {
        var c = tpl.content.cloneNode(true);
        fill(c, it);
        el.appendChild(c);
      });
      tpl.remove();
    });
  }

  // ---- search: the site's engine and index ---------------------------------
  var NS = window.niemyetSearch, engine = null, PAGE = 8;
  var q = $('k-q'), results = $('k-results'), status = $('k-status'), more = $('k-more-results');
  var searchBase = (function () {
    var s = doc.querySelector('script[src*="search/search.js"]');
    return s ? s.src.replace(/[^/]*([?#].*)?$/, '') : '../search/';
  })();
  var seq = 0, current = null;

  function loadIndex(path) {
    return new Promise(function (resolve, reject) {
      var s = doc.createElement('script');
      s.src = searchBase + path + (path === 'idx/meta.js' ? '?t=' + stamp : '');
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('cannot load ' + path)); };
      doc.head.appendChild(s);
    });
  }

  function startSearch() {
    if (!engine && NS && NS.Engine) {
      engine = new NS.Engine(loadIndex);
      engine.ready().catch(function () {});
    }
  }

  function said(attr) { return status.getAttribute('data-' + attr) || ''; }

  function run() {
    var text = q.value, my = ++seq;
    more.hidden = true;
    if (!text.trim()) {
      results.textContent = '';
      status.textContent = '';
      results.setAttribute('data-query', text);
      return;
    }
    startSearch();
    if (!engine) { status.textContent = said('error'); return; }
    engine.search(text).then(function (hits) {
      if (my !== seq) return;
      var pick = NS.select(hits);
      current = { hits: pick.hits, shown: 0 };
      results.textContent = '';
      if (!pick.hits.length) {
        status.textContent = said('none');
        results.setAttribute('data-query', text);
        return;
      }
      return page(my).then(function () {
        if (my !== seq) return;
        status.textContent = pick.partial ? said('partial')
          : pick.hits.length + ' ' + said('results') + ' “' + text.trim() + '”';
        results.setAttribute('data-query', text);
        engine.prefetch(text);
      });
    }).catch(function () {
      if (my !== seq) return;
      status.textContent = said('error');
      results.setAttribute('data-query', text);
    });
  }

  function page(my) {
    var docs = current.hits.slice(current.shown, current.shown + PAGE).map(function (h) { return h.doc; });
    return engine.rows(docs).then(function (rows) {
      if (my !== seq) return;
      rows.forEach(function (r) {
        var route = 'p=' + r[1].replace(/\/index\.html$/, '');
        results.appendChild(item(route, r[0], r[4]));
      });
      current.shown += rows.length;
      more.hidden = current.shown >= current.hits.length;
    });
  }

  function key(k) {
    if (k === 'del') q.value = q.value.slice(0, -1);
    else if (k === 'clear') q.value = '';
    else if (q.value.length < 60) q.value += k;
    run();
  }

  // ---- taps -------------------------------------------------------------
  doc.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!t || !t.closest) return;
    var a = t.closest('a');
    if (a) {
      // Every link is a #route of this page, followed without history.
      ev.preventDefault();
      var href = a.getAttribute('href') || '';
      if (href.charAt(0) === '#') go(href.slice(1));
      return;
    }
    var b = t.closest('button');
    if (!b) return;
    if (b.hasAttribute('data-key')) key(b.getAttribute('data-key'));
    else if (b.getAttribute('data-go') === 'home') go('');
    else if (b.getAttribute('data-go') === 'back') back();
    else if (b.hasAttribute('data-more')) toggleMore(b);
    else if (b.hasAttribute('data-reveal')) reveal(b);
    else if (b.hasAttribute('data-print')) printHandout(b);
    else if (b === more && current) page(seq);
    else if (b.id === 'k-idle-continue') stillHere();
  });
  q.addEventListener('input', run);

  function toggleMore(b) {
    var box = $('k-more'), open = box.hidden;
    box.hidden = !open;
    b.setAttribute('aria-expanded', String(open));
    if (!b.hasAttribute('data-more-text')) b.setAttribute('data-more-text', b.textContent);
    b.textContent = open ? b.getAttribute('data-less') : b.getAttribute('data-more-text');
    // What opened is below the button: bring it up into view.
    if (open && b.scrollIntoView) b.scrollIntoView({ block: 'start' });
  }

  function reveal(b) {
    var box = b.nextElementSibling, open = box.hidden;
    box.hidden = !open;
    b.setAttribute('aria-expanded', String(open));
  }

  /* The A5 handout, printed from a frame off screen: from file:// the
   * frame is another origin, so it is asked by message (posters/page.html
   * listens) to print itself. With --kiosk-printing no dialog shows. */
  function printHandout(b) {
    var path = $('k-proc').handout;
    if (!path || b.disabled) return;
    var old = $('k-print-frame');
    if (old) old.remove();
    var f = doc.createElement('iframe');
    f.id = 'k-print-frame';
    f.className = 'k-print-frame';
    f.setAttribute('aria-hidden', 'true');
    f.setAttribute('tabindex', '-1');
    f.title = b.textContent;
    f.onload = function () { f.contentWindow.postMessage('niemyet-print', '*'); };
    f.src = '../' + path;
    body.appendChild(f);
    var note = b.parentNode.querySelector('[data-printing]');
    b.disabled = true;
    if (note) note.hidden = false;
    setTimeout(function () { b.disabled = false; if (note) note.hidden = true; }, 8000);
  }

  // ---- locked in --------------------------------------------------------
  function stop(ev) { ev.preventDefault(); }
  doc.addEventListener('contextmenu', stop);
  doc.addEventListener('dragstart', stop);
  doc.addEventListener('auxclick', stop);
  doc.addEventListener('selectstart', function (ev) {
    if (!(ev.target.closest && ev.target.closest('input'))) ev.preventDefault();
  });
  // Page zoom (ctrl + wheel or a touchpad pinch, ctrl +/-) would outlast
  // the reset; A−/A/A+ is the zoom here.
  window.addEventListener('wheel', function (ev) { if (ev.ctrlKey) ev.preventDefault(); }, { passive: false });
  doc.addEventListener('keydown', function (ev) {
    var zoom = (ev.ctrlKey || ev.metaKey) && /^(\+|-|=|0|Add|Subtract)$/.test(ev.key);
    var away = ev.altKey && /^Arrow(Left|Right)$/.test(ev.key);
    if (zoom || away || ev.key === 'BrowserBack' || ev.key === 'BrowserForward') ev.preventDefault();
  });
  window.addEventListener('hashchange', function () {
    var route = decodeURIComponent(location.hash.slice(1));
    if (route !== shown) go(route);
  });

  // ---- idle: ask, then start again clean ------------------------------------
  var dialog = $('k-idle'), counter = $('k-idle-n'), idleTimer = 0, tick = 0;

  function arm() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(ask, IDLE);
  }

  function touched() {
    if (dialog.open) stillHere();
    else arm();
  }

  function ask() {
    var end = Date.now() + WARN;
    counter.textContent = String(Math.ceil(WARN / 1000));
    if (dialog.showModal) dialog.showModal(); else dialog.setAttribute('open', '');
    body.setAttribute('data-idle', 'asking');
    clearInterval(tick);
    tick = setInterval(function () {
      var left = Math.ceil((end - Date.now()) / 1000);
      counter.textContent = String(Math.max(0, left));
      if (left <= 0) reset();
    }, 200);
  }

  function stillHere() {
    clearInterval(tick);
    if (dialog.open) dialog.close();
    body.removeAttribute('data-idle');
    arm();
  }

  /** The next person's screen: the bare page loaded again in place of this
   * one (no history entry), preferences back to the defaults. */
  function reset() {
    clearInterval(tick);
    try { localStorage.removeItem('niemyet-prefs'); sessionStorage.clear(); } catch (e) { /* private mode */ }
    var keep = new URLSearchParams();
    ['idle', 'warn'].forEach(function (k) { if (params.has(k)) keep.set(k, params.get(k)); });
    var search = keep.toString();
    location.replace(location.pathname + (search ? '?' + search : ''));
  }

  dialog.addEventListener('cancel', function (ev) { ev.preventDefault(); stillHere(); });
  ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'].forEach(function (type) {
    window.addEventListener(type, touched, { capture: true, passive: true });
  });

  // ---- the clock: the kiosk stays up for days ---------------------------------
  var weekdays = (body.getAttribute('data-weekdays') || '').split('|');
  var dateWord = body.getAttribute('data-date-word') || '';
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function clock() {
    var d = new Date();
    $('k-date').textContent = (weekdays[d.getDay()] || '') + ', ' + dateWord + ' ' +
      two(d.getDate()) + '/' + two(d.getMonth() + 1) + '/' + d.getFullYear();
    $('k-time').textContent = two(d.getHours()) + ':' + two(d.getMinutes());
  }
  clock();
  setInterval(clock, 5000);

  // ---- start ----------------------------------------------------------------
  var first = decodeURIComponent(location.hash.slice(1));
  if (!parse(first)) first = '';
  stack = first ? [''] : [];
  // Opened on a screen other than the start (a test, a reload): that
  // screen, too, goes back to the start when left alone.
  if (first) arm();
  go(first);
  K.go = go;
})();
