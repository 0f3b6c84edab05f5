//! Deadlines: per channel in the record, sometimes without a unit (OTHER,
//! or 0). The in-person (DIRECT) deadline becomes `deadline`; the other
//! channels' go in its note; a value without a unit is never published as a
//! number: it becomes `deadline.text`, the record's own words, and a review
//! item. Months and years are not converted to days.

use super::draft::DraftDeadline;
use super::record::{Channel, Method, Record, TimeUnit};
use super::review::Item;
use super::text::{has_words, one_line};
use crate::model::{Deadline, DeadlineMeasure};
use crate::render::format;
use crate::text::slugify;
use crate::{t, Lang};

/// A method's deadline as the format can say it, if it can.
fn measure(m: &Method) -> Option<DeadlineMeasure> {
    let n = u32::try_from(m.time).ok()?;
    match (&m.unit, n) {
        (_, 0) => None,
        (TimeUnit::WorkingDay, n) => Some(DeadlineMeasure::WorkingDays(n)),
        (TimeUnit::Day, n) => Some(DeadlineMeasure::CalendarDays(n)),
        (TimeUnit::Hour, n) => Some(DeadlineMeasure::Hours(n)),
        (TimeUnit::Month, n) => Some(DeadlineMeasure::Text(format!("{n:02} tháng"))),
        (TimeUnit::Year, n) => Some(DeadlineMeasure::Text(format!("{n:02} năm"))),
        (TimeUnit::Other(_), _) => None,
    }
}

fn words(m: &DeadlineMeasure) -> String {
    format::deadline(
        &Deadline {
            measure: m.clone(),
            reduced_from: None,
            note: None,
            cutoff: None,
        },
        Lang::Vi,
    )
}

/// Roughly in days, to choose the longest of several in-person cases (the
/// poster must never promise less than a case may take).
fn days(m: &DeadlineMeasure) -> u64 {
    match m {
        DeadlineMeasure::WorkingDays(n) => u64::from(*n) * 7 / 5,
        DeadlineMeasure::CalendarDays(n) => u64::from(*n),
        DeadlineMeasure::Hours(n) => u64::from(*n) / 24,
        DeadlineMeasure::Text(t) if t.contains("năm") => 365 * 10,
        DeadlineMeasure::Text(_) => 31 * 10,
    }
}

fn channel_words(c: Channel) -> &'static str {
    match c {
        Channel::Direct => "Nộp trực tiếp",
        Channel::Online => "Nộp trực tuyến",
        Channel::Postal => "Nộp qua bưu chính",
    }
}

/// What a method says, in words: its measure, or its number and unit as
/// the record wrote them.
fn said(m: &Method) -> String {
    match measure(m) {
        Some(x) => words(&x),
        None if m.time == 0 => "không ghi thời hạn".to_string(),
        None => format!("{} (không ghi đơn vị)", m.time),
    }
}

/// Whether a method's description speaks of time (it often speaks of the
/// fee instead: "2.000 đồng/trang…", which must not become a deadline note).
fn about_time(desc: &str) -> bool {
    let f = slugify(desc);
    let time = ["ngay", "gio", "thang", "thoi-han", "ke-tu"]
        .iter()
        .any(|w| has_words(&f, w));
    time && !has_words(&f, "dong")
}

/// The leading clause of a description when it states the deadline
/// ("02 tháng và 15 ngày làm việc, trong đó: …" → its first words).
fn leading_clause(desc: &str) -> Option<String> {
    let first = desc.split(['\n', ':', ';']).next()?.trim();
    let first = first
        .split(". ")
        .next()?
        .trim()
        .trim_end_matches([',', '.']);
    let ok = first.chars().any(|c| c.is_ascii_digit()) && first.chars().count() <= 80;
    ok.then(|| one_line(first))
}

pub fn deadline(r: &Record, items: &mut Vec<Item>) -> DraftDeadline {
    let direct: Vec<&Method> = r.methods_of(Channel::Direct).collect();
    let chosen_from: Vec<&Method> = if direct.is_empty() {
        r.methods.iter().take(1).collect()
    } else {
        direct.clone()
    };
    let mut notes: Vec<String> = Vec::new();
    let measured: Vec<(&Method, Option<DeadlineMeasure>)> =
        chosen_from.iter().map(|m| (*m, measure(m))).collect();
    let mut distinct: Vec<String> = measured.iter().map(|(m, _)| said(m)).collect();
    distinct.dedup();
    distinct.sort();
    distinct.dedup();
    let several = distinct.len() > 1;
    // The longest stated case; else the first.
    let pick = measured
        .iter()
        .filter(|(_, x)| x.is_some())
        .max_by_key(|(_, x)| x.as_ref().map_or(0, days))
        .or(measured.first());
    let (key, value) = match pick {
        Some((_, Some(DeadlineMeasure::WorkingDays(n)))) => ("working_days", n.to_string()),
        Some((_, Some(DeadlineMeasure::CalendarDays(n)))) => ("calendar_days", n.to_string()),
        Some((_, Some(DeadlineMeasure::Hours(n)))) => ("hours", n.to_string()),
        Some((m, Some(DeadlineMeasure::Text(t)))) => {
            items.push(Item::new("deadline-month", "deadline", t!(
                "thời hạn tính bằng tháng/năm ({t}), giữ nguyên như bản ghi; xác nhận với quyết định công bố",
                "the deadline is in months or years ({t}), kept as the record says; confirm it against the decision"
            )));
            let _ = m;
            ("text", t.clone())
        }
        Some((m, None)) => unitless(r, m, items),
        None => {
            items.push(Item::new(
                "deadline-missing",
                "deadline",
                t!(
                    "bản ghi không có cách thức thực hiện nào, nên không có thời hạn",
                    "the record has no execution method, hence no deadline"
                ),
            ));
            ("text", "(CẦN SỬA) chưa có thời hạn giải quyết".to_string())
        }
    };
    if several {
        items.push(Item::new("deadline-cases", "deadline", t!(
            "nộp trực tiếp có {} thời hạn theo từng trường hợp; đã ghi thời hạn dài nhất, các trường hợp ở ghi chú",
            "in person has {} deadlines by case; the longest is written, the cases are in the note",
            distinct.len()
        )));
        for (m, _) in &measured {
            let desc = Some(one_line(&m.description))
                .filter(|d| about_time(d))
                .unwrap_or_default();
            notes.push(if desc.is_empty() {
                said(m)
            } else {
                format!("{}: {desc}", said(m))
            });
        }
        notes.dedup();
    } else if let Some((m, _)) = pick {
        let desc = Some(one_line(&m.description))
            .filter(|d| about_time(d))
            .unwrap_or_default();
        if !desc.is_empty() && value != desc {
            notes.push(desc);
        }
    }
    other_channels(r, &distinct, &mut notes, items);
    notes.dedup();
    DraftDeadline {
        key: key.to_string(),
        value,
        note: (!notes.is_empty()).then(|| notes.join(" ")),
        ..DraftDeadline::default()
    }
}

/// What `cases[]` says, as a hint: "1.001193.01: 01 ngày làm việc".
fn case_hint(r: &Record) -> (String, String) {
    let said: Vec<String> = r
        .case_deadlines
        .iter()
        .map(|c| {
            let m = Method {
                channel: Channel::Direct,
                time: c.qty,
                unit: c.unit.clone(),
                description: String::new(),
                fees: Vec::new(),
            };
            format!("{}: {}", c.code, said(&m))
        })
        .collect();
    if said.is_empty() {
        return (String::new(), String::new());
    }
    let said = said.join("; ");
    (
        format!(" (mục cases của bản ghi ghi {said}, có thể không khớp)"),
        format!(" (the record's cases say {said}, which may not agree)"),
    )
}

fn unitless(r: &Record, m: &Method, items: &mut Vec<Item>) -> (&'static str, String) {
    let (hint, hint_en) = case_hint(r);
    let n = m.time;
    let unit = match &m.unit {
        TimeUnit::Other(u) if !u.is_empty() => u.clone(),
        TimeUnit::Other(_) => "(trống)".into(),
        TimeUnit::WorkingDay => "WORKING_DAY".into(),
        TimeUnit::Day => "DAY".into(),
        TimeUnit::Hour => "HOUR".into(),
        TimeUnit::Month => "MONTH".into(),
        TimeUnit::Year => "YEAR".into(),
    };
    let message = if n == 0 {
        t!(
            "bản ghi không ghi thời hạn nộp trực tiếp (số 0, đơn vị {unit}); ghi đúng thời hạn bằng working_days, calendar_days hoặc hours{hint}",
            "the record states no in-person deadline (0, unit {unit}); write the real one with working_days, calendar_days or hours{hint_en}"
        )
    } else {
        t!(
            "thời hạn nộp trực tiếp trong bản ghi là \"{n}\", đơn vị {unit}: không rõ là ngày làm việc, ngày hay giờ; ghi đúng thời hạn bằng working_days, calendar_days hoặc hours{hint}",
            "the in-person deadline in the record is \"{n}\", unit {unit}: working days, days or hours is unknown; write the real one with working_days, calendar_days or hours{hint_en}"
        )
    };
    items.push(Item::new("deadline-unitless", "deadline", message));
    let text = match leading_clause(&m.description) {
        Some(clause) => clause,
        None if n == 0 => "(CẦN SỬA) bản ghi không ghi thời hạn".to_string(),
        None => format!("{n} (CẦN SỬA: bản ghi không ghi đơn vị)"),
    };
    ("text", text)
}

/// The other channels' deadlines, in the note, when they differ from the
/// in-person one; every one without a unit is a review item.
fn other_channels(r: &Record, direct: &[String], notes: &mut Vec<String>, items: &mut Vec<Item>) {
    for channel in [Channel::Online, Channel::Postal] {
        let mut said_here: Vec<String> = r.methods_of(channel).map(said).collect();
        said_here.sort();
        said_here.dedup();
        // Said once, in the note, only when it differs from in person.
        let differs = !said_here.is_empty() && said_here != direct;
        for (i, m) in r.methods_of(channel).enumerate() {
            if differs && measure(m).is_none() && i == 0 {
                let ch = channel_words(channel);
                let n = m.time;
                let message = if n == 0 {
                    t!(
                        "{ch}: bản ghi không ghi thời hạn (số 0); xác nhận thời hạn cho cách nộp này",
                        "{ch}: the record states no deadline (0); confirm the deadline for this channel"
                    )
                } else {
                    t!(
                        "{ch}: thời hạn trong bản ghi là \"{n}\", không ghi đơn vị; xác nhận",
                        "{ch}: the record's deadline is \"{n}\" with no unit; confirm it"
                    )
                };
                // Anchored at the note, where the other channels are.
                items.push(Item::new("deadline-channel", "deadline.note", message));
            }
        }
        if differs {
            notes.push(format!(
                "{}: {}.",
                channel_words(channel),
                said_here.join("; ")
            ));
        }
    }
}
