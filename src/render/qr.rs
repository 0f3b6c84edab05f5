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
fn modules(text: &str) -> Option<(Vec<bool>, usize)> {
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
            let mut c = canvas.clone();
            c.apply_mask(mask);
            let dark: Vec<bool> = c
                .into_colors()
                .into_iter()
                .map(|m| m == Color::Dark)
                .collect();
            (penalty(&dark, n), dark)
        })
        .min_by_key(|(score, _)| *score)
        .map(|(_, dark)| (dark, n))
}

/// ISO/IEC 18004 mask penalty: runs of five or more, 2×2 blocks, finder-like
/// patterns, and the balance of dark and light.
fn penalty(m: &[bool], n: usize) -> u32 {
    // Rows, then columns (the transpose), as lines of 0/1 bytes.
    let rows: Vec<u8> = m.iter().map(|&d| d as u8).collect();
    let cols: Vec<u8> = (0..n * n).map(|i| rows[(i % n) * n + i / n]).collect();
    const A: u16 = 0b101_1101_0000;
    const B: u16 = 0b000_0101_1101;
    let mut score = 0;
    for line in rows.chunks_exact(n).chain(cols.chunks_exact(n)) {
        // Rule 1: runs of five or more of the same colour.
        let mut run = 1;
        for i in 1..n {
            if line[i] == line[i - 1] {
                run += 1;
                score += match run {
                    5 => 3,
                    r if r > 5 => 1,
                    _ => 0,
                };
            } else {
                run = 1;
            }
        }
        // Rule 3: 1:1:3:1:1 with four light modules on one side, on a
        // rolling window of the last 11 modules.
        let mut window: u16 = 0;
        for (i, &d) in line.iter().enumerate() {
            window = ((window << 1) | u16::from(d)) & 0x7ff;
            if i >= 10 && (window == A || window == B) {
                score += 40;
            }
        }
    }
    // Rule 2: 2×2 blocks of one colour.
    for y in 0..n - 1 {
        let (r0, r1) = (&rows[y * n..(y + 1) * n], &rows[(y + 1) * n..(y + 2) * n]);
        for x in 0..n - 1 {
            let c = r0[x];
            if r0[x + 1] == c && r1[x] == c && r1[x + 1] == c {
                score += 3;
            }
        }
    }
    // Rule 4: the share of dark modules, in steps of 5 % away from half.
    let dark = rows.iter().filter(|&&d| d == 1).count();
    let percent = dark * 100 / rows.len();
    score += (percent.abs_diff(50) / 5) as u32 * 10;
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
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && row[x] {
                x += 1;
            }
            match pen {
                None => path.push_str(&format!("M{} {}.5", start + QUIET, y + QUIET)),
                Some(p) => path.push_str(&format!("m{} 0", start - p)),
            }
            path.push_str(&format!("h{}", x - start));
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
            c.apply_mask(mask);
            let other: Vec<bool> = c
                .into_colors()
                .into_iter()
                .map(|m| m == Color::Dark)
                .collect();
            assert!(penalty(&other, n) >= best);
        }
    }
}
