//! Days as plain numbers, so that the Rust calculator and the browser's
//! (`themes/default/static/due.js`) count them the same way: a [`Day`] is
//! the number of days since 1970-01-01 in the proleptic Gregorian calendar
//! (no time zone: a civil date).

use crate::model::Date;

/// A civil date as a day number (1970-01-01 is 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

impl Day {
    /// From year, month (1–12) and day of month (H. Hinnant's
    /// `days_from_civil`, exact for every Gregorian date).
    pub fn new(y: i64, m: i64, d: i64) -> Day {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    pub fn of(d: Date) -> Day {
        Day::new(d.year().into(), d.month().into(), d.day().into())
    }

    /// Year, month, day of month.
    pub fn ymd(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }

    pub fn year(self) -> i64 {
        self.ymd().0
    }

    /// The date, when it is one `jiff` can hold (years -9999 to 9999).
    pub fn date(self) -> Option<Date> {
        let (y, m, d) = self.ymd();
        Date::new(y.try_into().ok()?, m.try_into().ok()?, d.try_into().ok()?).ok()
    }

    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> i64 {
        (self.0 + 3).rem_euclid(7)
    }

    /// `thứ Hai` … `Chủ nhật`, as a date is written after it.
    pub fn weekday_name(self, lang: crate::Lang) -> &'static str {
        const VI: [&str; 7] = [
            "thứ Hai",
            "thứ Ba",
            "thứ Tư",
            "thứ Năm",
            "thứ Sáu",
            "thứ Bảy",
            "Chủ nhật",
        ];
        const EN: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let names = match lang {
            crate::Lang::Vi => VI,
            crate::Lang::En => EN,
        };
        names[self.weekday() as usize]
    }

    /// `07/12/2026`, as Vietnamese dates are written.
    pub fn dmy(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d:02}/{m:02}/{y:04}")
    }

    pub fn is_weekend(self) -> bool {
        self.weekday() >= 5
    }

    pub fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }

    /// The Julian day number (the day that begins at noon UT of this date).
    pub fn jdn(self) -> i64 {
        self.0 + 2_440_588
    }

    pub fn from_jdn(jdn: i64) -> Day {
        Day(jdn - 2_440_588)
    }
}

/// `2026-12-07`.
impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_know_the_weekday() {
        assert_eq!(Day::new(1970, 1, 1), Day(0));
        assert_eq!(Day::new(2000, 3, 1).ymd(), (2000, 3, 1));
        assert_eq!(Day::new(2026, 12, 7).weekday(), 0, "a Monday");
        assert_eq!(Day::new(2026, 12, 13).weekday(), 6, "a Sunday");
        assert_eq!(Day::new(1900, 2, 28).plus(1).ymd(), (1900, 3, 1));
        assert_eq!(Day::new(2024, 2, 28).plus(1).ymd(), (2024, 2, 29));
        assert_eq!(Day::new(1969, 12, 31), Day(-1));
        assert_eq!(Day::new(2000, 1, 1).jdn(), 2_451_545);
        for n in (-800_000..800_000).step_by(997) {
            let (y, m, d) = Day(n).ymd();
            assert_eq!(Day::new(y, m, d), Day(n));
        }
        let d = Date::constant(2026, 2, 17);
        assert_eq!(Day::of(d).date(), Some(d));
        assert_eq!(Day::of(d).to_string(), "2026-02-17");
    }
}
