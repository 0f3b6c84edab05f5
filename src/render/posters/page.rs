//! Assembly: a poster's sheets are a template fragment, minified once, and
//! a printable page is `posters/page.html` with sheets spliced in.

use crate::diag::Diagnostic;
use crate::render::context::{PageMeta, Renderer};
use crate::render::files::{Content, OutputFile};
use crate::render::urls;
use tera::Context;

/// The sheets of one poster (no `<html>` around them), minified when the
/// build minifies: made once, they go into the poster's page and its
/// field's "print all" page.
pub(super) fn fragment(
    r: &Renderer,
    template: &str,
    ctx: &Context,
) -> Result<String, Box<Diagnostic>> {
    Ok(r.minified_fragment(r.template(template, ctx)?))
}

/// A printable page: the sheets inside `posters/page.html` (print CSS, and a
/// screen-only bar with the way back and how to print).
pub(super) fn page<'s>(
    r: &Renderer,
    path: &str,
    title: &str,
    kind: &'static str,
    back: &str,
    sheets: impl Iterator<Item = &'s str> + Clone,
) -> Result<OutputFile, Box<Diagnostic>> {
    let mut ctx = Context::new();
    ctx.insert("root", &urls::root_of(path));
    ctx.insert(
        "page",
        &PageMeta {
            title,
            path,
            description: "",
            kind,
        },
    );
    ctx.insert("back_url", back);
    // The sheets are spliced in after rendering: a "print all" page carries
    // megabytes of them, which Tera would copy into its context and out.
    const MARK: &str = "\u{1}niemyet-sheets\u{1}";
    ctx.insert("sheets", MARK);
    // The shell is minified alone; the sheets already are (see fragment).
    let shell = fragment(r, "posters/page.html", &ctx)?;
    let html = match shell.split_once(MARK) {
        Some((head, tail)) => {
            let len = sheets.clone().map(str::len).sum::<usize>();
            let mut html = String::with_capacity(head.len() + len + tail.len());
            html.push_str(head);
            sheets.for_each(|s| html.push_str(s));
            html.push_str(tail);
            html
        }
        // A theme's page.html without `{{ sheets | safe }}`: print nothing more.
        None => shell,
    };
    Ok(OutputFile {
        path: path.to_string(),
        content: Content::Html(html.into_bytes()),
    })
}
