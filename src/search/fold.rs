//! The folding specification shared by the indexer and the browser runtime
//! (`themes/default/static/search.js`, function `fold`). Both must give the
//! same output for the same input; `tests/search/vectors.json` is run by a
//! Rust test and a node test to keep them so.
//!
//! Steps, in order:
//! 1. NFKD, lowercase, NFKD again (lowercasing `İ` gives `i` + a combining dot);
//! 2. drop every combining mark (Unicode general category M): tones and the
//!    vowel marks of `ă â ê ô ơ ư`;
//! 3. letters that do not decompose: `đ ð` → `d`, `ł` → `l`, `ø` → `o`,
//!    `ı` → `i`, `ß` → `ss`, `æ` → `ae`, `œ` → `oe`;
//! 4. `y` → `i` (Vietnamese writes the same sound both ways: `kí`/`ký`,
//!    `lí`/`lý`; folding both sides makes `chu ki` find "chữ ký");
//! 5. words are runs of alphanumeric characters (Rust `char::is_alphanumeric`,
//!    JS `[\p{Alphabetic}\p{N}]`); a `.` between two ASCII digits stays inside
//!    the word, so a code `1.001193` is one word; everything else separates
//!    words. The result is the words joined by one space.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Folds text for search: see the module documentation for the exact steps.
/// `fold("Đăng  KÝ khai-sinh")` is `"dang ki khai sinh"`.
pub fn fold(text: &str) -> String {
    let decomposed: String = text.nfkd().collect::<String>().to_lowercase();
    let mut chars: Vec<char> = Vec::with_capacity(decomposed.len());
    for c in decomposed.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'ð' => chars.push('d'),
            'ł' => chars.push('l'),
            'ø' => chars.push('o'),
            'ı' => chars.push('i'),
            'ß' => chars.extend(['s', 's']),
            'æ' => chars.extend(['a', 'e']),
            'œ' => chars.extend(['o', 'e']),
            'y' => chars.push('i'),
            other => chars.push(other),
        }
    }
    let mut out = String::with_capacity(chars.len());
    let mut pending_space = false;
    for (i, &c) in chars.iter().enumerate() {
        let keep = c.is_alphanumeric()
            || (c == '.'
                && i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if keep {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// The words of a text after folding.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Đăng ký khai sinh"), "dang ki khai sinh");
        assert_eq!(fold("ĐĂNG KÝ KHAI SINH"), "dang ki khai sinh");
        assert_eq!(fold("Chứng thực chữ ký"), "chung thuc chu ki");
        assert_eq!(fold("chu ki"), "chu ki");
        assert_eq!(fold("Ưu đãi người có công"), "uu dai nguoi co cong");
    }

    #[test]
    fn nfd_input_folds_like_nfc() {
        let nfd: String = "Hộ tịch, Thừa kế".nfd().collect();
        assert_eq!(fold(&nfd), fold("Hộ tịch, Thừa kế"));
        assert_eq!(fold(&nfd), "ho tich thua ke");
    }

    #[test]
    fn codes_and_punctuation() {
        assert_eq!(fold("Mã 1.001193."), "ma 1.001193");
        assert_eq!(fold("123/2015/NĐ-CP"), "123 2015 nd cp");
        assert_eq!(fold("8.000 đồng/bản"), "8.000 dong ban");
        assert_eq!(fold("a.b 1. .2"), "a b 1 2");
        assert_eq!(fold("  (Bản sao)  "), "ban sao");
        assert_eq!(fold(""), "");
        assert_eq!(fold("—·—"), "");
    }

    #[test]
    fn letters_without_decomposition() {
        assert_eq!(
            fold("Straße Øre Łódź æ œ İstanbul"),
            "strasse ore lodz ae oe istanbul"
        );
        assert_eq!(fold("ﬁle ２０２６"), "file 2026");
    }

    #[test]
    fn words_split() {
        assert_eq!(words("Đăng ký  lại"), ["dang", "ki", "lai"]);
        assert!(words(" ,. ").is_empty());
    }
}
