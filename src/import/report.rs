//! What `niemyet import` prints: problems (like `check`'s), the files
//! written and skipped, the diffs of `--update`, the review list and its
//! counts. Nothing here decides anything.

use super::review;
use super::run::{shown, ImportOutcome};
use crate::diag::{self, Style};
use crate::lang::Lang;
use std::path::Path;

/// Review items printed on the terminal; the file has them all (a
/// province's 5,000 records give some 16,000).
const TERMINAL_ITEMS: usize = 100;

/// `(stdout, stderr)`.
pub fn render(o: &ImportOutcome, root: &Path, style: Style) -> (String, String) {
    let vi = o.lang == Lang::Vi;
    if !o.problems.is_empty() {
        let mut err = problems(o, root, style);
        err.push_str(if vi {
            "Không ghi tệp nào.\n"
        } else {
            "Nothing was written.\n"
        });
        return (String::new(), err);
    }
    let mut out = String::new();
    for (file, old, new) in &o.diffs {
        let (old, new) = (quiet_fingerprint(old), quiet_fingerprint(new));
        out.push_str(&super::diff::unified(&shown(root, file), &old, &new, style));
    }
    let (created, updated, skipped) = match vi {
        true => ("Đã tạo", "Đã cập nhật", "Bỏ qua:"),
        false => ("Created", "Updated", "Skipped:"),
    };
    for f in &o.written {
        out.push_str(&format!("{created} {}\n", shown(root, f)));
    }
    for f in &o.updated {
        out.push_str(&format!("{updated} {}\n", shown(root, f)));
    }
    for s in &o.skipped {
        let s = crate::text::printable_lines(s.get(o.lang));
        out.push_str(&format!("{skipped} {s}\n"));
    }
    out.push_str(&review_lines(o, root));
    if let Some(p) = &o.review_file {
        let p = crate::text::printable(&p.to_string_lossy()).into_owned();
        out.push_str(&match vi {
            true => format!("Danh sách rà soát: {p}\nSau khi xem lại, chạy: niemyet check\n"),
            false => format!("Review list: {p}\nOnce reviewed, run: niemyet check\n"),
        });
    }
    (out, String::new())
}

/// The fingerprint line shortened for the diff a person reads: its
/// hundreds of hashes say nothing to them (the file keeps them whole).
fn quiet_fingerprint(text: &str) -> String {
    text.lines()
        .map(|l| match l.strip_prefix("  fingerprint: ") {
            Some(_) => "  fingerprint: …",
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The problems, located like `check`'s: inputs as the user named them,
/// files of the site from `--root`.
fn problems(o: &ImportOutcome, root: &Path, style: Style) -> String {
    let lang = o.lang;
    let (error, hint) = match lang {
        Lang::Vi => ("lỗi", "gợi ý"),
        Lang::En => ("error", "hint"),
    };
    let mut err = String::new();
    for d in &o.problems {
        if d.file.as_os_str().is_empty() {
            err.push_str(&format!("{error}: {}\n", d.message.get(lang)));
            if let Some(h) = &d.hint {
                err.push_str(&format!("    = {hint}: {}\n", h.get(lang)));
            }
            continue;
        }
        let base = if d.file.starts_with("content") {
            root
        } else {
            Path::new(".")
        };
        err.push_str(&diag::render(std::slice::from_ref(d), base, lang, style));
    }
    err
}

/// The review items (the first [`TERMINAL_ITEMS`]) and the counts by kind.
fn review_lines(o: &ImportOutcome, root: &Path) -> String {
    let vi = o.lang == Lang::Vi;
    let files: Vec<_> = o
        .review
        .iter()
        .map(|f| review::FileItems {
            file: root_rel(root, &f.file),
            ..f.clone()
        })
        .collect();
    let total: usize = files.iter().map(|f| f.items.len()).sum();
    if total == 0 {
        return String::new();
    }
    let mut out = String::from(if vi {
        "\nCần rà soát:\n"
    } else {
        "\nTo review:\n"
    });
    out.push_str(&review::terminal(&files, o.lang, TERMINAL_ITEMS));
    if let Some(more) = total.checked_sub(TERMINAL_ITEMS).filter(|m| *m > 0) {
        out.push_str(&match vi {
            true => format!("… và {more} chỗ nữa: xem đầy đủ trong danh sách rà soát dưới đây\n"),
            false => format!("… and {more} more: see the whole review list below\n"),
        });
    }
    let counts: Vec<String> = review::counts(&files)
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let label = if vi { "Tổng" } else { "Total" };
    out.push_str(&format!("{label} {total}: {}\n", counts.join(", ")));
    out
}

fn root_rel(root: &Path, rel: &Path) -> std::path::PathBuf {
    if root == Path::new(".") {
        rel.to_path_buf()
    } else {
        root.join(rel)
    }
}
