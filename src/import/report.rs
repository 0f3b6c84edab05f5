//! What `niemyet import` prints: problems (like `check`'s), the files
//! written and skipped, the diffs of `--update`, the review list and its
//! counts. Nothing here decides anything.

use super::review;
use super::run::{shown, ImportOutcome};
use crate::diag::{self, Style};
use crate::lang::Lang;
use std::path::Path;

/// `(stdout, stderr)`.
pub fn render(o: &ImportOutcome, root: &Path, style: Style) -> (String, String) {
    let lang = o.lang;
    let vi = lang == Lang::Vi;
    let mut err = String::new();
    for d in &o.problems {
        // Inputs are named as given; files of the site from --root.
        let base = if d.file.starts_with("content") {
            root
        } else {
            Path::new(".")
        };
        if d.file.as_os_str().is_empty() {
            err.push_str(&format!(
                "{}: {}\n",
                if vi { "lỗi" } else { "error" },
                d.message.get(lang)
            ));
            if let Some(h) = &d.hint {
                err.push_str(&format!(
                    "    = {}: {}\n",
                    if vi { "gợi ý" } else { "hint" },
                    h.get(lang)
                ));
            }
        } else {
            err.push_str(&diag::render(std::slice::from_ref(d), base, lang, style));
        }
    }
    if !o.problems.is_empty() {
        err.push_str(if vi {
            "Không ghi tệp nào.\n"
        } else {
            "Nothing was written.\n"
        });
        return (String::new(), err);
    }
    let mut out = String::new();
    for (file, old, new) in &o.diffs {
        out.push_str(&super::diff::unified(&shown(root, file), old, new, style));
    }
    for f in &o.written {
        out.push_str(&format!(
            "{} {}\n",
            if vi { "Đã tạo" } else { "Created" },
            shown(root, f)
        ));
    }
    for f in &o.updated {
        out.push_str(&format!(
            "{} {}\n",
            if vi { "Đã cập nhật" } else { "Updated" },
            shown(root, f)
        ));
    }
    for s in &o.skipped {
        out.push_str(&format!(
            "{} {}\n",
            if vi { "Bỏ qua:" } else { "Skipped:" },
            crate::text::printable_lines(s.get(lang))
        ));
    }
    let files: Vec<_> = o
        .review
        .iter()
        .map(|f| review::FileItems {
            file: root_rel(root, &f.file),
            ..f.clone()
        })
        .collect();
    let total: usize = files.iter().map(|f| f.items.len()).sum();
    if total > 0 {
        out.push_str(if vi {
            "\nCần rà soát:\n"
        } else {
            "\nTo review:\n"
        });
        out.push_str(&review::terminal(&files, lang));
        let counts: Vec<String> = review::counts(&files)
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        out.push_str(&format!(
            "{} {total}: {}\n",
            if vi { "Tổng" } else { "Total" },
            counts.join(", ")
        ));
    }
    if let Some(p) = &o.review_file {
        let p = crate::text::printable(&p.to_string_lossy()).into_owned();
        out.push_str(&if vi {
            format!("Danh sách rà soát: {p}\nSau khi xem lại, chạy: niemyet check\n")
        } else {
            format!("Review list: {p}\nOnce reviewed, run: niemyet check\n")
        });
    }
    (out, err)
}

fn root_rel(root: &Path, rel: &Path) -> std::path::PathBuf {
    if root == Path::new(".") {
        rel.to_path_buf()
    } else {
        root.join(rel)
    }
}
