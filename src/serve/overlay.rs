//! What `serve` adds to the pages it serves, and only there: the reload
//! script, and, while the content has errors, an overlay that lists them
//! as `check` does (file, line, column, the line itself, message, hint).
//! Every piece of text from the content is HTML-escaped.

use crate::diag::Diagnostic;
use crate::lang::Lang;
use std::fmt::Write;

/// The path of the Server-Sent Events stream pages listen to.
pub const EVENTS_PATH: &str = "/__niemyet/events";

/// Reloads the page when the site was rebuilt (or its errors changed).
pub const RELOAD_SCRIPT: &str = "<script>/* niemyet serve */(function(){var s=new EventSource(\"/__niemyet/events\");s.addEventListener(\"reload\",function(){location.reload()});})();</script>";

pub use crate::text::escape_html as escape;

/// The overlay listing `errors`; `has_site` says whether a last good
/// version of the site is still shown beneath it.
pub fn html(errors: &[&Diagnostic], lang: Lang, has_site: bool) -> String {
    let vi = lang == Lang::Vi;
    let mut out = String::new();
    out.push_str("<div id=\"niemyet-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(24,24,27,.96);color:#fafafa;font:16px/1.5 system-ui,sans-serif;padding:1.5rem;text-align:left\">");
    out.push_str("<button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"float:right;font:inherit;padding:.25rem .75rem\">");
    out.push_str(if vi { "Đóng" } else { "Close" });
    out.push_str("</button>");
    let title = match (vi, errors.len()) {
        (true, n) => format!("niemyet: nội dung có {n} lỗi"),
        (false, 1) => "niemyet: the content has 1 error".to_string(),
        (false, n) => format!("niemyet: the content has {n} errors"),
    };
    let _ = write!(
        out,
        "<h2 style=\"margin:0 0 .5rem;color:#fca5a5;font-size:1.3rem\">{}</h2>",
        escape(&title)
    );
    let note = match (vi, has_site) {
        (true, true) => {
            "Đang hiển thị bản tốt gần nhất của trang. Sửa tệp và lưu: trang tự tải lại."
        }
        (true, false) => "Chưa dựng được trang. Sửa tệp và lưu: trang tự tải lại.",
        (false, true) => {
            "Showing the last good version of the site. Fix the file and save: the page reloads."
        }
        (false, false) => {
            "The site could not be built yet. Fix the file and save: the page reloads."
        }
    };
    let _ = write!(out, "<p style=\"margin:0 0 1rem\">{note}</p>");
    for d in errors {
        out.push_str("<section class=\"niemyet-error\" style=\"border-left:4px solid #f87171;padding:.25rem 0 .25rem 1rem;margin:0 0 1rem\">");
        let place = match &d.location {
            Some(l) => format!("{}:{}:{}", d.file.display(), l.line, l.column),
            None => d.file.display().to_string(),
        };
        let _ = write!(
            out,
            "<p style=\"margin:0;font-family:ui-monospace,monospace;color:#93c5fd\">{}</p>",
            escape(&place)
        );
        let _ = write!(
            out,
            "<p style=\"margin:.25rem 0;font-weight:bold;white-space:pre-wrap\">{} <code style=\"font-weight:normal;opacity:.75\">[{}]</code></p>",
            escape(d.message.get(lang)),
            d.code
        );
        if let Some(l) = &d.location {
            let caret = format!(
                "{}{}",
                " ".repeat(l.column.saturating_sub(1)),
                "^".repeat(l.width.max(1))
            );
            let _ = write!(
                out,
                "<pre style=\"margin:.25rem 0;padding:.5rem;background:#09090b;color:#fafafa;overflow:auto\">{:>4} | {}\n     | <span style=\"color:#f87171\">{}</span></pre>",
                l.line,
                escape(&l.line_text.replace('\t', " ")),
                caret
            );
        }
        if let Some((file, loc, note)) = &d.related {
            let place = match loc {
                Some(l) => format!("{}:{}:{}", file.display(), l.line, l.column),
                None => file.display().to_string(),
            };
            let _ = write!(
                out,
                "<p style=\"margin:.25rem 0\">{} {}: {}</p>",
                if vi { "Xem" } else { "See" },
                escape(&place),
                escape(note.get(lang))
            );
        }
        if let Some(hint) = &d.hint {
            let _ = write!(
                out,
                "<p style=\"margin:.25rem 0;color:#a5f3fc;white-space:pre-wrap\">{}: {}</p>",
                if vi { "Gợi ý" } else { "Hint" },
                escape(hint.get(lang))
            );
        }
        out.push_str("</section>");
    }
    out.push_str("</div>");
    out
}

/// A page with the reload script and, when given, the overlay, put just
/// before `</body>` (or at the end when there is none).
pub fn inject(page: &[u8], overlay: Option<&str>) -> Vec<u8> {
    let extra_len = RELOAD_SCRIPT.len() + overlay.map_or(0, str::len);
    let at = find_body_end(page).unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + extra_len);
    out.extend_from_slice(&page[..at]);
    if let Some(o) = overlay {
        out.extend_from_slice(o.as_bytes());
    }
    out.extend_from_slice(RELOAD_SCRIPT.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

/// The last `</body>`, in any letter case.
fn find_body_end(page: &[u8]) -> Option<usize> {
    const END: &[u8] = b"</body>";
    page.windows(END.len())
        .rposition(|w| w.eq_ignore_ascii_case(END))
}

/// The page shown while no version of the site could be built yet.
pub fn error_page(overlay: &str, lang: Lang) -> Vec<u8> {
    let page = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>niemyet</title></head><body></body></html>",
        lang.code()
    );
    inject(page.as_bytes(), Some(overlay))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::t;

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let page = b"<html><body><p>x</p></BODY></html>";
        let out = String::from_utf8(inject(page, None)).unwrap();
        assert!(out.ends_with(&format!("<p>x</p>{RELOAD_SCRIPT}</BODY></html>")));
        let bare = String::from_utf8(inject(b"<p>no body</p>", Some("<div>o</div>"))).unwrap();
        assert_eq!(bare, format!("<p>no body</p><div>o</div>{RELOAD_SCRIPT}"));
    }

    #[test]
    fn everything_from_the_content_is_escaped() {
        use crate::diag::Rule;
        let d = Diagnostic::error(
            Rule::UnknownKey,
            "content/a/<b>.md",
            t!("sai <script>alert(1)</script>", "bad <script>"),
        )
        .hint(t!("dùng \"&\"", "use \"&\""));
        let out = html(&[&d], Lang::Vi, true);
        assert!(!out.contains("<script>"), "{out}");
        assert!(out.contains("content/a/&lt;b&gt;.md"));
        assert!(out.contains("sai &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(out.contains("dùng &quot;&amp;&quot;"));
    }
}
