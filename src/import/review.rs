//! The review list: each value a person must confirm, by file and line,
//! Vietnamese first. Printed at the end of every import and written to
//! `niemyet-review-<date>.md` beside `content/` (never inside it, where
//! `check` would read it).

use crate::lang::{Lang, Text};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One value to confirm. `anchor` is the key it is about (`deadline`,
/// `fees.0`, `documents.3`), turned into a line once the file is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// A stable word for counting and tests: `deadline-unitless`, `fee-hdnd`…
    pub kind: &'static str,
    pub anchor: String,
    pub message: Text,
}

impl Item {
    pub fn new(kind: &'static str, anchor: impl Into<String>, message: Text) -> Item {
        Item {
            kind,
            anchor: anchor.into(),
            message,
        }
    }
}

/// The items of one written file, located.
#[derive(Debug, Clone)]
pub struct FileItems {
    /// `content/<field>/<slug>.md`.
    pub file: PathBuf,
    pub title: String,
    pub code: Option<String>,
    pub items: Vec<(usize, Item)>,
}

pub fn locate(items: Vec<Item>, lines: &BTreeMap<String, usize>) -> Vec<(usize, Item)> {
    let mut out: Vec<(usize, Item)> = items
        .into_iter()
        .map(|i| {
            let line = lines
                .get(&i.anchor)
                .or_else(|| lines.get(i.anchor.split('.').next().unwrap_or("")))
                .copied()
                .unwrap_or(1);
            (line, i)
        })
        .collect();
    out.sort_by_key(|(l, _)| *l);
    out
}

/// Counts per kind, most frequent first.
pub fn counts(files: &[FileItems]) -> Vec<(&'static str, usize)> {
    let mut m: BTreeMap<&'static str, usize> = BTreeMap::new();
    for f in files {
        for (_, i) in &f.items {
            *m.entry(i.kind).or_default() += 1;
        }
    }
    let mut v: Vec<_> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

/// Where the review file goes: beside `content/`.
pub fn review_path(root: &Path, date: jiff::civil::Date) -> PathBuf {
    root.join(format!("niemyet-review-{date}.md"))
}

/// The review file (Markdown), in the message language.
pub fn markdown(
    files: &[FileItems],
    skipped: &[Text],
    lang: Lang,
    date: jiff::civil::Date,
) -> String {
    let total: usize = files.iter().map(|f| f.items.len()).sum();
    let mut out = match lang {
        Lang::Vi => format!(
            "# Danh sách cần rà soát sau khi nhập ({date})\n\n{total} chỗ cần người xem lại, trong {} tệp. Mở từng tệp ở đúng dòng, đối chiếu với quyết định công bố của tỉnh, sửa nếu cần rồi chạy `niemyet check`.\n",
            files.iter().filter(|f| !f.items.is_empty()).count()
        ),
        Lang::En => format!(
            "# Review list after import ({date})\n\n{total} values to confirm, in {} files. Open each file at the line, compare with the province's decision, fix if needed, then run `niemyet check`.\n",
            files.iter().filter(|f| !f.items.is_empty()).count()
        ),
    };
    for f in files.iter().filter(|f| !f.items.is_empty()) {
        let path = f.file.to_string_lossy().replace('\\', "/");
        let code = f
            .code
            .as_deref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        out.push_str(&format!("\n## {}{code}\n\n`{path}`\n\n", f.title));
        for (line, i) in &f.items {
            out.push_str(&format!(
                "- [ ] `{path}:{line}` — {} ({})\n",
                i.message.get(lang),
                i.kind
            ));
        }
    }
    if !skipped.is_empty() {
        out.push_str(match lang {
            Lang::Vi => "\n## Không ghi\n\n",
            Lang::En => "\n## Not written\n\n",
        });
        for s in skipped {
            out.push_str(&format!("- {}\n", s.get(lang)));
        }
    }
    out
}

/// The terminal's lines: `file:line: kind: message`, then the counts.
pub fn terminal(files: &[FileItems], lang: Lang) -> String {
    let mut out = String::new();
    for f in files {
        let path = f.file.to_string_lossy().replace('\\', "/");
        for (line, i) in &f.items {
            let msg = crate::text::printable_lines(i.message.get(lang));
            out.push_str(&format!("{path}:{line}: {}: {msg}\n", i.kind));
        }
    }
    out
}
