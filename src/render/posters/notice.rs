//! A notice's poster (A4, `posters/notice.html`), one for each notice in
//! force.

use super::dims::{head, notice, A4, COUNTED_SIZES, SAFETY};
use super::page::{fragment, page};
use super::text::{n, text_h, BOLD_EM, REGULAR_EM};
use crate::diag::Diagnostic;
use crate::model::Notice;
use crate::render::context::Renderer;
use crate::render::files::OutputFile;
use crate::render::{markdown, urls, view};
use tera::Context;

/// The poster of notice `x`, at the largest type that fits one sheet.
pub(in crate::render) fn poster(r: &Renderer, x: &Notice) -> Result<OutputFile, Box<Diagnostic>> {
    let nv = view::notice_view(x, r.opts.today);
    let pt = size(x);
    let mut ctx = Context::new();
    ctx.insert("notice", &nv);
    let title = notice::TITLE_PT;
    ctx.insert(
        "style",
        &format!("--b:{pt}pt;--t:{title}pt;--n:{pt}pt;--h2:{pt}pt"),
    );
    let html = fragment(r, "posters/notice.html", &ctx)?;
    let sheets = std::iter::once(html.as_str());
    page(
        r,
        &urls::notice_poster(x),
        &x.title,
        "notice",
        &nv.url,
        sheets,
    )
}

/// The body size of notice `x`'s poster.
fn size(x: &Notice) -> f32 {
    let chars = n(&markdown::to_text(&x.body));
    let fits = |pt: f32| {
        let body = text_h(chars, A4.w, pt, notice::BODY_LH, REGULAR_EM) * notice::BODY_EXTRA;
        let fixed =
            text_h(n(&x.title), A4.w, notice::TITLE_PT, head::TITLE_LH, BOLD_EM) + notice::FIXED;
        fixed + body <= A4.h * SAFETY
    };
    COUNTED_SIZES
        .into_iter()
        .find(|&pt| fits(pt))
        .unwrap_or(COUNTED_SIZES[COUNTED_SIZES.len() - 1])
}
