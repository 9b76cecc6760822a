//! JSON string literals, written as serde_json writes them (the same escapes, byte for
//! byte) but eight bytes at a time where nothing needs escaping: an event record holds
//! several strings, and its data's longest ones are usually plain text.

/// Append `s` to `out` as a JSON string literal: the bytes `serde_json::to_writer`
/// writes for it. `"` and `\` are escaped with a backslash, the C0 controls as `\b`,
/// `\t`, `\n`, `\f`, `\r` or `\u00xx`; everything else is written as it is.
pub fn push(out: &mut Vec<u8>, s: &str) {
    let mut rest = s.as_bytes();
    out.reserve(rest.len() + 2);
    out.push(b'"');
    loop {
        let plain = plain_run(rest);
        out.extend_from_slice(&rest[..plain]);
        let Some(&b) = rest.get(plain) else {
            break;
        };
        let short = match b {
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0c => b'f',
            b'\r' => b'r',
            0x00..=0x1f => b'u',
            other => other,
        };
        if short == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', short]);
        }
        rest = &rest[plain + 1..];
    }
    out.push(b'"');
}

/// How many of the leading bytes a JSON string holds as they are: the length of the
/// run before the first `"`, `\` or byte below 0x20 (all of them when there is none).
/// Looked at eight bytes at a time.
pub fn plain_run(bytes: &[u8]) -> usize {
    let mut i = 0;
    while let Some(word) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let found = special(u64::from_le_bytes(*word));
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map_or(bytes.len(), |at| i + at)
}

/// The high bit of each byte of `word` (little-endian) that is `"`, `\` or below 0x20,
/// and maybe of bytes above such a one (a borrow carries into the next byte): zero when
/// there is none, and the lowest bit set is always the first there is.
fn special(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    below(word, 0x20) | below(quote, 1) | below(backslash, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde(s: &str) -> Vec<u8> {
        serde_json::to_vec(s).unwrap()
    }

    fn ours(s: &str) -> Vec<u8> {
        let mut out = b"x".to_vec();
        push(&mut out, s);
        out.split_off(1)
    }

    #[test]
    fn every_character_class_is_written_as_serde_json_writes_it() {
        // Each character alone, and at every offset of a run longer than a word.
        let chars: Vec<char> = (0u32..0x250)
            .chain([0x2028, 0x202e, 0xfeff, 0xffff, 0x1f600, 0xe0041, 0x10ffff])
            .filter_map(char::from_u32)
            .collect();
        for &c in &chars {
            let alone = c.to_string();
            assert_eq!(ours(&alone), serde(&alone), "{c:?}");
            for at in 0..18 {
                let mut s = "a".repeat(at);
                s.push(c);
                s.push_str(&"b".repeat(17 - at));
                assert_eq!(ours(&s), serde(&s), "{c:?} at {at}");
            }
        }
        // Every pair of bytes that matter, around a word boundary.
        let edges = [
            '\0', '\u{1f}', ' ', '!', '"', '#', '[', '\\', ']', '\u{7f}', 'é',
        ];
        for a in edges {
            for b in edges {
                for at in 5..10 {
                    let s = format!("{}{a}{b}{}", "x".repeat(at), "y".repeat(9));
                    assert_eq!(ours(&s), serde(&s), "{s:?}");
                }
            }
        }
        assert_eq!(ours(""), b"\"\"");
    }

    /// Every byte at every offset, alone and after an earlier special byte, and runs
    /// of every length around a word.
    #[test]
    fn plain_runs_end_at_the_first_special_byte() {
        let special = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
        let naive = |bytes: &[u8]| {
            bytes
                .iter()
                .position(|&b| special(b))
                .unwrap_or(bytes.len())
        };
        for b in 0u8..=255 {
            for len in 0..20 {
                for at in 0..len {
                    for first in [b'a', b'"', 0x1f, 0xff] {
                        let mut bytes = vec![b'a'; len];
                        bytes[at] = b;
                        if at > 0 {
                            bytes[at - 1] = first;
                        }
                        assert_eq!(plain_run(&bytes), naive(&bytes), "{bytes:?}");
                    }
                }
                assert_eq!(
                    plain_run(&vec![b; len]),
                    naive(&vec![b; len]),
                    "{b} × {len}"
                );
            }
        }
    }
}
