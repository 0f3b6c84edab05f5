//! The build's record of its output, `.niemyet-build` inside it: for each
//! output (a render key, named by its `Debug` text), the digest of what it
//! was made from and its files with their size and modification time.
//! Written into the staging folder last, it is swapped in with the files
//! it describes, so it can never describe another tree; a build killed
//! before the swap leaves the previous output with its own record.
//!
//! The next build keeps the files of an output whose digest is unchanged
//! (`crate::incremental`), hard-linked from the previous output, and
//! makes the rest. Anything doubtful means a full build: a record that
//! is missing, unreadable, of another format or another program, or a
//! file whose size differs from the record (edited by hand).

use serde::{Deserialize, Serialize};
use std::path::Path;

/// The record's file name, inside the output.
pub const MANIFEST: &str = ".niemyet-build";

/// Bumped whenever the record's meaning changes.
pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub format: u32,
    /// The program that wrote it (version and executable identity): a new
    /// program may make other bytes from the same inputs.
    pub program: String,
    pub outputs: Vec<OutputRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct OutputRecord {
    /// The render key, as `Debug` prints it.
    pub key: String,
    pub digest: u64,
    pub files: Vec<FileRecord>,
    /// A poster that needed too many sheets: how many (its warning is
    /// said again when the poster is kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheets: Option<usize>,
}

/// One file as written: its path in the output and its size. (No time:
/// two builds of the same content write the same record, byte for byte,
/// like every other file.)
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileRecord {
    pub path: String,
    pub len: u64,
}

/// The record of the output folder `dir`, when there is one this program
/// can read.
pub fn read(dir: &Path) -> Option<Manifest> {
    let bytes = std::fs::read(dir.join(MANIFEST)).ok()?;
    let m: Manifest = serde_json::from_slice(&bytes).ok()?;
    (m.format == FORMAT).then_some(m)
}

/// The record as written.
pub fn to_bytes(m: &Manifest) -> Vec<u8> {
    // Plain strings and numbers: serialising cannot fail.
    serde_json::to_vec(m).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_of_another_format_or_garbage_is_no_record() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()), None);
        let m = Manifest {
            format: FORMAT,
            program: "x".into(),
            outputs: vec![OutputRecord {
                key: "Home".into(),
                digest: 7,
                files: vec![FileRecord {
                    path: "index.html".into(),
                    len: 3,
                }],
                sheets: None,
            }],
        };
        std::fs::write(dir.path().join(MANIFEST), to_bytes(&m)).unwrap();
        assert_eq!(read(dir.path()), Some(m.clone()));
        let other = Manifest { format: 0, ..m };
        std::fs::write(dir.path().join(MANIFEST), to_bytes(&other)).unwrap();
        assert_eq!(read(dir.path()), None);
        std::fs::write(dir.path().join(MANIFEST), b"{\"format\": 1,").unwrap();
        assert_eq!(read(dir.path()), None);
    }
}
