//! Provincial catalogue tables (CSV or XLSX) → [`TableRow`]s.
//!
//! A province's decision lists STT | Mã TTHC | Tên TTHC | Thời hạn giải
//! quyết | Địa điểm thực hiện | Phí, lệ phí | Căn cứ pháp lý | Cơ quan thực
//! hiện, in any order, with headers matched after folding (case,
//! diacritics, spacing). The header is looked for in the first rows (data
//! often starts on row 2 or 3), may span two rows (merged "Thời hạn giải
//! quyết" over "Theo quy định" | "Sau cắt giảm"), and the field comes from a
//! "Lĩnh vực" column or from heading rows ("LĨNH VỰC HỘ TỊCH") above.

use super::record::{Origin, Repeal, TableRow};
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::t;
use crate::text::slugify;
use std::path::Path;

/// The header must be within this many rows of the top.
const HEADER_SEARCH: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Stt,
    Code,
    Name,
    Deadline,
    Reduced,
    Place,
    Fees,
    Legal,
    Agency,
    Field,
    Online,
    /// "Tên VBQPPL quy định việc bãi bỏ TTHC": a repeal table's own column.
    RepealedBy,
    /// "Quyết định công bố".
    Decision,
}

/// A table as rows of cell texts (merged cells filled with their value).
type Grid = Vec<Vec<String>>;

pub fn read_csv(text: &str, file: &Path) -> Result<Vec<TableRow>, Vec<Diagnostic>> {
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid: Grid = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    // Lines counted here from each record's byte offset: the csv crate's
    // own line is one short after a CRLF (Excel's line end, and export's).
    let (mut counted, mut line) = (0usize, 1usize);
    for rec in reader.records() {
        match rec {
            Ok(r) => {
                let start = r.position().map_or(counted, |p| p.byte() as usize);
                let bytes = text.as_bytes();
                let start = start
                    + bytes[start.min(bytes.len())..]
                        .iter()
                        .take_while(|b| matches!(b, b'\r' | b'\n'))
                        .count();
                let start = start.min(bytes.len()).max(counted);
                line += bytes[counted..start]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                counted = start;
                lines.push(line);
                grid.push(r.iter().map(super::origin::clean_text).collect());
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                return Err(vec![Diagnostic::error(
                    Rule::ImportTable,
                    file,
                    t!(
                        "bảng CSV hỏng ở dòng {line}: {e}",
                        "the CSV table is broken at line {line}: {e}"
                    ),
                )]);
            }
        }
    }
    table_rows(&grid, &lines, file, None)
}

/// The separator Excel used: `;` in Vietnamese locales, `,` elsewhere,
/// tab for "Unicode text"; the one most frequent outside quotes in the
/// first lines.
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes().take(4096) {
        match c {
            b'"' => quoted = !quoted,
            _ if quoted => {}
            _ => {
                for (d, n) in counts.iter_mut() {
                    if *d == c {
                        *n += 1;
                    }
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| *d)
}

pub fn read_xlsx(bytes: &[u8], file: &Path) -> Result<Vec<TableRow>, Vec<Diagnostic>> {
    use calamine::Reader;
    let broken = |e: &dyn std::fmt::Display| {
        vec![Diagnostic::error(
            Rule::ImportTable,
            file,
            t!(
                "không đọc được tệp Excel: {e}",
                "cannot read the Excel file: {e}"
            ),
        )
        .hint(t!(
            "mở tệp bằng Excel rồi lưu lại dạng .xlsx; hoặc lưu thành CSV UTF-8",
            "open it in Excel and save it again as .xlsx; or save it as CSV UTF-8"
        ))]
    };
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| broken(&e))?;
    let mut last_problem = None;
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).map_err(|e| broken(&e))?;
        let merged = book.merge_cells_by_sheet_name(&sheet).unwrap_or_default();
        let (grid, lines) = xlsx_grid(&range, &merged);
        match table_rows(&grid, &lines, file, Some(&sheet)) {
            Ok(rows) => return Ok(rows),
            Err(d) => last_problem = Some(d),
        }
    }
    Err(last_problem.unwrap_or_else(|| vec![no_header(file, None)]))
}

/// Cells as text, with absolute row numbers (1-based, as Excel shows them).
fn xlsx_grid(
    range: &calamine::Range<calamine::Data>,
    merged: &[calamine::Dimensions],
) -> (Grid, Vec<usize>) {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut grid: Grid = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| super::origin::clean_text(&cell_text(c)))
                .collect()
        })
        .collect();
    for m in merged {
        let (sr, sc) = (
            m.start.0.saturating_sub(r0) as usize,
            m.start.1.saturating_sub(c0) as usize,
        );
        let value = grid
            .get(sr)
            .and_then(|r| r.get(sc))
            .cloned()
            .unwrap_or_default();
        for r in m.start.0..=m.end.0 {
            for c in m.start.1..=m.end.1 {
                let (r, c) = (
                    (r.saturating_sub(r0)) as usize,
                    (c.saturating_sub(c0)) as usize,
                );
                if let Some(cell) = grid.get_mut(r).and_then(|row| row.get_mut(c)) {
                    cell.clone_from(&value);
                }
            }
        }
    }
    let lines = (0..grid.len()).map(|i| r0 as usize + i + 1).collect();
    (grid, lines)
}

fn cell_text(c: &calamine::Data) -> String {
    match c {
        // A code typed into a number cell (1.000080) lost its zeros.
        calamine::Data::Float(f) if f.fract() != 0.0 && *f < 10.0 => format!("{f:.6}"),
        other => other.to_string(),
    }
}

fn column_of(header: &str) -> Option<Col> {
    let h = slugify(header);
    let has = |w: &str| {
        h.split('-')
            .collect::<Vec<_>>()
            .windows(w.split('-').count())
            .any(|x| x.join("-") == w)
    };
    if h.is_empty() {
        None
    } else if h == "stt" || h == "tt" || h == "so-tt" || h == "so-thu-tu" {
        Some(Col::Stt)
    } else if has("bai-bo") {
        // A repeal table names the repealing text; a name column may say
        // "Tên thủ tục hành chính bị bãi bỏ".
        let text = [
            "van-ban",
            "vbqppl",
            "can-cu",
            "quyet-dinh",
            "nghi-dinh",
            "thong-tu",
            "ngay",
        ];
        if has("ten") && !text.iter().any(|w| has(w)) {
            Some(Col::Name)
        } else {
            Some(Col::RepealedBy)
        }
    } else if has("quyet-dinh-cong-bo") {
        Some(Col::Decision)
    } else if has("cat-giam") {
        Some(Col::Reduced)
    } else if has("ma") && !has("ten") {
        Some(Col::Code)
    } else if has("ten") || h == "thu-tuc-hanh-chinh" || h == "tthc" {
        Some(Col::Name)
    } else if has("thoi-han") || has("theo-quy-dinh") {
        Some(Col::Deadline)
    } else if has("dia-diem") || has("noi-tiep-nhan") {
        Some(Col::Place)
    } else if has("phi") || has("le-phi") {
        Some(Col::Fees)
    } else if has("can-cu") {
        Some(Col::Legal)
    } else if has("co-quan") {
        Some(Col::Agency)
    } else if has("linh-vuc") {
        Some(Col::Field)
    } else if has("dvctt") || has("truc-tuyen") || has("muc-do") {
        Some(Col::Online)
    } else {
        None
    }
}

/// Where a table's rows start, what each column holds, and whether it is
/// a repeal table (a header cell speaks of "bãi bỏ").
struct Header {
    start: usize,
    cols: Vec<Option<Col>>,
    repeal: bool,
}

/// The header row (and a second header row under it, if any) and what
/// each column holds.
fn find_header(grid: &Grid) -> Option<Header> {
    let (first, start, cols) = header_rows(grid)?;
    // The header's own cells: a title above it may announce several parts
    // ("… ban hành mới, sửa đổi và bãi bỏ").
    let repeal = grid[first..start]
        .iter()
        .flatten()
        .any(|c| super::text::has_words(&slugify(c), "bai-bo"));
    Some(Header {
        start,
        cols,
        repeal,
    })
}

fn header_rows(grid: &Grid) -> Option<(usize, usize, Vec<Option<Col>>)> {
    for (i, row) in grid.iter().enumerate().take(HEADER_SEARCH) {
        let mut cols: Vec<Option<Col>> = row.iter().map(|c| column_of(c)).collect();
        let known = cols.iter().flatten().count();
        if !cols.contains(&Some(Col::Name)) || known < 2 {
            continue;
        }
        // A second header row: "Theo quy định" | "Sau cắt giảm", or the
        // columns' numbers "(1) (2) (3)".
        let mut used = i + 1;
        if let Some(next) = grid.get(i + 1) {
            let sub: Vec<Option<Col>> = next.iter().map(|c| column_of(c)).collect();
            let numbering = next.iter().all(|c| is_numbering(c));
            if sub
                .iter()
                .any(|c| matches!(c, Some(Col::Reduced) | Some(Col::Deadline)))
            {
                for (j, s) in sub.iter().enumerate() {
                    if let (Some(s), Some(slot)) = (s, cols.get_mut(j)) {
                        *slot = Some(*s);
                    }
                }
                used += 1;
            } else if numbering {
                used += 1;
            }
        }
        return Some((i, used, cols));
    }
    None
}

fn is_numbering(cell: &str) -> bool {
    let c = cell.trim().trim_matches(['(', ')']);
    c.is_empty() || c.chars().all(|ch| ch.is_ascii_digit())
}

fn table_rows(
    grid: &Grid,
    lines: &[usize],
    file: &Path,
    sheet: Option<&str>,
) -> Result<Vec<TableRow>, Vec<Diagnostic>> {
    let Some(Header {
        start,
        cols,
        repeal,
    }) = find_header(grid)
    else {
        return Err(vec![no_header(file, sheet)]);
    };
    let mut field: Option<String> = None;
    // Rows under a heading "… bị bãi bỏ" are repealed, until a heading of
    // procedures newly published, amended or replaced.
    let mut repealing = repeal;
    let mut out = Vec::new();
    for (i, row) in grid.iter().enumerate().skip(start) {
        let get = |want: Col| -> Option<String> {
            let v = cols
                .iter()
                .zip(row)
                .filter(|(c, _)| **c == Some(want))
                .map(|(_, v)| v.trim())
                .find(|v| !v.is_empty())?;
            Some(v.to_string())
        };
        let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
        if filled.is_empty() || (filled.len() > 1 && filled.iter().all(|c| is_numbering(c))) {
            continue;
        }
        let all_same = filled.windows(2).all(|w| w[0] == w[1]);
        let name = get(Col::Name);
        if name.is_none() || all_same && filled.len() > 1 {
            if let Some(f) = heading_field(filled[0]) {
                field = Some(f);
            }
            repealing = section_repealed(filled[0]).unwrap_or(repealing);
            continue;
        }
        let Some(name) = name else { continue };
        out.push(TableRow {
            origin: Some(Origin {
                file: file.to_path_buf(),
                index: Some(out.len()),
                line: lines.get(i).copied(),
            }),
            sheet: sheet.map(str::to_string),
            field: get(Col::Field).or_else(|| field.clone()),
            code: get(Col::Code).map(|c| c.chars().filter(|c| !c.is_whitespace()).collect()),
            name,
            deadline: get(Col::Deadline),
            deadline_reduced: get(Col::Reduced),
            place: get(Col::Place),
            fees: get(Col::Fees),
            legal_basis: get(Col::Legal),
            agency: get(Col::Agency),
            online: get(Col::Online),
            repealed: repealing.then(|| {
                let by = get(Col::RepealedBy).or_else(|| get(Col::Decision));
                Repeal {
                    date: by.as_deref().and_then(repeal_date),
                    by,
                }
            }),
        });
    }
    if out.is_empty() {
        return Err(vec![Diagnostic::error(
            Rule::ImportTable,
            file,
            t!(
                "bảng có dòng tiêu đề nhưng không có dòng thủ tục nào",
                "the table has a header but no procedure rows"
            ),
        )]);
    }
    Ok(out)
}

/// A heading that starts a part of a decision's table: `Some(true)` for
/// the procedures repealed ("B. Danh mục thủ tục hành chính bị bãi bỏ"),
/// `Some(false)` for those published, amended or replaced; `None` for any
/// other heading (a field's).
fn section_repealed(heading: &str) -> Option<bool> {
    let f = slugify(heading);
    let has = |w: &str| super::text::has_words(&f, w);
    if has("bai-bo") {
        Some(true)
    } else if has("ban-hanh") || has("sua-doi") || has("thay-the") || has("cong-bo") {
        Some(false)
    } else {
        None
    }
}

/// The day a repeal takes effect, when the cell says it: "… bãi bỏ từ ngày
/// 01/03/2026", "có hiệu lực từ ngày 1/3/2026", or a cell that is a date.
fn repeal_date(text: &str) -> Option<jiff::civil::Date> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let date = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        let parts: Vec<i16> = w
            .split('/')
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        match parts.as_slice() {
            [d, m, y] if *y > 1900 => {
                jiff::civil::Date::new(*y, i8::try_from(*m).ok()?, i8::try_from(*d).ok()?).ok()
            }
            _ => None,
        }
    };
    if let [only] = words.as_slice() {
        return date(only);
    }
    words.windows(3).find_map(|w| {
        let lead = [w[0].to_lowercase(), w[1].to_lowercase()];
        (lead == ["từ", "ngày"]).then(|| date(w[2])).flatten()
    })
}

/// "LĨNH VỰC HỘ TỊCH", "I. Lĩnh vực Hộ tịch", "II. CHỨNG THỰC" → the
/// field's name in sentence case; other headings ("A. THỦ TỤC HÀNH CHÍNH
/// CẤP XÃ") are not fields.
fn heading_field(text: &str) -> Option<String> {
    let t = text.trim();
    let folded = slugify(t);
    let roman = t
        .split_once(['.', ')'])
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| "IVXLivxl".contains(c)));
    let name = if let Some(pos) = folded.find("linh-vuc") {
        // Cut after the words "lĩnh vực" in the original text.
        let words_before = folded[..pos].split('-').filter(|w| !w.is_empty()).count() + 2;
        t.split_whitespace()
            .skip(words_before)
            .collect::<Vec<_>>()
            .join(" ")
    } else if roman && !folded.contains("thu-tuc") {
        t.split_once(['.', ')'])
            .map(|(_, r)| r.trim().to_string())?
    } else {
        return None;
    };
    let name = name.trim_matches([':', '.', ' ']).to_string();
    if name.is_empty() {
        return None;
    }
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.iter().all(|c| c.is_uppercase()) {
        let lower = name.to_lowercase();
        let mut cs = lower.chars();
        return cs.next().map(|f| f.to_uppercase().chain(cs).collect());
    }
    Some(name)
}

fn no_header(file: &Path, sheet: Option<&str>) -> Diagnostic {
    let where_ = sheet
        .map(|s| format!(" (trang \"{s}\")"))
        .unwrap_or_default();
    let where_en = sheet
        .map(|s| format!(" (sheet \"{s}\")"))
        .unwrap_or_default();
    Diagnostic::error(
        Rule::ImportTableHeader,
        file,
        t!(
            "không nhận ra dòng tiêu đề của bảng{where_}: cần ít nhất cột \"Tên thủ tục hành chính\" và một cột khác (Mã TTHC, Thời hạn giải quyết, Phí, lệ phí, Căn cứ pháp lý…) trong {HEADER_SEARCH} dòng đầu",
            "no header row recognised{where_en}: at least a \"Tên thủ tục hành chính\" column and one other (Mã TTHC, Thời hạn giải quyết, Phí, lệ phí, Căn cứ pháp lý…) are needed in the first {HEADER_SEARCH} rows"
        ),
    )
    .hint(t!(
        "nếu đây là bản ghi JSON thì tệp phải bắt đầu bằng {{ hoặc [; nếu là bảng, thêm một dòng tiêu đề: STT | Mã TTHC | Tên TTHC | Thời hạn giải quyết | Phí, lệ phí | Căn cứ pháp lý",
        "a JSON record must start with {{ or [; a table needs a header row: STT | Mã TTHC | Tên TTHC | Thời hạn giải quyết | Phí, lệ phí | Căn cứ pháp lý"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_matched_after_folding() {
        assert_eq!(column_of("Mã TTHC"), Some(Col::Code));
        assert_eq!(column_of("MÃ SỐ"), Some(Col::Code));
        assert_eq!(column_of("Tên thủ tục hành chính"), Some(Col::Name));
        assert_eq!(column_of("  Thời hạn  giải quyết "), Some(Col::Deadline));
        assert_eq!(column_of("Sau cắt giảm"), Some(Col::Reduced));
        assert_eq!(column_of("Phí, lệ phí (nếu có)"), Some(Col::Fees));
        assert_eq!(column_of("CĂN CỨ PHÁP LÝ"), Some(Col::Legal));
        assert_eq!(column_of("Lĩnh vực"), Some(Col::Field));
        assert_eq!(column_of("Ghi chú"), None);
    }

    #[test]
    fn headings_give_fields() {
        assert_eq!(
            heading_field("LĨNH VỰC HỘ TỊCH").as_deref(),
            Some("Hộ tịch")
        );
        assert_eq!(
            heading_field("I. Lĩnh vực Chứng thực").as_deref(),
            Some("Chứng thực")
        );
        assert_eq!(
            heading_field("II. BẢO TRỢ XÃ HỘI").as_deref(),
            Some("Bảo trợ xã hội")
        );
        assert_eq!(heading_field("A. THỦ TỤC HÀNH CHÍNH CẤP XÃ"), None);
    }

    #[test]
    fn a_semicolon_table_with_a_bom_and_a_two_row_header() {
        let csv = "\u{feff}QUYẾT ĐỊNH CÔNG BỐ;;;;\nSTT;Mã TTHC;Tên TTHC;Thời hạn giải quyết;\n;;;Theo quy định;Sau cắt giảm\nLĨNH VỰC HỘ TỊCH;;;;\n1;1.001193;Đăng ký khai sinh;01 ngày làm việc;Trong ngày\n";
        let rows = read_csv(csv.trim_start_matches('\u{feff}'), Path::new("t.csv")).expect("rows");
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(r.code.as_deref(), Some("1.001193"));
        assert_eq!(r.field.as_deref(), Some("Hộ tịch"));
        assert_eq!(r.deadline.as_deref(), Some("01 ngày làm việc"));
        assert_eq!(r.deadline_reduced.as_deref(), Some("Trong ngày"));
        assert_eq!(r.origin.as_ref().and_then(|o| o.line), Some(5));
    }

    #[test]
    fn rows_know_their_line_whatever_the_line_ends() {
        let lf = "STT,Tên TTHC,Mã TTHC\n1,a,1.1\n\n2,\"b\nc\",2.2\n3,d,3.3\n";
        for text in [lf.to_string(), lf.replace('\n', "\r\n")] {
            let rows = read_csv(&text, Path::new("x.csv")).expect("rows");
            let lines: Vec<_> = rows
                .iter()
                .map(|r| r.origin.as_ref().and_then(|o| o.line))
                .collect();
            assert_eq!(lines, [Some(2), Some(4), Some(6)], "{text:?}");
        }
    }

    #[test]
    fn a_repeal_table_marks_its_rows() {
        let csv = "STT,Mã TTHC,Tên TTHC,Tên VBQPPL quy định việc bãi bỏ TTHC,Lĩnh vực,Cơ quan thực hiện,Quyết định công bố\n1,2.001009,Chứng thực văn bản khai nhận di sản,\"Nghị định 07/2025/NĐ-CP, bãi bỏ từ ngày 01/07/2025\",Chứng thực,UBND cấp xã,Quyết định 100/QĐ-UBND\n";
        let rows = read_csv(csv, Path::new("t.csv")).expect("rows");
        let rep = rows[0].repealed.as_ref().expect("repealed");
        assert_eq!(
            rep.date.map(|d| d.to_string()).as_deref(),
            Some("2025-07-01")
        );
        assert!(rep
            .by
            .as_deref()
            .is_some_and(|b| b.starts_with("Nghị định 07/2025")));
        assert_eq!(rows[0].field.as_deref(), Some("Chứng thực"));
        // One table, two parts: published, then repealed.
        let csv = "STT;Mã TTHC;Tên TTHC;Thời hạn giải quyết\nA. DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH;;;\n1;1.014027;Trợ cấp hưu trí xã hội;10 ngày làm việc\nB. DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ;;;\n1;2.001009;Chứng thực văn bản khai nhận di sản;\n";
        let rows = read_csv(csv, Path::new("t.csv")).expect("rows");
        assert_eq!(rows[0].repealed, None);
        assert_eq!(
            rows[1].repealed,
            Some(Repeal {
                date: None,
                by: None
            })
        );
    }

    #[test]
    fn a_table_without_a_header_is_refused() {
        let e = read_csv("a,b,c\n1,2,3\n", Path::new("t.csv")).unwrap_err();
        assert_eq!(e[0].code, Rule::ImportTableHeader);
    }
}
