//! The table as CSV for Excel and LibreOffice: UTF-8 with a byte-order
//! mark (without it Excel reads the file in the computer's code page and
//! the Vietnamese letters come out garbled), comma-separated, CRLF line
//! ends, and a cell quoted when it holds a comma, a quote or a line break
//! (fees and legal texts are one per line inside their cell).
//!
//! The first row is the header, so a program reads it as a table; a
//! field's heading row has its text in the first cell and the others empty.

use super::table::{Row, Table};

const BOM: &[u8] = "\u{feff}".as_bytes();

pub fn to_bytes(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    w.write_record(&table.columns)?;
    let blank = vec![String::new(); table.columns.len() - 1];
    for row in &table.rows {
        match row {
            Row::Heading(h) => w.write_record(std::iter::once(h).chain(&blank))?,
            Row::Procedure(cells) => w.write_record(cells)?,
        }
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
