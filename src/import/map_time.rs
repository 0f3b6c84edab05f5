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
        Some((m, None)) => unitless(m, items),
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
    }
}

fn unitless(m: &Method, items: &mut Vec<Item>) -> (&'static str, String) {
    let n = m.time;
    let unit = match &m.unit {
        TimeUnit::Other(u) if !u.is_empty() => u.clone(),
        TimeUnit::Other(_) => "(trống)".into(),
        _ => "đơn vị có nhưng số là 0".into(),
    };
    items.push(Item::new("deadline-unitless", "deadline", t!(
        "thời hạn nộp trực tiếp trong bản ghi là \"{n}\" với đơn vị {unit}: không rõ là ngày làm việc, ngày hay giờ; ghi lại đúng thời hạn (working_days, calendar_days hoặc hours)",
        "the in-person deadline in the record is \"{n}\" with unit {unit}: working days, days or hours is unknown; write the real deadline (working_days, calendar_days or hours)"
    )));
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
        for (i, m) in r.methods_of(channel).enumerate() {
            if measure(m).is_none() && i == 0 {
                let what = said(m);
                let ch = channel_words(channel);
                items.push(Item::new(
                    "deadline-unitless",
                    "deadline",
                    t!(
                        "{ch}: thời hạn trong bản ghi là \"{what}\"; xác nhận",
                        "{ch}: the record's deadline is \"{what}\"; confirm it"
                    ),
                ));
            }
        }
        if !said_here.is_empty() && said_here != direct {
            notes.push(format!(
                "{}: {}.",
                channel_words(channel),
                said_here.join("; ")
            ));
        }
    }
}
