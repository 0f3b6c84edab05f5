//! Text normalisation shared by every stage: NFC on load, and the ASCII folding
//! used for slugs (and later for search), where `đ` does not decompose in Unicode
//! and needs its own rule.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Normalises to NFC, the form every later stage assumes.
pub fn nfc(s: &str) -> String {
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        return s.to_string();
    }
    s.nfc().collect()
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
    for c in strip_marks(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
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
    fn nfc_composes() {
        let nfd: String = "Hộ tịch".nfd().collect();
        assert_ne!(nfd, "Hộ tịch");
        assert_eq!(nfc(&nfd), "Hộ tịch");
    }
}
