//! JSON string literals read eight bytes at a time where nothing is escaped: an event
//! frame's data is a string, usually long and mostly plain text.

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
