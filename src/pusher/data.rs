//! An event's `data`, kept as the frame carried it and decoded only when asked: most
//! events are passed on whole, and their data never needs to become a `Value`.
//!
//! Decoding follows pusher-js: data sent as a string is parsed as JSON when it is JSON
//! and kept as the string when it is not; data sent as JSON itself is taken as it is.
//! `write_json` writes the decoded data as compact JSON straight from the text, byte for
//! byte what serde_json writes for the decoded `Value`.

use std::borrow::Cow;

use serde_json::Value;

use crate::json_string;

/// An event's `data`.
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// Sent as a string: JSON text, as the protocol double-encodes data, or plain text.
    Text(String),
    /// Sent as JSON itself (some servers send objects), or made here (member events).
    Value(Value),
}

impl Data {
    /// The frame's `data` as parsed: a string is kept to be decoded when asked.
    pub fn from_wire(data: Value) -> Self {
        match data {
            Value::String(text) => Self::Text(text),
            other => Self::Value(other),
        }
    }

    /// A decrypted payload: text (JSON or not) when it is UTF-8; bytes that are not
    /// cannot be JSON either, and are kept as a string with U+FFFD for what is not UTF-8.
    pub fn from_plaintext(plain: Vec<u8>) -> Self {
        match String::from_utf8(plain) {
            Ok(text) => Self::Text(text),
            Err(e) => Self::Value(Value::String(
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
            )),
        }
    }

    /// The data as pusher-js decodes it.
    pub fn decoded(&self) -> Cow<'_, Value> {
        match self {
            Self::Text(text) => Cow::Owned(
                serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone())),
            ),
            Self::Value(v) => Cow::Borrowed(v),
        }
    }

    /// Append the decoded data to `out` as compact JSON, the bytes `decoded()`'s
    /// `Display` writes. JSON text is written as it is read, without building a `Value`,
    /// whenever that gives the same bytes; otherwise it is decoded first.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let start = out.len();
        if let Self::Text(text) = self {
            if minify(text, out).is_some() {
                return;
            }
            out.truncate(start);
        }
        // A Value's keys are strings, so writing one to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, &*self.decoded());
    }
}

/// Keys of the objects open at once that the duplicate check holds (it compares each
/// key with its object's earlier ones); past that, the data is decoded into a `Value`.
const MAX_KEYS: usize = 64;

/// Nesting followed when minifying; deeper data is decoded (serde_json refuses depth
/// 128 and more, and the data is then a string).
const MAX_DEPTH: usize = 64;

/// Write JSON `text` compactly to `out`, as serde_json writes the `Value` it parses to.
/// `None`, with part of it written, for what this does not follow and leaves to that
/// `Value`: text that is not JSON (it is then a string), `\u` escapes, an object that
/// repeats a key (a `Value` keeps one entry, with the last value) or holds more keys
/// than the check does, nesting past `MAX_DEPTH`.
fn minify(text: &str, out: &mut Vec<u8>) -> Option<()> {
    let mut m = Minify {
        text: text.as_bytes(),
        at: 0,
        out,
        keys: [(0, 0); MAX_KEYS],
        open_keys: 0,
    };
    m.value(0)?;
    m.space();
    (m.at == m.text.len()).then_some(())
}

/// Reads JSON text and writes it back compactly as serde_json writes what it reads.
struct Minify<'a> {
    text: &'a [u8],
    at: usize,
    out: &'a mut Vec<u8>,
    /// Where the keys of the open objects were written in `out`, outermost first.
    keys: [(usize, usize); MAX_KEYS],
    open_keys: usize,
}

impl Minify<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Skip JSON's whitespace: space, tab, line feed, carriage return.
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Copy one byte, `b`, which must come next.
    fn expect(&mut self, b: u8) -> Option<()> {
        self.space();
        (self.peek() == Some(b)).then(|| {
            self.at += 1;
            self.out.push(b);
        })
    }

    /// A value within `depth` open arrays and objects.
    fn value(&mut self, depth: usize) -> Option<()> {
        self.space();
        match self.peek()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(drop),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.text[self.at..].starts_with(word).then(|| {
            self.at += word.len();
            self.out.extend_from_slice(word);
        })
    }

    /// An integer of at most 18 digits is written as it is read (serde_json reads it
    /// as an integer and writes the same digits back); any other number as serde_json
    /// reads and writes it alone, as it would within the text.
    fn number(&mut self) -> Option<()> {
        let rest = &self.text[self.at..];
        let len = rest
            .iter()
            .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
            .unwrap_or(rest.len());
        let token = &rest[..len];
        self.at += len;
        let digits = token.strip_prefix(b"-").unwrap_or(token);
        let integer = match digits {
            [b'0'] => token.len() == 1,
            [b'1'..=b'9', more @ ..] => more.len() < 18 && more.iter().all(u8::is_ascii_digit),
            _ => false,
        };
        if integer {
            self.out.extend_from_slice(token);
            return Some(());
        }
        let number: serde_json::Number = serde_json::from_slice(token).ok()?;
        serde_json::to_writer(&mut *self.out, &number).ok()
    }

    /// A string, written where it goes in `out`: the same bytes but for `\/`, which
    /// serde_json writes as `/`.
    fn string(&mut self) -> Option<(usize, usize)> {
        let start = self.out.len();
        self.at += 1;
        self.out.push(b'"');
        loop {
            let run = json_string::plain_run(&self.text[self.at..]);
            self.out
                .extend_from_slice(&self.text[self.at..self.at + run]);
            self.at += run;
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    self.out.push(b'"');
                    return Some((start, self.out.len()));
                }
                b'\\' => {
                    match *self.text.get(self.at + 1)? {
                        b'/' => self.out.push(b'/'),
                        escape @ (b'"' | b'\\' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.out.extend_from_slice(&[b'\\', escape]);
                        }
                        _ => return None,
                    }
                    self.at += 2;
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.expect(b'[')?;
        self.space();
        if self.expect(b']').is_some() {
            return Some(());
        }
        loop {
            self.value(depth)?;
            self.space();
            match self.peek()? {
                b',' => self.expect(b',')?,
                b']' => return self.expect(b']'),
                _ => return None,
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.expect(b'{')?;
        if self.expect(b'}').is_some() {
            return Some(());
        }
        let base = self.open_keys;
        loop {
            self.space();
            if self.peek()? != b'"' {
                return None;
            }
            let key = self.string()?;
            self.remember(base, key)?;
            self.expect(b':')?;
            self.value(depth)?;
            self.space();
            match self.peek()? {
                b',' => self.expect(b',')?,
                b'}' => break,
                _ => return None,
            }
        }
        self.open_keys = base;
        self.expect(b'}')
    }

    /// Note a key of the object whose keys start at `base`; `None` when the object has
    /// it already (serde_json writes equal strings as equal bytes, and different ones
    /// differently, so the written keys are compared) or the check is full.
    fn remember(&mut self, base: usize, (start, end): (usize, usize)) -> Option<()> {
        let key = &self.out[start..end];
        let earlier = &self.keys[base..self.open_keys];
        if self.open_keys == MAX_KEYS || earlier.iter().any(|&(s, e)| &self.out[s..e] == key) {
            return None;
        }
        self.keys[self.open_keys] = (start, end);
        self.open_keys += 1;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// `write_json` against the `Value`'s display.
    fn check(text: &str) {
        let data = Data::Text(text.to_owned());
        let mut out = b"prefix ".to_vec();
        data.write_json(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("prefix {}", data.decoded()),
            "{text:?}"
        );
    }

    fn corpus() -> Vec<String> {
        let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        let deep_objects = |n: usize| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
        let wide = |n: usize| {
            let keys: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{{\"i\":{i}}}")).collect();
            format!("{{{}}}", keys.join(","))
        };
        let nested_wide = |outer: usize, inner: usize| {
            let objects: Vec<String> = (0..outer)
                .map(|o| format!("\"o{o}\":{}", wide(inner)))
                .collect();
            format!("{{{}}}", objects.join(","))
        };
        let mut texts: Vec<String> = [
            r#"{"n":0,"message":"x"}"#,
            "",
            " ",
            "hello",
            "null",
            "nul",
            "nulll",
            "true",
            "tru",
            "false",
            "0",
            "-0",
            "00",
            "-00",
            "01",
            "-01",
            "0.0",
            "-0.0",
            "1.0",
            "1.50",
            "1e5",
            "1E-5",
            "1e+5",
            "1.5e300",
            "123456789012345678",
            "-123456789012345678",
            "1234567890123456789",
            "-1234567890123456789",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1e309",
            "-1e309",
            "4.9e-324",
            "1e-400",
            "0.1e1",
            "1.",
            ".5",
            "-",
            "+1",
            "1-2",
            "1.5.3",
            "1e",
            "1e+",
            "--1",
            "[1,-1,1.5,-1.5,0,-0]",
            "\"\"",
            r#""a\u0000\u001f\u007f\u0080\u2028\ud83d\ude00\"\\\/""#,
            r#""\"\\\/\b\f\n\r\t""#,
            r#""\x""#,
            r#""\ud800""#,
            r#""\udc00\ud800""#,
            "\"unterminated",
            "\"a\\",
            "[]",
            "[ ]",
            "{}",
            "{ }",
            "[1,]",
            "[,1]",
            "[1,,2]",
            "{\"a\":1,}",
            "{,\"a\":1}",
            "{\"a\" 1}",
            "{\"a\":}",
            "{1:2}",
            "{\"a\"}",
            "[1 2]",
            " [ 1 , { \"a\" : [ ] } ] ",
            "\t{\n\"a\"\r:\n1\t}\r\n",
            "{\"a\":1}\n",
            "{\"a\":1} {}",
            "{\"a\":1}}",
            "[1]]",
            "{\"a\":1,\"a\":1}",
            "{\"a\":{\"b\":1},\"c\":{\"b\":2}}",
            "{\"a\":{\"b\":1,\"b\":2}}",
            "[{\"a\":1},{\"a\":1,\"b\":{\"a\":1}}]",
            "{\"\\u0061\":1,\"a\":2}",
            "{\"\\/\":1,\"/\":2}",
            "{\"\":1,\"\":2}",
            "{\"$serde_json::private::RawValue\":\"1\"}",
            "{\"$serde_json::private::Number\":\"1\"}",
            "{\"z\":1,\"y\":2,\"x\":[3,{\"w\":4}]}",
            "\u{feff}{}",
            "{\"k\":\"raw \u{7f}\u{9b}\u{202e}\u{e0041}\"}",
            "{\"k\":\"raw \u{1}\"}",
            "{\"k\":\"tab\there\"}",
            "{\"price\":19.99,\"qty\":3,\"tags\":[\"a\",\"b\"],\"ok\":true,\"none\":null}",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for n in [1, 63, 64, 65, 126, 127, 128, 129, 200] {
            texts.push(deep(n));
            texts.push(deep_objects(n));
        }
        for n in [1, 63, 64, 65, 200] {
            texts.push(wide(n));
        }
        texts.push(nested_wide(8, 8));
        texts.push(nested_wide(2, 31));
        texts.push(nested_wide(2, 32));
        texts.push(nested_wide(2, 62));
        texts.push(nested_wide(2, 63));
        texts.push(nested_wide(3, 40));
        texts
    }

    #[test]
    fn written_json_is_what_the_decoded_value_displays() {
        for text in corpus() {
            check(&text);
        }
        let value = Data::Value(json!({"a": [1, 2.5, null], "b": "c"}));
        let mut out = Vec::new();
        value.write_json(&mut out);
        assert_eq!(out, br#"{"a":[1,2.5,null],"b":"c"}"#);
    }

    /// Every one-character change to some typical data, written both ways.
    #[test]
    fn written_json_is_what_the_decoded_value_displays_for_changed_text() {
        let bases = [
            r#"{"n":12,"message":"x y","list":[1,-2,3.5e2,true,null],"o":{"a":"\"\/"}}"#,
            r#"[{"a":1},{"b":[0,{}]},"s"]"#,
        ];
        let inserts = [
            '"', '\\', '{', '}', '[', ']', ',', ':', ' ', '-', '.', 'e', '0', '1', 'u', '/', 't',
            'n', 'a', '\u{1}', '\u{7f}', 'é',
        ];
        for base in bases {
            check(base);
            let chars: Vec<char> = base.chars().collect();
            for at in 0..=chars.len() {
                for c in inserts {
                    let mut changed = chars.clone();
                    changed.insert(at, c);
                    check(&changed.iter().collect::<String>());
                    if at < chars.len() {
                        changed.remove(at);
                        changed[at] = c;
                        check(&changed.iter().collect::<String>());
                    }
                }
                if at < chars.len() {
                    let mut shorter = chars.clone();
                    shorter.remove(at);
                    check(&shorter.iter().collect::<String>());
                }
            }
        }
    }

    #[test]
    fn minifying_leaves_to_a_value_what_it_would_write_differently() {
        for text in [
            "{\"a\":1,\"a\":2}",
            "[{\"x\":{\"y\":1,\"y\":2}}]",
            "{\"b\":1,\"\\/\":2,\"/\":3}",
            "\"\\u0041\"",
            "nope",
            "1 2",
        ] {
            assert!(minify(text, &mut Vec::new()).is_none(), "{text}");
        }
        let mut out = Vec::new();
        minify(
            " {\"a\" : {\"a\":{\"a\":1}},\n\"b\":[{\"a\":2.50},{\"a\":\"\\/\"},-0]} ",
            &mut out,
        )
        .unwrap();
        assert_eq!(
            out,
            br#"{"a":{"a":{"a":1}},"b":[{"a":2.5},{"a":"/"},-0.0]}"#
        );
    }

    #[test]
    fn decoding_follows_pusher_js() {
        assert_eq!(
            Data::Text(r#"{"a":1}"#.into()).decoded().into_owned(),
            json!({"a":1})
        );
        assert_eq!(
            Data::Text("hello".into()).decoded().into_owned(),
            json!("hello")
        );
        assert_eq!(Data::from_wire(json!("5")), Data::Text("5".into()));
        assert_eq!(Data::from_wire(json!({"a":1})), Data::Value(json!({"a":1})));
        assert_eq!(
            Data::from_plaintext(b"{}".to_vec()),
            Data::Text("{}".into())
        );
        assert_eq!(
            Data::from_plaintext(b"{\"a\":\"\xff\"}".to_vec()),
            Data::Value(json!("{\"a\":\"\u{fffd}\"}"))
        );
    }
}
