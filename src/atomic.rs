//! One file written whole or not at all: the bytes go to a temporary file
//! beside the target, are flushed to disk, then take the target's name in
//! one step. A reader (Excel opening the table, a browser opening the biên
//! bản) never sees half a file, and a failed write leaves the old file as
//! it was. Used by `niemyet export` and `niemyet review`.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What to do when the target exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse: [`WriteError::Exists`] (the default of `niemyet export`).
    Keep,
    /// Replace it (`--force`).
    Replace,
    /// Replace it only when its first 4 KiB hold this text: a file the
    /// program wrote itself (a biên bản from an earlier review), never a
    /// file someone else put there.
    ReplaceIfMarked(&'static str),
}

#[derive(Debug)]
pub enum WriteError {
    /// The target exists and may not be replaced.
    Exists,
    /// The target is a folder, a link or a special file: never replaced.
    NotAFile,
    Io(io::Error),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> WriteError {
        WriteError::Io(e)
    }
}

/// Writes `bytes` to `path` as one step; see [`Existing`].
pub fn write(path: &Path, bytes: &[u8], existing: Existing) -> Result<(), WriteError> {
    let replace = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(e.into()),
        Ok(m) if !m.file_type().is_file() => return Err(WriteError::NotAFile),
        Ok(_) => match existing {
            Existing::Keep => return Err(WriteError::Exists),
            Existing::Replace => true,
            Existing::ReplaceIfMarked(mark) if holds(path, mark)? => true,
            Existing::ReplaceIfMarked(_) => return Err(WriteError::Exists),
        },
    };
    let tmp = temp_name(path);
    let result = write_temp(&tmp, bytes).and_then(|()| place(&tmp, path, replace));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// `.name.niemyet-PID.tmp` beside the target: same folder, so the rename
/// never crosses file systems; dotted, so a folder listing hides it.
fn temp_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.niemyet-{}.tmp", std::process::id()))
}

fn write_temp(tmp: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut f = File::options().write(true).create_new(true).open(tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    Ok(())
}

/// Gives the temporary file the target's name. Without leave to replace,
/// a hard link is made instead of a rename: it fails if the target
/// appeared meanwhile, so nothing is ever overwritten by a race. File
/// systems without hard links (a FAT USB stick) fall back to a rename
/// after one more look.
fn place(tmp: &Path, path: &Path, replace: bool) -> Result<(), WriteError> {
    if replace {
        fs::rename(tmp, path)?;
        return Ok(());
    }
    match fs::hard_link(tmp, path) {
        Ok(()) => {
            let _ = fs::remove_file(tmp);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(WriteError::Exists),
        Err(_) if fs::symlink_metadata(path).is_ok() => Err(WriteError::Exists),
        Err(_) => {
            fs::rename(tmp, path)?;
            Ok(())
        }
    }
}

fn holds(path: &Path, mark: &str) -> Result<bool, WriteError> {
    use std::io::Read;
    let mut head = Vec::with_capacity(4096);
    File::open(path)?.take(4096).read_to_end(&mut head)?;
    Ok(String::from_utf8_lossy(&head).contains(mark))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_replaces_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bang.csv");
        write(&p, b"one", Existing::Keep).unwrap();
        assert!(matches!(
            write(&p, b"two", Existing::Keep),
            Err(WriteError::Exists)
        ));
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write(&p, b"three", Existing::Replace).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"three");
        // Only the target is left: no temporary file beside it.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn replaces_only_its_own_file_when_marked() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bien-ban.html");
        fs::write(&p, "a clerk's own page").unwrap();
        let mark = Existing::ReplaceIfMarked("<!-- niemyet review -->");
        assert!(matches!(write(&p, b"x", mark), Err(WriteError::Exists)));
        fs::write(&p, "<!-- niemyet review --> old").unwrap();
        write(&p, b"<!-- niemyet review --> new", mark).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"<!-- niemyet review --> new");
    }

    #[test]
    fn a_folder_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            write(dir.path(), b"x", Existing::Replace),
            Err(WriteError::NotAFile)
        ));
    }
}
