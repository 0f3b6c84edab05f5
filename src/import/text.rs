//! Small text helpers for mapping record text into the format: one line,
//! list markers, Markdown escapes. Official wording is never changed
//! beyond whitespace and the leading list marker.

/// Whitespace runs (line breaks included) become one space: the same
/// rule as a value the scaffold writes into a template.
pub use crate::scaffold::one_line;

/// The leading list marker of an item (`-`, `+`, `*`, `•`), if any.
pub fn marker(s: &str) -> Option<char> {
    s.trim_start()
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '+' | '*' | '•' | '–'))
}

/// The text without its leading list markers, on one line.
pub fn unmarked(s: &str) -> String {
    one_line(
        s.trim_start()
            .trim_start_matches(['-', '+', '*', '•', '–', ' ']),
    )
}

/// Text safe as one Markdown list item: characters Markdown would read as
/// formatting are escaped, so the words show as written.
pub fn markdown_item(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|' | '\\'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether folded text holds these words in a row (`slugify` form).
pub fn has_words(folded: &str, words: &str) -> bool {
    let f: Vec<&str> = folded.split('-').collect();
    let w: Vec<&str> = words.split('-').collect();
    f.windows(w.len()).any(|x| x == w.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_escapes() {
        assert_eq!(unmarked("  - Tờ khai\n theo mẫu;"), "Tờ khai theo mẫu;");
        assert_eq!(unmarked("+ Bản sao"), "Bản sao");
        assert_eq!(marker(" + x"), Some('+'));
        assert_eq!(marker("Giấy"), None);
        assert_eq!(markdown_item("a*b_c <d>"), "a\\*b\\_c \\<d\\>");
        assert!(has_words(
            "muc-le-phi-do-hoi-dong-nhan-dan",
            "hoi-dong-nhan-dan"
        ));
        assert!(!has_words("hoi-dong", "hoi-dong-nhan-dan"));
    }
}
