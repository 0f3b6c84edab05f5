//! One file into the staging folder: written new, or kept from the
//! previous output by a hard link (a copy where links cannot be made).
//!
//! A kept file shares its inode with the previous output, which is still
//! the live site until the swap. So nothing here ever opens an existing
//! file for writing: a file is always created new (`O_EXCL`), and a name
//! already taken in the staging folder is unlinked first, which leaves the
//! other tree's inode untouched.

use super::manifest::FileRecord;
use super::OutputError;
use crate::render::{Content, OutputFile};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// `target` created new, with its folders; a file already of that name is
/// unlinked first, never written through. The folders are made only when
/// the file cannot be: most files go into a folder that exists already,
/// and making it again costs two system calls per file.
fn fresh(target: &Path) -> io::Result<File> {
    let open = || OpenOptions::new().write(true).create_new(true).open(target);
    let first = match open() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            open()
        }
        other => other,
    };
    match first {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(target)?;
            open()
        }
        done => done,
    }
}

fn record(path: &str, file: &File) -> io::Result<FileRecord> {
    Ok(FileRecord {
        path: path.to_string(),
        len: file.metadata()?.len(),
    })
}

/// `f` written into `staging`.
pub(super) fn write_one(staging: &Path, f: OutputFile) -> Result<FileRecord, OutputError> {
    let target = staging.join(&f.path);
    let written = (|| {
        let mut out = fresh(&target)?;
        match f.content {
            Content::Html(b) | Content::Bytes(b) => out.write_all(&b)?,
            Content::Static(b) => out.write_all(b)?,
            Content::Copy(from) => {
                io::copy(&mut File::open(from)?, &mut out)?;
            }
        }
        record(&f.path, &out)
    })();
    written.map_err(|e| OutputError::Io(target, e))
}

/// The file at `path`, written piece by piece by `write`.
pub(super) fn write_streamed(
    staging: &Path,
    path: &str,
    write: &dyn Fn(&mut dyn Write) -> io::Result<()>,
) -> Result<FileRecord, OutputError> {
    let target = staging.join(path);
    let written = (|| {
        let mut out = io::BufWriter::with_capacity(256 * 1024, fresh(&target)?);
        write(&mut out)?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        record(path, &file)
    })();
    written.map_err(|e| OutputError::Io(target, e))
}

/// The previous output's `file` brought into `staging`: hard-linked, or
/// copied where a link cannot be made. None when the previous file is not
/// the one recorded (missing, not a regular file, another size:
/// edited by hand) or cannot be brought over: the caller makes it again.
pub(super) fn keep(previous: &Path, staging: &Path, file: &FileRecord) -> Option<FileRecord> {
    let from = previous.join(&file.path);
    let meta = fs::symlink_metadata(&from).ok()?;
    if !meta.file_type().is_file() || meta.len() != file.len {
        return None;
    }
    let target = staging.join(&file.path);
    let linked = match fs::hard_link(&from, &target) {
        // Its folder is not made yet (made only then, as in `fresh`).
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(target.parent()?).ok()?;
            fs::hard_link(&from, &target)
        }
        other => other,
    };
    if linked.is_ok() {
        return Some(file.clone());
    }
    // Another file system, or one without links: a copy, made new.
    let copied = (|| {
        let mut out = fresh(&target)?;
        io::copy(&mut File::open(&from)?, &mut out)?;
        record(&file.path, &out)
    })();
    copied.ok()
}
