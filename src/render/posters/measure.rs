//! What a procedure poster or handout prints, as the templates show it
//! (`posters/_head.html`, `_facts.html`, …): each text set once as a
//! [`Para`], ready to be wrapped at any width and type size.

use super::dims::head::KIND_SPACING;
use super::notes::{Kind, Notes, LEVELS};
use super::text::Para;
use crate::lang::Lang;
use crate::model::{Date, Office, Procedure, Site, Status};
use crate::render::{format, i18n};

/// The texts a procedure poster or handout prints, as the templates show
/// them (`posters/_head.html`, `_facts.html`, …), ready to be wrapped.
pub(super) struct Measure {
    pub(super) office: Para,
    /// The handout's label (`Giấy hướng dẫn`), in capitals.
    pub(super) kind: Para,
    pub(super) title: Para,
    /// The title of a later sheet: "… (tiếp theo)".
    pub(super) title_cont: Para,
    pub(super) ids: Para,
    pub(super) scan: Para,
    /// "Takes effect on …" for a procedure not yet in force.
    pub(super) alert: Option<Para>,
    /// The facts' labels (result, deadline, fees) in bold.
    pub(super) labels: [Para; 3],
    pub(super) result: Para,
    /// The result with its label, as the facts box prints it.
    pub(super) result_boxed: Para,
    pub(super) deadline: Para,
    /// "Thời hạn giải quyết: " as the facts box prints it.
    pub(super) deadline_label: Para,
    /// Notes (of the deadline, of each fee, of each document) as each
    /// level of [`Notes`] prints them.
    pub(super) deadline_note: [Para; LEVELS],
    /// The handout's "expected return date" line in its footer, as printed
    /// without JavaScript (a blank to write in) and as `due.js` fills it:
    /// the taller is planned for. Empty when the procedure shows none.
    pub(super) due_line: Vec<Para>,
    /// Per fee: the `name: amount (channel)` line, and its note; or, with
    /// no fee, the one bold line saying so (and with its label for the box).
    pub(super) fees: Vec<(Para, [Para; LEVELS])>,
    pub(super) no_fee: Para,
    pub(super) no_fee_boxed: Para,
    pub(super) docs: Vec<DocText>,
    /// "Where and when": each paragraph, and whether it is a note-size one.
    pub(super) place: Vec<(Para, Size)>,
    /// Each step as each level of [`Notes`] prints it.
    pub(super) steps: Vec<[Para; LEVELS]>,
    /// Headings in capitals: documents, place, steps; the same continued.
    pub(super) headings: [Para; 3],
    pub(super) headings_cont: [Para; 3],
    pub(super) more: Para,
    pub(super) abridged: Para,
    /// The poster's footer: the office, and where to send feedback; the
    /// handout's: one line.
    pub(super) contact: (Vec<Para>, Vec<Para>),
    pub(super) contact_line: Para,
    /// Per level of [`Notes`]: whether it cuts a step, a document's note,
    /// a fee's or the deadline's note.
    pub(super) cuts: [(bool, bool, bool); LEVELS],
}

impl Measure {
    /// Whether a sheet at `notes` prints some text cut (and says so).
    pub(super) fn abridged_at(&self, kind: Kind, notes: Notes) -> bool {
        let (steps, docs, _) = self.cuts[notes as usize];
        let (_, _, facts) = self.cuts[kind.facts_notes(notes) as usize];
        docs || facts || (kind == Kind::Poster && steps)
    }
}

pub(super) struct DocText {
    pub(super) name: Para,
    pub(super) quantity: Para,
    /// The note as each level of [`Notes`] prints it.
    pub(super) note: [Para; LEVELS],
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Size {
    Body,
    /// `.url`: note size at the body's line height, broken anywhere.
    Url,
    Note,
}

/// What `p`'s poster and handout print, in the site's language.
pub(super) fn measure(p: &Procedure, site: &Site, field_name: &str, today: Date) -> Measure {
    let lang = site.config.language;
    let office = &site.config.office;
    let t = i18n::strings(lang);
    let caps = |s: &str| Para::runs(&[(&s.to_uppercase(), true)], 0.0);
    let cont = |s: &str| caps(&format!("{s} {}", t.continued));
    let label = |s: &str| format!("{s}: ");
    let notes = |x: Option<&str>| levels(|level| x.and_then(|x| level.note(x)));
    let fees_short = format::fees_short(&p.fees, lang);
    let (contact, contact_line) = contact_lines(site, lang);
    Measure {
        office: caps(&office.name),
        kind: Para::runs(&[(&t.handout_title.to_uppercase(), true)], KIND_SPACING),
        title: Para::bold(&p.title),
        title_cont: Para::bold(&format!("{} {}", p.title, t.continued)),
        ids: ids(p, field_name, lang),
        scan: Para::bold(t.scan_qr),
        alert: (p.status(today) == Status::Upcoming).then(|| {
            let date = p.effective.map(format::date).unwrap_or_default();
            Para::bold(&format!("{} {date}", t.status_upcoming))
        }),
        labels: [
            Para::bold(t.result),
            Para::bold(t.deadline),
            Para::bold(t.fees),
        ],
        result: Para::plain(&p.result),
        result_boxed: Para::runs(&[(&label(t.result), true), (&p.result, false)], 0.0),
        deadline: Para::bold(&format::deadline(&p.deadline, lang)),
        deadline_label: Para::bold(&label(t.deadline)),
        deadline_note: notes(p.deadline.note.as_deref()),
        due_line: due_line(p, today, lang),
        fees: fees(p, lang),
        no_fee: Para::bold(&fees_short),
        no_fee_boxed: Para::runs(&[(&label(t.fees), true), (&fees_short, true)], 0.0),
        docs: docs(p, lang),
        place: place(p, office, lang),
        steps: p
            .steps
            .iter()
            .map(|s| levels(|level| Some(level.step(s))))
            .collect(),
        headings: [caps(t.documents), caps(t.where_when), caps(t.steps)],
        headings_cont: [cont(t.documents), cont(t.where_when), cont(t.steps)],
        more: Para::bold(t.continued_next),
        abridged: Para::plain(t.abridged),
        contact,
        contact_line,
        cuts: cuts(p),
    }
}

/// `Mã thủ tục: 1.000656 · Lĩnh vực: Hộ tịch · Cấp xã · Cập nhật ngày: …`,
/// the values in bold.
fn ids(p: &Procedure, field_name: &str, lang: Lang) -> Para {
    let t = i18n::strings(lang);
    let (code, field) = (format!("{}: ", t.code), format!("{}: ", t.field));
    let level = format!(" · {} · {}: ", format::level(p.level, lang), t.updated);
    let updated = format::date(p.updated);
    let mut ids = Vec::new();
    if let Some(c) = &p.code {
        ids.extend([(code.as_str(), false), (c, true), (" · ", false)]);
    }
    ids.extend([
        (field.as_str(), false),
        (field_name, true),
        (&level, false),
        (&updated, true),
    ]);
    Para::runs(&ids, 0.0)
}

/// Each fee's `name: amount (channel)` line, and its note at each level.
fn fees(p: &Procedure, lang: Lang) -> Vec<(Para, [Para; LEVELS])> {
    p.fees
        .iter()
        .map(|f| {
            let channel = format::fee_channel(f.channel, lang)
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            let line = Para::runs(
                &[
                    (&format!("{}: ", f.name), false),
                    (&format::fee_amount(f, lang), true),
                    (&channel, false),
                ],
                0.0,
            );
            let note = format::fee_note(f);
            (
                line,
                levels(|level| note.as_deref().and_then(|x| level.note(x))),
            )
        })
        .collect()
}

/// Each document: its numbered name (after its case's heading, when it
/// opens one), its quantity, and its note at each level.
fn docs(p: &Procedure, lang: Lang) -> Vec<DocText> {
    let t = i18n::strings(lang);
    p.documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let optional = if d.optional {
                format!(" ({})", t.optional)
            } else {
                String::new()
            };
            // A case heading prints above its first document: measured
            // with the name, a little generously.
            let case = match (&d.case, i.checked_sub(1).map(|j| &p.documents[j].case)) {
                (Some(c), prev) if prev != Some(&d.case) => format!("{c} "),
                _ => String::new(),
            };
            let note = d.note.as_deref();
            DocText {
                name: Para::bold(&format!("{case}{}. {}{optional}", i + 1, d.name)),
                quantity: Para::plain(&format::document_quantity(d, lang)),
                note: levels(|level| note.and_then(|x| level.note(x))),
            }
        })
        .collect()
}

/// "Where and when" (`posters/_place.html`): in person where and when,
/// by post, online, and whether any office in the province takes it.
fn place(p: &Procedure, office: &Office, lang: Lang) -> Vec<(Para, Size)> {
    let t = i18n::strings(lang);
    let label = |s: &str| format!("{s}: ");
    let mut place = Vec::new();
    if p.channels.in_person {
        let at = p
            .submit_at
            .as_deref()
            .or(office.unit.as_deref())
            .unwrap_or(&office.name);
        let address = office
            .address
            .as_deref()
            .map(|a| format!(", {a}"))
            .unwrap_or_default();
        let text = format!("{at}{address}");
        let line = Para::runs(&[(&label(t.in_person), true), (&text, false)], 0.0);
        place.push((line, Size::Body));
        if !office.hours.is_empty() {
            place.push((Para::bold(&format!("{}:", t.hours)), Size::Body));
            for h in &office.hours {
                place.push((Para::plain(&format!("{}: {}", h.days, h.time)), Size::Body));
            }
        }
    }
    if p.channels.postal {
        place.push((Para::bold(t.postal), Size::Body));
    }
    if let Some(o) = &p.channels.online {
        let level = format::online_level(o.level, lang);
        let line = Para::runs(&[(&label(t.online), true), (level, false)], 0.0);
        place.push((line, Size::Body));
        place.push((Para::plain(&o.url), Size::Url));
    }
    if p.non_territorial {
        place.push((Para::plain(t.non_territorial), Size::Note));
    }
    place
}

/// Per level of [`Notes`]: whether it cuts a step, a document's note, a
/// fee's or the deadline's note.
fn cuts(p: &Procedure) -> [(bool, bool, bool); LEVELS] {
    let long = |x: &str, max: usize| x.trim().chars().count() > max;
    Notes::ALL.map(|level| {
        let (step, note) = level.limits();
        (
            p.steps.iter().any(|x| long(x, step)),
            p.documents
                .iter()
                .filter_map(|d| d.note.as_deref())
                .any(|x| long(x, note)),
            p.fees
                .iter()
                .map(|f| &f.note)
                .chain([&p.deadline.note])
                .filter_map(|x| x.as_deref())
                .any(|x| long(x, note)),
        )
    })
}

/// The handout's expected-date line both ways it prints (see
/// `posters/handout.html`): the label, then the blank or the filled date.
fn due_line(p: &Procedure, today: Date, lang: Lang) -> Vec<Para> {
    use crate::calendar::due::{Measure, Rule};
    let Some(rule) = Rule::of(&p.deadline).filter(|_| p.status(today) == Status::Current) else {
        return Vec::new();
    };
    let t = i18n::strings(lang);
    let label = format!("{}: ", t.due_handout);
    // The widest date due.js writes: the longest weekday, every digit.
    let filled = match (rule.measure, lang) {
        (Measure::Hours(_), Lang::Vi) => {
            "lúc 00:00, Chủ nhật, 00/00/0000 (nộp lúc 00:00 ngày 00/00/0000)"
        }
        (_, Lang::Vi) => "Chủ nhật, 00/00/0000 (nộp ngày 00/00/0000)",
        (Measure::Hours(_), Lang::En) => {
            "at 00:00, Wednesday, 00/00/0000 (handed in at 00:00 on 00/00/0000)"
        }
        (_, Lang::En) => "Wednesday, 00/00/0000 (handed in on 00/00/0000)",
    };
    [t.due_blank, filled]
        .iter()
        .map(|value| Para::runs(&[(&label, true), (value, false)], 0.0))
        .collect()
}

/// A text as each level of [`Notes`] prints it (`None`: not at all), set
/// once per different text.
pub(super) fn levels<'a>(
    text: impl Fn(Notes) -> Option<std::borrow::Cow<'a, str>>,
) -> [Para; LEVELS] {
    let mut out: [Para; LEVELS] = Default::default();
    let mut last = None;
    for (i, level) in Notes::ALL.into_iter().enumerate() {
        let this = text(level);
        out[i] = match (i.checked_sub(1), &this) {
            (Some(j), Some(t)) if last.as_ref() == Some(t) => out[j].clone(),
            (_, Some(t)) => Para::plain(t),
            (_, None) => Para::default(),
        };
        last = this;
    }
    out
}

/// The footers' texts (see `posters/_contact.html` and the handout's
/// footer): the office, and where to send feedback; the handout's line.
/// Phone numbers are set in bold with their labels (wider: the safe side).
fn contact_lines(site: &Site, lang: Lang) -> ((Vec<Para>, Vec<Para>), Para) {
    let o = &site.config.office;
    let t = i18n::strings(lang);
    let unit = o.unit.as_deref().unwrap_or(&o.name);
    let mut left = vec![Para::bold(unit)];
    left.extend(
        o.phone
            .as_ref()
            .map(|x| Para::bold(&format!("{}: {x}", t.phone))),
    );
    left.extend(
        o.email
            .as_ref()
            .map(|x| Para::plain(&format!("{}: {x}", t.email))),
    );
    let f = &o.feedback;
    let mut right = Vec::new();
    let labelled = [(t.phone, &f.phone), (t.hotline, &f.hotline)]
        .into_iter()
        .filter_map(|(label, x)| x.as_ref().map(|x| format!("{label}: {x}")))
        .collect::<Vec<_>>();
    if f.address.is_some() || f.phone.is_some() || f.email.is_some() || f.hotline.is_some() {
        let label = format!("{}: ", t.feedback);
        let address = f.address.as_deref().unwrap_or("");
        right.push(Para::runs(&[(&label, true), (address, false)], 0.0));
        if !labelled.is_empty() {
            right.push(Para::bold(&labelled.join(" · ")));
        }
        right.extend(
            f.email
                .as_ref()
                .map(|x| Para::plain(&format!("{}: {x}", t.email))),
        );
    }
    let phones = [&f.phone, &f.hotline].into_iter().flatten();
    let phones = phones.map(String::as_str).collect::<Vec<_>>().join(", ");
    let (unit, feedback) = (format!("{unit}: "), format!(" · {}: ", t.feedback));
    let line = [
        (unit.as_str(), false),
        (o.phone.as_deref().unwrap_or(""), true),
        (&feedback, false),
        (&phones, true),
    ];
    ((left, right), Para::runs(&line, 0.0))
}

/// Made-up texts for the layout's tests.
#[cfg(test)]
pub(super) mod sample {
    use super::*;

    /// About `n` characters of Vietnamese prose.
    pub(in crate::render::posters) fn text(n: usize) -> String {
        const WORDS: &str =
            "Người yêu cầu nộp bản sao giấy tờ chứng minh nơi cư trú cho cơ quan đăng ký hộ tịch";
        let mut s = String::new();
        for w in WORDS.split(' ').cycle() {
            if s.chars().count() + w.chars().count() >= n {
                break;
            }
            s.push_str(w);
            s.push(' ');
        }
        s.trim_end().to_string()
    }

    /// A procedure with `docs` documents whose notes are about `note`
    /// characters long, and `steps` steps of 120.
    pub(in crate::render::posters) fn m(docs: usize, note: usize, steps: usize) -> Measure {
        let notes = |n: usize| {
            let t = text(n);
            levels(|level| (n > 0).then(|| level.note(&t)).flatten())
        };
        let steps_text = text(120);
        Measure {
            office: Para::bold("UBND PHƯỜNG HỒNG LAM"),
            kind: Para::bold("GIẤY HƯỚNG DẪN"),
            title: Para::bold(&text(40)),
            title_cont: Para::bold(&text(52)),
            ids: Para::plain(&text(80)),
            scan: Para::bold(&text(56)),
            alert: None,
            labels: [text(18), text(19), text(11)].map(|t| Para::bold(&t)),
            result: Para::plain(&text(40)),
            result_boxed: Para::plain(&text(60)),
            deadline: Para::bold("03 ngày làm việc"),
            deadline_label: Para::bold("Thời hạn giải quyết: "),
            deadline_note: notes(0),
            due_line: Vec::new(),
            fees: vec![(Para::plain(&text(40)), notes(0))],
            no_fee: Para::bold("Không thu phí"),
            no_fee_boxed: Para::bold("Phí, lệ phí: Không thu phí"),
            docs: (0..docs)
                .map(|_| DocText {
                    name: Para::bold(&text(50)),
                    quantity: Para::plain("01 bản chính"),
                    note: notes(note),
                })
                .collect(),
            place: [80, 14, 40, 30]
                .map(|n| (Para::plain(&text(n)), Size::Body))
                .into(),
            steps: (0..steps)
                .map(|_| levels(|level| Some(level.step(&steps_text))))
                .collect(),
            headings: [21, 34, 18].map(|n| Para::bold(&text(n).to_uppercase())),
            headings_cont: [33, 46, 30].map(|n| Para::bold(&text(n).to_uppercase())),
            more: Para::bold("Xem tiếp ở trang sau."),
            abridged: Para::plain(&text(88)),
            contact: (
                [50, 20, 30].map(|n| Para::plain(&text(n))).into(),
                [70, 40, 30].map(|n| Para::plain(&text(n))).into(),
            ),
            contact_line: Para::plain(&text(100)),
            cuts: Notes::ALL.map(|level| {
                let (step, limit) = level.limits();
                (120 > step, note > limit, false)
            }),
        }
    }
}
