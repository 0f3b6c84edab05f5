//! Stage 4: rendered files → the output folder, whole or not at all.
//!
//! The guarantee, for a server administrator: at every instant the output
//! folder is either the complete previous site or the complete new one.
//!
//! - Everything is written into a fresh sibling folder
//!   (`public.niemyet-new-PID`, [`Staging`]) as it is rendered, then swapped
//!   in with one atomic exchange ([`swap`]). A failed or killed build leaves
//!   the previous output byte for byte untouched.
//! - One build at a time per output: a second one waits ([`lock`]).
//! - An output that is a link (to the web server's folder) is followed: the
//!   folder it names is replaced beside itself; the link is never moved or
//!   deleted through ([`place`]).
//! - Leftovers of killed builds are recognised by name and deleted only
//!   after the new output is in place; a site left aside by a crash is put
//!   back first ([`tidy`]).
//! - A folder niemyet did not make is never emptied: its marker file says
//!   it is ours.

mod lock;
pub mod manifest;
mod place;
mod swap;
mod tidy;
mod write;

use crate::render::{OutputFile, Sink};
use rayon::prelude::*;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

pub use manifest::{FileRecord, Manifest};
pub use place::Place;

/// Marks a folder as niemyet's output, so a later build may replace it.
pub const MARKER: &str = ".niemyet-output";

#[derive(Debug)]
pub enum OutputError {
    /// `--out` names a folder with someone else's files.
    NotOurs(PathBuf),
    /// `--out` is a link that leads back to itself.
    LinkLoop(PathBuf),
    /// `--out` is a link to a folder whose parent does not exist:
    /// `(link, where it leads)`.
    LinkToNowhere(PathBuf, PathBuf),
    /// The new output cannot be made beside the folder a link names (no
    /// write permission in its parent): `(link, folder, why)`.
    LinkTargetParent(PathBuf, PathBuf, io::Error),
    /// The new output cannot take the old one's place (a mount point, or
    /// another file system): `(folder, why)`.
    CannotSwap(PathBuf, io::Error),
    Io(PathBuf, io::Error),
}

pub struct WriteOptions<'a> {
    /// Told, with the other build's process id when known, when another
    /// build holds the output and this one waits for it.
    pub waiting: &'a (dyn Fn(Option<u32>) + Sync),
}

pub struct Written {
    pub files: usize,
    pub bytes: u64,
    /// The folder that now holds the site, and the link to it, if any.
    pub place: Place,
    /// Old copies that could not be deleted, with why (the site is in
    /// place; the next build tries again).
    pub kept: Vec<(PathBuf, io::Error)>,
}

/// Writes `files` as the new output (for callers with every file in hand).
pub fn write(
    out: &Path,
    files: Vec<OutputFile>,
    opts: &WriteOptions,
) -> Result<Written, OutputError> {
    let staging = Staging::begin(out, opts)?;
    files.into_par_iter().for_each(|f| staging.put(f));
    staging.finish()
}

/// The new output while it is written: files go into a fresh sibling folder
/// as they are rendered (it is a [`Sink`]); [`Staging::finish`] swaps it in.
/// Dropped unfinished (the render failed), the folder is removed and the
/// previous output stays as it was.
pub struct Staging {
    place: Place,
    dir: PathBuf,
    files: AtomicUsize,
    bytes: AtomicU64,
    /// The first write that failed; later files are not written.
    error: OnceLock<OutputError>,
    /// Every file written or kept, for the build's record.
    records: Mutex<Vec<FileRecord>>,
    finished: bool,
    /// Held until the old output is gone; dropped after `Drop::drop` has
    /// removed an unfinished staging folder.
    _lock: lock::OutputLock,
}

impl Staging {
    pub fn begin(out: &Path, opts: &WriteOptions) -> Result<Staging, OutputError> {
        let place = place::resolve(out)?;
        let lock = lock::acquire(&place.parent, &place.name, opts.waiting)
            .map_err(|e| beside_link(&place, e))?;
        place::check_ours(&place)?;
        tidy::recover(&place.parent, &place.name)
            .map_err(|e| OutputError::Io(place.path.clone(), e))?;
        let dir = place
            .parent
            .join(tidy::own_name(&place.name, tidy::Kind::New));
        let io = |e| OutputError::Io(dir.clone(), e);
        // A folder of this name is a leftover of a killed build whose
        // process id this one reuses (the lock says it is not running).
        if fs::symlink_metadata(&dir).is_ok() {
            tidy::remove(&dir).map_err(io)?;
        }
        fs::create_dir(&dir).map_err(|e| beside_link(&place, OutputError::Io(dir.clone(), e)))?;
        // The marker first: the folder is recognisable as ours from here on.
        fs::write(dir.join(MARKER), b"niemyet\n").map_err(io)?;
        Ok(Staging {
            place,
            dir,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            error: OnceLock::new(),
            records: Mutex::default(),
            finished: false,
            _lock: lock,
        })
    }

    /// Swaps the new output in, unless a write failed; then deletes the
    /// previous output and every leftover of earlier builds.
    pub fn finish(mut self) -> Result<Written, OutputError> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let aside = self
            .place
            .parent
            .join(tidy::own_name(&self.place.name, tidy::Kind::Old));
        let old = swap::swap_in(&self.dir, &self.place.path, &aside)
            .map_err(|e| swap_error(&self.place, e))?;
        self.finished = true;
        let mut kept = Vec::new();
        if let Some(old) = old {
            if let Err(e) = tidy::remove(&old) {
                kept.push((old, e));
            }
        }
        kept.extend(tidy::remove_leftovers(&self.place.parent, &self.place.name));
        kept.dedup_by(|a, b| a.0 == b.0);
        Ok(Written {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            place: self.place.clone(),
            kept,
        })
    }
}

/// A staging folder or lock that cannot be made beside a link's folder is
/// the link's problem, said as such.
fn beside_link(place: &Place, e: OutputError) -> OutputError {
    match (e, &place.link) {
        (OutputError::Io(_, err), Some(link)) if err.kind() == io::ErrorKind::PermissionDenied => {
            OutputError::LinkTargetParent(link.clone(), place.path.clone(), err)
        }
        (e, _) => e,
    }
}

fn swap_error(place: &Place, e: io::Error) -> OutputError {
    const EXDEV: i32 = 18;
    const EBUSY: i32 = 16;
    match e.raw_os_error() {
        Some(EXDEV | EBUSY) => OutputError::CannotSwap(place.path.clone(), e),
        _ => OutputError::Io(place.path.clone(), e),
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) {
        if self.error.get().is_none() {
            self.count(write::write_one(&self.dir, file));
        }
    }

    fn put_written(&self, path: &str, write: &dyn Fn(&mut dyn Write) -> io::Result<()>) {
        if self.error.get().is_none() {
            self.count(write::write_streamed(&self.dir, path, write));
        }
    }
}

impl Staging {
    /// The record of the output this build replaces, if it has one
    /// ([`manifest::read`]).
    pub fn previous(&self) -> Option<Manifest> {
        manifest::read(&self.place.path)
    }

    /// Brings `files` of the previous output over unchanged (hard links,
    /// or copies); false when one of them is not as recorded or cannot be
    /// brought, and the output they belong to must be made again.
    pub fn keep(&self, files: &[FileRecord]) -> bool {
        for file in files {
            match write::keep(&self.place.path, &self.dir, file) {
                Some(record) => self.count(Ok(record)),
                None => return false,
            }
        }
        true
    }

    /// Every file written or kept so far, in no particular order.
    pub fn take_records(&self) -> Vec<FileRecord> {
        std::mem::take(&mut *self.records_lock())
    }

    /// Writes the build's record beside the files it describes (it is not
    /// one of the site's files and is not counted).
    pub fn put_manifest(&self, m: &Manifest) -> Result<(), OutputError> {
        let path = self.dir.join(manifest::MANIFEST);
        fs::write(&path, manifest::to_bytes(m)).map_err(|e| OutputError::Io(path, e))
    }

    /// Writes a file of the build's own beside the site's files, like the
    /// record (not one of them, not counted): the check's cache.
    pub fn put_beside(
        &self,
        name: &str,
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), OutputError> {
        let path = self.dir.join(name);
        let written = fs::File::create(&path).and_then(|f| {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
            write(&mut w)?;
            w.into_inner().map_err(|e| e.into_error()).map(drop)
        });
        written.map_err(|e| OutputError::Io(path, e))
    }

    fn records_lock(&self) -> std::sync::MutexGuard<'_, Vec<FileRecord>> {
        self.records
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn count(&self, written: Result<FileRecord, OutputError>) {
        match written {
            Ok(record) => {
                self.files.fetch_add(1, Ordering::Relaxed);
                self.bytes.fetch_add(record.len, Ordering::Relaxed);
                self.records_lock().push(record);
            }
            Err(e) => {
                // Only the first failure is kept and reported.
                let _ = self.error.set(e);
            }
        }
    }
}

/// Runs `work` (a render into a [`Staging`]) on more threads than cores:
/// creating thousands of small files is bound by file-system latency, not
/// by the CPU, and more threads keep the disk queue full.
pub fn with_io_threads<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    let threads =
        std::thread::available_parallelism().map_or(IO_THREADS, |n| n.get().max(IO_THREADS));
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool.install(work),
        // No threads to be had: the global pool is still a pool.
        Err(_) => work(),
    }
}

const IO_THREADS: usize = 8;

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = tidy::remove(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Content;

    /// What is beside the output, but for its lock file.
    fn siblings(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != ".public.niemyet-lock")
            .collect();
        names.sort();
        names
    }

    fn page(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            content: Content::Html(text.as_bytes().to_vec()),
        }
    }

    #[test]
    fn a_folder_with_other_files_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("luan-van.docx"), b"important").unwrap();
        let res = write(
            &out,
            vec![page("index.html", "<p>x</p>")],
            &WriteOptions { waiting: &|_| {} },
        );
        assert!(matches!(res, Err(OutputError::NotOurs(_))));
        assert_eq!(fs::read(out.join("luan-van.docx")).unwrap(), b"important");
        assert!(!out.join("index.html").exists());
    }

    #[test]
    fn a_second_build_replaces_everything_of_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let opts = WriteOptions { waiting: &|_| {} };
        write(
            &out,
            vec![page("a/index.html", "a"), page("b/index.html", "b")],
            &opts,
        )
        .unwrap();
        write(&out, vec![page("a/index.html", "a2")], &opts).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "a2");
        assert!(!out.join("b").exists(), "a stale page survived");
        assert_eq!(
            siblings(dir.path()),
            ["public"],
            "staging folders left behind"
        );
    }

    #[cfg(unix)]
    #[test]
    fn replacing_the_old_output_deletes_links_but_not_what_they_point_to() {
        let dir = tempfile::tempdir().unwrap();
        let (out, elsewhere) = (dir.path().join("public"), dir.path().join("elsewhere"));
        fs::create_dir_all(elsewhere.join("deep")).unwrap();
        fs::write(elsewhere.join("deep/keep.txt"), "keep").unwrap();
        let opts = WriteOptions { waiting: &|_| {} };
        write(&out, vec![page("a/b/c/index.html", "old")], &opts).unwrap();
        // Someone linked a folder into the old output by hand.
        std::os::unix::fs::symlink(&elsewhere, out.join("a/b/link")).unwrap();
        write(&out, vec![page("x/index.html", "new")], &opts).unwrap();
        assert!(!out.join("a").exists(), "the old tree survived");
        assert_eq!(
            fs::read_to_string(elsewhere.join("deep/keep.txt")).unwrap(),
            "keep"
        );
    }

    #[test]
    fn an_abandoned_or_failed_staging_leaves_the_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let opts = WriteOptions { waiting: &|_| {} };
        write(&out, vec![page("index.html", "old")], &opts).unwrap();
        // The render failed half-way: the staging folder is dropped.
        let staging = Staging::begin(&out, &opts).unwrap();
        staging.put(page("index.html", "new"));
        drop(staging);
        // A write failed (a file where a folder must go): not swapped in.
        let staging = Staging::begin(&out, &opts).unwrap();
        staging.put(page("a", "file"));
        staging.put(page("a/index.html", "page"));
        assert!(matches!(staging.finish(), Err(OutputError::Io(..))));
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert_eq!(
            siblings(dir.path()),
            ["public"],
            "staging folders left behind"
        );
    }
}
