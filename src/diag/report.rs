//! Prints diagnostics the way compilers do, so a clerk can find the place:
//!
//! ```text
//! content/ho-tich/dang-ky-khai-sinh.md:7:1: lỗi: khóa không hợp lệ "fess" — có phải "fees"?
//!   7 | fess:
//!     | ^^^^
//!     = gợi ý: ...
//! ```

use super::{Diagnostic, Location, Rule, Severity};
use crate::lang::Lang;
use crate::text::{acts_on_terminal, printable, printable_lines};
use std::collections::HashMap;
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
    render_shown(diags, root, lang, style, Shown::All)
}

/// How many warnings of one rule a command prints before it sums up the
/// rest ([`Shown::Summarised`]).
pub const WARNINGS_PER_RULE: usize = 10;

/// Whether every warning is printed, or only the first
/// [`WARNINGS_PER_RULE`] of each rule and a line counting the rest.
/// Errors are always printed, every one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    All,
    Summarised,
}

/// Renders `diags` as [`render`] does; with [`Shown::Summarised`], the
/// warnings of a rule beyond the first [`WARNINGS_PER_RULE`] are left out
/// and counted at the end, one line per rule (a site of 2,000 procedures
/// not reviewed for a year would otherwise print 2,000 warnings and hide
/// everything else).
pub fn render_shown(
    diags: &[Diagnostic],
    root: &Path,
    lang: Lang,
    style: Style,
    shown: Shown,
) -> String {
    let paint = Paint { style };
    let mut out = String::new();
    // Rules in the order their first left-out warning came, with counts.
    let mut left_out: Vec<(Rule, usize)> = Vec::new();
    let mut printed: HashMap<Rule, usize> = HashMap::new();
    for d in diags {
        if shown == Shown::Summarised && !d.is_error() {
            let n = printed.entry(d.code).or_default();
            if *n >= WARNINGS_PER_RULE {
                match left_out.iter_mut().find(|(r, _)| *r == d.code) {
                    Some((_, count)) => *count += 1,
                    None => left_out.push((d.code, 1)),
                }
                continue;
            }
            *n += 1;
        }
        render_one(&mut out, d, root, lang, &paint);
    }
    for (rule, count) in left_out {
        let _ = writeln!(out, "{}", left_out_line(rule, count, lang, &paint));
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    out
}

/// "và 1.990 cảnh báo cùng loại [stale]; xem tất cả: `niemyet check --all`".
fn left_out_line(rule: Rule, count: usize, lang: Lang, paint: &Paint) -> String {
    let code = paint.wrap("2", &format!("[{rule}]"));
    match lang {
        Lang::Vi => format!(
            "và {} cảnh báo cùng loại {code}; xem tất cả: `niemyet check --all`",
            grouped(count, '.')
        ),
        Lang::En => format!(
            "and {} more warning{} of this kind {code}; to see them all: `niemyet check --all`",
            grouped(count, ','),
            if count == 1 { "" } else { "s" }
        ),
    }
}

/// `1990` → `1.990` (Vietnamese) or `1,990` (English).
fn grouped(n: usize, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::t;

    fn warning(rule: Rule, file: &str) -> Diagnostic {
        Diagnostic::warning(rule, file, t!("cũ", "old"))
    }

    #[test]
    fn numbers_are_grouped_the_way_each_language_writes_them() {
        assert_eq!(grouped(7, '.'), "7");
        assert_eq!(grouped(999, '.'), "999");
        assert_eq!(grouped(1990, '.'), "1.990");
        assert_eq!(grouped(1234567, ','), "1,234,567");
    }

    #[test]
    fn warnings_beyond_ten_of_a_rule_are_counted_errors_never() {
        let mut diags: Vec<Diagnostic> = (0..25)
            .map(|i| warning(Rule::Stale, &format!("content/a/p{i:02}.md")))
            .collect();
        diags.extend((0..3).map(|i| warning(Rule::BadUrl, &format!("content/u{i}.md"))));
        diags.extend((0..12).map(|i| {
            let mut d = warning(Rule::BadDate, &format!("content/e{i:02}.md"));
            d.severity = Severity::Error;
            d
        }));
        let root = Path::new(".");
        let text = render_shown(&diags, root, Lang::Vi, Style::Plain, Shown::Summarised);
        assert_eq!(text.matches("[stale]\n").count(), 10, "{text}");
        assert_eq!(text.matches("[bad-url]\n").count(), 3);
        assert_eq!(
            text.matches("[bad-date]\n").count(),
            12,
            "errors are all shown"
        );
        assert!(
            text.contains("và 15 cảnh báo cùng loại [stale]; xem tất cả: `niemyet check --all`")
        );
        assert!(!text.contains("cùng loại [bad-url]"));
        let all = render_shown(&diags, root, Lang::Vi, Style::Plain, Shown::All);
        assert_eq!(all.matches("[stale]\n").count(), 25);
        assert!(!all.contains("cùng loại"));
        let en = render_shown(&diags, root, Lang::En, Style::Plain, Shown::Summarised);
        assert!(en.contains("and 15 more warnings of this kind [stale]"));
    }
}
