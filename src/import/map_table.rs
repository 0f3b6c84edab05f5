//! Table rows: a procedure known only from a province's table has little
//! (title, code, deadline, fees, legal basis, agency); what it lacks is
//! written as a marked placeholder ("CẦN SỬA", which `check` warns about)
//! and put on the review list, so the file passes `check` without
//! publishing a false fact (`documents: []` would say "no papers needed").
//! A row joined to a record by code brings the province's own facts: its
//! field, and its deadline ("sau cắt giảm"), which wins over the record's.

use super::draft::{Draft, DraftDeadline, DraftDoc, DraftFee, DraftLegal, DraftSource};
use super::map::Mapped;
use super::record::TableRow;
use super::review::Item;
use super::text::one_line;
use crate::t;
use crate::text::slugify;

/// "05 ngày làm việc", "Trong ngày", "30 ngày", "04 giờ" → a measure;
/// anything more is `None` (kept as words).
pub fn parse_deadline(s: &str) -> Option<(String, String)> {
    let f = slugify(s);
    let f = f.strip_prefix("khong-qua-").unwrap_or(&f);
    if f == "trong-ngay" || f == "trong-ngay-lam-viec" {
        return Some(("working_days".into(), "0".into()));
    }
    let (num, unit) = f.split_once('-')?;
    let n: u32 = num.parse().ok()?;
    let key = match unit {
        "ngay-lam-viec" => "working_days",
        "ngay" => "calendar_days",
        "gio" => "hours",
        _ => return None,
    };
    Some((key.into(), n.to_string()))
}

/// "8.000 đồng/bản", "Miễn phí", "Không" → fees; `None` when the text is
/// more than one plain amount (kept verbatim as a note).
pub fn parse_fees(s: &str) -> Option<Vec<DraftFee>> {
    let f = slugify(s);
    if matches!(
        f.as_str(),
        "khong" | "khong-co" | "khong-thu" | "khong-thu-phi"
    ) {
        return Some(Vec::new());
    }
    if matches!(f.as_str(), "mien" | "mien-phi" | "mien-le-phi") {
        return Some(vec![DraftFee {
            name: "Lệ phí".into(),
            amount: Some("0".into()),
            ..DraftFee::default()
        }]);
    }
    let (amount, per) = match s.split_once('/') {
        Some((a, p)) => (a.trim(), Some(p.trim().trim_end_matches('.').to_string())),
        None => (s.trim(), None),
    };
    let n = crate::model::amount_suggestion(amount)?;
    if per
        .as_deref()
        .is_some_and(|p| p.is_empty() || p.contains(' ') && p.chars().count() > 20)
    {
        return None;
    }
    Some(vec![DraftFee {
        name: "Lệ phí".into(),
        amount: Some(n.to_string()),
        per,
        ..DraftFee::default()
    }])
}

fn row_deadline(row: &TableRow, items: &mut Vec<Item>) -> Option<DraftDeadline> {
    let main = row
        .deadline_reduced
        .as_deref()
        .or(row.deadline.as_deref())?;
    let mut note = Vec::new();
    if let (Some(r), Some(d)) = (&row.deadline_reduced, &row.deadline) {
        note.push(format!(
            "Theo quy định: {}; sau cắt giảm: {}.",
            one_line(d),
            one_line(r)
        ));
    }
    let (key, value) = parse_deadline(main).unwrap_or_else(|| {
        items.push(Item::new("deadline-text", "deadline", t!(
            "thời hạn trong bảng (\"{}\") không phải một số ngày/giờ; giữ nguyên lời, xác nhận",
            "the table's deadline (\"{}\") is not a number of days or hours; kept as words, confirm it",
            one_line(main)
        )));
        ("text".into(), one_line(main))
    });
    Some(DraftDeadline {
        key,
        value,
        note: (!note.is_empty()).then(|| note.join(" ")),
    })
}

pub fn row_only(row: &TableRow, today: jiff::civil::Date) -> Mapped {
    let mut items = vec![Item::new("table-only", "title", t!(
        "thủ tục chỉ có trong bảng, không có bản ghi chi tiết: điền thành phần hồ sơ, trình tự, kết quả (các chỗ CẦN SỬA), hoặc nhập kèm bản ghi JSON cùng mã",
        "the procedure is only in the table, with no detail record: fill in documents, steps, result (the CẦN SỬA places), or import its JSON record with the same code"
    ))];
    let deadline = row_deadline(row, &mut items).unwrap_or_else(|| DraftDeadline {
        key: "text".into(),
        value: "(CẦN SỬA) thời hạn giải quyết".into(),
        note: None,
    });
    let fees = match row.fees.as_deref() {
        Some(f) => parse_fees(f).unwrap_or_else(|| {
            items.push(Item::new(
                "fee-text",
                "fees.0",
                t!(
                    "mức phí trong bảng giữ nguyên lời; xác nhận",
                    "the table's fee is kept as words; confirm it"
                ),
            ));
            vec![DraftFee {
                name: "Phí, lệ phí".into(),
                note: Some(one_line(f)),
                ..DraftFee::default()
            }]
        }),
        None => vec![DraftFee {
            name: "Phí, lệ phí".into(),
            note: Some("(CẦN SỬA) chưa có mức phí, lệ phí".into()),
            ..DraftFee::default()
        }],
    };
    let legal = row
        .legal_basis
        .as_deref()
        .map(legal_cell)
        .unwrap_or_default();
    let legal = if legal.is_empty() {
        vec![DraftLegal {
            number: "(CẦN SỬA) số hiệu văn bản".into(),
            ..DraftLegal::default()
        }]
    } else {
        legal
    };
    let file = row
        .origin
        .as_ref()
        .and_then(|o| o.file.file_name())
        .map(|f| f.to_string_lossy().into_owned());
    let draft = Draft {
        code: row.code.clone().filter(|c| !c.is_empty()),
        title: crate::scaffold::clean_title(&row.name),
        level: Some("xa".into()),
        agency: row
            .agency
            .as_deref()
            .map(one_line)
            .filter(|a| !a.is_empty() && !slugify(a).contains("cap-xa")),
        result: "(CẦN SỬA) kết quả thực hiện".into(),
        deadline,
        fees,
        documents: vec![DraftDoc {
            name: "(CẦN SỬA) thành phần hồ sơ".into(),
            ..DraftDoc::default()
        }],
        steps: vec!["(CẦN SỬA) ghi các bước thực hiện".into()],
        legal_basis: legal,
        updated: today.to_string(),
        source: Some(DraftSource {
            from: "bang".into(),
            code: row.code.clone(),
            file,
            imported: Some(today.to_string()),
            ..DraftSource::default()
        }),
        ..Draft::default()
    };
    Mapped {
        draft,
        field_name: row.field.clone(),
        items,
        forms: Vec::new(),
    }
}

/// A legal basis cell: one text per line or `;`, numbered when a number is
/// found.
fn legal_cell(s: &str) -> Vec<DraftLegal> {
    s.split(['\n', ';'])
        .map(super::text::unmarked)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let number = p
                .split_whitespace()
                .map(|w| w.trim_end_matches([',', '.', ':']))
                .find(|w| w.contains('/') && w.chars().next().is_some_and(|c| c.is_ascii_digit()))
                .map(str::to_string);
            match number {
                Some(n) if n != p => DraftLegal {
                    number: n,
                    title: Some(p),
                    date: None,
                },
                _ => DraftLegal {
                    number: p,
                    title: None,
                    date: None,
                },
            }
        })
        .collect()
}

/// A row joined to a record: the province's field and deadline win.
pub fn apply_row(m: &mut Mapped, row: &TableRow) {
    if let Some(f) = &row.field {
        m.field_name = Some(f.clone());
    }
    let mut items = Vec::new();
    if let Some(d) = row_deadline(row, &mut items) {
        let record = &m.draft.deadline;
        if (d.key.as_str(), d.value.as_str()) != (record.key.as_str(), record.value.as_str()) {
            let was = format!("{} {}", record.key, record.value);
            items.push(Item::new("deadline-table", "deadline", t!(
                "bảng của tỉnh ghi thời hạn khác bản ghi (bản ghi: {was}); đã dùng thời hạn của bảng",
                "the province's table gives another deadline than the record ({was}); the table's is used"
            )));
            let mut note: Vec<String> = d.note.iter().cloned().collect();
            note.extend(record.note.iter().cloned());
            m.draft.deadline = DraftDeadline {
                note: (!note.is_empty()).then(|| note.join(" ")),
                ..d
            };
            m.items.retain(|i| !i.kind.starts_with("deadline"));
        }
    }
    if let Some(fees) = row.fees.as_deref().and_then(parse_fees) {
        let unknown = m.draft.fees.iter().any(|f| f.amount.is_none());
        if unknown && fees.len() == 1 && fees[0].amount.is_some() {
            for f in m.draft.fees.iter_mut().filter(|f| f.amount.is_none()) {
                f.amount.clone_from(&fees[0].amount);
                f.per.clone_from(&fees[0].per);
            }
            items.push(Item::new(
                "fee-table",
                "fees.0",
                t!(
                    "mức thu lấy từ bảng của tỉnh ({}); xác nhận",
                    "the amount comes from the province's table ({}); confirm it",
                    row.fees.as_deref().map(one_line).unwrap_or_default()
                ),
            ));
        }
    }
    m.items.extend(items);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_deadlines_and_fees() {
        assert_eq!(
            parse_deadline("05 ngày làm việc"),
            Some(("working_days".into(), "5".into()))
        );
        assert_eq!(
            parse_deadline("Trong ngày"),
            Some(("working_days".into(), "0".into()))
        );
        assert_eq!(
            parse_deadline("Không quá 30 ngày"),
            Some(("calendar_days".into(), "30".into()))
        );
        assert_eq!(
            parse_deadline("03 ngày làm việc, trường hợp xác minh 05 ngày"),
            None
        );
        assert_eq!(parse_fees("Không"), Some(vec![]));
        let f = parse_fees("8.000 đồng/bản").expect("fee");
        assert_eq!(
            (f[0].amount.as_deref(), f[0].per.as_deref()),
            (Some("8000"), Some("bản"))
        );
        assert!(parse_fees("Theo Nghị quyết 12/2018 của HĐND tỉnh").is_none());
    }
}
