//! A unified diff of two texts, line by line (longest common subsequence;
//! procedure files are a few hundred lines), coloured on a terminal.

use crate::diag::Style;

/// `--- a` / `+++ b` / `@@` hunks with 2 lines of context.
pub fn unified(name: &str, old: &str, new: &str, style: Style) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let ops = diff_ops(&a, &b);
    let paint = |code: &str, s: String| match style {
        Style::Color => format!("\x1b[{code}m{s}\x1b[0m"),
        Style::Plain => s,
    };
    let mut out = format!(
        "{}\n{}\n",
        paint("1", format!("--- {name}")),
        paint("1", format!("+++ {name}"))
    );
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, o)| o.0 != ' ')
        .map(|(i, _)| i)
        .collect();
    let mut i = 0;
    while i < changed.len() {
        let start = changed[i].saturating_sub(2);
        let mut end = changed[i] + 3;
        while i + 1 < changed.len() && changed[i + 1] <= end + 2 {
            i += 1;
            end = changed[i] + 3;
        }
        let end = end.min(ops.len());
        let (la, lb) = ops[..start].iter().fold((1, 1), |(x, y), o| match o.0 {
            '-' => (x + 1, y),
            '+' => (x, y + 1),
            _ => (x + 1, y + 1),
        });
        let na = ops[start..end].iter().filter(|o| o.0 != '+').count();
        let nb = ops[start..end].iter().filter(|o| o.0 != '-').count();
        out.push_str(&paint("36", format!("@@ -{la},{na} +{lb},{nb} @@")));
        out.push('\n');
        for (kind, line) in &ops[start..end] {
            let line = crate::text::printable(line);
            let s = format!("{kind}{line}");
            out.push_str(&match kind {
                '-' => paint("31", s),
                '+' => paint("32", s),
                _ => s,
            });
            out.push('\n');
        }
        i += 1;
    }
    out
}

fn diff_ops<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<(char, &'a str)> {
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(('-', a[i]));
            i += 1;
        } else {
            out.push(('+', b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_line_shows_as_minus_and_plus() {
        let d = unified("f.md", "a\nb\nc\n", "a\nB\nc\n", Style::Plain);
        assert!(d.contains("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"), "{d}");
    }
}
