//! One procedure file → [`Procedure`], every rule of the format checked.

use super::value::{self, every, Checked, Ctx, Parent};
use super::*;
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::load::raw::{
    RawAnnouncement, RawChannels, RawDeadline, RawDocument, RawFee, RawLegalText, RawOnline,
    RawProcedure, Scalar, Slot, Spanned,
};
use crate::load::ProcedureDoc;
use crate::t;
use std::path::Path;

const LEVELS: &[(&str, Level)] = &[
    ("xa", Level::Xa),
    ("huyen", Level::Huyen),
    ("tinh", Level::Tinh),
];
const ONLINE_LEVELS: &[(&str, OnlineLevel)] = &[
    ("full", OnlineLevel::Full),
    ("partial", OnlineLevel::Partial),
];

/// A procedure not reviewed for this long gets a warning (rà soát).
const STALE_AFTER_MONTHS: i8 = 12;

pub fn validate_procedure(
    pd: &ProcedureDoc,
    content_dir: &Path,
    today: Date,
    diags: &mut Vec<Diagnostic>,
) -> Checked<Procedure> {
    let doc = pd.doc.as_ref().map_err(|why| *why)?;
    let raw = doc.raw.as_ref().map_err(|why| *why)?;
    let mut cx = Ctx::new(doc, diags);
    let top = Parent::Top;
    let code = code(&mut cx, &raw.code);
    let title = cx.text(
        &raw.title,
        "title",
        top,
        t!(
            "viết tên thủ tục, ví dụ title: Đăng ký khai sinh",
            "write the procedure's name, e.g. title: Đăng ký khai sinh"
        ),
    );
    let aliases = {
        let items = cx.list(&raw.aliases);
        cx.texts(items, "aliases")
    };
    let level = cx.choice(&raw.level, "level", LEVELS, Some(Level::Xa), top);
    let result = cx.text(
        &raw.result,
        "result",
        top,
        t!(
            "viết kết quả thực hiện, ví dụ result: Giấy khai sinh (bản chính)",
            "write what the citizen receives, e.g. result: Giấy khai sinh (bản chính)"
        ),
    );
    let deadline = deadline(&mut cx, &raw.deadline);
    let fees = fees(&mut cx, &raw.fees);
    let documents = documents(&mut cx, &raw.documents, &pd.dir, content_dir);
    let channels = channels(&mut cx, &raw.channels);
    let steps = steps(&mut cx, raw);
    let conditions = {
        let items = cx.list(&raw.conditions);
        cx.texts(items, "conditions")
    };
    let legal_basis = legal_basis(&mut cx, raw);
    let updated = cx.date(&raw.updated, "updated", top);
    if let (Ok(u), Some(v)) = (&updated, raw.updated.value()) {
        let name = title.as_deref().unwrap_or(&pd.slug);
        review_date(&mut cx, *u, &v.referenced, today, name);
    }
    let announced_by = match raw.announced_by.value() {
        None => Ok(None),
        Some(a) => announcement(&mut cx, a).map(Some),
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
    let non_territorial = cx.flag(&raw.non_territorial, "non_territorial", false);
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
        updated: updated?,
        announced_by: announced_by?,
        effective: effective?,
        repealed: repealed?,
        non_territorial: non_territorial?,
        submit_at,
        body: body?,
        body_line: doc.body_line,
        provenance: source?,
    })
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

fn deadline(cx: &mut Ctx, slot: &Slot<RawDeadline>) -> Checked<Deadline> {
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
    let cutoff = super::calendar::cutoff(cx, &raw.cutoff);
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

fn fees(cx: &mut Ctx, slot: &Slot<Vec<Spanned<RawFee>>>) -> Checked<Vec<Fee>> {
    let hint = t!(
        "viết danh sách phí, lệ phí; thủ tục không có phí, lệ phí nào thì viết fees: [] (in \"Không thu phí\"); lệ phí được miễn thì vẫn viết nó, với amount: 0 (in \"Miễn lệ phí\")",
        "write the list of fees; write fees: [] when the procedure has no fee (printed \"No fee\"); a fee that is waived is still written, with amount: 0 (printed as exempt)"
    );
    let items = cx.required_list(slot, "fees", hint)?;
    let checked = items.iter().map(|f| fee(cx, f)).collect();
    every(checked)
}

fn fee(cx: &mut Ctx, f: &Spanned<RawFee>) -> Checked<Fee> {
    let at = Parent::At(f.referenced);
    let name = cx.text(
        &f.value.name,
        "name",
        at,
        t!(
            "viết tên khoản phí, ví dụ name: Lệ phí đăng ký khai sinh",
            "write the fee's name, e.g. name: Lệ phí đăng ký khai sinh"
        ),
    );
    // An amount may be left out only when the note says what it is (the
    // province decides it, a rate per page with a cap…): never "free".
    let note = cx.opt_text(&f.value.note);
    let amount = if value::given(&f.value.amount).is_none() && note.is_some() {
        Ok(None)
    } else {
        cx.amount(&f.value.amount, at).map(Some)
    };
    let channels = FeeChannel::ALL.map(|c| (c.name(), c));
    let channel = cx.choice(
        &f.value.channel,
        "channel",
        &channels,
        Some(FeeChannel::All),
        at,
    );
    Ok(Fee {
        name: name?,
        amount: amount?,
        note,
        per: cx.opt_text(&f.value.per),
        channel: channel?,
    })
}

fn documents(
    cx: &mut Ctx,
    slot: &Slot<Vec<Spanned<RawDocument>>>,
    dir: &Path,
    content_dir: &Path,
) -> Checked<Vec<Document>> {
    let hint = t!("viết thành phần hồ sơ, mỗi giấy tờ một mục \"- name: ...\"; nếu không cần giấy tờ gì thì viết documents: []", "write the documents, each as an item \"- name: ...\"; write documents: [] when none are needed");
    let items = cx.required_list(slot, "documents", hint)?;
    let checked = items
        .iter()
        .map(|d| document(cx, d, dir, content_dir))
        .collect();
    every(checked)
}

fn document(
    cx: &mut Ctx,
    d: &Spanned<RawDocument>,
    dir: &Path,
    content_dir: &Path,
) -> Checked<Document> {
    let raw = &d.value;
    let name = cx.text(
        &raw.name,
        "name",
        Parent::At(d.referenced),
        t!(
            "viết tên giấy tờ, ví dụ name: Tờ khai đăng ký khai sinh",
            "write the document's name, e.g. name: Tờ khai đăng ký khai sinh"
        ),
    );
    let originals = cx.count_or(&raw.originals, "originals", 1);
    let copies = cx.count_or(&raw.copies, "copies", 0);
    let form = attachment(cx, &raw.form, "form", dir, content_dir);
    let sample = attachment(cx, &raw.sample, "sample", dir, content_dir);
    let present = cx.flag(&raw.present, "present", false);
    let optional = cx.flag(&raw.optional, "optional", false);
    Ok(Document {
        name: name?,
        originals: originals?,
        copies: copies?,
        form: form?,
        sample: sample?,
        note: cx.opt_text(&raw.note),
        present: present?,
        optional: optional?,
        case: cx.opt_text(&raw.case),
    })
}

/// The kinds of file a ward posts for citizens to download: documents that
/// open in an office suite or a PDF reader, and plain pictures. Nothing a
/// browser runs or renders as a page (`.html`, `.svg`, `.xml`, `.js`…):
/// a form is published beside the procedure's page, on the same site, and
/// such a file would run its script in the citizen's browser.
const PUBLISHABLE: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "png", "jpg", "jpeg",
];
const PUBLISHABLE_VI: &str =
    "tệp PDF, Word (.doc, .docx), Excel (.xls, .xlsx), OpenDocument (.odt, .ods) và ảnh .png, .jpg, .jpeg";
const PUBLISHABLE_EN: &str =
    "PDF, Word (.doc, .docx), Excel (.xls, .xlsx), OpenDocument (.odt, .ods) files and .png, .jpg, .jpeg pictures";

/// Whether a form or sample of this name may be published (its extension,
/// which is lowercase by the name rule).
fn is_publishable(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| PUBLISHABLE.contains(&ext))
}

/// A `form`/`sample`: a file name beside the procedure, inside content/.
fn attachment(
    cx: &mut Ctx,
    slot: &Scalar,
    key: &str,
    dir: &Path,
    content_dir: &Path,
) -> Checked<Option<Attachment>> {
    let Some(v) = value::given(slot) else {
        return Ok(None);
    };
    let name = v.value.trim();
    let at = cx.loc(&v.referenced);
    let beside = t!(
        "chỉ viết tên tệp nằm cạnh tệp thủ tục, ví dụ {key}: to-khai.pdf",
        "write only the name of a file beside the procedure, e.g. {key}: to-khai.pdf"
    );
    let is_absolute =
        name.starts_with('/') || name.starts_with('\\') || name.get(1..2) == Some(":");
    if is_absolute {
        return Err(cx.error(
            Rule::FormPath,
            at,
            t!(
                "\"{name}\" là đường dẫn tuyệt đối; tệp mẫu phải nằm trong content/",
                "\"{name}\" is an absolute path; form files must be inside content/"
            ),
            Some(beside),
        ));
    }
    if name.split(['/', '\\']).any(|part| part == "..") {
        return Err(cx.error(
            Rule::FormPath,
            at,
            t!(
                "\"{name}\" trỏ ra ngoài thư mục của thủ tục (có \"..\")",
                "\"{name}\" leads out of the procedure's folder (it has \"..\")"
            ),
            Some(beside),
        ));
    }
    if name.contains(['/', '\\']) {
        return Err(cx.error(
            Rule::FormPath,
            at,
            t!(
                "\"{name}\" nằm trong thư mục khác; tệp mẫu phải nằm ngay cạnh tệp thủ tục",
                "\"{name}\" is in another folder; form files must be right beside the procedure"
            ),
            Some(beside),
        ));
    }
    // A name the walk would skip (`_…`, `.…`) or refuse is refused here
    // too: it must not become a published file by being named here.
    if let Some(fixed) = crate::load::walk::attachment_name_fix(name) {
        return Err(cx.error(
            Rule::BadName,
            at,
            t!(
                "tên tệp \"{name}\" không dùng được để đăng: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, rồi đuôi tệp",
                "the file name \"{name}\" cannot be published: use only lowercase letters without accents, digits and hyphens, then the extension"
            ),
            Some(t!(
                "đổi tên tệp thành {fixed} rồi viết {key}: {fixed}",
                "rename the file to {fixed} and write {key}: {fixed}"
            )),
        ));
    }
    if !is_publishable(name) {
        let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
        return Err(cx.error(
            Rule::FormType,
            at,
            t!(
                "không đăng được tệp \"{name}\" (loại .{ext}): chỉ đăng được {PUBLISHABLE_VI}",
                "\"{name}\" (a .{ext} file) cannot be published: only {PUBLISHABLE_EN} can"
            ),
            Some(t!(
                "lưu mẫu thành PDF (trong Word: File → Save As, chọn PDF) rồi viết {key}: với tên tệp .pdf",
                "save the form as PDF (in Word: File → Save As, choose PDF) and write {key}: with the .pdf name"
            )),
        ));
    }
    let path = dir.join(name);
    // `metadata` follows a link and opens nothing: a FIFO here would make
    // the build wait forever when it copies the file.
    let meta = std::fs::metadata(&path);
    if let Some(m) = meta.as_ref().ok().filter(|m| !m.is_file()) {
        let words = match crate::load::walk::special_kind(m.file_type()) {
            Some(what) => what.words(),
            None => t!("một thư mục", "a folder"),
        };
        let (vi, en) = (&words.vi, &words.en);
        return Err(cx.error(
            Rule::FormNotFile,
            at,
            t!(
                "\"{name}\" không phải một tệp thường mà là {vi}",
                "\"{name}\" is not a regular file but {en}"
            ),
            Some(t!(
                "đặt tệp mẫu thật (PDF, Word, Excel…) vào chỗ đó",
                "put the real form file (PDF, Word, Excel…) in its place"
            )),
        ));
    }
    if meta.is_err() {
        let near = nearest_file(dir, name);
        let hint = match near {
            Some(n) => t!(
                "có phải \"{n}\"? Tên tệp phải viết đúng từng chữ",
                "did you mean \"{n}\"? File names must match exactly"
            ),
            None => t!(
                "chép tệp \"{name}\" vào thư mục {}, hoặc sửa lại tên",
                "copy \"{name}\" into {}, or correct the name",
                rel_dir(cx)
            ),
        };
        return Err(cx.error(
            Rule::FormMissing,
            at,
            t!(
                "không tìm thấy tệp \"{name}\" cạnh tệp thủ tục",
                "the file \"{name}\" is not beside the procedure"
            ),
            Some(hint),
        ));
    }
    let inside = match (path.canonicalize(), content_dir.canonicalize()) {
        (Ok(p), Ok(c)) => p.starts_with(c),
        _ => false,
    };
    if !inside {
        return Err(cx.error(
            Rule::LinkOutside,
            at,
            t!(
                "tệp \"{name}\" là liên kết (symlink) trỏ ra ngoài thư mục content/",
                "\"{name}\" is a link (symlink) that leads outside content/"
            ),
            Some(t!(
                "chép tệp thật vào cạnh tệp thủ tục",
                "copy the real file beside the procedure"
            )),
        ));
    }
    Ok(Some(Attachment {
        name: name.to_string(),
        path,
    }))
}

fn rel_dir(cx: &Ctx) -> String {
    cx.src
        .rel_path
        .parent()
        .map_or(String::new(), |p| p.to_string_lossy().replace('\\', "/"))
}

fn nearest_file(dir: &Path, name: &str) -> Option<String> {
    let entries = std::fs::read_dir(dir).ok()?;
    entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".md"))
        .map(|n| {
            (
                strsim::levenshtein(&n.to_lowercase(), &name.to_lowercase()),
                n,
            )
        })
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, n)| n)
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
        ONLINE_LEVELS,
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
