//! The office's calendar and the expected return date ("ngày hẹn trả dự
//! kiến"): which days are working days, and when a dossier received now
//! is due back ([`due`]).
//!
//! This is the reference; `themes/default/static/due.js` is the same
//! calculator in the browser (a static page must give the right date on
//! the day it is read), and `tests/due/vectors.json` holds cases both must
//! answer alike. The browser gets the site's calendar once, as data
//! (`assets/calendar.js`, [`crate::render::due`]): the listed holidays and
//! make-up working days, the office hours as read here, and the lunar
//! holidays computed here ([`lunar`]) for the years a page may be read.
//!
//! A working day is a day that is not a day off, where the days off are,
//! in this order:
//! 1. the site's `holidays` (what the government announces each year: the
//!    days of Tết, the day next to 2 September, bridge days);
//! 2. the public holidays of the Labour Code 2019, Art. 112(1): 1 January,
//!    Giỗ Tổ Hùng Vương (10/3 lunar), 30 April, 1 May, 2 September, and of
//!    Tết the last day of the old year and the first three of the new (the
//!    five days of Art. 112(1)(b) are set by the Prime Minister each year;
//!    every schedule from 2020 to 2026 held these four, so they are off
//!    even when `holidays` is stale);
//! 3. a compensating day (nghỉ bù, Art. 111(3)) for each of those fixed
//!    days and Giỗ Tổ that falls on a Saturday or Sunday: the first Monday
//!    to Friday after it that is not off — unless `holidays` lists a
//!    weekday in the seven days after it that the law does not make a
//!    holiday (the office copied the announced schedule, which has it);
//! 4. Saturdays and Sundays, except the site's `workdays` (make-up days).

mod day;
pub mod due;
pub mod hours;
pub mod lunar;

pub use day::Day;

use crate::model::SiteConfig;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// A public holiday the law sets (what a warning names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    NewYear,
    /// The last day of the lunar year, and the first three of the new one.
    Tet,
    HungKings,
    Reunification,
    Labour,
    National,
    /// Nghỉ bù for a holiday on a weekend.
    Compensation,
}

impl Holiday {
    pub fn name(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::{En, Vi};
        match (self, lang) {
            (Holiday::NewYear, Vi) => "Tết Dương lịch",
            (Holiday::NewYear, En) => "New Year's Day",
            (Holiday::Tet, Vi) => "Tết Nguyên đán",
            (Holiday::Tet, En) => "Lunar New Year (Tết)",
            (Holiday::HungKings, Vi) => "Giỗ Tổ Hùng Vương",
            (Holiday::HungKings, En) => "Hùng Kings' Commemoration",
            (Holiday::Reunification, Vi) => "Ngày Chiến thắng",
            (Holiday::Reunification, En) => "Reunification Day",
            (Holiday::Labour, Vi) => "Ngày Quốc tế Lao động",
            (Holiday::Labour, En) => "International Labour Day",
            (Holiday::National, Vi) => "Quốc khánh",
            (Holiday::National, En) => "National Day",
            (Holiday::Compensation, Vi) => "ngày nghỉ bù",
            (Holiday::Compensation, En) => "a compensating day off",
        }
    }
}

/// The days an office works, and its hours.
#[derive(Debug)]
pub struct Calendar {
    /// Days off the site lists (`holidays`).
    pub holidays: BTreeSet<Day>,
    /// Saturdays or Sundays worked (`workdays`).
    pub workdays: BTreeSet<Day>,
    pub week: hours::Week,
    /// The public holidays of each year asked for so far.
    years: RefCell<BTreeMap<i64, Vec<(Day, Holiday)>>>,
}

/// The most days any search for a working day looks ahead: a list that
/// closes every day for ten years gives a date, not a hang.
const LOOK_AHEAD: i64 = 3660;

impl Calendar {
    pub fn new(
        holidays: impl IntoIterator<Item = Day>,
        workdays: impl IntoIterator<Item = Day>,
        week: hours::Week,
    ) -> Calendar {
        Calendar {
            holidays: holidays.into_iter().collect(),
            workdays: workdays.into_iter().collect(),
            week,
            years: RefCell::default(),
        }
    }

    /// The calendar of a checked site.
    pub fn of(config: &SiteConfig) -> Calendar {
        let hours = config
            .office
            .hours
            .iter()
            .map(|h| (h.days.as_str(), h.time.as_str()));
        Calendar::new(
            config.holidays.iter().copied().map(Day::of),
            config.workdays.iter().copied().map(Day::of),
            hours::read(hours).week,
        )
    }

    /// The days off the law gives in `year` (see the module's list, 2 and
    /// 3), in order.
    pub fn public_holidays(&self, year: i64) -> Vec<(Day, Holiday)> {
        if let Some(days) = self.years.borrow().get(&year) {
            return days.clone();
        }
        let days = self.compute_public_holidays(year);
        self.years.borrow_mut().insert(year, days.clone());
        days
    }

    fn compute_public_holidays(&self, year: i64) -> Vec<(Day, Holiday)> {
        let tet = lunar::tet(year);
        let fixed = [
            (Day::new(year, 1, 1), Holiday::NewYear),
            (lunar::gio_to(year), Holiday::HungKings),
            (Day::new(year, 4, 30), Holiday::Reunification),
            (Day::new(year, 5, 1), Holiday::Labour),
            (Day::new(year, 9, 2), Holiday::National),
        ];
        let mut days: Vec<(Day, Holiday)> = (-1..=2)
            .map(|i| (tet.plus(i), Holiday::Tet))
            .chain(fixed)
            .collect();
        days.sort_by_key(|d| d.0);
        days.dedup_by_key(|d| d.0);
        let by_law = |d: Day| days.iter().any(|h| h.0 == d);
        let mut weekend: Vec<Day> = fixed
            .iter()
            .map(|f| f.0)
            .filter(|d| d.is_weekend() && !self.workdays.contains(d))
            .collect();
        weekend.sort();
        weekend.dedup();
        let mut extra = Vec::new();
        for h in weekend {
            let announced = (1..=7)
                .map(|i| h.plus(i))
                .any(|d| self.holidays.contains(&d) && !d.is_weekend() && !by_law(d));
            if announced {
                continue;
            }
            let mut d = h.plus(1);
            while d.is_weekend() || by_law(d) || extra.contains(&d) || self.holidays.contains(&d) {
                d = d.plus(1);
            }
            extra.push(d);
        }
        days.extend(extra.into_iter().map(|d| (d, Holiday::Compensation)));
        days.sort_by_key(|d| d.0);
        days
    }

    /// The public holiday `d` is, if it is one.
    pub fn public_holiday(&self, d: Day) -> Option<Holiday> {
        let year = self.public_holidays(d.year());
        year.iter().find(|h| h.0 == d).map(|h| h.1)
    }

    pub fn is_working(&self, d: Day) -> bool {
        if self.holidays.contains(&d) || self.public_holiday(d).is_some() {
            return false;
        }
        self.workdays.contains(&d) || !d.is_weekend()
    }

    /// The first working day after `d`.
    pub fn next_working(&self, d: Day) -> Day {
        let mut next = d.plus(1);
        while !self.is_working(next) && next.0 - d.0 < LOOK_AHEAD {
            next = next.plus(1);
        }
        next
    }

    /// The office hours of working day `d`: a make-up day keeps Monday's.
    pub fn hours(&self, d: Day) -> &[hours::Span] {
        let weekday = if self.workdays.contains(&d) {
            0
        } else {
            d.weekday() as usize
        };
        &self.week.0[weekday]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> Calendar {
        Calendar::new([], [], hours::Week::default())
    }

    fn off(c: &Calendar, year: i64) -> Vec<String> {
        c.public_holidays(year)
            .iter()
            .map(|(d, _)| d.to_string())
            .collect()
    }

    #[test]
    fn the_law_s_holidays_with_their_compensating_days() {
        // 2022: 1/1 a Saturday (3/1 off), Giỗ Tổ 10/4 a Sunday (11/4),
        // 30/4 and 1/5 a weekend (2/5 and 3/5): as the government announced.
        assert_eq!(
            off(&plain(), 2022),
            [
                "2022-01-01",
                "2022-01-03",
                "2022-01-31",
                "2022-02-01",
                "2022-02-02",
                "2022-02-03",
                "2022-04-10",
                "2022-04-11",
                "2022-04-30",
                "2022-05-01",
                "2022-05-02",
                "2022-05-03",
                "2022-09-02"
            ]
        );
        // 2023: Giỗ Tổ on Saturday 29/4, then 30/4 Sunday, 1/5 Monday: the
        // announced 2/5 and 3/5.
        let y2023 = off(&plain(), 2023);
        assert!(y2023.contains(&"2023-05-02".into()) && y2023.contains(&"2023-05-03".into()));
    }

    #[test]
    fn an_announced_schedule_replaces_the_computed_compensation() {
        let c = Calendar::new([Day::new(2026, 4, 27)], [], hours::Week::default());
        let y = off(&c, 2026);
        assert!(y.contains(&"2026-04-26".into()));
        assert!(!y.iter().any(|d| d == "2026-04-28"), "{y:?}");
        assert!(!c.is_working(Day::new(2026, 4, 27)));
        // Without the listed day, the law's compensation is Monday 27/4.
        assert_eq!(
            plain().public_holiday(Day::new(2026, 4, 27)),
            Some(Holiday::Compensation)
        );
    }

    #[test]
    fn make_up_saturdays_are_working_days_with_monday_s_hours() {
        let sat = Day::new(2026, 5, 9);
        let c = Calendar::new([], [sat], hours::Week::default());
        assert!(c.is_working(sat));
        assert!(!plain().is_working(sat));
        assert_eq!(c.hours(sat), hours::DEFAULT);
        assert_eq!(c.next_working(Day::new(2026, 5, 8)), sat);
    }

    #[test]
    fn a_calendar_closed_for_years_still_answers() {
        let start = Day::new(2026, 1, 1);
        let all = (0..5000).map(|i| start.plus(i));
        let c = Calendar::new(all, [], hours::Week::default());
        assert_eq!(c.next_working(start).0 - start.0, LOOK_AHEAD);
    }
}
