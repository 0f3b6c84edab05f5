//! HTML minification with minify-html's one-pass variant (the `minify`
//! cargo feature, on by default). `output` minifies each page as it writes
//! it; the posters minify their sheets once when they render them, because
//! a field's "print all" page repeats every poster sheet of the field.
//!
//! Why the one-pass variant: it is the same project and the same rules as
//! minify-html, but minifies in place without building a tree. minify-html
//! was ~40 % of the build's CPU time (an allocation per element, a hash map
//! per tag); the one-pass variant is ~3× cheaper and minifies slightly
//! more (it leaves out optional closing tags, which the browser puts back:
//! `tests/browser_minify.rs` compares the DOM Chromium builds from both).
//! Its JS minifier has broken pages elsewhere, so scripts pass through
//! untouched. It is stricter about its input (no omitted opening tags, no
//! stray closing tags): a theme template that breaks those rules falls
//! back to minify-html for that page, which accepts anything.

#[cfg(feature = "minify")]
pub fn html(src: &[u8]) -> Vec<u8> {
    let cfg = minify_html_onepass::Cfg {
        minify_js: false,
        minify_css: true,
    };
    // In place, the minifier overwrites the source as it goes: it works on
    // a copy so that the fallback still has the page.
    let mut out = src.to_vec();
    match minify_html_onepass::in_place(&mut out, &cfg) {
        Ok(len) => {
            out.truncate(len);
            out
        }
        Err(_) => tolerant(src),
    }
}

/// minify-html itself, for what the one-pass parser refuses. Closing tags
/// and `<html>`/`<head>` stay: this path is for markup that is already
/// unusual, where leaving tags out is the riskier choice.
#[cfg(feature = "minify")]
fn tolerant(src: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        keep_comments: false,
        minify_css: true,
        minify_js: false,
        minify_doctype: false,
        ..minify_html::Cfg::new()
    };
    minify_html::minify(src, &cfg)
}

/// Without the feature, pages are written as rendered.
#[cfg(not(feature = "minify"))]
pub fn html(src: &[u8]) -> Vec<u8> {
    src.to_vec()
}

/// [`html`] of a fragment or page, as a string.
pub fn html_string(src: &str) -> String {
    // minify-html writes UTF-8 from UTF-8 input; the fallback never runs.
    String::from_utf8(html(src.as_bytes())).unwrap_or_else(|_| src.to_string())
}

/// [`html`] of markup that will be spliced into a page next to other
/// markup. The minifier leaves out a closing tag that may be left out at
/// the end of its parent, and it sees the end of a fragment as the end of
/// one: a trailing `</p>` or `</li>` would go, and the page's next element
/// would then land inside it. Text after the last element keeps its closing
/// tag, so a mark goes there during minification.
pub fn fragment(src: &str) -> String {
    const END: &str = "\u{1}niemyet-end\u{1}";
    let mut out = html_string(&format!("{src}{END}"));
    if out.ends_with(END) {
        out.truncate(out.len() - END.len());
    }
    out
}

#[cfg(all(test, feature = "minify"))]
mod tests {
    #[test]
    fn a_splice_mark_survives() {
        // posters::page splices sheets in at a mark after minifying.
        let out = super::html_string("<main>\n  <p>a</p>\n  \u{1}niemyet-sheets\u{1}\n</main>");
        assert!(out.contains("\u{1}niemyet-sheets\u{1}"), "{out:?}");
    }

    #[test]
    fn a_fragment_keeps_its_last_closing_tag() {
        assert_eq!(super::html_string("<li>a</li>"), "<li>a");
        assert_eq!(super::fragment("<li>a</li>"), "<li>a</li>");
        assert_eq!(
            super::fragment("<section><p>a</p></section>"),
            "<section><p>a</section>"
        );
    }

    #[test]
    fn markup_the_one_pass_parser_refuses_is_still_minified() {
        // A stray closing tag: the one-pass parser stops, minify-html goes on.
        let src = "<div>\n  <p>a</p>\n</span></div>";
        let cfg = minify_html_onepass::Cfg::new();
        assert!(minify_html_onepass::in_place(&mut src.as_bytes().to_vec(), &cfg).is_err());
        let out = super::html_string(src);
        assert!(out.contains("<p>a</p>"), "{out:?}");
        assert!(!out.contains("\n  "), "{out:?}");
    }
}
