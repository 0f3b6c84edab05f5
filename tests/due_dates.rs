//! The expected return date: the shared vectors (`tests/due/vectors.json`)
//! through the Rust calculator (`src/calendar/`), the lunar calendar
//! against the published table, and `due.js` on the same vectors in node
//! and on the built example site in Chromium from `file://`
//! (`tests/due/*.test.js`, with the clock set to a fixed day).
//!
//! The vectors' `lunar` table is what the build writes into
//! `assets/calendar.js`; it is regenerated from Rust with
//! `UPDATE_VECTORS=1 cargo test --no-default-features --test due_dates`.

mod common;

use niemyet::calendar::due::{self, Moment, Rule};
use niemyet::calendar::{hours, lunar, Calendar, Day};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn vectors_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/due/vectors.json")
}

fn vectors() -> Value {
    serde_json::from_str(&std::fs::read_to_string(vectors_path()).expect("vectors.json"))
        .expect("json")
}

fn day(s: &str) -> Day {
    let n = |r: std::ops::Range<usize>| s[r].parse::<i64>().expect("date");
    Day::new(n(0..4), n(5..7), n(8..10))
}

/// `2026-12-07 10:15`.
fn moment(s: &str) -> Moment {
    let minute = s.get(11..).map_or(0, |t| {
        due::parse_clock(t).unwrap_or_else(|| panic!("time in {s}"))
    });
    Moment {
        day: day(s),
        minute,
    }
}

fn text(m: Moment, with_time: bool) -> String {
    if with_time {
        format!("{} {:02}:{:02}", m.day, m.minute / 60, m.minute % 60)
    } else {
        m.day.to_string()
    }
}

fn calendar(v: &Value) -> Calendar {
    let days = |key: &str| -> Vec<Day> {
        v[key]
            .as_array()
            .expect(key)
            .iter()
            .map(|d| day(d.as_str().expect("date")))
            .collect()
    };
    let mut week = hours::Week(Default::default());
    for (i, spans) in v["hours"].as_array().expect("hours").iter().enumerate() {
        let flat: Vec<u16> = spans
            .as_array()
            .expect("spans")
            .iter()
            .map(|m| m.as_u64().expect("minute") as u16)
            .collect();
        week.0[i] = flat.chunks(2).map(|p| (p[0], p[1])).collect();
    }
    Calendar::new(days("holidays"), days("workdays"), week)
}

#[test]
fn every_vector_in_rust() {
    let v = vectors();
    let cases = v["cases"].as_array().expect("cases");
    assert!(cases.len() >= 60, "only {} vectors", cases.len());
    let mut failed = Vec::new();
    for c in cases {
        let cal = calendar(&v["calendars"][c["calendar"].as_str().expect("calendar")]);
        let rule = Rule::parse(c["rule"].as_str().expect("rule")).expect("a rule code");
        let hourly = matches!(rule.measure, due::Measure::Hours(_));
        let got = due::due(&cal, rule, moment(c["now"].as_str().expect("now")));
        let receipt = text(got.receipt, hourly);
        let end = text(
            Moment {
                day: got.day,
                minute: got.at.unwrap_or(0),
            },
            hourly,
        );
        let (want_receipt, want_due) = (c["receipt"].as_str().unwrap(), c["due"].as_str().unwrap());
        if receipt != want_receipt || end != want_due {
            failed.push(format!(
                "{}: receipt {receipt} (want {want_receipt}), due {end} (want {want_due})",
                c["name"]
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn public_holidays_with_their_compensating_days() {
    let v = vectors();
    for c in v["public_holidays"].as_array().expect("public_holidays") {
        let cal = calendar(&v["calendars"][c["calendar"].as_str().unwrap()]);
        let year = c["year"].as_i64().unwrap();
        let got: Vec<String> = cal
            .public_holidays(year)
            .iter()
            .map(|(d, _)| d.to_string())
            .collect();
        let want: Vec<&str> = c["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap())
            .collect();
        assert_eq!(got, want, "{year} on {}", c["calendar"]);
    }
}

/// Tết and Giỗ Tổ 2020–2035 as published (the vectors' `official.source`
/// says where from).
#[test]
fn the_lunar_calendar_gives_the_published_tet_and_gio_to() {
    let v = vectors();
    for (key, f) in [
        ("tet", lunar::tet as fn(i64) -> Day),
        ("gio_to", lunar::gio_to),
    ] {
        let table = v["official"][key].as_object().expect(key);
        assert_eq!(table.len(), 16, "2020–2035");
        for (year, want) in table {
            let year: i64 = year.parse().expect("year");
            assert_eq!(f(year).to_string(), want.as_str().unwrap(), "{key} {year}");
        }
    }
}

/// The table `calendar.js` carries is the Rust lunar calendar's, and
/// decodes to the published dates.
#[test]
fn the_lunar_table_of_the_vectors_is_the_rust_one() {
    let mut v = vectors();
    let from = v["lunar"]["from"].as_i64().expect("from");
    let (t, g) = lunar::table(from, 2151 - from);
    if std::env::var_os("UPDATE_VECTORS").is_some() {
        v["lunar"]["tet"] = t.clone().into();
        v["lunar"]["gio_to"] = g.clone().into();
        let json = serde_json::to_string_pretty(&v).expect("json") + "\n";
        std::fs::write(vectors_path(), json).expect("write vectors");
    }
    assert_eq!(
        v["lunar"]["tet"].as_str(),
        Some(t.as_str()),
        "UPDATE_VECTORS=1 after a deliberate change"
    );
    assert_eq!(v["lunar"]["gio_to"].as_str(), Some(g.as_str()));
    for (year, want) in v["official"]["tet"].as_object().unwrap() {
        let y: i64 = year.parse().unwrap();
        let got = Day::new(y, 1, 21).plus(i64::from(t.as_bytes()[(y - from) as usize]) - 48);
        assert_eq!(got.to_string(), want.as_str().unwrap());
    }
}

/// `due.js` in node on the vectors, and on the example site in Chromium
/// from `file://` with the clock set (tests/due/*.test.js).
#[test]
fn due_js_in_node_and_in_chromium() {
    if !common::browser::node_ready(&[]) {
        return;
    }
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("due-site");
    let _ = std::fs::remove_dir_all(&out);
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(["build", "--no-minify", "--date", "2026-12-07", "--root"])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run niemyet build");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    common::browser::node_tests(
        &["tests/due/engine.test.js", "tests/due/browser.test.js"],
        &[("SITE_DIR", &out)],
    );
}
