//! Aligned columns for people; scripts use `--json`.

use crate::text::sanitize;

/// Render rows under a header, columns separated by two spaces, the last one unpadded.
/// Cells go through the escaper: they hold names and values from a server or a file.
pub fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| sanitize(cell, false)).collect())
        .collect();
    let cols = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 < cols {
                s.push_str(cell);
                s.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            } else {
                s.push_str(cell);
            }
        }
        s.trim_end().to_owned()
    };
    let mut out = line(header.to_vec());
    for row in &rows {
        out.push('\n');
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns() {
        let t = render(
            &["CHANNEL", "USERS"],
            &[
                vec!["presence-a".into(), "2".into()],
                vec!["b".into(), "".into()],
            ],
        );
        assert_eq!(t, "CHANNEL     USERS\npresence-a  2\nb\n");
    }

    #[test]
    fn cells_are_escaped_and_aligned_as_shown() {
        let t = render(
            &["CHANNEL", "EVENTS"],
            &[
                vec!["a\u{202e}b".into(), "x".into()],
                vec!["c".into(), "y\u{1b}[2J".into()],
            ],
        );
        assert_eq!(
            t,
            "CHANNEL     EVENTS\na\\u{202e}b  x\nc           y\\u{1b}[2J\n"
        );
    }
}
