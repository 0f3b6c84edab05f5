//! Stage 4: rendered files → the output folder, whole or not at all.
//!
//! Everything is written into a fresh sibling folder (`public.niemyet-new-PID`),
//! then swapped in with two renames. A failed or interrupted build leaves the
//! previous output byte for byte untouched, and no file from an earlier build
//! survives. A folder niemyet did not make is never emptied: its marker file
//! says it is ours.

mod minify;

use crate::render::{Content, OutputFile};
use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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

pub fn write(
    out: &Path,
    files: Vec<OutputFile>,
    opts: &WriteOptions,
) -> Result<Written, OutputError> {
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
    let staging = parent.join(format!("{name}.niemyet-new-{}", std::process::id()));
    let result =
        write_all(&staging, files, opts).and_then(|w| swap(&staging, out, &name).map(|_| w));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
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

fn write_all(
    staging: &Path,
    files: Vec<OutputFile>,
    opts: &WriteOptions,
) -> Result<Written, OutputError> {
    let io_err = |p: &Path| {
        let p = p.to_path_buf();
        move |e| OutputError::Io(p, e)
    };
    fs::create_dir_all(staging).map_err(io_err(staging))?;
    fs::write(staging.join(MARKER), b"niemyet\n").map_err(io_err(staging))?;
    // Creating thousands of small files is bound by file-system latency, not
    // by the CPU: more threads than cores keep the disk queue full.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(IO_THREADS)
        .build()
        .map_err(|e| OutputError::Io(staging.to_path_buf(), io::Error::other(e)))?;
    let sizes: Result<Vec<u64>, OutputError> = pool.install(|| {
        create_folders(staging, &files)?;
        files
            .into_par_iter()
            .map(|f| write_one(staging, f, opts))
            .collect()
    });
    let sizes = sizes?;
    Ok(Written {
        files: sizes.len(),
        bytes: sizes.iter().sum(),
    })
}

const IO_THREADS: usize = 8;

/// Every folder the files need, one depth level at a time (parents exist
/// before their children), each level in parallel.
fn create_folders(staging: &Path, files: &[OutputFile]) -> Result<(), OutputError> {
    let mut dirs: Vec<&Path> = files
        .iter()
        .flat_map(|f| Path::new(&f.path).ancestors().skip(1))
        .filter(|d| !d.as_os_str().is_empty())
        .collect();
    dirs.sort_by_key(|d| (d.components().count(), *d));
    dirs.dedup();
    for level in dirs.chunk_by(|a, b| a.components().count() == b.components().count()) {
        level.par_iter().try_for_each(|d| {
            let full = staging.join(d);
            match fs::create_dir(&full) {
                Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(OutputError::Io(full, e)),
                _ => Ok(()),
            }
        })?;
    }
    Ok(())
}

fn write_one(staging: &Path, f: OutputFile, opts: &WriteOptions) -> Result<u64, OutputError> {
    let target = staging.join(&f.path);
    let len = match f.content {
        Content::Html(html) => {
            let bytes = if opts.minify {
                minify::html(html.as_bytes())
            } else {
                html.into_bytes()
            };
            fs::write(&target, &bytes).map(|_| bytes.len() as u64)
        }
        Content::Bytes(b) => fs::write(&target, &b).map(|_| b.len() as u64),
        Content::Static(b) => fs::write(&target, b).map(|_| b.len() as u64),
        Content::Copy(from) => fs::copy(&from, &target),
    };
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
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            content: Content::Html(text.into()),
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
}
