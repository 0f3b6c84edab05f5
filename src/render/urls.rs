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

pub fn field(f: &Field) -> String {
    field_slug(&f.slug)
}

pub fn field_slug(slug: &str) -> String {
    format!("{slug}/index.html")
}

/// The folder of a procedure: its page and its attachments live there.
pub fn procedure_dir(p: &Procedure) -> String {
    format!("{}/{}/", p.field, p.slug)
}

pub fn procedure(p: &Procedure) -> String {
    format!("{}index.html", procedure_dir(p))
}

pub fn notice(n: &Notice) -> String {
    format!("notices/{}/index.html", n.slug)
}

pub fn poster(p: &Procedure) -> String {
    format!("posters/{}/{}/index.html", p.field, p.slug)
}

pub fn handout(p: &Procedure) -> String {
    format!("posters/{}/{}/huong-dan.html", p.field, p.slug)
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

pub fn notice_poster(n: &Notice) -> String {
    format!("posters/thong-bao/{}.html", n.slug)
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
