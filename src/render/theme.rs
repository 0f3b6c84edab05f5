//! The theme: Tera templates and static assets. The default theme is embedded
//! in the binary (from `themes/default/` of this repository), so a site needs
//! no theme folder. `theme: NAME` in site.yaml reads `themes/NAME/` beside
//! `content/` (NAME is a folder name, never a path, and the folder stays
//! inside the site: [`crate::model::theme_dir`]): any template
//! (`templates/*.html`) or asset (`static/**`) found there replaces the
//! embedded one of the same name; new ones are added.

use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::t;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::Tera;

macro_rules! embed_text {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/", $dir, "/", $name)))),*]
    };
}

macro_rules! embed_bytes {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/", $dir, "/", $name)) as &[u8])),*]
    };
}

const TEMPLATES: &[(&str, &str)] = embed_text!("templates":
    "base.html", "rows.html", "index.html", "field.html", "procedure.html", "catalogue.html",
    "contact.html", "notices.html", "notice.html", "search.html", "404.html",
    "posters/index.html", "posters/page.html", "posters/procedure.html", "posters/handout.html",
    "posters/field.html", "posters/staff.html", "posters/notice.html", "posters/_facts.html",
    "posters/_docs.html", "posters/_place.html", "posters/_contact.html", "posters/_head.html",
    "posters/_facts_box.html", "posters/_fee.html", "kiosk/index.html", "kiosk/_procedure.html",
);

const STATIC: &[(&str, &[u8])] = embed_bytes!("static": "style.css", "site.js", "poster.css", "due.js", "kiosk.css", "kiosk.js", "qr.js");

/// A static file of the theme, copied to `assets/` in the output.
pub enum Asset {
    Embedded(&'static [u8]),
    File(PathBuf),
}

pub struct Theme {
    pub tera: Tera,
    /// Path under `assets/` → content.
    pub assets: BTreeMap<String, Asset>,
    /// Template name → the file it came from, for error messages.
    pub origins: BTreeMap<String, PathBuf>,
    /// A digest of every template's text and every asset's bytes (the
    /// embedded ones and the site's own), for a build's input digests.
    pub digest: u64,
}

impl Theme {
    /// Loads the default theme with the overrides of `themes/<name>/`.
    pub fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
        // `check` reported a name that is no folder of the site; a theme
        // changed since (`serve`) is refused here all the same.
        let dir = crate::model::theme_dir(root, name).map_err(|_| {
            vec![Diagnostic::error(
                Rule::ThemeOutside,
                "content/site.yaml",
                t!(
                    "giao diện \"{name}\" không phải một thư mục trong themes/ của trang",
                    "the theme \"{name}\" is not a folder in the site's themes/"
                ),
            )]
        })?;
        let mut sources: BTreeMap<String, (String, PathBuf)> = TEMPLATES
            .iter()
            .map(|(n, s)| {
                let origin = PathBuf::from(format!("themes/default/templates/{n}"));
                (n.to_string(), (s.to_string(), origin))
            })
            .collect();
        let mut assets: BTreeMap<String, Asset> = STATIC
            .iter()
            .map(|(n, b)| (n.to_string(), Asset::Embedded(b)))
            .collect();
        let mut diags = Vec::new();
        if let Some(dir) = dir {
            read_overrides(root, &dir, &mut sources, &mut assets, &mut diags);
        }
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml", ".svg"]);
        let all: Vec<(String, String)> = sources
            .iter()
            .map(|(n, (s, _))| (n.clone(), s.clone()))
            .collect();
        if let Err(e) = tera.add_raw_templates(all) {
            diags.push(template_error(&e, &sources));
        }
        if diags.is_empty() {
            let digest = digest(&sources, &assets);
            let origins = sources
                .into_iter()
                .map(|(n, (_, path))| (n, path))
                .collect();
            Ok(Theme {
                tera,
                assets,
                origins,
                digest,
            })
        } else {
            Err(diags)
        }
    }
}

/// Every template (name and text) and asset (name and bytes), hashed.
fn digest(sources: &BTreeMap<String, (String, PathBuf)>, assets: &BTreeMap<String, Asset>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    for (name, (text, _)) in sources {
        (name, text).hash(&mut h);
    }
    for (name, asset) in assets {
        name.hash(&mut h);
        match asset {
            Asset::Embedded(bytes) => bytes.hash(&mut h),
            // Copied when the site is written: what cannot be read now
            // fails then, and is never taken for unchanged.
            Asset::File(path) => match std::fs::read(path) {
                Ok(bytes) => bytes.hash(&mut h),
                Err(e) => e.kind().hash(&mut h),
            },
        }
    }
    h.finish()
}

fn read_overrides(
    root: &Path,
    dir: &Path,
    sources: &mut BTreeMap<String, (String, PathBuf)>,
    assets: &mut BTreeMap<String, Asset>,
    diags: &mut Vec<Diagnostic>,
) {
    for (sub, is_template) in [("templates", true), ("static", false)] {
        let base = dir.join(sub);
        if !base.is_dir() {
            continue;
        }
        // Links are not followed, not even `templates/` or `static/`
        // themselves: nothing from outside the site is read or published.
        for entry in walkdir::WalkDir::new(&base)
            .follow_root_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let Ok(rel) = entry.path().strip_prefix(&base) else {
                continue;
            };
            let name = rel.to_string_lossy().replace('\\', "/");
            if name.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            let shown = entry.path().strip_prefix(root).unwrap_or(entry.path());
            if !is_template {
                assets.insert(name, Asset::File(entry.path().to_path_buf()));
                continue;
            }
            match std::fs::read_to_string(entry.path()) {
                Ok(text) => {
                    sources.insert(name, (text, shown.to_path_buf()));
                }
                Err(e) => diags.push(Diagnostic::error(
                    Rule::ThemeRead,
                    shown,
                    t!(
                        "không đọc được mẫu giao diện: {e}",
                        "cannot read the template: {e}"
                    ),
                )),
            }
        }
    }
}

/// A template that does not parse: the IT person editing a theme gets Tera's
/// own message (it names the line and column) under the template's path.
fn template_error(e: &tera::Error, sources: &BTreeMap<String, (String, PathBuf)>) -> Diagnostic {
    let text = error_chain(e);
    let file = sources
        .iter()
        .find(|(name, _)| text.contains(name.as_str()))
        .map(|(_, (_, path))| path.clone())
        .unwrap_or_else(|| PathBuf::from("themes"));
    Diagnostic::error(
        Rule::ThemeTemplate,
        file,
        t!(
            "lỗi trong mẫu giao diện:\n{text}",
            "error in a theme template:\n{text}"
        ),
    )
    .hint(t!(
        "sửa mẫu theo thông báo trên, hoặc xóa tệp mẫu để dùng mẫu mặc định",
        "fix the template as the message says, or delete it to use the default one"
    ))
}

/// Tera's message with every cause, one per line.
/// `template`, a template of the program's own that no theme changes
/// (the biên bản of `review`), rendered alone with `values`' fields as its
/// variables, HTML escaped; the error in words.
pub fn standalone(
    name: &str,
    template: &str,
    values: &impl serde::Serialize,
) -> Result<String, String> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html"]);
    tera.add_raw_template(name, template)
        .and_then(|()| tera::Context::from_serialize(values))
        .and_then(|ctx| tera.render(name, &ctx))
        .map_err(|e| e.to_string())
}

pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push('\n');
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}
