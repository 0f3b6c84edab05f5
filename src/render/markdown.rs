//! Markdown bodies to HTML. Content is data, never markup: raw HTML in a body
//! is shown as text, links may only lead to http(s), mailto, tel or a relative
//! path, and images from other sites become links (a page makes no external
//! request). Headings are moved one level down so the page keeps one `<h1>`.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The one place that sets the parser options.
fn parser(text: &str) -> Parser<'_> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    Parser::new_ext(text, opts)
}

/// Renders a body to safe HTML.
pub fn to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    let mut skipped_links = Vec::new();
    let events = parser(text).filter_map(|ev| sanitize(ev, &mut skipped_links));
    pulldown_cmark::html::push_html(&mut out, events);
    out
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
