//! `niemyet build`: check → render → output. Nothing is written when the
//! content has an error: the previous output stays as it was.

use crate::check::cache::{self, Cache, Pending};
use crate::check::{CheckOptions, Checked};
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::incremental;
use crate::lang::Lang;
use crate::model::{Date, Site};
use crate::output::{self, OutputError, WriteOptions};
use crate::render::{
    self, theme::Theme, Minifier, OutputFile, OutputKey, RenderOptions, Renderer, Sink,
};
use crate::t;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub struct BuildOptions<'a> {
    pub today: Date,
    /// The language of messages (`--lang`); the site is published in
    /// `site.yaml`'s `language`, whatever this says.
    pub lang: Option<Lang>,
    /// Where `public/` goes; `<root>/public` by default.
    pub out: Option<PathBuf>,
    /// Minify pages (`--no-minify` says no; without the `minify` feature
    /// the minifier gives pages back as they are).
    pub minify: bool,
    /// Told when another build is writing the same output and this one
    /// waits for it (with that build's process id, when known).
    pub waiting: &'a (dyn Fn(Option<u32>) + Sync),
    /// Make every output, keeping nothing of the previous build
    /// (`--clean`).
    pub clean: bool,
    /// Told how the build goes (a terminal's progress display).
    pub progress: Option<&'a dyn Progress>,
}

/// Told how a build goes, for a progress display: `main` draws one on a
/// terminal, and nothing otherwise.
pub trait Progress: Sync {
    /// A stage starts; `total` is how many files it will write, when known.
    fn stage(&self, stage: Stage, total: Option<u64>);
    /// `n` more files written or kept.
    fn files(&self, n: u64);
    /// The build is over (before its report is printed).
    fn done(&self);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and checking `content/`.
    Check,
    /// Bringing the unchanged files of the previous output over.
    Keep,
    /// Rendering and writing the rest.
    Render,
    /// Putting the new output in place and deleting the old one.
    Swap,
}

pub struct Built {
    /// The folder that holds the site (a link followed).
    pub out: PathBuf,
    /// The link the user named, when the output is one.
    pub link: Option<PathBuf>,
    pub procedures: usize,
    pub files: usize,
    /// Of `files`, how many were kept from the previous output.
    pub kept: usize,
    pub bytes: u64,
    pub elapsed: Duration,
    /// How long each stage took: check, plan (the renderer, the input
    /// digests, the previous record), keep (files brought over), render
    /// (and write: each file is written as it is rendered), record (the
    /// warnings and the record for the next build), swap.
    pub phases: Vec<(&'static str, Duration)>,
}

pub struct BuildOutcome {
    pub diagnostics: Vec<Diagnostic>,
    pub lang: Lang,
    /// Present when the new output is in place.
    pub built: Option<Built>,
}

pub fn build_site(root: &Path, opts: &BuildOptions) -> BuildOutcome {
    let started = Instant::now();
    stage(opts, Stage::Check, None);
    let out = opts.out.clone().unwrap_or_else(|| root.join("public"));
    let (checked, pending) = check_cached(root, opts, &out);
    let lang = checked.lang;
    let mut phases = vec![("check", started.elapsed())];
    let mut diagnostics = checked.diagnostics;
    let Some(site) = checked.site else {
        return BuildOutcome {
            diagnostics,
            lang,
            built: None,
        };
    };
    if inside(&out, &root.join("content")) {
        diagnostics.push(out_in_content(&out));
        return BuildOutcome {
            diagnostics,
            lang,
            built: None,
        };
    }
    let staging = match output::Staging::begin(
        &out,
        &WriteOptions {
            waiting: opts.waiting,
        },
    ) {
        Ok(s) => s,
        Err(e) => {
            diagnostics.push(output_error(e));
            return BuildOutcome {
                diagnostics,
                lang,
                built: None,
            };
        }
    };
    // Each file is written as soon as it is rendered; on an error the
    // staging folder is dropped and the previous output stays.
    let rendered =
        output::with_io_threads(|| render_into(root, &site, opts, &staging, &mut phases, pending));
    let kept = match rendered {
        Ok((warnings, kept)) => {
            diagnostics.extend(warnings);
            kept
        }
        Err(mut errs) => {
            diagnostics.append(&mut errs);
            return BuildOutcome {
                diagnostics,
                lang,
                built: None,
            };
        }
    };
    let mark = Instant::now();
    stage(opts, Stage::Swap, None);
    let written = staging.finish();
    phases.push(("swap", mark.elapsed()));
    let built = match written {
        Ok(w) => {
            diagnostics.extend(w.kept.into_iter().map(kept_copy));
            Some(Built {
                phases,
                out: w.place.path,
                link: w.place.link,
                procedures: site.procedures.len(),
                files: w.files,
                kept,
                bytes: w.bytes,
                elapsed: started.elapsed(),
            })
        }
        Err(e) => {
            diagnostics.push(output_error(e));
            None
        }
    };
    BuildOutcome {
        diagnostics,
        lang,
        built,
    }
}

/// The site checked with the previous output's check cache (none with
/// `--clean`), and the cache to leave beside the new output.
fn check_cached(
    root: &Path,
    opts: &BuildOptions,
    out: &Path,
) -> (crate::check::CheckOutcome, Option<Pending>) {
    let program = incremental::program();
    // `--clean` reads no cache, but leaves one for the next build.
    let cache = program.as_deref().map(|p| match opts.clean {
        false => (p, Cache::read(out, p)),
        true => (p, Cache::default()),
    });
    let checked = Checked::with_cache(
        root,
        CheckOptions {
            today: opts.today,
            lang: opts.lang,
        },
        cache.as_ref().map(|(p, c)| (*p, c)),
    );
    drop(cache);
    let pending = program.is_some().then(|| checked.for_cache());
    (checked.into_outcome(), pending)
}

/// The site rendered into `staging`: the outputs whose inputs changed since
/// the previous build made, the others kept from it ([`crate::incremental`]),
/// and the record for the next build written. Returns the warnings and how
/// many files were kept.
fn render_into(
    root: &Path,
    site: &Site,
    opts: &BuildOptions,
    staging: &output::Staging,
    phases: &mut Vec<(&'static str, Duration)>,
    pending: Option<Pending>,
) -> Result<(Vec<Diagnostic>, usize), Vec<Diagnostic>> {
    let mark = Instant::now();
    let theme = Theme::load(root, &site.config.theme)?;
    let ropts = RenderOptions {
        today: opts.today,
        minifier: opts.minify.then_some(MINIFIER),
    };
    let r = Renderer::new(site, &theme, &ropts);
    let keys = r.keys();
    let digests = r.input_digests(&keys);
    let program = incremental::program();
    let previous = if opts.clean { None } else { staging.previous() };
    let plan = incremental::plan(previous, program.as_deref(), &keys, &digests);
    phases.push(("plan", mark.elapsed()));
    let mark = Instant::now();
    let kept_files: usize = plan.keep.iter().map(|k| k.files.len()).sum();
    if kept_files > 0 {
        stage(opts, Stage::Keep, Some(kept_files as u64));
    }
    let (kept, lost): (Vec<_>, Vec<_>) = plan.keep.into_par_iter().partition(|k| {
        let whole = staging.keep(&k.files);
        if let Some(p) = opts.progress {
            p.files(k.files.len() as u64);
        }
        whole
    });
    incremental::say_kept_warnings(&r, &keys, &kept);
    let mut make: Vec<OutputKey> = plan.make.iter().map(|&i| keys[i].clone()).collect();
    make.extend(lost.iter().map(|k| keys[k.key].clone()));
    phases.push(("keep", mark.elapsed()));
    let mark = Instant::now();
    stage(opts, Stage::Render, None);
    let sink = Counted {
        staging,
        progress: opts.progress,
    };
    r.many(&make, &sink)?;
    phases.push(("render", mark.elapsed()));
    let mark = Instant::now();
    let mut warnings = r.take_warnings();
    warnings.extend(render::site_warnings(site, opts.today));
    let files = staging.take_records();
    let kept_files = kept.iter().map(|k| k.files.len()).sum();
    let record = incremental::record(program, &keys, &digests, files, &r.long_posters());
    if let Some(record) = record {
        staging
            .put_manifest(&record)
            .map_err(|e| vec![output_error(e)])?;
        if let Some(pending) = pending {
            staging
                .put_beside(cache::CACHE, |w| pending.write(w, &record.program))
                .map_err(|e| vec![output_error(e)])?;
        }
    }
    phases.push(("record", mark.elapsed()));
    Ok((warnings, kept_files))
}

fn stage(opts: &BuildOptions, stage: Stage, total: Option<u64>) {
    if let Some(p) = opts.progress {
        p.stage(stage, total);
    }
}

/// The staging folder, each file counted for the progress display.
struct Counted<'a> {
    staging: &'a output::Staging,
    progress: Option<&'a dyn Progress>,
}

impl Sink for Counted<'_> {
    fn put(&self, file: OutputFile) {
        self.staging.put(file);
        if let Some(p) = self.progress {
            p.files(1);
        }
    }

    fn put_written(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) {
        self.staging.put_written(path, write);
        if let Some(p) = self.progress {
            p.files(1);
        }
    }
}

/// The one minifier of the build's pages (`crate::minify`): render is
/// handed it, and decides nothing about minifying.
const MINIFIER: Minifier = Minifier {
    page: crate::minify::html,
    fragment: crate::minify::fragment,
};

/// Every file of the site, in memory, sorted by path (what `serve` shows;
/// tests compare with it).
pub fn render_site(
    root: &Path,
    site: &Site,
    today: Date,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let theme = Theme::load(root, &site.config.theme)?;
    let files = render::Collect::default();
    let opts = RenderOptions {
        today,
        minifier: None,
    };
    render::render(site, &theme, &opts, &files)?;
    Ok(files.into_files())
}

/// Whether `path` (which may not exist yet) is `dir` or inside it, links
/// and `..` resolved through the part that exists.
pub(crate) fn inside(path: &Path, dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    let mut rest = Vec::new();
    let mut at = path;
    loop {
        if let Ok(real) = at.canonicalize() {
            let full: PathBuf = rest.iter().rev().fold(real, |p, c| p.join(c));
            return full.starts_with(&dir);
        }
        match (at.parent(), at.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                at = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
            }
            _ => return false,
        }
    }
}

/// The next `check` would read the output as content.
fn out_in_content(out: &Path) -> Diagnostic {
    Diagnostic::error(
        Rule::OutInContent,
        out,
        t!(
            "thư mục kết quả nằm trong content/: lần kiểm tra sau sẽ đọc nhầm trang đã dựng như nội dung",
            "the output folder is inside content/: the next check would read the built site as content"
        ),
    )
    .hint(t!(
        "chọn thư mục ngoài content/, ví dụ --out public (mặc định)",
        "choose a folder outside content/, e.g. --out public (the default)"
    ))
}

/// Output paths are printed whole: they are not inside the site's folder
/// as content paths are (`--out` may be anywhere, or a link's target).
pub(crate) fn shown(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

fn output_error(e: OutputError) -> Diagnostic {
    match e {
        OutputError::NotOurs(path) => Diagnostic::error(
            Rule::OutNotOurs,
            shown(&path),
            t!(
                "thư mục đích đã có tệp khác và không phải do niemyet tạo: không ghi đè",
                "the output folder holds other files and was not made by niemyet: not overwriting it"
            ),
        )
        .hint(t!(
            "chọn một thư mục trống hoặc chưa có (--out), hoặc tự dọn thư mục này",
            "choose an empty or new folder (--out), or empty this one yourself"
        )),
        OutputError::LinkLoop(path) => Diagnostic::error(
            Rule::OutLinkLoop,
            shown(&path),
            t!(
                "thư mục đích là liên kết (symlink) vòng quanh, không dẫn tới thư mục nào",
                "the output folder is a symbolic link that loops and leads to no folder"
            ),
        )
        .hint(t!(
            "xóa liên kết và tạo lại cho trỏ tới thư mục của máy chủ web",
            "delete the link and make it again, pointing at the web server's folder"
        )),
        OutputError::LinkToNowhere(link, to) => {
            let to = to.display().to_string();
            Diagnostic::error(
                Rule::OutLinkNowhere,
                shown(&link),
                t!(
                    "thư mục đích là liên kết (symlink) tới {to}, nhưng thư mục chứa nó không tồn tại",
                    "the output folder is a link to {to}, but the folder that should hold it does not exist"
                ),
            )
            .hint(t!(
                "tạo thư mục cha của {to}, hoặc sửa liên kết cho trỏ đúng thư mục của máy chủ web",
                "create the parent folder of {to}, or fix the link to point at the web server's folder"
            ))
        }
        OutputError::LinkTargetParent(link, folder, err) => {
            let folder_s = folder.display().to_string();
            let parent = folder.parent().unwrap_or(&folder).display().to_string();
            Diagnostic::error(
                Rule::OutLinkParent,
                shown(&link),
                t!(
                    "thư mục đích là liên kết tới {folder_s}; để thay cả trang cùng một lúc, niemyet cần tạo bản mới bên cạnh nó, trong {parent}, nhưng không được phép ({err}). Chưa ghi gì, trang cũ vẫn giữ nguyên",
                    "the output folder is a link to {folder_s}; to replace the whole site at once niemyet makes the new one beside it, in {parent}, and may not ({err}). Nothing was written; the old site is unchanged"
                ),
            )
            .hint(t!(
                "cho người chạy niemyet quyền ghi vào {parent}, hoặc trỏ liên kết tới một thư mục con mà người đó có quyền, ví dụ {parent}/tthc",
                "give the user running niemyet write permission in {parent}, or point the link at a subfolder they own, e.g. {parent}/tthc"
            ))
        }
        OutputError::CannotSwap(path, err) => Diagnostic::error(
            Rule::OutCannotSwap,
            shown(&path),
            t!(
                "không thay được thư mục đích bằng bản mới ({err}): có thể đó là điểm gắn ổ đĩa (mount point). Trang cũ vẫn giữ nguyên",
                "cannot put the new output in the old one's place ({err}): it may be a mount point. The old site is unchanged"
            ),
        )
        .hint(t!(
            "dựng vào một thư mục con của điểm gắn, ví dụ --out {}/tthc, và cho máy chủ web phục vụ thư mục đó",
            "build into a subfolder of the mount point, e.g. --out {}/tthc, and serve that folder",
            path.display()
        )),
        OutputError::Io(path, err) => Diagnostic::error(
            Rule::OutIo,
            shown(&path),
            t!("không ghi được: {err}", "cannot write: {err}"),
        )
        .hint(t!(
            "kiểm tra quyền ghi và dung lượng đĩa; bản cũ của trang vẫn giữ nguyên",
            "check write permission and disk space; the previous output is unchanged"
        )),
    }
}

/// The site is in place, but an old copy could not be deleted.
fn kept_copy((path, err): (PathBuf, std::io::Error)) -> Diagnostic {
    Diagnostic::warning(
        Rule::OutOldCopyKept,
        shown(&path),
        t!(
            "trang mới đã dựng xong, nhưng không xóa được bản cũ này ({err})",
            "the new site is in place, but this old copy could not be deleted ({err})"
        ),
    )
    .hint(t!(
        "lần dựng sau sẽ thử xóa lại; nếu vẫn còn, hãy tự xóa thư mục này",
        "the next build tries again; if it stays, delete this folder yourself"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_folder_inside_content_is_found_even_before_it_exists() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("ho-tich")).unwrap();
        assert!(inside(&content.join("ban-in"), &content));
        assert!(inside(&content.join("ho-tich/a/b"), &content));
        assert!(inside(&content, &content));
        assert!(!inside(&dir.path().join("public"), &content));
        assert!(!inside(&content.join("../public"), &content));
        assert!(!inside(&dir.path().join("content-ban-in"), &content));
    }
}
