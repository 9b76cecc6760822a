//! What text may be shown to a person: the one escaper. Text from a server, a file or
//! the command line is shown only after every character that could drive the terminal
//! or change how the text reads is made visible: a hostile or broken server cannot move
//! the cursor, clear the screen, or make `private-admin` display as something else.
//!
//! Every command uses it: for plain text through `sanitize`, `one_line` and `short`,
//! for names and values quoted in messages through `escape_for_message`, and for JSON
//! through `ui::json` (which writes the same characters as `\uXXXX`), and for JUnit
//! XML through `xml`. It is pure, so the protocol core and the config model use it too.

/// Unicode's format characters (general category Cf), as ranges, from the Unicode 15.1
/// tables (`unicodedata` in Python 3.13 lists the same). They draw nothing, yet change
/// how the text around them reads: bidi embeddings, overrides and isolates reorder it,
/// zero-width spaces and joiners hide inside names, the soft hyphen and the byte-order
/// mark are invisible, tags hide text altogether.
const FORMAT_CHARACTERS: [(char, char); 21] = [
    ('\u{00AD}', '\u{00AD}'),   // soft hyphen
    ('\u{0600}', '\u{0605}'),   // Arabic number signs
    ('\u{061C}', '\u{061C}'),   // Arabic letter mark
    ('\u{06DD}', '\u{06DD}'),   // Arabic end of ayah
    ('\u{070F}', '\u{070F}'),   // Syriac abbreviation mark
    ('\u{0890}', '\u{0891}'),   // Arabic pound and piastre marks above
    ('\u{08E2}', '\u{08E2}'),   // Arabic disputed end of ayah
    ('\u{180E}', '\u{180E}'),   // Mongolian vowel separator
    ('\u{200B}', '\u{200F}'),   // zero-width space, non-joiner, joiner; LRM, RLM
    ('\u{202A}', '\u{202E}'),   // bidi embeddings and overrides
    ('\u{2060}', '\u{2064}'),   // word joiner, invisible operators
    ('\u{2066}', '\u{206F}'),   // bidi isolates; deprecated format characters
    ('\u{FEFF}', '\u{FEFF}'),   // zero-width no-break space (byte-order mark)
    ('\u{FFF9}', '\u{FFFB}'),   // interlinear annotation
    ('\u{110BD}', '\u{110BD}'), // Kaithi number sign
    ('\u{110CD}', '\u{110CD}'), // Kaithi number sign above
    ('\u{13430}', '\u{1343F}'), // Egyptian hieroglyph format controls
    ('\u{1BCA0}', '\u{1BCA3}'), // shorthand format controls
    ('\u{1D173}', '\u{1D17A}'), // musical symbol beams, ties, slurs, phrases
    ('\u{E0001}', '\u{E0001}'), // language tag
    ('\u{E0020}', '\u{E007F}'), // tag characters
];

/// Whether `c` is shown escaped: the C0 and C1 controls and DEL (category Cc), the
/// format characters (Cf), and the line and paragraph separators (U+2028, U+2029),
/// which break a line as a newline does.
pub fn needs_escape(c: char) -> bool {
    if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
        return true;
    }
    if c < '\u{00AD}' {
        return false;
    }
    FORMAT_CHARACTERS
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Replace what `needs_escape` names with visible escapes (`\u{202e}`, `\n`, `\u{1b}`);
/// keep newlines and tabs only when `multiline` is set.
pub fn sanitize(text: &str, multiline: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' if multiline => out.push(c),
            c if needs_escape(c) => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

/// Text escaped and cut to at most `max` characters (then `…`), as given otherwise:
/// for names and values quoted in messages.
pub fn short(text: &str, max: usize) -> String {
    let clean = sanitize(text, false);
    if clean.chars().count() > max {
        let cut: String = clean.chars().take(max).collect();
        format!("{cut}…")
    } else {
        clean
    }
}

/// A name or value as a message quotes it: escaped, and cut at 60 characters.
pub fn escape_for_message(text: &str) -> String {
    short(text, 60)
}

/// A server's message, trimmed, on one line and at most `max` characters.
pub fn one_line(text: &str, max: usize) -> String {
    short(text.trim(), max)
}

/// Text as XML character data or an attribute value. Characters XML 1.0 cannot hold
/// (most control characters) are written as their escapes.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
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
        assert_eq!(sanitize("\u{9b}x\u{7f}", false), "\\u{9b}x\\u{7f}");
        assert_eq!(
            sanitize("ünïcode ✓ 日本 עברית", false),
            "ünïcode ✓ 日本 עברית"
        );
    }

    #[test]
    fn bidi_and_zero_width_characters_are_made_visible() {
        // "private-admin" that would display as "private-nimda…" and friends.
        assert_eq!(
            sanitize("private-\u{202e}nimda", false),
            "private-\\u{202e}nimda"
        );
        for (c, shown) in [
            ('\u{200b}', "\\u{200b}"),
            ('\u{200d}', "\\u{200d}"),
            ('\u{200f}', "\\u{200f}"),
            ('\u{2066}', "\\u{2066}"),
            ('\u{2069}', "\\u{2069}"),
            ('\u{feff}', "\\u{feff}"),
            ('\u{ad}', "\\u{ad}"),
            ('\u{2028}', "\\u{2028}"),
            ('\u{e0041}', "\\u{e0041}"),
        ] {
            assert_eq!(sanitize(&format!("a{c}b"), true), format!("a{shown}b"));
        }
    }

    #[test]
    fn the_format_table_is_sorted_and_exact_at_its_edges() {
        for pair in FORMAT_CHARACTERS.windows(2) {
            assert!(pair[0].0 <= pair[0].1, "{pair:?}");
            assert!(pair[0].1 < pair[1].0, "not sorted: {pair:?}");
        }
        for &(lo, hi) in &FORMAT_CHARACTERS {
            assert!(needs_escape(lo) && needs_escape(hi), "{lo:?}..{hi:?}");
            let below = char::from_u32(u32::from(lo) - 1).unwrap();
            let above = char::from_u32(u32::from(hi) + 1).unwrap();
            // U+2029, just below the bidi overrides, is escaped as a paragraph separator.
            if below != '\u{2029}' {
                assert!(!needs_escape(below), "{below:?} is not Cf");
            }
            assert!(!needs_escape(above), "{above:?} is not Cf");
        }
        assert!(!needs_escape(' ') && !needs_escape('a') && !needs_escape('\u{a0}'));
        assert!(!needs_escape('\u{200a}') && !needs_escape('\u{2010}'));
        assert!(
            !needs_escape('\u{fe0f}'),
            "variation selectors are Mn, not Cf"
        );
    }

    #[test]
    fn xml_escapes_markup_and_control_characters() {
        assert_eq!(
            xml("<a b=\"c\"> & 'd'"),
            "&lt;a b=&quot;c&quot;&gt; &amp; &apos;d&apos;"
        );
        assert_eq!(xml("a\u{1b}b\n"), "a\\u{1b}b\n");
    }

    #[test]
    fn short_cuts_without_trimming_and_one_line_trims() {
        assert_eq!(short("1.1\n", 60), "1.1\\n");
        assert_eq!(short("abcdef", 3), "abc…");
        assert_eq!(one_line("  abcdef  ", 3), "abc…");
        assert_eq!(one_line("abc", 3), "abc");
        assert_eq!(escape_for_message(&"a".repeat(60)), "a".repeat(60));
        assert_eq!(
            escape_for_message(&format!("{}\u{1b}", "a".repeat(70))),
            format!("{}…", "a".repeat(60))
        );
    }
}
