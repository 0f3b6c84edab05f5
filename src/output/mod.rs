//! Stage 4: rendered files → the output folder, whole or not at all.
//!
//! Everything is written into a fresh sibling folder (`public.niemyet-new-PID`)
//! as it is rendered ([`Staging`]), then swapped in with two renames. A failed or interrupted build leaves the
//! previous output byte for byte untouched, and no file from an earlier build
//! survives. A folder niemyet did not make is never emptied: its marker file
//! says it is ours.

use crate::render::{Content, OutputFile, Sink};
use rayon::prelude::*;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Marks a folder as niemyet's output, so a later build may replace it.
pub const MARKER: &str = ".niemyet-output";

#[derive(Debug)]
pub enum OutputError {
    /// `--out` names a folder with someone else's files.
    NotOurs(PathBuf),
    Io(PathBuf, io::Error),
}

pub struct WriteOptions {
    pub minify: bool,
}

pub struct Written {
    pub files: usize,
    pub bytes: u64,
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
    out: PathBuf,
    name: String,
    dir: PathBuf,
    minify: bool,
    files: AtomicUsize,
    bytes: AtomicU64,
    /// The first write that failed; later files are not written.
    error: OnceLock<OutputError>,
    finished: bool,
}

impl Staging {
    pub fn begin(out: &Path, opts: &WriteOptions) -> Result<Staging, OutputError> {
        check_ours(out)?;
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(|e| OutputError::Io(parent.to_path_buf(), e))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        remove_leftovers(parent, &name);
        let dir = parent.join(format!("{name}.niemyet-new-{}", std::process::id()));
        let staging = Staging {
            out: out.to_path_buf(),
            name,
            dir,
            minify: opts.minify,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            error: OnceLock::new(),
            finished: false,
        };
        let io = |e| OutputError::Io(staging.dir.clone(), e);
        fs::create_dir_all(&staging.dir).map_err(io)?;
        fs::write(staging.dir.join(MARKER), b"niemyet\n").map_err(io)?;
        Ok(staging)
    }

    /// Swaps the new output in, unless a write failed.
    pub fn finish(mut self) -> Result<Written, OutputError> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        swap(&self.dir, &self.out, &self.name)?;
        self.finished = true;
        Ok(Written {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        })
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) {
        if self.error.get().is_none() {
            self.count(write_one(&self.dir, file, self.minify));
        }
    }

    fn put_written(&self, path: &str, write: &dyn Fn(&mut dyn Write) -> io::Result<()>) {
        if self.error.get().is_none() {
            self.count(write_streamed(&self.dir, path, write));
        }
    }
}

impl Staging {
    fn count(&self, written: Result<u64, OutputError>) {
        match written {
            Ok(len) => {
                self.files.fetch_add(1, Ordering::Relaxed);
                self.bytes.fetch_add(len, Ordering::Relaxed);
            }
            Err(e) => {
                // Only the first failure is kept and reported.
                let _ = self.error.set(e);
            }
        }
    }
}

fn write_streamed(
    staging: &Path,
    path: &str,
    write: &dyn Fn(&mut dyn Write) -> io::Result<()>,
) -> Result<u64, OutputError> {
    let target = staging.join(path);
    let written = (|| {
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        let mut out = io::BufWriter::with_capacity(256 * 1024, fs::File::create(&target)?);
        write(&mut out)?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        Ok(file.metadata()?.len())
    })();
    written.map_err(|e| OutputError::Io(target, e))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

fn check_ours(out: &Path) -> Result<(), OutputError> {
    match fs::read_dir(out) {
        Ok(mut entries) => {
            let empty = entries.next().is_none();
            if empty || out.join(MARKER).is_file() {
                Ok(())
            } else {
                Err(OutputError::NotOurs(out.to_path_buf()))
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
            Err(OutputError::NotOurs(out.to_path_buf()))
        }
        Err(e) => Err(OutputError::Io(out.to_path_buf(), e)),
    }
}

/// Folders left by a build that was killed half-way.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [
        format!("{name}.niemyet-new-"),
        format!("{name}.niemyet-old-"),
    ];
    for e in entries.filter_map(Result::ok) {
        let n = e.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| n.starts_with(p.as_str())) && e.path().join(MARKER).is_file() {
            let _ = fs::remove_dir_all(e.path());
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

fn write_one(staging: &Path, f: OutputFile, minify: bool) -> Result<u64, OutputError> {
    let target = staging.join(&f.path);
    let len = target
        .parent()
        .map_or(Ok(()), fs::create_dir_all)
        .and_then(|_| match f.content {
            Content::Html(html) => {
                let bytes = if minify {
                    crate::minify::html(&html)
                } else {
                    html
                };
                fs::write(&target, &bytes).map(|_| bytes.len() as u64)
            }
            Content::Minified(html) => fs::write(&target, &html).map(|_| html.len() as u64),
            Content::Bytes(b) => fs::write(&target, &b).map(|_| b.len() as u64),
            Content::Static(b) => fs::write(&target, b).map(|_| b.len() as u64),
            Content::Copy(from) => fs::copy(&from, &target),
        });
    len.map_err(|e| OutputError::Io(target, e))
}

/// Two renames: the old output aside, the new one in; then the old one goes.
fn swap(staging: &Path, out: &Path, name: &str) -> Result<(), OutputError> {
    let old = staging.with_file_name(format!("{name}.niemyet-old-{}", std::process::id()));
    let had_old = out.exists();
    if had_old {
        fs::rename(out, &old).map_err(|e| OutputError::Io(out.to_path_buf(), e))?;
    }
    if let Err(e) = fs::rename(staging, out) {
        if had_old {
            let _ = fs::rename(&old, out);
        }
        return Err(OutputError::Io(out.to_path_buf(), e));
    }
    if had_old {
        remove_tree(&old);
    }
    Ok(())
}

/// Removes a previous output: its top-level folders in parallel (thousands
/// of small files, like writing them, wait on the file system).
fn remove_tree(dir: &Path) {
    with_io_threads(|| remove_parallel(dir));
}

/// Every folder's entries in parallel, not just the top level's: one
/// folder (`posters/`) holds two thirds of a site's files, and deleting it
/// on one thread took 33 s of a 100,000-procedure rebuild on ext4.
/// Symbolic links are removed, never followed.
fn remove_parallel(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        let entries: Vec<fs::DirEntry> = entries.filter_map(Result::ok).collect();
        entries.par_iter().for_each(|e| match e.file_type() {
            Ok(t) if t.is_dir() => remove_parallel(&e.path()),
            _ => {
                let _ = fs::remove_file(e.path());
            }
        });
    }
    let _ = fs::remove_dir(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

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
            &WriteOptions { minify: false },
        );
        assert!(matches!(res, Err(OutputError::NotOurs(_))));
        assert_eq!(fs::read(out.join("luan-van.docx")).unwrap(), b"important");
        assert!(!out.join("index.html").exists());
    }

    #[test]
    fn a_second_build_replaces_everything_of_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let opts = WriteOptions { minify: false };
        write(
            &out,
            vec![page("a/index.html", "a"), page("b/index.html", "b")],
            &opts,
        )
        .unwrap();
        write(&out, vec![page("a/index.html", "a2")], &opts).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "a2");
        assert!(!out.join("b").exists(), "a stale page survived");
        let siblings: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(siblings.len(), 1, "staging folders left behind");
    }

    #[cfg(unix)]
    #[test]
    fn replacing_the_old_output_deletes_links_but_not_what_they_point_to() {
        let dir = tempfile::tempdir().unwrap();
        let (out, elsewhere) = (dir.path().join("public"), dir.path().join("elsewhere"));
        fs::create_dir_all(elsewhere.join("deep")).unwrap();
        fs::write(elsewhere.join("deep/keep.txt"), "keep").unwrap();
        let opts = WriteOptions { minify: false };
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
        let opts = WriteOptions { minify: false };
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
        let siblings: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(siblings.len(), 1, "staging folders left behind");
    }
}
