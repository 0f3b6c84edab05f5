//! Prints diagnostics the way compilers do, so a clerk can find the place:
//!
//! ```text
//! content/ho-tich/dang-ky-khai-sinh.md:7:1: lỗi: khóa không hợp lệ "fess" — có phải "fees"?
//!   7 | fess:
//!     | ^^^^
//!     = gợi ý: ...
//! ```

use super::{Diagnostic, Location, Severity};
use crate::lang::Lang;
use crate::text::{acts_on_terminal, printable, printable_lines};
use std::fmt::Write;
use std::path::Path;

/// Whether to colour the output (only on a terminal, and never with `NO_COLOR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Color,
}

struct Paint {
    style: Style,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        match self.style {
            Style::Plain => s.to_string(),
            Style::Color => format!("\x1b[{code}m{s}\x1b[0m"),
        }
    }
}

/// Renders every diagnostic; `root` is the path the user gave (`--root`), so that
/// printed paths open from where they ran the command.
pub fn render(diags: &[Diagnostic], root: &Path, lang: Lang, style: Style) -> String {
    let paint = Paint { style };
    let mut out = String::new();
    for d in diags {
        render_one(&mut out, d, root, lang, &paint);
    }
    out
}

/// A path as printed: from where the command ran, `/` separators, and
/// control characters escaped (a file name may hold raw terminal codes).
fn display_path(root: &Path, rel: &Path) -> String {
    let joined = if root == Path::new(".") || root.as_os_str().is_empty() {
        rel.to_path_buf()
    } else {
        root.join(rel)
    };
    printable(&joined.to_string_lossy().replace('\\', "/")).into_owned()
}

fn render_one(out: &mut String, d: &Diagnostic, root: &Path, lang: Lang, paint: &Paint) {
    let (label, color) = match (d.severity, lang) {
        (Severity::Error, Lang::Vi) => ("lỗi", "1;31"),
        (Severity::Error, Lang::En) => ("error", "1;31"),
        (Severity::Warning, Lang::Vi) => ("cảnh báo", "1;33"),
        (Severity::Warning, Lang::En) => ("warning", "1;33"),
    };
    let place = match &d.location {
        Some(l) => format!("{}:{}:{}", display_path(root, &d.file), l.line, l.column),
        None => display_path(root, &d.file),
    };
    // Messages quote file names and values: escaped like paths.
    let message = printable_lines(d.message.get(lang));
    let (first, rest) = message.split_once('\n').unwrap_or((&message, ""));
    // The rule's code ends the headline, to look it up in the guide's
    // index of messages (as rustc prints E0308).
    let _ = writeln!(
        out,
        "{}: {}: {} {}",
        paint.wrap("1", &place),
        paint.wrap(color, label),
        paint.wrap("1", first),
        paint.wrap("2", &format!("[{}]", d.code))
    );
    for line in rest.lines() {
        let _ = writeln!(out, "{}", paint.wrap("1", line));
    }
    if let Some(loc) = &d.location {
        snippet(out, loc, paint, color);
    }
    if let Some((file, loc, note)) = &d.related {
        let place = match loc {
            Some(l) => format!("{}:{}:{}", display_path(root, file), l.line, l.column),
            None => display_path(root, file),
        };
        let word = if lang == Lang::Vi { "xem" } else { "see" };
        let _ = writeln!(
            out,
            "    = {word} {place}: {}",
            printable_lines(note.get(lang))
        );
    }
    if let Some(hint) = &d.hint {
        let word = if lang == Lang::Vi { "gợi ý" } else { "hint" };
        for (i, line) in printable_lines(hint.get(lang)).lines().enumerate() {
            if i == 0 {
                let _ = writeln!(out, "    = {}: {line}", paint.wrap("1;36", word));
            } else {
                let _ = writeln!(out, "      {line}");
            }
        }
    }
    out.push('\n');
}

fn snippet(out: &mut String, loc: &Location, paint: &Paint, color: &str) {
    let num = loc.line.to_string();
    let pad = " ".repeat(num.len());
    // Tabs would shift the caret; show them as one space each, and any
    // other control character as one visible mark (never obeyed).
    let shown: String = loc
        .line_text
        .chars()
        .map(|c| match c {
            '\t' => ' ',
            c if acts_on_terminal(c) => '\u{FFFD}',
            c => c,
        })
        .collect();
    let _ = writeln!(out, " {} | {}", paint.wrap("1;34", &num), shown);
    let caret = format!(
        "{}{}",
        " ".repeat(loc.column - 1),
        "^".repeat(loc.width.max(1))
    );
    let _ = writeln!(out, " {pad} | {}", paint.wrap(color, &caret));
}

/// Counts errors and warnings.
pub fn summary_counts(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}
