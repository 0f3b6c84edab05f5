//! What templates see: plain, serialisable views of the catalogue with every
//! fact already formatted (see `format`). Templates never compute; the theme
//! documentation (`docs/giao-dien.md`) lists these fields.

use super::fields::Fields;
use super::{format, markdown, urls};
use crate::lang::Lang;
use crate::model::{
    Attachment, Date, Document, Fee, Field, Notice, Office, Procedure, Site, Status,
};
use serde::Serialize;

#[derive(Serialize)]
pub struct SiteView {
    pub title: String,
    pub lang: &'static str,
    pub base_url: String,
    pub office: OfficeView,
    pub online_portal: Option<String>,
    pub today: String,
}

#[derive(Serialize)]
pub struct OfficeView {
    pub name: String,
    pub unit: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hours: Vec<HoursView>,
    pub staff: Vec<StaffView>,
    pub feedback: FeedbackView,
}

#[derive(Serialize)]
pub struct HoursView {
    pub days: String,
    pub time: String,
}

#[derive(Serialize)]
pub struct StaffView {
    pub name: String,
    pub title: Option<String>,
    pub phone: Option<String>,
    /// Names of the fields this person handles.
    pub fields: Vec<String>,
    pub field_slugs: Vec<String>,
}

#[derive(Serialize)]
pub struct FeedbackView {
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hotline: Option<String>,
    pub any: bool,
}

#[derive(Serialize, Clone)]
pub struct FieldView {
    pub slug: String,
    pub name: String,
    /// The `_index.md` body as plain text (for meta descriptions).
    pub description: String,
    /// The `_index.md` body as HTML.
    pub description_html: String,
    pub url: String,
    /// Procedures listed (repealed ones excluded).
    pub count: usize,
}

/// One line of a catalogue table.
#[derive(Serialize, Clone)]
pub struct RowView {
    pub title: String,
    pub code: Option<String>,
    pub field: String,
    pub field_name: String,
    pub url: String,
    pub deadline: String,
    pub fees: String,
    /// The date it takes effect (`01/01/2027`), when not yet in force;
    /// templates put `t.status_upcoming` before it.
    pub upcoming: Option<String>,
}

#[derive(Serialize)]
pub struct ProcedureView {
    #[serde(flatten)]
    pub row: RowView,
    pub status: &'static str,
    pub status_date: Option<String>,
    pub absolute_url: String,
    pub level: &'static str,
    pub audience: Option<String>,
    pub agency: String,
    pub result: String,
    /// `Đã cắt giảm từ 05 ngày làm việc theo quy định`, when shortened.
    pub deadline_reduced: Option<String>,
    pub deadline_note: Option<String>,
    /// The expected return date, for a procedure in force.
    pub due: Option<DueView>,
    pub fee_list: Vec<FeeView>,
    pub documents: Vec<DocumentView>,
    /// The documents in runs of one case (`documents[].case`), each with
    /// its heading and the number of its first document; one run without
    /// a heading when no document names a case.
    pub doc_groups: Vec<DocGroupView>,
    pub in_person: bool,
    pub postal: bool,
    pub online: Option<OnlineView>,
    pub submit_at: String,
    pub non_territorial: bool,
    pub steps: Vec<String>,
    pub conditions: Vec<String>,
    pub legal_basis: Vec<LegalView>,
    pub updated: String,
    /// Where an imported procedure came from, in a sentence (`source:`).
    pub source: Option<String>,
    pub announced_by: Option<LegalView>,
    pub body_html: String,
    pub staff: Vec<StaffView>,
    /// `None` for a repealed procedure: it has no posters.
    pub poster_url: Option<String>,
    pub handout_url: Option<String>,
}

/// What a page needs to show the expected return date: the rule `due.js`
/// computes it by (`data-due`), and the rule in words.
#[derive(Serialize)]
pub struct DueView {
    pub code: String,
    pub rule: String,
}

#[derive(Serialize)]
pub struct FeeView {
    pub name: String,
    pub amount: String,
    pub note: Option<String>,
    /// Empty when the fee applies to every channel.
    pub channel: Option<&'static str>,
}

#[derive(Serialize)]
pub struct DocumentView {
    pub name: String,
    pub quantity: String,
    pub note: Option<String>,
    pub optional: bool,
    pub present: bool,
    /// The document's case, on the first document of each run of it.
    pub case_heading: Option<String>,
    pub form: Option<FileView>,
    pub sample: Option<FileView>,
}

#[derive(Serialize)]
pub struct DocGroupView {
    pub case: Option<String>,
    /// 1-based number of the run's first document.
    pub start: usize,
    pub documents: Vec<DocumentView>,
}

#[derive(Serialize)]
pub struct FileView {
    /// Relative to the procedure page (the file sits beside it).
    pub href: String,
    pub kind: String,
    pub size: String,
}

#[derive(Serialize)]
pub struct OnlineView {
    pub url: String,
    pub level: &'static str,
}

#[derive(Serialize)]
pub struct LegalView {
    pub number: String,
    pub title: Option<String>,
    pub date: Option<String>,
}

#[derive(Serialize)]
pub struct NoticeView {
    pub title: String,
    pub url: String,
    pub date: String,
    pub expires: Option<String>,
    pub current: bool,
    pub body_html: String,
    pub summary: String,
}

pub fn site_view(site: &Site, fields: &Fields, today: Date, lang: Lang) -> SiteView {
    let c = &site.config;
    SiteView {
        title: c.title.clone(),
        lang: lang.code(),
        base_url: c.base_url.clone(),
        office: office_view(&c.office, fields),
        online_portal: c.online_portal.clone(),
        today: format::date(today),
    }
}

fn office_view(o: &Office, fields: &Fields) -> OfficeView {
    let f = &o.feedback;
    OfficeView {
        name: o.name.clone(),
        unit: o.unit.clone(),
        address: o.address.clone(),
        phone: o.phone.clone(),
        email: o.email.clone(),
        hours: o
            .hours
            .iter()
            .map(|h| HoursView {
                days: h.days.clone(),
                time: h.time.clone(),
            })
            .collect(),
        staff: o.staff.iter().map(|s| staff_view(s, fields)).collect(),
        feedback: FeedbackView {
            address: f.address.clone(),
            phone: f.phone.clone(),
            email: f.email.clone(),
            hotline: f.hotline.clone(),
            any: f.address.is_some()
                || f.phone.is_some()
                || f.email.is_some()
                || f.hotline.is_some(),
        },
    }
}

fn staff_view(s: &crate::model::Staff, fields: &Fields) -> StaffView {
    StaffView {
        name: s.name.clone(),
        title: s.title.clone(),
        phone: s.phone.clone(),
        fields: s
            .fields
            .iter()
            .filter_map(|slug| fields.get(slug))
            .map(|f| f.name.clone())
            .collect(),
        field_slugs: s.fields.clone(),
    }
}

pub fn field_view(f: &Field, count: usize) -> FieldView {
    FieldView {
        slug: f.slug.clone(),
        name: f.name.clone(),
        description: markdown::to_text(&f.description),
        description_html: markdown::to_html(&f.description),
        url: urls::field(f),
        count,
    }
}

pub fn row_view(p: &Procedure, field_name: &str, today: Date, lang: Lang) -> RowView {
    RowView {
        title: p.title.clone(),
        code: p.code.clone(),
        field: p.field.clone(),
        field_name: field_name.to_string(),
        url: urls::procedure(p),
        deadline: format::deadline(&p.deadline, lang),
        fees: format::fees_short(&p.fees, lang),
        upcoming: upcoming_date(p, today),
    }
}

/// The date a procedure not yet in force takes effect, formatted.
pub fn upcoming_date(p: &Procedure, today: Date) -> Option<String> {
    match (p.status(today), p.effective) {
        (Status::Upcoming, Some(d)) => Some(format::date(d)),
        _ => None,
    }
}

pub struct ProcedureInput<'a> {
    pub procedure: &'a Procedure,
    pub fields: &'a Fields<'a>,
    pub site: &'a Site,
    pub today: Date,
    pub lang: Lang,
}

pub fn procedure_view(input: &ProcedureInput) -> ProcedureView {
    let ProcedureInput {
        procedure: p,
        fields,
        site,
        today,
        lang,
    } = *input;
    let office = &site.config.office;
    let (status, status_date) = match p.status(today) {
        Status::Current => ("current", None),
        Status::Upcoming => ("upcoming", p.effective.map(format::date)),
        Status::Repealed => ("repealed", p.repealed.map(format::date)),
    };
    ProcedureView {
        row: row_view(p, fields.name(&p.field), today, lang),
        status,
        status_date,
        absolute_url: urls::absolute(&site.config.base_url, &urls::procedure(p)),
        level: format::level(p.level, lang),
        audience: p.audience.clone(),
        agency: p.agency.clone().unwrap_or_else(|| office.name.clone()),
        result: p.result.clone(),
        deadline_reduced: format::deadline_reduced(&p.deadline, lang),
        deadline_note: p.deadline.note.clone(),
        due: due_view(p, site, status, lang),
        fee_list: p.fees.iter().map(|f| fee_view(f, lang)).collect(),
        documents: document_views(&p.documents, lang),
        doc_groups: doc_groups(&p.documents, lang),
        in_person: p.channels.in_person,
        postal: p.channels.postal,
        online: p.channels.online.as_ref().map(|o| OnlineView {
            url: o.url.clone(),
            level: format::online_level(o.level, lang),
        }),
        submit_at: p
            .submit_at
            .clone()
            .or_else(|| office.unit.clone())
            .unwrap_or_else(|| office.name.clone()),
        non_territorial: p.non_territorial,
        steps: p.steps.clone(),
        conditions: p.conditions.clone(),
        legal_basis: p
            .legal_basis
            .iter()
            .map(|l| LegalView {
                number: l.number.clone(),
                title: l.title.clone(),
                date: l.date.map(format::date),
            })
            .collect(),
        updated: format::date(p.updated),
        source: p.provenance.as_ref().map(|s| format::source(s, lang)),
        announced_by: p.announced_by.as_ref().map(|a| LegalView {
            number: a.number.clone(),
            title: None,
            date: a.date.map(format::date),
        }),
        body_html: markdown::to_html(&p.body),
        staff: office
            .staff
            .iter()
            .filter(|s| s.fields.contains(&p.field))
            .map(|s| staff_view(s, fields))
            .collect(),
        poster_url: (status != "repealed").then(|| urls::poster(p)),
        handout_url: (status != "repealed").then(|| urls::handout(p)),
    }
}

fn due_view(p: &Procedure, site: &Site, status: &str, lang: Lang) -> Option<DueView> {
    let rule = crate::calendar::due::Rule::of(&p.deadline).filter(|_| status == "current")?;
    let week = match rule.measure {
        crate::calendar::due::Measure::Hours(_) => super::due::week_words(site, lang),
        _ => None,
    };
    Some(DueView {
        code: rule.code(),
        rule: format::due_rule(&rule, week.as_deref(), lang),
    })
}

fn fee_view(f: &Fee, lang: Lang) -> FeeView {
    FeeView {
        name: f.name.clone(),
        amount: format::fee_amount(f, lang),
        note: format::fee_note(f),
        channel: format::fee_channel(f.channel, lang),
    }
}

fn document_views(docs: &[Document], lang: Lang) -> Vec<DocumentView> {
    let mut previous: Option<&str> = None;
    docs.iter()
        .map(|d| {
            let mut v = document_view(d, lang);
            if d.case.as_deref() != previous {
                v.case_heading = d.case.clone();
            }
            previous = d.case.as_deref();
            v
        })
        .collect()
}

fn doc_groups(docs: &[Document], lang: Lang) -> Vec<DocGroupView> {
    let mut groups: Vec<DocGroupView> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if g.case == d.case => g.documents.push(document_view(d, lang)),
            _ => groups.push(DocGroupView {
                case: d.case.clone(),
                start: i + 1,
                documents: vec![document_view(d, lang)],
            }),
        }
    }
    groups
}

fn document_view(d: &Document, lang: Lang) -> DocumentView {
    DocumentView {
        case_heading: None,
        name: d.name.clone(),
        quantity: format::document_quantity(d, lang),
        note: d.note.clone(),
        optional: d.optional,
        present: d.present,
        form: d.form.as_ref().map(file_view),
        sample: d.sample.as_ref().map(file_view),
    }
}

fn file_view(a: &Attachment) -> FileView {
    let kind = a
        .name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_uppercase())
        .unwrap_or_default();
    let bytes = a.size;
    FileView {
        href: a.name.clone(),
        kind,
        size: human_size(bytes),
    }
}

/// `45 KB`, `1,2 MB`: a citizen on a prepaid phone plan wants to know.
fn human_size(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    } else {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

pub fn notice_view(n: &Notice, today: Date) -> NoticeView {
    // The first paragraph, cut at a sentence or a word (never inside one).
    let first = markdown::first_paragraph_text(&n.body);
    let summary = format::abridge(&first, 200).into_owned();
    NoticeView {
        title: n.title.clone(),
        url: urls::notice(n),
        date: format::date(n.date),
        expires: n.expires.map(format::date),
        current: n.is_current(today),
        body_html: markdown::to_html(&n.body),
        summary,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_are_rounded_up_for_people() {
        assert_eq!(super::human_size(10), "1 KB");
        assert_eq!(super::human_size(45 * 1024), "45 KB");
        assert_eq!(super::human_size(1536 * 1024), "1,5 MB");
    }
}
