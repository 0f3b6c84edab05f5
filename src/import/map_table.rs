//! Table rows: a procedure known only from a province's table has little
//! (title, code, deadline, fees, legal basis, agency); what it lacks is
//! written as a marked placeholder ("CẦN SỬA", which `check` warns about)
//! and put on the review list, so the file passes `check` without
//! publishing a false fact (`documents: []` would say "no papers needed").
//! A row joined to a record by code brings the province's own facts: its
//! field, and its deadline ("sau cắt giảm"), which wins over the record's.

use super::cells::{self, CellFee};
use super::draft::{Draft, DraftDeadline, DraftDoc, DraftFee, DraftLegal, DraftSource};
use super::map::Mapped;
use super::record::TableRow;
use super::review::Item;
use super::text::one_line;
use crate::model::{DeadlineMeasure, FeeChannel};
use crate::t;
use crate::text::slugify;

/// A measure as the keys of `deadline:` write it.
pub fn measure_key(m: &DeadlineMeasure) -> (String, String) {
    let (key, value) = match m {
        DeadlineMeasure::WorkingDays(n) => ("working_days", n.to_string()),
        DeadlineMeasure::CalendarDays(n) => ("calendar_days", n.to_string()),
        DeadlineMeasure::Hours(n) => ("hours", n.to_string()),
        DeadlineMeasure::Text(t) => ("text", t.clone()),
    };
    (key.to_string(), value)
}

/// The table's deadline: the "Sau cắt giảm" cell when the column is
/// split, its first measure, `reduced_from` from its "Đã cắt giảm từ …"
/// line or from the "Theo quy định" cell beside it, and the rest of the
/// words as the note. A cell whose first line states no measure is kept
/// as words (`deadline.text`), with a review item.
fn row_deadline(row: &TableRow, items: &mut Vec<Item>) -> Option<DraftDeadline> {
    let main = row
        .deadline_reduced
        .as_deref()
        .or(row.deadline.as_deref())?;
    let Some(cell) = cells::deadline(main) else {
        items.push(Item::new("deadline-text", "deadline", t!(
            "thời hạn trong bảng (\"{}\") không phải một số ngày/giờ; giữ nguyên lời, xác nhận",
            "the table's deadline (\"{}\") is not a number of days or hours; kept as words, confirm it",
            one_line(main)
        )));
        let mut lines = main.lines().map(one_line).filter(|l| !l.is_empty());
        let value = lines.next().unwrap_or_default();
        let rest: Vec<String> = lines.collect();
        return Some(DraftDeadline {
            key: "text".into(),
            value,
            note: (!rest.is_empty()).then(|| rest.join(" ")),
            ..DraftDeadline::default()
        });
    };
    if cell.several {
        items.push(Item::new("deadline-cases", "deadline", t!(
            "ô thời hạn của bảng nêu nhiều thời hạn; đã ghi thời hạn đầu tiên, phần còn lại ở ghi chú: xác nhận",
            "the table's deadline cell names several deadlines; the first is written, the rest is in the note: confirm it"
        )));
    }
    let (key, value) = measure_key(&cell.measure);
    let mut reduced_from = cell.reduced_from;
    let mut note = Vec::new();
    if let (Some(_), Some(law)) = (&row.deadline_reduced, &row.deadline) {
        let legal = cells::deadline(law);
        let same_unit = legal.as_ref().is_some_and(|l| {
            std::mem::discriminant(&l.measure) == std::mem::discriminant(&cell.measure)
        });
        let larger = legal
            .as_ref()
            .and_then(|l| l.measure.value())
            .filter(|n| same_unit && cell.measure.value().is_some_and(|m| *n > m));
        match larger {
            Some(n) if reduced_from.is_none() => {
                reduced_from = Some(n);
                // Words beside the legal number are kept.
                note.extend(
                    legal
                        .and_then(|l| l.note)
                        .map(|n| format!("Theo quy định: {n}")),
                );
            }
            _ => note.push(format!("Theo quy định: {}.", one_line(law))),
        }
    }
    note.extend(cell.note);
    Some(DraftDeadline {
        key,
        value,
        reduced_from: reduced_from.map(|n| n.to_string()),
        cutoff: cell.cutoff.map(|m| format!("{:02}:{:02}", m / 60, m % 60)),
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
        ..DraftDeadline::default()
    });
    let fees = row_fees(row, &mut items);
    let legal = row_legal(row);
    let file = row
        .origin
        .as_ref()
        .and_then(|o| o.file.file_name())
        .map(|f| f.to_string_lossy().into_owned());
    let draft = Draft {
        code: row.code.clone().filter(|c| !c.is_empty()),
        title: super::map::title(&row.name),
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

/// The table's fee cell, one fee per item it lists ("Lệ phí" for a bare
/// amount); a fee whose words stand for its amount is a review item; a
/// cell that lists no fee is kept verbatim as a note (a review item); a
/// placeholder when there is none.
fn row_fees(row: &TableRow, items: &mut Vec<Item>) -> Vec<DraftFee> {
    let Some(cell) = row.fees.as_deref() else {
        return vec![DraftFee {
            name: "Phí, lệ phí".into(),
            note: Some("(CẦN SỬA) chưa có mức phí, lệ phí".into()),
            ..DraftFee::default()
        }];
    };
    match cells::fees(cell) {
        Some(fees) => {
            let out: Vec<DraftFee> = fees.into_iter().map(draft_fee).collect();
            if let Some(i) = out.iter().position(|f| f.amount.is_none()) {
                items.push(Item::new(
                    "fee-text",
                    format!("fees.{i}"),
                    t!(
                        "mức phí trong bảng là lời, không phải số tiền; ghi amount nếu biết",
                        "the table's fee is words, not an amount; write amount when known"
                    ),
                ));
            }
            out
        }
        None => {
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
                note: Some(one_line(cell)),
                ..DraftFee::default()
            }]
        }
    }
}

/// A fee read from a cell, as the format writes it.
fn draft_fee(f: CellFee) -> DraftFee {
    let channel = match f.channel {
        FeeChannel::All => None,
        FeeChannel::InPerson => Some("in_person"),
        FeeChannel::Postal => Some("postal"),
        FeeChannel::Online => Some("online"),
    };
    DraftFee {
        name: f.name.unwrap_or_else(|| "Lệ phí".into()),
        amount: f.amount.map(|a| a.to_string()),
        per: f.per,
        channel: channel.map(str::to_string),
        note: f.note,
    }
}

/// The legal basis cell, or a placeholder (the format needs one text).
fn row_legal(row: &TableRow) -> Vec<DraftLegal> {
    let legal = row
        .legal_basis
        .as_deref()
        .map(legal_cell)
        .unwrap_or_default();
    if legal.is_empty() {
        vec![DraftLegal {
            number: "(CẦN SỬA) số hiệu văn bản".into(),
            ..DraftLegal::default()
        }]
    } else {
        legal
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
                cutoff: record.cutoff.clone(),
                ..d
            };
            // The in-person deadline's items no longer apply; the other
            // channels' (anchored at the note) still do.
            m.items
                .retain(|i| !(i.kind.starts_with("deadline") && i.anchor == "deadline"));
        } else if d.reduced_from.is_some() {
            m.draft.deadline.reduced_from = d.reduced_from;
        }
    }
    // One amount in the table fills the record's fees that have none.
    let table_amount =
        row.fees
            .as_deref()
            .and_then(cells::fees)
            .and_then(|fees| match fees.as_slice() {
                [fee] => fee.amount.map(|a| (a, fee.per.clone())),
                _ => None,
            });
    let unknown = m.draft.fees.iter().any(|f| f.amount.is_none());
    if let (Some((amount, per)), true) = (table_amount, unknown) {
        for f in m.draft.fees.iter_mut().filter(|f| f.amount.is_none()) {
            f.amount = Some(amount.to_string());
            f.per.clone_from(&per);
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
    m.items.extend(items);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(deadline: &str, reduced: Option<&str>, fees: &str) -> TableRow {
        TableRow {
            name: "Đăng ký kết hôn".into(),
            deadline: Some(deadline.into()),
            deadline_reduced: reduced.map(str::to_string),
            fees: Some(fees.into()),
            ..TableRow::default()
        }
    }

    #[test]
    fn a_split_deadline_column_fills_reduced_from() {
        let mut items = Vec::new();
        let r = row("05 ngày làm việc", Some("03 ngày làm việc"), "Không");
        let d = row_deadline(&r, &mut items).expect("deadline");
        assert_eq!((d.key.as_str(), d.value.as_str()), ("working_days", "3"));
        assert_eq!(d.reduced_from.as_deref(), Some("5"));
        assert_eq!(d.note, None);
        // Another unit: no reduction, the law's words in the note.
        let r = row("30 ngày", Some("15 ngày làm việc"), "Không");
        let d = row_deadline(&r, &mut items).expect("deadline");
        assert_eq!(d.reduced_from, None);
        assert_eq!(d.note.as_deref(), Some("Theo quy định: 30 ngày."));
        assert!(items.is_empty(), "{items:?}");
    }

    #[test]
    fn fee_lines_become_fees() {
        let mut items = Vec::new();
        let r = row(
            "03 ngày làm việc",
            None,
            "Lệ phí: 5.000 đồng (nộp trực tiếp) – HĐND tỉnh quy định\nPhí cấp bản sao: 8.000 đồng/bản",
        );
        let f = row_fees(&r, &mut items);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].channel.as_deref(), Some("in_person"));
        assert_eq!(f[0].note.as_deref(), Some("HĐND tỉnh quy định"));
        assert_eq!(
            (f[1].amount.as_deref(), f[1].per.as_deref()),
            (Some("8000"), Some("bản"))
        );
        assert!(items.is_empty(), "{items:?}");
        assert!(row_fees(&row("", None, "Không"), &mut items).is_empty());
        let words = row_fees(
            &row("", None, "Theo Nghị quyết 12/2018 của HĐND tỉnh"),
            &mut items,
        );
        assert_eq!(words[0].amount, None);
        assert_eq!(items[0].kind, "fee-text");
    }
}
