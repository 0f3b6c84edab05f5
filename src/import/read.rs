//! Input files → [`Input`], recognised by their content, never by their
//! extension: a national database record as JSON (the portal's envelope
//! `{"code":"OK","data":{…}}`, the bare `data`, a scraper's wrapper
//! `{id, code, name, detail}`; one object, an array, or JSON Lines), or a
//! provincial catalogue table (XLSX, or CSV with `,` `;` or tabs, with or
//! without a BOM).
//!
//! Every problem is a [`Diagnostic`] naming the file, and the record (its
//! number, line and code) when it is inside one; reading never panics and
//! reads at most [`MAX_INPUT_BYTES`].

use super::json;
pub use super::origin::{clean_text, line_location, origin};
use super::record::Input;
use super::table;
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::t;
use std::io::Read;
use std::path::Path;

/// The largest input file read: the biggest real detail record is 100 KB,
/// a whole province's records as JSON Lines some 20 MB.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// Reads and recognises one input file.
pub fn read_input(path: &Path) -> Result<Input, Vec<Diagnostic>> {
    let bytes = read_bounded(path)?;
    parse_input(&bytes, path)
}

/// Recognises and parses the bytes of one input file; `file` names it in
/// messages. The whole reader without the file system.
pub fn parse_input(bytes: &[u8], file: &Path) -> Result<Input, Vec<Diagnostic>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.starts_with(b"PK\x03\x04") {
        return table::read_xlsx(body, file).map(Input::Table);
    }
    if body.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(vec![old_excel(file)]);
    }
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    match first {
        None => Err(vec![Diagnostic::error(
            Rule::ImportEmpty,
            file,
            t!("tệp trống", "the file is empty"),
        )]),
        Some(b'{') | Some(b'[') => json::read_json(body, file).map(Input::Records),
        Some(_) => {
            let text = match std::str::from_utf8(body) {
                Ok(t) => t,
                Err(e) => return Err(vec![not_utf8(file, body, e.valid_up_to())]),
            };
            table::read_csv(text, file).map(Input::Table)
        }
    }
}

fn read_bounded(path: &Path) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let io = |e: std::io::Error| {
        vec![Diagnostic::error(
            Rule::ImportIo,
            path,
            t!("không đọc được tệp: {e}", "cannot read the file: {e}"),
        )]
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(vec![Diagnostic::error(
            Rule::ImportNotFile,
            path,
            t!("đây không phải một tệp", "this is not a file"),
        )
        .hint(t!(
            "ghi tên tệp bản ghi (.json) hoặc bảng (.csv, .xlsx)",
            "name a record file (.json) or a table (.csv, .xlsx)"
        ))]);
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(vec![too_large(path, meta.len())]);
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(vec![too_large(path, bytes.len() as u64)]);
    }
    Ok(bytes)
}

fn too_large(path: &Path, bytes: u64) -> Diagnostic {
    let mb = bytes.div_ceil(1024 * 1024);
    let max = MAX_INPUT_BYTES / (1024 * 1024);
    Diagnostic::error(
        Rule::ImportTooLarge,
        path,
        t!(
            "tệp quá lớn ({mb} MB; tối đa {max} MB)",
            "the file is too large ({mb} MB; at most {max} MB)"
        ),
    )
    .hint(t!(
        "chia thành nhiều tệp nhỏ hơn (ví dụ mỗi lĩnh vực một tệp) rồi nhập cùng lúc: niemyet import a.json b.json",
        "split it into smaller files (e.g. one per field) and import them together: niemyet import a.json b.json"
    ))
}

fn old_excel(file: &Path) -> Diagnostic {
    Diagnostic::error(
        Rule::ImportFormat,
        file,
        t!(
            "đây là tệp Excel đời cũ (.xls), chưa đọc được",
            "this is an old Excel file (.xls), which cannot be read"
        ),
    )
    .hint(t!(
        "mở bằng Excel, chọn File → Save As, chọn kiểu Excel Workbook (.xlsx) hoặc CSV UTF-8, rồi nhập tệp mới",
        "open it in Excel, choose File → Save As, pick Excel Workbook (.xlsx) or CSV UTF-8, and import the new file"
    ))
}

fn not_utf8(file: &Path, bytes: &[u8], valid: usize) -> Diagnostic {
    let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
    Diagnostic::error(
        Rule::ImportNotUtf8,
        file,
        t!(
            "tệp không phải UTF-8 (dòng {line}): có thể là bảng CSV lưu bằng bảng mã cũ",
            "the file is not UTF-8 (line {line}): perhaps a CSV saved in an old code page"
        ),
    )
    .at(line_location(bytes, line, 1))
    .hint(t!(
        "trong Excel chọn File → Save As, kiểu \"CSV UTF-8 (Comma delimited)\", hoặc lưu thành .xlsx",
        "in Excel choose File → Save As, type \"CSV UTF-8 (Comma delimited)\", or save as .xlsx"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_text_is_cleaned_not_rewritten() {
        let nfd = "Ho\u{0302}\u{0323} ti\u{0323}ch";
        assert_eq!(clean_text(nfd), "Hộ tịch");
        assert_eq!(clean_text("a\u{a0}b\tc\r\nd"), "a b c\nd");
        assert_eq!(clean_text("đăng k\u{200e}ý"), "đăng ký");
        assert_eq!(clean_text("(nếu có yêu cầu)"), "(nếu có yêu cầu)");
    }

    #[test]
    fn long_lines_are_cut() {
        let line = "x".repeat(500);
        let loc = line_location(line.as_bytes(), 1, 30).expect("shown");
        assert_eq!(loc.line_text.chars().count(), 121);
        assert_eq!(loc.column, 30);
        assert!(line_location(line.as_bytes(), 1, 300).is_none());
    }

    #[test]
    fn an_empty_file_and_an_old_excel_file_are_named() {
        let f = Path::new("x.json");
        let e = parse_input(b"  \n", f).unwrap_err();
        assert_eq!(e[0].code, Rule::ImportEmpty);
        let e = parse_input(b"\xD0\xCF\x11\xE0rest", f).unwrap_err();
        assert_eq!(e[0].code, Rule::ImportFormat);
    }
}
