//! Checks one value at a time and records what is wrong, located at the value
//! (or, for a missing key, at the mapping that should hold it). Every check
//! gives the value or `Err(Reported)`, the proof that it said what is wrong
//! ([`Reported`]); it keeps going after a problem, so a run reports all of
//! them.
//!
//! An optional key whose value is empty (`copies:`, `copies: ~`,
//! `copies: null`, `copies: ''`) is as if it were left out: it takes its
//! default ([`given`]). A required key so written is an `empty-value` error.

use super::Date;
use crate::diag::Rule;
pub use crate::diag::{Checked, Reported};
use crate::diag::{Diagnostic, Location, Source};
use crate::lang::Text;
use crate::load::raw::{Scalar, Slot, Spanned};
use crate::t;

pub struct Ctx<'a> {
    pub src: &'a Source,
    pub diags: &'a mut Vec<Diagnostic>,
    /// Keys already proposed by a "did you mean" in this file, with the
    /// proof of that error.
    pub suggested: &'a [(&'static str, Reported)],
}

impl<'a> Ctx<'a> {
    pub fn new<T>(doc: &'a crate::load::Document<T>, diags: &'a mut Vec<Diagnostic>) -> Ctx<'a> {
        Ctx {
            src: &doc.source,
            diags,
            suggested: &doc.suggested,
        }
    }
}

/// Where to point for a key that is missing: the mapping that should hold it.
#[derive(Clone, Copy)]
pub enum Parent {
    /// The top of the front matter (line 1, the opening `---`).
    Top,
    At(serde_saphyr::Location),
}

/// What is written for a scalar key; `None` when nothing is: the key left
/// out, empty (`key:`, `~`, `null`) or blank (`''`). The one test of
/// "given" for every scalar, so that empty means the same everywhere.
pub fn given(slot: &Scalar) -> Option<&Spanned<String>> {
    slot.value().filter(|v| !v.value.trim().is_empty())
}

/// Every item checked first (each reports its own problems), then all the
/// values, or the first failure.
pub fn every<T>(items: Vec<Checked<T>>) -> Checked<Vec<T>> {
    items.into_iter().collect()
}

impl<'a> Ctx<'a> {
    pub fn loc(&self, l: &serde_saphyr::Location) -> Option<Location> {
        crate::load::raw::locate(self.src, l)
    }

    fn parent_loc(&self, parent: Parent) -> Option<Location> {
        match parent {
            Parent::Top => Some(self.src.locate_line(1)),
            Parent::At(l) => self.loc(&l),
        }
    }

    pub fn error(
        &mut self,
        code: crate::diag::Rule,
        at: Option<Location>,
        message: Text,
        hint: Option<Text>,
    ) -> Reported {
        let d = Diagnostic::error(code, self.src.rel_path.clone(), message)
            .at(at)
            .maybe_hint(hint);
        Reported::push(self.diags, d)
    }

    pub fn warning(
        &mut self,
        code: crate::diag::Rule,
        at: Option<Location>,
        message: Text,
        hint: Option<Text>,
    ) {
        let d = Diagnostic::warning(code, self.src.rel_path.clone(), message)
            .at(at)
            .maybe_hint(hint);
        self.diags.push(d);
    }

    pub fn missing(&mut self, key: &str, parent: Parent, hint: Text) -> Reported {
        if let Some((_, why)) = self.suggested.iter().find(|(k, _)| *k == key) {
            return *why;
        }
        let at = self.parent_loc(parent);
        self.error(
            Rule::MissingKey,
            at,
            t!(
                "thiếu khóa bắt buộc \"{key}\"",
                "the required key \"{key}\" is missing"
            ),
            Some(hint),
        )
    }

    fn empty(&mut self, key: &str, l: &serde_saphyr::Location, hint: Text) -> Reported {
        let at = self.loc(l);
        self.error(
            Rule::EmptyValue,
            at,
            t!(
                "khóa \"{key}\" chưa có nội dung",
                "the key \"{key}\" has no value"
            ),
            Some(hint),
        )
    }

    /// A required group of sub-keys (`deadline:`, `office:`), or a required
    /// list that may be `[]` (`fees`, `documents`).
    pub fn group<'s, T>(
        &mut self,
        slot: &'s Slot<T>,
        key: &str,
        parent: Parent,
        hint: Text,
    ) -> Checked<&'s Spanned<T>> {
        match slot {
            Slot::Value(v) => Ok(v),
            Slot::Absent => Err(self.missing(key, parent, hint)),
            Slot::Empty(l) => Err(self.empty(key, l, hint)),
        }
    }

    /// A required list that may be `[]` (`fees`, `documents`).
    pub fn required_list<'s, T>(
        &mut self,
        slot: &'s Slot<Vec<Spanned<T>>>,
        key: &str,
        hint: Text,
    ) -> Checked<&'s [Spanned<T>]> {
        self.group(slot, key, Parent::Top, hint)
            .map(|v| v.value.as_slice())
    }

    /// A required scalar, not blank.
    fn required<'s>(
        &mut self,
        slot: &'s Scalar,
        key: &str,
        parent: Parent,
        hint: Text,
    ) -> Checked<&'s Spanned<String>> {
        let v = self.group(slot, key, parent, hint.clone())?;
        if v.value.trim().is_empty() {
            return Err(self.empty(key, &v.referenced, hint));
        }
        Ok(v)
    }

    /// A required text; `hint` says what to write.
    pub fn text(
        &mut self,
        slot: &Scalar,
        key: &str,
        parent: Parent,
        hint: Text,
    ) -> Checked<String> {
        self.required(slot, key, parent, hint)
            .map(|v| clean(&v.value))
    }

    /// An optional text: absent, empty and blank all mean "not given".
    pub fn opt_text(&mut self, slot: &Scalar) -> Option<String> {
        given(slot).map(|v| clean(&v.value))
    }

    /// An optional list: left out or empty, it has no items.
    pub fn list<'s, T>(&mut self, slot: &'s Slot<Vec<Spanned<T>>>) -> &'s [Spanned<T>] {
        match slot {
            Slot::Value(v) => &v.value,
            _ => &[],
        }
    }

    /// A list of texts; blank items are errors (a stray `- ` line).
    pub fn texts(&mut self, items: &[Spanned<String>], key: &str) -> Checked<Vec<String>> {
        let checked = items
            .iter()
            .map(|item| {
                let s = clean(&item.value);
                if !s.is_empty() {
                    return Ok(s);
                }
                let at = self.loc(&item.referenced);
                Err(self.error(
                    Rule::EmptyValue,
                    at,
                    t!(
                        "một mục trong \"{key}\" đang trống",
                        "an item of \"{key}\" is empty"
                    ),
                    Some(t!(
                        "xóa dòng \"- \" thừa hoặc viết nội dung cho nó",
                        "delete the stray \"- \" line or write its text"
                    )),
                ))
            })
            .collect();
        every(checked)
    }

    /// A required date, written YYYY-MM-DD.
    pub fn date(&mut self, slot: &Scalar, key: &str, parent: Parent) -> Checked<Date> {
        let v = self.required(slot, key, parent, date_hint(key))?;
        self.date_value(v, key, false)
    }

    /// An optional date: `None` when not given.
    pub fn opt_date(&mut self, slot: &Scalar, key: &str) -> Checked<Option<Date>> {
        match given(slot) {
            Some(v) => self.date_value(v, key, false).map(Some),
            None => Ok(None),
        }
    }

    /// A date that is an item of the list `key` (`holidays:`): its hint is
    /// written as the item, `- 2026-04-30`.
    pub fn list_date(&mut self, v: &Spanned<String>, key: &str) -> Checked<Date> {
        if v.value.trim().is_empty() {
            return Err(self.empty(key, &v.referenced, date_hint(key)));
        }
        self.date_value(v, key, true)
    }

    fn date_value(&mut self, v: &Spanned<String>, key: &str, item: bool) -> Checked<Date> {
        let raw = v.value.trim();
        let hint = match parse_date(raw) {
            Ok(d) => return Ok(d),
            Err(hint) => hint,
        };
        let at = self.loc(&v.referenced);
        let msg = if hint.is_some() {
            t!(
                "ngày \"{raw}\" không đúng dạng năm-tháng-ngày",
                "the date \"{raw}\" is not written year-month-day"
            )
        } else {
            t!(
                "ngày \"{raw}\" không có thật hoặc không đúng dạng",
                "\"{raw}\" is not a real date or is not written year-month-day"
            )
        };
        let hint = hint
            .map(|iso| match item {
                true => t!("viết - {iso}", "write - {iso}"),
                false => t!("viết {key}: {iso}", "write {key}: {iso}"),
            })
            .unwrap_or_else(|| {
                t!(
                    "viết ngày có thật theo dạng năm-tháng-ngày, ví dụ {key}: 2026-05-01",
                    "write a real date as year-month-day, e.g. {key}: 2026-05-01"
                )
            });
        Err(self.error(Rule::BadDate, at, msg, Some(hint)))
    }

    /// An optional whole number ≥ 0: `default` when not given.
    pub fn count_or(&mut self, slot: &Scalar, key: &str, default: u32) -> Checked<u32> {
        match given(slot) {
            Some(v) => self.count(v, key),
            None => Ok(default),
        }
    }

    /// A whole number ≥ 0 (counts, days, hours).
    pub fn count(&mut self, v: &Spanned<String>, key: &str) -> Checked<u32> {
        let raw = v.value.trim();
        if let Ok(n) = raw.parse::<u32>() {
            return Ok(n);
        }
        let digits: String = raw.chars().take_while(|c| c.is_ascii_digit()).collect();
        let at = self.loc(&v.referenced);
        let rest = raw[digits.len()..].trim();
        let hint = match (digits.parse::<u32>(), deadline_unit(key, rest)) {
            // `1.5`: dropping the half would change the deadline.
            (Ok(_), _) if rest.starts_with(['.', ',']) => t!(
                "viết số nguyên; thời hạn có nửa ngày thì tính theo giờ, ví dụ hours: 12",
                "write a whole number; for half days count in hours, e.g. hours: 12"
            ),
            // `working_days: 15 giờ`: the unit names another measure.
            (Ok(n), Some(measure)) if measure != key => t!(
                "viết {measure}: {n} thay cho {key}",
                "write {measure}: {n} instead of {key}"
            ),
            (Ok(n), _) => t!(
                "chỉ viết con số: {key}: {n}",
                "write only the number: {key}: {n}"
            ),
            (Err(_), _) => t!(
                "viết một số nguyên không âm, ví dụ {key}: 3",
                "write a whole number of zero or more, e.g. {key}: 3"
            ),
        };
        Err(self.error(
            Rule::BadNumber,
            at,
            t!(
                "\"{raw}\" không phải số nguyên không âm",
                "\"{raw}\" is not a whole number of zero or more"
            ),
            Some(hint),
        ))
    }

    /// A fee amount in whole đồng.
    pub fn amount(&mut self, slot: &Scalar, parent: Parent) -> Checked<u64> {
        let hint = t!("viết số tiền bằng đồng, không dấu chấm hay phẩy, ví dụ amount: 50000; miễn phí thì viết amount: 0; mức không phải một con số (do HĐND tỉnh quy định…) thì bỏ amount và ghi rõ trong note", "write the amount in đồng without dots or commas, e.g. amount: 50000; write amount: 0 when exempt; an amount that is no plain number (set by the province…) leaves amount out and says it in note");
        let v = self.required(slot, "amount", parent, hint.clone())?;
        let raw = v.value.trim();
        if raw.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(n) = raw.parse::<u64>() {
                return Ok(n);
            }
        }
        let at = self.loc(&v.referenced);
        let hint = match amount_suggestion(raw) {
            Some(n) => t!("viết amount: {n}", "write amount: {n}"),
            None => hint,
        };
        Err(self.error(Rule::BadAmount, at, t!("số tiền \"{raw}\" không đúng: chỉ viết số đồng, không dấu chấm, dấu phẩy hay chữ", "the amount \"{raw}\" is wrong: write only the number of đồng, with no dots, commas or words"), Some(hint)))
    }

    /// true/false (also yes/no, có/không); `default` when not given.
    pub fn flag(&mut self, slot: &Scalar, key: &str, default: bool) -> Checked<bool> {
        let Some(v) = given(slot) else {
            return Ok(default);
        };
        match v.value.trim().to_lowercase().as_str() {
            "true" | "yes" | "có" | "co" => Ok(true),
            "false" | "no" | "không" | "khong" => Ok(false),
            other => {
                let at = self.loc(&v.referenced);
                Err(self.error(
                    Rule::BadFlag,
                    at,
                    t!(
                        "\"{key}\" chỉ nhận true (có) hoặc false (không), không phải \"{other}\"",
                        "\"{key}\" takes true or false, not \"{other}\""
                    ),
                    Some(t!(
                        "viết {key}: true hoặc {key}: false",
                        "write {key}: true or {key}: false"
                    )),
                ))
            }
        }
    }

    /// One of a fixed set of words; `default` when not given (required
    /// when there is none).
    pub fn choice<T: Copy>(
        &mut self,
        slot: &Scalar,
        key: &str,
        options: &[(&str, T)],
        default: Option<T>,
        parent: Parent,
    ) -> Checked<T> {
        let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
        let list = names.join(" | ");
        let hint = t!("viết {key}: một trong {list}", "write {key}: one of {list}");
        let v = match (given(slot), default) {
            (Some(v), _) => v,
            (None, Some(d)) => return Ok(d),
            (None, None) => self.required(slot, key, parent, hint)?,
        };
        let raw = v.value.trim();
        let folded = crate::text::slugify(raw).replace('-', "_");
        if let Some((_, t)) = options.iter().find(|(n, _)| *n == raw || *n == folded) {
            return Ok(*t);
        }
        let at = self.loc(&v.referenced);
        Err(self.error(
            Rule::BadChoice,
            at,
            t!(
                "\"{key}\" không nhận giá trị \"{raw}\"",
                "\"{key}\" does not take the value \"{raw}\""
            ),
            Some(t!("viết một trong: {list}", "write one of: {list}")),
        ))
    }

    /// A required absolute http(s) URL.
    pub fn url(&mut self, slot: &Scalar, key: &str, parent: Parent) -> Checked<String> {
        let v = self.required(slot, key, parent, url_hint(key))?;
        self.url_value(v, key)
    }

    /// An optional absolute http(s) URL: `None` when not given.
    pub fn opt_url(&mut self, slot: &Scalar, key: &str) -> Checked<Option<String>> {
        match given(slot) {
            Some(v) => self.url_value(v, key).map(Some),
            None => Ok(None),
        }
    }

    fn url_value(&mut self, v: &Spanned<String>, key: &str) -> Checked<String> {
        let raw = v.value.trim();
        if is_absolute_http_url(raw) {
            return Ok(raw.to_string());
        }
        let at = self.loc(&v.referenced);
        let hint = if !raw.contains("://") && raw.contains('.') && !raw.contains(' ') {
            t!(
                "thêm https:// ở đầu: {key}: https://{raw}",
                "add https:// in front: {key}: https://{raw}"
            )
        } else {
            url_hint(key)
        };
        Err(self.error(
            Rule::BadUrl,
            at,
            t!(
                "\"{raw}\" không phải địa chỉ web đầy đủ (http:// hoặc https://)",
                "\"{raw}\" is not a full web address (http:// or https://)"
            ),
            Some(hint),
        ))
    }
}

impl Ctx<'_> {
    /// A Markdown body (of a procedure, a field's `_index.md`, a notice),
    /// as the file has it after its front matter: nested no deeper than
    /// [`crate::markdown::MAX_NESTING`], else an error where it goes over.
    pub fn body(&mut self, body: &str) -> Checked<String> {
        let Some(at) = crate::markdown::too_deep(body) else {
            return Ok(body.to_string());
        };
        // The body is the end of the file's text (see `load::frontmatter`).
        let start = self.src.text.len().saturating_sub(body.len());
        let loc = self
            .src
            .text
            .ends_with(body)
            .then(|| self.src.locate(start + at, 1));
        let max = crate::markdown::MAX_NESTING;
        Err(self.error(
            Rule::TooDeep,
            loc,
            t!(
                "phần nội dung lồng nhau quá sâu: quá {max} mức trích dẫn (>), danh sách, chữ đậm, nghiêng (*, _) lồng trong nhau",
                "the text is nested too deeply: more than {max} levels of quotes (>), lists, bold or italics (*, _) inside each other"
            ),
            Some(t!(
                "bớt các dấu > hoặc * _ liền nhau, hoặc bớt thụt lề của danh sách con; một đoạn trích hay một danh sách lồng một hai mức là đủ",
                "remove repeated > or * _ marks, or indent sub-lists less; a quote or a list one or two levels deep is enough"
            )),
        ))
    }
}

fn date_hint(key: &str) -> Text {
    t!(
        "viết ngày theo dạng năm-tháng-ngày, ví dụ {key}: 2026-05-01",
        "write the date as year-month-day, e.g. {key}: 2026-05-01"
    )
}

fn url_hint(key: &str) -> Text {
    t!(
        "viết địa chỉ đầy đủ bắt đầu bằng https://, ví dụ {key}: https://dichvucong.gov.vn",
        "write the full address starting with https://, e.g. {key}: https://dichvucong.gov.vn"
    )
}

/// Trims and collapses inner line breaks of plain scalars the way YAML folding would.
fn clean(s: &str) -> String {
    s.trim().to_string()
}

/// Parses `YYYY-MM-DD`. On failure, returns the ISO form when the text was a
/// recognisable Vietnamese `DD/MM/YYYY`.
pub fn parse_date(raw: &str) -> Result<Date, Option<String>> {
    let parts: Vec<&str> = raw.split('-').collect();
    if parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let (y, m, d) = (
            parts[0].parse::<i16>(),
            parts[1].parse::<i8>(),
            parts[2].parse::<i8>(),
        );
        if let (Ok(y), Ok(m), Ok(d)) = (y, m, d) {
            return Date::new(y, m, d).map_err(|_| None);
        }
        return Err(None);
    }
    let parts: Vec<&str> = raw.split(['/', '.', '-']).collect();
    if parts.len() == 3 && parts[2].len() == 4 {
        if let (Ok(d), Ok(m), Ok(y)) = (
            parts[0].parse::<i8>(),
            parts[1].parse::<i8>(),
            parts[2].parse::<i16>(),
        ) {
            if let Ok(date) = Date::new(y, m, d) {
                return Err(Some(date.to_string()));
            }
        }
    }
    Err(None)
}

/// The deadline measure a unit written after the number names, when `key`
/// is one: `15 giờ` → `hours`, `3 ngày làm việc` → `working_days`.
fn deadline_unit(key: &str, unit: &str) -> Option<&'static str> {
    if !matches!(key, "working_days" | "calendar_days" | "hours") {
        return None;
    }
    let unit = crate::text::slugify(unit);
    if unit.starts_with("gio") || unit.starts_with("tieng") {
        Some("hours")
    } else if unit.starts_with("ngay-lam-viec") {
        Some("working_days")
    } else if unit.starts_with("ngay") && key == "hours" {
        // Days, as most deadlines count them; `3 ngày` under a day
        // measure keeps the measure the clerk chose.
        Some("working_days")
    } else {
        None
    }
}

/// `50.000`, `50,000 đồng`, `50.000đ` → 50000, when the grouping is clear.
pub fn amount_suggestion(raw: &str) -> Option<u64> {
    let lower = raw.to_lowercase();
    let lower = lower.trim();
    if ["miễn", "mien", "không", "khong", "free"]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        return Some(0);
    }
    let number: String = lower
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',' || *c == ' ')
        .collect();
    let number = number.trim();
    let groups: Vec<&str> = number.split(['.', ',', ' ']).collect();
    let well_grouped = groups.len() > 1
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..]
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    let rest = lower[number.len()..].trim();
    let unit_ok = rest.is_empty()
        || ["đồng", "dong", "đ", "d", "vnđ", "vnd", "đồng/bản"]
            .iter()
            .any(|u| rest.starts_with(u));
    if well_grouped && unit_ok {
        return groups.concat().parse().ok();
    }
    if groups.len() == 1 && !number.is_empty() && unit_ok {
        return number.parse().ok();
    }
    None
}

pub fn is_absolute_http_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let Some(rest) = rest else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !s.chars().any(char::is_whitespace)
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || ".-:[]".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_after_a_deadline_number_names_its_measure() {
        assert_eq!(deadline_unit("working_days", "giờ"), Some("hours"));
        assert_eq!(deadline_unit("working_days", "tiếng"), Some("hours"));
        assert_eq!(
            deadline_unit("hours", "ngày làm việc"),
            Some("working_days")
        );
        assert_eq!(
            deadline_unit("calendar_days", "ngày làm việc"),
            Some("working_days")
        );
        assert_eq!(deadline_unit("hours", "ngày"), Some("working_days"));
        assert_eq!(deadline_unit("working_days", "ngày"), None);
        assert_eq!(deadline_unit("copies", "giờ"), None);
        assert_eq!(deadline_unit("hours", "bản"), None);
    }

    #[test]
    fn amounts_written_the_vietnamese_way_get_a_hint() {
        assert_eq!(amount_suggestion("50.000"), Some(50000));
        assert_eq!(amount_suggestion("50,000 đồng"), Some(50000));
        assert_eq!(amount_suggestion("1.200.000đ"), Some(1200000));
        assert_eq!(amount_suggestion("8000 đồng"), Some(8000));
        assert_eq!(amount_suggestion("Miễn phí"), Some(0));
        assert_eq!(amount_suggestion("2.5"), None);
        assert_eq!(amount_suggestion("theo quy định"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2014-11-20"), Ok(Date::constant(2014, 11, 20)));
        assert_eq!(parse_date("2026-02-30"), Err(None));
        assert_eq!(parse_date("20/11/2014"), Err(Some("2014-11-20".into())));
        assert_eq!(parse_date("hôm qua"), Err(None));
        assert_eq!(parse_date("2026-5-1"), Ok(Date::constant(2026, 5, 1)));
    }

    #[test]
    fn urls() {
        assert!(is_absolute_http_url(
            "https://dichvucong.gov.vn/p/x?ma=1.001193"
        ));
        assert!(is_absolute_http_url("http://localhost:8080/"));
        for bad in [
            "dichvucong.gov.vn",
            "ftp://x",
            "https://",
            "https://a b",
            "/tthc/",
        ] {
            assert!(!is_absolute_http_url(bad), "{bad}");
        }
    }
}
