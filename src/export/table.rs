//! The catalogue as the table a ward sends to the province: one heading row
//! per field ("I. LĨNH VỰC HỘ TỊCH"), in the order the site lists them, then
//! one row per procedure in force, every fact written as the procedure
//! page writes it (`render::format`). The CSV and XLSX writers only lay
//! these strings out; they never format a fact.

use crate::lang::Lang;
use crate::model::{Date, Procedure, Site, Status};
use crate::render::{format, i18n};

/// Column headings, in order; the first eight are the columns of a
/// provincial catalogue decision, the last three what a province asks
/// for besides (cách thức, DVCTT level, a note for what is not yet in force).
const COLUMNS: [(&str, &str); 11] = [
    ("STT", "No."),
    ("Mã TTHC", "Code"),
    ("Tên TTHC", "Procedure"),
    ("Thời hạn giải quyết", "Processing time"),
    ("Địa điểm thực hiện", "Where to apply"),
    ("Phí, lệ phí", "Fees"),
    ("Căn cứ pháp lý", "Legal basis"),
    ("Cơ quan thực hiện", "Deciding agency"),
    ("Cách thức thực hiện", "How to apply"),
    ("Cung cấp DVCTT", "Online service"),
    ("Ghi chú", "Note"),
];

/// How many columns every row has.
pub const WIDTH: usize = COLUMNS.len();

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A field's heading, e.g. `I. LĨNH VỰC HỘ TỊCH`: the text goes in the
    /// first cell, the others stay empty (merged across in XLSX).
    Heading(String),
    /// A procedure: [`WIDTH`] cells.
    Procedure(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct Table {
    /// `DANH MỤC THỦ TỤC HÀNH CHÍNH`.
    pub title: String,
    /// Whose and on which day: the XLSX title rows (a CSV has none, so that
    /// its first row is the header a program expects).
    pub subtitle: String,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Row>,
    /// Procedure rows.
    pub procedures: usize,
}

/// The table of `site` as posted on `today`, in the site's published
/// language. Repealed procedures are left out; those not yet in force are
/// kept (the site posts them as "sắp có hiệu lực") and say so in "Ghi chú".
pub fn table(site: &Site, today: Date) -> Table {
    let lang = site.config.language;
    let mut rows = Vec::new();
    let mut number = 0;
    let mut group = 0;
    for field in &site.fields {
        let listed: Vec<&Procedure> = site
            .procedures
            .iter()
            .map(AsRef::as_ref)
            .filter(|p| p.field == field.slug && p.status(today) != Status::Repealed)
            .collect();
        if listed.is_empty() {
            continue;
        }
        group += 1;
        rows.push(Row::Heading(heading(group, &field.name, lang)));
        for p in listed {
            number += 1;
            rows.push(Row::Procedure(cells(number, p, site, today, lang)));
        }
    }
    let (title, subtitle) = titles(site, today, lang);
    Table {
        title,
        subtitle,
        columns: COLUMNS
            .iter()
            .map(|(vi, en)| if lang == Lang::Vi { *vi } else { *en })
            .collect(),
        rows,
        procedures: number,
    }
}

fn titles(site: &Site, today: Date, lang: Lang) -> (String, String) {
    let office = &site.config.office.name;
    let day = format::date(today);
    match lang {
        Lang::Vi => (
            "DANH MỤC THỦ TỤC HÀNH CHÍNH".into(),
            format!("thuộc thẩm quyền giải quyết của {office} (đang niêm yết ngày {day})"),
        ),
        Lang::En => (
            "CATALOGUE OF ADMINISTRATIVE PROCEDURES".into(),
            format!("handled by {office} (as posted on {day})"),
        ),
    }
}

/// `I. LĨNH VỰC HỘ TỊCH`; a field already named "Lĩnh vực …" is not
/// named twice.
fn heading(n: usize, name: &str, lang: Lang) -> String {
    let upper = name.to_uppercase();
    let named = match lang {
        Lang::Vi if !upper.starts_with("LĨNH VỰC") => format!("LĨNH VỰC {upper}"),
        _ => upper,
    };
    format!("{}. {named}", roman(n))
}

/// `1` → `I`, `14` → `XIV`: headings of official tables are numbered so.
pub fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// One procedure's cells, in [`COLUMNS`] order. A cell with several items
/// (fees, legal texts, channels) has one per line.
fn cells(number: usize, p: &Procedure, site: &Site, today: Date, lang: Lang) -> Vec<String> {
    let office = &site.config.office;
    let t = i18n::strings(lang);
    let fees = if p.fees.is_empty() {
        format::no_fees(lang).to_string()
    } else {
        lines(p.fees.iter().map(|f| format::fee_line(f, lang)))
    };
    vec![
        number.to_string(),
        p.code.clone().unwrap_or_default(),
        p.title.clone(),
        deadline(p, lang),
        place(p, site),
        fees,
        lines(p.legal_basis.iter().map(|l| format::legal_text(l, lang))),
        p.agency.clone().unwrap_or_else(|| office.name.clone()),
        channels(p, t),
        p.channels
            .online
            .as_ref()
            .map(|o| online_short(o.level, lang).to_string())
            .unwrap_or_default(),
        note(p, today, t),
    ]
}

fn lines(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("\n")
}

/// The deadline, then (as on the page) the legal one it was cut from, the
/// cut-off time (the page says it in its rule for the expected date, which
/// only a deadline in numbers has), and the clerk's note, each on its own
/// line.
fn deadline(p: &Procedure, lang: Lang) -> String {
    let d = &p.deadline;
    let counted = d.measure.value().is_some();
    let parts = [
        Some(format::deadline(d, lang)),
        format::deadline_reduced(d, lang),
        d.cutoff
            .filter(|_| counted)
            .map(|c| format::cutoff(c, lang)),
        d.note.clone(),
    ];
    lines(parts.into_iter().flatten())
}

/// Where to file in person, as the page says it: the procedure's
/// `submit_at`, else the office's unit, else its name; then the address.
fn place(p: &Procedure, site: &Site) -> String {
    let office = &site.config.office;
    let at = p
        .submit_at
        .clone()
        .or_else(|| office.unit.clone())
        .unwrap_or_else(|| office.name.clone());
    match &office.address {
        Some(a) => format!("{at}, {a}"),
        None => at,
    }
}

fn channels(p: &Procedure, t: &i18n::Strings) -> String {
    let c = &p.channels;
    let names = [
        c.in_person.then_some(t.in_person),
        c.postal.then_some(t.postal),
        c.online.as_ref().map(|_| t.online),
    ];
    lines(names.into_iter().flatten().map(str::to_string))
}

/// `Toàn trình` / `Một phần`: the words of a provincial table's DVCTT column.
fn online_short(level: crate::model::OnlineLevel, lang: Lang) -> &'static str {
    use crate::model::OnlineLevel::*;
    match (level, lang) {
        (Full, Lang::Vi) => "Toàn trình",
        (Partial, Lang::Vi) => "Một phần",
        (Full, Lang::En) => "Fully online",
        (Partial, Lang::En) => "Partly online",
    }
}

fn note(p: &Procedure, today: Date, t: &i18n::Strings) -> String {
    let upcoming =
        crate::render::view::upcoming_date(p, today).map(|d| format!("{} {d}", t.status_upcoming));
    let non_territorial = p.non_territorial.then(|| t.non_territorial.to_string());
    lines([upcoming, non_territorial].into_iter().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 4, 9, 12, 14, 40].into_iter().map(roman).collect();
        assert_eq!(got, ["I", "IV", "IX", "XII", "XIV", "XL"]);
    }

    #[test]
    fn headings_name_the_field_once() {
        assert_eq!(heading(1, "Hộ tịch", Lang::Vi), "I. LĨNH VỰC HỘ TỊCH");
        assert_eq!(
            heading(2, "Lĩnh vực Đất đai", Lang::Vi),
            "II. LĨNH VỰC ĐẤT ĐAI"
        );
        assert_eq!(heading(3, "Civil status", Lang::En), "III. CIVIL STATUS");
    }
}
