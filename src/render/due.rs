//! What the browser's calculator (`assets/due.js`) is given: the site's
//! calendar, once, in `assets/calendar.js` (a script that sets a global, so
//! it loads from `file://` where `fetch` cannot), and on each page the rule
//! of its deadline (`data-due`, [`crate::calendar::due::Rule::code`]).

use crate::calendar::{hours, lunar, Calendar};
use crate::model::Site;

/// Where the calendar is written, under the site root.
pub const PATH: &str = "assets/calendar.js";

/// Years of lunar holidays in `calendar.js`: a page built today gives
/// right dates for this long (then only the site's `holidays` and the
/// solar holidays; `check` asks for each Tết in time).
const YEARS: i64 = 50;

/// The data `due.js` reads: `h` holidays, `w` make-up days (ISO dates),
/// `o` the hours of Monday to Friday (`[open, close, …]` in minutes), `l`
/// the lunar table ([`lunar::table`]) from year `y`.
pub fn calendar_data(site: &Site, year: i64) -> serde_json::Value {
    let cal = Calendar::of(&site.config);
    let iso = |d: &Vec<crate::model::Date>| d.iter().map(|d| d.to_string()).collect::<Vec<_>>();
    let hours: Vec<Vec<u16>> = cal.week.0[..5]
        .iter()
        .map(|spans| spans.iter().flat_map(|s| [s.0, s.1]).collect())
        .collect();
    let from = year - 1;
    let (t, g) = lunar::table(from, YEARS + 1);
    serde_json::json!({
        "h": iso(&site.config.holidays),
        "w": iso(&site.config.workdays),
        "o": hours,
        "l": {"y": from, "t": t, "g": g},
    })
}

/// `assets/calendar.js`, and the path pages load it by (with a version
/// of its content, so that a browser never keeps an old calendar).
pub fn calendar_file(site: &Site, year: i64) -> (Vec<u8>, String) {
    let data = calendar_data(site, year);
    let js = format!("niemyetCalendar={data};\n");
    let version = fnv(js.as_bytes());
    (js.into_bytes(), format!("{PATH}?v={version}"))
}

/// FNV-1a, 32 bits, in hex: a content version without a dependency.
fn fnv(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0x811c_9dc5_u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("{hash:08x}")
}

/// The office's week in words for the rule of a deadline in hours, when
/// Monday to Friday share their hours.
pub fn week_words(site: &Site, lang: crate::Lang) -> Option<String> {
    let hours = site
        .config
        .office
        .hours
        .iter()
        .map(|h| (h.days.as_str(), h.time.as_str()));
    hours::describe(&hours::read(hours).week, lang)
}
