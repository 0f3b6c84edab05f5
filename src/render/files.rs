//! What render hands out: files, each given to a [`Sink`] as soon as it is
//! made. A leaf of `render`: every part of it makes [`OutputFile`]s, and
//! callers (`build`, `serve`, the tests) take them.

use std::path::PathBuf;

/// One file of the output, its path relative to the output root.
pub struct OutputFile {
    pub path: String,
    pub content: Content,
}

pub enum Content {
    /// A page, UTF-8 (Tera writes it straight into the buffer, with no
    /// check of the whole page afterwards), final: minified already when
    /// render was given a minifier.
    Html(Vec<u8>),
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    /// A file copied as is (forms, samples, theme assets from disk).
    Copy(PathBuf),
}

/// Where rendered files go as they are made, from many threads at once.
/// [`crate::output`] writes each file to disk as it comes, so a build never
/// holds the whole site in memory (at 10,000 procedures the site is 400 MB
/// of HTML); `serve` and the tests keep them ([`Collect`]).
pub trait Sink: Sync {
    fn put(&self, file: OutputFile);

    /// A file written piece by piece by `write`, for one too large to hold:
    /// `catalogue.json` is half a gigabyte at 100,000 procedures. This
    /// default collects it and [`Sink::put`]s it; the build's sink streams
    /// it to disk.
    fn put_written(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) {
        let mut bytes = Vec::new();
        // Writing into a Vec cannot fail (serde errors are impossible for
        // the catalogue's plain data).
        if write(&mut bytes).is_ok() {
            self.put(OutputFile {
                path: path.to_string(),
                content: Content::Bytes(bytes),
            });
        }
    }
}

/// A [`Sink`] that keeps every file.
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn put(&self, file: OutputFile) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(file);
    }
}

impl Collect {
    /// The files, sorted by path.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self
            .0
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}
