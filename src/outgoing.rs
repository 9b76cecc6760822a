//! The one path every outgoing event takes, whichever command or mode publishes it:
//! the data as the user gave it (inline, @file, stdin, `--set`, the catalogue's
//! example, a batch line) → the protocol's limits → the catalogue's rules →
//! encryption where the channel needs it → the request to sign.
//!
//! `check` runs the steps up to encryption and `Checked::seal` the rest; `prepare` runs
//! both. A `Ready` event can only come out of `seal`, and the requests are built only
//! from `Ready` events, so no caller can skip a step. Reading files and stdin is the
//! caller's; the time and randomness come from a `World`.
//!
//! Client events (`tail --send`, `--interactive`) take the part that applies to them:
//! `client_data`.

use serde_json::{Value, json};

use crate::catalog::{Catalog, Fill};
use crate::error::{CliError, Kind};
use crate::payload::{self, Origin, Payload, PayloadError};
use crate::pusher::MasterKey;
use crate::pusher::event::{self, BatchItem, Event, EventError};
use crate::pusher::names::ChannelKind;
use crate::pusher::rest::{self, RestRequest};

/// An event as the user gave it.
#[derive(Debug, Clone)]
pub struct Draft {
    pub channels: Vec<String>,
    pub name: String,
    pub data: Data,
    /// `--set path=value` edits of the JSON data.
    pub sets: Vec<String>,
    pub socket_id: Option<String>,
}

/// Where the data comes from.
#[derive(Debug, Clone)]
pub enum Data {
    /// Text the user gave (inline, @file, stdin): JSON is sent byte for byte, other
    /// text as it is; `as_text` sends even JSON-looking text as plain text.
    Text { text: String, as_text: bool },
    /// A batch line's `data`: a string is the data as it is (the batch API's own form),
    /// other JSON is written compactly.
    Line(Value),
    /// None given: the catalogue's example for the event, else `{}`.
    Unset,
}

/// What the checks hold the event to.
pub struct Rules<'a> {
    /// The server's limit on an event's data, in KB.
    pub max_payload_kb: usize,
    /// The catalogue and its name for messages; `None` checks nothing against one.
    pub catalog: Option<(&'a Catalog, &'a str)>,
    /// Refuse data that breaks the catalogue (`false` with `--no-validate`: warn).
    pub enforce_catalog: bool,
    pub encryption: Encryption<'a>,
}

/// Where events go (`--via`, for every command that publishes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Via {
    /// Pusher's REST API, signed with the app secret
    #[default]
    Pusher,
    /// The app's own POST {backend_url}/realtime/trigger, with its bearer token
    Backend,
}

/// Who encrypts events for `private-encrypted-` channels.
#[derive(Debug, Clone, Copy)]
pub enum Encryption<'a> {
    /// rtctl, with the profile's master key (`None`: none is configured, and such
    /// events are refused).
    Here(Option<&'a MasterKey>),
    /// The app's backend, which publishes the event (`--via backend`).
    ByBackend,
}

/// The time and randomness the pipeline needs, from one place.
pub trait World {
    fn now_unix(&self) -> u64;
    /// A short random id for the catalogue's `{{id}}`.
    fn random_id(&mut self) -> String;
    /// A fresh random nonce for one encrypted event.
    fn nonce(&mut self) -> Result<[u8; 24], Refused>;
}

/// The system clock and the operating system's randomness.
pub struct System;

impl World for System {
    fn now_unix(&self) -> u64 {
        crate::time::now_unix()
    }

    fn random_id(&mut self) -> String {
        let mut bytes = [0u8; 6];
        let _ = getrandom::fill(&mut bytes);
        hex::encode(bytes)
    }

    fn nonce(&mut self) -> Result<[u8; 24], Refused> {
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut nonce).map_err(|e| Refused::NoRandomness(e.to_string()))?;
        Ok(nonce)
    }
}

/// Something to tell the user about an event that goes ahead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Which data was used, who encrypts: status on stderr.
    Status(String),
    /// Unchecked, or checked and sent anyway: a warning.
    Warning(String),
}

/// Why an event was refused before anything was sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error(transparent)]
    Event(#[from] EventError),
    #[error(transparent)]
    Payload(#[from] PayloadError),
    #[error("the data for `{event}` on `{channel}` breaks the catalogue: {problems}")]
    Catalogue {
        channel: String,
        event: String,
        problems: String,
    },
    #[error("the catalogue's example for `{event}` cannot be used: {problem}")]
    Example { event: String, problem: String },
    #[error("`{0}` is an encrypted channel and no encryption master key is configured")]
    NoMasterKey(String),
    #[error("no randomness for the nonce: {0}")]
    NoRandomness(String),
}

impl Refused {
    pub fn kind(&self) -> Kind {
        match self {
            Self::Event(_) | Self::Payload(_) | Self::Catalogue { .. } => Kind::Usage,
            Self::Example { .. } | Self::NoMasterKey(_) => Kind::Config,
            Self::NoRandomness(_) => Kind::Failure,
        }
    }

    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Event(e) => Some(e.hint()),
            Self::Payload(e) => Some(e.hint().to_owned()),
            Self::Catalogue { channel, event, .. } => Some(format!(
                "fix the data (see `rtctl catalog show {channel} {event}`), or pass --no-validate to send it anyway"
            )),
            Self::Example { .. } => Some("fix the example in the catalogue, or give the data".into()),
            Self::NoMasterKey(_) => Some(
                "set `encryption_master_key` in the profile or RTCTL_ENCRYPTION_MASTER_KEY (32 bytes, base64)"
                    .into(),
            ),
            Self::NoRandomness(_) => None,
        }
    }
}

impl From<Refused> for CliError {
    fn from(r: Refused) -> Self {
        let hint = r.hint();
        let err = CliError::new(r.kind(), r.to_string());
        match hint {
            Some(h) => err.hint(h),
            None => err,
        }
    }
}

impl From<EventError> for CliError {
    fn from(e: EventError) -> Self {
        Refused::Event(e).into()
    }
}

impl From<PayloadError> for CliError {
    fn from(e: PayloadError) -> Self {
        Refused::Payload(e).into()
    }
}

/// How a checked event is to be sealed.
#[derive(Debug, Clone)]
enum Seal {
    Plain,
    Encrypt(MasterKey),
}

/// An event whose data, limits and catalogue rules are checked; `seal` makes it ready.
#[derive(Debug, Clone)]
pub struct Checked {
    event: Event,
    payload: Payload,
    seal: Seal,
    max_payload_kb: usize,
    pub notes: Vec<Note>,
}

/// An event ready to sign: checked, and encrypted when its channel needs it.
#[derive(Debug, Clone)]
pub struct Ready {
    event: Event,
    payload: Payload,
}

/// Every step, for an event sent once.
pub fn prepare(draft: Draft, rules: &Rules, world: &mut impl World) -> Result<Ready, Refused> {
    check(draft, rules, world)?.into_ready(world)
}

/// The steps before encryption: the data, the protocol's limits, the catalogue's rules,
/// and whether the channel can be encrypted.
pub fn check(draft: Draft, rules: &Rules, world: &mut impl World) -> Result<Checked, Refused> {
    let Draft {
        channels,
        name,
        data,
        sets,
        socket_id,
    } = draft;
    let mut event = Event {
        name,
        data: String::new(),
        channels,
        socket_id,
    };
    // Names first: a bad channel or event name is reported before anything else.
    event::validate(&event, rules.max_payload_kb)?;
    let mut notes = Vec::new();
    let payload = payload_of(&event, data, &sets, rules, world, &mut notes)?;
    if let Some((catalog, catalog_name)) = rules.catalog {
        check_catalogue(
            catalog,
            catalog_name,
            &event,
            &payload,
            rules.enforce_catalog,
            &mut notes,
        )?;
    }
    event.data = payload.data.clone();
    event::validate_size(&event, rules.max_payload_kb)?;
    let encrypted = event
        .channels
        .iter()
        .find(|c| ChannelKind::of(c) == ChannelKind::PrivateEncrypted);
    let seal = match (encrypted, rules.encryption) {
        (None, _) => Seal::Plain,
        (Some(_), Encryption::Here(Some(key))) => Seal::Encrypt(key.clone()),
        (Some(channel), Encryption::Here(None)) => {
            return Err(Refused::NoMasterKey(channel.clone()));
        }
        (Some(channel), Encryption::ByBackend) => {
            notes.push(Note::Status(format!(
                "`{channel}` is an encrypted channel: the backend encrypts the event, rtctl sends it the data"
            )));
            Seal::Plain
        }
    };
    Ok(Checked {
        event,
        payload,
        seal,
        max_payload_kb: rules.max_payload_kb,
        notes,
    })
}

/// The data to send, from what the user gave (or did not).
fn payload_of(
    event: &Event,
    data: Data,
    sets: &[String],
    rules: &Rules,
    world: &mut impl World,
    notes: &mut Vec<Note>,
) -> Result<Payload, Refused> {
    let name = &event.name;
    let base = match data {
        Data::Text { text, as_text } => payload::from_text(text, as_text)?,
        Data::Line(Value::String(text)) => Payload {
            json: serde_json::from_str(&text).ok(),
            data: text,
            origin: Origin::Given,
        },
        Data::Line(v) => payload::from_value(v, Origin::Given),
        Data::Unset => {
            let spec = rules.catalog.and_then(|(c, _)| {
                c.channel(&event.channels[0])
                    .and_then(|(ch, vars)| ch.event(name).map(|e| (e, vars)))
            });
            match spec {
                Some((spec, vars)) => {
                    let fill = Fill {
                        now_unix: world.now_unix(),
                        random: world.random_id(),
                        vars,
                    };
                    let v = spec
                        .example_payload(&fill)
                        .map_err(|problem| Refused::Example {
                            event: name.clone(),
                            problem,
                        })?;
                    notes.push(Note::Status(format!(
                        "data: the catalogue's example for `{name}`"
                    )));
                    payload::from_value(v, Origin::Catalogue)
                }
                None => {
                    notes.push(Note::Status(match rules.catalog {
                        Some(_) => format!("data: {{}} (`{name}` has no example in the catalogue)"),
                        None => "data: {} (none given)".to_owned(),
                    }));
                    payload::from_value(json!({}), Origin::Empty)
                }
            }
        }
    };
    if sets.is_empty() {
        return Ok(base);
    }
    let json = base
        .json
        .ok_or(PayloadError::SetOnNonObject("plain text"))?;
    Ok(payload::from_value(
        payload::apply_sets(json, sets)?,
        base.origin,
    ))
}

/// Refuse data that breaks the catalogue's rules (or note it, when not enforced); note
/// an event the catalogue does not know.
fn check_catalogue(
    catalog: &Catalog,
    catalog_name: &str,
    event: &Event,
    payload: &Payload,
    enforce: bool,
    notes: &mut Vec<Note>,
) -> Result<(), Refused> {
    let name = &event.name;
    // What subscribers see: the JSON the data holds, else the text.
    let text;
    let seen = match &payload.json {
        Some(v) => v,
        None => {
            text = Value::String(payload.data.clone());
            &text
        }
    };
    for channel in &event.channels {
        let Some(spec) = catalog.event(channel, name) else {
            // Joined rather than formatted: a batch of unknown events makes one a line.
            notes.push(Note::Warning(
                [
                    "`",
                    name,
                    "` on `",
                    channel,
                    "` is not in the ",
                    catalog_name,
                    "; sent without checks",
                ]
                .concat(),
            ));
            continue;
        };
        let violations = spec.check(seen);
        if violations.is_empty() {
            continue;
        }
        if !enforce {
            notes.extend(
                violations
                    .iter()
                    .map(|v| Note::Warning(format!("{} (sent anyway: --no-validate)", v.problem))),
            );
            continue;
        }
        let problems: Vec<&str> = violations.iter().map(|v| v.problem.as_str()).collect();
        return Err(Refused::Catalogue {
            channel: channel.clone(),
            event: name.clone(),
            problems: problems.join("; "),
        });
    }
    Ok(())
}

impl Checked {
    /// Encrypt for an encrypted channel (a fresh nonce each time), and check the data
    /// limit on what is sent. For an event sent again and again (`--repeat`).
    pub fn seal(&self, world: &mut impl World) -> Result<Ready, Refused> {
        sealed(
            self.event.clone(),
            self.payload.clone(),
            &self.seal,
            self.max_payload_kb,
            world,
        )
    }

    /// `seal` for an event sent once: the checked event becomes the ready one.
    pub fn into_ready(self, world: &mut impl World) -> Result<Ready, Refused> {
        sealed(
            self.event,
            self.payload,
            &self.seal,
            self.max_payload_kb,
            world,
        )
    }
}

fn sealed(
    mut event: Event,
    payload: Payload,
    seal: &Seal,
    max_payload_kb: usize,
    world: &mut impl World,
) -> Result<Ready, Refused> {
    if let Seal::Encrypt(key) = seal {
        let nonce = world.nonce()?;
        event.data = key.encrypt(&event.channels[0], &nonce, event.data.as_bytes());
        event::validate_size(&event, max_payload_kb)?;
    }
    Ok(Ready { event, payload })
}

impl Ready {
    /// The event as it is sent (its data encrypted when the channel is).
    pub fn event(&self) -> &Event {
        &self.event
    }

    /// The data as the user meant it, before any encryption.
    pub fn payload(&self) -> &Payload {
        &self.payload
    }

    /// One `batch_events` item for each of the event's channels, in their order.
    fn push_batch_items(self, items: &mut Vec<BatchItem>) {
        let Event {
            name,
            data,
            mut channels,
            socket_id,
        } = self.event;
        let Some(last) = channels.pop() else {
            return;
        };
        for channel in channels {
            items.push(BatchItem {
                channel,
                name: name.clone(),
                data: data.clone(),
                socket_id: socket_id.clone(),
            });
        }
        items.push(BatchItem {
            channel: last,
            name,
            data,
            socket_id,
        });
    }
}

/// `POST /apps/{id}/events` for a ready event.
pub fn trigger_request(app_id: &str, ready: &Ready, info: &[String]) -> RestRequest {
    rest::trigger(app_id, &ready.event, info)
}

/// `POST /apps/{id}/batch_events` for ready events (at most `event::MAX_BATCH` items).
pub fn batch_request(app_id: &str, ready: Vec<Ready>) -> RestRequest {
    let mut items = Vec::with_capacity(ready.len());
    for r in ready {
        r.push_batch_items(&mut items);
    }
    rest::trigger_batch(app_id, &items)
}

/// A client event's data as the user typed it (JSON when it parses, else the text as a
/// string), within the same data limit as any event. Whether the channel and name
/// allow a client event is the session's check (`pusher::session::check_client_event`).
pub fn client_data(text: &str, max_payload_kb: usize) -> Result<Value, Refused> {
    let data = serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()));
    let bytes = data.to_string().len();
    let limit = max_payload_kb.saturating_mul(1024);
    if bytes > limit {
        return Err(EventError::TooLarge {
            bytes,
            limit,
            kb: max_payload_kb,
        }
        .into());
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::BUILTIN;

    /// A fixed clock and counting "randomness".
    struct Fixed(u8);

    impl World for Fixed {
        fn now_unix(&self) -> u64 {
            1_700_000_000
        }
        fn random_id(&mut self) -> String {
            "r4nd0m".into()
        }
        fn nonce(&mut self) -> Result<[u8; 24], Refused> {
            self.0 += 1;
            Ok([self.0; 24])
        }
    }

    const KEY: &str = "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=";

    fn draft(channel: &str, name: &str, data: Data) -> Draft {
        Draft {
            channels: vec![channel.into()],
            name: name.into(),
            data,
            sets: Vec::new(),
            socket_id: None,
        }
    }

    fn rules<'a>(catalog: Option<&'a Catalog>, key: Option<&'a MasterKey>) -> Rules<'a> {
        Rules {
            max_payload_kb: 10,
            catalog: catalog.map(|c| (c, "built-in catalogue")),
            enforce_catalog: true,
            encryption: Encryption::Here(key),
        }
    }

    fn text(t: &str) -> Data {
        Data::Text {
            text: t.into(),
            as_text: false,
        }
    }

    #[test]
    fn every_source_of_data_comes_out_as_sent() {
        let r = rules(None, None);
        let w = &mut Fixed(0);
        let given = prepare(draft("c", "e", text("{ \"a\" : 1 }")), &r, w).unwrap();
        assert_eq!(
            given.event().data,
            "{ \"a\" : 1 }",
            "given JSON byte for byte"
        );
        let line = prepare(draft("c", "e", Data::Line(json!({"a": 1}))), &r, w).unwrap();
        assert_eq!(line.event().data, r#"{"a":1}"#, "a line's JSON compactly");
        let string = prepare(draft("c", "e", Data::Line(json!("{ \"a\": 1 }"))), &r, w).unwrap();
        assert_eq!(
            string.event().data,
            "{ \"a\": 1 }",
            "a line's string as it is"
        );
        assert_eq!(string.payload().json, Some(json!({"a": 1})));
        let plain = prepare(draft("c", "e", Data::Line(json!("hi"))), &r, w).unwrap();
        assert_eq!(
            (plain.event().data.as_str(), plain.payload().json.is_none()),
            ("hi", true)
        );
        let mut with_sets = draft("c", "e", Data::Unset);
        with_sets.sets = vec!["a.b=2".into()];
        let c = check(with_sets, &r, w).unwrap();
        assert_eq!(c.notes, [Note::Status("data: {} (none given)".into())]);
        assert_eq!(c.seal(w).unwrap().event().data, r#"{"a":{"b":2}}"#);
        let mut on_text = draft("c", "e", text("Deploy done"));
        on_text.sets = vec!["a=1".into()];
        assert!(matches!(
            check(on_text, &r, w),
            Err(Refused::Payload(PayloadError::SetOnNonObject("plain text")))
        ));
    }

    #[test]
    fn the_catalogue_checks_what_subscribers_see() {
        let catalog = Catalog::parse(BUILTIN).unwrap();
        let r = rules(Some(&catalog), None);
        let w = &mut Fixed(0);
        let line =
            |data: Value| draft("dashboard-updates", "system_notification", Data::Line(data));
        // A string holding JSON is checked as that JSON.
        assert!(prepare(line(json!(r#"{"type":"info","message":"m"}"#)), &r, w).is_ok());
        let err = prepare(line(json!(r#"{"type":"urgent","message":"m"}"#)), &r, w).unwrap_err();
        assert!(
            err.to_string()
                .contains("field `type` is `urgent`; allowed: info"),
            "{err}"
        );
        assert_eq!(err.kind(), Kind::Usage);
        let err = prepare(line(json!("plain")), &r, w).unwrap_err();
        assert!(
            err.to_string()
                .contains("must be a JSON object, not string"),
            "{err}"
        );
        // Not enforced: a warning, and the event goes ahead.
        let lax = Rules {
            enforce_catalog: false,
            ..rules(Some(&catalog), None)
        };
        let c = check(line(json!({"type":"urgent","message":"m"})), &lax, w).unwrap();
        assert!(matches!(&c.notes[..], [Note::Warning(w)] if w.contains("sent anyway")));
        // Unknown events are noted; no data means the example, filled.
        let c = check(draft("dashboard-updates", "other", Data::Unset), &r, w).unwrap();
        assert!(
            matches!(&c.notes[1], Note::Warning(w) if w.contains("not in the built-in catalogue"))
        );
        let c = check(
            draft("private-user-7", "personal_notification", Data::Unset),
            &r,
            w,
        )
        .unwrap();
        assert_eq!(
            c.notes,
            [Note::Status(
                "data: the catalogue's example for `personal_notification`".into()
            )]
        );
        assert!(!c.seal(w).unwrap().event().data.contains("{{"));
    }

    #[test]
    fn encrypted_channels_are_sealed_with_a_fresh_nonce_each_time() {
        let key = MasterKey::from_base64(KEY).unwrap();
        let r = rules(None, Some(&key));
        let w = &mut Fixed(0);
        let c = check(
            draft("private-encrypted-x", "e", Data::Line(json!({"a": 1}))),
            &r,
            w,
        )
        .unwrap();
        let (one, two) = (c.seal(w).unwrap(), c.seal(w).unwrap());
        assert_ne!(one.event().data, two.event().data);
        assert_eq!(one.payload().data, r#"{"a":1}"#);
        let sealed: Value = serde_json::from_str(&one.event().data).unwrap();
        let secret = crate::pusher::crypto::shared_secret(
            "private-encrypted-x",
            b"this is 32 bytes 123456789012345",
        );
        assert_eq!(
            crate::pusher::crypto::decrypt_with(&secret, &sealed).unwrap(),
            br#"{"a":1}"#
        );
        // No key: refused as a configuration problem, whatever the path.
        let err = check(
            draft("private-encrypted-x", "e", text("{}")),
            &rules(None, None),
            w,
        )
        .unwrap_err();
        assert_eq!(err, Refused::NoMasterKey("private-encrypted-x".into()));
        assert_eq!(err.kind(), Kind::Config);
        // The backend encrypts: sent as the data, and said so.
        let backend = Rules {
            encryption: Encryption::ByBackend,
            ..rules(None, None)
        };
        let c = check(draft("private-encrypted-x", "e", text("{}")), &backend, w).unwrap();
        assert!(matches!(&c.notes[..], [Note::Status(s)] if s.contains("the backend encrypts")));
        assert_eq!(c.seal(w).unwrap().event().data, "{}");
    }

    #[test]
    fn limits_apply_before_and_after_encryption() {
        let key = MasterKey::from_base64(KEY).unwrap();
        let r = rules(None, Some(&key));
        let w = &mut Fixed(0);
        assert!(matches!(
            check(draft("bad channel", "e", text("{}")), &r, w),
            Err(Refused::Event(EventError::Name(_)))
        ));
        let big = format!("\"{}\"", "x".repeat(10 * 1024));
        assert!(matches!(
            check(draft("c", "e", text(&big)), &r, w),
            Err(Refused::Event(EventError::TooLarge { .. }))
        ));
        // Within the limit as data, over it once encrypted (base64 and the nonce).
        let near = "x".repeat(9 * 1024);
        let c = check(
            draft("private-encrypted-x", "e", Data::Line(json!(near))),
            &r,
            w,
        )
        .unwrap();
        assert!(matches!(
            c.seal(w),
            Err(Refused::Event(EventError::TooLarge { .. }))
        ));
    }

    #[test]
    fn requests_are_built_from_ready_events_only() {
        let r = rules(None, None);
        let w = &mut Fixed(0);
        let ready: Vec<Ready> = (1..=2)
            .map(|i| prepare(draft("c", "e", Data::Line(json!(i))), &r, w).unwrap())
            .collect();
        let req = batch_request("1", ready);
        assert_eq!(
            String::from_utf8(req.body.unwrap()).unwrap(),
            r#"{"batch":[{"channel":"c","name":"e","data":"1"},{"channel":"c","name":"e","data":"2"}]}"#
        );
        let one = prepare(draft("c", "e", text("{}")), &r, w).unwrap();
        assert_eq!(trigger_request("1", &one, &[]).path, "/apps/1/events");
        // An event for several channels: an item each, in their order.
        let mut two = draft("a", "e", Data::Line(json!({"x": [1, "é"]})));
        two.channels.push("b".into());
        two.socket_id = Some("1.2".into());
        let ready = vec![
            prepare(two, &r, w).unwrap(),
            prepare(draft("c", "f", Data::Line(json!("t"))), &r, w).unwrap(),
        ];
        assert_eq!(
            String::from_utf8(batch_request("1", ready).body.unwrap()).unwrap(),
            r#"{"batch":[{"channel":"a","name":"e","data":"{\"x\":[1,\"é\"]}","socket_id":"1.2"},{"channel":"b","name":"e","data":"{\"x\":[1,\"é\"]}","socket_id":"1.2"},{"channel":"c","name":"f","data":"t"}]}"#
        );
    }

    #[test]
    fn an_event_sealed_once_is_the_one_sealed_again_and_again() {
        let key = MasterKey::from_base64(KEY).unwrap();
        let r = rules(None, Some(&key));
        for channel in ["c", "private-encrypted-x"] {
            let c = check(
                draft(channel, "e", Data::Line(json!({"a": 1}))),
                &r,
                &mut Fixed(0),
            )
            .unwrap();
            let again = c.seal(&mut Fixed(0)).unwrap();
            let once = c.into_ready(&mut Fixed(0)).unwrap();
            assert_eq!(once.event(), again.event());
            assert_eq!(once.payload(), again.payload());
        }
    }

    #[test]
    fn client_data_keeps_to_the_limit() {
        assert_eq!(client_data(r#"{"a":1}"#, 10), Ok(json!({"a": 1})));
        assert_eq!(client_data("hello there", 10), Ok(json!("hello there")));
        let big = format!("{{\"x\":\"{}\"}}", "a".repeat(10 * 1024));
        assert!(matches!(
            client_data(&big, 10),
            Err(Refused::Event(EventError::TooLarge { limit: 10240, .. }))
        ));
        assert!(client_data(&big, 11).is_ok());
    }
}
