//! One procedure file → [`Procedure`], every rule of the format checked;
//! the longer sections (`deadline`, `fees`, `documents`) in their own files.

use super::value::{every, Checked, Ctx, Parent};
use super::*;
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::load::raw::{
    RawAnnouncement, RawChannels, RawLegalText, RawOnline, RawProcedure, Scalar, Slot, Spanned,
};
use crate::load::ProcedureDoc;
use crate::t;

mod deadline;
mod documents;
mod fees;
use deadline::deadline;
use documents::documents;
use fees::fees;

/// A procedure not reviewed for this long gets a warning (rà soát).
const STALE_AFTER_MONTHS: i8 = 12;

pub fn validate_procedure(
    pd: &ProcedureDoc,
    today: Date,
    diags: &mut Vec<Diagnostic>,
) -> Checked<Procedure> {
    let doc = pd.doc.as_ref().map_err(|why| *why)?;
    let raw = doc.raw.as_ref().map_err(|why| *why)?;
    let mut cx = Ctx::new(doc, diags);
    let top = Parent::Top;
    let code = code(&mut cx, &raw.code);
    let title = title(&mut cx, &raw.title);
    let aliases = {
        let items = cx.list(&raw.aliases);
        cx.texts(items, "aliases")
    };
    let level = cx.choice(
        &raw.level,
        "level",
        (&Level::ALL, Level::name),
        Some(Level::Xa),
        top,
    );
    let result = result(&mut cx, &raw.result);
    let deadline = deadline(&mut cx, &raw.deadline);
    let fees = fees(&mut cx, &raw.fees);
    let documents = documents(&mut cx, &raw.documents, &pd.attachments);
    let channels = channels(&mut cx, &raw.channels);
    let steps = steps(&mut cx, raw);
    let conditions = {
        let items = cx.list(&raw.conditions);
        cx.texts(items, "conditions")
    };
    let legal_basis = legal_basis(&mut cx, raw);
    let name = title.as_deref().unwrap_or(&pd.slug);
    let dates = dates(&mut cx, raw, today, name);
    let non_territorial = cx.flag(&raw.non_territorial, "non_territorial", false);
    let featured = cx.flag(&raw.featured, "featured", false);
    let (audience, agency, submit_at) = (
        cx.opt_text(&raw.audience),
        cx.opt_text(&raw.agency),
        cx.opt_text(&raw.submit_at),
    );
    let body = cx.body(&doc.body);
    let source = match raw.source.value() {
        None => Ok(None),
        Some(s) => super::source::source(&mut cx, s).map(Some),
    };
    Ok(Procedure {
        field: pd.field.clone(),
        slug: pd.slug.clone(),
        source: pd.rel.clone(),
        code: code?,
        title: title?,
        aliases: aliases?,
        level: level?,
        audience,
        agency,
        result: result?,
        deadline: deadline?,
        fees: fees?,
        documents: documents?,
        channels: channels?,
        steps: steps?,
        conditions: conditions?,
        legal_basis: legal_basis?,
        updated: dates.updated?,
        announced_by: dates.announced_by?,
        effective: dates.effective?,
        repealed: dates.repealed?,
        non_territorial: non_territorial?,
        submit_at,
        featured: featured?,
        body: body?,
        body_line: doc.body_line,
        provenance: source?,
        text_digest: {
            use std::hash::{Hash, Hasher};
            let mut h = std::hash::DefaultHasher::new();
            doc.source.text.hash(&mut h);
            h.finish()
        },
    })
}

fn title(cx: &mut Ctx, slot: &Scalar) -> Checked<String> {
    cx.text(
        slot,
        "title",
        Parent::Top,
        t!(
            "viết tên thủ tục, ví dụ title: Đăng ký khai sinh",
            "write the procedure's name, e.g. title: Đăng ký khai sinh"
        ),
    )
}

fn result(cx: &mut Ctx, slot: &Scalar) -> Checked<String> {
    cx.text(
        slot,
        "result",
        Parent::Top,
        t!(
            "viết kết quả thực hiện, ví dụ result: Giấy khai sinh (bản chính)",
            "write what the citizen receives, e.g. result: Giấy khai sinh (bản chính)"
        ),
    )
}

/// A procedure's dates, each checked on its own so that every problem is
/// reported in one run.
struct Dates {
    updated: Checked<Date>,
    announced_by: Checked<Option<Announcement>>,
    effective: Checked<Option<Date>>,
    repealed: Checked<Option<Date>>,
}

/// `updated` (not in the future, not stale: `name` is the procedure's, for
/// the warning), `announced_by`, and `effective` before `repealed`.
fn dates(cx: &mut Ctx, raw: &RawProcedure, today: Date, name: &str) -> Dates {
    let updated = cx.date(&raw.updated, "updated", Parent::Top);
    if let (Ok(u), Some(v)) = (&updated, raw.updated.value()) {
        review_date(cx, *u, &v.referenced, today, name);
    }
    let announced_by = match raw.announced_by.value() {
        None => Ok(None),
        Some(a) => announcement(cx, a).map(Some),
    };
    let effective = cx.opt_date(&raw.effective, "effective");
    let repealed = cx.opt_date(&raw.repealed, "repealed");
    if let (Ok(Some(e)), Ok(Some(r)), Some(v)) = (&effective, &repealed, raw.repealed.value()) {
        if r <= e {
            let at = cx.loc(&v.referenced);
            cx.error(
                Rule::BadDateOrder,
                at,
                t!(
                    "ngày bãi bỏ ({r}) phải sau ngày có hiệu lực ({e})",
                    "the repeal date ({r}) must come after the effective date ({e})"
                ),
                None,
            );
        }
    }
    Dates {
        updated,
        announced_by,
        effective,
        repealed,
    }
}

/// `code`: optional, written without spaces or hidden characters (it is
/// compared across the site without them: [`super::code_key`]).
fn code(cx: &mut Ctx, slot: &Scalar) -> Checked<Option<String>> {
    let (Some(c), Some(v)) = (cx.opt_text(slot), slot.value()) else {
        return Ok(None);
    };
    // Spaces, even special ones, get the message about spaces below.
    let hidden = |ch: char| crate::text::is_hidden(ch) && !ch.is_whitespace();
    if let Some(h) = c.chars().find(|&ch| hidden(ch)) {
        let at = cx.loc(&v.referenced);
        let shown = c.escape_debug().to_string();
        let code = h as u32;
        let clean = super::code_key(&c);
        return Err(cx.error(
            Rule::BadCode,
            at,
            t!(
                "mã thủ tục \"{shown}\" có ký tự ẩn (U+{code:04X}), không thấy được nhưng làm mã khác đi",
                "the procedure code \"{shown}\" holds a hidden character (U+{code:04X}): invisible, but it makes the code different"
            ),
            Some(t!(
                "xóa mã rồi gõ lại bằng bàn phím (ký tự ẩn thường có khi chép từ trang web hoặc Word): code: \"{clean}\"",
                "delete the code and type it again on the keyboard (hidden characters come with text copied from the web or Word): code: \"{clean}\""
            )),
        ));
    }
    if c.chars().any(char::is_whitespace) {
        let at = cx.loc(&v.referenced);
        return Err(cx.error(
            Rule::BadCode,
            at,
            t!(
                "mã thủ tục \"{c}\" có dấu cách",
                "the procedure code \"{c}\" contains spaces"
            ),
            Some(t!(
                "viết liền, trong ngoặc kép, ví dụ code: \"1.001193\"",
                "write it without spaces, in quotes, e.g. code: \"1.001193\""
            )),
        ));
    }
    Ok(Some(c))
}

fn steps(cx: &mut Ctx, raw: &RawProcedure) -> Checked<Vec<String>> {
    let hint = t!(
        "viết các bước thực hiện, mỗi bước một dòng bắt đầu bằng \"- \"",
        "write the steps, one per line starting with \"- \""
    );
    let items = cx.required_list(&raw.steps, "steps", hint)?;
    if items.is_empty() {
        let at = raw.steps.value().and_then(|v| cx.loc(&v.referenced));
        return Err(cx.error(
            Rule::EmptyList,
            at,
            t!(
                "\"steps\" (trình tự thực hiện) cần ít nhất một bước",
                "\"steps\" needs at least one step"
            ),
            Some(t!(
                "viết mỗi bước một dòng bắt đầu bằng \"- \"",
                "write each step on a line starting with \"- \""
            )),
        ));
    }
    cx.texts(items, "steps")
}

fn announcement(cx: &mut Ctx, a: &Spanned<RawAnnouncement>) -> Checked<Announcement> {
    let number = cx.text(
        &a.value.number,
        "number",
        Parent::At(a.referenced),
        t!(
            "viết số quyết định, ví dụ number: 3152/QĐ-UBND",
            "write the decision's number, e.g. number: 3152/QĐ-UBND"
        ),
    );
    let date = cx.opt_date(&a.value.date, "date");
    Ok(Announcement {
        number: number?,
        date: date?,
    })
}

fn review_date(cx: &mut Ctx, updated: Date, at: &serde_saphyr::Location, today: Date, title: &str) {
    let at = cx.loc(at);
    let stale_before = today
        .checked_sub(jiff::Span::new().months(STALE_AFTER_MONTHS))
        .unwrap_or(today);
    if updated > today {
        cx.error(
            Rule::FutureDate,
            at,
            t!(
                "ngày cập nhật {updated} ở tương lai (hôm nay là {today})",
                "the update date {updated} is in the future (today is {today})"
            ),
            Some(t!(
                "viết ngày đã cập nhật thật, không muộn hơn hôm nay",
                "write the real date of the update, no later than today"
            )),
        );
    } else if updated < stale_before {
        cx.warning(
            Rule::Stale,
            at,
            t!(
                "\"{title}\" cập nhật lần cuối {updated}, đã quá {STALE_AFTER_MONTHS} tháng",
                "\"{title}\" was last updated {updated}, over {STALE_AFTER_MONTHS} months ago"
            ),
            Some(t!(
                "rà soát lại với Cơ sở dữ liệu quốc gia về thủ tục hành chính rồi sửa ngày updated",
                "review it against the national procedure database, then update the date"
            )),
        );
    }
}

fn channels(cx: &mut Ctx, slot: &Slot<RawChannels>) -> Checked<Channels> {
    let Some(c) = slot.value() else {
        return Ok(Channels {
            in_person: true,
            postal: false,
            online: None,
        });
    };
    let raw = &c.value;
    // Every one-stop office takes dossiers at the counter unless told otherwise.
    let in_person = cx.flag(&raw.in_person, "in_person", true);
    let postal = cx.flag(&raw.postal, "postal", false);
    let online = match &raw.online {
        Slot::Value(o) => online(cx, o).map(Some),
        Slot::Absent => Ok(None),
        Slot::Empty(l) => {
            let at = cx.loc(l);
            Err(cx.error(
                Rule::EmptyValue,
                at,
                t!(
                    "nhóm \"online\" chưa có địa chỉ nộp trực tuyến",
                    "the \"online\" group has no address"
                ),
                Some(t!(
                    "viết url: https://... ở dòng dưới, thụt vào; hoặc xóa dòng online",
                    "write url: https://... on the line below, indented; or delete the online line"
                )),
            ))
        }
    };
    let (in_person, postal, online) = (in_person?, postal?, online?);
    if !in_person && !postal && online.is_none() {
        let at = cx.loc(&c.referenced);
        return Err(cx.error(
            Rule::NoChannel,
            at,
            t!(
                "thủ tục không có cách nộp hồ sơ nào",
                "the procedure has no way to submit"
            ),
            Some(t!(
                "bật ít nhất một cách: in_person: true, postal: true hoặc online với url",
                "enable at least one: in_person: true, postal: true or online with a url"
            )),
        ));
    }
    Ok(Channels {
        in_person,
        postal,
        online,
    })
}

fn online(cx: &mut Ctx, o: &Spanned<RawOnline>) -> Checked<Online> {
    let at = Parent::At(o.referenced);
    let url = cx.url(&o.value.url, "url", at);
    let level = cx.choice(
        &o.value.level,
        "level",
        (&OnlineLevel::ALL, OnlineLevel::name),
        Some(OnlineLevel::Partial),
        at,
    );
    Ok(Online {
        url: url?,
        level: level?,
    })
}

fn legal_basis(cx: &mut Ctx, raw: &RawProcedure) -> Checked<Vec<LegalText>> {
    let hint = t!("viết căn cứ pháp lý, mỗi văn bản một mục, ví dụ:\nlegal_basis:\n  - number: 60/2014/QH13\n    title: Luật Hộ tịch", "write the legal basis, one item per text, e.g.:\nlegal_basis:\n  - number: 60/2014/QH13\n    title: Luật Hộ tịch");
    let items = cx.required_list(&raw.legal_basis, "legal_basis", hint.clone())?;
    if items.is_empty() {
        let at = raw.legal_basis.value().and_then(|v| cx.loc(&v.referenced));
        return Err(cx.error(
            Rule::EmptyList,
            at,
            t!(
                "\"legal_basis\" (căn cứ pháp lý) cần ít nhất một văn bản",
                "\"legal_basis\" needs at least one legal text"
            ),
            Some(hint),
        ));
    }
    let checked = items.iter().map(|l| legal_text(cx, l)).collect();
    every(checked)
}

fn legal_text(cx: &mut Ctx, l: &Spanned<RawLegalText>) -> Checked<LegalText> {
    let number = cx.text(
        &l.value.number,
        "number",
        Parent::At(l.referenced),
        t!(
            "viết số hiệu văn bản, ví dụ number: 123/2015/NĐ-CP",
            "write the text's number, e.g. number: 123/2015/NĐ-CP"
        ),
    );
    let date = cx.opt_date(&l.value.date, "date");
    Ok(LegalText {
        number: number?,
        title: cx.opt_text(&l.value.title),
        date: date?,
    })
}
