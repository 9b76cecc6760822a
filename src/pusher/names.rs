//! Channel names, channel kinds, socket ids and event names: the protocol's naming rules.

use std::fmt;

use crate::text::escape_for_message;

/// Pusher documents 164 characters as the longest channel name (prefix included).
/// Compatible servers and most SDKs allow 200; we follow Pusher's documented limit.
pub const MAX_CHANNEL_NAME_LEN: usize = 164;

/// The longest event name SDKs and compatible servers accept.
pub const MAX_EVENT_NAME_LEN: usize = 200;

/// What a channel's name says about how it is authorized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelKind {
    Public,
    Private,
    PrivateEncrypted,
    Presence,
}

impl ChannelKind {
    /// Classify by prefix in the order pusher-js uses, so `private-cache-x` is private
    /// and `presence-cache-x` is presence.
    pub fn of(channel: &str) -> Self {
        if channel.starts_with("private-encrypted-") {
            Self::PrivateEncrypted
        } else if channel.starts_with("private-") {
            Self::Private
        } else if channel.starts_with("presence-") {
            Self::Presence
        } else {
            Self::Public
        }
    }

    pub fn needs_auth(self) -> bool {
        self != Self::Public
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Private => "private",
            Self::PrivateEncrypted => "private encrypted",
            Self::Presence => "presence",
        }
    }
}

impl fmt::Display for ChannelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a name was refused. Each message names the rule that was broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("channel name is empty")]
    EmptyChannel,
    #[error(
        "channel name `{}` is {len} characters long; Pusher allows at most {MAX_CHANNEL_NAME_LEN}",
        escape_for_message(name)
    )]
    ChannelTooLong { name: String, len: usize },
    #[error(
        "channel name `{}` contains {ch:?}, which channel names may not contain",
        escape_for_message(name)
    )]
    ChannelChar { name: String, ch: char },
    #[error("socket id `{}` is not of the form `1234.5678` (digits, a dot, digits)", escape_for_message(.0))]
    SocketId(String),
    #[error("event name is empty")]
    EmptyEvent,
    #[error("event name is {0} characters long; at most {MAX_EVENT_NAME_LEN} are allowed")]
    EventTooLong(usize),
}

impl NameError {
    /// How to put the problem right.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::EmptyChannel | Self::ChannelChar { .. } => {
                "channel names use letters, digits and `_ - = @ , . ;` only (`#` is reserved by Pusher)"
            }
            Self::ChannelTooLong { .. } => "use a shorter channel name",
            Self::SocketId(_) => {
                "copy the socket id from the client's `pusher:connection_established` event, e.g. `123.456`"
            }
            Self::EmptyEvent | Self::EventTooLong(_) => "give an event name of 1 to 200 characters",
        }
    }
}

/// A character Pusher allows in channel names.
pub fn is_channel_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '=' | '@' | ',' | '.' | ';')
}

/// Check a channel name against Pusher's documented rules.
pub fn validate_channel(name: &str) -> Result<ChannelKind, NameError> {
    if name.is_empty() {
        return Err(NameError::EmptyChannel);
    }
    if let Some(ch) = name.chars().find(|&c| !is_channel_char(c)) {
        return Err(NameError::ChannelChar {
            name: name.to_owned(),
            ch,
        });
    }
    if name.len() > MAX_CHANNEL_NAME_LEN {
        return Err(NameError::ChannelTooLong {
            name: name.to_owned(),
            len: name.len(),
        });
    }
    Ok(ChannelKind::of(name))
}

/// Check a socket id: `\A\d+\.\d+\z`, with nothing before or after.
pub fn validate_socket_id(id: &str) -> Result<(), NameError> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match id.split_once('.') {
        Some((a, b)) if digits(a) && digits(b) => Ok(()),
        _ => Err(NameError::SocketId(id.to_owned())),
    }
}

/// Check an event name's length (Pusher does not restrict its characters).
pub fn validate_event_name(name: &str) -> Result<(), NameError> {
    let len = name.chars().count();
    if len == 0 {
        Err(NameError::EmptyEvent)
    } else if len > MAX_EVENT_NAME_LEN {
        Err(NameError::EventTooLong(len))
    } else {
        Ok(())
    }
}

/// Whether a channel argument is a pattern (`*` any run, `?` any one character).
pub fn is_pattern(name: &str) -> bool {
    name.contains(['*', '?'])
}

/// The literal start of a `*`/`?` channel pattern (a glob), for `filter_by_prefix`.
pub fn glob_prefix(pattern: &str) -> &str {
    pattern.find(['*', '?']).map_or(pattern, |i| &pattern[..i])
}

/// Match `text` against a pattern of `*` and `?`; everything else is literal.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    // Where the last `*` was, and the text position it is matched up to.
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == '?' || c == t[ti] => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_patterns() {
        let yes = [
            ("presence-classroom-*", "presence-classroom-101"),
            ("*", ""),
            ("*", "anything"),
            ("a?c", "abc"),
            ("*-101", "presence-classroom-101"),
            ("a*b*c", "aXXbYYc"),
            ("client-*", "client-"),
            ("exact", "exact"),
        ];
        for (p, t) in yes {
            assert!(glob_match(p, t), "{p} should match {t}");
        }
        let no = [
            ("presence-classroom-*", "private-classroom-1"),
            ("a?c", "ac"),
            ("a*b*c", "aXXbYY"),
            ("exact", "exactly"),
            ("", "x"),
        ];
        for (p, t) in no {
            assert!(!glob_match(p, t), "{p} should not match {t}");
        }
        assert_eq!(glob_prefix("presence-classroom-*"), "presence-classroom-");
        assert_eq!(glob_prefix("*x"), "");
        assert_eq!(glob_prefix("plain"), "plain");
        assert!(is_pattern("a*") && is_pattern("a?") && !is_pattern("a"));
    }

    #[test]
    fn kinds_follow_pusher_js_prefix_order() {
        let cases = [
            ("dashboard-updates", ChannelKind::Public),
            ("cache-x", ChannelKind::Public),
            ("private-user-1", ChannelKind::Private),
            ("private-cache-x", ChannelKind::Private),
            ("private-encrypted-x", ChannelKind::PrivateEncrypted),
            ("private-encrypted-cache-x", ChannelKind::PrivateEncrypted),
            ("presence-classroom-101", ChannelKind::Presence),
            ("presence-cache-x", ChannelKind::Presence),
            ("foo-private-x", ChannelKind::Public),
        ];
        for (name, kind) in cases {
            assert_eq!(ChannelKind::of(name), kind, "{name}");
        }
    }

    #[test]
    fn channel_names() {
        assert!(validate_channel("foo-bar_1234@=,.;").is_ok());
        assert!(validate_channel("-azAZ9_=@,.;").is_ok());
        assert!(validate_channel(&"a".repeat(164)).is_ok());
        assert_eq!(validate_channel(""), Err(NameError::EmptyChannel));
        assert!(matches!(
            validate_channel(&"a".repeat(165)),
            Err(NameError::ChannelTooLong { len: 165, .. })
        ));
        for bad in ["#server-to-user-1", "a b", "a:b", "ä", "a/b", "a\n"] {
            assert!(
                matches!(validate_channel(bad), Err(NameError::ChannelChar { .. })),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn names_in_messages_are_escaped_and_cut() {
        let e = validate_channel("a\u{1b}[2Jb").unwrap_err().to_string();
        assert!(!e.contains('\u{1b}'), "{e}");
        assert!(e.contains("'\\u{1b}'"), "{e}");
        let e = validate_channel(&"a".repeat(500)).unwrap_err().to_string();
        assert!(e.len() < 200, "{e}");
        let e = validate_socket_id("1.1\n").unwrap_err().to_string();
        assert!(e.contains("1.1\\n"), "{e}");
        let e = validate_socket_id("1.1\u{202e}9").unwrap_err().to_string();
        assert!(e.contains("`1.1\\u{202e}9`"), "{e}");
    }

    #[test]
    fn socket_ids() {
        for ok in ["1.1", "123.456", "45055.28877557", "1234.1234"] {
            assert_eq!(validate_socket_id(ok), Ok(()), "{ok}");
        }
        // The official libraries' rejected inputs (pusher-protocol.md §3.1).
        for bad in [
            "1.1:", ":1.1", ":\n1.1", "1.1\n:", "1.1foo", "foo1.1", "foo", "12341234", "1.1\n", "",
            ".", "1.", ".1", "1.1.1", "-1.1", "1.-1", "١.١",
        ] {
            assert!(validate_socket_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn event_names() {
        assert!(validate_event_name("system_notification").is_ok());
        assert!(validate_event_name(&"e".repeat(200)).is_ok());
        assert_eq!(validate_event_name(""), Err(NameError::EmptyEvent));
        assert_eq!(
            validate_event_name(&"e".repeat(201)),
            Err(NameError::EventTooLong(201))
        );
    }
}
