// due.js (themes/default/static/due.js) in node on the shared vectors: the
// same answers as the Rust calculator (tests/due_dates.rs).
//   node --test tests/due/engine.test.js
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const due = require(path.join(__dirname, '../../themes/default/static/due.js'));
const V = require('./vectors.json');

const DAY = 864e5;
const dayOf = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY;
const iso = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const hhmm = (m) => String(Math.floor(m / 60)).padStart(2, '0') + ':' + String(m % 60).padStart(2, '0');
const minuteOf = (s) => (s.length > 10 ? +s.slice(11, 13) * 60 + +s.slice(14, 16) : 0);
const lunar = { y: V.lunar.from, t: V.lunar.tet, g: V.lunar.gio_to };
const data = (name) => {
  const c = V.calendars[name];
  return { h: c.holidays, w: c.workdays, o: c.hours, l: lunar };
};
const calendar = (name) => new due.Calendar(data(name));

test(`every vector (${V.cases.length}) gives the Rust answer`, () => {
  assert.ok(V.cases.length >= 60);
  const failed = [];
  for (const c of V.cases) {
    const r = due.rule(c.rule);
    assert.ok(r, c.rule);
    const [rec, end] = due.due(calendar(c.calendar), r, dayOf(c.now), minuteOf(c.now));
    const hours = r.k === 'h';
    const receipt = iso(rec[0]) + (hours ? ' ' + hhmm(rec[1]) : '');
    const at = iso(end[0]) + (hours ? ' ' + hhmm(end[1]) : '');
    if (receipt !== c.receipt || at !== c.due) {
      failed.push(`${c.name}: receipt ${receipt} (want ${c.receipt}), due ${at} (want ${c.due})`);
    }
  }
  assert.deepStrictEqual(failed, []);
});

test('the law\'s holidays and compensating days, year by year', () => {
  for (const c of V.public_holidays) {
    const off = calendar(c.calendar).law(c.year);
    const days = Object.keys(off).map(Number).sort((a, b) => a - b).map(iso);
    assert.deepStrictEqual(days, c.days, `${c.year} on ${c.calendar}`);
  }
});

test('the lunar table decodes to the published Tết and Giỗ Tổ', () => {
  const cal = calendar('plain');
  for (const [year, want] of Object.entries(V.official.tet)) {
    const off = Object.keys(cal.law(+year)).map(Number).map(iso);
    assert.ok(off.includes(want), `Tết ${year}`);
    assert.ok(off.includes(V.official.gio_to[year]), `Giỗ Tổ ${year}`);
  }
});

test('rule codes', () => {
  assert.deepStrictEqual(due.rule('w0/15:00'), { k: 'w', n: 0, c: 900 });
  assert.deepStrictEqual(due.rule('h8'), { k: 'h', n: 8, c: null });
  for (const bad of ['', 'x3', 'w', 'w-1', 'w3/15', 'w3/15:0']) assert.strictEqual(due.rule(bad), null, bad);
});

test('the sentences, in Vietnamese and English', () => {
  globalThis.niemyetCalendar = data('hong-lam');
  const monday = [dayOf('2026-12-07'), 10 * 60 + 15];
  assert.strictEqual(due.text('w3', 'vi', null, monday),
    'Nếu nộp đủ hồ sơ hôm nay (thứ Hai, 07/12/2026): dự kiến trả kết quả thứ Năm, 10/12/2026.');
  assert.strictEqual(due.text('w3', 'vi', 'value', monday), 'thứ Năm, 10/12/2026 (nộp ngày 07/12/2026)');
  assert.strictEqual(due.text('w3', 'vi', 'live', monday), 'thứ Năm, 10/12/2026 (nộp hôm nay)');
  assert.strictEqual(due.text('w3', 'vi', 'live', [monday[0], 17 * 60 + 30]), 'thứ Sáu, 11/12/2026 (nộp ngày 08/12/2026)');
  assert.strictEqual(due.text('w0/15:00', 'vi', null, [monday[0], 16 * 60]),
    'Nếu nộp đủ hồ sơ vào ngày làm việc tiếp theo (thứ Ba, 08/12/2026): dự kiến trả kết quả thứ Ba, 08/12/2026.');
  assert.strictEqual(due.text('h4', 'vi', null, monday),
    'Nếu nộp đủ hồ sơ lúc 10:15 hôm nay (thứ Hai, 07/12/2026): dự kiến trả kết quả lúc 16:15, thứ Hai, 07/12/2026.');
  assert.strictEqual(due.text('h4', 'vi', 'value', monday),
    'lúc 16:15, thứ Hai, 07/12/2026 (nộp lúc 10:15 ngày 07/12/2026)');
  assert.strictEqual(due.text('w3', 'en', null, monday),
    'If a complete dossier is handed in today (Monday, 07/12/2026): result expected on Thursday, 10/12/2026.');
  assert.strictEqual(due.text('c5', 'en', 'value', [dayOf('2026-12-12'), 600]), 'Monday, 21/12/2026 (handed in on 14/12/2026)');
  delete globalThis.niemyetCalendar;
  assert.strictEqual(due.text('w3', 'vi'), '', 'no calendar, no date');
});
