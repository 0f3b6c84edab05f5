//! Machine-readable output: `catalogue.json` (open data; schema in
//! `docs/catalogue-json.md`, version 1, stable order: catalogue order),
//! `sitemap.xml`, `robots.txt`, the search index, and the JSON-LD of each
//! procedure page.

use super::files::{Content, OutputFile, Sink};
use super::view::{self, ProcedureView};
use super::{format, i18n, urls};
use crate::lang::Lang;
use crate::model::{Date, DeadlineMeasure, Level, OnlineLevel, Procedure, Site, Status};
use serde::Serialize;
use serde_json::json;

/// `catalogue.json`, written into `sink` piece by piece: it is half a
/// gigabyte at 100,000 procedures.
pub(super) fn catalogue(site: &Site, today: Date, sink: &dyn Sink) {
    sink.put_written(urls::CATALOGUE_JSON, &|w| catalogue_json(site, today, w));
}

/// `sitemap.xml`: the site's pages, the listed procedures' and the current
/// notices' with their dates.
pub(super) fn sitemap(site: &Site, listed: &[&Procedure], today: Date) -> OutputFile {
    OutputFile {
        path: urls::SITEMAP.into(),
        content: Content::Bytes(sitemap_xml(site, listed, today).into_bytes()),
    }
}

pub(super) fn robots(site: &Site) -> OutputFile {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}{}\n",
        site.config.base_url,
        urls::SITEMAP
    );
    OutputFile {
        path: urls::ROBOTS.into(),
        content: Content::Bytes(text.into_bytes()),
    }
}

/// The search index and its runtime under `search/`, from the same
/// formatted facts the pages show.
pub(super) fn search_index(site: &Site, today: Date) -> impl Iterator<Item = OutputFile> {
    let lang = site.config.language;
    let summary = |p: &Procedure| summary(p, lang, today);
    let docs = crate::search::docs_from_site(site, today, urls::procedure, summary);
    let lexicon = crate::search::Lexicon::with_site(&site.config.synonyms);
    crate::search::build_index(&docs, &lexicon)
        .into_iter()
        .map(|f| OutputFile {
            path: f.path,
            content: Content::Bytes(f.bytes),
        })
}

/// What a search result or a kiosk list shows after a procedure's title:
/// labelled, as the no-JavaScript list on the search page shows it; a
/// procedure not yet in force says so first. The deadline opens it
/// otherwise: search.js puts the expected return date after it.
pub(super) fn summary(p: &Procedure, lang: Lang, today: Date) -> String {
    let t = i18n::strings(lang);
    let facts = format!(
        "{}: {} · {}: {}",
        t.deadline,
        format::deadline(&p.deadline, lang),
        t.fees,
        format::fees_short(&p.fees, lang)
    );
    match view::upcoming_date(p, today) {
        Some(from) => format!("{} {from} · {facts}", t.status_upcoming),
        None => facts,
    }
}

#[derive(Serialize)]
struct CatalogueJson<'a> {
    schema_version: u32,
    date: String,
    site: SiteJson<'a>,
    fields: Vec<FieldJson<'a>>,
    procedures: ProceduresJson<'a>,
    notices: Vec<NoticeJson<'a>>,
}

#[derive(Serialize)]
struct SiteJson<'a> {
    title: &'a str,
    base_url: &'a str,
    language: &'static str,
    office: &'a str,
    unit: Option<&'a str>,
    address: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
    hours: Vec<serde_json::Value>,
    staff: Vec<serde_json::Value>,
    feedback: serde_json::Value,
    online_portal: Option<&'a str>,
}

#[derive(Serialize)]
struct FieldJson<'a> {
    slug: &'a str,
    name: &'a str,
    order: Option<i64>,
    description: &'a str,
    url: String,
}

#[derive(Serialize)]
struct ProcedureJson<'a> {
    code: Option<&'a str>,
    title: &'a str,
    field: &'a str,
    slug: &'a str,
    url: String,
    status: &'static str,
    level: &'static str,
    aliases: &'a [String],
    audience: Option<&'a str>,
    agency: Option<&'a str>,
    result: &'a str,
    deadline: serde_json::Value,
    fees: Vec<serde_json::Value>,
    documents: Vec<serde_json::Value>,
    channels: serde_json::Value,
    steps: &'a [String],
    conditions: &'a [String],
    legal_basis: Vec<serde_json::Value>,
    updated: String,
    announced_by: Option<serde_json::Value>,
    effective: Option<String>,
    repealed: Option<String>,
    non_territorial: bool,
    submit_at: Option<&'a str>,
    /// The Markdown body as written.
    body: &'a str,
}

#[derive(Serialize)]
struct NoticeJson<'a> {
    slug: &'a str,
    title: &'a str,
    date: String,
    expires: Option<String>,
    url: String,
}

fn catalogue_json(site: &Site, today: Date, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let c = &site.config;
    let base = &c.base_url;
    let doc = CatalogueJson {
        schema_version: 1,
        date: today.to_string(),
        site: SiteJson {
            title: &c.title,
            base_url: base,
            language: c.language.code(),
            office: &c.office.name,
            unit: c.office.unit.as_deref(),
            address: c.office.address.as_deref(),
            phone: c.office.phone.as_deref(),
            email: c.office.email.as_deref(),
            hours: c.office.hours.iter().map(|h| json!({"days": h.days, "time": h.time})).collect(),
            staff: c
                .office
                .staff
                .iter()
                .map(|s| json!({"name": s.name, "title": s.title, "phone": s.phone, "fields": s.fields}))
                .collect(),
            feedback: {
                let f = &c.office.feedback;
                json!({"address": f.address, "phone": f.phone, "email": f.email, "hotline": f.hotline})
            },
            online_portal: c.online_portal.as_deref(),
        },
        fields: site
            .fields
            .iter()
            .map(|f| FieldJson {
                slug: &f.slug,
                name: &f.name,
                order: f.order,
                description: &f.description,
                url: urls::absolute(base, &urls::field(f)),
            })
            .collect(),
        procedures: ProceduresJson { site, today },
        notices: site
            .notices
            .iter()
            .map(|n| NoticeJson {
                slug: &n.slug,
                title: &n.title,
                date: n.date.to_string(),
                expires: n.expires.map(|d| d.to_string()),
                url: urls::absolute(base, &urls::notice(n)),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")
}

/// The procedures, each made as it is written: at 100,000 procedures the
/// whole list as JSON values took more memory than the rest of the build.
struct ProceduresJson<'a> {
    site: &'a Site,
    today: Date,
}

impl Serialize for ProceduresJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let base = &self.site.config.base_url;
        let mut seq = s.serialize_seq(Some(self.site.procedures.len()))?;
        for p in &self.site.procedures {
            seq.serialize_element(&procedure_json(p, base, self.today))?;
        }
        seq.end()
    }
}

fn procedure_json<'a>(p: &'a Procedure, base: &str, today: Date) -> ProcedureJson<'a> {
    let d = &p.deadline;
    let mut deadline = match &d.measure {
        DeadlineMeasure::WorkingDays(n) => {
            json!({"working_days": n, "reduced_from": d.reduced_from, "note": d.note})
        }
        DeadlineMeasure::CalendarDays(n) => {
            json!({"calendar_days": n, "reduced_from": d.reduced_from, "note": d.note})
        }
        DeadlineMeasure::Hours(n) => {
            json!({"hours": n, "reduced_from": d.reduced_from, "note": d.note})
        }
        DeadlineMeasure::Text(t) => json!({"text": t, "reduced_from": null, "note": d.note}),
    };
    if let Some(c) = p.deadline.cutoff {
        deadline["cutoff"] = format!("{:02}:{:02}", c / 60, c % 60).into();
    }
    ProcedureJson {
        code: p.code.as_deref(),
        title: &p.title,
        field: &p.field,
        slug: &p.slug,
        url: urls::absolute(base, &urls::procedure(p)),
        status: match p.status(today) {
            Status::Current => "current",
            Status::Upcoming => "upcoming",
            Status::Repealed => "repealed",
        },
        level: match p.level {
            Level::Xa => "xa",
            Level::Huyen => "huyen",
            Level::Tinh => "tinh",
        },
        aliases: &p.aliases,
        audience: p.audience.as_deref(),
        agency: p.agency.as_deref(),
        result: &p.result,
        deadline,
        fees: p
            .fees
            .iter()
            .map(|f| {
                json!({"name": f.name, "amount": f.amount, "per": f.per, "note": f.note,
                       "channel": f.channel.name()})
            })
            .collect(),
        documents: p
            .documents
            .iter()
            .map(|d| {
                let file = |a: &Option<crate::model::Attachment>| {
                    a.as_ref()
                        .map(|a| format!("{}{}{}", base, urls::procedure_dir(p), a.name))
                };
                json!({"name": d.name, "originals": d.originals, "copies": d.copies,
                       "present": d.present, "optional": d.optional, "note": d.note,
                       "case": d.case,
                       "form": file(&d.form), "sample": file(&d.sample)})
            })
            .collect(),
        channels: json!({
            "in_person": p.channels.in_person,
            "postal": p.channels.postal,
            "online": p.channels.online.as_ref().map(|o| json!({
                "url": o.url,
                "level": match o.level { OnlineLevel::Full => "full", OnlineLevel::Partial => "partial" },
            })),
        }),
        steps: &p.steps,
        conditions: &p.conditions,
        legal_basis: p
            .legal_basis
            .iter()
            .map(|l| json!({"number": l.number, "title": l.title, "date": l.date.map(|d| d.to_string())}))
            .collect(),
        updated: p.updated.to_string(),
        announced_by: p
            .announced_by
            .as_ref()
            .map(|a| json!({"number": a.number, "date": a.date.map(|d| d.to_string())})),
        effective: p.effective.map(|d| d.to_string()),
        repealed: p.repealed.map(|d| d.to_string()),
        non_territorial: p.non_territorial,
        submit_at: p.submit_at.as_deref(),
        body: &p.body,
    }
}

fn sitemap_xml(site: &Site, listed: &[&Procedure], today: Date) -> String {
    let base = &site.config.base_url;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |path: &str, lastmod: Option<String>| {
        out.push_str("<url><loc>");
        out.push_str(&xml_escape(&urls::absolute(base, path)));
        out.push_str("</loc>");
        if let Some(d) = lastmod {
            out.push_str("<lastmod>");
            out.push_str(&d);
            out.push_str("</lastmod>");
        }
        out.push_str("</url>\n");
    };
    for path in [
        urls::HOME,
        urls::CATALOGUE,
        urls::CONTACT,
        urls::NOTICES,
        urls::POSTERS,
    ] {
        url(path, None);
    }
    for f in &site.fields {
        url(&urls::field(f), None);
    }
    for p in listed {
        url(&urls::procedure(p), Some(p.updated.to_string()));
    }
    for n in site.notices.iter().filter(|n| n.is_current(today)) {
        url(&urls::notice(n), Some(n.date.to_string()));
    }
    out.push_str("</urlset>\n");
    out
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// schema.org `GovernmentService`, as a string safe inside `<script>`.
pub(super) fn json_ld(v: &ProcedureView, site: &Site) -> String {
    let office = &site.config.office;
    let mut channels = Vec::new();
    if v.in_person {
        channels.push(json!({
            "@type": "ServiceChannel",
            "name": v.submit_at,
            "serviceLocation": {"@type": "Place", "name": v.submit_at, "address": office.address},
            "servicePhone": office.phone,
        }));
    }
    if let Some(o) = &v.online {
        channels.push(json!({"@type": "ServiceChannel", "name": o.level, "serviceUrl": o.url}));
    }
    let value = json!({
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": v.row.title,
        "identifier": v.row.code,
        "serviceType": v.row.field_name,
        "url": v.absolute_url,
        "description": v.result,
        "provider": {
            "@type": "GovernmentOrganization",
            "name": v.agency,
            "address": office.address,
            "telephone": office.phone,
            "email": office.email,
        },
        "availableChannel": channels,
    });
    // `</script>` or `<!--` inside a value must not end the script element.
    serde_json::to_string(&value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
