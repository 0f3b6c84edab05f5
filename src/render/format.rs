//! Facts written the Vietnamese way, in one place, so the site, the posters,
//! the search results and catalogue tables all say the same thing:
//! `8.000 đồng/bản`, `Miễn lệ phí`, `Không thu phí`, `03 ngày làm việc`,
//! `Trong ngày làm việc`, `30 ngày`, `04 giờ`, `20/11/2014`.
//!
//! Counts are written with two digits (`03`), as official catalogues do.

use crate::calendar::due::{Measure, Rule};
use crate::lang::Lang;
use crate::model::{
    Date, Deadline, DeadlineMeasure, Document, Fee, FeeChannel, LegalText, Level, OnlineLevel,
};

/// `8000` → `8.000` (Vietnamese thousands separator is the dot).
pub fn amount(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `20/11/2014`.
pub fn date(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// A count as official texts write it: `03`, `30`, `120`.
fn two_digits(n: u32) -> String {
    format!("{n:02}")
}

/// `03 ngày làm việc`, `Trong ngày làm việc`, `30 ngày`, `04 giờ`, or a
/// deadline in words as written (`deadline.text`).
pub fn deadline(d: &Deadline, lang: Lang) -> String {
    match (&d.measure, lang) {
        (DeadlineMeasure::WorkingDays(0), Lang::Vi) => "Trong ngày làm việc".into(),
        (DeadlineMeasure::WorkingDays(0), Lang::En) => "Within the working day".into(),
        (DeadlineMeasure::WorkingDays(n), Lang::Vi) => format!("{} ngày làm việc", two_digits(*n)),
        (DeadlineMeasure::WorkingDays(n), Lang::En) => plural(*n, "working day", "working days"),
        (DeadlineMeasure::CalendarDays(n), Lang::Vi) => format!("{} ngày", two_digits(*n)),
        (DeadlineMeasure::CalendarDays(n), Lang::En) => plural(*n, "day", "days"),
        (DeadlineMeasure::Hours(n), Lang::Vi) => format!("{} giờ", two_digits(*n)),
        (DeadlineMeasure::Hours(n), Lang::En) => plural(*n, "hour", "hours"),
        (DeadlineMeasure::Text(t), _) => t.clone(),
    }
}

/// How the expected return date is counted, in words, for readers
/// without JavaScript (and under the date for those with it). `week`: the
/// office hours in words, for a deadline in hours.
pub fn due_rule(rule: &Rule, week: Option<&str>, lang: Lang) -> String {
    let mut out = match (rule.measure, lang) {
        (Measure::WorkingDays(0), Lang::Vi) => "Trả kết quả trong ngày làm việc nhận đủ hồ sơ.".to_string(),
        (Measure::WorkingDays(0), Lang::En) => "The result is returned on the working day a complete dossier is received.".to_string(),
        (Measure::WorkingDays(_), Lang::Vi) => "Tính từ ngày làm việc tiếp theo sau ngày nhận đủ hồ sơ; không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết.".to_string(),
        (Measure::WorkingDays(_), Lang::En) => "Counted from the working day after a complete dossier is received; Saturdays, Sundays and public holidays are not counted.".to_string(),
        (Measure::CalendarDays(_), Lang::Vi) => "Tính cả ngày nghỉ, từ ngày tiếp theo sau ngày nhận đủ hồ sơ; nếu ngày cuối cùng là ngày nghỉ thì trả vào ngày làm việc tiếp theo.".to_string(),
        (Measure::CalendarDays(_), Lang::En) => "Every day is counted, from the day after a complete dossier is received; when the last day is a day off, the result is due the next working day.".to_string(),
        (Measure::Hours(_), Lang::Vi) => match week {
            Some(w) => format!("Tính theo giờ làm việc ({w}) từ lúc nhận đủ hồ sơ."),
            None => "Tính theo giờ làm việc của cơ quan, từ lúc nhận đủ hồ sơ.".to_string(),
        },
        (Measure::Hours(_), Lang::En) => match week {
            Some(w) => format!("Counted in office hours ({w}) from when a complete dossier is received."),
            None => "Counted in the office's working hours from when a complete dossier is received.".to_string(),
        },
    };
    if let Some(c) = rule.cutoff {
        out.push(' ');
        out.push_str(&cutoff(c, lang));
    }
    out.push_str(match lang {
        Lang::Vi => " Ngày hẹn chính thức ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
        Lang::En => " The official date is the one on the receipt slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả).",
    });
    out
}

/// A deadline's `cutoff` in words: `Hồ sơ nhận sau 15:00 được tính như
/// nhận vào ngày làm việc tiếp theo.`
pub fn cutoff(minute: u16, lang: Lang) -> String {
    let c = crate::calendar::hours::clock(minute);
    match lang {
        Lang::Vi => format!("Hồ sơ nhận sau {c} được tính như nhận vào ngày làm việc tiếp theo."),
        Lang::En => {
            format!("A dossier received after {c} counts as received on the next working day.")
        }
    }
}

/// The legal deadline a ward has shortened, when it has (`reduced_from`):
/// `Đã cắt giảm từ 05 ngày làm việc theo quy định`.
pub fn deadline_reduced(d: &Deadline, lang: Lang) -> Option<String> {
    let from = d.reduced_from?;
    let law = Deadline {
        measure: d.measure.with_value(from)?,
        reduced_from: None,
        note: None,
        cutoff: None,
    };
    let law = deadline(&law, lang);
    Some(match lang {
        Lang::Vi => format!("Đã cắt giảm từ {law} theo quy định"),
        Lang::En => format!("Shortened from the legal {law}"),
    })
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One fee's amount: `8.000 đồng/bản`, `50.000 đồng`, or `Miễn lệ phí` for 0.
pub fn fee_amount(fee: &Fee, lang: Lang) -> String {
    // No plain amount: the note says it (see `fee_note`), never "free".
    let Some(n) = fee.amount else {
        return fee.note.clone().unwrap_or_default();
    };
    if n == 0 {
        return match lang {
            Lang::Vi => "Miễn lệ phí".into(),
            Lang::En => "Free of charge".into(),
        };
    }
    let unit = match lang {
        Lang::Vi => "đồng",
        Lang::En => "VND",
    };
    match &fee.per {
        Some(per) => format!("{} {unit}/{per}", amount(n)),
        None => format!("{} {unit}", amount(n)),
    }
}

/// One fee on one line, as the procedure page lists it:
/// `Phí cấp bản sao: 8.000 đồng/bản (nộp trực tiếp) – note`.
pub fn fee_line(fee: &Fee, lang: Lang) -> String {
    let mut s = format!("{}: {}", fee.name, fee_amount(fee, lang));
    if let Some(ch) = fee_channel(fee.channel, lang) {
        s = format!("{s} ({ch})");
    }
    if let Some(note) = fee_note(fee) {
        s = format!("{s} – {note}");
    }
    s
}

/// A legal text as the procedure page lists it:
/// `60/2014/QH13 – Luật Hộ tịch (ngày 20/11/2014)`.
pub fn legal_text(l: &LegalText, lang: Lang) -> String {
    let mut s = l.number.clone();
    if let Some(title) = &l.title {
        s = format!("{s} – {title}");
    }
    if let Some(d) = l.date {
        let issued = match lang {
            Lang::Vi => "ngày",
            Lang::En => "of",
        };
        s = format!("{s} ({issued} {})", date(d));
    }
    s
}

/// A fee's note as printed under its amount: none when the note already
/// stands as the amount (a fee without a plain amount).
pub fn fee_note(fee: &Fee) -> Option<String> {
    fee.amount.and(fee.note.clone())
}

/// `Không thu phí` when the procedure has no fee at all (`fees: []`).
pub fn no_fees(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Không thu phí",
        Lang::En => "No fee",
    }
}

/// The fees in short, for tables and search results: each distinct amount
/// once, in the order written (`Miễn lệ phí; 8.000 đồng/bản`).
pub fn fees_short(fees: &[Fee], lang: Lang) -> String {
    if fees.is_empty() {
        return no_fees(lang).into();
    }
    let mut seen: Vec<String> = Vec::new();
    for fee in fees {
        let mut s = fee_amount(fee, lang);
        if let Some(ch) = fee_channel(fee.channel, lang) {
            s = format!("{s} ({ch})");
        }
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen.join("; ")
}

/// The channel a fee is limited to, as written after its amount
/// (`8.000 đồng (nộp trực tiếp)`); none for a fee of every channel. The
/// names in files and `catalogue.json` are [`FeeChannel::name`]'s.
pub fn fee_channel(channel: FeeChannel, lang: Lang) -> Option<&'static str> {
    Some(match (channel, lang) {
        (FeeChannel::All, _) => return None,
        (FeeChannel::InPerson, Lang::Vi) => "nộp trực tiếp",
        (FeeChannel::InPerson, Lang::En) => "in person",
        (FeeChannel::Postal, Lang::Vi) => "qua bưu chính",
        (FeeChannel::Postal, Lang::En) => "by post",
        (FeeChannel::Online, Lang::Vi) => "nộp trực tuyến",
        (FeeChannel::Online, Lang::En) => "online",
    })
}

/// `Cấp xã`, `Cấp huyện`, `Cấp tỉnh`.
pub fn level(level: Level, lang: Lang) -> &'static str {
    match (level, lang) {
        (Level::Xa, Lang::Vi) => "Cấp xã",
        (Level::Xa, Lang::En) => "Commune level",
        (Level::Huyen, Lang::Vi) => "Cấp huyện",
        (Level::Huyen, Lang::En) => "District level",
        (Level::Tinh, Lang::Vi) => "Cấp tỉnh",
        (Level::Tinh, Lang::En) => "Provincial level",
    }
}

/// `Dịch vụ công trực tuyến toàn trình` / `một phần`.
pub fn online_level(level: OnlineLevel, lang: Lang) -> &'static str {
    match (level, lang) {
        (OnlineLevel::Full, Lang::Vi) => "Dịch vụ công trực tuyến toàn trình",
        (OnlineLevel::Full, Lang::En) => "Fully online public service",
        (OnlineLevel::Partial, Lang::Vi) => "Dịch vụ công trực tuyến một phần",
        (OnlineLevel::Partial, Lang::En) => "Partly online public service",
    }
}

/// How many papers of a document to bring: `01 bản chính, 02 bản sao`,
/// `Xuất trình bản chính` (shown at the counter, not handed in).
pub fn document_quantity(doc: &Document, lang: Lang) -> String {
    let mut parts = Vec::new();
    if doc.present {
        parts.push(match lang {
            Lang::Vi => "Xuất trình để đối chiếu (không nộp)".to_string(),
            Lang::En => "Show at the counter (not handed in)".to_string(),
        });
    }
    let (orig, copy) = match lang {
        Lang::Vi => ("bản chính", "bản sao"),
        Lang::En => ("original", "copy"),
    };
    if doc.originals > 0 {
        parts.push(count_of(doc.originals, orig, lang));
    }
    if doc.copies > 0 {
        parts.push(count_of(doc.copies, copy, lang));
    }
    parts.join(", ")
}

fn count_of(n: u32, what: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} {what}", two_digits(n)),
        Lang::En if n == 1 => format!("1 {what}"),
        Lang::En if what == "copy" => format!("{n} copies"),
        Lang::En => format!("{n} {what}s"),
    }
}

/// "Nguồn: Cơ sở dữ liệu quốc gia về thủ tục hành chính, bản ngày 08/04/2026".
pub fn source(s: &crate::model::Source, lang: Lang) -> String {
    use crate::model::SourceKind;
    let (from, on) = match (s.from, lang) {
        (SourceKind::National, Lang::Vi) => {
            ("Cơ sở dữ liệu quốc gia về thủ tục hành chính", "bản ngày")
        }
        (SourceKind::National, Lang::En) => ("the national procedure database", "as of"),
        (SourceKind::Table, Lang::Vi) => ("danh mục thủ tục hành chính của tỉnh", "bản ngày"),
        (SourceKind::Table, Lang::En) => ("the province's procedure list", "as of"),
    };
    let label = match lang {
        Lang::Vi => "Nguồn",
        Lang::En => "Source",
    };
    match s.snapshot {
        Some(d) => format!("{label}: {from}, {on} {}", date(d)),
        None => format!("{label}: {from}"),
    }
}

/// `text` in at most about `max` characters: unchanged if short enough, else
/// its first sentence, else cut at a word, and "…" wherever something was
/// left out. Never cuts inside a word.
pub fn abridge(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.into();
    }
    // The first sentence: up to a ". " or "; " (not inside a number like 1.001).
    let mut cut = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if (c == '.' || c == ';' || c == ':') && chars.peek().is_some_and(|(_, n)| *n == ' ') {
            cut = Some(i);
            break;
        }
    }
    if let Some(i) = cut {
        let first = &text[..i];
        if first.chars().count() <= max && first.chars().count() >= 20 {
            return format!("{first}…").into();
        }
    }
    let mut end = 0;
    for (count, (i, c)) in text.char_indices().enumerate() {
        if count >= max.saturating_sub(1) {
            break;
        }
        if c == ' ' {
            end = i;
        }
    }
    let head = text[..end].trim_end_matches([',', ';', ':', ' ', '-', '(']);
    format!("{head}…").into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fee(amount: u64, per: Option<&str>) -> Fee {
        Fee {
            name: "Lệ phí".into(),
            amount: Some(amount),
            note: None,
            per: per.map(str::to_string),
            channel: FeeChannel::All,
        }
    }

    fn dl(measure: DeadlineMeasure) -> Deadline {
        Deadline {
            measure,
            reduced_from: None,
            note: None,
            cutoff: None,
        }
    }

    #[test]
    fn amounts_use_dots_between_thousands() {
        assert_eq!(amount(0), "0");
        assert_eq!(amount(800), "800");
        assert_eq!(amount(8000), "8.000");
        assert_eq!(amount(50000), "50.000");
        assert_eq!(amount(1234567), "1.234.567");
    }

    #[test]
    fn fees_read_the_vietnamese_way() {
        assert_eq!(
            fee_amount(&fee(8000, Some("bản")), Lang::Vi),
            "8.000 đồng/bản"
        );
        assert_eq!(fee_amount(&fee(50000, None), Lang::Vi), "50.000 đồng");
        assert_eq!(fee_amount(&fee(0, None), Lang::Vi), "Miễn lệ phí");
        assert_eq!(fees_short(&[], Lang::Vi), "Không thu phí");
        let mixed = [fee(0, None), fee(8000, Some("bản")), fee(0, None)];
        assert_eq!(fees_short(&mixed, Lang::Vi), "Miễn lệ phí; 8.000 đồng/bản");
        let mut online = fee(0, None);
        online.channel = FeeChannel::Online;
        assert_eq!(
            fees_short(&[fee(20000, None), online], Lang::Vi),
            "20.000 đồng; Miễn lệ phí (nộp trực tuyến)"
        );
    }

    #[test]
    fn every_channel_but_all_has_a_label_of_its_own() {
        for lang in [Lang::Vi, Lang::En] {
            let labels: Vec<_> = FeeChannel::ALL
                .iter()
                .filter_map(|&c| fee_channel(c, lang))
                .collect();
            assert_eq!(labels.len(), FeeChannel::ALL.len() - 1, "{labels:?}");
            assert!(labels
                .iter()
                .all(|l| labels.iter().filter(|m| m == &l).count() == 1));
        }
        let names = FeeChannel::ALL.map(FeeChannel::name);
        assert_eq!(names, ["all", "in_person", "postal", "online"]);
    }

    #[test]
    fn deadlines_read_the_vietnamese_way() {
        use DeadlineMeasure::*;
        assert_eq!(deadline(&dl(WorkingDays(3)), Lang::Vi), "03 ngày làm việc");
        assert_eq!(
            deadline(&dl(WorkingDays(0)), Lang::Vi),
            "Trong ngày làm việc"
        );
        assert_eq!(deadline(&dl(WorkingDays(15)), Lang::Vi), "15 ngày làm việc");
        assert_eq!(deadline(&dl(CalendarDays(30)), Lang::Vi), "30 ngày");
        assert_eq!(deadline(&dl(Hours(4)), Lang::Vi), "04 giờ");
        assert_eq!(deadline(&dl(WorkingDays(1)), Lang::En), "1 working day");
        assert_eq!(deadline(&dl(Hours(4)), Lang::En), "4 hours");
    }

    #[test]
    fn a_shortened_deadline_names_the_legal_one() {
        let mut d = dl(DeadlineMeasure::WorkingDays(3));
        assert_eq!(deadline_reduced(&d, Lang::Vi), None);
        d.reduced_from = Some(5);
        assert_eq!(
            deadline_reduced(&d, Lang::Vi).as_deref(),
            Some("Đã cắt giảm từ 05 ngày làm việc theo quy định")
        );
        assert_eq!(
            deadline_reduced(&d, Lang::En).as_deref(),
            Some("Shortened from the legal 5 working days")
        );
    }

    #[test]
    fn fee_and_legal_lines_read_as_the_page() {
        let mut f = fee(8000, Some("bản"));
        f.name = "Phí cấp bản sao".into();
        f.channel = FeeChannel::InPerson;
        f.note = Some("nếu có yêu cầu".into());
        assert_eq!(
            fee_line(&f, Lang::Vi),
            "Phí cấp bản sao: 8.000 đồng/bản (nộp trực tiếp) – nếu có yêu cầu"
        );
        let l = LegalText {
            number: "60/2014/QH13".into(),
            title: Some("Luật Hộ tịch".into()),
            date: Date::new(2014, 11, 20).ok(),
        };
        assert_eq!(
            legal_text(&l, Lang::Vi),
            "60/2014/QH13 – Luật Hộ tịch (ngày 20/11/2014)"
        );
    }

    #[test]
    fn dates_are_day_month_year() {
        let d = Date::new(2014, 11, 20).unwrap();
        assert_eq!(date(d), "20/11/2014");
        assert_eq!(date(Date::new(2026, 1, 5).unwrap()), "05/01/2026");
    }

    #[test]
    fn document_quantities() {
        let mut d = Document {
            name: "Giấy chứng sinh".into(),
            originals: 1,
            copies: 2,
            form: None,
            sample: None,
            note: None,
            present: false,
            optional: false,
            case: None,
        };
        assert_eq!(document_quantity(&d, Lang::Vi), "01 bản chính, 02 bản sao");
        assert_eq!(document_quantity(&d, Lang::En), "1 original, 2 copies");
        d.present = true;
        d.originals = 0;
        d.copies = 0;
        assert_eq!(
            document_quantity(&d, Lang::Vi),
            "Xuất trình để đối chiếu (không nộp)"
        );
    }

    #[test]
    fn the_expected_date_s_rule_in_words() {
        let rule = |measure, cutoff| Rule { measure, cutoff };
        assert_eq!(
            due_rule(&rule(Measure::WorkingDays(3), None), None, Lang::Vi),
            "Tính từ ngày làm việc tiếp theo sau ngày nhận đủ hồ sơ; không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết. Ngày hẹn chính thức ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả."
        );
        let same_day = due_rule(&rule(Measure::WorkingDays(0), Some(900)), None, Lang::Vi);
        assert!(
            same_day.starts_with(
                "Trả kết quả trong ngày làm việc nhận đủ hồ sơ. Hồ sơ nhận sau 15:00 được tính"
            ),
            "{same_day}"
        );
        let hours = due_rule(
            &rule(Measure::Hours(4), None),
            Some("thứ Hai đến thứ Sáu, 7:30–11:30"),
            Lang::Vi,
        );
        assert!(
            hours.starts_with("Tính theo giờ làm việc (thứ Hai đến thứ Sáu, 7:30–11:30) từ lúc"),
            "{hours}"
        );
    }

    #[test]
    fn abridging_keeps_short_text_and_marks_cuts() {
        assert_eq!(abridge("Nộp hồ sơ.", 20), "Nộp hồ sơ.");
        // The first sentence when it is long enough to say something.
        assert_eq!(
            abridge(
                "Cán bộ kiểm tra hồ sơ đầy đủ. Nếu thiếu thì hướng dẫn bổ sung ngay.",
                40
            ),
            "Cán bộ kiểm tra hồ sơ đầy đủ…"
        );
        // Else cut at a word, never inside one, never inside a number.
        let s = abridge(
            "Thông tư 281/2016/TT-BTC quy định mức thu phí khai thác thông tin",
            30,
        );
        assert!(s.ends_with('…'), "{s}");
        assert!(s.chars().count() <= 30, "{s}");
        assert!("Thông tư 281/2016/TT-BTC quy định mức thu".starts_with(s.trim_end_matches('…')));
        assert_eq!(
            abridge("Theo mã 1.001193 của Cổng Dịch vụ công quốc gia", 20),
            "Theo mã 1.001193…"
        );
    }
}
