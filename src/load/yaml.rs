//! The only module that knows which YAML library we use (serde-saphyr: pure
//! Rust, no panics, positions on every error, limits on alias expansion; the
//! card's serde_yaml is deprecated upstream and loses positions). It turns the
//! library's errors into located, bilingual [`Diagnostic`]s, and recovers from
//! unknown or repeated keys so that a file with three typos shows all three.

use crate::diag::Rule;
use crate::diag::{Checked, Diagnostic, Location, Reported, Source};
use crate::lang::Text;
use crate::t;
use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Budget, DuplicateKeyPolicy, Error, Options};

/// How many unknown or repeated keys one file may have before we stop retrying.
const MAX_RECOVERIES: usize = 64;
/// How deep groups and lists may nest; a procedure needs 4.
const MAX_DEPTH: usize = 32;

/// What parsing one document gave.
pub struct Parsed<T> {
    /// The value, when the document could be read (possibly after blanking
    /// out unknown or repeated keys); else the proof that an error says why.
    pub value: Checked<T>,
    pub diagnostics: Vec<Diagnostic>,
    /// Keys proposed by a "did you mean" (`fess` → `fees`), with the proof
    /// of that error: the model does not also report them as missing.
    pub suggested: Vec<(&'static str, Reported)>,
}

/// Parses `yaml` (a prefix of `src.text`, so positions are file positions).
pub fn parse<T: DeserializeOwned>(src: &Source, yaml: &str) -> Parsed<T> {
    // Copied only when a key must be blanked out to read on.
    let mut text = std::borrow::Cow::Borrowed(yaml);
    let mut diagnostics = Vec::new();
    let mut suggested = Vec::new();
    let mut recoveries = 0;
    loop {
        let value = match serde_saphyr::from_str_with_options::<T>(&text, options()) {
            Ok(v) => Ok(v),
            Err(e) => {
                let e = unwrap_error(&e);
                let reported = Reported::push(&mut diagnostics, to_diagnostic(e, src));
                if let Error::SerdeUnknownField {
                    field, expected, ..
                } = e
                {
                    suggested.extend(suggest_key(field, expected).map(|k| (k, reported)));
                }
                let retry = recoveries < MAX_RECOVERIES
                    && recoverable_key(e)
                        .is_some_and(|(line, col)| blank_key(text.to_mut(), line, col));
                if retry {
                    recoveries += 1;
                    continue;
                }
                Err(reported)
            }
        };
        return Parsed {
            value,
            diagnostics,
            suggested,
        };
    }
}

fn options() -> Options {
    let mut budget = Budget::default();
    // A procedure file has a few hundred nodes; these bounds stop hostile or
    // broken input (alias bombs, deep nesting) long before it costs anything.
    budget.max_events = 200_000;
    budget.max_nodes = 100_000;
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_documents = 1;
    let mut o = Options::default();
    o.budget = Some(budget);
    o.duplicate_keys = DuplicateKeyPolicy::Error;
    o.with_snippet = false;
    o.alias_limits.max_total_replayed_events = 10_000;
    o.alias_limits.max_replay_stack_depth = 16;
    o.alias_limits.max_alias_expansions_per_anchor = 100;
    o
}

/// Strips wrappers that only add snippets or alias context.
fn unwrap_error(mut e: &Error) -> &Error {
    loop {
        match e {
            Error::WithSnippet { error, .. } => e = error,
            Error::AliasError { error, .. } => e = error,
            _ => return e,
        }
    }
}

/// The 1-based line and character column of a key we can blank out and retry.
fn recoverable_key(e: &Error) -> Option<(usize, usize)> {
    match e {
        Error::SerdeUnknownField { location, .. } | Error::DuplicateMappingKey { location, .. } => {
            Some((location.line() as usize, location.column() as usize))
        }
        _ => None,
    }
}

/// Replaces the key at `loc` (to the end of its line) and the lines indented
/// under it with spaces, keeping every other byte where it was.
fn blank_key(text: &mut String, line: usize, col: usize) -> bool {
    if line == 0 || col == 0 {
        return false;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    let mut starts = vec![0];
    starts.extend(
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i + 1),
    );
    let line_range = |n: usize| -> Option<(usize, usize)> {
        let s = *starts.get(n - 1)?;
        let e = starts.get(n).map_or(bytes.len(), |e| e - 1);
        Some((s, e))
    };
    let Some((start, end)) = line_range(line) else {
        *text = String::from_utf8_lossy(&bytes).into_owned();
        return false;
    };
    // The column counts characters; find its byte.
    let key_byte = String::from_utf8_lossy(&bytes[start..end])
        .chars()
        .take(col - 1)
        .map(char::len_utf8)
        .sum::<usize>();
    let mut ranges = vec![(start + key_byte, end)];
    let mut n = line + 1;
    while let Some((s, e)) = line_range(n) {
        let l = &bytes[s..e];
        let indent = l.iter().take_while(|b| **b == b' ').count();
        let blank = l.iter().all(|b| b.is_ascii_whitespace()) || l.get(indent) == Some(&b'#');
        if !blank && indent < col {
            break;
        }
        ranges.push((s, e));
        n += 1;
    }
    for (s, e) in ranges {
        bytes[s..e].iter_mut().for_each(|b| *b = b' ');
    }
    *text = String::from_utf8_lossy(&bytes).into_owned();
    true
}

fn locate(src: &Source, loc: serde_saphyr::Location) -> Option<Location> {
    if loc == serde_saphyr::Location::UNKNOWN || loc.line() == 0 {
        return None;
    }
    Some(src.locate_line_col(loc.line() as usize, loc.column() as usize, None))
}

/// Turns one library error into a clerk's message.
fn to_diagnostic(e: &Error, src: &Source) -> Diagnostic {
    let file = src.rel_path.clone();
    let at = |loc: &serde_saphyr::Location| locate(src, *loc);
    match e {
        Error::SerdeUnknownField {
            field,
            expected,
            location,
        } => unknown_key(field, expected, &file).at(at(location)),
        Error::DuplicateMappingKey { key, location } => {
            let key = key.clone().unwrap_or_default();
            Diagnostic::error(Rule::DuplicateKey, file, t!("khóa \"{key}\" bị viết hai lần", "the key \"{key}\" is written twice"))
                .at(at(location))
                .hint(t!(
                    "mỗi khóa chỉ được viết một lần ở cùng một chỗ; hãy gộp hai dòng lại hoặc xóa một dòng",
                    "each key may appear only once in the same place; merge the two lines or delete one"
                ))
        }
        Error::SerdeMissingField { field, location } => Diagnostic::error(
            Rule::MissingKey,
            file,
            t!("thiếu khóa bắt buộc \"{field}\"", "the required key \"{field}\" is missing"),
        )
        .at(at(location)),
        Error::Unexpected { expected, location } => wrong_shape(expected, file).at(at(location)),
        Error::SerdeInvalidType {
            expected, location, ..
        } => wrong_shape(expected, file).at(at(location)),
        Error::Budget {
            breach: BudgetBreach::Depth { .. },
            location,
        } => too_deep(file).at(at(location)),
        Error::AliasReplayLimitExceeded { location, .. }
        | Error::AliasExpansionLimitExceeded { location, .. }
        | Error::AliasReplayStackDepthExceeded { location, .. }
        | Error::Budget { location, .. } => Diagnostic::error(
            Rule::YamlTooLarge,
            file,
            t!(
                "phần khai báo quá lớn hoặc lồng nhau quá sâu (có thể do bí danh YAML `*` lặp lại)",
                "the front matter is too large or nested too deeply (perhaps repeated YAML aliases `*`)"
            ),
        )
        .at(at(location))
        .hint(t!(
            "không dùng neo `&` và bí danh `*` của YAML; hãy viết thẳng nội dung",
            "do not use YAML anchors `&` and aliases `*`; write the values out"
        )),
        Error::UnknownAnchor { location } => Diagnostic::error(
            Rule::YamlSyntax,
            file,
            t!("bí danh YAML `*` trỏ tới một neo `&` không có", "a YAML alias `*` refers to an anchor `&` that does not exist"),
        )
        .at(at(location))
        .hint(t!(
            "nếu dấu `*` là một phần của nội dung, hãy đặt cả giá trị trong dấu ngoặc kép",
            "if the `*` is part of the text, put the whole value in double quotes"
        )),
        Error::NullIntoString { location } => Diagnostic::error(Rule::EmptyValue, file, t!("một mục hoặc một giá trị đang trống", "an item or a value is empty"))
            .at(at(location))
            .hint(t!("viết nội dung sau \"- \" hoặc sau dấu hai chấm, hoặc xóa dòng thừa", "write the text after \"- \" or after the colon, or delete the stray line")),
        Error::Eof { location } => syntax(file, "unexpected end of file").at(at(location)),
        other if other.to_string().contains("recursion limit") => {
            too_deep(file).at(other.location().and_then(|l| locate(src, l)))
        }
        other => {
            use serde_saphyr::MessageFormatter;
            let raw = serde_saphyr::DefaultMessageFormatter.format_message(other).into_owned();
            syntax(file, &raw).at(other.location().and_then(|l| locate(src, l)))
        }
    }
}

/// Groups and lists inside each other past the budget's depth (block
/// indentation), or brackets past the parser's own limit (`[[[[…`): said
/// as nesting, at the place, before anything can recurse on it.
fn too_deep(file: std::path::PathBuf) -> Diagnostic {
    let max = MAX_DEPTH;
    Diagnostic::error(
        Rule::YamlTooDeep,
        file,
        t!(
            "phần khai báo lồng nhau quá sâu (quá {max} mức nhóm, danh sách hay ngoặc [ {{ lồng trong nhau)",
            "the front matter is nested too deeply (more than {max} levels of groups, lists or brackets [ {{ inside each other)"
        ),
    )
    .hint(t!(
        "một thủ tục chỉ cần vài mức: kiểm tra các dấu [ hoặc {{ thừa, chưa đóng, hay các dòng thụt lề quá sâu",
        "a procedure needs only a few levels: look for stray or unclosed [ or {{, or lines indented too deep"
    ))
}

fn unknown_key(field: &str, expected: &[&'static str], file: &std::path::Path) -> Diagnostic {
    let suggestion = suggest_key(field, expected);
    let message = match suggestion {
        Some(s) => t!(
            "khóa không hợp lệ \"{field}\" — có phải \"{s}\"?",
            "unknown key \"{field}\" — did you mean \"{s}\"?"
        ),
        None => t!("khóa không hợp lệ \"{field}\"", "unknown key \"{field}\""),
    };
    let list = expected.join(", ");
    let hint = match suggestion {
        Some(s) => t!(
            "sửa thành `{s}:`. Các khóa dùng được ở đây: {list}",
            "write `{s}:` instead. Keys allowed here: {list}"
        ),
        None => t!(
            "các khóa dùng được ở đây: {list}",
            "keys allowed here: {list}"
        ),
    };
    Diagnostic::error(Rule::UnknownKey, file, message).hint(hint)
}

/// Keys a Vietnamese clerk may write instead of the English ones.
const VIETNAMESE_KEYS: &[(&str, &str)] = &[
    ("ma", "code"),
    ("ma-thu-tuc", "code"),
    ("ten", "title"),
    ("ten", "name"),
    ("ten-thu-tuc", "title"),
    ("tieu-de", "title"),
    ("ten-goi-khac", "aliases"),
    ("cap", "level"),
    ("cap-thuc-hien", "level"),
    ("doi-tuong", "audience"),
    ("co-quan", "agency"),
    ("co-quan-thuc-hien", "agency"),
    ("ket-qua", "result"),
    ("ket-qua-thuc-hien", "result"),
    ("doi-tuong-thuc-hien", "audience"),
    ("trinh-tu-thuc-hien", "steps"),
    ("cach-thuc-thuc-hien", "channels"),
    ("yeu-cau-dieu-kien", "conditions"),
    ("thoi-han", "deadline"),
    ("thoi-han-giai-quyet", "deadline"),
    ("phi", "fees"),
    ("le-phi", "fees"),
    ("phi-le-phi", "fees"),
    ("muc-phi", "amount"),
    ("so-tien", "amount"),
    ("ho-so", "documents"),
    ("thanh-phan-ho-so", "documents"),
    ("giay-to", "documents"),
    ("cach-thuc", "channels"),
    ("trinh-tu", "steps"),
    ("cac-buoc", "steps"),
    ("dieu-kien", "conditions"),
    ("can-cu", "legal_basis"),
    ("can-cu-phap-ly", "legal_basis"),
    ("ngay-cap-nhat", "updated"),
    ("cap-nhat", "updated"),
    ("ghi-chu", "note"),
    ("mau-don", "form"),
    ("to-khai", "form"),
    ("ban-chinh", "originals"),
    ("ban-sao", "copies"),
    ("so-hieu", "number"),
    ("ngay", "date"),
    ("het-han", "expires"),
    ("ngay-lam-viec", "working_days"),
    ("gio", "hours"),
    ("ngay-lich", "calendar_days"),
    ("ngay-nghi", "holidays"),
    ("ngay-le", "holidays"),
    ("ngay-lam-bu", "workdays"),
    ("lam-bu", "workdays"),
    ("gio-chot", "cutoff"),
    ("truong-hop", "case"),
    ("nguon", "source"),
    ("cat-giam", "reduced_from"),
    ("truoc-cat-giam", "reduced_from"),
    ("theo-quy-dinh", "reduced_from"),
];

/// The key the clerk most likely meant, if any is close enough.
pub fn suggest_key(field: &str, expected: &[&'static str]) -> Option<&'static str> {
    let folded = crate::text::slugify(field);
    // A Vietnamese word may mean different keys in different places (`tên`).
    let vietnamese = VIETNAMESE_KEYS.iter().filter(|(vi, _)| *vi == folded);
    if let Some(k) = vietnamese
        .filter_map(|(_, key)| expected.iter().find(|k| *k == key))
        .next()
    {
        return Some(k);
    }
    let lower = field.trim().to_lowercase().replace([' ', '-'], "_");
    expected
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4) && *d < k.len())
        .min()
        .map(|(_, k)| k)
}

fn wrong_shape(expected: &str, file: std::path::PathBuf) -> Diagnostic {
    let e = expected.to_ascii_lowercase();
    let (vi, en, hint) = if e.contains("mapping") || e.contains("struct") || e.contains("map") {
        (
            "ở đây cần một nhóm khóa con (mỗi khóa một dòng, thụt vào)",
            "a group of sub-keys is expected here (one per line, indented)",
            t!(
                "viết các khóa con ở các dòng dưới, mỗi dòng thụt vào 2 dấu cách, ví dụ:\n  deadline:\n    working_days: 3",
                "write the sub-keys on the lines below, each indented by 2 spaces, e.g.:\n  deadline:\n    working_days: 3"
            ),
        )
    } else if e.contains("sequence") || e.contains("seq") || e.contains("list") {
        (
            "ở đây cần một danh sách (mỗi mục một dòng bắt đầu bằng \"- \")",
            "a list is expected here (one item per line starting with \"- \")",
            t!(
                "viết mỗi mục ở một dòng riêng, bắt đầu bằng \"- \"; viết [] nếu danh sách trống",
                "write each item on its own line starting with \"- \"; write [] for an empty list"
            ),
        )
    } else {
        (
            "ở đây cần một giá trị văn bản, không phải danh sách hay nhóm khóa",
            "a single text value is expected here, not a list or a group of keys",
            t!(
                "viết giá trị ngay sau dấu hai chấm, trên cùng một dòng",
                "write the value right after the colon, on the same line"
            ),
        )
    };
    Diagnostic::error(Rule::WrongShape, file, Text::new(vi, en)).hint(hint)
}

/// A YAML syntax error, with the parser's English words translated when we know them.
fn syntax(file: std::path::PathBuf, raw: &str) -> Diagnostic {
    let lower = raw.to_ascii_lowercase();
    let known: &[(&str, &str, &str, &str, &str)] = &[
        // Before "quote": the parser says "while parsing a quoted scalar,
        // found unknown escape character" (the lint usually says it first,
        // at the backslash).
        (
            "escape",
            "trong ngoặc kép, dấu \\ mở đầu một ký tự đặc biệt mà ở đây không có",
            "inside double quotes, a \\ starts an escape, and this one is none",
            "để dấu \\ là chữ \\ thường, đặt giá trị trong ngoặc đơn ' '; hoặc viết \\\\ cho mỗi dấu \\",
            "for a plain \\, put the value in single quotes ' '; or write \\\\ for each \\",
        ),
        (
            "quote",
            "thiếu dấu ngoặc kép đóng",
            "a closing quote is missing",
            "mỗi giá trị mở bằng \" phải đóng bằng \" trên cùng dòng; trong giá trị, viết \\\" cho dấu ngoặc kép",
            "every value opened with \" must be closed with \" on the same line; inside it write \\\" for a quote",
        ),
        (
            "mapping values are not allowed",
            "dấu hai chấm \": \" không đúng chỗ",
            "a colon \": \" in the wrong place",
            "nếu giá trị có dấu hai chấm, đặt cả giá trị trong dấu ngoặc kép, ví dụ: time: \"Sáng 7:30 - 11:30\"; nếu không, dòng này thụt lề sai so với dòng trên",
            "if the value contains a colon, put the whole value in double quotes, e.g. time: \"7:30 - 11:30\"; otherwise this line is indented wrongly against the line above",
        ),
        (
            "simple key",
            "thiếu dấu cách sau dấu hai chấm hoặc sau dấu gạch đầu dòng",
            "a space is missing after a colon or a list dash",
            "viết \"khóa: giá trị\" (có dấu cách sau dấu hai chấm) và \"- mục\" (có dấu cách sau dấu gạch)",
            "write \"key: value\" (a space after the colon) and \"- item\" (a space after the dash)",
        ),
        (
            "tab",
            "có ký tự tab dùng để thụt lề",
            "a tab character is used for indentation",
            "thay tab bằng dấu cách (2 dấu cách cho mỗi mức thụt lề)",
            "replace tabs with spaces (2 spaces per level)",
        ),
        (
            "indent",
            "thụt lề không đúng",
            "wrong indentation",
            "các khóa cùng cấp phải thẳng hàng; khóa con thụt vào 2 dấu cách so với khóa cha",
            "keys of the same level must line up; sub-keys are indented by 2 spaces under their parent",
        ),
        (
            "end of file",
            "tệp kết thúc giữa chừng",
            "the file ends in the middle of a value",
            "kiểm tra dấu ngoặc, dấu ngoặc kép và danh sách chưa đóng",
            "check for unclosed brackets, quotes and lists",
        ),
    ];
    for (needle, vi, en, hvi, hen) in known {
        if lower.contains(needle) {
            return Diagnostic::error(
                Rule::YamlSyntax,
                file,
                t!("lỗi cú pháp YAML: {vi}", "YAML syntax error: {en}"),
            )
            .hint(Text::new(*hvi, *hen));
        }
    }
    Diagnostic::error(Rule::YamlSyntax, file, t!("lỗi cú pháp YAML: {raw}", "YAML syntax error: {raw}")).hint(t!(
        "kiểm tra dòng này: thụt lề bằng dấu cách, dấu hai chấm sau mỗi khóa, ngoặc kép quanh giá trị có ký tự đặc biệt",
        "check this line: indentation with spaces, a colon after each key, double quotes around values with special characters"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_and_vietnamese_keys() {
        let keys = &[
            "code",
            "title",
            "fees",
            "deadline",
            "legal_basis",
            "updated",
        ];
        assert_eq!(suggest_key("fess", keys), Some("fees"));
        assert_eq!(suggest_key("tittle", keys), Some("title"));
        assert_eq!(suggest_key("legal basis", keys), Some("legal_basis"));
        assert_eq!(suggest_key("Lệ phí", keys), Some("fees"));
        assert_eq!(suggest_key("thời hạn", keys), Some("deadline"));
        assert_eq!(suggest_key("xyzzy", keys), None);
    }

    #[test]
    fn blanking_keeps_offsets_and_siblings() {
        let mut s = "---\nfees:\n  - nam: X\n    amount: 0\nfess:\n  - a\ntitle: T\n".to_string();
        let len = s.len();
        assert!(blank_key(&mut s, 3, 5));
        assert_eq!(s.len(), len);
        assert!(s.contains("  -       \n    amount: 0"));
        assert!(blank_key(&mut s, 5, 1));
        assert!(s.ends_with("title: T\n"));
        assert!(!s.contains("- a"));
        assert!(!blank_key(&mut s, 99, 1));
    }

    #[test]
    fn alias_bomb_is_stopped_by_the_budget() {
        // Nine levels of ten references: 10^9 nodes if expanded.
        let mut yaml = String::from("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            yaml.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        yaml.push_str("title: *a8\n");
        let src = Source::new("x.md".into(), yaml.clone());
        let start = std::time::Instant::now();
        let parsed =
            parse::<std::collections::BTreeMap<String, serde::de::IgnoredAny>>(&src, &yaml);
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
        assert!(parsed.value.is_err());
        assert_eq!(
            parsed.diagnostics[0].code,
            Rule::YamlTooLarge,
            "{:?}",
            parsed.diagnostics
        );
    }
}
