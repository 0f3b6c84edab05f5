//! `niemyet import`: read every input, map, plan, write each file's text,
//! check the result with the real `check` (load + model) in a scratch copy
//! holding site.yaml, the fields involved and the new files, and only then
//! write into `content/`, never over an existing file (except the file
//! `--update` merges into). Any problem in any input: nothing is written.

use super::draft::Draft;
use super::plan::{self, Existing};
use super::record::{Input, Record, TableRow};
use super::review::{self, FileItems, Item};
use super::{fingerprint, map, map_table, merge, read};
use crate::diag::Diagnostic;
use crate::lang::{Lang, Text};
use crate::t;
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

/// One file to write.
pub struct Planned {
    pub rel: PathBuf,
    pub text: String,
    /// Form files: (from, name beside the procedure).
    pub forms: Vec<(PathBuf, String)>,
    /// The file it replaces (`--update`), with its old text.
    pub replaces: Option<(PathBuf, String)>,
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

pub fn run(opts: &ImportOptions) -> ImportOutcome {
    let mut out = ImportOutcome {
        lang: opts.lang.unwrap_or_default(),
        ..ImportOutcome::default()
    };
    if !opts.root.join("content").is_dir() {
        out.refuse(2, vec![crate::load::walk::no_content(&opts.root)]);
        return out;
    }
    if opts.files.is_empty() {
        out.refuse(
            2,
            vec![Diagnostic::error(
                "import-usage",
                "",
                t!("chưa ghi tệp nào để nhập", "no file to import"),
            )
            .hint(t!(
                "ghi tên tệp bản ghi (.json) hoặc bảng (.csv, .xlsx): niemyet import 1.001193.json",
                "name a record file (.json) or a table (.csv, .xlsx): niemyet import 1.001193.json"
            ))],
        );
        return out;
    }
    let mut inputs: Vec<Item2> = Vec::new();
    let mut rows: Vec<TableRow> = Vec::new();
    for f in &opts.files {
        match read::read_input(f) {
            Ok(Input::Records(rs)) => inputs.extend(rs.into_iter().map(|r| Item2 {
                record: Some(r),
                row: None,
            })),
            Ok(Input::Table(t)) => rows.extend(t),
            Err(d) => {
                out.refuse(1, d);
            }
        }
    }
    if !out.problems.is_empty() {
        return out;
    }
    join(&mut inputs, rows);
    let loaded = crate::load::load(&opts.root);
    out.lang = opts.lang.or_else(|| site_lang(&loaded)).unwrap_or_default();
    let mut site = plan::site(&loaded);
    let mut planned: Vec<Planned> = Vec::new();
    let mut new_fields: Vec<plan::FieldInfo> = Vec::new();
    let mut seen_codes: Vec<String> = Vec::new();
    for it in inputs {
        let code = it
            .record
            .as_ref()
            .map(|r| r.code.clone())
            .or_else(|| it.row.as_ref().and_then(|r| r.code.clone()));
        if let Some(c) = &code {
            let key = crate::model::code_key(c);
            if seen_codes.contains(&key) {
                out.skipped.push(t!(
                    "{c}: có hai lần trong các tệp nhập; chỉ nhập lần đầu",
                    "{c}: given twice in the inputs; only the first is imported"
                ));
                continue;
            }
            seen_codes.push(key);
        }
        let mut mapped = match (&it.record, &it.row) {
            (Some(r), row) => {
                let mut m = map::record(r, opts.today);
                if let Some(row) = row {
                    map_table::apply_row(&mut m, row);
                }
                m
            }
            (None, Some(row)) => map_table::row_only(row, opts.today),
            (None, None) => continue,
        };
        let existing = code
            .as_deref()
            .and_then(|c| site.codes.get(&crate::model::code_key(c)).cloned());
        match (existing, opts.update) {
            (Some(e), true) => match update_one(&e, &mut mapped, opts.today, &mut out) {
                Some(p) => planned.push(p),
                None => continue,
            },
            (Some(e), false) => {
                let c = code.unwrap_or_default();
                let at = e.rel.to_string_lossy().replace('\\', "/");
                out.skipped.push(t!(
                    "{c} \"{}\": đã có trong trang ({at}); không ghi đè. Muốn cập nhật theo bản ghi mới: niemyet import --update",
                    "{c} \"{}\": already in the site ({at}); not overwritten. To update it from the new record: niemyet import --update",
                    mapped.draft.title
                ));
                continue;
            }
            (None, _) => {
                let p = new_one(opts, &mut site, &mut mapped, &mut new_fields, &mut out);
                planned.push(p);
            }
        }
    }
    finish(opts, planned, new_fields, &loaded, out)
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
            Some(i) => i.row = Some(row),
            None => inputs.push(Item2 {
                record: None,
                row: Some(row),
            }),
        }
    }
}

fn new_one(
    opts: &ImportOptions,
    site: &mut plan::Site,
    mapped: &mut map::Mapped,
    new_fields: &mut Vec<plan::FieldInfo>,
    out: &mut ImportOutcome,
) -> Planned {
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
    let rel = if mapped.forms.is_empty() {
        PathBuf::from(format!("content/{}/{slug}.md", field.slug))
    } else {
        PathBuf::from(format!("content/{}/{slug}/index.md", field.slug))
    };
    let draft = &mut mapped.draft;
    seal(draft);
    let written = draft.write();
    out.review.push(FileItems {
        file: rel.clone(),
        title: draft.title.clone(),
        code: draft.code.clone(),
        items: review::locate(std::mem::take(&mut mapped.items), &written.lines),
    });
    Planned {
        rel,
        text: written.text,
        forms: std::mem::take(&mut mapped.forms),
        replaces: None,
    }
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
            out.refuse(
                2,
                vec![Diagnostic::error(
                    "import-io",
                    &e.rel,
                    t!("không đọc được: {err}", "cannot read: {err}"),
                )],
            );
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
        out.refuse(1, diags);
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
    let (merged, items) = merge::merge(&current, &mapped.draft, today);
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
        forms: Vec::new(),
        replaces: Some((e.abs.clone(), old_text)),
    })
}

fn finish(
    opts: &ImportOptions,
    planned: Vec<Planned>,
    new_fields: Vec<plan::FieldInfo>,
    loaded: &crate::load::Loaded,
    mut out: ImportOutcome,
) -> ImportOutcome {
    let problems = super::verify::verify(&opts.root, &planned, &new_fields, loaded, opts.today);
    if !problems.is_empty() {
        out.refuse(1, problems);
        return out;
    }
    if let Err(d) = super::verify::write_all(&opts.root, &planned, &new_fields) {
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

/// Where a path shows in messages: relative to `root`.
pub fn shown(root: &Path, rel: &Path) -> String {
    let p = if root == Path::new(".") {
        rel.to_path_buf()
    } else {
        root.join(rel)
    };
    crate::text::printable(&p.to_string_lossy().replace('\\', "/")).into_owned()
}
