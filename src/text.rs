//! Text normalisation shared by every stage: NFC on load, and the ASCII folding
//! used for slugs (and later for search), where `đ` does not decompose in Unicode
//! and needs its own rule.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Normalises to NFC, the form every later stage assumes.
pub fn nfc(s: &str) -> String {
    if is_nfc(s) {
        return s.to_string();
    }
    s.nfc().collect()
}

/// A character that is NFC on its own and a starter (combining class 0),
/// whatever stands around it: ASCII, the Latin letters up to U+02FF and
/// the precomposed Vietnamese letters (U+1E00–U+1EFF). Checked against
/// the Unicode tables by a test over every one of them; [`is_nfc`] tells
/// them by their UTF-8 bytes (`plain_starter_at`, tested equal to this).
#[cfg(test)]
fn plain_starter(c: char) -> bool {
    c < '\u{300}' || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// Whether `s` is NFC for sure (the quick check says yes). Vietnamese text
/// is mostly plain starters (ASCII, U+0080–U+02FF, U+1E00–U+1EFF), each
/// of which needs no table look-up and is told from its first UTF-8
/// bytes; the others are checked in runs between them: a starter resets
/// the quick check, so runs can be checked one by one. Checking every character through the tables cost a tenth
/// of `niemyet import`.
pub fn is_nfc(s: &str) -> bool {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if let Some(len) = plain_starter_at(b, i) {
            i += len;
            continue;
        }
        let start = i;
        while i < b.len() && plain_starter_at(b, i).is_none() {
            i += utf8_len(b[i]);
        }
        let run = s.get(start..i.min(b.len())).unwrap_or("");
        if is_nfc_quick(run.chars()) != IsNormalized::Yes {
            return false;
        }
    }
    true
}

/// The length of the [`plain_starter`] at byte `i` of valid UTF-8 (ASCII;
/// U+0080–U+02FF: lead bytes C2–CB; U+1E00–U+1EFF: E1 B8–BB), else `None`.
fn plain_starter_at(b: &[u8], i: usize) -> Option<usize> {
    match b[i] {
        0..=0x7f => Some(1),
        0xc2..=0xcb => Some(2),
        0xe1 if matches!(b.get(i + 1), Some(0xb8..=0xbb)) => Some(3),
        _ => None,
    }
}

/// A UTF-8 sequence's length from its lead byte.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

/// Removes tone and vowel marks and maps `đ`/`Đ` to `d`/`D`; keeps case.
pub fn strip_marks(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}

/// The URL slug of a name: `Đăng ký khai sinh` → `dang-ky-khai-sinh`.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut push = |c: char| {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    };
    // As `strip_marks`, one character at a time: the marks a canonical
    // decomposition adds are dropped, so reordering them (what NFD adds to
    // decomposing) cannot change what is kept. No NFD string is made: the
    // importer folds every name it compares.
    for c in s.chars() {
        match c {
            'đ' | 'Đ' => push('d'),
            c if c.is_ascii() => push(c),
            c => unicode_normalization::char::decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    push(d);
                }
            }),
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// True when `s` is already a valid slug: lowercase ASCII letters, digits and
/// single `-` between them.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Text made safe inside HTML elements and quoted attributes.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A character that shows as nothing, or as a plain space, and is not one:
/// format characters (zero-width space and joiners, BOM, soft hyphen,
/// direction marks), controls, special spaces, variation selectors, Hangul
/// fillers, tags. Pasted from a web page or Word, it makes a code look
/// right and compare wrong.
pub fn is_hidden(c: char) -> bool {
    // Most text is ASCII and Vietnamese letters: decided without the
    // Unicode tables (a test checks these ranges against the rule).
    if c < '\u{a0}' {
        return !(' '..'\u{7f}').contains(&c);
    }
    if ('\u{ae}'..'\u{34f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c) {
        return false;
    }
    hidden_by_rule(c)
}

fn hidden_by_rule(c: char) -> bool {
    (c.is_whitespace() && c != ' ')
        || c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
            | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}'
            | '\u{0600}'..='\u{0605}' | '\u{06DD}' | '\u{070F}' | '\u{08E2}'
            | '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}')
}

/// A character that would act on the terminal instead of showing: C0 and
/// C1 controls, DEL, and the bidirectional overrides that reorder what
/// follows. A file name can hold any of them.
pub fn acts_on_terminal(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` safe to print on a terminal: each control character written as an
/// escape (`\u{1b}`), so a file name with raw control bytes is shown, not
/// obeyed. For paths and names: line breaks are escaped too.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    escape_if(s, acts_on_terminal)
}

/// [`printable`] for a message of several lines: line breaks are kept.
pub fn printable_lines(s: &str) -> std::borrow::Cow<'_, str> {
    escape_if(s, |c| c != '\n' && acts_on_terminal(c))
}

fn escape_if(s: &str, escape: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(&escape) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if escape(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_folds_vietnamese() {
        assert_eq!(slugify("Đăng ký khai sinh"), "dang-ky-khai-sinh");
        assert_eq!(slugify("  Chứng thực  chữ ký!! "), "chung-thuc-chu-ky");
        assert_eq!(slugify("ĐẤT ĐAI"), "dat-dai");
        // NFD input (pasted from Word) folds the same way.
        assert_eq!(slugify(&"Hộ tịch".nfd().collect::<String>()), "ho-tich");
    }

    #[test]
    fn slug_rule() {
        assert!(is_slug("dang-ky-khai-sinh"));
        assert!(is_slug("2026-12-lich-tet"));
        for bad in ["", "Dang", "a--b", "-a", "a-", "a b", "đăng", "a_b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(printable("content/ho-tich/a.md"), "content/ho-tich/a.md");
        assert_eq!(printable("a\x1b[31mb\x07.md"), "a\\u{1b}[31mb\\u{7}.md");
        assert_eq!(printable("a\nb\u{202e}c"), "a\\u{a}b\\u{202e}c");
        assert_eq!(
            printable_lines("dòng 1\ndòng\x1b 2"),
            "dòng 1\ndòng\\u{1b} 2"
        );
        assert_eq!(printable("Hộ tịch"), "Hộ tịch");
    }

    #[test]
    fn hidden_characters() {
        for c in [
            '\u{200B}', '\u{FEFF}', '\u{A0}', '\u{200D}', '\u{2060}', '\u{AD}', '\u{202E}',
            '\u{FE0F}', '\t', '\u{1}',
        ] {
            assert!(is_hidden(c), "{:?}", c);
        }
        for c in ['1', '.', ' ', 'ộ', '-', 'Đ'] {
            assert!(!is_hidden(c), "{c:?}");
        }
    }

    #[test]
    fn the_fast_paths_agree_with_the_unicode_tables() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            if plain_starter(c) {
                let alone = is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
                assert!(alone && canonical_combining_class(c) == 0, "{c:?}");
            }
            let one = c.to_string();
            let at = plain_starter_at(one.as_bytes(), 0);
            assert_eq!(at.is_some(), plain_starter(c), "{c:?}");
            assert!(at.is_none_or(|n| n == one.len()), "{c:?}");
            assert_eq!(utf8_len(one.as_bytes()[0]), one.len());
            assert_eq!(is_hidden(c), hidden_by_rule(c), "{c:?}");
            assert_eq!(slugify(&one), slugify_reference(&one), "{c:?}");
        }
        let samples = [
            "Đăng ký khai sinh",
            "a\u{301}\u{323}b",
            "–“Hộ tịch” – 03 ngày",
            "\u{2000}x",
            "e\u{301}",
            "Ǆ ﬁ ẛ Å",
        ];
        for s in samples {
            let nfd: String = s.nfd().collect();
            for t in [s.to_string(), nfd] {
                let quick = is_nfc_quick(t.chars()) == IsNormalized::Yes;
                assert_eq!(is_nfc(&t), quick, "{t:?}");
                assert_eq!(slugify(&t), slugify_reference(&t), "{t:?}");
            }
        }
    }

    /// The fold as it was: marks stripped from the whole NFD text first.
    fn slugify_reference(s: &str) -> String {
        let mut out = String::new();
        for c in strip_marks(s).chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        out.trim_end_matches('-').to_string()
    }

    #[test]
    fn nfc_composes() {
        let nfd: String = "Hộ tịch".nfd().collect();
        assert_ne!(nfd, "Hộ tịch");
        assert_eq!(nfc(&nfd), "Hộ tịch");
    }
}
