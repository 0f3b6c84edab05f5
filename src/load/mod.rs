//! Stage 1: walk `content/`, read each file (bounded), decode it to NFC text,
//! split the front matter and parse it into [`raw`] types. Files are read and
//! parsed in parallel; results keep the walk's sorted order.

pub mod decode;
mod entry;
pub mod frontmatter;
mod lint;
pub mod raw;
pub mod walk;
mod yaml;

pub use yaml::suggest_key;

use crate::diag::Rule;
use crate::diag::{Checked, Diagnostic, Reported, Source};
use crate::t;
use decode::DecodeError;
pub use entry::procedure_entry;
use frontmatter::SplitError;
use raw::{RawFieldIndex, RawNotice, RawProcedure, RawSite};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
pub use walk::FileEntry;
use walk::Kind;

/// A file that could be read: its text and, when the YAML could be read, its
/// raw front matter (else the proof that an error says why).
#[derive(Debug)]
pub struct Document<T> {
    pub source: Source,
    pub raw: Checked<T>,
    /// Markdown after the front matter (empty for site.yaml).
    pub body: String,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
    /// Keys a "did you mean" already proposed, with the proof of that
    /// error; not to be reported missing too.
    pub suggested: Vec<(&'static str, Reported)>,
}

impl<T> Document<T> {
    /// A file whose front matter could not be read, for the reason reported.
    fn unread(source: Source, body: String, body_line: usize, why: Reported) -> Document<T> {
        Document {
            source,
            raw: Err(why),
            body,
            body_line,
            suggested: Vec::new(),
        }
    }
}

#[derive(Debug)]
pub struct FieldDoc {
    pub slug: String,
    pub rel: PathBuf,
    /// `None` when the folder has no `_index.md` (the walk reports it).
    pub doc: Option<Checked<Document<RawFieldIndex>>>,
}

#[derive(Debug)]
pub struct ProcedureDoc {
    pub field: String,
    pub slug: String,
    pub rel: PathBuf,
    /// The folder whose files are this procedure's attachments.
    pub dir: PathBuf,
    /// Its entries as the walk found them: what `form:` and `sample:` are
    /// checked against.
    pub attachments: std::sync::Arc<walk::Attachments>,
    pub doc: Checked<Document<RawProcedure>>,
}

#[derive(Debug)]
pub struct NoticeDoc {
    pub slug: String,
    pub rel: PathBuf,
    pub doc: Checked<Document<RawNotice>>,
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub root: PathBuf,
    pub content_dir: PathBuf,
    /// `None` when there is no `site.yaml` (the walk reports it).
    pub site: Option<Checked<Document<RawSite>>>,
    pub fields: Vec<FieldDoc>,
    /// Procedure files, not yet read: the caller reads and validates each in
    /// one go ([`load_procedure`]) so that no raw front matter piles up.
    pub procedure_files: Vec<FileEntry>,
    pub notices: Vec<NoticeDoc>,
    pub diagnostics: Vec<Diagnostic>,
}

/// One parsed file; short-lived (moved into [`Loaded`] at once), so the
/// variants' different sizes cost nothing worth boxing for.
#[allow(clippy::large_enum_variant)]
enum Parsed {
    Site(Checked<Document<RawSite>>),
    Field(FieldDoc),
    Notice(NoticeDoc),
}

pub fn load(root: &Path) -> Loaded {
    let tree = walk::walk(root);
    let (procedure_files, others): (Vec<FileEntry>, Vec<FileEntry>) = tree
        .files
        .into_iter()
        .partition(|e| matches!(e.kind, Kind::Procedure { .. }));
    let results: Vec<(Parsed, Vec<Diagnostic>)> = others.par_iter().map(parse_entry).collect();
    let mut loaded = Loaded {
        root: root.to_path_buf(),
        content_dir: root.join("content"),
        diagnostics: tree.diagnostics,
        procedure_files,
        ..Loaded::default()
    };
    for (parsed, diags) in results {
        loaded.diagnostics.extend(diags);
        match parsed {
            Parsed::Site(doc) => loaded.site = Some(doc),
            Parsed::Field(f) => loaded.fields.push(f),
            Parsed::Notice(n) => loaded.notices.push(n),
        }
    }
    // A field folder without _index.md still holds procedures; keep it known.
    for (slug, rel) in tree.field_dirs {
        if !loaded.fields.iter().any(|f| f.slug == slug) {
            loaded.fields.push(FieldDoc {
                slug,
                rel,
                doc: None,
            });
        }
    }
    loaded.fields.sort_by(|a, b| a.slug.cmp(&b.slug));
    loaded
}

fn parse_entry(entry: &FileEntry) -> (Parsed, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let parsed = match &entry.kind {
        Kind::Site => Parsed::Site(read_document(entry, false, &mut diags)),
        Kind::FieldIndex { field } => Parsed::Field(FieldDoc {
            slug: field.clone(),
            rel: entry
                .rel
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            doc: Some(read_document(entry, true, &mut diags)),
        }),
        Kind::Procedure { .. } => unreachable!("procedures are read by load_procedure"),
        Kind::Notice { slug } => Parsed::Notice(NoticeDoc {
            slug: slug.clone(),
            rel: entry.rel.clone(),
            doc: read_document(entry, true, &mut diags),
        }),
    };
    (parsed, diags)
}

/// Reads and parses one procedure file found by [`load`].
pub fn load_procedure(entry: &FileEntry) -> (ProcedureDoc, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let doc = read_document(entry, true, &mut diags);
    (procedure_doc(entry, doc), diags)
}

/// Parses the bytes of a procedure file that is not on disk yet (what
/// `niemyet import` is about to write at `entry`): the same decoding,
/// size limit and parsing as a file [`load_procedure`] reads.
pub fn procedure_from_bytes(entry: &FileEntry, bytes: &[u8]) -> (ProcedureDoc, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let doc = if bytes.len() as u64 > decode::MAX_TEXT_BYTES {
        let e = DecodeError::TooLarge {
            bytes: bytes.len() as u64,
        };
        Err(Reported::push(
            &mut diags,
            decode_problem(&entry.rel, &[], e),
        ))
    } else {
        parse_bytes(bytes, &entry.rel, true, &mut diags)
    };
    (procedure_doc(entry, doc), diags)
}

fn procedure_doc(entry: &FileEntry, doc: Checked<Document<RawProcedure>>) -> ProcedureDoc {
    let (field, slug) = match &entry.kind {
        Kind::Procedure { field, slug } => (field.clone(), slug.clone()),
        _ => (String::new(), String::new()),
    };
    ProcedureDoc {
        field,
        slug,
        rel: entry.rel.clone(),
        dir: entry
            .abs
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
        attachments: std::sync::Arc::clone(&entry.attachments),
        doc,
    }
}

/// Reads one file; `front_matter` for Markdown files, false for site.yaml.
fn read_document<T: DeserializeOwned>(
    entry: &FileEntry,
    front_matter: bool,
    diags: &mut Vec<Diagnostic>,
) -> Checked<Document<T>> {
    match decode::read_limited(&entry.abs) {
        Err(e) => Err(Reported::push(
            diags,
            Diagnostic::error(
                Rule::Io,
                &entry.rel,
                t!("không đọc được tệp: {e}", "cannot read the file: {e}"),
            ),
        )),
        Ok(Err(e)) => Err(Reported::push(diags, decode_problem(&entry.rel, &[], e))),
        Ok(Ok(bytes)) => parse_bytes(&bytes, &entry.rel, front_matter, diags),
    }
}

/// Decodes and parses one file's bytes: the whole reader, without the file
/// system (the fuzz test drives it directly). Never panics, whatever the bytes.
pub fn parse_bytes<T: DeserializeOwned>(
    bytes: &[u8],
    rel: &Path,
    front_matter: bool,
    diags: &mut Vec<Diagnostic>,
) -> Checked<Document<T>> {
    let text = match decode::decode(bytes) {
        Ok(t) => t,
        Err(e) => return Err(Reported::push(diags, decode_problem(rel, bytes, e))),
    };
    let source = Source::new(rel.to_path_buf(), text);
    let (yaml, body, body_line) = if front_matter {
        match frontmatter::split(&source.text) {
            Ok(s) => (s.yaml.to_string(), s.body.to_string(), s.body_line),
            Err(e) => {
                let why = Reported::push(diags, split_problem(&source, e));
                return Ok(Document::unread(source, String::new(), 1, why));
            }
        }
    } else {
        if source.text.trim().is_empty() {
            let why = Reported::push(
                diags,
                Diagnostic::error(Rule::EmptyFile, rel, t!("tệp trống", "the file is empty")).hint(
                    t!(
                "site.yaml cần ít nhất: title, base_url và office (name); xem docs/dinh-dang.md",
                "site.yaml needs at least: title, base_url and office (name); see docs/format.md"
            ),
                ),
            );
            return Ok(Document::unread(source, String::new(), 1, why));
        }
        (source.text.clone(), String::new(), 1)
    };
    let tabs = frontmatter::tab_indented_lines(&yaml);
    if let Some(&first) = tabs.first() {
        let tab_line = |line: usize| {
            Diagnostic::error(
                Rule::TabIndent,
                rel,
                t!(
                    "dòng này thụt lề bằng phím Tab",
                    "this line is indented with a Tab"
                ),
            )
            .at(Some(source.locate_line(line)))
            .hint(t!(
                "YAML chỉ cho phép thụt lề bằng dấu cách: thay mỗi Tab bằng 2 dấu cách",
                "YAML allows only spaces for indentation: replace each Tab with 2 spaces"
            ))
        };
        let why = Reported::push(diags, tab_line(first));
        for &line in &tabs[1..] {
            diags.push(tab_line(line));
        }
        return Ok(Document::unread(source, body, body_line, why));
    }
    // What the parser would misread or report in English, said first; its
    // own report of a line already explained is left out.
    let linted = lint::diagnostics(&source, &yaml);
    let explained: Vec<usize> = linted
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.location.as_ref().map(|l| l.line))
        .collect();
    let parsed = yaml::parse::<T>(&source, &yaml);
    diags.extend(linted);
    // A parser error is left out only when the lint found an error in this
    // file: the proof in `parsed.value` still stands for the file.
    diags.extend(parsed.diagnostics.into_iter().filter(|d| {
        let line = d.location.as_ref().map(|l| l.line);
        explained.is_empty()
            || !(d.code == Rule::YamlSyntax || line.is_some_and(|l| explained.contains(&l)))
    }));
    Ok(Document {
        source,
        raw: parsed.value,
        body,
        body_line,
        suggested: parsed.suggested,
    })
}

const RESAVE_HINT_VI: &str = "mở tệp bằng Notepad, chọn File → Save As, ở ô Encoding chọn UTF-8 rồi lưu (với Word: lưu dạng Plain Text, chọn Unicode (UTF-8))";
const RESAVE_HINT_EN: &str = "open the file in Notepad, choose File → Save As, pick UTF-8 under Encoding and save (from Word: save as Plain Text, encoding Unicode (UTF-8))";

fn decode_problem(rel: &Path, bytes: &[u8], e: DecodeError) -> Diagnostic {
    match e {
        DecodeError::TooLarge { bytes } => {
            let kb = bytes / 1024;
            Diagnostic::error(Rule::TooLarge, rel, t!("tệp quá lớn ({kb} KB; tối đa 1024 KB)", "the file is too large ({kb} KB; at most 1024 KB)"))
                .hint(t!("một thủ tục chỉ là văn bản; tệp lớn (bản quét, hình ảnh) hãy đặt thành tệp đính kèm", "a procedure is plain text; put large files (scans, pictures) beside it as attachments"))
        }
        DecodeError::NotAFile(what) => walk::special_file(rel, what),
        DecodeError::Utf16 => Diagnostic::error(
            Rule::NotUtf8,
            rel,
            t!(
                "tệp được lưu dạng UTF-16 (Unicode), không phải UTF-8",
                "the file is saved as UTF-16 (Unicode), not UTF-8"
            ),
        )
        .hint(crate::lang::Text::new(RESAVE_HINT_VI, RESAVE_HINT_EN)),
        DecodeError::Binary => Diagnostic::error(
            Rule::NotText,
            rel,
            t!(
                "tệp có ký tự nhị phân, không phải văn bản",
                "the file holds binary data, not text"
            ),
        )
        .hint(crate::lang::Text::new(RESAVE_HINT_VI, RESAVE_HINT_EN)),
        DecodeError::NotUtf8 { line, column } => {
            // Show the line as best we can (bad bytes as �) so the clerk sees where.
            let lossy = Source::new(
                rel.to_path_buf(),
                String::from_utf8_lossy(bytes).into_owned(),
            );
            let at = (!bytes.is_empty()).then(|| lossy.locate_line_col(line, column, Some(1)));
            Diagnostic::error(
            Rule::NotUtf8,
            rel,
            t!(
                "tệp không phải UTF-8 (dòng {line}, cột {column}); có thể đã lưu bằng bảng mã cũ Windows-1258, TCVN3 hoặc VNI",
                "the file is not UTF-8 (line {line}, column {column}); it was perhaps saved in an old code page: Windows-1258, TCVN3 or VNI"
            ),
        )
        .hint(t!(
            "{RESAVE_HINT_VI}; nếu chữ bị lỗi font, dùng Unikey (Công cụ chuyển mã) chuyển sang Unicode trước",
            "{RESAVE_HINT_EN}; if the letters look garbled, convert to Unicode first with Unikey's converter"
        ))
        .at(at)
        }
    }
}

fn split_problem(source: &Source, e: SplitError) -> Diagnostic {
    let rel = &source.rel_path;
    match e {
        // A field's _index.md needs one line; a procedure, the template.
        SplitError::Empty if rel.file_name().is_some_and(|n| n == "_index.md") => {
            Diagnostic::error(Rule::EmptyFile, rel, t!("tệp trống", "the file is empty")).hint(t!(
                "viết tên lĩnh vực giữa hai dòng ---, ví dụ:\n---\nname: Hộ tịch\n---",
                "write the field's name between two --- lines, e.g.:\n---\nname: Civil status\n---"
            ))
        }
        SplitError::Empty => Diagnostic::error(Rule::EmptyFile, rel, t!("tệp trống", "the file is empty")).hint(t!(
            "tệp cần phần khai báo giữa hai dòng ---; chép một thủ tục mẫu trong docs/dinh-dang.md rồi sửa",
            "the file needs front matter between two --- lines; copy the procedure template from docs/format.md and edit it"
        )),
        SplitError::NoOpening { looks_like_yaml } => {
            let hint = if looks_like_yaml {
                t!("thêm một dòng --- ở đầu tệp, và một dòng --- sau phần khai báo", "add a line --- at the top of the file, and a line --- after the front matter")
            } else {
                t!("tệp phải bắt đầu bằng dòng --- rồi đến phần khai báo (title: ...), rồi một dòng --- nữa", "the file must start with a line ---, then the front matter (title: ...), then another line ---")
            };
            Diagnostic::error(Rule::NoFrontMatter, rel, t!("dòng đầu tiên phải là ---", "the first line must be ---"))
                .at(Some(source.locate_line(first_nonblank_line(&source.text))))
                .hint(hint)
        }
        SplitError::Unclosed => Diagnostic::error(Rule::UnclosedFrontMatter, rel, t!("phần khai báo mở bằng --- nhưng không có dòng --- đóng lại", "the front matter opens with --- but no line --- closes it"))
            .at(Some(source.locate_line(first_nonblank_line(&source.text))))
            .hint(t!("thêm một dòng chỉ có --- sau khóa cuối cùng, trước phần nội dung", "add a line with only --- after the last key, before the text")),
        SplitError::EmptyFrontMatter { closing_line } => Diagnostic::error(Rule::EmptyFrontMatter, rel, t!("phần khai báo giữa hai dòng --- đang trống", "the front matter between the --- lines is empty"))
            .at(Some(source.locate_line(closing_line)))
            .hint(t!("viết các khóa bắt buộc (ví dụ title: ...) giữa hai dòng ---", "write the required keys (e.g. title: ...) between the --- lines")),
    }
}

fn first_nonblank_line(text: &str) -> usize {
    text.lines()
        .position(|l| !l.trim().is_empty())
        .map_or(1, |i| i + 1)
}
