//! The files `serve` hands out from disk (forms, samples, theme assets),
//! pinned to what they were when the site was last checked good.
//!
//! The last good site outlives the content it was made from. When a form
//! is swapped for a link to a file outside `content/`, `check` refuses the
//! link and the last good site stays up, but the form's path now leads
//! outside: reading it by path at request time would serve the outside
//! file. So each file is pinned when its site is published: its real path
//! (for a file of `content/`, still inside `content/`) and its identity
//! ([`FileId`]: device, inode, size, modification and change times). A
//! request opens that path without following a link and serves the bytes
//! only if the opened file is still that one; otherwise [`Changed`], and
//! the next good save publishes a new pin.
//!
//! Why not keep the bytes: forms are PDFs and Word files, thousands of
//! them on a large site; memory would hold every one for every rebuild.
//! Opening and comparing costs a few system calls per request.
//!
//! Elsewhere than Unix, std has neither "open without following" nor the
//! inode: the path is checked not to be a link just before it is opened,
//! and size and modification time are compared after. A swap between the
//! two steps is not caught there.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A file of the last good site, as it was when pinned.
#[derive(Debug)]
pub struct Pinned {
    /// The path the render named (compared to reuse a pin).
    source: PathBuf,
    /// Where it is opened: the real path, no link on the way when pinned.
    path: PathBuf,
    /// `None`: refused when pinned (gone, a link out, not a file).
    id: Option<FileId>,
}

/// The file changed (or was refused) since the site was last checked good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed;

/// What makes a file the same file: the same inode with the same size and
/// times. The change time cannot be set back by a user, so a file written
/// in place and its times restored is still seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    len: u64,
    modified: Option<SystemTime>,
    /// Device, inode, change time (seconds, nanoseconds).
    #[cfg(unix)]
    node: (u64, u64, i64, i64),
}

impl FileId {
    fn of(meta: &Metadata) -> FileId {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        FileId {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            node: (meta.dev(), meta.ino(), meta.ctime(), meta.ctime_nsec()),
        }
    }
}

impl Pinned {
    /// A form or sample: its real path must be inside `content` (given
    /// canonical), as `check` required a moment ago.
    pub fn inside(source: &Path, content: &Path) -> Pinned {
        match source.canonicalize() {
            Ok(real) if real.starts_with(content) => Pinned::at(source, real),
            _ => Pinned {
                source: source.to_path_buf(),
                path: source.to_path_buf(),
                id: None,
            },
        }
    }

    /// A theme asset: the theme took only regular files, never a link, so
    /// the path is pinned as it is.
    pub fn asset(source: &Path) -> Pinned {
        Pinned::at(source, source.to_path_buf())
    }

    fn at(source: &Path, path: PathBuf) -> Pinned {
        let id = open_regular(&path).ok().map(|(_, id)| id);
        Pinned {
            source: source.to_path_buf(),
            path,
            id,
        }
    }

    /// The path the render named.
    pub fn source(&self) -> &Path {
        &self.source
    }

    /// The bytes of the pinned file, if it is still that file.
    pub fn read(&self) -> Result<Vec<u8>, Changed> {
        let id = self.id.ok_or(Changed)?;
        let (file, now) = open_regular(&self.path).map_err(|_| Changed)?;
        if now != id {
            return Err(Changed);
        }
        let mut bytes = Vec::with_capacity(usize::try_from(id.len).unwrap_or(0));
        // Read from the file just compared, never the path again; a file
        // growing meanwhile gives more bytes than pinned: refused.
        file.take(id.len.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|_| Changed)?;
        if bytes.len() as u64 != id.len {
            return Err(Changed);
        }
        Ok(bytes)
    }
}

/// Opens `path` if it is a regular file reached without a link at its end.
fn open_regular(path: &Path) -> io::Result<(File, FileId)> {
    let file = open_no_follow(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    Ok((file, FileId::of(&meta)))
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: a FIFO put in the file's place must not hang the open
    // (it is then refused as not a regular file); no effect on files.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags((rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> io::Result<File> {
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(io::Error::other("a link"));
    }
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_file_is_served_until_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir(&content).unwrap();
        let content = content.canonicalize().unwrap();
        let form = content.join("to-khai.pdf");
        std::fs::write(&form, b"form").unwrap();
        let pin = Pinned::inside(&form, &content);
        assert_eq!(pin.read().as_deref(), Ok(&b"form"[..]));
        // Rewritten in place with the same length: the times tell.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&form, b"FORM").unwrap();
        assert_eq!(pin.read(), Err(Changed));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_swapped_in_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir(&content).unwrap();
        let content = content.canonicalize().unwrap();
        let secret = dir.path().join("secret.txt");
        std::fs::write(&secret, b"secret").unwrap();
        let form = content.join("to-khai.pdf");
        std::fs::write(&form, b"form").unwrap();
        let pin = Pinned::inside(&form, &content);
        std::fs::remove_file(&form).unwrap();
        std::os::unix::fs::symlink(&secret, &form).unwrap();
        assert_eq!(pin.read(), Err(Changed));
        // Pinned while it is a link out: refused from the start.
        assert_eq!(Pinned::inside(&form, &content).read(), Err(Changed));
        // A link to a file inside content/ is what check accepts.
        let real = content.join("real.pdf");
        std::fs::write(&real, b"real").unwrap();
        let link = content.join("link.pdf");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(
            Pinned::inside(&link, &content).read().as_deref(),
            Ok(&b"real"[..])
        );
        // A theme asset is never a link.
        assert_eq!(Pinned::asset(&link).read(), Err(Changed));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_place_of_a_file_does_not_hang() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().canonicalize().unwrap();
        let form = content.join("to-khai.pdf");
        std::fs::write(&form, b"form").unwrap();
        let pin = Pinned::inside(&form, &content);
        std::fs::remove_file(&form).unwrap();
        let status = std::process::Command::new("mkfifo").arg(&form).status();
        if !status.is_ok_and(|s| s.success()) {
            return;
        }
        assert_eq!(pin.read(), Err(Changed));
    }
}
