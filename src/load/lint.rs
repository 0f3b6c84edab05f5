//! What YAML accepts but a clerk did not mean, or refuses in words a clerk
//! cannot act on, found line by line before the parser runs:
//!
//! - a plain value starting with a character YAML reads as syntax: `!` and
//!   `&` silently swallow the first word (`result: !Quan trọng` → "trọng"),
//!   `*`, `@`, `` ` ``, `%`, `>`/`|` before text, `- `, `? `, `,` stop
//!   the parser with an English message;
//! - a value wrapped in Word's curly quotes (`“1.001193”`): the quotes
//!   become part of the value, and a code so written escapes the duplicate
//!   check;
//! - a quoted value not closed on its line (the parser reports it lines
//!   later), or with text after its closing quote;
//! - an invisible character (no-break space, zero-width space…) in the
//!   indentation, a key, or right after `:` or `-`: the clerk sees a space;
//! - text at the left margin that is no `key:` (the body, after a
//!   forgotten closing `---` that a `---` further down replaced; or a long
//!   value wrapped without indent): the parser blamed some line below;
//! - ` #1` inside a plain value: the rest of the line is a comment, and
//!   silently dropped (a warning; ` # text`, with a space, reads as a
//!   comment meant as one and is left alone).
//!
//! The scan knows just enough YAML for the block style of `content/`: keys,
//! list dashes, quoted values, block scalars (`|`, `>`) and plain values
//! continued on more indented lines, whose text it leaves alone.

use crate::diag::Rule;
use crate::diag::{Diagnostic, Source};
use crate::t;

/// One problem, at a 1-based line and character column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub line: usize,
    pub column: usize,
    /// Characters to underline.
    pub width: usize,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A plain value starting with `first`, which YAML reads as syntax;
    /// `fix` is the line as it should be.
    SpecialStart { first: char, fix: String },
    /// A value wholly in curly quotes; `fix` is the line with straight
    /// ones. An error where YAML or the model would misread it (a code, a
    /// `: ` inside), else a warning: the quotes would show on the page.
    CurlyQuotes { fix: String, error: bool },
    /// A value opened with `quote` and not closed on its line.
    UnclosedQuote { quote: char },
    /// Text after a quoted value's closing quote; `fix` quotes it all.
    TextAfterQuote { fix: String },
    /// An invisible or look-alike space where YAML needs a real one.
    Invisible { ch: char },
    /// ` #` in a plain value: the rest of the line is dropped (warning).
    Comment { dropped: String },
    /// Text at the left margin that is no `key:`: the body after a
    /// forgotten closing `---`, or a long value wrapped without indent.
    StrayText,
    /// A backslash sequence YAML does not know inside double quotes
    /// (`"C:\Windows"`): the parser reported a missing closing quote.
    /// `single` is the line with the value in single quotes (a backslash
    /// is a backslash there), `double` with each backslash doubled.
    BadEscape {
        seq: String,
        single: String,
        double: String,
    },
}

/// Characters that look like a space, or like nothing, and are not one.
pub fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00A0}' => "dấu cách không ngắt / no-break space",
        '\u{2007}' | '\u{202F}' => "dấu cách hẹp / narrow space",
        '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}' => "dấu cách đặc biệt / special space",
        '\u{3000}' => "dấu cách toàn khổ / ideographic space",
        '\u{200B}' => "ký tự rộng 0 / zero-width space",
        '\u{200C}' | '\u{200D}' | '\u{2060}' => "ký tự nối ẩn / zero-width joiner",
        '\u{FEFF}' => "dấu BOM giữa tệp / byte order mark",
        '\u{00AD}' => "dấu gạch nối ẩn / soft hyphen",
        _ => return None,
    })
}

/// Lints a YAML text (a front matter from its opening `---`, or a whole
/// `site.yaml`); line numbers count from its first line.
pub fn lint(yaml: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    // Lines more indented than this belong to the text above (a block
    // scalar, or a plain value continued): not YAML structure.
    let mut text_above: Option<usize> = None;
    for (i, raw) in yaml.lines().enumerate() {
        let line = i + 1;
        let indent = raw.bytes().take_while(|&b| b == b' ').count();
        if raw.trim().is_empty() {
            continue;
        }
        if let Some(t) = text_above {
            if indent > t {
                continue;
            }
            text_above = None;
        }
        let rest = raw[indent..].trim_end();
        if rest.starts_with('#') || rest == "---" || rest == "..." {
            continue;
        }
        match lint_line(raw, indent, line, &mut out) {
            Next::Structure => {}
            Next::TextAbove(t) => text_above = Some(t),
            Next::Stop => break,
        }
    }
    out
}

enum Next {
    Structure,
    /// More indented lines than this column continue the value.
    TextAbove(usize),
    /// An unclosed quote: what follows cannot be read as structure.
    Stop,
}

/// Scans bytes: everything YAML structure is made of is ASCII, and a byte
/// of 0x80 or more is only decoded where a look-alike space could stand.
fn lint_line(raw: &str, indent: usize, line: usize, out: &mut Vec<Finding>) -> Next {
    let bytes = raw.as_bytes();
    // A finding at byte `b` (counted in characters for the clerk).
    let at = |b: usize, width: usize, kind: Kind| Finding {
        line,
        column: raw[..b].chars().count() + 1,
        width: width.max(1),
        kind,
    };
    // A look-alike space at byte `b`, where YAML needs a real one.
    let hidden = |b: usize| -> Option<Finding> {
        let ch = raw.get(b..)?.chars().next()?;
        (bytes[b] >= 0x80 && invisible_name(ch).is_some()).then(|| at(b, 1, Kind::Invisible { ch }))
    };
    // The indentation: spaces, or look-alikes.
    let mut p = indent;
    if let Some(f) = hidden(p) {
        out.push(f);
        return Next::Structure;
    }
    // List dashes.
    let mut parent = indent;
    while bytes.get(p) == Some(&b'-') {
        match bytes.get(p + 1) {
            None => return Next::Structure,
            Some(b' ') => {}
            Some(_) => {
                if let Some(f) = hidden(p + 1) {
                    out.push(f);
                    return Next::Structure;
                }
                break; // `-5`, `--`: a value
            }
        }
        parent = p;
        p += 1;
        while bytes.get(p) == Some(&b' ') {
            p += 1;
        }
        if let Some(f) = hidden(p) {
            out.push(f);
            return Next::Structure;
        }
    }
    // A key: up to the first `:` followed by a space or the end.
    let mut value_at = p;
    let mut key_end = None;
    let quoted_start = matches!(bytes.get(p), Some(b'"' | b'\'' | b'[' | b'{'));
    if !quoted_start {
        let mut q = p;
        while q < bytes.len() {
            match bytes[q] {
                b':' => match bytes.get(q + 1) {
                    None | Some(b' ') => {
                        key_end = Some(q);
                        break;
                    }
                    Some(_) => {
                        if let Some(f) = hidden(q + 1) {
                            out.push(f);
                            return Next::Structure;
                        }
                    }
                },
                b' ' if bytes.get(q + 1) == Some(&b'#') => break,
                _ => {}
            }
            q += 1;
        }
    }
    if key_end.is_none() && p == 0 && !quoted_start {
        out.push(at(0, raw.trim_end().chars().count(), Kind::StrayText));
        return Next::Stop;
    }
    if let Some(k) = key_end {
        let key = &raw[p..k];
        if !key.is_ascii() {
            if let Some((off, ch)) = key
                .char_indices()
                .find(|(_, c)| invisible_name(*c).is_some())
            {
                out.push(at(p + off, 1, Kind::Invisible { ch }));
                return Next::Structure;
            }
        }
        parent = p;
        value_at = k + 1;
        while bytes.get(value_at) == Some(&b' ') {
            value_at += 1;
        }
    }
    let (head, value) = (&raw[..value_at], raw[value_at..].trim_end());
    if value.is_empty() || value.starts_with('#') {
        return Next::Structure;
    }
    let at_value = |off: usize, width: usize, kind: Kind| at(value_at + off, width, kind);
    lint_value(head, value, parent, &at_value, out)
}

fn lint_value(
    head: &str,
    value: &str,
    parent: usize,
    at: &dyn Fn(usize, usize, Kind) -> Finding,
    out: &mut Vec<Finding>,
) -> Next {
    // Offsets into `value` are bytes; widths are characters.
    let width = || value.chars().count();
    let first = value.chars().next().unwrap_or(' ');
    let head = head.trim_start();
    let quoted = |inner: &str| {
        format!(
            "{head}\"{}\"",
            inner.replace('\\', "\\\\").replace('"', "\\\"")
        )
    };
    match first {
        '"' | '\'' => {
            let Some(close) = closing_quote(value, first) else {
                out.push(at(0, 1, Kind::UnclosedQuote { quote: first }));
                return Next::Stop;
            };
            if first == '"' {
                if let Some((at_byte, seq)) = bad_escape(&value[1..close]) {
                    let inner = &value[1..close];
                    out.push(at(
                        1 + at_byte,
                        seq.chars().count(),
                        Kind::BadEscape {
                            seq,
                            single: format!(
                                "{head}'{}'",
                                inner.replace("\\\"", "\"").replace('\'', "''")
                            ),
                            double: format!("{head}\"{}\"", double_backslashes(inner)),
                        },
                    ));
                    return Next::Structure;
                }
            }
            let after = value[close + 1..].trim_start();
            if !after.is_empty() && !after.starts_with('#') {
                out.push(at(
                    0,
                    width(),
                    Kind::TextAfterQuote {
                        // What the clerk meant: the quoted part, quotes
                        // kept, then what follows.
                        fix: quoted(&format!("{} {after}", &value[..=close])),
                    },
                ));
            }
            Next::Structure
        }
        '|' | '>' if is_block_indicator(value) => Next::TextAbove(parent),
        '[' | '{' => Next::Structure,
        '“' | '‘' | '”' | '’' | '„' => {
            let inner = value.trim_matches(|c| matches!(c, '“' | '‘' | '”' | '’' | '„'));
            let closes = value.ends_with(['”', '’', '“']);
            if closes && value.chars().count() >= 2 {
                let error =
                    head.starts_with("code:") || inner.contains(": ") || inner.contains(" #");
                let fix = quoted(inner);
                out.push(at(0, width(), Kind::CurlyQuotes { fix, error }));
            }
            Next::TextAbove(parent)
        }
        // `-` and `?` only before a space: `-5`, `?!` are text.
        '!' | '&' | '*' | '@' | '`' | '%' | '|' | '>' | ',' | ']' | '}' | '-' | '?'
            if !matches!(first, '-' | '?') || value[1..].starts_with(' ') =>
        {
            out.push(at(
                0,
                width(),
                Kind::SpecialStart {
                    first,
                    fix: quoted(value),
                },
            ));
            Next::TextAbove(parent)
        }
        _ => {
            // `# text` after a space reads as a comment someone meant;
            // `#1` as text the clerk did not know would be cut.
            let cut = value.match_indices(" #").map(|(i, _)| i).find(|&i| {
                value[i + 2..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_whitespace())
            });
            if let Some(i) = cut {
                let dropped = value[i + 1..].to_string();
                out.push(at(
                    i + 1,
                    dropped.chars().count(),
                    Kind::Comment { dropped },
                ));
            }
            Next::TextAbove(parent)
        }
    }
}

/// The byte index of the quote closing `value` (which opens with `q`).
fn closing_quote(value: &str, q: char) -> Option<usize> {
    let bytes = value.as_bytes();
    let q = q as u8;
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if q == b'"' => i += 2,
            b if b == q && q == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == q => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The first escape YAML does not know in the text between double quotes:
/// the byte offset of its backslash, and the sequence as written (`\W`,
/// `\x4`). YAML knows `\0 \a \b \t \n \v \f \r \e \  \" \/ \\ \N \_ \L
/// \P`, and `\x`, `\u`, `\U` with 2, 4, 8 hex digits.
fn bad_escape(inner: &str) -> Option<(usize, String)> {
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        // A backslash at the end of the line continues the value below.
        let c = inner[i + 1..].chars().next()?;
        let digits = match c {
            '0' | 'a' | 'b' | 't' | '\t' | 'n' | 'v' | 'f' | 'r' | 'e' | ' ' | '"' | '/' | '\\'
            | 'N' | '_' | 'L' | 'P' => 0,
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => return Some((i, format!("\\{c}"))),
        };
        let hex = &bytes[i + 2..];
        if hex.len() < digits || !hex[..digits].iter().all(u8::is_ascii_hexdigit) {
            let seq: String = inner[i..].chars().take(2 + digits).collect();
            return Some((i, seq));
        }
        i += 2 + digits;
    }
    None
}

/// Double-quoted text with each backslash meant as a backslash doubled
/// (`\"`, a quote, kept).
fn double_backslashes(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len() + 4);
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some('"')) => {
                out.push_str("\\\"");
                chars.next();
            }
            ('\\', _) => out.push_str("\\\\"),
            (c, _) => out.push(c),
        }
    }
    out
}

/// `|`, `>`, with an optional chomping and indentation indicator, and
/// perhaps a comment: a block scalar's header.
fn is_block_indicator(value: &str) -> bool {
    let v = value.split(" #").next().unwrap_or("").trim_end();
    let mut c = v.chars();
    matches!(c.next(), Some('|' | '>'))
        && c.all(|x| matches!(x, '+' | '-' | '1'..='9'))
        && v.chars().count() <= 3
}

/// The findings of `yaml` (the start of `src`'s text) as diagnostics.
pub fn diagnostics(src: &Source, yaml: &str) -> Vec<Diagnostic> {
    lint(yaml)
        .into_iter()
        .map(|f| {
            let at = src.locate_line_col(f.line, f.column, Some(f.width));
            to_diagnostic(f.kind, &src.rel_path).at(Some(at))
        })
        .collect()
}

fn to_diagnostic(kind: Kind, file: &std::path::Path) -> Diagnostic {
    match kind {
        Kind::SpecialStart { first, fix } => Diagnostic::error(
            Rule::YamlSpecialStart,
            file,
            t!(
                "giá trị bắt đầu bằng ký tự `{first}`, mà YAML hiểu là ký hiệu riêng: chữ sẽ bị mất hoặc không đọc được",
                "the value starts with `{first}`, which YAML reads as syntax: text would be lost or unreadable"
            ),
        )
        .hint(t!(
            "đặt cả giá trị trong dấu ngoặc kép: {fix}",
            "put the whole value in double quotes: {fix}"
        )),
        Kind::CurlyQuotes { fix, error } => {
            let message = t!(
                "giá trị nằm trong dấu ngoặc kép cong “ ” (Word tự đổi), YAML coi chúng là một phần của chữ",
                "the value is in curly quotes “ ” (Word's autocorrect), which YAML keeps as part of the text"
            );
            if error {
                Diagnostic::error(Rule::CurlyQuotes, file, message)
            } else {
                Diagnostic::warning(Rule::CurlyQuotes, file, message)
            }
        }
        .hint(t!(
            "dùng dấu ngoặc kép thẳng \" gõ từ bàn phím: {fix}",
            "use straight quotes \" typed on the keyboard: {fix}"
        )),
        Kind::UnclosedQuote { quote } => {
            let inside = if quote == '"' { "\\\"" } else { "''" };
            Diagnostic::error(
                Rule::UnclosedQuote,
                file,
                t!(
                    "dấu ngoặc {quote} mở ở đây nhưng không đóng trên cùng dòng",
                    "the quote {quote} opened here is not closed on the same line"
                ),
            )
            .hint(t!(
                "thêm {quote} ở cuối giá trị, trên cùng dòng; trong giá trị, viết {inside} cho một dấu {quote}",
                "add {quote} at the end of the value, on the same line; inside it write {inside} for a {quote}"
            ))
        }
        Kind::TextAfterQuote { fix } => Diagnostic::error(
            Rule::TextAfterQuote,
            file,
            t!(
                "có chữ sau dấu ngoặc kép đóng: YAML chỉ đọc phần trong ngoặc",
                "there is text after the closing quote: YAML reads only the quoted part"
            ),
        )
        .hint(t!(
            "đặt cả giá trị trong một cặp ngoặc kép, dấu ngoặc kép bên trong viết \\\": {fix}",
            "put the whole value in one pair of quotes, writing \\\" for a quote inside: {fix}"
        )),
        Kind::Invisible { ch } => {
            let name = invisible_name(ch).unwrap_or("");
            let (vi, en) = name.split_once(" / ").unwrap_or((name, name));
            let code = ch as u32;
            Diagnostic::error(
                Rule::InvisibleChar,
                file,
                t!(
                    "có ký tự ẩn ({vi}, U+{code:04X}) ở chỗ YAML cần một dấu cách thường",
                    "a hidden character ({en}, U+{code:04X}) where YAML needs a plain space"
                ),
            )
            .hint(t!(
                "xóa ký tự ở cột này rồi gõ lại bằng phím cách; ký tự ẩn thường có khi chép chữ từ Word hoặc trang web",
                "delete the character at this column and type a space; hidden characters come with text copied from Word or the web"
            ))
        }
        Kind::StrayText => Diagnostic::error(
            Rule::StrayText,
            file,
            t!(
                "dòng này nằm trong phần khai báo nhưng không có dạng \"khóa: giá trị\"",
                "this line is in the front matter but is not \"key: value\""
            ),
        )
        .hint(t!(
            "nếu đây là phần nội dung, thêm một dòng --- ngay trên nó để đóng phần khai báo; nếu là phần tiếp theo của dòng trên, nối vào dòng trên (hoặc thụt vào 2 dấu cách)",
            "if this is the text after the front matter, add a line --- right above it to close the front matter; if it continues the line above, join it to that line (or indent it by 2 spaces)"
        )),
        Kind::BadEscape {
            seq,
            single,
            double,
        } => Diagnostic::error(
            Rule::YamlEscape,
            file,
            t!(
                "trong ngoặc kép \" \", dấu \\ mở đầu một ký tự đặc biệt (như \\n là xuống dòng), nhưng {seq} không phải ký tự nào: YAML không đọc được giá trị này",
                "inside double quotes \" \", a \\ starts an escape (like \\n for a new line), and {seq} is none: YAML cannot read this value"
            ),
        )
        .hint(t!(
            "để dấu \\ là chữ \\ thường, đặt giá trị trong ngoặc đơn: {single}; hoặc viết \\\\ cho mỗi dấu \\: {double}",
            "for a plain \\, put the value in single quotes: {single}; or write \\\\ for each \\: {double}"
        )),
        Kind::Comment { dropped } => Diagnostic::warning(
            Rule::YamlComment,
            file,
            t!(
                "phần \"{dropped}\" bị bỏ qua: trong YAML, dấu # sau một dấu cách bắt đầu một ghi chú",
                "\"{dropped}\" is left out: in YAML, # after a space starts a comment"
            ),
        )
        .hint(t!(
            "nếu đó là nội dung, đặt cả giá trị trong dấu ngoặc kép; nếu là ghi chú, viết \"# \" (dấu cách sau #)",
            "if it is part of the text, put the whole value in double quotes; if it is a comment, write \"# \" (a space after #)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(yaml: &str) -> Vec<(usize, usize, Kind)> {
        lint(yaml)
            .into_iter()
            .map(|f| (f.line, f.column, f.kind))
            .collect()
    }

    #[test]
    fn clean_front_matter_has_no_findings() {
        let yaml = "---\ncode: \"1.001193\"\ntitle: Đăng ký khai sinh\naliases:\n  - làm giấy khai sinh\nresult: Giấy khai sinh; bản sao\nfees: []\ndeadline:\n  working_days: 0\n  note: \"Ngay trong ngày: nhận sau 15 giờ thì trả hôm sau.\"\nsteps:\n  - Nộp hồ sơ tại quầy,\n    kèm giấy tờ: & ký nhận # trong văn bản tiếp nối\n  - 'Cán bộ ''kiểm tra'' hồ sơ'\nconditions: |\n  ! dòng văn bản\n  * không phải cú pháp\nlegal_basis:\n  - number: 60/2014/QH13 # Luật Hộ tịch\n    date: 2014-11-20\namount: -5\n";
        assert_eq!(kinds(yaml), []);
    }

    #[test]
    fn a_value_starting_with_yaml_syntax_is_an_error_with_the_quoted_fix() {
        let f = kinds("---\nresult: !Quan trọng\n");
        assert_eq!(
            f,
            [(
                2,
                9,
                Kind::SpecialStart {
                    first: '!',
                    fix: "result: \"!Quan trọng\"".into()
                }
            )]
        );
        for v in [
            "&amp; bản sao",
            "*x",
            "@a",
            "`b`",
            "%c",
            "> 60 ngày",
            "| a",
            "- Tờ khai",
            "? x",
            ",Tờ",
        ] {
            let f = kinds(&format!("---\nresult: {v}\n"));
            assert!(
                matches!(f[..], [(2, 9, Kind::SpecialStart { .. })]),
                "{v}: {f:?}"
            );
        }
        let f = kinds("---\nsteps:\n  - !khẩn báo tử\n");
        assert!(
            matches!(f[..], [(3, 5, Kind::SpecialStart { first: '!', .. })]),
            "{f:?}"
        );
    }

    #[test]
    fn curly_quotes_and_broken_quotes() {
        let f = kinds("---\ncode: “1.001193”\n");
        assert_eq!(
            f,
            [(
                2,
                7,
                Kind::CurlyQuotes {
                    fix: "code: \"1.001193\"".into(),
                    error: true
                }
            )]
        );
        // Curly quotes inside the text are text; around all of it, a warning
        // (they would show on the page).
        assert!(kinds("---\ntitle: Giấy “xác nhận” hộ tịch\n").is_empty());
        assert!(kinds("---\nresult: “Giấy” khai sinh\n").is_empty());
        assert!(matches!(
            kinds("---\nresult: “Giấy khai sinh”\n")[..],
            [(2, 9, Kind::CurlyQuotes { error: false, .. })]
        ));
        assert!(matches!(
            kinds("---\ntitle: “Đăng ký khai tử: trường hợp đặc biệt”\n")[..],
            [(2, 8, Kind::CurlyQuotes { error: true, .. })]
        ));
        let f = kinds("---\ntitle: \"Đăng ký khai tử\nresult: Giấy\nnote: \"a\"\n");
        assert_eq!(f, [(2, 8, Kind::UnclosedQuote { quote: '"' })]);
        let f = kinds("---\nresult: \"Tờ khai\" mẫu 01\n");
        assert_eq!(
            f,
            [(
                2,
                9,
                Kind::TextAfterQuote {
                    fix: "result: \"\\\"Tờ khai\\\" mẫu 01\"".into()
                }
            )]
        );
        assert!(kinds("---\nnote: \"có \\\"trích\\\" dẫn\" # ghi chú\n").is_empty());
    }

    #[test]
    fn invisible_characters_where_yaml_needs_a_space() {
        assert_eq!(
            kinds("---\namount:\u{a0}8000\n"),
            [(2, 8, Kind::Invisible { ch: '\u{a0}' })]
        );
        assert_eq!(
            kinds("---\nfees:\n\u{a0}\u{a0}- name: X\n"),
            [(3, 1, Kind::Invisible { ch: '\u{a0}' })]
        );
        assert_eq!(
            kinds("---\n\u{200b}result: X\n"),
            [(2, 1, Kind::Invisible { ch: '\u{200b}' })]
        );
        assert_eq!(
            kinds("---\nsteps:\n  -\u{a0}Nộp\n"),
            [(3, 4, Kind::Invisible { ch: '\u{a0}' })]
        );
        // In the text itself a no-break space is just a space.
        assert!(kinds("---\ntitle: Đăng\u{a0}ký\n").is_empty());
    }

    #[test]
    fn text_at_the_margin_is_the_body_or_a_wrapped_value() {
        // The closing --- forgotten; a --- further down closed it instead.
        let f = kinds("---\ntitle: Đăng ký khai tử\nupdated: 2026-01-01\nGhi chú cho người dân.\n\n# Mục\nvăn bản\n");
        assert_eq!(f, [(4, 1, Kind::StrayText)]);
        assert_eq!(
            kinds("---\ntitle: Đăng ký\nkhai tử\n"),
            [(3, 1, Kind::StrayText)]
        );
        // Indented, it continues the value.
        assert!(kinds("---\ntitle: Đăng ký\n  khai tử\n").is_empty());
    }

    #[test]
    fn an_unknown_escape_in_double_quotes_is_explained_where_it_is() {
        assert_eq!(
            kinds("---\ntitle: x\nname: \"C:\\Windows\"\n"),
            [(
                3,
                10,
                Kind::BadEscape {
                    seq: "\\W".into(),
                    single: "name: 'C:\\Windows'".into(),
                    double: "name: \"C:\\\\Windows\"".into(),
                }
            )]
        );
        // Escapes YAML knows are fine; a short \x is not.
        assert!(kinds("---\nnote: \"a\\nb \\\"c\\\" \\x41 \\u00e9 \\\\ \\/\"\n").is_empty());
        assert!(matches!(
            &kinds("---\nnote: \"mã \\x4 ở đây\"\n")[..],
            [(2, 11, Kind::BadEscape { seq, .. })] if seq == "\\x4 "
        ));
        // In single quotes a backslash is a backslash.
        assert!(kinds("---\nname: 'C:\\Windows'\n").is_empty());
    }

    #[test]
    fn a_hash_in_a_plain_value_drops_the_rest() {
        let f = kinds("---\ntitle: Đăng ký khai tử #1 (lưu động)\n");
        assert_eq!(
            f,
            [(
                2,
                24,
                Kind::Comment {
                    dropped: "#1 (lưu động)".into()
                }
            )]
        );
        assert!(kinds("---\ntitle: Mẫu số#1\n").is_empty());
    }
}
