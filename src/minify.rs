//! HTML minification with minify-html (the `minify` cargo feature, on by
//! default). `output` minifies each page as it writes it; the posters
//! minify their sheets once when they render them, because a field's "print
//! all" page repeats every poster sheet of the field. Its JS minifier has broken pages elsewhere, so scripts pass
//! through untouched; closing tags and `<html>`/`<head>` stay, so that what
//! the browser builds is the same tree as from the unminified page (a test
//! compares the text and links of both).

#[cfg(feature = "minify")]
pub fn html(src: &[u8]) -> Vec<u8> {
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

#[cfg(all(test, feature = "minify"))]
mod tests {
    #[test]
    fn a_splice_mark_survives() {
        // posters::page splices sheets in at a mark after minifying.
        let out = super::html_string("<main>\n  <p>a</p>\n  \u{1}niemyet-sheets\u{1}\n</main>");
        assert!(out.contains("\u{1}niemyet-sheets\u{1}"), "{out:?}");
    }
}
