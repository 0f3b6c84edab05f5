//! Where the output really goes, and whether niemyet may replace it.
//!
//! A common deployment links `public` to the web server's folder. Renaming
//! the link would move the link, not the site, and deleting "the old
//! output" would then empty the web folder through it. So the link is
//! followed to the folder it names, and that folder is replaced, beside
//! itself; the link is never renamed, written through or deleted.

use super::{OutputError, MARKER};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The folder a build replaces.
#[derive(Debug, Clone)]
pub struct Place {
    /// The real folder (links followed); it may not exist yet.
    pub path: PathBuf,
    /// Its parent, where the staging folder and the lock go.
    pub parent: PathBuf,
    pub name: String,
    /// The link the user named, when `--out` (or `public`) is one.
    pub link: Option<PathBuf>,
}

/// Links of links are followed this far (as the kernel does, ~40).
const MAX_HOPS: usize = 40;

/// Follows `out` through links to the folder to replace; makes the
/// parent when no link is involved (`--out a/b/site` makes `a/b`).
pub fn resolve(out: &Path) -> Result<Place, OutputError> {
    let given = std::path::absolute(out).map_err(|e| OutputError::Io(out.to_path_buf(), e))?;
    let mut path = given.clone();
    let mut link = None;
    for _ in 0..MAX_HOPS {
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&path).map_err(|e| OutputError::Io(path.clone(), e))?;
                link.get_or_insert_with(|| given.clone());
                path = match path.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                };
                continue;
            }
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::NotFound => break,
            Err(e) => return Err(OutputError::Io(path, e)),
        }
    }
    if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(OutputError::LinkLoop(given));
    }
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(OutputError::NotOurs(given));
    };
    let name = name.to_string_lossy().into_owned();
    if link.is_none() {
        fs::create_dir_all(parent).map_err(|e| OutputError::Io(parent.to_path_buf(), e))?;
    }
    // `..` in a link's target or in `--out` resolved against the disk,
    // so that the staging folder lands beside the real folder.
    let parent = parent.canonicalize().map_err(|e| match &link {
        Some(link) if e.kind() == io::ErrorKind::NotFound => {
            OutputError::LinkToNowhere(link.clone(), lexical(&path))
        }
        _ => OutputError::Io(parent.to_path_buf(), e),
    })?;
    Ok(Place {
        path: parent.join(&name),
        parent,
        name,
        link,
    })
}

/// `a/b/../c` → `a/c`, for a message about a path that does not exist
/// (so cannot be canonicalised).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// A folder may be replaced when it is missing, empty, or marked as
/// niemyet's output.
pub fn check_ours(place: &Place) -> Result<(), OutputError> {
    let out = &place.path;
    match fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_none() || out.join(MARKER).is_file() {
                Ok(())
            } else {
                Err(OutputError::NotOurs(out.clone()))
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
            Err(OutputError::NotOurs(out.clone()))
        }
        Err(e) => Err(OutputError::Io(out.clone(), e)),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_link_is_followed_to_the_folder_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let www = dir.path().join("srv/www");
        fs::create_dir_all(&www).unwrap();
        let site = dir.path().join("site");
        fs::create_dir(&site).unwrap();
        symlink("../srv/www", site.join("public")).unwrap();
        let place = resolve(&site.join("public")).unwrap();
        assert_eq!(place.path, www.canonicalize().unwrap());
        assert_eq!(place.name, "www");
        assert_eq!(place.link, Some(site.join("public")));
    }

    #[test]
    fn a_loop_of_links_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        symlink("b", dir.path().join("a")).unwrap();
        symlink("a", dir.path().join("b")).unwrap();
        assert!(matches!(
            resolve(&dir.path().join("a")),
            Err(OutputError::LinkLoop(_))
        ));
    }

    #[test]
    fn a_link_into_a_missing_folder_says_where_it_leads() {
        let dir = tempfile::tempdir().unwrap();
        symlink("../nowhere/www", dir.path().join("public")).unwrap();
        match resolve(&dir.path().join("public")) {
            Err(OutputError::LinkToNowhere(link, to)) => {
                assert_eq!(link, dir.path().join("public"));
                assert_eq!(to, dir.path().parent().unwrap().join("nowhere/www"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_plain_path_makes_its_parent() {
        let dir = tempfile::tempdir().unwrap();
        let place = resolve(&dir.path().join("a/b/public")).unwrap();
        assert!(dir.path().join("a/b").is_dir());
        assert_eq!(place.link, None);
        assert_eq!(place.name, "public");
    }
}
