//! `niemyet new` and `niemyet init`: write a commented starting file (or a
//! whole starting site) that passes `check` at once, and never overwrite
//! anything. Both return an [`Outcome`] that `main` prints; nothing here prints.
//!
//! Placeholders a clerk must replace carry the word
//! [`PLACEHOLDER`](crate::markers::PLACEHOLDER) (in the value when it is
//! published text, in a comment when the value is a plausible stand-in), so
//! they can be found with Ctrl+F in Notepad.

mod init;
mod new;

pub use init::init_site;
pub use new::new_procedure;

use crate::diag::Rule;
use crate::diag::{self, Diagnostic, Style};
use crate::lang::{Lang, Text};
use crate::text::{nfc, slugify};
use std::path::{Path, PathBuf};

/// Longest slug `new` makes from a title: long Vietnamese titles would give
/// file names too long for Windows paths and for people.
const MAX_SLUG: usize = 80;

/// What a command did, for `main` to print.
#[derive(Debug)]
pub struct Outcome {
    /// 0 done, 1 refused because of what is on disk, 2 wrong arguments or I/O.
    pub code: u8,
    pub lang: Lang,
    /// The folder printed paths are relative to (`--root`, or init's DIR).
    pub root: PathBuf,
    /// Why nothing was written; empty when the command succeeded.
    pub problems: Vec<Diagnostic>,
    /// What was written and what to do next, one line each.
    pub done: Vec<Text>,
}

impl Outcome {
    fn new(root: &Path, lang: Lang) -> Outcome {
        Outcome {
            code: 0,
            lang,
            root: root.to_path_buf(),
            problems: Vec::new(),
            done: Vec::new(),
        }
    }

    /// Records a problem; `code` is 1 (content) or 2 (usage, I/O), the
    /// highest one wins.
    fn refuse(&mut self, code: u8, d: Diagnostic) {
        self.code = self.code.max(code);
        self.problems.push(d);
    }

    fn failed(&self) -> bool {
        !self.problems.is_empty()
    }

    /// `(stdout, stderr)`: the report on stdout, problems (located like
    /// `check`'s) on stderr, ending with a line saying nothing was written.
    pub fn render(&self, style: Style) -> (String, String) {
        let lang = self.lang;
        let mut out = String::new();
        for line in &self.done {
            // Lines name folders the user gave: control characters escaped.
            out.push_str(&crate::text::printable_lines(line.get(lang)));
            out.push('\n');
        }
        let mut err = String::new();
        for d in &self.problems {
            if d.file.as_os_str().is_empty() {
                let (label, word) = match lang {
                    Lang::Vi => ("lỗi", "gợi ý"),
                    Lang::En => ("error", "hint"),
                };
                let message = crate::text::printable_lines(d.message.get(lang));
                err.push_str(&format!("{label}: {message}\n"));
                if let Some(h) = &d.hint {
                    for (i, line) in crate::text::printable_lines(h.get(lang))
                        .lines()
                        .enumerate()
                    {
                        let lead = if i == 0 {
                            format!("    = {word}: ")
                        } else {
                            "      ".into()
                        };
                        err.push_str(&format!("{lead}{line}\n"));
                    }
                }
                err.push('\n');
            } else {
                err.push_str(&diag::render(
                    std::slice::from_ref(d),
                    &self.root,
                    lang,
                    style,
                ));
            }
        }
        if self.failed() {
            err.push_str(match lang {
                Lang::Vi => "Không tạo tệp nào.\n",
                Lang::En => "Nothing was written.\n",
            });
        }
        (out, err)
    }
}

/// A title as the clerk meant it: NFC, one space between words, no control
/// characters, no quotes around it (pasted from Word), no `.md` typed after it.
pub fn clean_title(raw: &str) -> String {
    let s: String = nfc(raw)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let s = one_line(&s);
    let mut s = s.as_str();
    for (open, close) in [('"', '"'), ('\'', '\''), ('“', '”'), ('‘', '’')] {
        if s.chars().count() >= 2 && s.starts_with(open) && s.ends_with(close) {
            s = s[open.len_utf8()..s.len() - close.len_utf8()].trim();
        }
    }
    let s = match s.len().checked_sub(3) {
        Some(cut) if s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(".md") => &s[..cut],
        _ => s,
    };
    s.trim().to_string()
}

/// The file name (without `.md`) for a cleaned title: the folded slug, cut at
/// a word boundary to [`MAX_SLUG`] characters. `None` when nothing is left
/// (a title of punctuation only).
pub fn title_slug(title: &str) -> Option<String> {
    let mut slug = slugify(title);
    if slug.len() > MAX_SLUG {
        let cut = slug[..=MAX_SLUG].rfind('-').unwrap_or(MAX_SLUG);
        slug.truncate(cut);
        while slug.ends_with('-') {
            slug.pop();
        }
    }
    (!slug.is_empty()).then_some(slug)
}

/// A one-line YAML value: plain when it reads back unchanged, otherwise in
/// double quotes with `\` and `"` escaped.
pub fn yaml_scalar(s: &str) -> String {
    let plain = s.chars().next().is_some_and(alphabetic)
        && s.chars()
            .all(|c| alphanumeric(c) || " (),.;/-–".contains(c))
        && !s.ends_with(' ')
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain {
        s.to_string()
    } else {
        let escaped = s.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"{escaped}\"")
    }
}

/// A Latin letter outside ASCII (Vietnamese letters among them): known
/// alphabetic without the Unicode tables, which `niemyet import` would
/// otherwise consult for every letter of 60 MB of text.
fn latin_letter(c: char) -> bool {
    (('\u{c0}'..='\u{24f}').contains(&c) && c != '×' && c != '÷')
        || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// `char::is_alphabetic`, quicker for Latin text.
fn alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        latin_letter(c) || c.is_alphabetic()
    }
}

/// `char::is_alphanumeric`, quicker for Latin text.
fn alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        latin_letter(c) || c.is_alphanumeric()
    }
}

/// A path as the user would type it again in a command: quoted when it holds
/// spaces or other characters a shell would split on.
pub fn shell_arg(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/\\:+".contains(c))
    {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('"', "\\\""))
    }
}

/// Where a file under the site shows in messages: relative to `root`, or
/// joined to it when `--root` was given (as `check` prints paths).
fn display_path(root: &Path, rel: &Path) -> String {
    let p = if root == Path::new(".") || root.as_os_str().is_empty() {
        rel.to_path_buf()
    } else {
        root.join(rel)
    };
    p.to_string_lossy().replace('\\', "/")
}

/// One-line text for a template: whitespace runs (newlines included) become
/// one space, so a value read from YAML cannot break the line it goes in.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn io_error(file: impl Into<PathBuf>, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Rule::Io,
        file,
        crate::t!("không ghi được: {err}", "cannot write: {err}"),
    )
    .hint(crate::t!(
        "kiểm tra quyền ghi vào thư mục và chỗ trống trên ổ đĩa",
        "check the folder is writable and the disk has space"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn quick_letter_tests_agree_with_unicode() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn titles_are_cleaned_like_a_tired_clerk_needs() {
        let nfd: String = "Đăng ký khai sinh".nfd().collect();
        assert_eq!(clean_title(&format!("  {nfd}  \n")), "Đăng ký khai sinh");
        assert_eq!(clean_title("“Đăng ký  khai sinh”"), "Đăng ký khai sinh");
        assert_eq!(clean_title("\"Đăng ký khai sinh\""), "Đăng ký khai sinh");
        assert_eq!(clean_title("Đăng ký khai sinh.md"), "Đăng ký khai sinh");
        assert_eq!(clean_title("Đăng ký\tkhai\u{7}sinh"), "Đăng ký khai sinh");
        assert_eq!(clean_title("   "), "");
        assert_eq!(clean_title("\""), "\"");
    }

    #[test]
    fn slugs_fold_and_stay_short() {
        assert_eq!(
            title_slug("Đăng ký khai sinh").as_deref(),
            Some("dang-ky-khai-sinh")
        );
        let nfd: String = "Chứng thực chữ ký".nfd().collect();
        assert_eq!(title_slug(&nfd).as_deref(), Some("chung-thuc-chu-ky"));
        assert_eq!(title_slug("— ? —"), None);
        assert_eq!(title_slug(""), None);
        let long = "Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con có yếu tố nước ngoài cho trẻ em sinh ra ở nước ngoài";
        let slug = title_slug(long).expect("slug");
        assert!(slug.len() <= MAX_SLUG, "{slug}");
        assert!(crate::text::is_slug(&slug), "{slug}");
        assert!(long.len() > MAX_SLUG);
    }

    #[test]
    fn yaml_values_read_back() {
        assert_eq!(yaml_scalar("Đăng ký khai sinh"), "Đăng ký khai sinh");
        assert_eq!(yaml_scalar("Cấp bản sao (nếu có)"), "Cấp bản sao (nếu có)");
        assert_eq!(
            yaml_scalar("Khai sinh: lưu động"),
            "\"Khai sinh: lưu động\""
        );
        assert_eq!(yaml_scalar("Giấy \"A\" # b"), "\"Giấy \\\"A\\\" # b\"");
        assert_eq!(yaml_scalar("- a"), "\"- a\"");
        assert_eq!(yaml_scalar("123"), "\"123\"");
        assert_eq!(yaml_scalar("Null"), "\"Null\"");
    }

    #[test]
    fn shell_args_are_quoted_when_needed() {
        assert_eq!(shell_arg("phuong-a"), "phuong-a");
        assert_eq!(shell_arg("/tmp/x/y"), "/tmp/x/y");
        assert_eq!(shell_arg("Phường A"), "\"Phường A\"");
        assert_eq!(shell_arg("Niem yet"), "\"Niem yet\"");
    }
}
