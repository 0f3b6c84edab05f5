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

use qrcode::canvas::{Canvas, MaskPattern, Module};
use qrcode::{bits, ec, Color, EcLevel, Version};
use std::fmt::Write;
use std::sync::OnceLock;

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

/// A symbol row by row: bit `x` of `rows[y]` is the module at (x, y), set
/// when dark. A row fits in a `u128` up to version 27 (125 modules); a URL
/// that needs more would print modules too small to scan at poster size.
type Rows = Vec<u128>;

/// What every symbol of one version shares, found once per version with the
/// `qrcode` crate's own masking: which modules carry data, and for each
/// mask the fixed patterns (finders, timing, format bits naming the mask)
/// and the data modules the mask inverts. A symbol is then masked with a
/// few bit operations per row instead of a pass over every module.
#[derive(Debug, PartialEq)]
struct Layout {
    data: Rows,
    fixed: [Rows; 8],
    flip: [Rows; 8],
}

impl Layout {
    /// From any symbol of the version (its data does not matter: a test
    /// checks two different symbols give the same layout).
    fn of(canvas: &Canvas, n: usize) -> Layout {
        let data = rows_of(n, |x, y| {
            matches!(canvas.get(x as i16, y as i16), Module::Unmasked(_))
        });
        let plain = rows_of(n, |x, y| canvas.get(x as i16, y as i16).is_dark());
        let per_mask = |part: fn(u128, u128, u128) -> u128| -> [Rows; 8] {
            MASKS.map(|mask| {
                let mut c = canvas.clone();
                c.apply_mask(mask);
                let colors = c.into_colors();
                let masked = rows_of(n, |x, y| colors[y * n + x] == Color::Dark);
                (0..n).map(|y| part(masked[y], plain[y], data[y])).collect()
            })
        };
        Layout {
            fixed: per_mask(|masked, _, data| masked & !data),
            flip: per_mask(|masked, plain, data| (masked ^ plain) & data),
            data,
        }
    }

    /// The symbol whose unmasked modules are `plain`, under mask `m`.
    fn masked(&self, plain: &[u128], m: usize) -> Rows {
        (0..plain.len())
            .map(|y| self.fixed[m][y] | ((plain[y] ^ self.flip[m][y]) & self.data[y]))
            .collect()
    }
}

fn rows_of(n: usize, dark: impl Fn(usize, usize) -> bool) -> Rows {
    (0..n)
        .map(|y| (0..n).fold(0u128, |row, x| row | (u128::from(dark(x, y)) << x)))
        .collect()
}

/// The layout of version `v` (1–27), made on first use from `canvas`.
fn layout(v: usize, canvas: &Canvas, n: usize) -> &'static Layout {
    static LAYOUTS: [OnceLock<Layout>; 27] = [const { OnceLock::new() }; 27];
    LAYOUTS[v - 1].get_or_init(|| Layout::of(canvas, n))
}

/// The modules of `text` at level M, row by row, and the symbol's width.
/// The mask is the one with the lowest penalty, as the standard asks; the
/// crate's own choice (`Canvas::apply_best_mask`) took 40 % of the build's
/// CPU time at 2,000 procedures, so masking and scoring are done here on
/// whole rows at once.
fn modules(text: &str) -> Option<(Rows, usize)> {
    let bits = bits::encode_auto(text.as_bytes(), EcLevel::M).ok()?;
    let version = bits.version();
    let n = usize::try_from(version.width()).ok()?;
    let Version::Normal(v @ 1..=27) = version else {
        return None;
    };
    let data = bits.into_bytes();
    let (data, ecc) = ec::construct_codewords(&data, version, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ecc);
    let layout = layout(v as usize, &canvas, n);
    let plain = rows_of(n, |x, y| canvas.get(x as i16, y as i16).is_dark());
    (0..MASKS.len())
        .map(|m| layout.masked(&plain, m))
        .min_by_key(|rows| penalty(rows, n))
        .map(|rows| (rows, n))
}

/// The lowest `n` bits set.
fn ones(n: usize) -> u128 {
    if n >= 128 {
        u128::MAX
    } else {
        (1u128 << n) - 1
    }
}

/// Finder-like 1:1:3:1:1 with four light modules after or before it, as
/// the modules from the window's first to its last.
const FINDER_LIKE: [[bool; 11]; 2] = {
    const O: bool = false;
    const I: bool = true;
    [
        [I, O, I, I, I, O, I, O, O, O, O],
        [O, O, O, O, I, O, I, I, I, O, I],
    ]
};

/// ISO/IEC 18004 mask penalty of a symbol of width `n`, all rows and all
/// columns at once with bit operations: a column's rules are the same
/// operations between rows instead of between neighbouring bits.
fn penalty(rows: &[u128], n: usize) -> u32 {
    let count = |bits: u128| bits.count_ones();
    let mut score = 0;
    // Rule 1: a run of L ≥ 5 of one colour scores L − 2, which is the
    // number of windows of five equal modules in it (L − 4) plus 2 for the
    // window that starts it.
    for &r in rows {
        let same = !(r ^ (r >> 1)) & ones(n - 1);
        let five = same & (same >> 1) & (same >> 2) & (same >> 3) & ones(n - 4);
        score += count(five) + 2 * count(five & !(same << 1));
    }
    let same: Vec<u128> = rows.windows(2).map(|w| !(w[0] ^ w[1]) & ones(n)).collect();
    for y in 0..n - 4 {
        let five = same[y] & same[y + 1] & same[y + 2] & same[y + 3];
        let start = if y == 0 { five } else { five & !same[y - 1] };
        score += count(five) + 2 * count(start);
    }
    // Rule 2: 2×2 blocks of one colour, 3 each.
    for (y, w) in rows.windows(2).enumerate() {
        let (r0, r1) = (w[0], w[1]);
        let across = !(r0 ^ (r0 >> 1)) & !(r1 ^ (r1 >> 1));
        score += 3 * count(across & same[y] & ones(n - 1));
    }
    // Rule 3: finder-like patterns, 40 each, along rows and down columns.
    for pattern in FINDER_LIKE {
        for &r in rows {
            let hits = pattern
                .iter()
                .enumerate()
                .fold(ones(n - 10), |hits, (k, &dark)| {
                    hits & if dark { r >> k } else { !r >> k }
                });
            score += 40 * count(hits);
        }
        for y in 0..n - 10 {
            let hits = pattern
                .iter()
                .enumerate()
                .fold(ones(n), |hits, (k, &dark)| {
                    hits & if dark { rows[y + k] } else { !rows[y + k] }
                });
            score += 40 * count(hits);
        }
    }
    // Rule 4: the share of dark modules, in steps of 5 % away from half.
    let dark = rows.iter().map(|&r| count(r) as usize).sum::<usize>();
    let percent = dark * 100 / (n * n);
    score + (percent.abs_diff(50) / 5) as u32 * 10
}

/// The symbol of `text` for a PDF to draw: row by row (bit `x` of row
/// `y` set when the module is dark), its width in modules, and the quiet
/// zone to leave around it; the same modules as [`svg`] draws.
pub fn matrix(text: &str) -> Option<(Vec<u128>, usize, usize)> {
    modules(text).map(|(rows, n)| (rows, n, QUIET))
}

/// An inline `<svg>` of `text` (an absolute URL), or `None` if it needs a
/// symbol above version 27 (over ~1,120 characters at level M: never for a
/// URL, and its modules would be too small to scan on a poster).
/// `label` becomes the accessible name.
///
/// Each row's dark runs are one stroked line (`M4 4.5h7m2 0h1…`, stroke
/// width 1 module): about half the bytes of one filled rectangle per run.
pub fn svg(text: &str, label: &str) -> Option<String> {
    let (dark, n) = modules(text)?;
    let size = n + 2 * QUIET;
    let mut path = String::with_capacity(n * n);
    for (y, &bits) in dark.iter().enumerate() {
        // Where the pen is on this row (None: not yet on it).
        let mut pen: Option<usize> = None;
        // The row from `x` on; a row is at most 125 modules, so its top
        // bits are light and every shift below is under 128.
        let (mut rest, mut x) = (bits, 0);
        while rest != 0 {
            let gap = rest.trailing_zeros();
            let run = (rest >> gap).trailing_ones();
            rest = rest >> gap >> run;
            let start = x + gap as usize;
            x = start + run as usize;
            // Writing to a String cannot fail.
            let _ = match pen {
                None => write!(path, "M{} {}.5h{}", start + QUIET, y + QUIET, run),
                Some(p) => write!(path, "m{} 0h{}", start - p, run),
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

    /// `text`'s symbol under `mask`, masked by the `qrcode` crate itself.
    fn reference(text: &str, mask: MaskPattern) -> (Vec<u8>, usize) {
        let bits = bits::encode_auto(text.as_bytes(), EcLevel::M).unwrap();
        let version = bits.version();
        let (data, ecc) = ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).unwrap();
        let mut c = Canvas::new(version, EcLevel::M);
        c.draw_all_functional_patterns();
        c.draw_data(&data, &ecc);
        c.apply_mask(mask);
        let dark = c
            .into_colors()
            .into_iter()
            .map(|m| u8::from(m == Color::Dark))
            .collect();
        (dark, version.width() as usize)
    }

    /// The penalty module by module, as ISO/IEC 18004 words it.
    fn reference_penalty(m: &[u8], n: usize) -> u32 {
        let line = |line: Vec<u8>| {
            let mut score = 0;
            let mut run = 1;
            for i in 1..=line.len() {
                if i < line.len() && line[i] == line[i - 1] {
                    run += 1;
                    continue;
                }
                if run >= 5 {
                    score += run - 2;
                }
                run = 1;
            }
            for w in line.windows(11) {
                if FINDER_LIKE
                    .iter()
                    .any(|p| p.iter().zip(w).all(|(&d, &c)| u8::from(d) == c))
                {
                    score += 40;
                }
            }
            score
        };
        let mut score: u32 = (0..n).map(|y| line(m[y * n..(y + 1) * n].to_vec())).sum();
        score += (0..n)
            .map(|x| line((0..n).map(|y| m[y * n + x]).collect()))
            .sum::<u32>();
        for y in 0..n - 1 {
            for x in 0..n - 1 {
                let c = m[y * n + x];
                if m[y * n + x + 1] == c && m[(y + 1) * n + x] == c && m[(y + 1) * n + x + 1] == c {
                    score += 3;
                }
            }
        }
        let dark = m.iter().filter(|&&d| d == 1).count();
        score + ((dark * 100 / m.len()).abs_diff(50) / 5) as u32 * 10
    }

    fn flat(rows: &[u128], n: usize) -> Vec<u8> {
        rows.iter()
            .flat_map(|&r| (0..n).map(move |x| (r >> x & 1) as u8))
            .collect()
    }

    /// URLs of 20 to 210 characters: versions 2 to 10.
    fn urls() -> impl Iterator<Item = String> {
        let path = "ho-tich/dang-ky-khai-sinh-co-yeu-to-nuoc-ngoai/".repeat(5);
        (0..20).map(move |i| format!("https://t.vn/{}{i}", &path[..i * 10]))
    }

    #[test]
    fn masking_by_rows_gives_what_the_qrcode_crate_gives_for_every_mask() {
        let mut versions = std::collections::BTreeSet::new();
        for url in urls() {
            let bits = bits::encode_auto(url.as_bytes(), EcLevel::M).unwrap();
            let Version::Normal(v) = bits.version() else {
                panic!()
            };
            versions.insert(v);
            let (data, ecc) =
                ec::construct_codewords(&bits.into_bytes(), Version::Normal(v), EcLevel::M)
                    .unwrap();
            let mut canvas = Canvas::new(Version::Normal(v), EcLevel::M);
            canvas.draw_all_functional_patterns();
            canvas.draw_data(&data, &ecc);
            let n = Version::Normal(v).width() as usize;
            let plain = rows_of(n, |x, y| canvas.get(x as i16, y as i16).is_dark());
            let layout = layout(v as usize, &canvas, n);
            let mut scores = vec![];
            for (m, &mask) in MASKS.iter().enumerate() {
                let (expected, _) = reference(&url, mask);
                let rows = layout.masked(&plain, m);
                assert_eq!(flat(&rows, n), expected, "{url}, mask {m}");
                assert_eq!(
                    penalty(&rows, n),
                    reference_penalty(&expected, n),
                    "{url}, mask {m}"
                );
                scores.push(reference_penalty(&expected, n));
            }
            // The symbol made is the one with the lowest penalty.
            let (chosen, _) = modules(&url).unwrap();
            assert_eq!(
                reference_penalty(&flat(&chosen, n), n),
                *scores.iter().min().unwrap()
            );
        }
        assert!(versions.len() >= 5, "{versions:?}");
    }

    #[test]
    fn a_layout_does_not_depend_on_the_symbol_it_was_read_from() {
        let canvas = |text: &str| {
            let bits = bits::encode_auto(text.as_bytes(), EcLevel::M).unwrap();
            assert_eq!(bits.version(), Version::Normal(4));
            let (d, e) =
                ec::construct_codewords(&bits.into_bytes(), Version::Normal(4), EcLevel::M)
                    .unwrap();
            let mut c = Canvas::new(Version::Normal(4), EcLevel::M);
            c.draw_all_functional_patterns();
            c.draw_data(&d, &e);
            c
        };
        let a = Layout::of(
            &canvas("https://tthc.honglam.example/ho-tich/dang-ky-khai-sinh/"),
            33,
        );
        let b = Layout::of(
            &canvas("https://tthc.honglam.example/chung-thuc/chung-thuc-ban-sao"),
            33,
        );
        assert_eq!(a, b);
    }

    #[test]
    fn penalty_of_a_blank_symbol_counts_each_rule() {
        // 21 × 21, all light. Rule 1: each of 42 lines is one run of 21,
        // 21 − 2 each. Rule 2: 20 × 20 blocks of 3. Rule 3: a light run
        // has no finder-like pattern. Rule 4: 0 % dark is ten 5 % steps
        // from half, 10 each.
        let blank = vec![0u128; 21];
        assert_eq!(penalty(&blank, 21), 42 * 19 + 1200 + 100);
        assert_eq!(reference_penalty(&[0; 441], 21), 42 * 19 + 1200 + 100);
        // A finder-like row 10111010000… adds 40 (and breaks its runs).
        let mut m = blank.clone();
        m[0] = 0b0000_1011101;
        assert_eq!(penalty(&m, 21), reference_penalty(&flat(&m, 21), 21));
    }

    #[test]
    fn an_overlong_text_gives_no_code() {
        assert!(svg(&"x".repeat(1500), "QR").is_none());
    }

    /// The dark modules the path of `svg` draws, redrawn from its `M`, `m`
    /// and `h` commands.
    fn drawn(svg: &str, n: usize) -> Rows {
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut rows = vec![0u128; n];
        let (mut x, mut y) = (0usize, 0usize);
        let mut rest = d;
        while let Some(cmd) = rest.chars().next() {
            let end = rest[1..]
                .find(['M', 'm', 'h'])
                .map_or(rest.len(), |i| i + 1);
            let args: Vec<f64> = rest[1..end]
                .split(' ')
                .map(|a| a.parse().unwrap())
                .collect();
            match cmd {
                'M' => (x, y) = (args[0] as usize - QUIET, args[1] as usize - QUIET),
                'm' => x += args[0] as usize,
                _ => {
                    let run = args[0] as usize;
                    rows[y] |= ones(run) << x;
                    x += run;
                }
            }
            rest = &rest[end..];
        }
        rows
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        for i in 0..30 {
            let url = format!(
                "https://tthc.example/linh-vuc-{i}/{}/",
                "thu-tuc-".repeat(i)
            );
            let (rows, n) = modules(&url).unwrap();
            assert_eq!(drawn(&svg(&url, "QR").unwrap(), n), rows, "{url}");
        }
    }
}
