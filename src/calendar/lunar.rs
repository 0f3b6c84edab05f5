//! The Vietnamese lunar calendar (âm lịch), for the two public holidays it
//! sets: Tết Nguyên Đán (1st day of month 1) and Giỗ Tổ Hùng Vương (10th
//! day of month 3).
//!
//! The rules are those of the Vietnamese calendar (lịch Việt Nam, computed
//! for the meridian 105° E, UTC+7, since 1968):
//! - a month begins on the local day of a new moon;
//! - month 11 is the month that contains the December solstice;
//! - a year from one month 11 to the next with 13 months has a leap month:
//!   the first month after month 11 that contains no major solar term
//!   (trung khí: the sun's longitude a multiple of 30°), which repeats the
//!   number of the month before it.
//!
//! The astronomy is from J. Meeus, *Astronomical Algorithms* (2nd ed.,
//! 1998): new moons by ch. 49 (its periodic terms and planetary arguments,
//! a few seconds off in this era), the sun's apparent longitude by ch. 25
//! (its lower-accuracy series, 0.01°), ΔT by the Espenak–Meeus polynomials
//! (NASA, 2006). A month's first day is the civil day of the new moon in
//! UTC+7; a solar term is judged at the start (local midnight) of a day.
//! `tests/due/vectors.json` holds Tết and Giỗ Tổ for 2020–2035 as
//! published, which this reproduces.

use super::Day;

/// UTC+7, in days.
const ZONE: f64 = 7.0 / 24.0;
/// Mean synodic month, days.
const SYNODIC: f64 = 29.530_588_861;
/// JDE of new moon k = 0 (2000-01-06).
const EPOCH: f64 = 2_451_550.097_66;

/// Tết Nguyên Đán of `year`: the first day of its month 1.
pub fn tet(year: i64) -> Day {
    tet_in(&months(year))
}

/// Giỗ Tổ Hùng Vương of `year`: the 10th day of its (not leap) month 3.
pub fn gio_to(year: i64) -> Day {
    gio_to_in(&months(year))
}

fn tet_in(months: &[Month]) -> Day {
    months
        .iter()
        .find(|m| m.number == 1 && !m.leap)
        .map_or(Day(0), |m| m.start)
}

fn gio_to_in(months: &[Month]) -> Day {
    months
        .iter()
        .find(|m| m.number == 3 && !m.leap)
        .map_or(Day(0), |m| m.start.plus(9))
}

/// The number (1–12) of the leap month of the lunar year that begins at
/// Tết of `year`, if it has one.
pub fn leap_month(year: i64) -> Option<u8> {
    let (first, next) = (tet(year), tet(year + 1));
    months(year)
        .into_iter()
        .chain(months(year + 1))
        .find(|m| m.leap && m.start > first && m.start < next)
        .map(|m| m.number)
}

/// The lunar holidays of `count` years from `from` as two strings, one
/// character a year: Tết as days after 21 January, Giỗ Tổ as days after
/// 28 March, each plus 48 (`'0'`; Tết falls within 30 days, Giỗ Tổ
/// within 35, and 42 is `Z`: never a quote or a backslash in the script).
pub fn table(from: i64, count: i64) -> (String, String) {
    let code = |d: Day, after: Day| char::from(48 + (d.0 - after.0).clamp(0, 42) as u8);
    (from..from + count)
        .map(|y| {
            let m = months(y);
            (
                code(tet_in(&m), Day::new(y, 1, 21)),
                code(gio_to_in(&m), Day::new(y, 3, 28)),
            )
        })
        .unzip()
}

/// One lunar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub number: u8,
    pub leap: bool,
    pub start: Day,
}

/// The months from month 11 of `year - 1` (which holds the December
/// solstice of `year - 1`) up to, not including, month 11 of `year`.
pub fn months(year: i64) -> Vec<Month> {
    let (k0, _) = month_11(year - 1);
    let (k1, _) = month_11(year);
    let count = k1 - k0;
    let starts: Vec<Day> = (0..=count).map(|i| new_moon_day(k0 + i)).collect();
    // With 13 months, the leap month is the first after month 11 in which
    // the sun enters no new 30° sector (no major solar term).
    let leap = (count == 13)
        .then(|| (1..count).find(|&i| sector(starts[i as usize]) == sector(starts[i as usize + 1])))
        .flatten();
    (0..count)
        .map(|i| {
            let shift = leap.is_some_and(|l| i >= l);
            let n = i - i64::from(shift);
            Month {
                // Index 0 is month 11.
                number: ((n + 10) % 12 + 1) as u8,
                leap: leap == Some(i),
                start: starts[i as usize],
            }
        })
        .collect()
}

/// The lunation index and first day of the month that contains the
/// December solstice of `year`: the last new moon on or before 31
/// December, or the one before it when the sun has already passed 270° at
/// its start.
fn month_11(year: i64) -> (i64, Day) {
    let dec31 = Day::new(year, 12, 31);
    let mut k = ((dec31.jdn() as f64 - EPOCH) / SYNODIC).floor() as i64;
    while new_moon_day(k) > dec31 {
        k -= 1;
    }
    while new_moon_day(k + 1) <= dec31 {
        k += 1;
    }
    if sector(new_moon_day(k)) >= 9 {
        k -= 1;
    }
    (k, new_moon_day(k))
}

/// The local (UTC+7) day of new moon number `k` (0 = 2000-01-06).
pub fn new_moon_day(k: i64) -> Day {
    let jde = new_moon(k as f64);
    let ut = jde - delta_t(jde) / 86_400.0;
    Day::from_jdn((ut + 0.5 + ZONE).floor() as i64)
}

/// The sun's 30° sector (0 = 0°–30° … 9 = 270°–300°) at the start (local
/// midnight) of `day`.
fn sector(day: Day) -> i64 {
    let jd = day.jdn() as f64 - 0.5 - ZONE;
    (sun_longitude(jd) / 30.0).floor() as i64
}

fn sin(deg: f64) -> f64 {
    deg.to_radians().sin()
}

/// The moment (JDE, terrestrial time) of true new moon `k` (Meeus ch. 49).
pub fn new_moon(k: f64) -> f64 {
    let t = k / 1236.85;
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let jde = EPOCH + SYNODIC * k + 0.000_154_37 * t2 - 0.000_000_150 * t3 + 0.000_000_000_73 * t4;
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    let m = 2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2 - 0.000_000_11 * t3;
    let mp =
        201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4;
    let f =
        160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4;
    let om = 124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2 + 0.000_002_15 * t3;
    let terms = [
        (-0.40720, 1.0, mp),
        (0.17241, e, m),
        (0.01608, 1.0, 2.0 * mp),
        (0.01039, 1.0, 2.0 * f),
        (0.00739, e, mp - m),
        (-0.00514, e, mp + m),
        (0.00208, e * e, 2.0 * m),
        (-0.00111, 1.0, mp - 2.0 * f),
        (-0.00057, 1.0, mp + 2.0 * f),
        (0.00056, e, 2.0 * mp + m),
        (-0.00042, 1.0, 3.0 * mp),
        (0.00042, e, m + 2.0 * f),
        (0.00038, e, m - 2.0 * f),
        (-0.00024, e, 2.0 * mp - m),
        (-0.00017, 1.0, om),
        (-0.00007, 1.0, mp + 2.0 * m),
        (0.00004, 1.0, 2.0 * mp - 2.0 * f),
        (0.00004, 1.0, 3.0 * m),
        (0.00003, 1.0, mp + m - 2.0 * f),
        (0.00003, 1.0, 2.0 * mp + 2.0 * f),
        (-0.00003, 1.0, mp + m + 2.0 * f),
        (0.00003, 1.0, mp - m + 2.0 * f),
        (-0.00002, 1.0, mp - m - 2.0 * f),
        (-0.00002, 1.0, 3.0 * mp + m),
        (0.00002, 1.0, 4.0 * mp),
    ];
    let periodic: f64 = terms.iter().map(|(c, w, a)| c * w * sin(*a)).sum();
    let planets = [
        (0.000_325, 299.77 + 0.107_408 * k - 0.009_173 * t2),
        (0.000_165, 251.88 + 0.016_321 * k),
        (0.000_164, 251.83 + 26.651_886 * k),
        (0.000_126, 349.42 + 36.412_478 * k),
        (0.000_110, 84.66 + 18.206_239 * k),
        (0.000_062, 141.74 + 53.303_771 * k),
        (0.000_060, 207.14 + 2.453_732 * k),
        (0.000_056, 154.84 + 7.306_860 * k),
        (0.000_047, 34.52 + 27.261_239 * k),
        (0.000_042, 207.19 + 0.121_824 * k),
        (0.000_040, 291.34 + 1.844_379 * k),
        (0.000_037, 161.72 + 24.198_154 * k),
        (0.000_035, 239.56 + 25.513_099 * k),
        (0.000_023, 331.55 + 3.592_518 * k),
    ];
    let additional: f64 = planets.iter().map(|(c, a)| c * sin(*a)).sum();
    jde + periodic + additional
}

/// The sun's apparent longitude in degrees, [0, 360), at `jd` (UT; the
/// half-minute of ΔT is below this series' accuracy) (Meeus ch. 25).
pub fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let l0 = 280.466_46 + 36_000.769_83 * t + 0.000_303_2 * t * t;
    let m = 357.529_11 + 35_999.050_29 * t - 0.000_153_7 * t * t;
    let c = (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * sin(m)
        + (0.019_993 - 0.000_101 * t) * sin(2.0 * m)
        + 0.000_289 * sin(3.0 * m);
    let omega = 125.04 - 1934.136 * t;
    (l0 + c - 0.005_69 - 0.004_78 * sin(omega)).rem_euclid(360.0)
}

/// ΔT = TT − UT in seconds at `jde` (Espenak & Meeus, NASA 2006).
fn delta_t(jde: f64) -> f64 {
    let y = 2000.0 + (jde - 2_451_545.0) / 365.25;
    let long_term = |y: f64| {
        let u = (y - 1820.0) / 100.0;
        -20.0 + 32.0 * u * u
    };
    match y {
        y if y < 1900.0 => long_term(y),
        y if y < 1920.0 => {
            let t = y - 1900.0;
            -2.79 + 1.494_119 * t - 0.059_893_9 * t * t + 0.006_196_6 * t.powi(3)
                - 0.000_197 * t.powi(4)
        }
        y if y < 1941.0 => {
            let t = y - 1920.0;
            21.20 + 0.844_93 * t - 0.076_100 * t * t + 0.002_093_6 * t.powi(3)
        }
        y if y < 1961.0 => {
            let t = y - 1950.0;
            29.07 + 0.407 * t - t * t / 233.0 + t.powi(3) / 2547.0
        }
        y if y < 1986.0 => {
            let t = y - 1975.0;
            45.45 + 1.067 * t - t * t / 260.0 - t.powi(3) / 718.0
        }
        y if y < 2005.0 => {
            let t = y - 2000.0;
            63.86 + 0.3345 * t - 0.060_374 * t * t
                + 0.001_727_5 * t.powi(3)
                + 0.000_651_814 * t.powi(4)
                + 0.000_023_735_99 * t.powi(5)
        }
        y if y < 2050.0 => {
            let t = y - 2000.0;
            62.92 + 0.322_17 * t + 0.005_589 * t * t
        }
        y if y < 2150.0 => long_term(y) - 0.5628 * (2150.0 - y),
        y => long_term(y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Minutes between two moments in days.
    fn minutes(a: f64, b: f64) -> f64 {
        (a - b).abs() * 1440.0
    }

    #[test]
    fn new_moons_fall_when_the_almanacs_say() {
        // Meeus's worked example 49.a: k = -283, 1977-02-18 03:37:42 TT.
        assert!(minutes(new_moon(-283.0), 2_443_192.651_18) < 0.1);
        // 2000-01-06 18:14 UT and 2030-02-02 16:07 UT (the new moon that
        // makes Tết 2030 fall a day before the Chinese New Year).
        let ut = |k: f64| new_moon(k) - delta_t(new_moon(k)) / 86_400.0;
        let jd = |d: Day, h: f64, m: f64| d.jdn() as f64 - 0.5 + (h + m / 60.0) / 24.0;
        let k = |d: Day| ((d.jdn() as f64 - EPOCH) / SYNODIC).round();
        let tet_2030 = Day::new(2030, 2, 2);
        assert!(minutes(ut(0.0), jd(Day::new(2000, 1, 6), 18.0, 14.0)) < 2.0);
        assert!(minutes(ut(k(tet_2030)), jd(tet_2030, 16.0, 7.0)) < 2.0);
        assert_eq!(new_moon_day(k(tet_2030) as i64), tet_2030);
    }

    #[test]
    fn the_sun_reaches_its_solstices_and_equinoxes() {
        // Meeus's example 25.a: 1992-10-13 0h TD, apparent λ = 199.90895°.
        assert!((sun_longitude(2_448_908.5) - 199.908_95).abs() < 0.01);
        // The December solstice of 2026 is on the 21st, 20:50 UT.
        let at = Day::new(2026, 12, 21).jdn() as f64 - 0.5 + 20.83 / 24.0;
        assert!((sun_longitude(at) - 270.0).abs() < 0.02);
    }

    #[test]
    fn the_table_decodes_to_tet_and_gio_to() {
        let (t, g) = table(2026, 2);
        assert_eq!(t.len(), 2);
        let first = Day::new(2026, 1, 21).plus(i64::from(t.as_bytes()[0]) - 48);
        let gio = Day::new(2027, 3, 28).plus(i64::from(g.as_bytes()[1]) - 48);
        assert_eq!(first, Day::new(2026, 2, 17));
        assert_eq!(gio, Day::new(2027, 4, 16));
        let (t, g) = table(1900, 300);
        assert!(t
            .bytes()
            .chain(g.bytes())
            .all(|b| (b'0'..b'Z').contains(&b)));
    }

    #[test]
    fn leap_months() {
        assert_eq!(leap_month(2020), Some(4));
        assert_eq!(leap_month(2023), Some(2));
        assert_eq!(leap_month(2025), Some(6));
        assert_eq!(leap_month(2031), Some(3));
        assert_eq!(leap_month(2033), Some(11));
        assert_eq!(leap_month(2024), None);
        assert_eq!(leap_month(2026), None);
    }

    #[test]
    fn every_year_has_twelve_numbered_months_and_one_tet() {
        for year in 1900..2200 {
            let m = months(year);
            assert!(m.len() == 12 || m.len() == 13, "{year}");
            let first = tet(year);
            assert_eq!(first.year(), year);
            let (_, mo, d) = first.ymd();
            assert!(
                (mo == 1 && d >= 21) || (mo == 2 && d <= 20),
                "{year}: {first}"
            );
            let gap = tet(year + 1).0 - first.0;
            assert!(matches!(gap, 353..=355 | 383..=385), "{year}: {gap}");
        }
    }
}
