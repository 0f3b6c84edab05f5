//! The deadline and fee cells of a catalogue table, read back into facts.
//! Two writers fill such cells: `niemyet export`, which writes every fact
//! with `render::format` (`03 ngày làm việc`, then `Đã cắt giảm từ 05 ngày
//! làm việc theo quy định` and the note on their own lines; a fee per line,
//! `Phí cấp bản sao: 8.000 đồng/bản (nộp trực tiếp) – note`, `Miễn lệ
//! phí`, `Không thu phí`), and provincial decisions, which write the same
//! facts more loosely (`Không quá 05 ngày làm việc kể từ…`, `50.000đ`,
//! `Miễn phí`). This is the one reader of both, for `import` (a row becomes
//! a procedure) and `review` (a row is compared with the site).

use super::text::one_line;
use crate::lang::Lang;
use crate::model::{DeadlineMeasure, Fee, FeeChannel};
use crate::render::format;
use crate::text::slugify;

/// A deadline cell read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellDeadline {
    pub measure: DeadlineMeasure,
    /// The legal deadline the ward cut ("Đã cắt giảm từ 05 ngày làm việc
    /// theo quy định"): same unit, larger than the measure.
    pub reduced_from: Option<u32>,
    /// The cell's other words, on one line.
    pub note: Option<String>,
    /// The words after the first measure name another deadline (a case,
    /// "trường hợp xác minh 10 ngày"): the first is the one read.
    pub several: bool,
    /// Minutes after midnight, from the line `render::format::cutoff`
    /// writes ("Hồ sơ nhận sau 15:00 được tính như nhận vào ngày làm việc
    /// tiếp theo.").
    pub cutoff: Option<u16>,
}

/// A fee line read: the parts `render::format::fee_line` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellFee {
    /// Before `: `; `None` for a bare amount ("8.000 đồng/bản").
    pub name: Option<String>,
    /// Whole đồng, 0 for "Miễn lệ phí"; `None` when words stand for it.
    pub amount: Option<u64>,
    pub per: Option<String>,
    pub channel: FeeChannel,
    pub note: Option<String>,
}

/// A deadline cell: its first line's measure, or `None` when the first
/// line states none (words, kept by the caller).
pub fn deadline(cell: &str) -> Option<CellDeadline> {
    let mut lines = cell.lines().map(one_line).filter(|l| !l.is_empty());
    let first = lines.next()?;
    let words = words(&first);
    let (measure, used) = leading_measure(&words)?;
    let mut note: Vec<String> = Vec::new();
    let mut several = false;
    let measure = match measure {
        // Months and years are not converted: the words are the deadline.
        DeadlineMeasure::Text(_) => DeadlineMeasure::Text(first.trim_end_matches('.').to_string()),
        m => {
            let rest = rest_after(&first, used);
            if !rest.is_empty() {
                several = mentions_measure(&rest);
                note.push(rest);
            }
            m
        }
    };
    let (mut reduced_from, mut cutoff) = (None, None);
    for line in lines {
        if let (Some(n), None) = (reduced_line(&line, &measure), reduced_from) {
            reduced_from = Some(n);
        } else if let (Some(c), None) = (cutoff_line(&line), cutoff) {
            cutoff = Some(c);
        } else {
            note.push(line);
        }
    }
    Some(CellDeadline {
        measure,
        reduced_from,
        note: (!note.is_empty()).then(|| note.join(" ")),
        several,
        cutoff,
    })
}

/// The cell's words, lowercased, without the punctuation around them.
fn words(line: &str) -> Vec<String> {
    line.split_whitespace()
        .map(|w| w.trim_matches([',', ';', ':', '.']).to_lowercase())
        .collect()
}

/// The measure at the start of a line, and how many words it takes:
/// `03 ngày làm việc`, `Không quá 02 (hai) ngày làm việc`, `Trong ngày`,
/// `30 ngày`, `04 giờ`, `03 tháng` (as `Text`), and the English of
/// `render::format` (`3 working days`, `Within the working day`).
pub fn leading_measure(w: &[String]) -> Option<(DeadlineMeasure, usize)> {
    let at = |i: usize| w.get(i).map(String::as_str).unwrap_or("");
    let prefix = [
        &["không", "quá"][..],
        &["tối", "đa"],
        &["trong", "vòng"],
        &["trong", "thời", "hạn"],
        &["trong", "hạn"],
    ]
    .iter()
    .find(|p| p.iter().enumerate().all(|(i, x)| at(i) == *x))
    .map_or(0, |p| p.len());
    let i = prefix;
    let same_day = |j: usize| -> Option<usize> {
        let j = j + usize::from(at(j) == "ngay");
        (at(j) == "trong" && at(j + 1) == "ngày").then(|| {
            if at(j + 2) == "làm" && at(j + 3) == "việc" {
                j + 4
            } else {
                j + 2
            }
        })
    };
    if let Some(end) = same_day(i) {
        return Some((DeadlineMeasure::WorkingDays(0), end));
    }
    if [at(0), at(1), at(2), at(3)] == ["within", "the", "working", "day"] {
        return Some((DeadlineMeasure::WorkingDays(0), 4));
    }
    let n: u32 = at(i).parse().ok()?;
    // "02 (hai) ngày": the number in words after it.
    let j = i + 1 + usize::from(at(i + 1).starts_with('(') && at(i + 1).ends_with(')'));
    let unit = |k: usize| at(j + k).trim_end_matches(')');
    let (measure, used) = match (unit(0), unit(1), unit(2)) {
        ("ngày", "làm", "việc") => (DeadlineMeasure::WorkingDays(n), 3),
        ("ngày", _, _) => (DeadlineMeasure::CalendarDays(n), 1),
        ("giờ", "làm", "việc") => (DeadlineMeasure::Hours(n), 3),
        ("giờ", _, _) => (DeadlineMeasure::Hours(n), 1),
        ("tháng", _, _) | ("năm", _, _) => (DeadlineMeasure::Text(String::new()), 1),
        ("working", "day" | "days", _) => (DeadlineMeasure::WorkingDays(n), 2),
        ("day" | "days", _, _) => (DeadlineMeasure::CalendarDays(n), 1),
        ("hour" | "hours", _, _) => (DeadlineMeasure::Hours(n), 1),
        _ => return None,
    };
    Some((measure, j + used))
}

/// The words of `line` after its first `used` words, punctuation before
/// them dropped and the first letter made capital: a note of its own.
fn rest_after(line: &str, used: usize) -> String {
    let rest: Vec<&str> = line.split_whitespace().skip(used).collect();
    let rest = rest.join(" ");
    let rest = rest.trim_start_matches([',', ';', ':', '.', ' ', '-', '–']);
    let mut cs = rest.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Whether words name a deadline of their own (a number of days or
/// hours; "sau 15 giờ" is a time of day, not one).
fn mentions_measure(text: &str) -> bool {
    let w = words(text);
    (0..w.len()).any(|i| {
        let clock = i > 0 && ["sau", "trước", "lúc", "từ"].contains(&w[i - 1].as_str());
        !clock
            && w[i].chars().all(|c| c.is_ascii_digit())
            && leading_measure(&w[i..]).is_some_and(|(m, _)| m.value().is_some())
    })
}

/// `Đã cắt giảm từ 05 ngày làm việc theo quy định` (or `Shortened from the
/// legal 5 working days`): the legal number, when it is in the measure's
/// unit and larger (else the line is only words).
fn reduced_line(line: &str, measure: &DeadlineMeasure) -> Option<u32> {
    let w = words(line);
    let head: Vec<&str> = w.iter().take(4).map(String::as_str).collect();
    let known = [
        ["đã", "cắt", "giảm", "từ"],
        ["shortened", "from", "the", "legal"],
    ];
    if !known.iter().any(|k| head == k) {
        return None;
    }
    let start = 4;
    let (legal, used) = leading_measure(&w[start..])?;
    let tail = &w[start + used..];
    let vi_tail = tail == ["theo", "quy", "định"];
    if !(vi_tail || tail.is_empty()) {
        return None;
    }
    let same_unit = std::mem::discriminant(&legal) == std::mem::discriminant(measure);
    match (legal.value(), measure.value()) {
        (Some(n), Some(m)) if same_unit && n > m => Some(n),
        _ => None,
    }
}

/// The cut-off line exactly as `render::format::cutoff` writes it.
fn cutoff_line(line: &str) -> Option<u16> {
    [Lang::Vi, Lang::En].into_iter().find_map(|lang| {
        // The sentence around the time: what it says for 0:00.
        let frame = format::cutoff(0, lang);
        let (before, after) = frame.split_once("0:00")?;
        let time = line.strip_prefix(before)?.strip_suffix(after)?;
        let minute = crate::calendar::due::parse_clock(time)?;
        (format::cutoff(minute, lang) == line).then_some(minute)
    })
}

/// A fee cell: `Some(vec![])` for "no fee" (`Không thu phí`, `Không`);
/// one item per line otherwise; a line that is no fee continues the note
/// of the line before (a note written on two lines). `None` when the
/// first line reads as no fee: the cell is words.
pub fn fees(cell: &str) -> Option<Vec<CellFee>> {
    let folded = slugify(cell);
    let none = [
        slugify(format::no_fees(Lang::Vi)),
        slugify(format::no_fees(Lang::En)),
        "khong".into(),
        "khong-co".into(),
        "khong-thu".into(),
        "khong-thu-phi-le-phi".into(),
        "khong-quy-dinh".into(),
    ];
    if none.contains(&folded) {
        return Some(Vec::new());
    }
    let mut out: Vec<CellFee> = Vec::new();
    for line in cell.lines().map(one_line).filter(|l| !l.is_empty()) {
        match fee_line(&line) {
            Some(f) => out.push(f),
            None => {
                let last = out.last_mut()?;
                let note = last.note.get_or_insert_with(String::new);
                if !note.is_empty() {
                    note.push(' ');
                }
                note.push_str(&line);
            }
        }
    }
    Some(out)
}

/// One line: `name: amount…`, a bare `amount…`, or `name: words` (a fee
/// whose note stands for its amount, as `render::format` writes it).
fn fee_line(line: &str) -> Option<CellFee> {
    let colons: Vec<usize> = line.match_indices(": ").map(|(i, _)| i).collect();
    for &i in &colons {
        if let Some(mut f) = amount_part(&line[i + 2..]) {
            f.name = Some(line[..i].trim().to_string()).filter(|n| !n.is_empty());
            return Some(f);
        }
    }
    if let Some(f) = amount_part(line) {
        return Some(f);
    }
    let &i = colons.first()?;
    let (rest, channel) = strip_channel(line[i + 2..].trim());
    let name = line[..i].trim();
    (!name.is_empty() && !rest.is_empty()).then(|| CellFee {
        name: Some(name.to_string()),
        amount: None,
        per: None,
        channel,
        note: Some(rest.to_string()),
    })
}

/// `8.000 đồng/bản (nộp trực tiếp) – note`, `Miễn lệ phí – note`,
/// `50.000đ/bản, tối đa 200.000 đồng`: an amount first, then its unit,
/// channel and note. Words right after the amount ("50.000 đồng đối với
/// cá nhân") are no amount of this fee: `None`, the line is words.
fn amount_part(s: &str) -> Option<CellFee> {
    let s = s.trim();
    let (head, note) = match s.split_once(" – ").or_else(|| s.split_once(" — ")) {
        Some((h, n)) => (h.trim(), Some(n.trim().to_string())),
        None => (s, None),
    };
    let (head, channel) = strip_channel(head);
    let (amount, rest) = free(head).or_else(|| money(head))?;
    let (per, more) = match rest.strip_prefix('/') {
        Some(p) => {
            let end = p.find([',', ';']).unwrap_or(p.len());
            let per = p[..end].trim();
            let numeric = per.starts_with(|c: char| c.is_ascii_digit());
            if per.is_empty() || numeric {
                return None;
            }
            (Some(per.to_string()), &p[end..])
        }
        None => (None, rest),
    };
    if !(more.is_empty() || more.starts_with([',', ';'])) {
        return None;
    }
    let more = more.trim_start_matches([',', ';', ' ']).trim();
    let note = match (more.is_empty(), note) {
        (true, n) => n,
        (false, None) => Some(more.to_string()),
        (false, Some(n)) => Some(format!("{more} – {n}")),
    };
    Some(CellFee {
        name: None,
        amount: Some(amount),
        per,
        channel,
        note: note.filter(|n| !n.is_empty()),
    })
}

/// `s` without `prefix`, compared case-insensitively character by
/// character (never by byte offsets of a lowercased copy).
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let mut rest = s.char_indices();
    for p in prefix.chars() {
        let (_, c) = rest.next()?;
        if !c.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    Some(rest.next().map_or("", |(i, _)| &s[i..]))
}

/// `Miễn lệ phí` (as `render::format` writes 0), `Miễn phí`, `Miễn`.
fn free(s: &str) -> Option<(u64, &str)> {
    let zero = Fee {
        name: String::new(),
        amount: Some(0),
        note: None,
        per: None,
        channel: FeeChannel::All,
    };
    let words = [
        format::fee_amount(&zero, Lang::Vi),
        format::fee_amount(&zero, Lang::En),
        "Miễn phí".to_string(),
        "Miễn".to_string(),
    ];
    words.iter().find_map(|w| {
        let rest = strip_prefix_ci(s, w)?;
        let ends = rest.is_empty() || rest.starts_with([' ', ',', ';', '.']);
        ends.then(|| (0, rest.trim_start().trim_start_matches('.')))
    })
}

/// A number of đồng at the start: `8.000 đồng`, `50.000đ`, `1,000,000
/// VND`, or a number with thousands separators before `/` or the end
/// (`8.000/bản`). The rest follows.
fn money(s: &str) -> Option<(u64, &str)> {
    let len = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(s.len());
    let number = s[..len].trim_end_matches(['.', ',']);
    let groups: Vec<&str> = number.split(['.', ',']).collect();
    let grouped =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if number.is_empty() || !grouped || groups.iter().any(|g| g.is_empty()) {
        return None;
    }
    let amount: u64 = groups.concat().parse().ok()?;
    let rest = s[number.len()..].trim_start();
    for unit in ["đồng", "vnđ", "vnd", "đ"] {
        if let Some(after) = strip_prefix_ci(rest, unit) {
            if !after.starts_with(char::is_alphabetic) {
                return Some((amount, after.trim_start()));
            }
        }
    }
    let bare = groups.len() > 1 && (rest.is_empty() || rest.starts_with('/'));
    bare.then_some((amount, rest))
}

/// A trailing `(nộp trực tiếp)`, `(qua bưu chính)`, `(nộp trực tuyến)`, in
/// `render::format`'s words.
fn strip_channel(s: &str) -> (&str, FeeChannel) {
    use FeeChannel::*;
    for channel in [InPerson, Postal, Online] {
        for lang in [Lang::Vi, Lang::En] {
            let Some(words) = format::fee_channel(channel, lang) else {
                continue;
            };
            let suffix = format!("({words})");
            if let Some(head) = s.strip_suffix(suffix.as_str()) {
                return (head.trim_end(), channel);
            }
        }
    }
    (s, All)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DeadlineMeasure::*;

    fn d(cell: &str) -> Option<(DeadlineMeasure, Option<u32>, Option<String>, bool)> {
        deadline(cell).map(|c| (c.measure, c.reduced_from, c.note, c.several))
    }

    #[test]
    fn deadlines_as_export_writes_them() {
        assert_eq!(
            d("03 ngày làm việc"),
            Some((WorkingDays(3), None, None, false))
        );
        assert_eq!(
            d("03 ngày làm việc\nĐã cắt giảm từ 05 ngày làm việc theo quy định\nKể từ ngày nhận."),
            Some((
                WorkingDays(3),
                Some(5),
                Some("Kể từ ngày nhận.".into()),
                false
            ))
        );
        assert_eq!(d("Trong ngày làm việc").map(|x| x.0), Some(WorkingDays(0)));
        let late = deadline("Trong ngày làm việc\nHồ sơ nhận sau 15:00 được tính như nhận vào ngày làm việc tiếp theo.\nNgay trong ngày.").unwrap();
        assert_eq!(
            (late.cutoff, late.note.as_deref()),
            (Some(900), Some("Ngay trong ngày."))
        );
        assert_eq!(d("30 ngày").map(|x| x.0), Some(CalendarDays(30)));
        assert_eq!(
            d("04 giờ\nTheo quy định: ngay").map(|x| x.2),
            Some(Some("Theo quy định: ngay".into()))
        );
        assert_eq!(
            d("02 tháng và 15 ngày làm việc").map(|x| x.0),
            Some(Text("02 tháng và 15 ngày làm việc".into()))
        );
        assert_eq!(
            d("3 working days\nShortened from the legal 5 working days").map(|x| (x.0, x.1)),
            Some((WorkingDays(3), Some(5)))
        );
        // Another unit, or a smaller number, is no reduction: words.
        assert_eq!(
            d("03 ngày làm việc\nĐã cắt giảm từ 05 ngày theo quy định").map(|x| (x.1, x.2)),
            Some((None, Some("Đã cắt giảm từ 05 ngày theo quy định".into())))
        );
    }

    #[test]
    fn deadlines_as_provinces_write_them() {
        assert_eq!(
            d("Không quá 02 (hai) ngày làm việc, kể từ ngày nhận đủ hồ sơ"),
            Some((
                WorkingDays(2),
                None,
                Some("Kể từ ngày nhận đủ hồ sơ".into()),
                false
            ))
        );
        assert_eq!(d("Ngay trong ngày").map(|x| x.0), Some(WorkingDays(0)));
        let cases = d("03 ngày làm việc; trường hợp xác minh không quá 05 ngày làm việc").unwrap();
        assert_eq!((cases.0, cases.3), (WorkingDays(3), true));
        let late =
            d("Trong ngày làm việc; nhận sau 15 giờ thì trả ngày làm việc tiếp theo").unwrap();
        assert_eq!((late.0, late.3), (WorkingDays(0), false));
        assert_eq!(d("Theo quy định"), None);
        assert_eq!(d("Sau 15 giờ"), None);
        assert_eq!(d(""), None);
    }

    type Read = (
        Option<String>,
        Option<u64>,
        Option<String>,
        FeeChannel,
        Option<String>,
    );

    fn f(cell: &str) -> Option<Vec<Read>> {
        fees(cell).map(|v| {
            v.into_iter()
                .map(|f| (f.name, f.amount, f.per, f.channel, f.note))
                .collect()
        })
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn fees_as_export_writes_them() {
        use FeeChannel::*;
        assert_eq!(f("Không thu phí"), Some(vec![]));
        assert_eq!(
            f("Phí cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh: 8.000 đồng/bản sao Trích lục/sự kiện hộ tịch đã đăng ký – Miễn cho hộ nghèo."),
            Some(vec![(s("Phí cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh"), Some(8000), s("bản sao Trích lục/sự kiện hộ tịch đã đăng ký"), All, s("Miễn cho hộ nghèo."))])
        );
        assert_eq!(
            f("Lệ phí: Miễn lệ phí (nộp trực tuyến) – Nộp trực tuyến: 0 đồng.\nLệ phí: 3.000 đồng (nộp trực tiếp) – Do HĐND tỉnh quyết định.\nLệ phí: Theo Nghị quyết của HĐND tỉnh (qua bưu chính)"),
            Some(vec![
                (s("Lệ phí"), Some(0), None, Online, s("Nộp trực tuyến: 0 đồng.")),
                (s("Lệ phí"), Some(3000), None, InPerson, s("Do HĐND tỉnh quyết định.")),
                (s("Lệ phí"), None, None, Postal, s("Theo Nghị quyết của HĐND tỉnh")),
            ])
        );
        assert_eq!(
            f("Phí: 1.000.000 VND/case (by post)"),
            Some(vec![(s("Phí"), Some(1_000_000), s("case"), Postal, None)])
        );
    }

    #[test]
    fn fees_as_provinces_write_them() {
        use FeeChannel::*;
        assert_eq!(f("Không"), Some(vec![]));
        assert_eq!(f("Miễn phí"), Some(vec![(None, Some(0), None, All, None)]));
        assert_eq!(
            f("50.000đ/trường hợp"),
            Some(vec![(None, Some(50000), s("trường hợp"), All, None)])
        );
        assert_eq!(
            f("2.000 đồng/trang, tối đa 200.000 đồng/bản"),
            Some(vec![(
                None,
                Some(2000),
                s("trang"),
                All,
                s("tối đa 200.000 đồng/bản")
            )])
        );
        assert_eq!(
            f("8.000/bản"),
            Some(vec![(None, Some(8000), s("bản"), All, None)])
        );
        // Words, not an amount: a resolution's number, a case's amount.
        assert_eq!(f("Theo Nghị quyết 12/2018/NQ-HĐND"), None);
        assert_eq!(f("12/2018/NQ-HĐND"), None);
        assert_eq!(
            f("Lệ phí: 50.000 đồng đối với cá nhân"),
            Some(vec![(
                s("Lệ phí"),
                None,
                None,
                All,
                s("50.000 đồng đối với cá nhân")
            )])
        );
        // A note written on two lines stays one note.
        assert_eq!(
            f("Lệ phí: 8.000 đồng – Miễn cho\nngười khuyết tật."),
            Some(vec![(
                s("Lệ phí"),
                Some(8000),
                None,
                All,
                s("Miễn cho người khuyết tật.")
            )])
        );
    }
}
