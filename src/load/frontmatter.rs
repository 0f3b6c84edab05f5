//! Splits a Markdown file into its YAML front matter and its body.
//!
//! The YAML handed to the parser is the file's own prefix, opening `---`
//! included (YAML reads it as a document start), so every position the parser
//! reports is already a position in the file the clerk has open.

#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The file up to (not including) the closing `---` line.
    pub yaml: &'a str,
    /// The Markdown after the closing line.
    pub body: &'a str,
    /// 1-based line of the body's first line.
    pub body_line: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// Nothing but blank lines.
    Empty,
    /// The first line is not `---`; `looks_like_yaml` when it reads `key: value`.
    NoOpening { looks_like_yaml: bool },
    /// No closing `---` line.
    Unclosed,
    /// Opening and closing lines with nothing but blanks and comments between.
    EmptyFrontMatter { closing_line: usize },
}

fn is_delimiter(line: &str) -> bool {
    line.trim_end() == "---"
}

pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let mut offset = 0;
    let mut opened = false;
    let mut has_content = false;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let bare = line.trim_end_matches('\n');
        if !opened {
            if is_delimiter(bare) {
                opened = true;
            } else if !bare.trim().is_empty() {
                let looks_like_yaml = bare.contains(':') && !bare.trim_start().starts_with('#');
                return Err(SplitError::NoOpening { looks_like_yaml });
            }
        } else if is_delimiter(bare) {
            if !has_content {
                return Err(SplitError::EmptyFrontMatter {
                    closing_line: i + 1,
                });
            }
            let body_start = offset + line.len();
            return Ok(Split {
                yaml: &text[..offset],
                body: &text[body_start..],
                body_line: i + 2,
            });
        } else if !bare.trim().is_empty() && !bare.trim_start().starts_with('#') {
            has_content = true;
        }
        offset += line.len();
    }
    Err(SplitError::Unclosed)
}

/// Lines of the front matter whose indentation contains a tab (1-based).
/// YAML forbids tabs for indentation, and a clerk cannot see them.
pub fn tab_indented_lines(yaml: &str) -> Vec<usize> {
    yaml.lines()
        .enumerate()
        .filter(|(_, l)| {
            l.chars()
                .take_while(|c| c.is_whitespace())
                .any(|c| c == '\t')
        })
        .map(|(i, _)| i + 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_keeps_file_positions() {
        let s = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "---\ntitle: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
        let s = split("\n---  \nt: 1\n---\n").unwrap();
        assert_eq!(s.body, "");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn reports_each_broken_shape() {
        assert_eq!(split(" \n\n"), Err(SplitError::Empty));
        assert_eq!(
            split("title: A\n---\n"),
            Err(SplitError::NoOpening {
                looks_like_yaml: true
            })
        );
        assert_eq!(
            split("# Tiêu đề\n"),
            Err(SplitError::NoOpening {
                looks_like_yaml: false
            })
        );
        assert_eq!(split("---\ntitle: A\n"), Err(SplitError::Unclosed));
        assert_eq!(
            split("---\n# x\n---\n"),
            Err(SplitError::EmptyFrontMatter { closing_line: 3 })
        );
    }

    #[test]
    fn finds_tabs_in_indentation_only() {
        assert_eq!(
            tab_indented_lines("---\na:\n\tb: 1\nc: \"x\ty\"\n"),
            vec![3]
        );
    }
}
