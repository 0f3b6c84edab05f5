//! The check's cache, `.niemyet-check` beside the build's record in the
//! output: what checking each procedure file gave (its procedure, its
//! diagnostics, its code), under a digest of everything that check read —
//! the file's bytes, where it is, its folder's entries (what `form:` and
//! `sample:` are checked against), the day (date rules) and the program.
//! A file whose digest is in the cache is not decoded, parsed or validated
//! again; the rules across files ([`super::Checked`]'s `finish`) run on the
//! whole site every time, cached or not.
//!
//! Nothing doubtful is used: a cache of another format or program, or one
//! whose entry's checksum does not match its bytes or whose bytes do not
//! decode, counts as absent for that entry (the file is checked again). A
//! cache is written by `build` only, into the staging folder with the
//! record, and swapped in with the output it was made beside.

use crate::diag::Diagnostic;
use crate::load::FileEntry;
use crate::model::{CodeUse, Date, Procedure};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// The cache's file name, inside the output.
pub const CACHE: &str = ".niemyet-check";

/// The first bytes of the file, with the format's number: bumped whenever
/// what is stored changes.
const MAGIC: &[u8; 8] = b"nmcheck2";

/// What checking one procedure file gave, as stored.
#[derive(Serialize)]
struct Stored<'a> {
    procedure: Option<&'a Procedure>,
    diagnostics: &'a [Diagnostic],
    code: Option<&'a CodeUse>,
}

/// [`Stored`], read back: what checking one procedure file gave.
#[derive(Deserialize)]
pub struct Cached {
    pub procedure: Option<Procedure>,
    pub diagnostics: Vec<Diagnostic>,
    pub code: Option<CodeUse>,
}

/// The previous build's cache, read whole; entries are found by digest.
#[derive(Default)]
pub struct Cache {
    bytes: Vec<u8>,
    /// Each entry's checksum and where its bytes are, by digest.
    entries: HashMap<u64, (u64, Range<usize>)>,
}

impl Cache {
    /// The cache in output folder `out`, when there is one of this format
    /// and `program`; an empty one otherwise.
    pub fn read(out: &Path, program: &str) -> Cache {
        std::fs::read(out.join(CACHE))
            .ok()
            .and_then(|bytes| Cache::parse(bytes, program))
            .unwrap_or_default()
    }

    /// The entries of `bytes`; None for another format or program, or a
    /// file cut short.
    fn parse(bytes: Vec<u8>, program: &str) -> Option<Cache> {
        let mut at = Reader {
            bytes: &bytes,
            at: 0,
        };
        if at.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let len = at.u32()? as usize;
        if at.take(len)? != program.as_bytes() {
            return None;
        }
        let mut entries = HashMap::new();
        while at.at < bytes.len() {
            let key = at.u64()?;
            let sum = at.u64()?;
            let len = at.u32()? as usize;
            let start = at.at;
            at.take(len)?;
            entries.insert(key, (sum, start..at.at));
        }
        Some(Cache { bytes, entries })
    }

    /// The stored result of the check whose digest is `key`, when there is
    /// one whose bytes are intact.
    pub fn get(&self, key: u64) -> Option<Cached> {
        let (sum, range) = self.entries.get(&key)?;
        let bytes = self.bytes.get(range.clone())?;
        if checksum(bytes) != *sum {
            return None;
        }
        postcard::from_bytes(bytes).ok()
    }
}

/// Reads the cache's framing, never past its end.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let end = self.at.checked_add(n)?;
        let part = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(part)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

/// The digest of what checking a procedure file reads: `program`, `today`,
/// the file's entry (its kind, place and its folder's entries) and its
/// bytes.
pub fn key(program: &str, today: Date, entry: &FileEntry, bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    program.hash(&mut h);
    today.hash(&mut h);
    entry.kind.hash(&mut h);
    entry.abs.hash(&mut h);
    entry.rel.hash(&mut h);
    entry.attachments.hash(&mut h);
    bytes.hash(&mut h);
    h.finish()
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

/// One entry of the next cache: its digest and what the check gave.
pub struct Owned {
    pub key: u64,
    /// Shared with the site the check made.
    pub procedure: Option<Arc<Procedure>>,
    pub diagnostics: Vec<Diagnostic>,
    pub code: Option<CodeUse>,
}

/// The next cache, kept from the check until the build writes it beside
/// its output ([`super::Checked::for_cache`]).
pub struct Pending(pub Vec<Owned>);

impl Pending {
    /// Writes the cache made by `program` to `w`. An entry that cannot be
    /// stored (a path that is not UTF-8) is left out: that file is checked
    /// again next time.
    pub fn write(&self, w: &mut dyn Write, program: &str) -> std::io::Result<()> {
        w.write_all(MAGIC)?;
        w.write_all(&(program.len() as u32).to_le_bytes())?;
        w.write_all(program.as_bytes())?;
        let mut buf = Vec::new();
        for e in &self.0 {
            buf.clear();
            let stored = Stored {
                procedure: e.procedure.as_deref(),
                diagnostics: &e.diagnostics,
                code: e.code.as_ref(),
            };
            buf = match postcard::to_extend(&stored, std::mem::take(&mut buf)) {
                Ok(bytes) => bytes,
                Err(_) => continue,
            };
            let Ok(len) = u32::try_from(buf.len()) else {
                continue;
            };
            w.write_all(&e.key.to_le_bytes())?;
            w.write_all(&checksum(&buf).to_le_bytes())?;
            w.write_all(&len.to_le_bytes())?;
            w.write_all(&buf)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(program: &str, entries: Vec<(u64, &[Diagnostic])>) -> Vec<u8> {
        let pending = Pending(
            entries
                .into_iter()
                .map(|(key, d)| Owned {
                    key,
                    procedure: None,
                    diagnostics: d.to_vec(),
                    code: None,
                })
                .collect(),
        );
        let mut out = Vec::new();
        pending.write(&mut out, program).unwrap();
        out
    }

    fn warning(text: &str) -> Diagnostic {
        Diagnostic::warning(
            crate::diag::Rule::Placeholder,
            "content/ho-tich/a.md",
            crate::lang::Text::new(text, text),
        )
    }

    #[test]
    fn an_entry_comes_back_as_stored_and_a_damaged_one_not_at_all() {
        let d = [warning("một"), warning("hai")];
        let bytes = written("p", vec![(7, &d), (9, &d[1..])]);
        let cache = Cache::parse(bytes.clone(), "p").unwrap();
        assert_eq!(cache.get(7).unwrap().diagnostics, d);
        assert_eq!(cache.get(9).unwrap().diagnostics, d[1..]);
        assert!(cache.get(8).is_none());
        assert!(Cache::parse(bytes.clone(), "q").is_none());
        // One byte of the first entry's text changed: its checksum fails,
        // the other entry is still good.
        let mut damaged = bytes.clone();
        let text = "một".as_bytes();
        let at = damaged.windows(text.len()).position(|w| w == text).unwrap();
        damaged[at] = b'x';
        let cache = Cache::parse(damaged, "p").unwrap();
        assert!(cache.get(7).is_none());
        assert!(cache.get(9).is_some());
        // Cut short: nothing.
        assert!(Cache::parse(bytes[..bytes.len() - 1].to_vec(), "p").is_none());
    }
}
