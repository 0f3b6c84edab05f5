//! HTML minification with minify-html (the `minify` cargo feature, on by
//! default). Its JS minifier has broken pages elsewhere, so scripts pass
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
