// The kiosk's QR encoder (themes/default/static/qr.js), in node: codes of
// every length a page or form address can take, and some beyond, are
// drawn as images and decoded with zbarimg (zbar-tools).
//   node --test tests/browser/qr.test.js
// Run by tests/kiosk.rs.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const QR = require('../../themes/default/static/qr.js');

/** The symbol as a binary PGM image, `scale` pixels a module. */
function pgm(q, scale) {
  const n = q.size + 8;
  const w = n * scale;
  const px = Buffer.alloc(w * w, 255);
  for (let y = 0; y < q.size; y++) {
    for (let x = 0; x < q.size; x++) {
      if (!q.dark[y][x]) continue;
      for (let dy = 0; dy < scale; dy++) px.fill(0, ((y + 4) * scale + dy) * w + (x + 4) * scale, ((y + 4) * scale + dy) * w + (x + 5) * scale);
    }
  }
  return Buffer.concat([Buffer.from(`P5 ${w} ${w} 255\n`), px]);
}

// Byte-mode capacity at level M, versions 1–40.
const BYTES_M = [14, 26, 42, 62, 84, 106, 122, 154, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560,
  624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911,
  1989, 2099, 2213, 2331];

function decode(file) {
  return execFileSync('zbarimg', ['--nodbus', '--quiet', '--raw', file], { encoding: 'utf8' }).replace(/\n$/, '');
}

test('codes of 1 to 1,200 bytes decode to their text, at the smallest version', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qr-'));
  const base = 'https://tthc.honglam.example/';
  const texts = [
    'a',
    base,
    base + 'ho-tich/dang-ky-khai-sinh/',
    base + 'ho-tich/dang-ky-khai-sinh/to-khai-dang-ky-khai-sinh.pdf',
    'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc.html?ma_thu_tuc=1.001193',
    'Thủ tục đăng ký khai sinh: hồ sơ gồm tờ khai và giấy chứng sinh',
  ];
  for (let n = 40; n <= 1200; n = Math.ceil(n * 1.35)) texts.push(base + 'x'.repeat(n).replace(/x{7}/g, 'thu-tuc'));
  const versions = new Set();
  for (const [i, text] of texts.entries()) {
    const q = QR.matrix(text);
    assert.ok(q, `a code for ${text.length} characters`);
    versions.add(q.version);
    // The smallest version: the text fits its level M byte capacity
    // (ISO/IEC 18004 table 7), not the one of the version below.
    const bytes = Buffer.byteLength(text);
    assert.ok(BYTES_M[q.version - 1] >= bytes && (q.version === 1 || BYTES_M[q.version - 2] < bytes),
      `${bytes} bytes in version ${q.version}`);
    const file = path.join(dir, `${i}.pgm`);
    fs.writeFileSync(file, pgm(q, 3));
    assert.strictEqual(decode(file), text, `version ${q.version}, mask ${q.mask}`);
  }
  assert.ok(versions.size >= 10, `versions ${[...versions].sort((a, b) => a - b)}`);
  assert.strictEqual(QR.matrix('a').size, 21);
  fs.rmSync(dir, { recursive: true });
});

test('the SVG has the quiet zone, one line per run, and an escaped name', () => {
  const s = QR.svg('https://tthc.honglam.example/ho-tich/dang-ky-khai-sinh/', 'Mã QR <trang>');
  assert.ok(s.startsWith('<svg class="qr"'));
  assert.ok(s.includes('viewBox="0 0 41 41"'), s);
  assert.ok(s.includes('d="M4 4.5h7m'), s);
  assert.ok(s.includes('aria-label="Mã QR &lt;trang&gt;"'));
  assert.strictEqual(QR.svg('x'.repeat(3000), ''), '', 'too long for any version');
});
