//! Batch input, line by line: read once, each line at most a given length.

use tokio::io::{AsyncBufRead, AsyncBufReadExt as _};

/// A line as read: its bytes (lent until the next read), or that it was longer than
/// the limit.
pub(super) enum RawLine<'a> {
    Text(&'a [u8]),
    TooLong,
}

/// Reads lines of at most `max` bytes, once, keeping a part-read line in itself so a
/// read cut short by a stop loses nothing. Counts the bytes it has consumed. One buffer
/// holds each line in turn.
pub(super) struct LineReader {
    reader: Box<dyn AsyncBufRead + Unpin>,
    line: Vec<u8>,
    /// `line` holds a line already handed out: the next read starts a new one.
    taken: bool,
    too_long: bool,
    pub(super) max: usize,
    pub(super) consumed: u64,
}

impl LineReader {
    pub(super) fn new(reader: Box<dyn AsyncBufRead + Unpin>, max: usize) -> Self {
        Self {
            reader,
            line: Vec::new(),
            taken: false,
            too_long: false,
            max,
            consumed: 0,
        }
    }

    pub(super) async fn next(&mut self) -> std::io::Result<Option<RawLine<'_>>> {
        if std::mem::take(&mut self.taken) {
            self.line.clear();
        }
        loop {
            let chunk = self.reader.fill_buf().await?;
            if chunk.is_empty() {
                if self.line.is_empty() && !self.too_long {
                    return Ok(None);
                }
                return Ok(Some(self.take()));
            }
            let newline = memchr::memchr(b'\n', chunk);
            let part = &chunk[..newline.unwrap_or(chunk.len())];
            if self.line.len() + part.len() <= self.max {
                self.line.extend_from_slice(part);
            } else {
                self.too_long = true;
            }
            let used = newline.map_or(chunk.len(), |i| i + 1);
            self.reader.consume(used);
            self.consumed += used as u64;
            if newline.is_some() {
                return Ok(Some(self.take()));
            }
        }
    }

    fn take(&mut self) -> RawLine<'_> {
        self.taken = true;
        if std::mem::take(&mut self.too_long) {
            return RawLine::TooLong;
        }
        let line = self.line.as_slice();
        RawLine::Text(line.strip_suffix(b"\r").unwrap_or(line))
    }
}

/// The longest line worth reading: the data limit with every byte escaped as `\uXXXX`,
/// and room for the rest of the record.
pub(super) fn max_line(max_payload_kb: usize) -> usize {
    max_payload_kb
        .saturating_mul(1024)
        .saturating_mul(6)
        .saturating_add(64 * 1024)
}

#[cfg(test)]
mod tests {
    use tokio::io::BufReader;

    use super::*;

    fn reader(text: &'static [u8], max: usize) -> LineReader {
        LineReader::new(Box::new(BufReader::with_capacity(4, text)), max)
    }

    async fn all(mut r: LineReader) -> Vec<Option<String>> {
        let mut out = Vec::new();
        while let Some(line) = r.next().await.unwrap() {
            out.push(match line {
                RawLine::Text(b) => Some(String::from_utf8(b.to_vec()).unwrap()),
                RawLine::TooLong => None,
            });
        }
        out
    }

    #[tokio::test]
    async fn lines_are_read_once_within_their_limit() {
        let got = all(reader(b"one\r\ntwo\n\nthree-is-long\nlast", 8)).await;
        let want = [Some("one"), Some("two"), Some(""), None, Some("last")];
        assert_eq!(got, want.map(|s| s.map(str::to_owned)));
        let mut r = reader(b"a\nb\n", 8);
        r.next().await.unwrap();
        assert_eq!(r.consumed, 2);
        assert!(all(reader(b"", 8)).await.is_empty());
    }
}
