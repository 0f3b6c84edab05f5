//! site.yaml and the fields' `_index.md`.

use super::value::{every, given, Checked, Ctx, Parent};
use super::{Feedback, Field, Hours, Office, SiteConfig, Staff};
use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::load::raw::{RawFieldIndex, RawHours, RawOffice, RawSite, RawStaff, Slot, Spanned};
use crate::load::Document;
use crate::t;
use std::path::Path;

pub fn validate_site(
    doc: &Document<RawSite>,
    root: &Path,
    field_slugs: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> Checked<SiteConfig> {
    let raw = doc.raw.as_ref().map_err(|why| *why)?;
    let mut cx = Ctx::new(doc, diags);
    let top = Parent::Top;
    let title = cx.text(
        &raw.title,
        "title",
        top,
        t!(
            "viết tên trang, ví dụ title: Thủ tục hành chính phường Thanh Trì",
            "write the site's name, e.g. title: Thủ tục hành chính phường Thanh Trì"
        ),
    );
    let base_url = cx.url(&raw.base_url, "base_url", top);
    let language = match given(&raw.language) {
        None => Ok(Lang::Vi),
        Some(v) => match Lang::parse(&v.value) {
            Some(l) => Ok(l),
            None => {
                let at = cx.loc(&v.referenced);
                let raw = v.value.trim();
                Err(cx.error(
                    "bad-choice",
                    at,
                    t!(
                        "ngôn ngữ \"{raw}\" không được hỗ trợ",
                        "the language \"{raw}\" is not supported"
                    ),
                    Some(t!(
                        "viết language: vi (tiếng Việt) hoặc language: en (tiếng Anh)",
                        "write language: vi (Vietnamese) or language: en (English)"
                    )),
                ))
            }
        },
    };
    let theme = cx
        .opt_text(&raw.theme)
        .unwrap_or_else(|| "default".to_string());
    if theme != "default" && !root.join("themes").join(&theme).is_dir() {
        let at = raw.theme.value().and_then(|v| cx.loc(&v.referenced));
        cx.error("no-theme", at, t!("không có giao diện \"{theme}\": thiếu thư mục themes/{theme}/", "there is no theme \"{theme}\": the folder themes/{theme}/ is missing"), Some(t!("tạo thư mục themes/{theme}/ cạnh content/, hoặc xóa dòng theme để dùng giao diện mặc định", "create themes/{theme}/ beside content/, or delete the theme line to use the default theme")));
    }
    let office = office(&mut cx, &raw.office, field_slugs);
    let online_portal = cx.opt_url(&raw.online_portal, "online_portal");
    let holidays = {
        let items = cx.list(&raw.holidays);
        let checked = items.iter().map(|h| cx.list_date(h, "holidays")).collect();
        every(checked)
    };
    Ok(SiteConfig {
        title: title?,
        base_url: base_url.map(|u| if u.ends_with('/') { u } else { format!("{u}/") })?,
        language: language?,
        theme,
        office: office?,
        online_portal: online_portal?,
        holidays: holidays?,
    })
}

fn office(cx: &mut Ctx, slot: &Slot<RawOffice>, field_slugs: &[&str]) -> Checked<Office> {
    let hint = t!("thêm nhóm office: với ít nhất name: (tên cơ quan), ví dụ:\noffice:\n  name: UBND phường Thanh Trì", "add an office: group with at least name:, e.g.:\noffice:\n  name: UBND phường Thanh Trì");
    let o = cx.group(slot, "office", Parent::Top, hint)?;
    let here = Parent::At(o.referenced);
    let raw = &o.value;
    let name = cx.text(
        &raw.name,
        "name",
        here,
        t!(
            "viết tên cơ quan, ví dụ name: UBND phường Thanh Trì",
            "write the office's name, e.g. name: UBND phường Thanh Trì"
        ),
    );
    let hours = {
        let items = cx.list(&raw.hours);
        let checked = items.iter().map(|h| hours(cx, h)).collect();
        every(checked)
    };
    let staff = {
        let items = cx.list(&raw.staff);
        let checked = items.iter().map(|s| staff(cx, s, field_slugs)).collect();
        every(checked)
    };
    let feedback = match raw.feedback.value() {
        Some(f) => Feedback {
            address: cx.opt_text(&f.value.address),
            phone: cx.opt_text(&f.value.phone),
            email: cx.opt_text(&f.value.email),
            hotline: cx.opt_text(&f.value.hotline),
        },
        None => Feedback::default(),
    };
    Ok(Office {
        name: name?,
        unit: cx.opt_text(&raw.unit),
        address: cx.opt_text(&raw.address),
        phone: cx.opt_text(&raw.phone),
        email: cx.opt_text(&raw.email),
        hours: hours?,
        staff: staff?,
        feedback,
    })
}

fn hours(cx: &mut Ctx, h: &Spanned<RawHours>) -> Checked<Hours> {
    let at = Parent::At(h.referenced);
    let days = cx.text(
        &h.value.days,
        "days",
        at,
        t!(
            "viết các ngày làm việc, ví dụ days: Thứ Hai - Thứ Sáu",
            "write the days, e.g. days: Thứ Hai - Thứ Sáu"
        ),
    );
    let time = cx.text(
        &h.value.time,
        "time",
        at,
        t!(
            "viết giờ làm việc trong ngoặc kép, ví dụ time: \"7:30 - 11:30\"",
            "write the hours in quotes, e.g. time: \"7:30 - 11:30\""
        ),
    );
    Ok(Hours {
        days: days?,
        time: time?,
    })
}

fn staff(cx: &mut Ctx, s: &Spanned<RawStaff>, field_slugs: &[&str]) -> Checked<Staff> {
    let name = cx.text(
        &s.value.name,
        "name",
        Parent::At(s.referenced),
        t!(
            "viết họ tên cán bộ, ví dụ name: Nguyễn Thị Lan",
            "write the person's name, e.g. name: Nguyễn Thị Lan"
        ),
    );
    let mut fields = Vec::new();
    for f in cx.list(&s.value.fields) {
        let slug = f.value.trim().to_string();
        if !field_slugs.contains(&slug.as_str()) {
            let at = cx.loc(&f.referenced);
            // Only names that can be fields: a badly named or reserved
            // folder is an error of its own, not a choice to offer.
            let known = field_slugs
                .iter()
                .filter(|f| {
                    crate::text::is_slug(f) && !crate::load::walk::RESERVED_FIELD_SLUGS.contains(f)
                })
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            cx.warning(
                "unknown-field",
                at,
                t!(
                    "cán bộ được phân công lĩnh vực \"{slug}\" nhưng không có thư mục lĩnh vực này",
                    "this staff member is assigned to the field \"{slug}\", which has no folder"
                ),
                Some(t!(
                    "viết tên thư mục của lĩnh vực: {known}",
                    "write a field folder's name: {known}"
                )),
            );
        }
        fields.push(slug);
    }
    Ok(Staff {
        name: name?,
        title: cx.opt_text(&s.value.title),
        phone: cx.opt_text(&s.value.phone),
        fields,
    })
}

pub fn validate_field(
    slug: &str,
    doc: &Document<RawFieldIndex>,
    diags: &mut Vec<Diagnostic>,
) -> Checked<Field> {
    let raw = doc.raw.as_ref().map_err(|why| *why)?;
    let mut cx = Ctx::new(doc, diags);
    let name = cx.text(
        &raw.name,
        "name",
        Parent::Top,
        t!(
            "viết tên lĩnh vực, ví dụ name: Hộ tịch",
            "write the field's name, e.g. name: Hộ tịch"
        ),
    );
    let order = match given(&raw.order) {
        None => Ok(None),
        Some(v) => match v.value.trim().parse::<i64>() {
            Ok(n) => Ok(Some(n)),
            Err(_) => {
                let at = cx.loc(&v.referenced);
                let raw = v.value.trim();
                Err(cx.error(
                    "bad-number",
                    at,
                    t!(
                        "thứ tự \"{raw}\" không phải số nguyên",
                        "the order \"{raw}\" is not a whole number"
                    ),
                    Some(t!(
                        "viết order: 1 (số nhỏ hiện trước)",
                        "write order: 1 (smaller numbers come first)"
                    )),
                ))
            }
        },
    };
    let description = cx.body(&doc.body);
    Ok(Field {
        slug: slug.to_string(),
        name: name?,
        order: order?,
        description: description?,
        source: doc.source.rel_path.clone(),
    })
}
