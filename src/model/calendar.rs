//! What the expected return date reads from the content, checked: a
//! deadline's `cutoff`, and in `site.yaml` the make-up `workdays`, the
//! office hours as the calculator reads them, and whether the coming Tết
//! is in `holidays` (see [`crate::calendar`]).

use super::value::{every, given, Checked, Ctx};
use super::Date;
use crate::calendar::{hours, lunar, Calendar, Day};
use crate::diag::Rule;
use crate::lang::Lang;
use crate::load::raw::{RawOffice, RawSite, Scalar, Slot};
use crate::t;

/// `cutoff: "15:00"`: a time of day, hours and minutes.
pub fn cutoff(cx: &mut Ctx, slot: &Scalar) -> Checked<Option<u16>> {
    let Some(v) = given(slot) else {
        return Ok(None);
    };
    let raw = v.value.trim();
    if let Some(m) = crate::calendar::due::parse_clock(raw) {
        return Ok(Some(m));
    }
    let at = cx.loc(&v.referenced);
    let meant = hours::one_time(raw).or_else(|| {
        // `cutoff: 15`: an hour alone.
        raw.parse::<u16>().ok().filter(|h| *h < 24).map(|h| h * 60)
    });
    let (message, hint) = match meant {
        Some(m) => {
            let fix = format!("{:02}:{:02}", m / 60, m % 60);
            (
                t!(
                    "giờ \"{raw}\" không viết theo dạng giờ:phút",
                    "the time \"{raw}\" is not written hours:minutes"
                ),
                t!("viết cutoff: \"{fix}\"", "write cutoff: \"{fix}\""),
            )
        }
        None => (
            t!(
                "\"{raw}\" không phải một giờ trong ngày (từ 00:00 đến 23:59)",
                "\"{raw}\" is not a time of day (00:00 to 23:59)"
            ),
            t!(
                "viết giờ nhận hồ sơ muộn nhất theo dạng giờ:phút, trong ngoặc kép, ví dụ cutoff: \"15:00\"",
                "write the latest time a dossier is counted that day as hours:minutes, in quotes, e.g. cutoff: \"15:00\""
            ),
        ),
    };
    Err(cx.error(Rule::BadTime, at, message, Some(hint)))
}

/// `workdays:`: dates, as `holidays`.
pub fn workdays(cx: &mut Ctx, raw: &RawSite) -> Checked<Vec<Date>> {
    let items = cx.list(&raw.workdays);
    let checked = items.iter().map(|d| cx.list_date(d, "workdays")).collect();
    every(checked)
}

/// Warnings about the calendar the expected dates are computed on: a
/// make-up day that is no make-up day, and a coming Tết not yet listed.
pub fn calendar_warnings(
    cx: &mut Ctx,
    raw: &RawSite,
    holidays: &[Date],
    workdays: &[Date],
    today: Date,
) {
    let cal = Calendar::new(
        holidays.iter().copied().map(Day::of),
        workdays.iter().copied().map(Day::of),
        hours::Week::default(),
    );
    for item in cx.list(&raw.workdays) {
        let Ok(date) = super::value::parse_date(item.value.trim()) else {
            continue;
        };
        let day = Day::of(date);
        let at = cx.loc(&item.referenced);
        if cal.holidays.contains(&day) {
            cx.warning(
                Rule::WorkdayHoliday,
                at,
                t!(
                    "ngày {date} có trong cả holidays và workdays: ngày này được tính là ngày nghỉ",
                    "{date} is in both holidays and workdays: it counts as a day off"
                ),
                Some(t!(
                    "xóa ngày này khỏi một trong hai danh sách, theo thông báo lịch nghỉ của cơ quan",
                    "remove it from one of the two lists, as the office's holiday notice says"
                )),
            );
        } else if let Some(h) = cal.public_holiday(day) {
            let (vi, en) = (h.name(Lang::Vi), h.name(Lang::En));
            cx.warning(
                Rule::WorkdayHoliday,
                at,
                t!(
                    "ngày {date} là {vi}, ngày nghỉ theo Bộ luật Lao động: vẫn được tính là ngày nghỉ",
                    "{date} is {en}, a day off under the Labour Code: it still counts as a day off"
                ),
                Some(t!(
                    "kiểm tra lại ngày đi làm bù trong thông báo lịch nghỉ",
                    "check the make-up day in the holiday notice"
                )),
            );
        } else if !day.is_weekend() {
            let (vi, en) = (day.weekday_name(Lang::Vi), day.weekday_name(Lang::En));
            cx.warning(
                Rule::WorkdayWeekday,
                at,
                t!(
                    "ngày {date} là {vi}, vốn đã là ngày làm việc: workdays chỉ ghi thứ Bảy, Chủ nhật đi làm bù",
                    "{date} is a {en}, already a working day: workdays lists only Saturdays or Sundays worked to make up for a day off"
                ),
                Some(t!(
                    "xóa dòng này, hoặc sửa thành ngày thứ Bảy đi làm bù",
                    "delete this line, or write the Saturday that is worked"
                )),
            );
        }
    }
    tet_warning(cx, raw, &cal, today);
}

/// How long before Tết its days off must be listed.
const TET_NOTICE_DAYS: i64 = 60;

/// A warning when the coming Tết (within [`TET_NOTICE_DAYS`], or under way)
/// has no listed day off around it: without them the expected dates count
/// only the four days the law makes certain.
fn tet_warning(cx: &mut Ctx, raw: &RawSite, cal: &Calendar, today: Date) {
    let today = Day::of(today);
    let year = today.year();
    let Some(tet) = [year, year + 1]
        .into_iter()
        .map(lunar::tet)
        .find(|t| t.plus(7) >= today)
    else {
        return;
    };
    let days_left = tet.0 - today.0;
    let listed = cal
        .holidays
        .range(tet.plus(-10)..=tet.plus(10))
        .next()
        .is_some();
    if days_left > TET_NOTICE_DAYS || listed {
        return;
    }
    let at = key_line(cx, "holidays").or_else(|| match &raw.holidays {
        Slot::Value(v) => cx.loc(&v.referenced),
        _ => Some(cx.src.locate_line(1)),
    });
    let (ty, first) = (tet.year(), tet.dmy());
    let (vi, en) = (tet.weekday_name(Lang::Vi), tet.weekday_name(Lang::En));
    let (eve, day1) = (tet.plus(-1), tet);
    let left = days_left.max(0);
    cx.warning(
        Rule::TetHolidays,
        at,
        t!(
            "holidays chưa có lịch nghỉ Tết Nguyên đán {ty} (mùng 1 Tết là {vi}, {first}, còn {left} ngày): ngày hẹn trả dự kiến chỉ tính nghỉ ngày cuối năm âm lịch và mùng 1 đến mùng 3 Tết",
            "holidays has no days off for Tết {ty} yet (the first day of Tết is {en}, {first}, in {left} days): expected return dates count only the last day of the year and the first three of Tết as days off"
        ),
        Some(t!(
            "khi có thông báo lịch nghỉ Tết của cơ quan, thêm từng ngày nghỉ vào holidays, mỗi ngày một dòng, ví dụ:\nholidays:\n  - {eve}\n  - {day1}",
            "when the office's Tết schedule is announced, add each day off to holidays, one per line, e.g.:\nholidays:\n  - {eve}\n  - {day1}"
        )),
    );
}

/// The top-level line `key:` of the file (where a key's list begins).
fn key_line(cx: &Ctx, key: &str) -> Option<crate::diag::Location> {
    let text = &cx.src.text;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
        {
            return Some(cx.src.locate(at, key.len()));
        }
        at += line.len();
    }
    None
}

/// A warning for each `office.hours` group the calculator cannot read:
/// hours then come from [`hours::DEFAULT`].
pub fn hours_warnings(cx: &mut Ctx, office: &Slot<RawOffice>) {
    let Some(o) = office.value() else { return };
    for group in cx.list(&o.value.hours) {
        let (days, time) = (&group.value.days, &group.value.time);
        let (Some(d), Some(t)) = (given(days), given(time)) else {
            continue;
        };
        let (bad, text) = match (hours::weekdays(&d.value), hours::spans(&t.value)) {
            (None, _) => (d, "days"),
            (_, None) => (t, "time"),
            _ => continue,
        };
        let at = cx.loc(&bad.referenced);
        let raw = bad.value.trim();
        let default = hours::describe(&hours::Week::default(), Lang::Vi).unwrap_or_default();
        let default_en = hours::describe(&hours::Week::default(), Lang::En).unwrap_or_default();
        let (message, hint) = if text == "days" {
            (
                t!(
                    "không đọc được các ngày \"{raw}\": ngày hẹn trả dự kiến tính theo giờ làm việc mặc định ({default})",
                    "cannot read the days \"{raw}\": expected return dates use the default office hours ({default_en})"
                ),
                t!(
                    "gọi tên các ngày, ví dụ days: Thứ Hai - Thứ Sáu, hoặc days: Sáng thứ Bảy",
                    "name the days, e.g. days: Thứ Hai - Thứ Sáu, or days: Sáng thứ Bảy"
                ),
            )
        } else {
            (
                t!(
                    "không đọc được giờ làm việc \"{raw}\": ngày hẹn trả dự kiến tính theo giờ mặc định ({default})",
                    "cannot read the hours \"{raw}\": expected return dates use the default hours ({default_en})"
                ),
                t!(
                    "viết giờ mở và đóng cửa từng buổi, ví dụ time: \"Sáng 7:30 - 11:30, chiều 13:30 - 17:00\"",
                    "write when each session opens and closes, e.g. time: \"Sáng 7:30 - 11:30, chiều 13:30 - 17:00\""
                ),
            )
        };
        cx.warning(Rule::OfficeHours, at, message, Some(hint));
    }
}
