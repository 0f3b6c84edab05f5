//! The files named with `--against`, read by the importer's reader
//! ([`crate::import::read_input`]), as [`Upstream`] values. What a record
//! says is kept only where it can be compared: a deadline with a unit, a
//! fee with a figure, the documents handed in or shown. Everything else is
//! `None`, and so never reported as a difference.

use super::upstream::{Repeal, Upstream};
use crate::diag::Rule;
use crate::diag::{Diagnostic, Location};
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
    up.repealed = repealed(&r.state).then_some(Repeal { since: None });
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

/// A record's `state` that says it is no longer in force. The words are
/// those of the portal's enums seen so far (`UPDATED` is in force); a state
/// this list does not know is taken as in force.
fn repealed(state: &str) -> bool {
    let s = state.to_ascii_uppercase();
    [
        "ABOLISH", "REPEAL", "CANCEL", "DELETE", "EXPIRE", "INACTIVE",
    ]
    .iter()
    .any(|w| s.contains(w))
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
    // Both parts of a split deadline column count: the law's and the cut one.
    up.deadlines = [&r.deadline, &r.deadline_reduced]
        .into_iter()
        .flatten()
        .filter_map(|t| deadline_text(t))
        .collect();
    up.deadline_words = [&r.deadline, &r.deadline_reduced]
        .into_iter()
        .flatten()
        .filter_map(|t| t.lines().map(str::trim).find(|l| !l.is_empty()))
        .map(str::to_string)
        .collect();
    up.fees = r.fees.as_deref().and_then(fee_text);
    up.legal_basis = r.legal_basis.as_ref().map(|t| {
        t.split(['\n', ';'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    });
    up
}

/// The first deadline written in a table's cell: `03 ngày làm việc`,
/// `Trong ngày làm việc`, `30 ngày`, `04 giờ`, `Không quá 05 ngày làm việc`.
pub fn deadline_text(text: &str) -> Option<DeadlineMeasure> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| crate::text::nfc(w).to_lowercase())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let next = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        let Ok(n) = digits.parse::<u32>() else {
            if w == "trong" && next(1) == "ngày" {
                return Some(DeadlineMeasure::WorkingDays(0));
            }
            continue;
        };
        match (next(1), next(2), next(3)) {
            ("ngày", "làm", v) if v.starts_with("việc") => {
                return Some(DeadlineMeasure::WorkingDays(n))
            }
            (d, _, _) if d.starts_with("ngày") => return Some(DeadlineMeasure::CalendarDays(n)),
            (h, _, _) if h.starts_with("giờ") => return Some(DeadlineMeasure::Hours(n)),
            (m, _, _) if m.starts_with("tháng") => {
                return Some(DeadlineMeasure::Text(format!("{n:02} tháng")))
            }
            (y, _, _) if y.starts_with("năm") => {
                return Some(DeadlineMeasure::Text(format!("{n:02} năm")))
            }
            _ => {}
        }
    }
    None
}

/// The amounts in a table's fee cell (`8.000 đồng/bản`, `50.000đ`); none
/// but a "no fee" wording (`Không`, `Miễn lệ phí`, `Không thu phí`) is no
/// fee; anything else has nothing to compare.
pub fn fee_text(text: &str) -> Option<Vec<u64>> {
    let mut amounts = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
            i += 1;
        }
        let number: String = chars[start..i].iter().filter(|c| **c != '.').collect();
        let rest: String = chars[i..].iter().take(6).collect::<String>().to_lowercase();
        let rest = rest.trim_start();
        let before: String = chars[start.saturating_sub(12)..start].iter().collect();
        // "tối đa 200.000 đồng/bản" is a cap on a fee, not a fee.
        let cap = ["tối đa", "không quá", "tối thiểu"]
            .iter()
            .any(|w| before.to_lowercase().contains(w));
        let money = rest.starts_with("đồng") || rest.starts_with('đ') || rest.starts_with("vnđ");
        if money && !cap {
            if let Ok(n) = number.parse::<u64>() {
                amounts.push(n);
            }
        }
    }
    let folded = slugify(text);
    let none = folded == "khong" || folded.contains("mien") || folded.contains("khong-thu");
    match (amounts.is_empty(), none) {
        (false, _) => Some(amounts),
        (true, true) => Some(Vec::new()),
        (true, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DeadlineMeasure::*;

    #[test]
    fn deadlines_are_read_from_table_cells() {
        assert_eq!(deadline_text("03 ngày làm việc"), Some(WorkingDays(3)));
        assert_eq!(
            deadline_text("Trong ngày làm việc\nTheo quy định: ..."),
            Some(WorkingDays(0))
        );
        assert_eq!(deadline_text("30 ngày"), Some(CalendarDays(30)));
        assert_eq!(deadline_text("04 giờ"), Some(Hours(4)));
        assert_eq!(
            deadline_text("Không quá 05 ngày làm việc kể từ ngày nhận"),
            Some(WorkingDays(5))
        );
        assert_eq!(
            deadline_text("03 ngày làm việc\nĐã cắt giảm từ 05 ngày làm việc theo quy định"),
            Some(WorkingDays(3))
        );
        assert_eq!(deadline_text("Theo quy định"), None);
        assert_eq!(deadline_text("03 tháng"), Some(Text("03 tháng".into())));
    }

    #[test]
    fn fees_are_read_from_table_cells() {
        assert_eq!(fee_text("Không thu phí"), Some(vec![]));
        assert_eq!(fee_text("Lệ phí: Miễn lệ phí"), Some(vec![]));
        assert_eq!(
            fee_text("Phí cấp bản sao: 8.000 đồng/bản\nLệ phí: 50.000đ"),
            Some(vec![8000, 50000])
        );
        assert_eq!(fee_text("Theo Nghị quyết 12/2025/NQ-HĐND"), None);
        assert_eq!(
            fee_text("2.000 đồng/trang, tối đa 200.000 đồng/bản"),
            Some(vec![2000])
        );
    }

    #[test]
    fn a_state_named_repealed_or_cancelled_is_not_in_force() {
        assert!(!repealed("UPDATED"));
        assert!(repealed("ABOLISHED"));
        assert!(repealed("cancelled"));
    }
}
