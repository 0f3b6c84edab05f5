//! The one Markdown dialect of `content/` bodies: the parser options, and
//! how deep a body may nest. `check` applies the limit (model stage), so
//! nothing later — the renderer, the minifier, a browser — meets a body
//! deeper than it; `render::markdown` turns bodies into HTML with the same
//! parser.

use pulldown_cmark::{Event, Options, Parser};

/// How many elements a body may nest inside each other: block quotes,
/// lists and their items, emphasis, links… A real body needs a handful (a
/// list in a list in a quote, a bold word in it: 6). The build overflowed
/// its stack at some hundreds (700 `>` on one line, a word inside 3,000 `*`
/// on each side), in the minifier, naming no file.
pub const MAX_NESTING: usize = 32;

/// The one place that sets the parser options.
pub fn parser(text: &str) -> Parser<'_> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    Parser::new_ext(text, opts)
}

/// The byte offset in `text` of the first element nested deeper than
/// [`MAX_NESTING`], measured on the events the renderer gets (what the
/// parser made of the text, not a guess from its characters).
pub fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (event, range) in parser(text).into_offset_iter() {
        match event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(range.start);
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_bodies_are_far_from_the_limit() {
        let body = "> Lưu ý:\n>\n> - Mục **một**\n>   - mục *[con](https://a.vn)*\n>     1. ~~cũ~~\n\n| a | b |\n|---|---|\n| **x** | y |\n";
        assert_eq!(too_deep(body), None);
    }

    #[test]
    fn quotes_lists_and_emphasis_past_the_limit_are_found_where_they_go_over() {
        let quotes = format!("Đoạn đầu.\n\n{} sâu\n", ">".repeat(700));
        let at = too_deep(&quotes).expect("700 quotes");
        // The 33rd `>` on the third line opens the quote past the limit.
        assert_eq!(at, "Đoạn đầu.\n\n".len() + MAX_NESTING);
        let stars = format!("{}chữ{}", "*".repeat(3000), "*".repeat(3000));
        assert!(too_deep(&stars).is_some_and(|at| at < 3000));
        let lists: String = (0..40)
            .map(|i| format!("{}- mục\n", "  ".repeat(i)))
            .collect();
        assert!(too_deep(&lists).is_some());
        let just = format!("{} vừa\n", ">".repeat(MAX_NESTING - 1));
        assert_eq!(too_deep(&just), None, "quotes + the paragraph = the limit");
    }
}
