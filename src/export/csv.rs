//! The table as CSV for Excel and LibreOffice: UTF-8 with a byte-order
//! mark (without it Excel reads the file in the computer's code page and
//! the Vietnamese letters come out garbled), comma-separated, CRLF line
//! ends, and a cell quoted when it holds a comma, a quote or a line break
//! (fees and legal texts are one per line inside their cell).
//!
//! The first row is the header, so a program reads it as a table; a
//! field's heading row has its text in the first cell and the others empty.
//!
//! A cell that starts like a formula (`=`, `+`, `-`, `@`, a tab or a
//! carriage return, or their full-width forms) would be run as one by
//! Excel and LibreOffice opening the file ("CSV injection"): a clerk's
//! note could make a link or a calculation of the province's sheet. Such a
//! cell gets a leading space. LibreOffice then shows the text with a space
//! before it, and takes it as text (checked by `tests/export.rs`); a
//! leading `'`, the other usual guard, is shown as a quote mark by
//! LibreOffice when it opens a CSV. `niemyet import` trims the space.

use super::table::{Row, Table};
use std::borrow::Cow;

const BOM: &[u8] = "\u{feff}".as_bytes();

/// The cell as written to the file: a formula's first character behind a
/// space.
pub fn neutral(cell: &str) -> Cow<'_, str> {
    let formula = cell.starts_with([
        '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ]);
    if formula {
        Cow::Owned(format!(" {cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

pub fn to_bytes(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    w.write_record(table.columns.iter().map(|c| neutral(c).into_owned()))?;
    let blank = vec![String::new(); table.columns.len() - 1];
    for row in &table.rows {
        match row {
            Row::Heading(h) => w.write_record(
                std::iter::once(h)
                    .chain(&blank)
                    .map(|c| neutral(c).into_owned()),
            )?,
            Row::Procedure(cells) => {
                w.write_record(cells.iter().map(|c| neutral(c).into_owned()))?
            }
        }
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_written_behind_a_space() {
        assert_eq!(neutral("=HYPERLINK(\"x\")"), " =HYPERLINK(\"x\")");
        assert_eq!(neutral("- Tờ khai"), " - Tờ khai");
        assert_eq!(neutral("@SUM(A1)"), " @SUM(A1)");
        assert_eq!(neutral("+84 912"), " +84 912");
        assert_eq!(neutral("＝1+1"), " ＝1+1");
        assert_eq!(neutral("03 ngày làm việc"), "03 ngày làm việc");
        assert_eq!(neutral("a=b"), "a=b");
        assert_eq!(neutral(""), "");
    }
}
