//! Putting the new output in place in one step.
//!
//! On Linux (and macOS) the staging folder and the old output trade names
//! in one system call (`renameat2` with `RENAME_EXCHANGE`; `renameatx_np`
//! with `RENAME_SWAP`): at every instant the output path is the whole old
//! site or the whole new one, so a web server never sees it missing and a
//! build killed at any point leaves one of them. Where the exchange is not
//! available (Windows, BSDs, some network file systems) two renames are
//! the fallback; a build killed between them leaves the old site aside
//! under a known name, which the next build puts back before anything
//! else ([`super::tidy::recover`]).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Swaps `staging` in as `target`. Returns where the previous output now
/// lies (to be deleted), if there was one; `aside` is the name the old
/// output takes when two renames must do.
pub fn swap_in(staging: &Path, target: &Path, aside: &Path) -> io::Result<Option<PathBuf>> {
    match fs::symlink_metadata(target) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::rename(staging, target)?;
            return Ok(None);
        }
        Err(e) => return Err(e),
        Ok(_) => {}
    }
    match exchange(staging, target) {
        Ok(()) => Ok(Some(staging.to_path_buf())),
        Err(e) if unsupported(&e) => two_renames(staging, target, aside),
        Err(e) => Err(e),
    }
}

#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// What a file system answers when it cannot exchange two names.
fn unsupported(e: &io::Error) -> bool {
    const EINVAL: i32 = 22;
    const ENOSYS: i32 = 38;
    const EOPNOTSUPP: i32 = 95;
    e.kind() == io::ErrorKind::Unsupported
        || matches!(e.raw_os_error(), Some(EINVAL | ENOSYS | EOPNOTSUPP))
}

fn two_renames(staging: &Path, target: &Path, aside: &Path) -> io::Result<Option<PathBuf>> {
    fs::rename(target, aside)?;
    if let Err(e) = fs::rename(staging, target) {
        // Put the old site back; if even that fails, the next build does.
        let _ = fs::rename(aside, target);
        return Err(e);
    }
    Ok(Some(aside.to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_are_traded_and_nothing_is_lost() {
        let dir = tempfile::tempdir().unwrap();
        let (new, out, aside) = (
            dir.path().join("new"),
            dir.path().join("out"),
            dir.path().join("aside"),
        );
        fs::create_dir(&new).unwrap();
        fs::write(new.join("v"), "2").unwrap();
        assert_eq!(swap_in(&new, &out, &aside).unwrap(), None);
        fs::create_dir(&new).unwrap();
        fs::write(new.join("v"), "3").unwrap();
        let old = swap_in(&new, &out, &aside).unwrap().unwrap();
        assert_eq!(fs::read_to_string(out.join("v")).unwrap(), "3");
        assert_eq!(fs::read_to_string(old.join("v")).unwrap(), "2");
    }

    #[test]
    fn two_renames_put_the_old_site_back_when_the_second_fails() {
        let dir = tempfile::tempdir().unwrap();
        let (out, aside) = (dir.path().join("out"), dir.path().join("aside"));
        fs::create_dir(&out).unwrap();
        fs::write(out.join("v"), "1").unwrap();
        let missing = dir.path().join("no-such-staging");
        assert!(two_renames(&missing, &out, &aside).is_err());
        assert_eq!(fs::read_to_string(out.join("v")).unwrap(), "1");
        assert!(!aside.exists());
    }
}
