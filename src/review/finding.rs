//! One thing `review` found: a difference between the site and the records
//! (the run exits 1), or a note (a deadline the ward shortened on
//! purpose). Printed as a located [`Diagnostic`] and listed in the biên bản.

use super::upstream::Origin;
use crate::diag::{Diagnostic, Location};
use crate::lang::Text;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule code (`review-deadline`), as in `check`.
    pub rule: crate::diag::Rule,
    /// A note, not a difference: printed as a warning, never exit 1.
    pub note: bool,
    pub code: Option<String>,
    /// The procedure's name on the site, or the record's when the site has
    /// no such procedure.
    pub name: String,
    /// What differs: `Thời hạn giải quyết`.
    pub what: Text,
    /// The value on the site and in the records, as people write them
    /// (empty when one side has none).
    pub site: String,
    pub record: String,
    /// The site's file and the value's place in it, or the record's when
    /// the site has nothing to point at.
    pub file: PathBuf,
    pub at: Option<Location>,
    /// The record this comes from.
    pub origin: Origin,
    pub message: Text,
    pub hint: Text,
}

impl Finding {
    pub fn to_diagnostic(&self) -> Diagnostic {
        let d = if self.note {
            Diagnostic::warning(self.rule, self.file.clone(), self.message.clone())
        } else {
            Diagnostic::error(self.rule, self.file.clone(), self.message.clone())
        };
        let d = d.at(self.at.clone()).hint(self.hint.clone());
        if self.origin.file == self.file {
            return d;
        }
        let record = match &self.code {
            Some(c) => Text::new(format!("bản ghi {c}"), format!("the record {c}")),
            None => Text::new("bản ghi", "the record"),
        };
        d.related(self.origin.file.clone(), self.origin.at.clone(), record)
    }
}
