//! Problems found in a site are values: a [`Diagnostic`] carries its file, its
//! place in that file (as the clerk sees it: line and column of the real file,
//! not of the YAML block), a message and a hint in both languages. They are
//! collected through the whole run and printed together by [`report`].

mod report;
mod rule;
mod source;

pub use report::{render, render_shown, summary_counts, Shown, Style, WARNINGS_PER_RULE};
pub use rule::Rule;
pub use source::Source;

use crate::lang::Text;
use std::path::PathBuf;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file: 1-based line and column (in characters), the width of the
/// thing pointed at, and the text of that line for the caret display.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub width: usize,
    pub line_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The rule broken; its stable code (`unknown-key`) is printed with
    /// every message and listed in the clerk guides.
    pub code: Rule,
    /// Path relative to the site root, with `/` separators (`content/ho-tich/x.md`).
    pub file: PathBuf,
    pub location: Option<Location>,
    pub message: Text,
    pub hint: Option<Text>,
    /// A second place that explains this one (e.g. where a duplicate code first appeared).
    pub related: Option<(PathBuf, Option<Location>, Text)>,
}

impl Diagnostic {
    pub fn error(code: Rule, file: impl Into<PathBuf>, message: Text) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.into(),
            location: None,
            message,
            hint: None,
            related: None,
        }
    }

    pub fn warning(code: Rule, file: impl Into<PathBuf>, message: Text) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    pub fn at(mut self, location: Option<Location>) -> Diagnostic {
        self.location = location;
        self
    }

    pub fn hint(mut self, hint: Text) -> Diagnostic {
        self.hint = Some(hint);
        self
    }

    pub fn maybe_hint(mut self, hint: Option<Text>) -> Diagnostic {
        self.hint = hint;
        self
    }

    pub fn related(mut self, file: PathBuf, location: Option<Location>, note: Text) -> Diagnostic {
        self.related = Some((file, location, note));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Proof that an error about a file was recorded. The only way to make one
/// is [`Reported::push`], which records an error, so a reader or validator
/// that gives no value (`Err(Reported)`) has always said why: a file can
/// never drop out of the catalogue in silence. (An empty `copies:` once did:
/// the count gave `None` with no message, the procedure vanished from the
/// site and `check` said OK.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported(());

impl Reported {
    /// Records `d` as an error (whatever severity it was made with).
    pub fn push(diags: &mut Vec<Diagnostic>, mut d: Diagnostic) -> Reported {
        d.severity = Severity::Error;
        diags.push(d);
        Reported(())
    }
}

/// What a reader or validator gives: the value, or the proof that an error
/// says why there is none.
pub type Checked<T> = Result<T, Reported>;

/// Diagnostics in the order they are printed: errors first, then warnings, each
/// by file and line, so that output is stable whatever the walk order.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        let line = |d: &Diagnostic| d.location.as_ref().map_or(0, |l| l.line);
        let col = |d: &Diagnostic| d.location.as_ref().map_or(0, |l| l.column);
        (a.severity, &a.file, line(a), col(a), a.code).cmp(&(
            b.severity,
            &b.file,
            line(b),
            col(b),
            b.code,
        ))
    });
}
