//! Where each page lives in `public/`. Every link in the site is relative and
//! names `index.html` explicitly, so the site works opened from disk (a folder
//! link there shows a file listing) and served under any sub-path.

use crate::model::{Field, Notice, Procedure};

pub const HOME: &str = "index.html";
pub const CATALOGUE: &str = "danh-muc/index.html";
pub const CONTACT: &str = "lien-he/index.html";
pub const SEARCH: &str = "search/index.html";
pub const NOTICES: &str = "notices/index.html";
pub const POSTERS: &str = "posters/index.html";
pub const NOT_FOUND: &str = "404.html";
/// The open data (`docs/catalogue-json.md`), the sitemap, robots.txt.
pub const CATALOGUE_JSON: &str = "catalogue.json";
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";
/// The theme's static files and `calendar.js`.
pub const ASSETS: &str = "assets/";
/// The search index and its runtime (beside the search page).
pub const SEARCH_DIR: &str = "search/";

pub fn field(f: &Field) -> String {
    field_slug(&f.slug)
}

pub fn field_slug(slug: &str) -> String {
    format!("{slug}/index.html")
}

/// The folder of a procedure: its page and its attachments live there.
pub fn procedure_dir(p: &Procedure) -> String {
    procedure_dir_at(&p.field, &p.slug)
}

pub fn procedure_dir_at(field: &str, slug: &str) -> String {
    format!("{field}/{slug}/")
}

pub fn procedure(p: &Procedure) -> String {
    procedure_at(&p.field, &p.slug)
}

pub fn procedure_at(field: &str, slug: &str) -> String {
    format!("{}index.html", procedure_dir_at(field, slug))
}

pub fn notice(n: &Notice) -> String {
    notice_at(&n.slug)
}

pub fn notice_at(slug: &str) -> String {
    format!("notices/{slug}/index.html")
}

pub fn poster(p: &Procedure) -> String {
    poster_at(&p.field, &p.slug)
}

pub fn poster_at(field: &str, slug: &str) -> String {
    format!("posters/{field}/{slug}/index.html")
}

/// A procedure's A4 poster as PDF, beside its HTML poster.
pub fn poster_pdf_at(field: &str, slug: &str) -> String {
    format!("posters/{field}/{slug}/poster.pdf")
}

pub fn handout(p: &Procedure) -> String {
    handout_at(&p.field, &p.slug)
}

pub fn handout_at(field: &str, slug: &str) -> String {
    format!("posters/{field}/{slug}/huong-dan.html")
}

/// The staff and contact board.
pub const STAFF_BOARD: &str = "posters/bang-lien-he.html";

/// A field's catalogue table (A3).
pub fn field_catalogue(field_slug: &str) -> String {
    format!("posters/{field_slug}/index.html")
}

/// A field's "print all" page: its catalogue and every procedure poster.
pub fn field_print_all(field_slug: &str) -> String {
    format!("posters/{field_slug}/in-tat-ca.html")
}

/// A field's catalogue table as PDF (A3), beside its HTML table.
pub fn field_catalogue_pdf(field_slug: &str) -> String {
    format!("posters/{field_slug}/danh-muc-a3.pdf")
}

/// A sheet of QR codes on paper `paper` (`a2`, `a1`): of a field's
/// procedures, beside its catalogue, or of every field's.
pub fn qr_board(field_slug: Option<&str>, paper: &str) -> String {
    match field_slug {
        Some(f) => format!("posters/{f}/bang-qr-{paper}.pdf"),
        None => format!("posters/bang-qr-{paper}.pdf"),
    }
}

/// The cultural-house pack: `nha-van-hoa.pdf` on A4, `nha-van-hoa-a3.pdf`
/// on A3.
pub fn house_pack(paper: &str) -> String {
    match paper {
        "a4" => "posters/nha-van-hoa.pdf".into(),
        _ => format!("posters/nha-van-hoa-{paper}.pdf"),
    }
}

pub fn notice_poster(n: &Notice) -> String {
    notice_poster_at(&n.slug)
}

pub fn notice_poster_at(slug: &str) -> String {
    format!("posters/thong-bao/{slug}.html")
}

/// The absolute address of a page, for QR codes, the sitemap and JSON-LD:
/// folders without `index.html`, as a web server shows them.
pub fn absolute(base_url: &str, path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base_url}{path}")
}

/// The prefix that leads from a page back to the site root: `""`, `"../"`, …
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_prefix_follows_depth() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("ho-tich/index.html"), "../");
        assert_eq!(root_of("ho-tich/dang-ky-khai-sinh/index.html"), "../../");
    }

    #[test]
    fn absolute_urls_drop_index_html() {
        let base = "https://tthc.example/";
        assert_eq!(
            absolute(base, "ho-tich/x/index.html"),
            "https://tthc.example/ho-tich/x/"
        );
        assert_eq!(absolute(base, "index.html"), "https://tthc.example/");
        assert_eq!(
            absolute(base, "catalogue.json"),
            "https://tthc.example/catalogue.json"
        );
    }
}
