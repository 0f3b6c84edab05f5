//! Search synonyms: one line of a lexicon, as a clerk writes it under
//! `synonyms:` in site.yaml and as the built-in lexicon
//! (`themes/default/search/lexicon.yaml`) writes it.
//!
//! - `giấy độc thân = xác nhận tình trạng hôn nhân`: phrases with the same
//!   meaning; a procedure whose text has one is found by the others.
//! - `giấy chứng tử, giấy báo tử -> khai tử` (or `→`): what people say, on
//!   the left, for the official term on the right; a procedure whose text
//!   has the official term is found by the everyday words, not the reverse.
//!
//! The search index applies them (`search::lexicon`); here a line is only
//! read and checked, so that `check` can point at the line a clerk must fix.

use super::value::{Checked, Ctx};
use crate::diag::Rule;
use crate::load::raw::Spanned;
use crate::t;

/// The most words one phrase may have: a synonym names a thing, it is not
/// a sentence (and the indexer looks each phrase up at every word).
pub const MAX_WORDS: usize = 12;

/// One checked line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Synonym {
    /// Phrases with the same meaning, at least two.
    Same(Vec<String>),
    /// People say any of `said` for `means`.
    Means { said: Vec<String>, means: String },
}

/// Why a line cannot be read (the message says which phrase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineError {
    /// Neither `=` nor `->`: one phrase only.
    OnePhrase,
    /// Both `=` and `->`, or `->` twice.
    Mixed,
    /// A phrase between two separators is blank (`a = = b`, `a ->`).
    EmptyPhrase,
    /// A phrase without a letter or a digit (`a = ...`).
    NoWord(String),
    /// A phrase longer than [`MAX_WORDS`] words.
    TooLong(String),
    /// A comma on the right of `->` or in a `=` line: a comma separates
    /// the everyday phrases of a `->` line only.
    Comma(String),
}

/// Reads one line (see the module documentation).
pub fn parse_line(line: &str) -> Result<Synonym, LineError> {
    let line = line.replace('→', "->");
    let arrows = line.matches("->").count();
    if arrows > 1 || (arrows == 1 && line.contains('=')) {
        return Err(LineError::Mixed);
    }
    if let Some((said, means)) = line.split_once("->") {
        let means = phrase(means)?;
        if means.contains(',') {
            return Err(LineError::Comma(means));
        }
        let said = said.split(',').map(phrase).collect::<Result<Vec<_>, _>>()?;
        return Ok(Synonym::Means { said, means });
    }
    if !line.contains('=') {
        return Err(LineError::OnePhrase);
    }
    let same = line.split('=').map(phrase).collect::<Result<Vec<_>, _>>()?;
    if let Some(p) = same.iter().find(|p| p.contains(',')) {
        return Err(LineError::Comma(p.clone()));
    }
    Ok(Synonym::Same(same))
}

/// One phrase, trimmed, with its spaces collapsed.
fn phrase(raw: &str) -> Result<String, LineError> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(LineError::EmptyPhrase);
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Err(LineError::NoWord(text));
    }
    let words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    if words > MAX_WORDS {
        return Err(LineError::TooLong(text));
    }
    Ok(text)
}

/// `synonyms:` of site.yaml: each line checked, each error at its line.
pub(super) fn site_synonyms(cx: &mut Ctx, items: &[Spanned<String>]) -> Checked<Vec<Synonym>> {
    let checked: Vec<Checked<Synonym>> = items
        .iter()
        .map(|item| match parse_line(&item.value) {
            Ok(s) => Ok(s),
            Err(why) => {
                let at = cx.loc(&item.referenced);
                Err(cx.error(Rule::BadSynonym, at, message(&why), Some(hint())))
            }
        })
        .collect();
    super::value::every(checked)
}

fn message(why: &LineError) -> crate::lang::Text {
    match why {
        LineError::OnePhrase => t!(
            "dòng từ đồng nghĩa chỉ có một cách gọi",
            "the synonym line has one phrase only"
        ),
        LineError::Mixed => t!(
            "một dòng dùng = hoặc -> một lần, không dùng cả hai",
            "a line uses = or a single ->, not both"
        ),
        LineError::EmptyPhrase => t!(
            "có một cách gọi để trống (hai dấu nối liền nhau, hoặc dấu nối ở đầu, cuối dòng)",
            "a phrase is blank (two separators in a row, or one at the start or end)"
        ),
        LineError::NoWord(p) => t!(
            "\"{p}\" không có chữ nào để tìm",
            "\"{p}\" has no word to search for"
        ),
        LineError::TooLong(p) => t!(
            "\"{p}\" dài quá {MAX_WORDS} từ: từ đồng nghĩa là tên gọi, không phải câu",
            "\"{p}\" is longer than {MAX_WORDS} words: a synonym is a name, not a sentence"
        ),
        LineError::Comma(p) => t!(
            "\"{p}\" có dấu phẩy: dấu phẩy chỉ dùng để liệt kê các cách gọi thường ngày bên trái dấu ->",
            "\"{p}\" has a comma: commas separate the everyday phrases on the left of -> only"
        ),
    }
}

fn hint() -> crate::lang::Text {
    t!(
        "viết, ví dụ:\nsynonyms:\n  - giấy độc thân = xác nhận tình trạng hôn nhân\n  - sổ đỏ, sổ hồng -> giấy chứng nhận quyền sử dụng đất",
        "write, e.g.:\nsynonyms:\n  - giấy độc thân = xác nhận tình trạng hôn nhân\n  - sổ đỏ, sổ hồng -> giấy chứng nhận quyền sử dụng đất"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_kinds() {
        assert_eq!(
            parse_line(" giấy độc thân =  xác nhận tình trạng hôn nhân "),
            Ok(Synonym::Same(vec![
                "giấy độc thân".into(),
                "xác nhận tình trạng hôn nhân".into()
            ]))
        );
        assert_eq!(
            parse_line("giấy chứng tử, giấy báo tử → khai tử"),
            Ok(Synonym::Means {
                said: vec!["giấy chứng tử".into(), "giấy báo tử".into()],
                means: "khai tử".into()
            })
        );
    }

    #[test]
    fn refuses_what_a_tired_clerk_writes() {
        assert_eq!(parse_line("giấy độc thân"), Err(LineError::OnePhrase));
        assert_eq!(parse_line("a = b -> c"), Err(LineError::Mixed));
        assert_eq!(parse_line("a -> b -> c"), Err(LineError::Mixed));
        assert_eq!(parse_line("a = = b"), Err(LineError::EmptyPhrase));
        assert_eq!(parse_line("a ->"), Err(LineError::EmptyPhrase));
        assert_eq!(parse_line("a = ..."), Err(LineError::NoWord("...".into())));
        assert_eq!(parse_line("a, b = c"), Err(LineError::Comma("a, b".into())));
        assert!(matches!(
            parse_line("một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba = x"),
            Err(LineError::TooLong(_))
        ));
    }
}
