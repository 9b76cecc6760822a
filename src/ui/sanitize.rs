//! Text from a server is shown to a person only after its control characters are
//! made visible, so a hostile or broken server cannot drive the terminal.

/// Replace control characters (escape sequences included) with visible escapes;
/// keep newlines and tabs only when `multiline` is set.
pub fn sanitize(text: &str, multiline: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' if multiline => out.push(c),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

/// A server's message, on one line and at most `max` characters.
pub fn one_line(text: &str, max: usize) -> String {
    let clean = sanitize(text.trim(), false);
    if clean.chars().count() > max {
        let cut: String = clean.chars().take(max).collect();
        format!("{cut}…")
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(
            sanitize("a\u{1b}[31mred\u{7}", false),
            "a\\u{1b}[31mred\\u{7}"
        );
        assert_eq!(sanitize("a\nb\tc\r", true), "a\nb\tc\\r");
        assert_eq!(sanitize("a\nb", false), "a\\nb");
        assert_eq!(sanitize("\u{9b}x", false), "\\u{9b}x");
        assert_eq!(sanitize("ünïcode ✓", false), "ünïcode ✓");
    }

    #[test]
    fn one_line_cuts() {
        assert_eq!(one_line("  abcdef  ", 3), "abc…");
        assert_eq!(one_line("abc", 3), "abc");
    }
}
