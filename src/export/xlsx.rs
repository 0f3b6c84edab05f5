//! The table as an Excel workbook: a title row, the header frozen under it
//! (it stays in view while scrolling, and repeats on every printed page),
//! column widths for Vietnamese text, wrapped cells aligned at the top,
//! fields' headings merged across, A4 landscape fitted to the page width.
//! The document's date is the export's `--date`, so two exports of the
//! same content are the same bytes.

use super::table::{Row, Table};
use crate::model::Date;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// Column widths in characters, in the table's column order.
const WIDTHS: [f64; super::table::WIDTH] = [
    6.0, 12.0, 40.0, 22.0, 30.0, 34.0, 44.0, 24.0, 20.0, 13.0, 24.0,
];
/// A4 in Excel's paper codes.
const A4: u8 = 9;
/// The rows above the data: the title, the subtitle, the header.
const HEADER_ROW: u32 = 2;

struct Formats {
    title: Format,
    subtitle: Format,
    header: Format,
    heading: Format,
    cell: Format,
    centred: Format,
}

fn formats() -> Formats {
    let cell = Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12)
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    Formats {
        title: Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(14)
            .set_bold()
            .set_align(FormatAlign::Center),
        subtitle: Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(12)
            .set_italic()
            .set_align(FormatAlign::Center),
        header: cell
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(0xD9D9D9),
        heading: cell.clone().set_bold(),
        centred: cell.clone().set_align(FormatAlign::Center),
        cell,
    }
}

pub fn to_bytes(table: &Table, today: Date) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let day = ExcelDateTime::from_ymd(today.year() as u16, today.month() as u8, today.day() as u8)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(&table.title)
            .set_creation_datetime(&day),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Danh mục TTHC")?;
    let f = formats();
    let last = (table.columns.len() - 1) as u16;
    sheet.merge_range(0, 0, 0, last, &table.title, &f.title)?;
    sheet.merge_range(1, 0, 1, last, &table.subtitle, &f.subtitle)?;
    for (col, (name, width)) in table.columns.iter().zip(WIDTHS).enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col as u16, *name, &f.header)?;
        sheet.set_column_width(col as u16, width)?;
    }
    // Two lines: the longer headings wrap.
    sheet.set_row_height(HEADER_ROW, 2.0 * LINE_PT + PAD_PT)?;
    for (i, row) in table.rows.iter().enumerate() {
        let r = HEADER_ROW + 1 + i as u32;
        match row {
            Row::Heading(h) => {
                sheet.merge_range(r, 0, r, last, h, &f.heading)?;
            }
            Row::Procedure(cells) => {
                for (col, text) in cells.iter().enumerate() {
                    let fmt = if col == 0 { &f.centred } else { &f.cell };
                    sheet.write_string_with_format(r, col as u16, text, fmt)?;
                }
                sheet.set_row_height(r, row_height(cells))?;
            }
        }
    }
    page_setup(sheet)?;
    book.save_to_buffer()
}

/// Points per line of 12 pt text, and the cell's padding.
const LINE_PT: f64 = 15.0;
const PAD_PT: f64 = 4.0;

/// The height a row needs to show every line of its cells. Neither Excel
/// nor LibreOffice fits a row to wrapped text written by a program (the
/// row keeps one line's height and the text runs over the next), so the
/// lines are counted here: each cell wrapped word by word at its column's
/// width, the tallest cell taken. A column `w` characters wide holds 1.2 to
/// 1.3 × `w` letters of 12 pt Times New Roman (measured in LibreOffice's
/// print); 1.15 × `w` errs on the tall side.
fn row_height(cells: &[String]) -> f64 {
    let lines = cells
        .iter()
        .zip(WIDTHS)
        .map(|(text, w)| wrapped_lines(text, (w * 1.15) as usize))
        .max()
        .unwrap_or(1);
    lines as f64 * LINE_PT + PAD_PT
}

/// Lines `text` takes when wrapped at `width` characters, each explicit
/// line break starting a new line.
fn wrapped_lines(text: &str, width: usize) -> usize {
    let width = width.max(1);
    text.split('\n')
        .map(|para| {
            let (mut lines, mut used) = (1, 0);
            for word in para.split_whitespace() {
                let n = word.chars().count();
                let need = if used == 0 { n } else { used + 1 + n };
                if need <= width {
                    used = need;
                } else {
                    // A word longer than the column is broken across lines.
                    lines += usize::from(used > 0) + (n.saturating_sub(1)) / width;
                    used = (n - 1) % width + 1;
                }
            }
            lines
        })
        .sum()
}

/// Frozen header, printed A4 landscape, as wide as the page, the header
/// repeated on each sheet of paper.
fn page_setup(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_paper_size(A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::wrapped_lines;

    #[test]
    fn lines_are_counted_as_a_cell_wraps_them() {
        assert_eq!(wrapped_lines("", 10), 1);
        assert_eq!(wrapped_lines("Đăng ký khai sinh", 20), 1);
        assert_eq!(wrapped_lines("Đăng ký khai sinh", 10), 2);
        assert_eq!(wrapped_lines("một\nhai\nba", 40), 3);
        assert_eq!(wrapped_lines("123456789012345", 10), 2);
    }
}
