//! `niemyet review`: the site against the national records (JSON) or a
//! provincial table (CSV/XLSX). check → read each `--against` file with the
//! importer's reader ([`source`]) → match records to procedures
//! ([`matching`]) → whether each should be posted ([`status`]) and what
//! differs ([`compare`]) → located diagnostics and the printable biên bản
//! ([`page`]). Exit 1 when something differs, 0 when all agree, 2 when the
//! site or a file could not be read or the biên bản not written.

pub mod compare;
pub mod finding;
pub mod locate;
pub mod matching;
pub mod norm;
pub mod page;
pub mod source;
pub mod status;
pub mod upstream;

use crate::atomic::{self, Existing};
use crate::build::{inside, shown};
use crate::check::{check_site, CheckOptions};
use crate::diag::Rule;
use crate::diag::{self, Diagnostic};
use crate::lang::Lang;
use crate::model::{Date, Site};
use crate::t;
pub use finding::Finding;
use std::path::{Path, PathBuf};
pub use upstream::Upstream;

/// The default name of the biên bản, beside `content/`.
pub const PAGE_NAME: &str = "bien-ban-ra-soat.html";

#[derive(Debug, Clone)]
pub struct ReviewOptions {
    pub today: Date,
    pub lang: Option<Lang>,
    pub against: Vec<PathBuf>,
    /// The biên bản's file, or a folder to write [`PAGE_NAME`] in; default
    /// `<root>/bien-ban-ra-soat.html`.
    pub out: Option<PathBuf>,
}

/// What was compared, for the biên bản's summary.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Procedures the site posts on the day (in force or upcoming).
    pub posted: usize,
    pub records: usize,
    /// Records that matched a site procedure.
    pub matched: usize,
    /// Posted procedures no record is about (not compared).
    pub unmatched: Vec<String>,
}

#[derive(Debug)]
pub struct ReviewOutcome {
    pub diagnostics: Vec<Diagnostic>,
    pub lang: Lang,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Where the biên bản was written.
    pub page: Option<PathBuf>,
    /// 0 all agree, 1 something differs, 2 nothing could be compared.
    pub code: u8,
}

pub fn review(root: &Path, opts: &ReviewOptions) -> ReviewOutcome {
    let checked = check_site(
        root,
        CheckOptions {
            today: opts.today,
            lang: opts.lang,
        },
    );
    // Warnings of check (a stale date…) are check's to say; only errors,
    // which stop the review, are shown here.
    let mut outcome = ReviewOutcome {
        diagnostics: checked
            .diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect(),
        lang: checked.lang,
        findings: Vec::new(),
        summary: Summary::default(),
        page: None,
        code: 2,
    };
    let mut records = Vec::new();
    for file in &opts.against {
        // Named whole in messages: a record file is not under --root.
        match source::read(&shown(file)) {
            Ok(r) => records.extend(r),
            Err(d) => outcome.diagnostics.extend(d),
        }
    }
    let Some(site) = checked.site else {
        outcome.diagnostics.push(site_unreadable());
        return outcome;
    };
    if !outcome.diagnostics.is_empty() {
        return outcome;
    }
    let (findings, summary) = findings(root, &site, &records, opts.today);
    outcome.diagnostics = findings.iter().map(Finding::to_diagnostic).collect();
    diag::sort(&mut outcome.diagnostics);
    outcome.findings = findings;
    outcome.summary = summary;
    write_page(root, &site, opts, &mut outcome);
    outcome
}

/// Every finding of the records against the site, and what was compared.
pub fn findings(
    root: &Path,
    site: &Site,
    records: &[Upstream],
    today: Date,
) -> (Vec<Finding>, Summary) {
    let index = matching::Index::new(&site.procedures, today);
    let mut hit = vec![false; site.procedures.len()];
    let mut out = Vec::new();
    for r in records {
        let Some(i) = index.find(r) else {
            if r.commune && !status::repealed_upstream(r, today) {
                out.push(status::missing(r));
            }
            continue;
        };
        hit[i] = true;
        let p = &site.procedures[i];
        let places = locate::Places::read(root, p);
        if let Some(f) = status::status(p, r, today, &places) {
            out.push(f);
        } else if !status::repealed_upstream(r, today) {
            let pair = compare::Pair {
                site: p,
                record: r,
                places: &places,
            };
            out.extend(compare::compare(&pair));
        }
    }
    let posted = |p: &crate::model::Procedure| p.status(today) != crate::model::Status::Repealed;
    let summary = Summary {
        posted: site.procedures.iter().filter(|p| posted(p)).count(),
        records: records.len(),
        matched: hit.iter().filter(|h| **h).count(),
        unmatched: site
            .procedures
            .iter()
            .zip(&hit)
            .filter(|(p, h)| !**h && posted(p))
            .map(|(p, _)| p.title.clone())
            .collect(),
    };
    (out, summary)
}

fn write_page(root: &Path, site: &Site, opts: &ReviewOptions, outcome: &mut ReviewOutcome) {
    let out = page_path(root, opts.out.as_deref());
    if inside(&out, &root.join("content")) {
        outcome.diagnostics.push(
            Diagnostic::error(
                Rule::OutInContent,
                shown(&out),
                t!(
                    "biên bản nằm trong content/: lần kiểm tra sau sẽ đọc nhầm nó như nội dung",
                    "the report is inside content/: the next check would read it as content"
                ),
            )
            .hint(t!(
                "ghi ra ngoài content/, ví dụ --out {PAGE_NAME} (mặc định)",
                "write it outside content/, e.g. --out {PAGE_NAME} (the default)"
            )),
        );
        return;
    }
    let html = page::render(site, &outcome.findings, &outcome.summary, opts);
    // A folder named with --out is made if it is not there yet.
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    match atomic::write(&out, html.as_bytes(), Existing::ReplaceIfMarked(page::MARK)) {
        Ok(()) => {
            outcome.page = Some(shown(&out));
            let differs = outcome.findings.iter().any(|f| !f.note);
            outcome.code = u8::from(differs);
        }
        Err(e) => {
            let mut d = crate::export::write_problem(&out, e);
            if d.code == Rule::OutExists {
                d = d.hint(t!(
                    "tệp này không do niemyet review viết nên không bị ghi đè; chọn tên khác với --out",
                    "this file was not written by niemyet review, so it is not replaced; choose another name with --out"
                ));
            }
            outcome.diagnostics.push(d);
        }
    }
}

/// `--out` as a file, or a folder (existing, or written with a final `/`)
/// to hold [`PAGE_NAME`].
fn page_path(root: &Path, out: Option<&Path>) -> PathBuf {
    match out {
        None => root.join(PAGE_NAME),
        Some(o) if o.is_dir() || o.as_os_str().to_string_lossy().ends_with(['/', '\\']) => {
            o.join(PAGE_NAME)
        }
        Some(o) => o.to_path_buf(),
    }
}

fn site_unreadable() -> Diagnostic {
    Diagnostic::error(
        Rule::ReviewSite,
        "content",
        t!(
            "nội dung trang có lỗi nên chưa rà soát được",
            "the site's content has errors, so it cannot be reviewed"
        ),
    )
    .hint(t!(
        "sửa các lỗi trên (niemyet check) rồi chạy lại niemyet review",
        "fix the errors above (niemyet check), then run niemyet review again"
    ))
}
