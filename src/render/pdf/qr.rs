//! A QR code drawn in a PDF: the modules of [`crate::render::qr::matrix`]
//! (the HTML posters' own) as runs of squares on a grid, and a link over
//! it to the address it encodes.

use super::doc::Op;
use crate::render::qr;

/// The QR code of `url`, `size` pt wide with its quiet zone, its top left
/// at (`x`, `y`): each row's dark runs as squares on a grid, and a link.
/// Nothing for a text too long for a code.
pub(crate) fn code(url: &str, x: f32, y: f32, size: f32) -> Vec<Op> {
    let Some((rows, n, quiet)) = qr::matrix(url) else {
        return Vec::new();
    };
    let mut runs = Vec::new();
    for (row, &bits) in rows.iter().enumerate() {
        let mut col = 0;
        while col < n {
            if bits >> col & 1 == 0 {
                col += 1;
                continue;
            }
            let start = col;
            while col < n && bits >> col & 1 == 1 {
                col += 1;
            }
            // A QR code is at most 177 modules wide.
            let at = |v: usize| u16::try_from(v).unwrap_or(u16::MAX);
            runs.push([at(quiet + row), at(quiet + start), at(col - start)]);
        }
    }
    vec![
        Op::Grid {
            x,
            y,
            m: size / (n + 2 * quiet) as f32,
            runs,
        },
        Op::Link {
            x,
            y,
            w: size,
            h: size,
            url: url.to_string(),
        },
    ]
}
