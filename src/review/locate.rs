//! Where each fact of a procedure is written in its file, so that a
//! difference points at the line the clerk must change. The typed
//! catalogue keeps no positions; the file is read again (only for a
//! procedure with something to report) and its raw front matter, whose
//! items keep their order in the typed lists, gives them.

use crate::diag::{Diagnostic, Location, Source};
use crate::load::raw::{locate, RawProcedure, Slot, Spanned};
use crate::load::{decode, parse_bytes};
use crate::model::Procedure;
use std::path::Path;

pub struct Places {
    src: Option<Source>,
    raw: Option<RawProcedure>,
}

/// What a place is asked for.
#[derive(Debug, Clone, Copy)]
pub enum Fact {
    Code,
    Title,
    Deadline,
    Fees,
    Fee(usize),
    Documents,
    Document(usize),
    LegalBasis,
    Legal(usize),
    Updated,
    Repealed,
}

impl Places {
    /// Reads `p`'s file again. A file that cannot be read now (it passed
    /// check a moment ago) gives no places: messages then name the file only.
    pub fn read(root: &Path, p: &Procedure) -> Places {
        let bytes = match decode::read_limited(&root.join(&p.source)) {
            Ok(Ok(b)) => b,
            _ => return Places::none(),
        };
        let mut ignored: Vec<Diagnostic> = Vec::new();
        match parse_bytes::<RawProcedure>(&bytes, &p.source, true, &mut ignored) {
            Ok(doc) => Places {
                raw: doc.raw.ok(),
                src: Some(doc.source),
            },
            Err(_) => Places::none(),
        }
    }

    fn none() -> Places {
        Places {
            src: None,
            raw: None,
        }
    }

    /// Where `fact` is written; a list item falls back to its list, a
    /// missing key to the procedure's title.
    pub fn of(&self, fact: Fact) -> Option<Location> {
        let (src, raw) = (self.src.as_ref()?, self.raw.as_ref()?);
        let at = |l: &serde_saphyr::Location| locate(src, l);
        let found = match fact {
            Fact::Code => slot(&raw.code, &at),
            Fact::Title => slot(&raw.title, &at),
            Fact::Deadline => raw.deadline.value().and_then(|d| {
                let v = &d.value;
                [&v.working_days, &v.calendar_days, &v.hours]
                    .into_iter()
                    .find_map(|s| slot(s, &at))
                    .or_else(|| at(&d.referenced))
            }),
            Fact::Fees => slot(&raw.fees, &at),
            Fact::Fee(i) => item(&raw.fees, i, &at).or_else(|| self.of(Fact::Fees)),
            Fact::Documents => slot(&raw.documents, &at),
            Fact::Document(i) => item(&raw.documents, i, &at).or_else(|| self.of(Fact::Documents)),
            Fact::LegalBasis => slot(&raw.legal_basis, &at),
            Fact::Legal(i) => item(&raw.legal_basis, i, &at).or_else(|| self.of(Fact::LegalBasis)),
            Fact::Updated => slot(&raw.updated, &at),
            Fact::Repealed => slot(&raw.repealed, &at).or_else(|| slot(&raw.code, &at)),
        };
        found.or_else(|| match fact {
            Fact::Title => Some(src.locate_line(1)),
            _ => self.of(Fact::Title),
        })
    }
}

/// Where a key's value is (its first line for a list), or where it was
/// left empty; nothing when it is absent.
fn slot<T>(
    slot: &Slot<T>,
    at: &impl Fn(&serde_saphyr::Location) -> Option<Location>,
) -> Option<Location> {
    match slot {
        Slot::Value(v) => at(&v.referenced),
        Slot::Empty(l) => at(l),
        Slot::Absent => None,
    }
}

fn item<T>(
    slot: &Slot<Vec<Spanned<T>>>,
    i: usize,
    at: &impl Fn(&serde_saphyr::Location) -> Option<Location>,
) -> Option<Location> {
    slot.value()?.value.get(i).and_then(|v| at(&v.referenced))
}
