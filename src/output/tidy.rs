//! Leftovers of earlier builds: recognised by name, put back when the
//! output is missing, deleted only once a new output is in place.
//!
//! A build works in `NAME.niemyet-new-PID` (the staging folder, which after
//! the swap holds the previous site) and, where two renames must replace
//! the exchange, `NAME.niemyet-old-PID`. A build killed half-way leaves
//! one of these. They are recognised by their name alone, never by a file
//! inside (a deletion killed half-way may have removed it), and only while
//! the output's lock is held, so no running build's folder is touched.
//! Deleting removes the marker file last, so a folder that lost its marker
//! is an empty one.

use super::MARKER;
use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Where a build writes; after the swap, the previous site.
    New,
    /// The previous site, moved aside (two-rename fallback).
    Old,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Kind::New => "new",
            Kind::Old => "old",
        }
    }
}

/// The name of this process's folder of `kind` beside the output `name`.
pub fn own_name(name: &str, kind: Kind) -> String {
    format!("{name}.niemyet-{}-{}", kind.tag(), std::process::id())
}

/// Which leftover, if any, a sibling named `entry` is.
fn leftover_kind(entry: &str, name: &str) -> Option<Kind> {
    let rest = entry.strip_prefix(name)?.strip_prefix(".niemyet-")?;
    let (tag, pid) = rest.split_once('-')?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    [Kind::New, Kind::Old].into_iter().find(|k| k.tag() == tag)
}

/// The leftovers beside the output: real folders (never links) with a
/// leftover's name.
fn leftovers(parent: &Path, name: &str) -> Vec<(PathBuf, Kind)> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| {
            let kind = leftover_kind(&e.file_name().to_string_lossy(), name)?;
            Some((e.path(), kind))
        })
        .collect()
}

/// When the output is missing but a previous site was left aside by a
/// build killed between two renames, puts it back: the site is never left
/// without an output because of an earlier crash.
pub fn recover(parent: &Path, name: &str) -> io::Result<()> {
    let out = parent.join(name);
    if fs::symlink_metadata(&out).is_ok() {
        return Ok(());
    }
    let aside = leftovers(parent, name)
        .into_iter()
        .find(|(p, kind)| *kind == Kind::Old && p.join(MARKER).is_file());
    match aside {
        Some((path, _)) => fs::rename(path, out),
        None => Ok(()),
    }
}

/// Deletes every leftover beside the output; returns those that could not
/// be deleted, with why.
pub fn remove_leftovers(parent: &Path, name: &str) -> Vec<(PathBuf, io::Error)> {
    leftovers(parent, name)
        .into_iter()
        .filter_map(|(path, _)| remove(&path).err().map(|e| (path, e)))
        .collect()
}

/// Deletes a niemyet folder: its content in parallel (thousands of small
/// files wait on the file system, not the CPU), then the marker, then the
/// folder. Links are removed, never followed. A folder made read-only is
/// made writable again first: it is ours.
pub fn remove(dir: &Path) -> io::Result<()> {
    super::with_io_threads(|| remove_content(dir, true))?;
    match fs::remove_file(dir.join(MARKER)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    fs::remove_dir(dir)
}

fn remove_content(dir: &Path, top: bool) -> io::Result<()> {
    let entries: Vec<fs::DirEntry> = match fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).collect(),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            make_writable(dir)?;
            fs::read_dir(dir)?.filter_map(Result::ok).collect()
        }
        Err(e) => return Err(e),
    };
    let results: Vec<io::Result<()>> = entries
        .par_iter()
        .filter(|e| !(top && e.file_name() == MARKER))
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => {
                let path = e.path();
                remove_content(&path, false)?;
                remove_entry(dir, &path, |p| fs::remove_dir(p))
            }
            _ => remove_entry(dir, &e.path(), |p| fs::remove_file(p)),
        })
        .collect();
    results.into_iter().collect()
}

/// Removes `path` from `dir`, making `dir` writable when it was not.
fn remove_entry(dir: &Path, path: &Path, rm: impl Fn(&Path) -> io::Result<()>) -> io::Result<()> {
    match rm(path) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            make_writable(dir)?;
            rm(path)
        }
        done => done,
    }
}

#[cfg(unix)]
fn make_writable(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(dir)?.permissions().mode();
    fs::set_permissions(dir, fs::Permissions::from_mode(mode | 0o700))
}

#[cfg(not(unix))]
fn make_writable(dir: &Path) -> io::Result<()> {
    let mut perms = fs::metadata(dir)?.permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    fs::set_permissions(dir, perms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_are_known_by_their_exact_name() {
        assert_eq!(
            leftover_kind("public.niemyet-old-123", "public"),
            Some(Kind::Old)
        );
        assert_eq!(
            leftover_kind("public.niemyet-new-9", "public"),
            Some(Kind::New)
        );
        for other in [
            "public",
            "public.niemyet-old-",
            "public.niemyet-old-12a",
            "public.niemyet-tmp-12",
            "public2.niemyet-old-1",
            "publi.niemyet-old-1",
        ] {
            assert_eq!(leftover_kind(other, "public"), None, "{other}");
        }
    }

    #[test]
    fn a_leftover_that_lost_its_marker_is_still_removed() {
        let dir = tempfile::tempdir().unwrap();
        let half = dir.path().join("public.niemyet-old-77");
        fs::create_dir_all(half.join("a/b")).unwrap();
        fs::write(half.join("a/b/index.html"), "x").unwrap();
        let keep = dir.path().join("public.niemyet-backup");
        fs::create_dir(&keep).unwrap();
        assert!(remove_leftovers(dir.path(), "public").is_empty());
        assert!(!half.exists());
        assert!(keep.exists(), "a folder of another name was touched");
    }

    #[test]
    fn the_marker_goes_last() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("x");
        fs::create_dir_all(out.join("deep/er")).unwrap();
        fs::write(out.join(MARKER), "niemyet\n").unwrap();
        fs::write(out.join("deep/er/f"), "f").unwrap();
        remove_content(&out, true).unwrap();
        assert!(out.join(MARKER).is_file());
        assert_eq!(fs::read_dir(&out).unwrap().count(), 1);
        remove(&out).unwrap();
        assert!(!out.exists());
    }

    #[test]
    fn a_site_moved_aside_is_put_back_when_the_output_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let aside = dir.path().join("public.niemyet-old-5");
        fs::create_dir(&aside).unwrap();
        fs::write(aside.join(MARKER), "niemyet\n").unwrap();
        recover(dir.path(), "public").unwrap();
        assert!(dir.path().join("public").join(MARKER).is_file());
        assert!(!aside.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_old_output_is_deleted() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("public.niemyet-new-1");
        fs::create_dir_all(old.join("ro")).unwrap();
        fs::write(old.join("ro/f"), "f").unwrap();
        fs::set_permissions(old.join("ro"), fs::Permissions::from_mode(0o555)).unwrap();
        remove(&old).unwrap();
        assert!(!old.exists());
    }
}
