//! Text compared as a person reads it: the same words are the same value
//! whether pasted from Word (NFD), with doubled spaces or line breaks, in
//! capitals, with a list mark or a final full stop. Marks are kept: `Hộ`
//! and `Hồ` are different words.

use crate::text::{nfc, strip_marks};

/// A name or sentence for comparison.
pub fn text(s: &str) -> String {
    let s = nfc(s);
    let words: Vec<&str> = s.split_whitespace().collect();
    let joined = words.join(" ").to_lowercase();
    joined
        .trim_start_matches(['-', '+', '*', '•', '–', ' '])
        .trim_end_matches(['.', ';', ':', ',', ' '])
        .to_string()
}

/// A procedure's name for comparison: as [`text`], without the words
/// "Thủ tục" that national records put before every name
/// ("Thủ tục đăng ký khai sinh" is "Đăng ký khai sinh").
pub fn name(s: &str) -> String {
    let t = text(s);
    match t.strip_prefix("thủ tục ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => t,
    }
}

/// A legal text's number (`123/2015/NĐ-CP`) for comparison: found inside a
/// longer name (`Nghị định số 123/2015/NĐ-CP ngày …`), without spaces, in
/// capitals, `Đ` as `D` (many people type `ND-CP`). Text without a number
/// is compared whole, as [`text`].
pub fn legal_number(s: &str) -> String {
    let s = nfc(s);
    let token = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|t| t.trim_end_matches(['.', ':']))
        // A number has digits and letters (`60/2014/QH13`); a date has no letters.
        .find(|t| {
            t.contains('/')
                && t.chars().any(|c| c.is_ascii_digit())
                && t.chars().any(char::is_alphabetic)
        });
    match token {
        Some(t) => strip_marks(t).to_uppercase(),
        None => text(&s),
    }
}

/// The national code a variant belongs to: `1.001193.01` and
/// `2.000908.000.00.00.H61` → `1.001193`, `2.000908`; any other code as
/// written, without hidden characters.
pub fn base_code(code: &str) -> String {
    let key = crate::model::code_key(code);
    let bytes = key.as_bytes();
    let national = bytes.len() >= 8
        && bytes[0].is_ascii_digit()
        && bytes[1] == b'.'
        && bytes[2..8].iter().all(u8::is_ascii_digit)
        && bytes.get(8).is_none_or(|b| !b.is_ascii_digit());
    if national {
        key[..8].to_string()
    } else {
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_as_people_read_them() {
        let nfd = "Đăng ký khai sinh";
        assert_eq!(text(nfd), text("  ĐĂNG KÝ   khai\nsinh. "));
        assert_eq!(text("- Tờ khai;"), "tờ khai");
        assert_ne!(text("Hộ tịch"), text("Hồ tịch"));
        assert_eq!(name("Thủ tục đăng ký khai sinh"), name("Đăng ký khai sinh"));
    }

    #[test]
    fn legal_numbers_are_found_in_names() {
        assert_eq!(
            legal_number("Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ"),
            "123/2015/ND-CP"
        );
        assert_eq!(legal_number("123/2015/nd-cp"), "123/2015/ND-CP");
        assert_eq!(legal_number("Luật Hộ tịch"), "luật hộ tịch");
        assert_eq!(
            legal_number("Luật Hộ tịch ngày 20/11/2014"),
            "luật hộ tịch ngày 20/11/2014"
        );
    }

    #[test]
    fn variants_share_their_national_code() {
        assert_eq!(base_code("1.001193.01"), "1.001193");
        assert_eq!(base_code("2.000908.000.00.00.H61"), "2.000908");
        assert_eq!(base_code("1.001193"), "1.001193");
        assert_eq!(base_code("QT-01"), "QT-01");
    }
}
