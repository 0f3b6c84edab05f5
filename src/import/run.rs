//! `niemyet import`: read every input, map, plan, write each file's text,
//! check the result with the real `check` (load + model) in a scratch copy
//! holding site.yaml, the fields involved and the new files, and only then
//! write into `content/`, never over an existing file (except the file
//! `--update` merges into). Any problem in any input: nothing is written.

use super::draft::Draft;
use super::plan::{self, Existing, Planned};
use super::record::{Input, Record, TableRow};
use super::review::{self, FileItems, Item};
use super::{fingerprint, map, map_table, merge, read};
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::lang::{Lang, Text};
use crate::t;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub struct ImportOptions {
    pub root: PathBuf,
    pub files: Vec<PathBuf>,
    /// `--field`: every procedure goes to this field (slug or name).
    pub field: Option<String>,
    pub update: bool,
    pub today: jiff::civil::Date,
    pub lang: Option<Lang>,
}

#[derive(Default)]
pub struct ImportOutcome {
    /// 0 done, 1 problems in the inputs or the result, 2 usage or I/O.
    pub code: u8,
    pub lang: Lang,
    pub problems: Vec<Diagnostic>,
    pub written: Vec<PathBuf>,
    pub updated: Vec<PathBuf>,
    pub skipped: Vec<Text>,
    pub review: Vec<FileItems>,
    pub review_file: Option<PathBuf>,
    /// Unified diffs of the files `--update` changed: (file, old, new).
    pub diffs: Vec<(PathBuf, String, String)>,
}

impl ImportOutcome {
    fn refuse(&mut self, code: u8, d: Vec<Diagnostic>) -> &mut Self {
        self.code = self.code.max(code);
        self.problems.extend(d);
        self
    }
}

/// A record, or a table row, or both joined by code.
struct Item2 {
    record: Option<Record>,
    row: Option<TableRow>,
}

/// Repealed, as the row or the record says.
fn repeal_of(it: &Item2) -> Option<&super::record::Repeal> {
    let row = it.row.as_ref().and_then(|r| r.repealed.as_ref());
    row.or_else(|| it.record.as_ref().and_then(|r| r.repealed.as_ref()))
}

pub fn run(opts: &ImportOptions) -> ImportOutcome {
    let mut out = ImportOutcome {
        lang: opts.lang.unwrap_or_default(),
        ..ImportOutcome::default()
    };
    if let Some(problem) = usage_problem(opts) {
        out.refuse(2, vec![problem]);
        return out;
    }
    let clock = Stopwatch::new();
    let files = super::inputs::expand(&opts.files);
    let (mut inputs, rows) = match read_all(&files) {
        Ok(x) => x,
        Err(d) => {
            out.refuse(1, d);
            return out;
        }
    };
    join(&mut inputs, rows);
    let loaded = crate::load::load(&opts.root);
    out.lang = opts.lang.or_else(|| site_lang(&loaded)).unwrap_or_default();
    let mut site = plan::site(&loaded);
    drop_repealed(&mut inputs, &site, &mut out);
    let mut planned: Vec<Planned> = Vec::new();
    let mut new_fields: Vec<plan::FieldInfo> = Vec::new();
    let mut placed: Vec<(PathBuf, map::Mapped)> = Vec::new();
    clock.lap("read");
    let mapped = map_all(&inputs, opts.today);
    clock.lap("map");
    let mut seen_codes: HashSet<String> = HashSet::new();
    for (code, mapped) in mapped {
        let Some(mut mapped) = mapped else { continue };
        if let Some(c) = &code {
            if !seen_codes.insert(crate::model::code_key(c)) {
                out.skipped.push(t!(
                    "{c}: có hai lần trong các tệp nhập; chỉ nhập lần đầu",
                    "{c}: given twice in the inputs; only the first is imported"
                ));
                continue;
            }
        }
        // Identity is the code; a table row without one is known by its
        // title, so importing the same table twice makes no duplicates.
        let existing = match code.as_deref() {
            Some(c) => site.codes.get(&crate::model::code_key(c)).cloned(),
            None => site
                .titles
                .get(&crate::text::slugify(&mapped.draft.title))
                .cloned(),
        };
        match (existing, opts.update) {
            (Some(e), true) => match update_one(&e, &mut mapped, opts.today, &mut out) {
                Some(p) => planned.push(p),
                None => continue,
            },
            (Some(e), false) => {
                let c = code.map(|c| format!("{c} ")).unwrap_or_default();
                let at = e.rel.to_string_lossy().replace('\\', "/");
                out.skipped.push(t!(
                    "{c}\"{}\": đã có trong trang ({at}); không ghi đè. Muốn cập nhật theo bản ghi mới: niemyet import --update",
                    "{c}\"{}\": already in the site ({at}); not overwritten. To update it from the new record: niemyet import --update",
                    mapped.draft.title
                ));
                continue;
            }
            (None, _) => {
                let rel = place(opts, &mut site, &mapped, &mut new_fields);
                placed.push((rel, mapped));
            }
        }
    }
    let rendered: Vec<(Planned, FileItems)> = placed
        .into_par_iter()
        .map(|(rel, m)| render_new(rel, m))
        .collect();
    for (p, items) in rendered {
        planned.push(p);
        out.review.push(items);
    }
    clock.lap("plan");
    drop(loaded);
    finish(opts, planned, new_fields, out)
}

/// Why the command cannot start: no `content/` here, or no file named.
fn usage_problem(opts: &ImportOptions) -> Option<Diagnostic> {
    if !opts.root.join("content").is_dir() {
        return Some(crate::load::walk::no_content(&opts.root));
    }
    opts.files.is_empty().then(|| {
        Diagnostic::error(
            Rule::ImportUsage,
            "",
            t!("chưa ghi tệp nào để nhập", "no file to import"),
        )
        .hint(t!(
            "ghi tên tệp bản ghi (.json) hoặc bảng (.csv, .xlsx): niemyet import 1.001193.json",
            "name a record file (.json) or a table (.csv, .xlsx): niemyet import 1.001193.json"
        ))
    })
}

/// A repealed procedure makes no file: it is left out, and said so.
fn drop_repealed(inputs: &mut Vec<Item2>, site: &plan::Site, out: &mut ImportOutcome) {
    inputs.retain(|it| match repeal_of(it) {
        Some(rep) => {
            out.skipped.push(super::repealed::said(
                it.record.as_ref(),
                it.row.as_ref(),
                rep,
                site,
            ));
            false
        }
        None => true,
    });
}

/// Every input read; all of their problems, or records and table rows.
fn read_all(files: &[PathBuf]) -> Result<(Vec<Item2>, Vec<TableRow>), Vec<Diagnostic>> {
    let (mut inputs, mut rows, mut problems) = (Vec::new(), Vec::new(), Vec::new());
    // Files read in parallel, their records kept in the order given.
    let read: Vec<_> = files.par_iter().map(|f| read::read_input(f)).collect();
    for r in read {
        match r {
            Ok(Input::Records(rs)) => inputs.extend(rs.into_iter().map(|r| Item2 {
                record: Some(r),
                row: None,
            })),
            Ok(Input::Table(t)) => rows.extend(t),
            Err(d) => problems.extend(d),
        }
    }
    if problems.is_empty() {
        Ok((inputs, rows))
    } else {
        Err(problems)
    }
}

/// Each input mapped with its code. Mapping is per record and pure: done
/// in parallel, kept in order.
fn map_all(
    inputs: &[Item2],
    today: jiff::civil::Date,
) -> Vec<(Option<String>, Option<map::Mapped>)> {
    inputs
        .par_iter()
        .map(|it| {
            let code = it
                .record
                .as_ref()
                .map(|r| r.code.clone())
                .or_else(|| it.row.as_ref().and_then(|r| r.code.clone()));
            let m = match (&it.record, &it.row) {
                (Some(r), row) => {
                    let mut m = map::record(r, today);
                    if let Some(row) = row {
                        map_table::apply_row(&mut m, row);
                    }
                    Some(m)
                }
                (None, Some(row)) => Some(map_table::row_only(row, today)),
                (None, None) => None,
            };
            let m = m.map(|mut m| {
                let deadline = &mut m.draft.deadline;
                super::cutoff::settle(deadline, it.record.as_ref(), &mut m.items);
                m
            });
            (code, m)
        })
        .collect()
}

fn site_lang(loaded: &crate::load::Loaded) -> Option<Lang> {
    let raw = loaded.site.as_ref()?.as_ref().ok()?.raw.as_ref().ok()?;
    Lang::parse(&raw.language.value()?.value)
}

/// Table rows joined to the records of the same code; the others stand
/// alone.
fn join(inputs: &mut Vec<Item2>, rows: Vec<TableRow>) {
    for row in rows {
        let key = row.code.as_deref().map(crate::model::code_key);
        let hit = key.as_ref().and_then(|k| {
            inputs.iter_mut().find(|i| {
                i.row.is_none()
                    && i.record
                        .as_ref()
                        .is_some_and(|r| crate::model::code_key(&r.code) == *k)
            })
        });
        match hit {
            Some(i) => {
                // A repeal table's row repeals the record it names.
                if let (Some(rep), Some(r)) = (&row.repealed, i.record.as_mut()) {
                    r.repealed = Some(rep.clone());
                }
                i.row = Some(row);
            }
            None => inputs.push(Item2 {
                record: None,
                row: Some(row),
            }),
        }
    }
}

/// Where a new procedure goes (serial: fields and file names are shared).
fn place(
    opts: &ImportOptions,
    site: &mut plan::Site,
    mapped: &map::Mapped,
    new_fields: &mut Vec<plan::FieldInfo>,
) -> PathBuf {
    let field_name = opts
        .field
        .clone()
        .or_else(|| mapped.field_name.clone())
        .unwrap_or_else(|| "Khác".into());
    let field = site.field_for(&field_name);
    if !field.exists && !new_fields.iter().any(|f| f.slug == field.slug) {
        new_fields.push(field.clone());
    }
    let slug = site.slug_for(
        &field.slug,
        &mapped.draft.title,
        mapped.draft.code.as_deref(),
    );
    if mapped.forms.is_empty() {
        PathBuf::from(format!("content/{}/{slug}.md", field.slug))
    } else {
        PathBuf::from(format!("content/{}/{slug}/index.md", field.slug))
    }
}

/// A placed procedure's text and located review items (in parallel).
fn render_new(rel: PathBuf, mut mapped: map::Mapped) -> (Planned, FileItems) {
    let draft = &mut mapped.draft;
    seal(draft);
    let written = draft.write();
    let items = FileItems {
        file: rel.clone(),
        title: draft.title.clone(),
        code: draft.code.clone(),
        items: review::locate(std::mem::take(&mut mapped.items), &written.lines),
    };
    let planned = Planned {
        rel,
        text: written.text,
        forms: mapped.forms,
        replaces: None,
        keep: Vec::new(),
    };
    (planned, items)
}

/// Sets the fingerprint of what is about to be written.
pub fn seal(d: &mut Draft) {
    if let Some(s) = d.source.as_mut() {
        s.fingerprint = None;
    }
    let fp = fingerprint::fingerprint(d);
    if let Some(s) = d.source.as_mut() {
        s.fingerprint = Some(fp);
    }
}

fn update_one(
    e: &Existing,
    mapped: &mut map::Mapped,
    today: jiff::civil::Date,
    out: &mut ImportOutcome,
) -> Option<Planned> {
    let old_text = match std::fs::read_to_string(&e.abs) {
        Ok(t) => crate::text::nfc(&t.replace("\r\n", "\n")),
        Err(err) => {
            out.skipped.push(t!(
                "{}: không đọc được ({err}); không cập nhật",
                "{}: cannot be read ({err}); not updated",
                e.rel.display()
            ));
            return None;
        }
    };
    let mut diags = Vec::new();
    let doc = crate::load::parse_bytes::<crate::load::raw::RawProcedure>(
        old_text.as_bytes(),
        &e.rel,
        true,
        &mut diags,
    );
    let Some((raw, body)) = doc.ok().and_then(|d| d.raw.ok().map(|r| (r, d.body))) else {
        // Its own errors are check's to report; the other files go on.
        out.skipped.push(t!(
            "{}: tệp đang có lỗi; sửa lỗi (niemyet check) rồi cập nhật",
            "{}: the file has errors; fix them (niemyet check) and update again",
            e.rel.display()
        ));
        return None;
    };
    let current = Draft::from_raw(&raw, &body);
    // The fingerprint is of the record's values (what the importer would
    // write), so a value the clerk keeps still counts as edited next time.
    seal(&mut mapped.draft);
    let (mut merged, mut items) = merge::merge(&current, &mapped.draft, today);
    let forms = settle_forms(&mut merged, e, &mapped.forms, &mut items);
    let written = merged.write();
    if written.text == old_text {
        out.skipped.push(t!(
            "{}: không có gì thay đổi",
            "{}: nothing changed",
            e.rel.display()
        ));
        return None;
    }
    out.review.push(FileItems {
        file: e.rel.clone(),
        title: merged.title.clone(),
        code: merged.code.clone(),
        items: review::locate(
            items
                .into_iter()
                .chain(std::mem::take(&mut mapped.items))
                .collect::<Vec<Item>>(),
            &written.lines,
        ),
    });
    out.diffs
        .push((e.rel.clone(), old_text.clone(), written.text.clone()));
    Some(Planned {
        rel: e.rel.clone(),
        text: written.text,
        forms,
        replaces: Some((e.abs.clone(), old_text)),
        keep: kept_files(&merged, e),
    })
}

/// The forms and samples the merged file names that are already beside it.
fn kept_files(merged: &Draft, e: &Existing) -> Vec<PathBuf> {
    let dir = e.abs.parent().map(Path::to_path_buf).unwrap_or_default();
    merged
        .documents
        .iter()
        .flat_map(|d| [&d.form, &d.sample])
        .flatten()
        .map(|n| dir.join(n))
        .filter(|p| p.is_file())
        .collect()
}

/// The forms a merged file names: those beside it stay; a new one the
/// record brought is copied into a bundle; one that cannot be (the file
/// is no bundle, or the form was not beside the record) is left out of
/// the file and put on the review list, so the file still checks.
fn settle_forms(
    merged: &mut Draft,
    e: &Existing,
    found: &[(PathBuf, String)],
    items: &mut Vec<Item>,
) -> Vec<(PathBuf, String)> {
    let dir = e.abs.parent().map(Path::to_path_buf).unwrap_or_default();
    let bundle = e.rel.ends_with("index.md");
    let mut copies = Vec::new();
    for (i, d) in merged.documents.iter_mut().enumerate() {
        let Some(name) = d.form.clone() else { continue };
        if dir.join(&name).is_file() {
            continue;
        }
        if let Some((from, _)) = found.iter().find(|(_, n)| *n == name).filter(|_| bundle) {
            copies.push((from.clone(), name));
            continue;
        }
        d.form = None;
        items.push(Item::new(
            "form-missing",
            format!("documents.{i}"),
            t!(
                "bản ghi mới có mẫu \"{name}\" mà thư mục thủ tục chưa có; chép tệp mẫu vào cạnh tệp thủ tục rồi ghi form: {name}",
                "the new record has the form \"{name}\", not in the procedure's folder; copy the form beside the procedure and write form: {name}"
            ),
        ));
    }
    copies
}

fn finish(
    opts: &ImportOptions,
    planned: Vec<Planned>,
    new_fields: Vec<plan::FieldInfo>,
    mut out: ImportOutcome,
) -> ImportOutcome {
    if !out.problems.is_empty() {
        return out;
    }
    let clock = Stopwatch::new();
    let problems = super::verify::verify(&planned, &new_fields, opts.today);
    clock.lap("verify");
    if !problems.is_empty() {
        out.refuse(1, problems);
        return out;
    }
    let written = super::verify::write_all(&opts.root, &planned, &new_fields);
    clock.lap("write");
    if let Err(d) = written {
        out.refuse(2, vec![*d]);
        return out;
    }
    for p in &planned {
        if p.replaces.is_some() {
            out.updated.push(p.rel.clone());
        } else {
            out.written.push(p.rel.clone());
        }
    }
    let path = review::review_path(&opts.root, opts.today);
    let text = review::markdown(&out.review, &out.skipped, out.lang, opts.today);
    match std::fs::write(&path, text) {
        Ok(()) => out.review_file = Some(path),
        Err(e) => out.skipped.push(t!(
            "không ghi được danh sách rà soát: {e}",
            "cannot write the review list: {e}"
        )),
    }
    out
}

/// Stage times on stderr when `NIEMYET_IMPORT_TIMINGS` is set, for the
/// benchmark (BENCHMARKS.md); silent otherwise.
struct Stopwatch {
    start: std::cell::Cell<std::time::Instant>,
    on: bool,
}

impl Stopwatch {
    fn new() -> Stopwatch {
        Stopwatch {
            start: std::cell::Cell::new(std::time::Instant::now()),
            on: std::env::var_os("NIEMYET_IMPORT_TIMINGS").is_some(),
        }
    }

    fn lap(&self, stage: &str) {
        if self.on {
            eprintln!(
                "{stage:<7} {:>6} ms",
                self.start.get().elapsed().as_millis()
            );
        }
        self.start.set(std::time::Instant::now());
    }
}

/// Where a path shows in messages: relative to `root`.
pub fn shown(root: &Path, rel: &Path) -> String {
    let p = if root == Path::new(".") {
        rel.to_path_buf()
    } else {
        root.join(rel)
    };
    crate::text::printable(&p.to_string_lossy().replace('\\', "/")).into_owned()
}
