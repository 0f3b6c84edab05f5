/* Expected return date ("dự kiến"), computed when read or printed: the rules
   of src/calendar/ (due.rs, mod.rs; tests/due/vectors.json), on the calendar
   assets/calendar.js sets. Days since 1970-01-01, minutes, UTC+7. Kept small:
   it counts in every procedure page's weight. */
(function (g) {
  'use strict';
  var D = 864e5, L = 3660, NS;
  function day(y, m, d) { return Date.UTC(y, m - 1, d) / D; }
  function ymd(n) { var d = new Date(n * D); return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]; }
  function wd(n) { return ((n + 3) % 7 + 7) % 7; } // 0 = Monday
  function set(a) { var s = {}; (a || []).forEach(function (x) { s[day(+x.slice(0, 4), +x.slice(5, 7), +x.slice(8))] = 1; }); return s; }

  function Calendar(c) { this.h = set(c.h); this.w = set(c.w); this.o = c.o || []; this.l = c.l || {}; this.y = {}; }
  // The law's days off of year y (1), and compensating days (2).
  Calendar.prototype.law = function (y) {
    var me = this, l = this.l, i = y - l.y, off = this.y[y], k, f;
    if (off) return off;
    off = this.y[y] = {};
    f = [day(y, 1, 1), day(y, 4, 30), day(y, 5, 1), day(y, 9, 2)];
    if (l.t && i >= 0 && i < l.t.length) {
      for (k = -1; k < 3; k++) off[day(y, 1, 21) + l.t.charCodeAt(i) - 48 + k] = 1;
      f.push(day(y, 3, 28) + l.g.charCodeAt(i) - 48);
    }
    f.forEach(function (d) { off[d] = 1; });
    f.sort(function (a, b) { return a - b; }).forEach(function (h, j) {
      if (f[j - 1] === h || wd(h) < 5 || me.w[h]) return;
      for (k = h + 1; k <= h + 7; k++) if (me.h[k] && wd(k) < 5 && off[k] !== 1) return; // announced
      for (k = h + 1; wd(k) > 4 || off[k] || me.h[k]; k++);
      off[k] = 2;
    });
    return off;
  };
  Calendar.prototype.working = function (n) { return !this.h[n] && !this.law(ymd(n)[0])[n] && (!!this.w[n] || wd(n) < 5); };
  Calendar.prototype.next = function (n) { for (var i = 1; i < L && !this.working(n + i); i++); return n + i; };
  Calendar.prototype.hours = function (n) { return this.o[this.w[n] ? 0 : wd(n)] || []; };

  function rule(c) { // "w3", "c30", "h8", "w0/15:00"
    var m = /^([wch])(\d+)(?:\/(\d\d?):(\d\d))?$/.exec(c || '');
    return m && { k: m[1], n: +m[2], c: m[3] ? m[3] * 60 + +m[4] : null };
  }
  // [receipt [day, minute], due [day(, minute)]] for a dossier handed in at minute m of day d.
  function due(cal, r, d, m) {
    var s = cal.hours(d), i, e, rec;
    if (cal.working(d) && !(r.c !== null && m > r.c) && m < (s[s.length - 1] || 0)) {
      for (i = 1; s[i] <= m; i += 2);
      rec = [d, Math.max(s[i - 1], m)];
    } else rec = [e = cal.next(d), cal.hours(e)[0] || 0];
    e = rec[0];
    if (r.k === 'w') for (i = 0; i < r.n; i++) e = cal.next(e);
    if (r.k === 'c' && !cal.working(e += r.n)) e = cal.next(e);
    return [rec, r.k === 'h' ? count(cal, rec, r.n * 60) : [e]];
  }
  function count(cal, rec, left) {
    for (var d = rec[0], p = rec[1], k = 0; k < L; k++, d = cal.next(d), p = 0) {
      for (var s = cal.hours(d), i = 0, a; i < s.length; i += 2) {
        if ((a = Math.max(s[i], p)) >= s[i + 1]) continue;
        if (left <= s[i + 1] - a) return [d, a + left];
        left -= s[i + 1] - a;
      }
    }
    return [d, p];
  }
  function now() { var t = Date.now() + 252e5; return [Math.floor(t / D), Math.floor(t % D / 6e4)]; }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function dmy(n) { var p = ymd(n); return pad(p[2]) + '/' + pad(p[1]) + '/' + p[0]; }
  var W = {
    vi: ['thứ Hai,thứ Ba,thứ Tư,thứ Năm,thứ Sáu,thứ Bảy,Chủ nhật', 'lúc ', 'ngày ', 'hôm nay', 'vào ngày làm việc tiếp theo',
      'Nếu nộp đủ hồ sơ ', 'dự kiến trả kết quả ', ' (nộp ', ''],
    en: ['Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday', 'at ', 'on ', 'today', 'on the next working day',
      'If a complete dossier is handed in ', 'result expected ', ' (handed in ', 'on ']
  };
  // The sentence for a page, or the date for a printed line (form "value") or a live one ("live": "hôm nay"); t: [day, minute], now by default.
  function text(code, lang, form, t) {
    var c = g.niemyetCalendar, r = rule(code), w = W[lang] || W.vi, h = r && r.k === 'h';
    if (!c || !r) return '';
    if (!NS.cal || NS.cal.src !== c) (NS.cal = new Calendar(c)).src = c;
    var x = due(NS.cal, r, (t = t || now())[0], t[1]), rec = x[0], end = x[1];
    function date(n) { return w[0].split(',')[wd(n)] + ', ' + dmy(n); }
    function at(m) { return h ? w[1] + Math.floor(m / 60) + ':' + pad(m % 60) + ' ' : ''; }
    var when = (h ? at(end[1]).slice(0, -1) + ', ' : '') + date(end[0]);
    if (form) return when + w[7] + at(rec[1]) + (form === 'live' && rec[0] === t[0] ? w[3] : w[2] + dmy(rec[0])) + ')';
    return w[5] + at(rec[1]) + w[rec[0] === t[0] ? 3 : 4] + ' (' + date(rec[0]) + '): ' + w[6] + (h ? '' : w[8]) + when + '.';
  }
  // Each [data-due] gets a line before its rule in words, or (data-due-as="value") the date in place of its blank.
  function fill() {
    var lang = document.documentElement.lang.slice(0, 2);
    [].forEach.call(document.querySelectorAll('[data-due]'), function (el) {
      var as = el.getAttribute('data-due-as'), s = text(el.getAttribute('data-due'), lang, as), p;
      if (!s) return;
      if (as) { el.textContent = s; return; }
      if (!(p = el.querySelector('.due-date'))) { p = el.insertBefore(document.createElement('p'), el.firstChild); p.className = 'due-date'; }
      p.textContent = s;
    });
  }
  NS = g.niemyetDue = { Calendar: Calendar, rule: rule, due: due, text: text, fill: fill, now: now };
  if (typeof module === 'object' && module.exports) module.exports = NS;
  if (typeof document === 'undefined') return;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fill); else fill();
  g.addEventListener('beforeprint', fill); // open since yesterday: today's date
})(typeof window !== 'undefined' ? window : globalThis);
