//! The files named with `--against`, read by the importer's reader
//! ([`crate::import::read_input`]), as [`Upstream`] values. What a record
//! says is kept only where it can be compared: a deadline with a unit, a
//! fee with a figure, the documents handed in or shown. Everything else is
//! `None`, and so never reported as a difference.

use super::upstream::{Repeal, Upstream};
use crate::diag::Rule;
use crate::diag::{Diagnostic, Location};
use crate::import::cells;
use crate::import::record::{Channel, Record, TableRow, TimeUnit};
use crate::import::{parse_input, Input};
use crate::model::DeadlineMeasure;
use crate::text::slugify;
use std::path::Path;

/// Every record of one file, or what made it unreadable.
pub fn read(path: &Path) -> Result<Vec<Upstream>, Vec<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|e| {
        vec![Diagnostic::error(
            Rule::ReviewIo,
            path,
            crate::t!("không đọc được tệp: {e}", "cannot read the file: {e}"),
        )]
    })?;
    let input = parse_input(&bytes, path)?;
    let zipped = bytes.starts_with(b"PK");
    Ok(match input {
        Input::Records(records) => records.iter().map(|r| record(r, &bytes)).collect(),
        Input::Table(rows) => rows.iter().map(|r| row(r, path, &bytes, zipped)).collect(),
    })
}

fn record(r: &Record, bytes: &[u8]) -> Upstream {
    let at = r
        .origin
        .line
        .and_then(|l| crate::import::read::line_location(bytes, l, 1));
    let mut up = Upstream::new(&r.origin.file, Some(&r.code), &r.name);
    up.origin.at = at;
    up.commune = r.levels.ward;
    up.repealed = repeal(r.repealed.as_ref());
    up.deadlines = deadlines(r);
    up.fees = fees(r);
    up.documents = documents(r);
    let laws: Vec<String> = r
        .legal_basis
        .iter()
        .map(|l| {
            if l.code.trim().is_empty() {
                &l.name
            } else {
                &l.code
            }
            .clone()
        })
        .collect();
    up.legal_basis = (!laws.is_empty()).then_some(laws);
    up.updated = r.snapshot_date();
    up
}

/// The importer's typed repeal (a provincial repeal table's row, or a
/// record joined to one), reduced to its date. A record's `state` is never
/// read as one: the portal's records carry no repeal marker
/// ([`crate::import::record::STATES_IN_FORCE`]).
fn repeal(r: Option<&crate::import::record::Repeal>) -> Option<Repeal> {
    r.map(|r| Repeal { since: r.date })
}

/// Each channel's deadline with a unit; 0 (not stated) and `OTHER` left out.
fn deadlines(r: &Record) -> Vec<DeadlineMeasure> {
    let mut out = Vec::new();
    let channels = [Channel::Direct, Channel::Online, Channel::Postal];
    for m in channels.iter().flat_map(|c| r.methods_of(*c)) {
        let Ok(n) = u32::try_from(m.time) else {
            continue;
        };
        let measure = match m.unit {
            _ if n == 0 => None,
            TimeUnit::WorkingDay => Some(DeadlineMeasure::WorkingDays(n)),
            TimeUnit::Day => Some(DeadlineMeasure::CalendarDays(n)),
            TimeUnit::Hour => Some(DeadlineMeasure::Hours(n)),
            // As `import` writes them: months are never turned into days.
            TimeUnit::Month => Some(DeadlineMeasure::Text(format!("{n:02} tháng"))),
            TimeUnit::Year => Some(DeadlineMeasure::Text(format!("{n:02} năm"))),
            TimeUnit::Other(_) => None,
        };
        if let Some(d) = measure.filter(|d| !out.contains(d)) {
            out.push(d);
        }
    }
    out
}

/// The record's fee figures in đồng. A 0 is no figure (the portal writes 0
/// for "set by the provincial council"), so a record with no other amount
/// has nothing to compare.
fn fees(r: &Record) -> Option<Vec<u64>> {
    let amounts: Vec<u64> = r
        .methods
        .iter()
        .flat_map(|m| &m.fees)
        .filter(|f| f.is_vnd())
        .filter_map(|f| f.value)
        .filter(|v| *v > 0)
        .collect();
    (!amounts.is_empty()).then_some(amounts)
}

/// Papers handed in or shown: items with a quantity, outside the "Lưu ý"
/// groups (notes), without the procedure's result.
fn documents(r: &Record) -> Option<Vec<String>> {
    let names: Vec<String> = r
        .groups
        .iter()
        .filter(|g| !slugify(&g.heading).contains("luu-y"))
        .flat_map(|g| &g.items)
        .filter(|c| c.originals + c.copies > 0 && !c.is_result)
        .map(|c| c.name.clone())
        .collect();
    (!names.is_empty()).then_some(names)
}

fn row(r: &TableRow, file: &Path, bytes: &[u8], zipped: bool) -> Upstream {
    let line = r.origin.as_ref().and_then(|o| o.line);
    let mut up = Upstream::new(file, r.code.as_deref(), &r.name);
    up.origin.at = line.and_then(|l| {
        if zipped {
            // A sheet has no text lines: show the row's name.
            Some(Location {
                line: l,
                column: 1,
                width: 1,
                line_text: r.name.clone(),
            })
        } else {
            crate::import::read::line_location(bytes, l, 1)
        }
    });
    up.repealed = repeal(r.repealed.as_ref());
    up.deadlines = row_deadlines(r);
    // A page's deadline in words agrees with a cell that starts with them.
    up.deadline_words = [&r.deadline, &r.deadline_reduced]
        .into_iter()
        .flatten()
        .filter_map(|t| t.lines().map(str::trim).find(|l| !l.is_empty()))
        .map(str::to_string)
        .collect();
    up.fees = r.fees.as_deref().and_then(fee_amounts);
    up.legal_basis = r.legal_basis.as_ref().map(|t| {
        t.split(['\n', ';'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    });
    up
}

/// Every deadline a row states, read by the importer's reader of table
/// cells ([`cells::deadline`]): both parts of a split column (the law's
/// and the cut one), and the legal deadline of an "Đã cắt giảm từ …" line.
fn row_deadlines(r: &TableRow) -> Vec<DeadlineMeasure> {
    let mut out = Vec::new();
    for cell in [&r.deadline_reduced, &r.deadline].into_iter().flatten() {
        let Some(c) = cells::deadline(cell) else {
            continue;
        };
        let legal = c.reduced_from.and_then(|n| c.measure.with_value(n));
        for m in std::iter::once(c.measure).chain(legal) {
            if !out.contains(&m) {
                out.push(m);
            }
        }
    }
    out
}

/// The amounts of a fee cell ([`cells::fees`]); "no fee" is none. `None`
/// when the cell gives no amount to compare: words only, or fees whose
/// words stand for the amount ("theo Nghị quyết của HĐND tỉnh").
fn fee_amounts(cell: &str) -> Option<Vec<u64>> {
    let fees = cells::fees(cell)?;
    let amounts: Vec<u64> = fees.iter().filter_map(|f| f.amount).collect();
    let words_only = amounts.is_empty() && fees.iter().any(|f| f.amount.is_none());
    (!words_only).then_some(amounts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DeadlineMeasure::*;

    fn table_row(deadline: &str, reduced: Option<&str>) -> TableRow {
        TableRow {
            name: "x".into(),
            deadline: Some(deadline.into()),
            deadline_reduced: reduced.map(str::to_string),
            ..TableRow::default()
        }
    }

    #[test]
    fn a_row_states_its_deadlines_and_the_legal_ones() {
        let cut = table_row(
            "03 ngày làm việc\nĐã cắt giảm từ 05 ngày làm việc theo quy định",
            None,
        );
        assert_eq!(row_deadlines(&cut), [WorkingDays(3), WorkingDays(5)]);
        let split = table_row("05 ngày làm việc", Some("Trong ngày làm việc"));
        assert_eq!(row_deadlines(&split), [WorkingDays(0), WorkingDays(5)]);
        assert!(row_deadlines(&table_row("Theo quy định", None)).is_empty());
    }

    #[test]
    fn fee_cells_give_amounts_or_nothing_to_compare() {
        assert_eq!(fee_amounts("Không thu phí"), Some(vec![]));
        assert_eq!(fee_amounts("Lệ phí: Miễn lệ phí"), Some(vec![0]));
        assert_eq!(
            fee_amounts("Phí cấp bản sao: 8.000 đồng/bản\nLệ phí: 50.000đ"),
            Some(vec![8000, 50000])
        );
        assert_eq!(fee_amounts("Theo Nghị quyết 12/2025/NQ-HĐND"), None);
        assert_eq!(fee_amounts("Lệ phí: theo Nghị quyết của HĐND tỉnh"), None);
        // A cap in the words is no fee.
        assert_eq!(
            fee_amounts("2.000 đồng/trang, tối đa 200.000 đồng/bản"),
            Some(vec![2000])
        );
    }
}
