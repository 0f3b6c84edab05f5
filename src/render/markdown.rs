//! Markdown bodies to HTML. Content is data, never markup: raw HTML in a body
//! is shown as text, links may only lead to http(s), mailto, tel or a relative
//! path, and images from other sites become links (a page makes no external
//! request). Headings are moved one level down so the page keeps one `<h1>`.
//! Bodies reach here no deeper than [`crate::markdown::MAX_NESTING`]
//! (`check` refuses deeper ones).

use crate::markdown::parser;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

/// Renders a body to safe HTML; phone numbers in its text become `tel:`
/// links (a citizen on a phone taps to call).
pub fn to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    let mut skipped_links = Vec::new();
    let mut in_link = 0usize;
    let events = parser(text)
        .filter_map(|ev| sanitize(ev, &mut skipped_links))
        .flat_map(|ev| {
            match &ev {
                Event::Start(Tag::Link { .. }) => in_link += 1,
                Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
                Event::Text(t) if in_link == 0 => {
                    if let Some(linked) = phone_links(t) {
                        return linked;
                    }
                }
                _ => {}
            }
            vec![ev]
        });
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// Renders a body for the kiosk, where nothing may lead away from the
/// screen: as [`to_html`] (raw HTML as text, headings demoted), but links
/// and images keep only their text (an image its alt text), and phone
/// numbers stay text.
pub fn to_html_offline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    let mut skipped_links = Vec::new();
    let events = parser(text)
        .filter_map(|ev| sanitize(ev, &mut skipped_links))
        .filter(|ev| {
            !matches!(
                ev,
                Event::Start(Tag::Link { .. } | Tag::Image { .. })
                    | Event::End(TagEnd::Link | TagEnd::Image)
            )
        });
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// Byte ranges of Vietnamese phone numbers in `text`: `0` (or `+84`), then
/// digits in groups split by one space or dot, 10–11 digits in all
/// (`0200 3812 999`, `0912.345.678`), not inside a longer number or word.
/// Dates (`01/01/2027`), codes (`1.001193`) and sums (`8.000`) do not match.
fn phone_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = (b[i] == b'0' || b[i..].starts_with(b"+84"))
            && (i == 0
                || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80 || b[i - 1] == b'.'));
        if !starts {
            i += 1;
            continue;
        }
        let (mut j, mut digits) = (i + usize::from(b[i] == b'+'), 0);
        while j < b.len() {
            if b[j].is_ascii_digit() {
                digits += 1;
                j += 1;
            } else if matches!(b[j], b' ' | b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                j += 1;
            } else {
                break;
            }
        }
        let after_ok = b
            .get(j)
            .is_none_or(|&c| !(c.is_ascii_alphanumeric() || c >= 0x80));
        if (10..=11).contains(&digits) && after_ok {
            out.push((i, j));
        }
        i = j.max(i + 1);
    }
    out
}

/// `text` as text and `tel:` links around its phone numbers; `None` when
/// it has none (the event is kept as it is).
fn phone_links(text: &str) -> Option<Vec<Event<'static>>> {
    let spans = phone_spans(text);
    if spans.is_empty() {
        return None;
    }
    let mut events = Vec::new();
    let mut at = 0;
    for (s, e) in spans {
        if s > at {
            events.push(Event::Text(CowStr::from(text[at..s].to_string())));
        }
        let number = &text[s..e];
        let dial: String = number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        events.push(Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url: CowStr::from(format!("tel:{dial}")),
            title: CowStr::from(""),
            id: CowStr::from(""),
        }));
        events.push(Event::Text(CowStr::from(number.to_string())));
        events.push(Event::End(TagEnd::Link));
        at = e;
    }
    if at < text.len() {
        events.push(Event::Text(CowStr::from(text[at..].to_string())));
    }
    Some(events)
}

/// The body as plain text (for descriptions and the search index).
pub fn to_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ev in parser(text) {
        match ev {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the first paragraph, for a summary: a table or a list
/// flattened into one line reads as noise ("Thời gian Nội dung Thứ Sáu…").
pub fn first_paragraph_text(text: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for ev in parser(text) {
        match ev {
            Event::Start(Tag::Paragraph) => inside = true,
            Event::End(TagEnd::Paragraph) if inside => break,
            Event::Text(t) | Event::Code(t) if inside => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak if inside => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `skipped` remembers, per open link, whether its tags were dropped, so the
/// matching end tag is dropped too.
fn sanitize<'a>(ev: Event<'a>, skipped: &mut Vec<bool>) -> Option<Event<'a>> {
    match ev {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(demote(level)))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let safe = is_safe_link(&dest_url);
            skipped.push(!safe);
            safe.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => match skipped.pop() {
            Some(true) => None,
            _ => Some(Event::End(TagEnd::Link)),
        },
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            if is_relative(&dest_url) {
                Some(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            } else {
                // An image from another site would be an external request:
                // link to it instead, its alt text as the link text.
                skipped.push(!is_safe_link(&dest_url));
                is_safe_link(&dest_url).then_some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
        }
        Event::End(TagEnd::Image) => match skipped.pop() {
            Some(true) => None,
            Some(false) => Some(Event::End(TagEnd::Link)),
            None => Some(Event::End(TagEnd::Image)),
        },
        other => Some(other),
    }
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let head = &url[..colon];
    let is_scheme = !head.is_empty()
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then(|| head.to_ascii_lowercase())
}

fn is_relative(url: &CowStr) -> bool {
    let trimmed = url.trim();
    scheme(trimmed).is_none() && !trimmed.starts_with("//") && !trimmed.starts_with('\\')
}

fn is_safe_link(url: &CowStr) -> bool {
    let trimmed = url.trim();
    match scheme(trimmed) {
        Some(s) => matches!(s.as_str(), "http" | "https" | "mailto" | "tel"),
        None => !trimmed.starts_with('\\'),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn offline_bodies_keep_the_words_of_links_and_images_only() {
        let html = super::to_html_offline(
            "Xem [cổng dịch vụ công](https://dichvucong.gov.vn), gọi 0912 345 678.\n\n![Sơ đồ tầng 1](so-do.png) ![ảnh](https://x.example/a.png)\n\n<a href=\"https://x\">y</a>",
        );
        assert!(!html.contains("<a"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("cổng dịch vụ công"), "{html}");
        assert!(html.contains("Sơ đồ tầng 1"), "{html}");
        assert!(html.contains("0912 345 678"), "{html}");
        assert!(html.contains("&lt;a href"), "{html}");
    }

    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html =
            to_html("Xin chào <script>alert(1)</script> <b>đậm</b>\n\n<div onclick=x>khối</div>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn dangerous_links_lose_their_href_but_keep_their_text() {
        let html = to_html("[bấm](javascript:alert(1)) [trang](https://dichvucong.gov.vn) [gọi](tel:1022) [x](JaVaScRiPt:1)");
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(html.contains("bấm"));
        assert!(html.contains(r#"<a href="https://dichvucong.gov.vn">trang</a>"#));
        assert!(html.contains(r#"<a href="tel:1022">gọi</a>"#));
    }

    #[test]
    fn external_images_become_links() {
        let html = to_html("![sơ đồ](https://example.com/a.png) ![mẫu](mau.png)");
        assert!(!html.contains(r#"<img src="https"#), "{html}");
        assert!(
            html.contains(r#"<a href="https://example.com/a.png">sơ đồ</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<img src="mau.png" alt="mẫu" />"#),
            "{html}"
        );
    }

    #[test]
    fn headings_move_one_level_down() {
        let html = to_html("# Lưu ý\n\n## Chi tiết\n");
        assert!(html.contains("<h2>Lưu ý</h2>"), "{html}");
        assert!(html.contains("<h3>Chi tiết</h3>"), "{html}");
    }

    #[test]
    fn phone_numbers_in_text_become_tel_links_and_nothing_else_does() {
        let html = to_html(
            "Gọi số trực 0200 3812 999 hoặc 0912.345.678; [0200 3812 000](tel:02003812000).",
        );
        assert!(
            html.contains(r#"<a href="tel:02003812999">0200 3812 999</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="tel:0912345678">0912.345.678</a>"#),
            "{html}"
        );
        assert_eq!(
            html.matches("<a ").count(),
            3,
            "a link is not linked again: {html}"
        );
        for text in [
            "Ngày 01/01/2027, mã 1.001193, phí 8.000 đồng, 15.000.000 đồng",
            "Số 0200 3812 9990 (quá dài), năm 2027, tầng 01",
            "`0200 3812 999` trong mã",
            "mã A0200381299",
        ] {
            assert!(!to_html(text).contains("tel:"), "{text}: {}", to_html(text));
        }
        assert_eq!(phone_spans("+84 912 345 678."), [(0, 15)]);
    }

    #[test]
    fn a_summary_is_the_first_paragraph_not_the_table_after_it() {
        let md = "Lịch làm việc\ndịp Tết như sau:\n\n| Thời gian | Nội dung |\n|---|---|\n| Thứ Sáu | Nghỉ |\n";
        assert_eq!(first_paragraph_text(md), "Lịch làm việc dịp Tết như sau:");
        assert_eq!(
            first_paragraph_text("# Tiêu đề\n\n- a\n\nĐoạn **một**."),
            "Đoạn một."
        );
    }

    #[test]
    fn plain_text_keeps_words_apart() {
        assert_eq!(
            to_text("**Ai** đi?\nCha mẹ.\n\n- một\n- hai"),
            "Ai đi? Cha mẹ. một hai"
        );
    }
}
