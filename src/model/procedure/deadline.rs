//! `deadline:`: one measure (working or calendar days, hours, or words),
//! a cut-off hour, and how much the ward shortened the legal deadline.

use crate::diag::Rule;
use crate::load::raw::{RawDeadline, Scalar, Slot, Spanned};
use crate::model::value::{self, Checked, Ctx, Parent};
use crate::model::*;
use crate::t;

pub(super) fn deadline(cx: &mut Ctx, slot: &Slot<RawDeadline>) -> Checked<Deadline> {
    let hint = t!(
        "viết một trong các cách tính, ví dụ:\ndeadline:\n  working_days: 3     # 3 ngày làm việc (0 = trong ngày)\nhoặc calendar_days: 30, hoặc hours: 4, hoặc text: 03 tháng (bằng lời)",
        "write one of the measures, e.g.:\ndeadline:\n  working_days: 3     # 3 working days (0 = same day)\nor calendar_days: 30, or hours: 4, or text: 03 tháng (in words)"
    );
    let d = cx.group(slot, "deadline", Parent::Top, hint.clone())?;
    let raw = &d.value;
    // Written, even empty: `working_days:` next to `hours: 4` is two measures.
    let written: Vec<(&str, &Scalar)> = [
        ("working_days", &raw.working_days),
        ("calendar_days", &raw.calendar_days),
        ("hours", &raw.hours),
        ("text", &raw.text),
    ]
    .into_iter()
    .filter(|(_, s)| !s.is_absent())
    .collect();
    let note = cx.opt_text(&raw.note);
    let cutoff = crate::model::calendar::cutoff(cx, &raw.cutoff);
    match written.as_slice() {
        [("text", slot)] => text_deadline(cx, slot, d, note, cutoff),
        [(key, slot)] => {
            let n = match value::given(slot) {
                Some(v) => cx.count(v, key),
                None => {
                    let l = match slot {
                        Slot::Value(v) => v.referenced,
                        Slot::Empty(l) => *l,
                        Slot::Absent => d.referenced,
                    };
                    let at = cx.loc(&l);
                    Err(cx.error(
                        Rule::EmptyValue,
                        at,
                        t!(
                            "khóa \"{key}\" chưa có số",
                            "the key \"{key}\" has no number"
                        ),
                        Some(t!(
                            "viết {key}: 3 (một số nguyên, 0 = trong ngày)",
                            "write {key}: 3 (a whole number, 0 = same day)"
                        )),
                    ))
                }
            };
            let reduced_from = reduced_from(cx, &raw.reduced_from, n.as_ref().ok().copied());
            let measure = match *key {
                "working_days" => DeadlineMeasure::WorkingDays(n?),
                "calendar_days" => DeadlineMeasure::CalendarDays(n?),
                _ => DeadlineMeasure::Hours(n?),
            };
            Ok(Deadline {
                measure,
                reduced_from: reduced_from?,
                note,
                cutoff: cutoff?,
            })
        }
        [] => {
            let at = cx.loc(&d.referenced);
            Err(cx.error(
                Rule::DeadlineMeasure,
                at,
                t!(
                    "thời hạn giải quyết chưa có cách tính",
                    "the deadline has no measure"
                ),
                Some(hint),
            ))
        }
        [_, (second, s), ..] => {
            let l = match s {
                Slot::Value(v) => v.referenced,
                Slot::Empty(l) => *l,
                Slot::Absent => d.referenced,
            };
            let at = cx.loc(&l);
            let keys: Vec<&str> = written.iter().map(|(k, _)| *k).collect();
            let keys = keys.join(", ");
            Err(cx.error(Rule::DeadlineMeasure, at, t!("thời hạn chỉ được có một cách tính, nhưng đang có: {keys}", "a deadline has exactly one measure, but this one has: {keys}"), Some(t!("giữ một trong working_days, calendar_days, hours, text và xóa \"{second}\"; ghi chú thêm vào note", "keep one of working_days, calendar_days, hours, text and delete \"{second}\"; put explanations in note"))))
        }
    }
}

/// `text:`, a deadline in words; `reduced_from` needs a number beside it.
fn text_deadline(
    cx: &mut Ctx,
    slot: &Scalar,
    d: &Spanned<RawDeadline>,
    note: Option<String>,
    cutoff: Checked<Option<u16>>,
) -> Checked<Deadline> {
    let text = cx.text(slot, "text", Parent::At(d.referenced), t!(
        "viết thời hạn bằng lời, ví dụ text: 03 tháng; nếu có số ngày thì dùng working_days, calendar_days hoặc hours",
        "write the deadline in words, e.g. text: 03 tháng; with a number of days use working_days, calendar_days or hours"
    ));
    if let Some(v) = value::given(&d.value.reduced_from) {
        let at = cx.loc(&v.referenced);
        return Err(cx.error(
            Rule::BadReduction,
            at,
            t!(
                "reduced_from chỉ dùng được khi thời hạn là một con số",
                "reduced_from needs a deadline in numbers"
            ),
            Some(t!(
                "viết thời hạn bằng working_days, calendar_days hoặc hours; hoặc xóa dòng reduced_from và ghi thời hạn theo quy định vào note",
                "write the deadline as working_days, calendar_days or hours; or delete reduced_from and put the legal deadline in note"
            )),
        ));
    }
    Ok(Deadline {
        measure: DeadlineMeasure::Text(text?),
        reduced_from: None,
        note,
        cutoff: cutoff?,
    })
}

/// `reduced_from`: the legal deadline before the ward shortened it, in the
/// same unit; it must be longer than the deadline kept (`n`).
fn reduced_from(cx: &mut Ctx, slot: &Scalar, n: Option<u32>) -> Checked<Option<u32>> {
    let Some(v) = value::given(slot) else {
        return Ok(None);
    };
    let from = cx.count(v, "reduced_from")?;
    match n {
        Some(n) if from <= n => {
            let at = cx.loc(&v.referenced);
            Err(cx.error(
                Rule::BadReduction,
                at,
                t!(
                    "thời hạn theo quy định ({from}) phải dài hơn thời hạn sau cắt giảm ({n})",
                    "the legal deadline ({from}) must be longer than the shortened one ({n})"
                ),
                Some(t!(
                    "reduced_from là thời hạn theo quy định trước khi cắt giảm, cùng đơn vị; nếu không cắt giảm thì xóa dòng này",
                    "reduced_from is the legal deadline before it was shortened, in the same unit; delete the line if it was not shortened"
                )),
            ))
        }
        _ => Ok(Some(from)),
    }
}
