//! When a dossier received at a moment is due back: the rules, the same as
//! `due.js` runs in the browser.
//!
//! - **Receipt.** A dossier counts as received at the moment it is handed
//!   in on a working day, during or before the office's hours, and not
//!   after the procedure's `cutoff`; otherwise at the opening of the next
//!   working day (a receipt after the cut-off, or on a Saturday morning
//!   where an office receives then, is counted from the next working day:
//!   the later, never the earlier, date).
//! - **Working days** (Civil Code 2015, Art. 147(2)): the period starts
//!   the day after receipt; the result is due on the n-th working day
//!   after it. 0 working days: the day of receipt.
//! - **Calendar days** (Art. 147(2), 148(1) and (5)): n days after the
//!   day of receipt; when that day is not a working day, the next working
//!   day.
//! - **Hours** (Art. 147(1)): counted in office hours from the moment of
//!   receipt, across lunch breaks, evenings and days off.

use super::{Calendar, Day};

/// A deadline's measure, as the calculator counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    WorkingDays(u32),
    CalendarDays(u32),
    Hours(u32),
}

/// What the calculator needs of a procedure's deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub measure: Measure,
    /// Minutes after midnight: a receipt later than this counts from the
    /// next working day.
    pub cutoff: Option<u16>,
}

/// A day and a time of day (minutes after midnight), UTC+7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moment {
    pub day: Day,
    pub minute: u16,
}

/// The answer for one receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    /// When the dossier counts as received.
    pub receipt: Moment,
    /// The day the result is due.
    pub day: Day,
    /// The time it is due, for a deadline in hours.
    pub at: Option<u16>,
}

impl Rule {
    /// The rule of a procedure's deadline. The one place that reads the
    /// model's measures: a measure with no number (a deadline only in
    /// words) has no expected date.
    pub fn of(d: &crate::model::Deadline) -> Option<Rule> {
        use crate::model::DeadlineMeasure as M;
        let measure = match d.measure {
            M::WorkingDays(n) => Measure::WorkingDays(n),
            M::CalendarDays(n) => Measure::CalendarDays(n),
            M::Hours(n) => Measure::Hours(n),
            M::Text(_) => return None,
        };
        Some(Rule {
            measure,
            cutoff: d.cutoff,
        })
    }

    /// The rule as pages carry it (`data-due`) and `due.js` reads it:
    /// `w3`, `c30`, `h8`, with a cut-off `w0/15:00`.
    pub fn code(&self) -> String {
        let (kind, n) = match self.measure {
            Measure::WorkingDays(n) => ('w', n),
            Measure::CalendarDays(n) => ('c', n),
            Measure::Hours(n) => ('h', n),
        };
        match self.cutoff {
            Some(c) => format!("{kind}{n}/{}", super::hours::clock(c)),
            None => format!("{kind}{n}"),
        }
    }

    /// The rule of a [`Rule::code`].
    pub fn parse(code: &str) -> Option<Rule> {
        let (head, cutoff) = match code.split_once('/') {
            Some((h, c)) => (h, Some(parse_clock(c)?)),
            None => (code, None),
        };
        let n: u32 = head.get(1..)?.parse().ok()?;
        let measure = match head.as_bytes().first()? {
            b'w' => Measure::WorkingDays(n),
            b'c' => Measure::CalendarDays(n),
            b'h' => Measure::Hours(n),
            _ => return None,
        };
        Some(Rule { measure, cutoff })
    }
}

/// `15:00` or `9:30` → minutes after midnight, within a day.
pub fn parse_clock(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    let digits = |x: &str, max: usize| {
        !x.is_empty() && x.len() <= max && x.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 2) || !digits(m, 2) || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// When a dossier handed in at `now` under `rule` is due back.
pub fn due(cal: &Calendar, rule: Rule, now: Moment) -> Due {
    let receipt = receipt(cal, rule, now);
    let (day, at) = match rule.measure {
        Measure::WorkingDays(n) => {
            let mut d = receipt.day;
            for _ in 0..n {
                d = cal.next_working(d);
            }
            (d, None)
        }
        Measure::CalendarDays(n) => {
            let last = receipt.day.plus(i64::from(n));
            let d = if cal.is_working(last) {
                last
            } else {
                cal.next_working(last)
            };
            (d, None)
        }
        Measure::Hours(n) => {
            let end = count_hours(cal, receipt, n.saturating_mul(60));
            (end.day, Some(end.minute))
        }
    };
    Due { receipt, day, at }
}

/// When the dossier counts as received (see the module's rules).
fn receipt(cal: &Calendar, rule: Rule, now: Moment) -> Moment {
    let spans = cal.hours(now.day);
    let closes = spans.last().map_or(0, |s| s.1);
    let late = rule.cutoff.is_some_and(|c| now.minute > c);
    if cal.is_working(now.day) && !late && now.minute < closes {
        // Before opening or at lunch: from the next opening today.
        let minute = spans
            .iter()
            .find(|s| s.1 > now.minute)
            .map_or(now.minute, |s| s.0.max(now.minute));
        return Moment {
            day: now.day,
            minute,
        };
    }
    let day = cal.next_working(now.day);
    Moment {
        day,
        minute: cal.hours(day).first().map_or(0, |s| s.0),
    }
}

/// The moment `minutes` of office hours after `from`.
fn count_hours(cal: &Calendar, from: Moment, minutes: u32) -> Moment {
    let (mut day, mut pos, mut left) = (from.day, from.minute, minutes);
    for _ in 0..super::LOOK_AHEAD {
        for &(a, b) in cal.hours(day) {
            if b <= pos {
                continue;
            }
            let start = a.max(pos);
            let here = u32::from(b - start);
            if left <= here {
                return Moment {
                    day,
                    minute: start + left as u16,
                };
            }
            left -= here;
        }
        day = cal.next_working(day);
        pos = 0;
    }
    Moment { day, minute: pos }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in ["w3", "w0/15:00", "c30", "h8", "h4/9:30"] {
            assert_eq!(Rule::parse(code).map(|r| r.code()).as_deref(), Some(code));
        }
        for bad in ["", "x3", "w", "w-1", "w3/25:00", "w3/15", "w3/15:0"] {
            assert_eq!(Rule::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn clock_times_within_a_day() {
        assert_eq!(parse_clock("15:00"), Some(900));
        assert_eq!(parse_clock("9:30"), Some(570));
        assert_eq!(parse_clock("00:00"), Some(0));
        assert_eq!(parse_clock("23:59"), Some(1439));
        for bad in [
            "24:00", "15:60", "15h", "15", "15:5", "1500", ":30", "15:00:00", "-1:00",
        ] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }
}
