//! Incremental builds: which outputs of the previous build a build may
//! keep, and the record it leaves for the next one.
//!
//! Every output (a render key) has a digest of what it is made from
//! ([`Renderer::input_digests`]); the previous output's record
//! ([`crate::output::manifest`]) holds the digest each of its outputs had
//! and its files. An output whose digest is unchanged, made by the same
//! program, is kept: its files are hard-linked from the previous output
//! into the staging folder; every other output is made. The result is the
//! files a full build writes, byte for byte (`tests/incremental.rs`), and
//! the staging folder is swapped in as always. No record, another format or
//! another program: every output is made.

use crate::output::manifest::{Manifest, OutputRecord, FORMAT};
use crate::output::FileRecord;
use crate::render::{kiosk, urls, Digest, OutputKey, ProcedureId, Renderer};
use std::collections::HashMap;

/// What this program is, for the record: its version and the size and
/// time of its executable (a rebuilt niemyet of the same version may make
/// other bytes from the same inputs). None when the executable cannot be
/// found: then nothing is kept, and no record is written.
pub fn program() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta.modified().ok()?;
    let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(format!(
        "niemyet {} {} {}",
        env!("CARGO_PKG_VERSION"),
        meta.len(),
        since.as_nanos()
    ))
}

/// Which outputs to make and which to keep.
pub struct Plan {
    /// Positions in the keys of the outputs to make.
    pub make: Vec<usize>,
    /// The outputs to keep: position, files in the previous output, and a
    /// long poster's sheets (its warning is said again).
    pub keep: Vec<Kept>,
}

pub struct Kept {
    pub key: usize,
    pub files: Vec<FileRecord>,
    pub sheets: Option<usize>,
}

/// Compares the digests of `keys` with the previous record: an output of
/// the same key and digest, written by this `program`, is kept.
pub fn plan(
    previous: Option<Manifest>,
    program: Option<&str>,
    keys: &[OutputKey],
    digests: &[Digest],
) -> Plan {
    let usable = previous.filter(|m| program.is_some_and(|p| m.program == p));
    let Some(previous) = usable else {
        return Plan {
            make: (0..keys.len()).collect(),
            keep: Vec::new(),
        };
    };
    let mut old: HashMap<String, OutputRecord> = previous
        .outputs
        .into_iter()
        .map(|o| (o.key.clone(), o))
        .collect();
    let mut plan = Plan {
        make: Vec::new(),
        keep: Vec::new(),
    };
    for (i, (key, digest)) in keys.iter().zip(digests).enumerate() {
        match old.remove(&format!("{key:?}")) {
            Some(o) if o.digest == digest.0 => plan.keep.push(Kept {
                key: i,
                files: o.files,
                sheets: o.sheets,
            }),
            _ => plan.make.push(i),
        }
    }
    plan
}

/// The record of a build whose outputs are `keys` and whose files are
/// `files`; None when a file belongs to no key (then the next build makes
/// everything, rather than trust a record that does not say all).
pub fn record(
    program: Option<String>,
    keys: &[OutputKey],
    digests: &[Digest],
    files: Vec<FileRecord>,
    long_posters: &[(ProcedureId, usize)],
) -> Option<Manifest> {
    let program = program?;
    let owners = Owners::new(keys);
    let mut by_key: Vec<Vec<FileRecord>> = vec![Vec::new(); keys.len()];
    for f in files {
        by_key[owners.owner(&f.path)?].push(f);
    }
    let sheets: HashMap<&ProcedureId, usize> =
        long_posters.iter().map(|(id, n)| (id, *n)).collect();
    let outputs = keys
        .iter()
        .zip(digests)
        .zip(by_key)
        .map(|((key, digest), mut files)| {
            files.sort_by(|a, b| a.path.cmp(&b.path));
            let sheets = match key {
                OutputKey::Poster(id) => sheets.get(id).copied(),
                _ => None,
            };
            OutputRecord {
                key: format!("{key:?}"),
                digest: digest.0,
                files,
                sheets,
            }
        })
        .collect();
    Some(Manifest {
        format: FORMAT,
        program,
        outputs,
    })
}

/// Which key a file belongs to ([`OutputKey::owns`], found without asking
/// every key).
struct Owners<'k> {
    keys: &'k [OutputKey],
    /// Keys of one known file, by its path.
    exact: HashMap<String, usize>,
    /// A procedure's attachments, by the folder they go in.
    folders: HashMap<String, usize>,
    /// A field's kiosk data, by the field's slug.
    kiosk: HashMap<String, usize>,
    /// Keys of many files under a folder (assets, search).
    trees: Vec<usize>,
}

impl<'k> Owners<'k> {
    fn new(keys: &'k [OutputKey]) -> Owners<'k> {
        let mut owners = Owners {
            keys,
            exact: HashMap::new(),
            folders: HashMap::new(),
            kiosk: HashMap::new(),
            trees: Vec::new(),
        };
        for (i, key) in keys.iter().enumerate() {
            match (key.path(), key) {
                (Some(path), _) => {
                    owners.exact.insert(path, i);
                }
                (None, OutputKey::Attachments(id)) => {
                    owners
                        .folders
                        .insert(urls::procedure_dir_at(&id.field, &id.slug), i);
                }
                (None, OutputKey::KioskData(field)) => {
                    owners.kiosk.insert(field.clone(), i);
                }
                (None, _) => owners.trees.push(i),
            }
        }
        owners
    }

    fn owner(&self, path: &str) -> Option<usize> {
        if let Some(&i) = self.exact.get(path) {
            return Some(i);
        }
        if let Some(&i) = kiosk::data_field(path).and_then(|f| self.kiosk.get(f)) {
            return Some(i);
        }
        if let Some(&i) = self.trees.iter().find(|&&i| self.keys[i].owns(path)) {
            return Some(i);
        }
        let folder = &path[..=path.rfind('/')?];
        let &i = self.folders.get(folder)?;
        self.keys[i].owns(path).then_some(i)
    }
}

/// Says again the warnings of the posters kept (a poster that needs too
/// many sheets is said on every build, kept or made).
pub fn say_kept_warnings(r: &Renderer, keys: &[OutputKey], kept: &[Kept]) {
    for k in kept {
        if let (OutputKey::Poster(id), Some(sheets)) = (&keys[k.key], k.sheets) {
            r.long_poster(id, sheets);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(slug: &str) -> ProcedureId {
        ProcedureId {
            field: "ho-tich".into(),
            slug: slug.into(),
        }
    }

    #[test]
    fn each_file_has_its_owner_and_a_stranger_spoils_the_record() {
        let keys = vec![
            OutputKey::Home,
            OutputKey::Procedure(id("a")),
            OutputKey::Attachments(id("a")),
            OutputKey::Assets,
            OutputKey::SearchIndex,
        ];
        let digests: Vec<Digest> = (0..keys.len() as u64).map(Digest).collect();
        let file = |p: &str| FileRecord {
            path: p.into(),
            len: 1,
        };
        let page = urls::procedure_at("ho-tich", "a");
        let form = format!("{}to-khai.pdf", urls::procedure_dir_at("ho-tich", "a"));
        let files = vec![
            file(&form),
            file("index.html"),
            file(&page),
            file(&format!("{}style.css", urls::ASSETS)),
        ];
        let m = record(Some("p".into()), &keys, &digests, files.clone(), &[]).unwrap();
        let paths: Vec<Vec<&str>> = m
            .outputs
            .iter()
            .map(|o| o.files.iter().map(|f| f.path.as_str()).collect())
            .collect();
        assert_eq!(paths[0], ["index.html"]);
        assert_eq!(paths[1], [page.as_str()]);
        assert_eq!(paths[2], [form.as_str()]);
        assert_eq!(paths[4], Vec::<&str>::new());
        let mut strange = files;
        strange.push(file("lạ/x.html"));
        assert!(record(Some("p".into()), &keys, &digests, strange, &[]).is_none());
        assert!(record(None, &keys, &digests, Vec::new(), &[]).is_none());
    }

    #[test]
    fn only_the_same_key_digest_and_program_are_kept() {
        let keys = vec![OutputKey::Home, OutputKey::Contact, OutputKey::Search];
        let digests = vec![Digest(1), Digest(2), Digest(3)];
        let m = record(Some("p".into()), &keys, &digests, Vec::new(), &[]).unwrap();
        let changed = vec![Digest(1), Digest(9), Digest(3)];
        let plan = plan(Some(m.clone()), Some("p"), &keys, &changed);
        assert_eq!(plan.make, [1]);
        assert_eq!(plan.keep.iter().map(|k| k.key).collect::<Vec<_>>(), [0, 2]);
        let other = super::plan(Some(m), Some("q"), &keys, &digests);
        assert_eq!(other.make, [0, 1, 2]);
        assert_eq!(
            super::plan(None, Some("p"), &keys, &digests).make,
            [0, 1, 2]
        );
    }
}
