//! `deadline.cutoff` from the words that state it. The national records
//! have no key for it: they say it in a sentence, mostly in the steps
//! ("nếu tiếp nhận hồ sơ sau 15 giờ thì có Phiếu hẹn, trả kết quả … trong
//! ngày làm việc tiếp theo", 9 of the 236 commune records studied), once in
//! a method's description ("nếu thời điểm nhận hồ sơ sau 15 giờ cùng ngày
//! thì … trong ngày làm việc tiếp theo", 1.011441), and provincial tables
//! and clerks in the deadline's note ("sau 15h00", "sau 15 giờ 00"). A time
//! is read only from a clause that also speaks of receiving (`nhận`) and
//! of the next working day, so "trả kết quả trước 16 giờ" or a receipt
//! slip given "sau 15 giờ" for one case (1.004859) is not a cut-off. The
//! words stay in the note; the time is a review item to confirm.

use super::draft::DraftDeadline;
use super::record::{Channel, Record};
use super::review::Item;
use super::text::has_words;
use crate::t;
use crate::text::slugify;

/// A cut-off stated in `text`: minutes after midnight, and the clause
/// that says it (capitalised, ending with a full stop).
pub fn in_words(text: &str) -> Option<(u16, String)> {
    // Most texts say no time at all: looked at only when "sau" comes
    // before a digit somewhere (steps run to pages; this is per record).
    if !says_sau_then_digit(text) {
        return None;
    }
    for sentence in text.split(['\n', '.']) {
        for clause in sentence.split(';') {
            let Some((minutes, end)) = time_after_sau(clause) else {
                continue;
            };
            let folded = slugify(clause);
            if !(has_words(&folded, "ngay-lam-viec-tiep-theo") && has_words(&folded, "nhan")) {
                continue;
            }
            return Some((minutes, said(clause, end)));
        }
    }
    None
}

/// Whether "sau" (any case) is followed, after spaces, by a digit.
fn says_sau_then_digit(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).any(|i| {
        b[i..i + 3].eq_ignore_ascii_case(b"sau")
            && b[i + 3..]
                .iter()
                .find(|c| !c.is_ascii_whitespace())
                .is_some_and(u8::is_ascii_digit)
            && b[i + 3].is_ascii_whitespace()
    })
}

/// The clause as a note: up to "ngày làm việc tiếp theo" when that comes
/// after the time (a record's clause often runs on about another channel).
fn said(clause: &str, time_end: usize) -> String {
    let next = "ngày làm việc tiếp theo";
    let cut = clause[time_end..]
        .find(next)
        .map_or(clause.len(), |i| time_end + i + next.len());
    let words = super::text::one_line(&clause[..cut]);
    let words = words.trim_matches([',', ' ', '(', ')']);
    let mut cs = words.chars();
    let Some(first) = cs.next() else {
        return String::new();
    };
    format!("{}{}.", first.to_uppercase(), cs.as_str())
}

/// The words of `s` with their byte offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    s.split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect()
}

/// `sau 15 giờ`, `sau 15 giờ 00`, `sau 15 giờ 30 phút`, `sau 15h`,
/// `sau 15h00`, `sau 15:00`, `sau 15g30`: the time in minutes after
/// midnight and the byte where its words end.
fn time_after_sau(clause: &str) -> Option<(u16, usize)> {
    let w = words(clause);
    let bare = |i: usize| -> String {
        w.get(i)
            .map(|(_, x)| x.trim_end_matches([',', '.', ';', ')']).to_lowercase())
            .unwrap_or_default()
    };
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let is_unit = |s: &str| ["giờ", "h", "g"].contains(&s);
    for i in (0..w.len()).filter(|&i| w[i].1.eq_ignore_ascii_case("sau")) {
        let first = bare(i + 1);
        let digits: String = first.chars().take_while(char::is_ascii_digit).collect();
        let Ok(hour) = digits.parse::<u16>() else {
            continue;
        };
        let mark = &first[digits.len()..];
        // The minutes' text, the word they are (if a word of their own),
        // and the word of the unit.
        let (minutes, minute_word, unit_word) = match mark {
            "" if is_unit(&bare(i + 2)) => (bare(i + 3), Some(i + 3), i + 2),
            _ if is_unit(mark) || mark == ":" => (bare(i + 2), Some(i + 2), i + 1),
            _ => match mark.strip_prefix(['h', 'g', ':']) {
                Some(m) if two_digits(m) => (m.to_string(), None, i + 1),
                _ => continue,
            },
        };
        let mut last = unit_word;
        let minute = if two_digits(&minutes) {
            last = minute_word.unwrap_or(last);
            if bare(last + 1) == "phút" {
                last += 1;
            }
            minutes.parse::<u16>().ok()?
        } else {
            0
        };
        if hour < 24 && minute < 60 {
            let end = w.get(last).map_or(clause.len(), |(at, x)| at + x.len());
            return Some((hour * 60 + minute, end));
        }
    }
    None
}

/// Sets the deadline's `cutoff` from the words that state it: its note,
/// then the record's in-person descriptions and steps. The words stay in
/// the note (added when they came from elsewhere); the time is a review
/// item.
pub fn settle(d: &mut DraftDeadline, record: Option<&Record>, items: &mut Vec<Item>) {
    if d.cutoff.is_some() {
        return;
    }
    let mut sources: Vec<&str> = d.note.iter().map(String::as_str).collect();
    if let Some(r) = record {
        sources.extend(
            r.methods_of(Channel::Direct)
                .map(|m| m.description.as_str()),
        );
        sources.extend(r.steps.iter().map(|s| s.description.as_str()));
    }
    let Some((minutes, clause)) = sources.into_iter().find_map(in_words) else {
        return;
    };
    let time = format!("{:02}:{:02}", minutes / 60, minutes % 60);
    let in_note = d
        .note
        .as_deref()
        .is_some_and(|n| slugify(n).contains(&slugify(&clause)));
    if !in_note {
        d.note = Some(match d.note.take() {
            Some(n) => format!("{n} {clause}"),
            None => clause.clone(),
        });
    }
    d.cutoff = Some(time.clone());
    items.push(Item::new("cutoff", "deadline", t!(
        "giờ nhận hồ sơ muộn nhất cutoff: \"{time}\" đọc từ lời của bản ghi (\"{clause}\"): hồ sơ nhận sau giờ này được tính từ ngày làm việc tiếp theo; xác nhận",
        "the cut-off time cutoff: \"{time}\" was read from the record's words (\"{clause}\"): a dossier received later counts from the next working day; confirm it"
    )));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<String> {
        in_words(text).map(|(m, _)| format!("{:02}:{:02}", m / 60, m % 60))
    }

    #[test]
    fn the_records_own_phrasings() {
        // executionSteps of 1.001193, 1.000656, 2.000528… (national database).
        let steps = "thì tiếp nhận hồ sơ; nếu tiếp nhận hồ sơ sau 15 giờ thì có Phiếu hẹn, trả kết quả cho người yêu cầu trong ngày làm việc tiếp theo (nếu người yêu cầu nộp hồ sơ trực tiếp) hoặc gửi ngay Phiếu hẹn";
        let (m, clause) = in_words(steps).expect("read");
        assert_eq!(m, 15 * 60);
        assert_eq!(
            clause,
            "Nếu tiếp nhận hồ sơ sau 15 giờ thì có Phiếu hẹn, trả kết quả cho người yêu cầu trong ngày làm việc tiếp theo."
        );
        // executionMethods[].description of 1.011441.
        let method = "trong ngày làm việc nhận được hồ sơ hợp lệ; nếu thời điểm nhận hồ sơ sau 15 giờ cùng ngày thì có thể hoàn thành việc đăng ký trong ngày làm việc tiếp theo.";
        assert_eq!(at(method).as_deref(), Some("15:00"));
        // A deadline note as the example site and provinces write it.
        let note = "Trong ngày cơ quan, tổ chức tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo, nếu tiếp nhận yêu cầu sau 15 giờ.";
        assert_eq!(at(note).as_deref(), Some("15:00"));
    }

    #[test]
    fn times_written_every_way() {
        let say =
            |t: &str| format!("Nhận hồ sơ sau {t} thì trả kết quả trong ngày làm việc tiếp theo");
        for (t, want) in [
            ("15 giờ", "15:00"),
            ("15h00", "15:00"),
            ("15 giờ 00", "15:00"),
            ("15 giờ 30 phút", "15:30"),
            ("16h", "16:00"),
            ("15:30", "15:30"),
            ("15g30", "15:30"),
            ("15 h", "15:00"),
        ] {
            assert_eq!(at(&say(t)).as_deref(), Some(want), "{t}");
        }
        assert_eq!(at(&say("25 giờ")), None);
        assert_eq!(at(&say("15 ngày")), None);
    }

    #[test]
    fn a_time_without_the_next_working_day_is_no_cut_off() {
        // 1.004859: a receipt slip for one case, no next working day.
        let steps = "có Phiếu hẹn, trả kết quả cho người yêu cầu bổ sung thông tin hộ tịch (nếu tiếp nhận hồ sơ bổ sung thông tin hộ tịch sau 15 giờ) (nếu người yêu cầu nộp hồ sơ trực tiếp)";
        assert_eq!(at(steps), None);
        assert_eq!(
            at("Trả kết quả sau 16 giờ trong ngày làm việc tiếp theo"),
            None
        );
    }
}
