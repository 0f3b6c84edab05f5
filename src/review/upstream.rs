//! A procedure as the national database or a provincial table records it,
//! reduced to what `review` compares. `niemyet import` reads the files
//! (JSON detail records, CSV/XLSX tables); [`from_import`](super::source)
//! turns what it reads into these values, so the comparison knows nothing
//! of file formats and is tested on values made by hand.

use crate::diag::Location;
use crate::model::{Date, DeadlineMeasure};
use std::path::PathBuf;

/// Where a record is: the file named with `--against` and, when the reader
/// knows it, the place of the record (its code) in that file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: PathBuf,
    pub at: Option<Location>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    pub origin: Origin,
    /// `1.001193`; `None` in a table without a code column.
    pub code: Option<String>,
    pub name: String,
    /// Done at commune level (`isWard`, or a table of commune procedures):
    /// a ward is expected to post it.
    pub commune: bool,
    /// Repealed upstream (a provincial repeal table's row, or a record
    /// given with one; a record alone never says it), and since when
    /// when that is known.
    pub repealed: Option<Repeal>,
    /// Each channel's deadline that is a plain measure, without repeats;
    /// empty when the record gives none that can be compared (`OTHER`, 0,
    /// only text).
    pub deadlines: Vec<DeadlineMeasure>,
    /// The first line of each deadline cell of a table, as written: a page
    /// whose deadline is in words (`deadline.text`, "Trong 12 giờ kể từ khi
    /// nhận được đề nghị") agrees with a cell that starts with those words,
    /// whatever number [`deadlines`](Self::deadlines) reads from them.
    pub deadline_words: Vec<String>,
    /// Fee amounts in whole đồng; `None` when the record has no figure to
    /// compare (a 0 that stands for "set by the provincial council", text
    /// only).
    pub fees: Option<Vec<u64>>,
    /// The documents' names as recorded; `None` when the source has none
    /// (a provincial table has no document column).
    pub documents: Option<Vec<String>>,
    /// The legal texts' numbers (`123/2015/NĐ-CP`) or, failing that, their
    /// names as recorded; `None` when the source has none.
    pub legal_basis: Option<Vec<String>>,
    /// The record's last update, as a day in Vietnam (`updatedAt`).
    pub updated: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeal {
    pub since: Option<Date>,
}

impl Upstream {
    /// A record with nothing but a code and a name, the rest unknown (not
    /// compared) until the reader fills it in.
    pub fn new(file: impl Into<PathBuf>, code: Option<&str>, name: &str) -> Upstream {
        Upstream {
            origin: Origin {
                file: file.into(),
                at: None,
            },
            code: code.map(str::to_string),
            name: name.to_string(),
            commune: true,
            repealed: None,
            deadlines: Vec::new(),
            deadline_words: Vec::new(),
            fees: None,
            documents: None,
            legal_basis: None,
            updated: None,
        }
    }
}
