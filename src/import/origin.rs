//! Where a record came from and its text made plain: the helpers every
//! reader (JSON, JSON Lines, tables) shares, below all of them, so that
//! `read` can dispatch to the readers without a cycle.

use super::record::Origin;
use crate::diag::Location;
use std::path::Path;

/// A location at `line`:`column` of `bytes`, its line shown cut to 120
/// characters (a compact JSON record is one line of 30,000). `None` when
/// the column is past what is shown: the message then says the position.
pub fn line_location(bytes: &[u8], line: usize, column: usize) -> Option<Location> {
    if column > 100 {
        return None;
    }
    let text = bytes
        .split(|&b| b == b'\n')
        .nth(line.saturating_sub(1))
        .map(String::from_utf8_lossy)
        .unwrap_or_default();
    let text = text.trim_end_matches('\r');
    let mut shown: String = text.chars().take(120).collect();
    if text.chars().nth(120).is_some() {
        shown.push('…');
    }
    Some(Location {
        line,
        column: column.max(1),
        width: 1,
        line_text: crate::text::printable(&shown).into_owned(),
    })
}

/// The origin of record `index` (0-based) of a file holding `count`.
pub fn origin(file: &Path, index: usize, count: usize, line: Option<usize>) -> Origin {
    Origin {
        file: file.to_path_buf(),
        index: (count > 1).then_some(index),
        line,
    }
}

/// Normalised record text: NFC, every line break `\n`, tabs and special
/// spaces (no-break, thin) plain spaces, hidden characters (zero-width,
/// direction marks, soft hyphens, controls) removed. Nothing else changes.
pub fn clean_text(s: &str) -> String {
    // Most record text needs nothing but NFC: one pass to see that.
    if s.chars().all(|c| c == '\n' || !crate::text::is_hidden(c)) {
        return crate::text::nfc(s);
    }
    let s = crate::text::nfc(&s.replace("\r\n", "\n"));
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\n' {
            out.push('\n');
        } else if c.is_whitespace() {
            out.push(' ');
        } else if !crate::text::is_hidden(c) {
            out.push(c);
        }
    }
    out
}
