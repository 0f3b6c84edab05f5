//! The waiting-room touch screen under `kiosk/` (issue 20).
//!
//! Why it looks like this:
//! - It is one page, `kiosk/index.html` (the theme's `kiosk/index.html`),
//!   whose screens (start, field, procedure, search, notices) are shown and
//!   hidden by `assets/kiosk.js`. Moving between screens never adds a
//!   history entry, so Back can never bring the last person's screens
//!   back, and the idle reset (`location.replace`) reloads a clean page.
//! - What differs per procedure is small data, not a second copy of every
//!   page: `kiosk/data/<field>.js` lists a field's procedures (what its
//!   screen shows), `kiosk/data/<field>.<i>.js` holds the facts of [`CHUNK`]
//!   of them, in the field's order, for the procedure screen, which the
//!   page fills from a `<template>`. Each file is one call
//!   (`niemyetKiosk.f(…)`, `niemyetKiosk.p(…)`), loaded as a `<script>`,
//!   so it works from `file://`.
//! - Search is the site's own: the page loads `search/search.js` and its
//!   index; nothing is indexed again here.
//! - QR codes (the procedure's public page, each form) are drawn in the
//!   browser by `assets/qr.js` from the addresses in the data: made here,
//!   they were 60 % of what the kiosk added to a build, each procedure's
//!   code made a second time (the posters make one).
//! - They are data files ([`super::OutputKey::KioskData`]): `serve` makes them when
//!   first asked for, as it does the search index, and its live reload
//!   reloads `kiosk/index.html`, a page.

use super::files::{Content, OutputFile, Sink};
use super::{format, markdown, urls};
use crate::lang::Lang;
use crate::model::{Date, Document, Kiosk, Notice, Procedure, Site, Status};
use rayon::prelude::*;
use serde::Serialize;

/// Procedures per data file of a field: a procedure screen loads 16
/// procedures' facts (~70 KB from disk) and a build writes one file per 16.
pub const CHUNK: usize = 16;

/// The page of the kiosk.
pub const PAGE: &str = "kiosk/index.html";
/// The folder of its data files.
pub const DATA: &str = "kiosk/data/";

/// The field whose kiosk data `path` is (`kiosk/data/<slug>.js` or
/// `kiosk/data/<slug>.<i>.js`), if it is one.
pub fn data_field(path: &str) -> Option<&str> {
    let name = path.strip_prefix(DATA)?.strip_suffix(".js")?;
    match name.rsplit_once('.') {
        Some((slug, i)) if !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit()) => Some(slug),
        _ => Some(name),
    }
}

/// The theme's files (`static/`, published under `assets/`) that only the
/// kiosk uses: left out of a site without one.
pub const ASSETS: &[&str] = &["kiosk.css", "kiosk.js", "qr.js"];

/// What the kiosk page's template sees besides the globals.
#[derive(Serialize)]
pub struct KioskView {
    pub idle_seconds: u32,
    /// Seconds of the "are you still there?" countdown.
    pub warn_seconds: u32,
    pub print: bool,
    /// Current notices, bodies without links (nothing leaves the kiosk).
    pub notices: Vec<KioskNotice>,
}

#[derive(Serialize)]
pub struct KioskNotice {
    pub title: String,
    pub date: String,
    pub expires: Option<String>,
    pub body_html: String,
}

/// The countdown before the reset: long enough to read the question and
/// reach the button, short enough that the next person finds a clean screen.
const WARN_SECONDS: u32 = 10;

pub fn view(site: &Site, settings: Kiosk, today: Date) -> KioskView {
    let notices = site
        .notices
        .iter()
        .filter(|n| n.is_current(today))
        .map(notice)
        .collect();
    KioskView {
        idle_seconds: settings.idle_seconds,
        warn_seconds: WARN_SECONDS,
        print: settings.print,
        notices,
    }
}

fn notice(n: &Notice) -> KioskNotice {
    KioskNotice {
        title: n.title.clone(),
        date: format::date(n.date),
        expires: n.expires.map(format::date),
        body_html: markdown::to_html_offline(&n.body),
    }
}

/// Field `f`'s list and its procedures' facts, into `sink`: made from
/// its procedures alone (and what every page sees), so that an edit
/// remakes its field's files only. `listed` are the procedures in lists
/// (not repealed), in catalogue order, and `summary` formats a list
/// entry's facts the way search results show them.
pub fn data_files(
    site: &Site,
    f: &crate::model::Field,
    listed: &[&Procedure],
    today: Date,
    summary: &(dyn Fn(&Procedure) -> String + Sync),
    sink: &dyn Sink,
) {
    let procs: Vec<&Procedure> = listed
        .iter()
        .copied()
        .filter(|p| p.field == f.slug)
        .collect();
    sink.put(field_list(&f.slug, &procs, summary));
    let jobs: Vec<(usize, &[&Procedure])> = procs.chunks(CHUNK).enumerate().collect();
    jobs.par_iter().for_each(|(i, procs)| {
        let records: Vec<Record> = procs
            .iter()
            .map(|p| record(p, site, &f.name, today))
            .collect();
        sink.put(script(
            format!("{DATA}{}.{i}.js", f.slug),
            &format!("niemyetKiosk.p({},{i},", json(&f.slug)),
            &records,
        ));
    });
}

/// `niemyetKiosk.f("ho-tich",16,[[slug,title,code,summary],…])`.
fn field_list(
    slug: &str,
    procs: &[&Procedure],
    summary: &dyn Fn(&Procedure) -> String,
) -> OutputFile {
    let rows: Vec<(&str, &str, &str, String)> = procs
        .iter()
        .map(|p| {
            let code = p.code.as_deref().unwrap_or_default();
            (p.slug.as_str(), p.title.as_str(), code, summary(p))
        })
        .collect();
    script(
        format!("{DATA}{slug}.js"),
        &format!("niemyetKiosk.f({},{CHUNK},", json(slug)),
        &rows,
    )
}

/// One data file: `head` (a call, opened), the JSON of `value`, `);`.
fn script(path: String, head: &str, value: &impl Serialize) -> OutputFile {
    let mut bytes = Vec::with_capacity(4096);
    bytes.extend_from_slice(head.as_bytes());
    // Serialising plain data into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut bytes, value);
    bytes.extend_from_slice(b");\n");
    OutputFile {
        path,
        content: Content::Bytes(bytes),
    }
}

fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// What the procedure screen shows, every fact already formatted; the
/// names are those the `<template>` of `kiosk/index.html` fills.
#[derive(Serialize)]
struct Record<'a> {
    slug: &'a str,
    title: &'a str,
    code: Option<&'a str>,
    field_name: &'a str,
    /// Takes effect on this date (not yet in force).
    upcoming: Option<String>,
    deadline: String,
    deadline_note: Option<&'a str>,
    /// The expected return date's rule (`w3`, `c30`, `h8`, `w0/15:00`).
    due: Option<String>,
    fees: Vec<FeeRecord<'a>>,
    /// "Không thu phí" when there is no fee at all.
    no_fees: Option<&'static str>,
    submit_at: &'a str,
    result: &'a str,
    documents: Vec<DocRecord<'a>>,
    steps: &'a [String],
    conditions: &'a [String],
    in_person: bool,
    postal: bool,
    online: Option<OnlineRecord>,
    non_territorial: bool,
    audience: Option<&'a str>,
    agency: &'a str,
    level: &'static str,
    legal: Vec<String>,
    announced: Option<String>,
    body: String,
    staff: Vec<String>,
    updated: String,
    /// The procedure's public page, under `base_url`: the screen shows
    /// its QR code, drawn in the browser (`assets/qr.js`), so that the
    /// build does not make every procedure's code a second time (the
    /// posters make one; a code is a fifth of a build's CPU time).
    url: String,
    /// The A5 handout, from the site root (`None` for none).
    handout: Option<String>,
}

#[derive(Serialize)]
struct FeeRecord<'a> {
    name: &'a str,
    amount: String,
    channel: Option<&'static str>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct DocRecord<'a> {
    name: &'a str,
    quantity: String,
    note: Option<&'a str>,
    optional: bool,
    /// The blank form's download address (shown as a QR code).
    form: Option<String>,
    /// The filled-in sample's download address (shown as a QR code).
    sample: Option<String>,
}

#[derive(Serialize)]
struct OnlineRecord {
    level: &'static str,
    /// The portal's host name, shown as text: no link leaves the kiosk.
    host: String,
}

fn record<'a>(p: &'a Procedure, site: &'a Site, field_name: &'a str, today: Date) -> Record<'a> {
    let lang = site.config.language;
    let office = &site.config.office;
    let t = super::i18n::strings(lang);
    // The rule `assets/due.js` computes the expected return date from, as
    // procedure pages carry it (`data-due`); none for one not yet in force.
    let due = crate::calendar::due::Rule::of(&p.deadline)
        .filter(|_| super::view::upcoming_date(p, today).is_none())
        .map(|r| r.code());
    Record {
        slug: &p.slug,
        title: &p.title,
        code: p.code.as_deref(),
        field_name,
        upcoming: super::view::upcoming_date(p, today),
        deadline: format::deadline(&p.deadline, lang),
        deadline_note: p.deadline.note.as_deref(),
        due,
        fees: p
            .fees
            .iter()
            .map(|f| FeeRecord {
                name: &f.name,
                amount: format::fee_amount(f, lang),
                channel: format::fee_channel(f.channel, lang),
                note: f.note.as_deref(),
            })
            .collect(),
        no_fees: p.fees.is_empty().then(|| format::no_fees(lang)),
        submit_at: p
            .submit_at
            .as_deref()
            .or(office.unit.as_deref())
            .unwrap_or(&office.name),
        result: &p.result,
        documents: p
            .documents
            .iter()
            .map(|d| document(d, p, site, lang))
            .collect(),
        steps: &p.steps,
        conditions: &p.conditions,
        in_person: p.channels.in_person,
        postal: p.channels.postal,
        online: p.channels.online.as_ref().map(|o| OnlineRecord {
            level: format::online_level(o.level, lang),
            host: host(&o.url).to_string(),
        }),
        non_territorial: p.non_territorial,
        audience: p.audience.as_deref(),
        agency: p.agency.as_deref().unwrap_or(&office.name),
        level: format::level(p.level, lang),
        legal: p
            .legal_basis
            .iter()
            .map(|l| legal_line(l, t.issued))
            .collect(),
        announced: p.announced_by.as_ref().map(|a| match a.date {
            Some(d) => format!("{} {} {}", a.number, t.issued, format::date(d)),
            None => a.number.clone(),
        }),
        body: markdown::to_html_offline(&p.body),
        staff: staff_lines(p, site),
        updated: format::date(p.updated),
        url: urls::absolute(&site.config.base_url, &urls::procedure(p)),
        handout: (p.status(today) != Status::Repealed).then(|| urls::handout(p)),
    }
}

fn document<'a>(d: &'a Document, p: &Procedure, site: &Site, lang: Lang) -> DocRecord<'a> {
    // A form's address under base_url: the file sits beside the page.
    let address = |a: &crate::model::Attachment| {
        let path = format!("{}{}", urls::procedure_dir(p), a.name);
        urls::absolute(&site.config.base_url, &path)
    };
    DocRecord {
        name: &d.name,
        quantity: format::document_quantity(d, lang),
        note: d.note.as_deref(),
        optional: d.optional,
        form: d.form.as_ref().map(address),
        sample: d.sample.as_ref().map(address),
    }
}

/// `60/2014/QH13 – Luật Hộ tịch (ngày 20/11/2014)`, as the website lists it.
fn legal_line(l: &crate::model::LegalText, issued: &str) -> String {
    let mut s = l.number.clone();
    if let Some(title) = &l.title {
        s.push_str(" – ");
        s.push_str(title);
    }
    if let Some(d) = l.date {
        s.push_str(&format!(" ({issued} {})", format::date(d)));
    }
    s
}

/// The staff who handle the procedure's field: `Name, title: phone`.
fn staff_lines(p: &Procedure, site: &Site) -> Vec<String> {
    site.config
        .office
        .staff
        .iter()
        .filter(|s| s.fields.contains(&p.field))
        .map(|s| {
            let mut line = s.name.clone();
            if let Some(title) = &s.title {
                line.push_str(", ");
                line.push_str(title);
            }
            if let Some(phone) = &s.phone {
                line.push_str(": ");
                line.push_str(phone);
            }
            line
        })
        .collect()
}

/// `https://dichvucong.gov.vn/p/…` → `dichvucong.gov.vn`.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    #[test]
    fn host_of_a_portal_url() {
        assert_eq!(
            super::host("https://dichvucong.gov.vn/p/home/x.html?a=1"),
            "dichvucong.gov.vn"
        );
        assert_eq!(super::host("http://a.example"), "a.example");
    }

    #[test]
    fn a_kiosk_data_file_names_its_field_and_no_other() {
        use super::data_field;
        assert_eq!(data_field("kiosk/data/ho-tich.js"), Some("ho-tich"));
        assert_eq!(data_field("kiosk/data/ho-tich.12.js"), Some("ho-tich"));
        assert_eq!(data_field("kiosk/data/ho-tich-2.0.js"), Some("ho-tich-2"));
        assert_eq!(data_field("kiosk/index.html"), None);
        assert_eq!(data_field("search/idx/ho-tich.js"), None);
    }
}
