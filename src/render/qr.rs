//! QR codes for posters and handouts, as inline SVG.
//!
//! The `qrcode` crate encodes (bits, Reed–Solomon, module placement); the
//! mask choice and the SVG are done here. Its SVG renderer draws every dark
//! module as a separate square (~16 KB for a procedure URL) and a poster, its
//! handout and the field's "print all" page each carry the code; one stroked
//! line per row of dark runs gives 2–3 KB. Its mask choice was 40 % of the
//! build's CPU time at 2,000 procedures (see [`modules`]).
//!
//! Choices, and why:
//! - Error correction **M** (15 %): the level the issue asks as a minimum.
//!   Q or H would survive more smudging but make the symbol one or two
//!   versions larger, so each module prints smaller at the same width; on a
//!   wall poster the risk is a cheap printer and a phone two arm-lengths
//!   away, where bigger modules help more than redundancy.
//! - The standard **4-module quiet zone** is part of the SVG (a white square
//!   behind the code), so the code scans even if a theme puts it on a tinted
//!   box.
//! - The SVG has no width or height: its size is set in print CSS (`mm`), so
//!   the printed size is what the poster stylesheet says (≥ 25 mm).
//! - `shape-rendering="crispEdges"`: no anti-aliased grey seams between runs.

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{bits, ec, Color, EcLevel};
use std::fmt::Write;

/// Modules of white around the symbol (the standard's minimum).
const QUIET: usize = 4;

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The modules of `text` at level M, row by row (`true` = dark), and the
/// symbol's width. The mask is the one with the lowest penalty, as the
/// standard asks; the penalty is computed here because the crate's own
/// (`Canvas::apply_best_mask`) took 40 % of the build's CPU time at 2,000
/// procedures.
fn modules(text: &str) -> Option<(Vec<u8>, usize)> {
    let bits = bits::encode_auto(text.as_bytes(), EcLevel::M).ok()?;
    let version = bits.version();
    let data = bits.into_bytes();
    let (data, ecc) = ec::construct_codewords(&data, version, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ecc);
    let n = usize::try_from(version.width()).ok()?;
    MASKS
        .iter()
        .map(|&mask| {
            let dark = masked(&canvas, mask);
            (penalty(&dark, n), dark)
        })
        .min_by_key(|(score, _)| *score)
        .map(|(_, dark)| (dark, n))
}

/// The symbol with `mask` applied, row by row, 1 = dark.
fn masked(canvas: &Canvas, mask: MaskPattern) -> Vec<u8> {
    let mut c = canvas.clone();
    c.apply_mask(mask);
    c.into_colors()
        .into_iter()
        .map(|m| u8::from(m == Color::Dark))
        .collect()
}

/// ISO/IEC 18004 mask penalty: runs of five or more, 2×2 blocks, finder-like
/// patterns, and the balance of dark and light. `m` is row by row, 0 or 1.
fn penalty(m: &[u8], n: usize) -> u32 {
    let rows = (0..n).map(|y| line_penalty(m[y * n..(y + 1) * n].iter().copied()));
    let cols = (0..n).map(|x| line_penalty((0..n).map(|y| m[y * n + x])));
    let mut score: u32 = rows.chain(cols).sum();
    // Rule 2: 2×2 blocks of one colour.
    for (r0, r1) in m.chunks_exact(n).zip(m.chunks_exact(n).skip(1)) {
        for x in 0..n - 1 {
            let c = r0[x];
            // `&`, not `&&`: no branch on the colours (see line_penalty).
            score += 3 * u32::from((r0[x + 1] == c) & (r1[x] == c) & (r1[x + 1] == c));
        }
    }
    // Rule 4: the share of dark modules, in steps of 5 % away from half.
    let dark = m.iter().filter(|&&d| d == 1).count();
    let percent = dark * 100 / m.len();
    score + (percent.abs_diff(50) / 5) as u32 * 10
}

/// Rules 1 and 3 along one row or column, in one pass. Branch-free: on
/// real symbols the colours are random enough that branches on them
/// mispredict, which made this most of a QR code's cost.
fn line_penalty(line: impl Iterator<Item = u8>) -> u32 {
    // Rule 3: 1:1:3:1:1 with four light modules on one side, on a rolling
    // window of the last 11 modules.
    const A: u16 = 0b101_1101_0000;
    const B: u16 = 0b000_0101_1101;
    let (mut score, mut run, mut last, mut window) = (0u32, 0u32, 2u8, 0u16);
    for (i, d) in line.enumerate() {
        // Rule 1: runs of five or more of the same colour: 3 at five, then
        // 1 for each more.
        run = run * u32::from(d == last) + 1;
        last = d;
        score += 3 * u32::from(run == 5) + u32::from(run > 5);
        window = ((window << 1) | u16::from(d)) & 0x7ff;
        score += 40 * u32::from((i >= 10) & ((window == A) | (window == B)));
    }
    score
}

/// An inline `<svg>` of `text` (an absolute URL), or `None` if it is too long
/// for a QR code (it never is for a URL of a few hundred characters).
/// `label` becomes the accessible name.
///
/// Each row's dark runs are one stroked line (`M4 4.5h7m2 0h1…`, stroke
/// width 1 module): about half the bytes of one filled rectangle per run.
pub fn svg(text: &str, label: &str) -> Option<String> {
    let (dark, n) = modules(text)?;
    let size = n + 2 * QUIET;
    let mut path = String::with_capacity(n * n);
    for y in 0..n {
        let row = &dark[y * n..(y + 1) * n];
        // Where the pen is on this row (None: not yet on it).
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < n {
            if row[x] == 0 {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && row[x] == 1 {
                x += 1;
            }
            // Writing to a String cannot fail.
            let _ = match pen {
                None => write!(path, "M{} {}.5h{}", start + QUIET, y + QUIET, x - start),
                Some(p) => write!(path, "m{} 0h{}", start - p, x - start),
            };
            pen = Some(x);
        }
    }
    Some(format!(
        concat!(
            r#"<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {s} {s}""#,
            r#" shape-rendering="crispEdges" role="img" aria-label="{label}">"#,
            r##"<rect width="{s}" height="{s}" fill="#fff"/><path stroke="#000" d="{path}"/></svg>"##
        ),
        s = size,
        label = crate::text::escape_html(label),
        path = path
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_gives_an_svg_with_quiet_zone_and_runs() {
        let url = "https://tthc.honglam.example/ho-tich/dang-ky-khai-sinh/";
        let s = svg(url, "Mã QR <trang>").unwrap();
        assert!(s.starts_with("<svg class=\"qr\""));
        assert!(!s.contains("<?xml"));
        // Version 4 at level M holds 62 bytes: 33 modules + 2 × 4 quiet.
        assert!(s.contains("viewBox=\"0 0 41 41\""), "{s}");
        // The top-left finder pattern starts after the quiet zone, a run of 7.
        assert!(s.contains("d=\"M4 4.5h7m"), "{s}");
        assert!(s.contains("aria-label=\"Mã QR &lt;trang&gt;\""));
        assert!(s.len() < 4000, "{} bytes", s.len());
    }

    #[test]
    fn the_mask_minimises_the_penalty() {
        // Any of the eight masks decodes (the format bits name it); the
        // standard asks for the lowest penalty, which `modules` picks.
        // Decoding is checked on printed posters (tests/posters_print.rs).
        let url = "https://tthc.bench.example/bao-tro-xa-hoi-2/tro-cap-xa-hoi-hang-thang/";
        let (dark, n) = modules(url).unwrap();
        let best = penalty(&dark, n);
        let bits = bits::encode_auto(url.as_bytes(), EcLevel::M).unwrap();
        let version = bits.version();
        let (data, ecc) = ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).unwrap();
        for mask in MASKS {
            let mut c = Canvas::new(version, EcLevel::M);
            c.draw_all_functional_patterns();
            c.draw_data(&data, &ecc);
            assert!(penalty(&masked(&c, mask), n) >= best);
        }
    }

    #[test]
    fn penalty_of_a_blank_symbol_counts_each_rule() {
        // 11 × 11, all light. Rule 1: each of 22 lines is one run of 11:
        // 3 + 6 × 1. Rule 2: 10 × 10 blocks of 3. Rule 3: none. Rule 4: 0 %
        // dark is ten 5 % steps from half, 10 each.
        let blank = vec![0u8; 121];
        assert_eq!(penalty(&blank, 11), 22 * 9 + 300 + 100);
        // A finder-like row 10111010000 adds 40, and breaks its runs.
        let mut m = blank.clone();
        m[..11].copy_from_slice(&[1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0]);
        assert!(penalty(&m, 11) > 40);
        assert_eq!(line_penalty(m[..11].iter().copied()), 40);
    }
}
