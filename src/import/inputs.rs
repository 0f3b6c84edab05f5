//! The FILE arguments as a clerk types them: a file, a folder (its record
//! and table files, sorted: `.json`, `.jsonl`, `.ndjson`, `.csv`, `.txt`,
//! `.xlsx`, so that forms lying beside the records are not taken for
//! inputs; hidden files and editor leftovers skipped), or a pattern
//! with `*` and `?` (`ban-ghi\*.json`), which the Windows command prompt
//! passes on unexpanded where a Unix shell would expand it.

use std::path::{Path, PathBuf};

pub fn expand(args: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        if a.is_dir() {
            out.extend(files_in(a, is_input_name));
            continue;
        }
        let name = a
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !a.exists() && name.contains(['*', '?']) {
            let dir = a
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let found = files_in(dir, |n| matches(&name, n));
            if !found.is_empty() {
                out.extend(found);
                continue;
            }
        }
        // As given: a missing file is reported by the reader, by its name.
        out.push(a.clone());
    }
    out
}

fn files_in(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            !crate::load::walk::is_ignored(&n) && keep(&n)
        })
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

fn is_input_name(name: &str) -> bool {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "json" | "jsonl" | "ndjson" | "csv" | "txt" | "xlsx"
    )
}

/// `*` any run of characters, `?` one; case-insensitive, as on Windows.
fn matches(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let n: Vec<char> = name.to_lowercase().chars().collect();
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_like_the_windows_prompt() {
        assert!(matches("*.json", "1.001193.json"));
        assert!(matches("*.JSON", "a.json"));
        assert!(matches("ban-ghi-?.json", "ban-ghi-1.json"));
        assert!(!matches("*.json", "danh-muc.xlsx"));
        assert!(matches("*", "x"));
        assert!(!matches("a*b", "acbd"));
    }

    #[test]
    fn folders_and_patterns_expand_sorted() {
        let d = tempfile::tempdir().expect("tempdir");
        for n in [
            "b.json",
            "a.json",
            "c.csv",
            ".an.json",
            "~$x.xlsx",
            "Mus01 don.docx",
        ] {
            std::fs::write(d.path().join(n), "{}").expect("write");
        }
        let all = expand(&[d.path().to_path_buf()]);
        let names: Vec<_> = all
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.json", "b.json", "c.csv"]);
        let json = expand(&[d.path().join("*.json")]);
        assert_eq!(json.len(), 2);
        let missing = expand(&[d.path().join("khong-co.json")]);
        assert_eq!(missing, [d.path().join("khong-co.json")]);
    }
}
