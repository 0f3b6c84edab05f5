//! The biên bản rà soát: one HTML file, its style inside, printed on A4
//! portrait from any browser (`bien-ban.html`). It is a report, not part of
//! the site: it is written beside `content/`, never into `public/`, and a
//! theme does not change it. Text from the site and the records is data:
//! the template escapes it.

use super::finding::Finding;
use super::{ReviewOptions, Summary};
use crate::diag::Rule;
use crate::export::table::roman;
use crate::lang::Lang;
use crate::model::{Date, Site};
use crate::text::printable;
use serde::Serialize;
use std::collections::BTreeMap;

/// In the first lines of every biên bản: a file holding it may be
/// replaced by the next review, any other file never.
pub const MARK: &str = "<!-- niemyet review -->";

const TEMPLATE: &str = include_str!("bien-ban.html");

/// Interface words, vi then en.
const WORDS: &[(&str, &str, &str)] = &[
    (
        "title",
        "BIÊN BẢN RÀ SOÁT THỦ TỤC HÀNH CHÍNH",
        "PROCEDURE REVIEW REPORT",
    ),
    (
        "nation",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SOCIALIST REPUBLIC OF VIET NAM",
    ),
    (
        "motto",
        "Độc lập - Tự do - Hạnh phúc",
        "Independence - Freedom - Happiness",
    ),
    (
        "against",
        "Đối chiếu trang niêm yết với dữ liệu",
        "The posted catalogue compared with",
    ),
    ("summary", "Kết quả chung", "Summary"),
    ("no", "STT", "No."),
    ("procedure", "Thủ tục", "Procedure"),
    ("what", "Nội dung, cách sửa", "What differs, how to fix it"),
    ("on_site", "Trên trang", "On the site"),
    ("in_records", "Theo dữ liệu", "In the records"),
    ("where", "Sửa tại", "Fix at"),
    (
        "unmatched",
        "Thủ tục đang niêm yết không có trong dữ liệu đối chiếu (chưa so được)",
        "Posted procedures not in the records given (not compared)",
    ),
    ("reviewer", "NGƯỜI RÀ SOÁT", "REVIEWED BY"),
    (
        "sign_name",
        "(Ký, ghi rõ họ tên)",
        "(signature and full name)",
    ),
    ("head", "THỦ TRƯỞNG CƠ QUAN", "HEAD OF THE OFFICE"),
    ("sign_seal", "(Ký tên, đóng dấu)", "(signature and seal)"),
];

/// Sections of findings, in the order printed: what must not be posted,
/// what is missing, what differs, what is late, then notes.
const SECTIONS: &[(&[Rule], &str, &str)] = &[
    (
        &[Rule::ReviewRepealed],
        "Thủ tục có hiệu lực khác với dữ liệu (bãi bỏ)",
        "Procedures whose repeal differs from the records",
    ),
    (
        &[Rule::ReviewMissing],
        "Thủ tục cấp xã chưa niêm yết",
        "Commune-level procedures not posted",
    ),
    (
        &[
            Rule::ReviewName,
            Rule::ReviewDeadline,
            Rule::ReviewFee,
            Rule::ReviewDocument,
            Rule::ReviewLegal,
        ],
        "Nội dung khác với dữ liệu",
        "Facts that differ from the records",
    ),
    (
        &[Rule::ReviewOutdated],
        "Thủ tục cập nhật trước bản ghi mới nhất",
        "Procedures updated before the latest record",
    ),
    (
        &[Rule::ReviewDeadlineReduced],
        "Ghi chú (không phải sai khác)",
        "Notes (not differences)",
    ),
];

#[derive(Serialize)]
struct Row {
    code: Option<String>,
    name: String,
    what: String,
    message: String,
    hint: String,
    site: String,
    record: String,
    place: String,
}

#[derive(Serialize)]
struct Section {
    number: String,
    title: &'static str,
    rows: Vec<Row>,
}

#[derive(Serialize)]
struct Count {
    label: &'static str,
    value: usize,
}

/// What the template sees.
#[derive(Serialize)]
struct Values<'a> {
    lang: &'a str,
    s: &'a BTreeMap<&'static str, String>,
    office: &'a str,
    unit: &'a Option<String>,
    files: &'a [String],
    counts: Vec<Count>,
    verdict: Option<&'static str>,
    unmatched_number: String,
    sections: &'a [Section],
    unmatched: &'a [String],
}

/// The biên bản as HTML, in the site's published language.
pub fn render(
    site: &Site,
    findings: &[Finding],
    summary: &Summary,
    opts: &ReviewOptions,
) -> String {
    let lang = site.config.language;
    let words: BTreeMap<&str, String> = WORDS
        .iter()
        .map(|(k, vi, en)| (*k, if lang == Lang::Vi { *vi } else { *en }.to_string()))
        .chain(dated(opts.today, lang))
        .collect();
    let sections = sections(findings, lang);
    let files: Vec<String> = opts
        .against
        .iter()
        .map(|f| printable(&f.to_string_lossy()).into_owned())
        .collect();
    let values = Values {
        lang: lang.code(),
        s: &words,
        office: &site.config.office.name,
        unit: &site.config.office.unit,
        files: &files,
        counts: counts(findings, summary, lang),
        verdict: verdict(findings, lang),
        unmatched_number: roman(sections.len() + 2),
        sections: &sections,
        unmatched: &summary.unmatched,
    };
    let rendered = crate::render::theme::standalone("bien-ban.html", TEMPLATE, &values);
    // The template is the program's own and tested: a failure is a bug,
    // said in the page rather than by a panic.
    rendered.unwrap_or_else(|e| format!("{MARK}\n<p>niemyet review: {e}</p>\n"))
}

/// "ngày 20 tháng 12 năm 2026" and the line that says who made the page.
fn dated(today: Date, lang: Lang) -> [(&'static str, String); 2] {
    let (d, m, y) = (today.day(), today.month(), today.year());
    match lang {
        Lang::Vi => [
            ("dated", format!("ngày {d:02} tháng {m:02} năm {y}")),
            ("made_by", format!("Lập bằng niemyet review ngày {d:02}/{m:02}/{y}; mỗi dòng nêu tệp và dòng cần sửa trong thư mục content/.")),
        ],
        Lang::En => [
            ("dated", format!("{d:02}/{m:02}/{y}")),
            ("made_by", format!("Made with niemyet review on {d:02}/{m:02}/{y}; each row names the file and line to change under content/.")),
        ],
    }
}

fn sections(findings: &[Finding], lang: Lang) -> Vec<Section> {
    let mut out = Vec::new();
    for (rules, vi, en) in SECTIONS {
        let rows: Vec<Row> = findings
            .iter()
            .filter(|f| rules.contains(&f.rule))
            .map(|f| row(f, lang))
            .collect();
        if !rows.is_empty() {
            out.push(Section {
                number: roman(out.len() + 2),
                title: if lang == Lang::Vi { vi } else { en },
                rows,
            });
        }
    }
    out
}

fn row(f: &Finding, lang: Lang) -> Row {
    let file = printable(&f.file.to_string_lossy().replace('\\', "/")).into_owned();
    let place = match &f.at {
        Some(l) => format!("{file}:{}:{}", l.line, l.column),
        None => file,
    };
    Row {
        code: f.code.clone(),
        name: f.name.clone(),
        what: f.what.get(lang).to_string(),
        message: capitalised(f.message.get(lang)),
        hint: f.hint.get(lang).to_string(),
        site: f.site.clone(),
        record: f.record.clone(),
        place,
    }
}

/// A message as a sentence of its own (messages start in lower case, to
/// follow "lỗi:" in a terminal).
fn capitalised(s: &str) -> String {
    let mut cs = s.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

fn counts(findings: &[Finding], summary: &Summary, lang: Lang) -> Vec<Count> {
    let diffs = findings.iter().filter(|f| !f.note).count();
    let notes = findings.len() - diffs;
    let pick = |vi: &'static str, en: &'static str| if lang == Lang::Vi { vi } else { en };
    vec![
        Count {
            label: pick("Thủ tục đang niêm yết", "Procedures posted"),
            value: summary.posted,
        },
        Count {
            label: pick("Bản ghi đối chiếu", "Records compared"),
            value: summary.records,
        },
        Count {
            label: pick(
                "Bản ghi khớp với một thủ tục của trang",
                "Records matching a posted procedure",
            ),
            value: summary.matched,
        },
        Count {
            label: pick("Sai khác cần sửa", "Differences to fix"),
            value: diffs,
        },
        Count {
            label: pick("Ghi chú", "Notes"),
            value: notes,
        },
    ]
}

fn verdict(findings: &[Finding], lang: Lang) -> Option<&'static str> {
    let agree = findings.iter().all(|f| f.note);
    match (agree, lang) {
        (true, Lang::Vi) => Some("Trang niêm yết khớp với dữ liệu đối chiếu."),
        (true, Lang::En) => Some("The posted catalogue agrees with the records."),
        (false, _) => None,
    }
}
