//! `niemyet export`: check → the catalogue's table ([`table`]) → CSV
//! ([`csv`]) or XLSX ([`xlsx`]) → one file, written whole
//! ([`crate::atomic`]) and never over an existing one unless `--force`.

pub mod csv;
pub mod table;
pub mod xlsx;

use crate::atomic::{self, Existing, WriteError};
use crate::build::{inside, shown};
use crate::check::{check_site, CheckOptions};
use crate::diag::Rule;
use crate::diag::{self, Diagnostic};
use crate::lang::Lang;
use crate::model::Date;
use crate::t;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub today: Date,
    pub lang: Option<Lang>,
    pub format: Format,
    pub out: PathBuf,
    /// Replace the file if it exists.
    pub force: bool,
}

#[derive(Debug)]
pub struct Exported {
    pub out: PathBuf,
    pub procedures: usize,
    pub fields: usize,
}

#[derive(Debug)]
pub struct ExportOutcome {
    pub diagnostics: Vec<Diagnostic>,
    pub lang: Lang,
    pub exported: Option<Exported>,
    /// 0 written, 1 the content has errors, 2 the file could not be written.
    pub code: u8,
}

pub fn export(root: &Path, opts: &ExportOptions) -> ExportOutcome {
    let checked = check_site(
        root,
        CheckOptions {
            today: opts.today,
            lang: opts.lang,
        },
    );
    let mut outcome = ExportOutcome {
        diagnostics: checked.diagnostics,
        lang: checked.lang,
        exported: None,
        code: 1,
    };
    let Some(site) = checked.site else {
        return outcome;
    };
    if inside(&opts.out, &root.join("content")) {
        outcome.diagnostics.push(out_in_content(&opts.out));
        outcome.code = 2;
        return outcome;
    }
    let table = table::table(&site, opts.today);
    let bytes = match opts.format {
        Format::Csv => csv::to_bytes(&table).map_err(|e| e.to_string()),
        Format::Xlsx => xlsx::to_bytes(&table, opts.today).map_err(|e| e.to_string()),
    };
    let written = bytes.map_err(|e| WriteError::Io(std::io::Error::other(e)));
    let existing = if opts.force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    match written.and_then(|b| atomic::write(&opts.out, &b, existing)) {
        Ok(()) => {
            let groups = table.rows.len() - table.procedures;
            outcome.exported = Some(Exported {
                out: shown(&opts.out),
                procedures: table.procedures,
                fields: groups,
            });
            outcome.code = 0;
        }
        Err(e) => {
            outcome.diagnostics.push(write_problem(&opts.out, e));
            diag::sort(&mut outcome.diagnostics);
            outcome.code = 2;
        }
    }
    outcome
}

fn out_in_content(out: &Path) -> Diagnostic {
    Diagnostic::error(
        Rule::OutInContent,
        shown(out),
        t!(
            "tệp xuất nằm trong content/: lần kiểm tra sau sẽ đọc nhầm nó như nội dung",
            "the exported file is inside content/: the next check would read it as content"
        ),
    )
    .hint(t!(
        "ghi ra ngoài content/, ví dụ --xlsx danh-muc.xlsx",
        "write it outside content/, e.g. --xlsx danh-muc.xlsx"
    ))
}

/// What went wrong writing `out`, said for a person who can act on it.
pub fn write_problem(out: &Path, e: WriteError) -> Diagnostic {
    let file = shown(out);
    match e {
        WriteError::Exists => Diagnostic::error(
            Rule::OutExists,
            file,
            t!(
                "tệp này đã có; niemyet không ghi đè lên tệp đã có",
                "this file exists already; niemyet does not write over an existing file"
            ),
        )
        .hint(t!(
            "đặt tên khác (ví dụ thêm ngày: danh-muc-2026-12-20.xlsx), hoặc thêm --force để thay tệp cũ",
            "choose another name (e.g. with the date: danh-muc-2026-12-20.xlsx), or add --force to replace it"
        )),
        WriteError::NotAFile => Diagnostic::error(
            Rule::OutNotFile,
            file,
            t!(
                "đây là một thư mục hoặc liên kết, không phải tệp",
                "this is a folder or a link, not a file"
            ),
        )
        .hint(t!(
            "ghi ra một tên tệp, ví dụ --xlsx danh-muc.xlsx",
            "name a file, e.g. --xlsx danh-muc.xlsx"
        )),
        WriteError::Io(e) => Diagnostic::error(
            Rule::Io,
            file,
            t!("không ghi được tệp: {e}", "cannot write the file: {e}"),
        )
        .hint(t!(
            "kiểm tra thư mục có tồn tại và được phép ghi, tệp không đang mở trong Excel, đĩa còn chỗ",
            "check that the folder exists and is writable, the file is not open in Excel, and the disk has room"
        )),
    }
}
