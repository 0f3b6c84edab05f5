//! The staff and contact board (A4, `posters/staff.html`): the staff who
//! receive applications, the office's hours and contacts, and where to send
//! feedback.

use super::dims::{body, head, list, staff, A4, BODY_LH, COLS2_GAP, COUNTED_SIZES, SAFETY};
use super::page::{fragment, page};
use super::text::{n, text_h, BOLD_EM, CAPS_EM, REGULAR_EM};
use crate::diag::Diagnostic;
use crate::model::Site;
use crate::render::context::Renderer;
use crate::render::fields::Fields;
use crate::render::files::OutputFile;
use crate::render::{i18n, qr, urls};
use tera::Context;

/// The board's page, at the largest type that fits one sheet.
pub(in crate::render) fn board(r: &Renderer) -> Result<OutputFile, Box<Diagnostic>> {
    let (site, lang) = (r.site, r.site.config.language);
    let t = i18n::strings(lang);
    let mut ctx = Context::new();
    let pt = COUNTED_SIZES
        .into_iter()
        .find(|&pt| board_h(site, &r.fields, pt) <= A4.h * SAFETY)
        .unwrap_or(COUNTED_SIZES[COUNTED_SIZES.len() - 1]);
    let (title, h2) = (staff::TITLE_PT, pt + staff::H2_OVER);
    ctx.insert("style", &format!("--b:{pt}pt;--t:{title}pt;--h2:{h2}pt"));
    let home = urls::absolute(&site.config.base_url, urls::HOME);
    ctx.insert("qr", &qr::svg(&home, t.scan_qr_site).unwrap_or_default());
    let html = fragment(r, "posters/staff.html", &ctx)?;
    page(
        r,
        urls::STAFF_BOARD,
        t.staff_board,
        "staff",
        urls::CONTACT,
        std::iter::once(html.as_str()),
    )
}

/// Estimated height of the board at body size `pt`: the staff table, then
/// hours and contact beside the feedback block, then the QR code.
fn board_h(site: &Site, fields: &Fields, pt: f32) -> f32 {
    use staff::*;
    let o = &site.config.office;
    let t = i18n::strings(site.config.language);
    let cell =
        |chars: usize, w: f32, em: f32| text_h(chars, w - list::CELL_PAD_X, pt, list::LH, em);
    let rows: f32 = o
        .staff
        .iter()
        .map(|s| {
            let fields: usize = s.fields.iter().map(|f| n(fields.name(f)) + FIELD_SEP).sum();
            cell(n(&s.name), NAME_W, BOLD_EM)
                .max(cell(s.title.as_deref().map_or(0, n), TITLE_W, REGULAR_EM))
                .max(cell(s.phone.as_deref().map_or(0, n), PHONE_W, BOLD_EM))
                .max(cell(fields, FIELDS_W, REGULAR_EM))
                + ROW_PAD
        })
        .sum();
    let head_row = cell(HEAD_ROW_CHARS, FIELDS_W, BOLD_EM) + HEAD_ROW_RULE;
    let h2 = text_h(H2_CHARS, A4.w, pt + H2_OVER, body::H2_LH, CAPS_EM) + H2_MARGINS;
    let half = (A4.w - COLS2_GAP) / 2.0;
    let line = |chars: usize| text_h(chars, half, pt, BODY_LH, REGULAR_EM);
    // Left: the hours' and the contact's headings, the office's name and
    // phone, each hours line, the address.
    let mut left = h2 * 2.0 + line(OFFICE_CHARS) * 2.0;
    left += o
        .hours
        .iter()
        .map(|h| line(n(&h.days) + n(&h.time) + HOURS_SEP))
        .sum::<f32>();
    left += o
        .address
        .as_deref()
        .map_or(0.0, |a| line(n(a) + LABEL_CHARS));
    // Right: the feedback heading, its sentence, the address, three short
    // lines (phone, hotline, email).
    let f = &o.feedback;
    let right = h2
        + line(n(t.feedback_text))
        + f.address
            .as_deref()
            .map_or(0.0, |a| line(n(a) + LABEL_CHARS))
        + line(SHORT_CHARS) * 3.0;
    let header =
        HEAD_ABOVE + text_h(n(t.staff_board), A4.w, TITLE_PT, head::TITLE_LH, BOLD_EM) + HEAD_BELOW;
    header + h2 + head_row + rows + left.max(right) + FOOT_ABOVE + A4.qr
}
