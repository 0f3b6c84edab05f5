//! Reading Rust source as text, shared by the tests that check the code's
//! shape (`no_cycles.rs`, `code_shape.rs`): what they look for must not be
//! found in a comment or a string.

use std::path::{Path, PathBuf};

pub fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The text with comments, strings and character literals turned into
/// spaces (newlines kept, so lines and byte offsets stay).
pub fn blank_comments_and_literals(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for x in &mut out[from..to.min(b.len())] {
            if *x != b'\n' {
                *x = b' ';
            }
        }
    };
    let mut i = 0;
    while i < b.len() {
        let prev_ident = i > 0 && is_ident(b[i - 1]);
        if b[i..].starts_with(b"//") {
            let end = b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if b[i..].starts_with(b"/*") {
            let (mut depth, mut j) = (0usize, i);
            while j < b.len() {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if !prev_ident && (b[i] == b'r' || b[i..].starts_with(b"br")) && raw_start(&b[i..]) {
            // r"…", r#"…"#, br"…": no escapes; ends at `"` and as many `#`.
            let start = i;
            i += if b[i] == b'b' { 2 } else { 1 };
            let hashes = b[i..].iter().take_while(|&&c| c == b'#').count();
            i += hashes + 1;
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            let end = (i..b.len())
                .find(|&j| b[j..].starts_with(&close))
                .map_or(b.len(), |j| j + close.len());
            blank(&mut out, start, end);
            i = end;
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if b[i] == b'\'' {
            // A character literal ('x', '\n', '\u{1F600}', 'đ'), not a
            // lifetime ('a) or a label.
            let j = i + 1;
            let end = if b.get(j) == Some(&b'\\') {
                (j + 1..b.len()).find(|&k| b[k] == b'\'').map(|k| k + 1)
            } else {
                let len = b.get(j).map_or(1, |&c| utf8_len(c));
                (b.get(j + len) == Some(&b'\'')).then_some(j + len + 1)
            };
            match end {
                Some(end) => {
                    blank(&mut out, i, end);
                    i = end;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    // Only ASCII bytes were changed, and only whole literals or comments.
    String::from_utf8(out).expect("still UTF-8")
}

/// Whether `b` starts a raw string: `r` or `br`, hashes, a quote.
fn raw_start(b: &[u8]) -> bool {
    let rest = b.strip_prefix(b"br").or_else(|| b.strip_prefix(b"r"));
    rest.is_some_and(|r| {
        let n = r.iter().take_while(|&&c| c == b'#').count();
        r.get(n) == Some(&b'"')
    })
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Every `.rs` file under `src`, relative, `/`-separated, sorted.
pub fn rust_files(src: &Path) -> Vec<String> {
    fn walk(dir: &Path, src: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("read src") {
            let p: PathBuf = e.expect("entry").path();
            if p.is_dir() {
                walk(&p, src, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(src).expect("under src");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(src, src, &mut out);
    out.sort();
    out
}
