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
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    if !fold_fast(text, &mut chars) {
        chars.clear();
        fold_chars(text, &mut chars);
    }
    join_words(&chars)
}

/// Steps 1–4 (NFKD, lowercase, NFKD, drop marks, map letters), per the spec.
fn fold_chars(text: &str, chars: &mut Vec<char>) {
    let decomposed: String = text.nfkd().collect::<String>().to_lowercase();
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
}

/// Steps 1–4 by table for text made only of Latin letters that fold the
/// same alone as in context (U+0000–U+024F and the Vietnamese block
/// U+1E00–U+1EFF: no combining marks, no final sigma): each character's
/// folding is precomputed with [`fold_chars`], so the result is the same;
/// this is the indexer's hot path. False (and `chars` unspecified) when the
/// text has any other character.
fn fold_fast(text: &str, chars: &mut Vec<char>) -> bool {
    static TABLE: std::sync::OnceLock<Vec<[char; 4]>> = std::sync::OnceLock::new();
    const NONE: char = '\0';
    let table = TABLE.get_or_init(|| {
        let mut t = Vec::with_capacity(FAST_A + FAST_B_LEN);
        let codes = (0..FAST_A as u32).chain(FAST_B..FAST_B + FAST_B_LEN as u32);
        for code in codes {
            let mut out = Vec::new();
            if let Some(c) = char::from_u32(code) {
                fold_chars(&c.to_string(), &mut out);
            }
            if code == 0 {
                // NUL separates words like any other non-word character.
                out = vec![' '];
            }
            // Every folding in these ranges is at most three characters (¼).
            assert!(
                out.len() <= 4 && !out.contains(&NONE),
                "U+{code:04X} {out:?}"
            );
            let mut e = [NONE; 4];
            e[..out.len()].copy_from_slice(&out);
            t.push(e);
        }
        t
    });
    for c in text.chars() {
        let code = c as usize;
        let entry = if code < FAST_A {
            table[code]
        } else if (FAST_B as usize..FAST_B as usize + FAST_B_LEN).contains(&code) {
            table[FAST_A + code - FAST_B as usize]
        } else {
            return false;
        };
        for f in entry {
            if f != NONE {
                chars.push(f);
            }
        }
    }
    true
}

const FAST_A: usize = 0x250;
const FAST_B: u32 = 0x1E00;
const FAST_B_LEN: usize = 0x100;

/// Step 5: the words, joined by one space.
fn join_words(chars: &[char]) -> String {
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

/// True for a term or word with an ASCII digit (a code, a number): the
/// index keeps those apart from the words, and a query word with a digit
/// matches them only (`query.rs`, step 2).
pub(crate) fn has_digit(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_digit())
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

    /// The table path gives exactly the specification's output.
    #[test]
    fn fast_path_equals_the_specification() {
        let slow = |t: &str| {
            let mut c = Vec::new();
            fold_chars(t, &mut c);
            join_words(&c)
        };
        let mut all = String::new();
        for code in (0..FAST_A as u32).chain(FAST_B..FAST_B + FAST_B_LEN as u32) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let one = c.to_string();
            let mut fast = Vec::new();
            assert!(fold_fast(&one, &mut fast), "{code:x}");
            assert_eq!(join_words(&fast), slow(&one), "U+{code:04X}");
            all.push(c);
            all.push(if code % 3 == 0 { ' ' } else { '.' });
        }
        assert_eq!(fold(&all), slow(&all));
        for t in [
            "Đăng ký 1.001193, ĐĂNG KÝ",
            "Ǆ ǅ ǆ İ ẞ ẞa",
            "a.1 1.a 1.2.",
            "a\0b 1\0.2",
        ] {
            assert_eq!(fold(t), slow(t), "{t}");
        }
        // Outside the table: the specification itself.
        let nfd: String = "Hộ tịch ΣΑΣ".nfd().collect();
        assert!(!fold_fast(&nfd, &mut Vec::new()));
        assert_eq!(fold(&nfd), slow(&nfd));
    }

    #[test]
    fn words_split() {
        assert_eq!(words("Đăng ký  lại"), ["dang", "ki", "lai"]);
        assert!(words(" ,. ").is_empty());
    }
}
