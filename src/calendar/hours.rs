//! Office hours, read from `office.hours`: free text a clerk writes for
//! people (`days: Thứ Hai - Thứ Sáu`, `time: "Sáng 7:30 - 11:30, chiều
//! 13:30 - 17:00"`). What can be read is used to count a deadline in hours
//! and to know when the office has closed for the day; a working day
//! (Monday to Friday) no group names takes [`DEFAULT`], and `check` warns
//! about a group it cannot read (`model::calendar`).
//!
//! Days: `Thứ Hai`…`Thứ Bảy`, `Chủ nhật`, `Thứ 2`…`Thứ 7`, `T2`…`T7`,
//! `CN`, English names; ranges with `-`, `–`, `đến`, `tới`, `to`; lists
//! with `,`, `và`. Other words (`Sáng`, `các ngày`, `(trừ ngày lễ)`) are
//! passed over. Times: `7:30`, `7h30`, `7h`, `7g30`, `7.30`, `7 giờ 30`,
//! taken two by two as spans; after `chiều`, `tối` or `pm`, an hour under
//! 12 is in the afternoon (`chiều 1:30 - 5:00` is 13:30–17:00).

use crate::lang::Lang;

/// Minutes after midnight, from the first to the second (exclusive).
pub type Span = (u16, u16);

/// 7:30–11:30 and 13:30–17:00: the hours of most offices, and of the
/// working days `office.hours` does not give.
pub const DEFAULT: [Span; 2] = [(450, 690), (810, 1020)];

/// The hours of each day of the week, Monday (0) to Sunday (6); Monday to
/// Friday are never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week(pub [Vec<Span>; 7]);

impl Default for Week {
    fn default() -> Week {
        let mut days: [Vec<Span>; 7] = Default::default();
        for d in days.iter_mut().take(5) {
            *d = DEFAULT.to_vec();
        }
        Week(days)
    }
}

/// What [`read`] made of the groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub week: Week,
    /// The groups (by index) whose days or times could not be read.
    pub unread: Vec<usize>,
}

/// The week of `groups` (`(days, time)` as written).
pub fn read<'a>(groups: impl IntoIterator<Item = (&'a str, &'a str)>) -> Reading {
    let mut days: [Vec<Span>; 7] = Default::default();
    let mut unread = Vec::new();
    for (i, (d, t)) in groups.into_iter().enumerate() {
        match (weekdays(d), spans(t)) {
            (Some(ds), Some(ss)) => {
                for d in ds {
                    days[d].extend(&ss);
                    days[d].sort_unstable();
                    days[d].dedup();
                }
            }
            _ => unread.push(i),
        }
    }
    for d in days.iter_mut().take(5) {
        if d.is_empty() || !ascending(d) {
            *d = DEFAULT.to_vec();
        }
    }
    Reading {
        week: Week(days),
        unread,
    }
}

/// Spans that follow each other without overlapping.
fn ascending(spans: &[Span]) -> bool {
    spans.windows(2).all(|w| w[0].1 <= w[1].0)
}

fn fold(s: &str) -> String {
    crate::text::strip_marks(s).to_lowercase()
}

/// The days (0 = Monday) a `days:` text names; `None` when it names none.
pub fn weekdays(text: &str) -> Option<Vec<usize>> {
    let folded = fold(text);
    let spaced: String = folded
        .chars()
        .flat_map(|c| match c {
            '-' | '–' | '—' => vec![' ', '-', ' '],
            c if c.is_alphanumeric() || c.is_whitespace() => vec![c],
            _ => vec![' ', ',', ' '],
        })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let mut out: Vec<usize> = Vec::new();
    let mut range_from: Option<usize> = None;
    let mut i = 0;
    while i < words.len() {
        let (day, used) = day_at(&words[i..]);
        i += used.max(1);
        match (day, words[i - 1]) {
            (Some(d), _) => match range_from.take() {
                Some(from) if from < d => out.extend(from + 1..=d),
                Some(_) => return None,
                None => out.push(d),
            },
            (None, "-" | "den" | "toi" | "to" | "through" | "until") => {
                range_from = out.last().copied();
            }
            (None, "," | "va" | "and") => range_from = None,
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// The day named by the first word(s) of `words`, and how many words it took.
fn day_at(words: &[&str]) -> (Option<usize>, usize) {
    const NAMES: [&[&str]; 7] = [
        &["hai", "2", "monday", "mon"],
        &["ba", "3", "tuesday", "tue"],
        &["tu", "4", "wednesday", "wed"],
        &["nam", "5", "thursday", "thu"],
        &["sau", "6", "friday", "fri"],
        &["bay", "7", "saturday", "sat"],
        &["nhat", "cn", "sunday", "sun"],
    ];
    let find = |w: &str, from: usize| NAMES.iter().position(|n| n[from..].contains(&w));
    match words {
        ["thu", next, ..] => match find(next, 0) {
            Some(d) if d < 6 => (Some(d), 2),
            _ => (None, 1),
        },
        ["chu", "nhat", ..] => (Some(6), 2),
        ["cn", ..] => (Some(6), 1),
        [w, ..] if w.len() == 2 && w.starts_with('t') => {
            let d = w[1..].parse::<usize>().ok().filter(|n| (2..=7).contains(n));
            (d.map(|n| n - 2), 1)
        }
        [w, ..] => (find(w, 2).filter(|&d| w.len() > 2 || d < 6), 1),
        [] => (None, 1),
    }
}

/// The spans a `time:` text gives; `None` when it gives none, an odd
/// number of times, or times out of order.
pub fn spans(text: &str) -> Option<Vec<Span>> {
    let times = times(text)?;
    if times.is_empty() || times.len() % 2 == 1 {
        return None;
    }
    let out: Vec<Span> = times.chunks(2).map(|p| (p[0], p[1])).collect();
    let ordered = out.iter().all(|(a, b)| a < b) && ascending(&out);
    ordered.then_some(out)
}

/// The one time a text gives (`15h`, `15 giờ`, `3 giờ chiều`), if it
/// gives exactly one: what a clerk meant by a `cutoff` not written `15:00`.
pub fn one_time(text: &str) -> Option<u16> {
    let pm = fold(text).contains("chieu");
    match times(text)?.as_slice() {
        [t] if pm && *t < 12 * 60 => Some(t + 12 * 60),
        [t] if *t < 24 * 60 => Some(*t),
        _ => None,
    }
}

/// Every time a text gives, in order, in minutes after midnight; `None`
/// when one cannot be read.
fn times(text: &str) -> Option<Vec<u16>> {
    let folded = fold(text).replace("gio", "h");
    let chars: Vec<char> = folded.chars().collect();
    let mut times: Vec<u16> = Vec::new();
    let mut afternoon = false;
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..].iter().take(5).collect();
        // `tối` (evening) folds to `toi` like `tới` (to): not a marker.
        if rest.starts_with("chieu") || rest.starts_with("pm") {
            afternoon = true;
        } else if rest.starts_with("sang") {
            afternoon = false;
        }
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let (time, next) = time_at(&chars, i)?;
        i = next;
        let Some((h, m)) = time else { continue };
        let h = if afternoon && h < 12 { h + 12 } else { h };
        if h > 24 || m > 59 || (h == 24 && m > 0) {
            return None;
        }
        times.push(h * 60 + m);
    }
    Some(times)
}

/// The number starting at `chars[i]` (a digit), and where reading goes
/// on: `(Some((hour, minute)), next)` when it is marked as a time (`7:30`,
/// `7h`, `7.30`, `7 h 30`), `(None, next)` for a plain number (`2 ngày`);
/// `None` when it cannot be read (a marked number of three digits, one
/// digit of minutes).
fn time_at(chars: &[char], i: usize) -> Option<(Option<(u16, u16)>, usize)> {
    let digits = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let n = digits(i);
    let number = |from: usize, len: usize| -> u16 {
        chars[from..from + len]
            .iter()
            .fold(0, |a, c| a * 10 + c.to_digit(10).unwrap_or(0) as u16)
    };
    let skip_spaces = |mut j: usize| {
        while chars.get(j) == Some(&' ') {
            j += 1;
        }
        j
    };
    let mut j = skip_spaces(i + n);
    let marked = matches!(chars.get(j), Some(':' | 'h' | 'g' | '.'));
    if !marked {
        // A plain number (`2 ngày`): not a time.
        return Some((None, i + n));
    }
    if n > 2 {
        return None;
    }
    j = skip_spaces(j + 1);
    let m = digits(j);
    let minute = match m {
        2 => number(j, 2),
        0 => 0,
        _ => return None,
    };
    Some((Some((number(i, n), minute)), j + m))
}

/// `7:30`, `13:30`.
pub fn clock(minute: u16) -> String {
    format!("{}:{:02}", minute / 60, minute % 60)
}

/// The working week's hours in words, when Monday to Friday share them:
/// `thứ Hai đến thứ Sáu, 7:30–11:30, 13:30–17:00`.
pub fn describe(week: &Week, lang: Lang) -> Option<String> {
    let monday = &week.0[0];
    if week.0[1..5].iter().any(|d| d != monday) {
        return None;
    }
    let spans: Vec<String> = monday
        .iter()
        .map(|(a, b)| format!("{}–{}", clock(*a), clock(*b)))
        .collect();
    let days = match lang {
        Lang::Vi => "thứ Hai đến thứ Sáu",
        Lang::En => "Monday to Friday",
    };
    Some(format!("{days}, {}", spans.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_as_clerks_write_them() {
        let mf = Some(vec![0, 1, 2, 3, 4]);
        assert_eq!(weekdays("Thứ Hai - Thứ Sáu"), mf);
        assert_eq!(weekdays("Từ thứ 2 đến thứ 6"), mf);
        assert_eq!(weekdays("T2–T6"), mf);
        assert_eq!(weekdays("Monday to Friday"), mf);
        assert_eq!(weekdays("Thứ Hai tới thứ Sáu (trừ ngày lễ)"), mf);
        assert_eq!(weekdays("Sáng thứ Bảy"), Some(vec![5]));
        assert_eq!(weekdays("Thứ Bảy, Chủ nhật"), Some(vec![5, 6]));
        assert_eq!(weekdays("Thứ Hai, thứ Tư và thứ Sáu"), Some(vec![0, 2, 4]));
        assert_eq!(weekdays("Thứ Bảy - CN"), Some(vec![5, 6]));
        assert_eq!(weekdays("Ngày thường"), None);
        assert_eq!(weekdays("Thứ Sáu - Thứ Hai"), None);
    }

    #[test]
    fn times_as_clerks_write_them() {
        let full = Some(DEFAULT.to_vec());
        assert_eq!(spans("Sáng 7:30 - 11:30, chiều 13:30 - 17:00"), full);
        assert_eq!(spans("7h30-11h30; 13h30-17h"), full);
        assert_eq!(
            spans("sáng 7 giờ 30 đến 11 giờ 30, chiều 1 giờ 30 đến 5 giờ"),
            full
        );
        assert_eq!(spans("Sáng 7g30 - 11g30, chiều 1g30 - 5g"), full);
        assert_eq!(
            spans("7:30 - 11:30 (chỉ tiếp nhận và trả kết quả)"),
            Some(vec![(450, 690)])
        );
        assert_eq!(spans("8.00 - 12.00"), Some(vec![(480, 720)]));
        assert_eq!(spans("cả ngày"), None);
        assert_eq!(spans("7:30"), None);
        assert_eq!(spans("11:30 - 7:30"), None);
        assert_eq!(spans("7:30 - 25:00"), None);
        assert_eq!(spans("7:75 - 11:30"), None);
        assert_eq!(one_time("15h"), Some(900));
        assert_eq!(one_time("3 giờ chiều"), Some(900));
        assert_eq!(one_time("15 giờ 30"), Some(930));
        assert_eq!(one_time("sau 15 giờ"), Some(900));
        assert_eq!(one_time("15"), None);
    }

    #[test]
    fn a_week_from_groups_defaults_what_it_cannot_read() {
        let r = read([
            (
                "Thứ Hai - Thứ Sáu",
                "Sáng 7:30 - 11:30, chiều 13:30 - 17:00",
            ),
            ("Sáng thứ Bảy", "7:30 - 11:30"),
        ]);
        assert!(r.unread.is_empty());
        assert_eq!(r.week.0[4], DEFAULT.to_vec());
        assert_eq!(r.week.0[5], vec![(450, 690)]);
        assert!(r.week.0[6].is_empty());
        let r = read([
            ("Thứ Hai - Thứ Năm", "8:00 - 16:00"),
            ("Thứ Sáu", "giờ hành chính"),
        ]);
        assert_eq!(r.unread, vec![1]);
        assert_eq!(r.week.0[0], vec![(480, 960)]);
        assert_eq!(r.week.0[4], DEFAULT.to_vec());
        assert_eq!(read([]).week, Week::default());
    }

    #[test]
    fn the_working_week_in_words() {
        let w = Week::default();
        assert_eq!(
            describe(&w, Lang::Vi).as_deref(),
            Some("thứ Hai đến thứ Sáu, 7:30–11:30, 13:30–17:00")
        );
        let mut odd = w.clone();
        odd.0[4] = vec![(450, 690)];
        assert_eq!(describe(&odd, Lang::Vi), None);
    }
}
