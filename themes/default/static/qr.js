/* QR codes drawn in the browser, for the kiosk: its procedure screens and
 * forms carry a code of their address, and drawing it here keeps those
 * codes out of the build (computed by src/render/qr.rs as well, every
 * procedure's code would be made twice: the posters make one).
 * ISO/IEC 18004: byte mode (UTF-8), error correction level M, the smallest
 * version that holds the text, the mask with the lowest penalty. The SVG
 * is drawn as src/render/qr.rs draws it: a 4-module quiet zone, one
 * stroked line per run of dark modules. tests/browser/qr.test.js decodes
 * codes of every size with zbarimg.
 * Works in node too (module.exports), for those tests. */
(function (g) {
  'use strict';
  // Level M, by version (index 0 unused): error correction codewords per
  // block and number of blocks (ISO/IEC 18004, table 9).
  var ECC = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
    26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
  var BLOCKS = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18,
    20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];
  var QUIET = 4;

  /** Modules that carry data and error correction in version v. */
  function rawModules(v) {
    var n = (16 * v + 128) * v + 64;
    if (v >= 2) {
      var align = Math.floor(v / 7) + 2;
      n -= (25 * align - 10) * align - 55;
      if (v >= 7) n -= 36;
    }
    return n;
  }
  function dataCodewords(v) { return Math.floor(rawModules(v) / 8) - ECC[v] * BLOCKS[v]; }

  function utf8(text) {
    var s = unescape(encodeURIComponent(String(text))), out = [];
    for (var i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
    return out;
  }

  // ---- Reed-Solomon over GF(256), polynomial 0x11D ---------------------
  function mul(x, y) {
    var z = 0;
    for (var i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11d);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }
  function divisor(degree) {
    var r = [], root = 1, i, j;
    for (i = 0; i < degree - 1; i++) r.push(0);
    r.push(1);
    for (i = 0; i < degree; i++) {
      for (j = 0; j < r.length; j++) {
        r[j] = mul(r[j], root);
        if (j + 1 < r.length) r[j] ^= r[j + 1];
      }
      root = mul(root, 2);
    }
    return r;
  }
  function remainder(data, div) {
    var r = div.map(function () { return 0; });
    data.forEach(function (b) {
      var f = b ^ r.shift();
      r.push(0);
      div.forEach(function (c, i) { r[i] ^= mul(c, f); });
    });
    return r;
  }

  /** The codewords of `bytes` in version v: data, then error correction,
   * split into blocks and interleaved. */
  function codewords(bytes, v) {
    var n = BLOCKS[v], eccLen = ECC[v], raw = Math.floor(rawModules(v) / 8);
    var short = n - raw % n, shortLen = Math.floor(raw / n), div = divisor(eccLen);
    var blocks = [], k = 0, i, j;
    for (i = 0; i < n; i++) {
      var dat = bytes.slice(k, k + shortLen - eccLen + (i < short ? 0 : 1));
      k += dat.length;
      var ecc = remainder(dat, div);
      if (i < short) dat.push(0);
      blocks.push(dat.concat(ecc));
    }
    var out = [];
    for (i = 0; i < blocks[0].length; i++) {
      for (j = 0; j < n; j++) {
        if (i !== shortLen - eccLen || j >= short) out.push(blocks[j][i]);
      }
    }
    return out;
  }

  /** The data bytes (mode, length, text, terminator, padding) and version. */
  function encode(text) {
    var data = utf8(text), v, lenBits;
    for (v = 1; v <= 40; v++) {
      lenBits = v < 10 ? 8 : 16;
      if (4 + lenBits + data.length * 8 <= dataCodewords(v) * 8) break;
    }
    if (v > 40) return null;
    var bits = [];
    var put = function (value, len) { for (var i = len - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
    put(4, 4);
    put(data.length, lenBits);
    data.forEach(function (b) { put(b, 8); });
    var cap = dataCodewords(v) * 8;
    put(0, Math.min(4, cap - bits.length));
    put(0, (8 - bits.length % 8) % 8);
    for (var pad = 0xec; bits.length < cap; pad ^= 0xec ^ 0x11) put(pad, 8);
    var bytes = [];
    for (var i = 0; i < bits.length; i += 8) {
      var b = 0;
      for (var j = 0; j < 8; j++) b = (b << 1) | bits[i + j];
      bytes.push(b);
    }
    return { version: v, bytes: bytes };
  }

  // ---- the symbol ------------------------------------------------------
  function Symbol(v) {
    this.v = v;
    this.size = v * 4 + 17;
    this.dark = [];
    this.fixed = [];
    for (var y = 0; y < this.size; y++) {
      this.dark.push(new Array(this.size).fill(false));
      this.fixed.push(new Array(this.size).fill(false));
    }
  }
  Symbol.prototype.set = function (x, y, dark) { this.dark[y][x] = dark; this.fixed[y][x] = true; };
  Symbol.prototype.alignments = function () {
    var v = this.v;
    if (v === 1) return [];
    var n = Math.floor(v / 7) + 2;
    var step = v === 32 ? 26 : Math.ceil((v * 4 + 4) / (n * 2 - 2)) * 2;
    var out = [6];
    for (var pos = this.size - 7; out.length < n; pos -= step) out.splice(1, 0, pos);
    return out;
  };
  Symbol.prototype.patterns = function () {
    var s = this.size, self = this, i, j;
    for (i = 0; i < s; i++) { this.set(6, i, i % 2 === 0); this.set(i, 6, i % 2 === 0); }
    [[3, 3], [s - 4, 3], [3, s - 4]].forEach(function (c) {
      for (var dy = -4; dy <= 4; dy++) {
        for (var dx = -4; dx <= 4; dx++) {
          var d = Math.max(Math.abs(dx), Math.abs(dy)), x = c[0] + dx, y = c[1] + dy;
          if (x >= 0 && x < s && y >= 0 && y < s) self.set(x, y, d !== 2 && d !== 4);
        }
      }
    });
    var a = this.alignments(), n = a.length;
    for (i = 0; i < n; i++) {
      for (j = 0; j < n; j++) {
        if ((i === 0 && j === 0) || (i === 0 && j === n - 1) || (i === n - 1 && j === 0)) continue;
        for (var dy = -2; dy <= 2; dy++) {
          for (var dx = -2; dx <= 2; dx++) this.set(a[i] + dx, a[j] + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
        }
      }
    }
    this.format(0);
    if (this.v >= 7) {
      var rem = this.v;
      for (i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
      var bits = (this.v << 12) | rem;
      for (i = 0; i < 18; i++) {
        var bit = ((bits >>> i) & 1) === 1, p = s - 11 + i % 3, q = Math.floor(i / 3);
        this.set(p, q, bit);
        this.set(q, p, bit);
      }
    }
  };
  /** Format information: level M (00) and the mask, BCH-coded, twice. */
  Symbol.prototype.format = function (mask) {
    var data = mask, rem = data, s = this.size, i;
    for (i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    var bits = ((data << 10) | rem) ^ 0x5412;
    var bit = function (k) { return ((bits >>> k) & 1) === 1; };
    for (i = 0; i <= 5; i++) this.set(8, i, bit(i));
    this.set(8, 7, bit(6));
    this.set(8, 8, bit(7));
    this.set(7, 8, bit(8));
    for (i = 9; i < 15; i++) this.set(14 - i, 8, bit(i));
    for (i = 0; i < 8; i++) this.set(s - 1 - i, 8, bit(i));
    for (i = 8; i < 15; i++) this.set(8, s - 15 + i, bit(i));
    this.set(8, s - 8, true);
  };
  /** The codewords in the two-column zigzag, bottom right first. */
  Symbol.prototype.place = function (words) {
    var s = this.size, i = 0;
    for (var right = s - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (var vert = 0; vert < s; vert++) {
        for (var j = 0; j < 2; j++) {
          var x = right - j, up = ((right + 1) & 2) === 0, y = up ? s - 1 - vert : vert;
          if (!this.fixed[y][x] && i < words.length * 8) {
            this.dark[y][x] = ((words[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
            i++;
          }
        }
      }
    }
  };
  var MASKS = [
    function (x, y) { return (x + y) % 2 === 0; },
    function (x, y) { return y % 2 === 0; },
    function (x) { return x % 3 === 0; },
    function (x, y) { return (x + y) % 3 === 0; },
    function (x, y) { return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0; },
    function (x, y) { return (x * y) % 2 + (x * y) % 3 === 0; },
    function (x, y) { return ((x * y) % 2 + (x * y) % 3) % 2 === 0; },
    function (x, y) { return ((x + y) % 2 + (x * y) % 3) % 2 === 0; },
  ];
  /** Inverts the data modules the mask selects (twice undoes it). */
  Symbol.prototype.mask = function (m) {
    for (var y = 0; y < this.size; y++) {
      for (var x = 0; x < this.size; x++) {
        if (!this.fixed[y][x] && MASKS[m](x, y)) this.dark[y][x] = !this.dark[y][x];
      }
    }
  };

  /** ISO/IEC 18004 penalty: runs of five or more, 2×2 blocks, finder-like
   * patterns (1:1:3:1:1 with four light modules on a side), balance. */
  Symbol.prototype.penalty = function () {
    var s = this.size, dark = this.dark, score = 0, x, y;
    var at = [function (i, j) { return dark[i][j]; }, function (i, j) { return dark[j][i]; }];
    at.forEach(function (get) {
      for (var i = 0; i < s; i++) {
        var color = false, run = 0, hist = [0, 0, 0, 0, 0, 0, 0];
        for (var j = 0; j < s; j++) {
          if (get(i, j) === color) {
            run++;
            if (run === 5) score += 3; else if (run > 5) score++;
          } else {
            history(run, hist, s);
            if (!color) score += 40 * finders(hist);
            color = get(i, j);
            run = 1;
          }
        }
        if (color) { history(run, hist, s); run = 0; }
        history(run + s, hist, s);
        score += 40 * finders(hist);
      }
    });
    for (y = 0; y < s - 1; y++) {
      for (x = 0; x < s - 1; x++) {
        var c = dark[y][x];
        if (c === dark[y][x + 1] && c === dark[y + 1][x] && c === dark[y + 1][x + 1]) score += 3;
      }
    }
    var count = 0;
    dark.forEach(function (row) { row.forEach(function (d) { if (d) count++; }); });
    var total = s * s;
    return score + (Math.ceil(Math.abs(count * 20 - total * 10) / total) - 1) * 10;
  };
  function history(run, hist, size) {
    if (hist[0] === 0) run += size; // the light border before the first run
    hist.pop();
    hist.unshift(run);
  }
  function finders(h) {
    var n = h[1], core = n > 0 && h[2] === n && h[3] === n * 3 && h[4] === n && h[5] === n;
    return (core && h[0] >= n * 4 && h[6] >= n ? 1 : 0) + (core && h[6] >= n * 4 && h[0] >= n ? 1 : 0);
  }

  /** The symbol of `text`: {size, dark: rows of booleans}, or null when
   * the text is too long for any version. */
  function matrix(text) {
    var e = encode(text);
    if (!e) return null;
    var sym = new Symbol(e.version);
    sym.patterns();
    sym.place(codewords(e.bytes, e.version));
    var best = 0, least = Infinity;
    for (var m = 0; m < 8; m++) {
      sym.mask(m);
      sym.format(m);
      var p = sym.penalty();
      if (p < least) { least = p; best = m; }
      sym.mask(m);
    }
    sym.mask(best);
    sym.format(best);
    return { size: sym.size, dark: sym.dark, version: e.version, mask: best };
  }

  function escape(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
  }

  /** An inline <svg> of `text`, `label` its accessible name. */
  function svg(text, label) {
    var q = matrix(text);
    if (!q) return '';
    var d = '', n = q.size + 2 * QUIET;
    q.dark.forEach(function (row, y) {
      var pen = -1;
      for (var x = 0; x < q.size;) {
        if (!row[x]) { x++; continue; }
        var start = x;
        while (x < q.size && row[x]) x++;
        d += pen < 0 ? 'M' + (start + QUIET) + ' ' + (y + QUIET) + '.5h' + (x - start)
          : 'm' + (start - pen) + ' 0h' + (x - start);
        pen = x;
      }
    });
    return '<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + n + ' ' + n + '"' +
      ' shape-rendering="crispEdges" role="img" aria-label="' + escape(label || '') + '">' +
      '<rect width="' + n + '" height="' + n + '" fill="#fff"/><path stroke="#000" d="' + d + '"/></svg>';
  }

  var QR = { matrix: matrix, svg: svg };
  g.niemyetQR = QR;
  if (typeof module === 'object' && module.exports) module.exports = QR;
})(typeof window !== 'undefined' ? window : globalThis);
