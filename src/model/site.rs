//! site.yaml and the fields' `_index.md`.

use super::value::{every, given, Checked, Ctx, Parent};
use super::{Feedback, Field, Hours, Kiosk, Office, SiteConfig, Staff};
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::lang::Lang;
use crate::load::raw::{
    RawFieldIndex, RawHours, RawKiosk, RawOffice, RawSite, RawStaff, Scalar, Slot, Spanned,
};
use crate::load::Document;
use crate::t;
use std::path::{Path, PathBuf};

pub fn validate_site(
    doc: &Document<RawSite>,
    root: &Path,
    field_slugs: &[&str],
    today: super::Date,
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
                    Rule::BadChoice,
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
    let theme = theme(&mut cx, &raw.theme, root);
    let office = office(&mut cx, &raw.office, field_slugs);
    let online_portal = cx.opt_url(&raw.online_portal, "online_portal");
    let holidays = {
        let items = cx.list(&raw.holidays);
        let checked = items.iter().map(|h| cx.list_date(h, "holidays")).collect();
        every(checked)
    };
    let workdays = super::calendar::workdays(&mut cx, raw);
    if let (Ok(h), Ok(w)) = (&holidays, &workdays) {
        super::calendar::calendar_warnings(&mut cx, raw, h, w, today);
    }
    super::calendar::hours_warnings(&mut cx, &raw.office);
    let kiosk = kiosk(&mut cx, &raw.kiosk);
    let synonyms = {
        let items = cx.list(&raw.synonyms);
        super::synonyms::site_synonyms(&mut cx, items)
    };
    Ok(SiteConfig {
        title: title?,
        base_url: base_url.map(|u| if u.ends_with('/') { u } else { format!("{u}/") })?,
        language: language?,
        theme: theme?,
        office: office?,
        online_portal: online_portal?,
        holidays: holidays?,
        workdays: workdays?,
        kiosk: kiosk?,
        synonyms: synonyms?,
    })
}

fn kiosk_hint() -> crate::lang::Text {
    t!(
        "viết kiosk: false để tắt, hoặc một nhóm, ví dụ:\nkiosk:\n  idle_seconds: 90\n  print: true",
        "write kiosk: false to turn it off, or a group, e.g.:\nkiosk:\n  idle_seconds: 90\n  print: true"
    )
}

/// `kiosk:` left out, empty or `true`: on, with the defaults; `false`: off;
/// a group: on, with its settings.
fn kiosk(cx: &mut Ctx, slot: &Slot<RawKiosk>) -> Checked<Option<Kiosk>> {
    let Some(v) = slot.value() else {
        return Ok(Some(Kiosk::default()));
    };
    let settings = match &v.value {
        RawKiosk::Flag(text) => {
            return match text.trim().to_lowercase().as_str() {
                "true" | "yes" | "có" | "co" => Ok(Some(Kiosk::default())),
                "false" | "no" | "không" | "khong" => Ok(None),
                other => {
                    let at = cx.loc(&v.referenced);
                    Err(cx.error(
                        Rule::BadKiosk,
                        at,
                        t!(
                            "\"kiosk\" nhận false (tắt màn hình tra cứu) hoặc một nhóm cài đặt, không phải \"{other}\"",
                            "\"kiosk\" takes false (no touch screen) or a group of settings, not \"{other}\""
                        ),
                        Some(kiosk_hint()),
                    ))
                }
            };
        }
        RawKiosk::Settings(s) => s,
    };
    let idle_seconds = match given(&settings.idle_seconds) {
        None => Ok(Kiosk::DEFAULT_IDLE_SECONDS),
        Some(n) => cx.count(n, "idle_seconds").and_then(|secs| {
            let (min, max) = (Kiosk::MIN_IDLE_SECONDS, Kiosk::MAX_IDLE_SECONDS);
            if (min..=max).contains(&secs) {
                return Ok(secs);
            }
            let at = cx.loc(&n.referenced);
            Err(cx.error(
                Rule::BadIdle,
                at,
                t!(
                    "idle_seconds: {secs} giây nằm ngoài khoảng {min} đến {max} giây",
                    "idle_seconds: {secs} seconds is outside {min} to {max} seconds"
                ),
                Some(t!(
                    "ngắn quá thì người đang đọc bị ngắt, dài quá thì người sau thấy màn hình của người trước; thường dùng idle_seconds: {}",
                    "too short interrupts a person reading, too long leaves a screen for the next person; the usual value is idle_seconds: {}",
                    Kiosk::DEFAULT_IDLE_SECONDS
                )),
            ))
        }),
    };
    let print = cx.flag(&settings.print, "print", true);
    Ok(Some(Kiosk {
        idle_seconds: idle_seconds?,
        print: print?,
    }))
}

/// The theme every page is made with.
pub const DEFAULT_THEME: &str = "default";

/// Why `theme:` names no folder that may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeProblem {
    /// Not a plain folder name (a path, `..`, capitals, spaces…).
    NotAName,
    /// `themes/NAME/` is not there.
    Missing,
    /// `themes/NAME/` (or its `templates/`, `static/`) is a link that leads
    /// outside the site's folder.
    Outside,
}

/// The folder of the theme `name`, `<root>/themes/<name>/`: the one way
/// from the name in `site.yaml` to a path (check reports its problems, the
/// theme loader refuses them). The name is a slug, so it can never be a
/// path (`/etc`, `../..`, `C:\`); the folder, links followed, stays inside
/// the site, so no folder from elsewhere is published. `Ok(None)`: the
/// default theme with no local overrides.
pub fn theme_dir(root: &Path, name: &str) -> Result<Option<PathBuf>, ThemeProblem> {
    if !crate::text::is_slug(name) {
        return Err(ThemeProblem::NotAName);
    }
    let dir = root.join("themes").join(name);
    if !dir.is_dir() {
        return match name {
            DEFAULT_THEME => Ok(None),
            _ => Err(ThemeProblem::Missing),
        };
    }
    let site = root.canonicalize().map_err(|_| ThemeProblem::Outside)?;
    let inside = |p: &Path| p.canonicalize().is_ok_and(|c| c.starts_with(&site));
    let parts = [dir.clone(), dir.join("templates"), dir.join("static")];
    if parts.iter().all(|p| !p.exists() || inside(p)) {
        Ok(Some(dir))
    } else {
        Err(ThemeProblem::Outside)
    }
}

/// `theme:`: a folder name under `themes/`, `default` when not given.
fn theme(cx: &mut Ctx, slot: &Scalar, root: &Path) -> Checked<String> {
    let Some(v) = given(slot) else {
        return Ok(DEFAULT_THEME.to_string());
    };
    let name = v.value.trim();
    let problem = match theme_dir(root, name) {
        Ok(_) => return Ok(name.to_string()),
        Err(p) => p,
    };
    let at = cx.loc(&v.referenced);
    let (code, message, hint) = match problem {
        ThemeProblem::NotAName => {
            // What the clerk may have meant: the last folder of the path.
            let last = name.rsplit(['/', '\\']).find(|p| !p.is_empty() && *p != "..");
            let fix = last.map(crate::text::slugify).filter(|s| !s.is_empty());
            (
                Rule::BadTheme,
                t!(
                    "\"{name}\" không phải tên giao diện: theme chỉ là tên một thư mục nằm trong themes/ (chữ thường không dấu, số và dấu gạch ngang), không phải đường dẫn",
                    "\"{name}\" is not a theme name: theme is only the name of a folder inside themes/ (lowercase letters without accents, digits and hyphens), not a path"
                ),
                match fix {
                    Some(f) => t!(
                        "đặt giao diện vào thư mục themes/{f}/ cạnh content/ rồi viết theme: {f}; hoặc xóa dòng theme để dùng giao diện mặc định",
                        "put the theme in themes/{f}/ beside content/ and write theme: {f}; or delete the theme line to use the default theme"
                    ),
                    None => t!(
                        "xóa dòng theme để dùng giao diện mặc định",
                        "delete the theme line to use the default theme"
                    ),
                },
            )
        }
        ThemeProblem::Missing => (
            Rule::NoTheme,
            t!("không có giao diện \"{name}\": thiếu thư mục themes/{name}/", "there is no theme \"{name}\": the folder themes/{name}/ is missing"),
            t!("tạo thư mục themes/{name}/ cạnh content/, hoặc xóa dòng theme để dùng giao diện mặc định", "create themes/{name}/ beside content/, or delete the theme line to use the default theme"),
        ),
        ThemeProblem::Outside => (
            Rule::ThemeOutside,
            t!(
                "thư mục giao diện themes/{name}/ là liên kết (symlink) trỏ ra ngoài thư mục của trang",
                "the theme folder themes/{name}/ is a link (symlink) that leads outside the site's folder"
            ),
            t!(
                "chép thư mục giao diện thật vào themes/{name}/ thay cho liên kết",
                "copy the real theme folder into themes/{name}/ instead of linking to it"
            ),
        ),
    };
    Err(cx.error(code, at, message, Some(hint)))
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
                Rule::UnknownField,
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
                    Rule::BadNumber,
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
