//! A decoded file's text with a line index, to turn byte offsets into the
//! line/column a person sees.

use super::Location;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the site root, for messages.
    pub rel_path: PathBuf,
    /// The text after decoding, BOM removal, CRLF → LF and NFC.
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(rel_path: PathBuf, text: String) -> Source {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source {
            rel_path,
            text,
            line_starts,
        }
    }

    /// The 1-based line holding `byte`.
    pub fn line_of(&self, byte: usize) -> usize {
        match self.line_starts.binary_search(&byte) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |e| e - 1);
        self.text.get(start..end.max(start)).unwrap_or("")
    }

    /// Location of a byte range; the width is at least one character.
    pub fn locate(&self, byte: usize, len: usize) -> Location {
        let byte = byte.min(self.text.len());
        let line = self.line_of(byte);
        let start = self.line_starts[line - 1];
        let prefix = self.text.get(start..byte).unwrap_or("");
        let column = prefix.chars().count() + 1;
        let line_text = self.line_text(line).to_string();
        let end = (byte + len).min(start + line_text.len());
        let width = self
            .text
            .get(byte..end)
            .map_or(1, |s| s.chars().count())
            .max(1);
        Location {
            line,
            column,
            width,
            line_text,
        }
    }

    /// Location of a whole 1-based line's first non-blank run.
    pub fn locate_line(&self, line: usize) -> Location {
        let text = self.line_text(line);
        let indent = text.len() - text.trim_start().len();
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        self.locate(start + indent, text.trim().len())
    }

    /// Location from a line and a 1-based character column (what YAML parsers
    /// report), pointing at the word that starts there.
    pub fn locate_line_col(
        &self,
        line: usize,
        column: usize,
        len_chars: Option<usize>,
    ) -> Location {
        let text = self.line_text(line);
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        let byte_in_line: usize = text
            .chars()
            .take(column.saturating_sub(1))
            .map(char::len_utf8)
            .sum();
        let rest = &text[byte_in_line..];
        let len_bytes = match len_chars {
            Some(n) => rest.chars().take(n).map(char::len_utf8).sum(),
            None => word_len(rest),
        };
        self.locate(start + byte_in_line, len_bytes)
    }
}

/// Length of the key or word at the start of `s` (up to `:` or a space).
fn word_len(s: &str) -> usize {
    s.find([':', ' ', '\t', ',', ']', '}']).unwrap_or(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_character_columns() {
        let s = Source::new("x.md".into(), "---\ntên: Hộ tịch\nfess: 1\n".into());
        assert_eq!(s.line_of(0), 1);
        assert_eq!(s.line_text(2), "tên: Hộ tịch");
        let byte = s.text.find("Hộ").unwrap();
        let loc = s.locate(byte, "Hộ tịch".len());
        assert_eq!((loc.line, loc.column, loc.width), (2, 6, 7));
        let loc = s.locate_line_col(3, 1, None);
        assert_eq!((loc.line, loc.column, loc.width), (3, 1, 4));
        assert_eq!(s.locate_line(3).width, 7);
        assert_eq!(s.line_text(99), "");
    }
}
