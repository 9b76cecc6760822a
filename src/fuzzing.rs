//! Bytes from outside fed to the parsers that read them, through the same entry points
//! the commands use: the fuzz targets in `fuzz/` call these, and `cargo test` replays
//! every kept input (`fuzz/regressions/`, `fuzz/corpus/`) through them on stable. Each
//! function must never panic, whatever the bytes; where a parser promises something
//! (every batch line accounted for, a body verifies under its own signature, an auth
//! endpoint's token never in a message) it asserts that too.
//!
//! Inputs of several parts separate them with a NUL byte.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::catalog::{self, Catalog, Fill};
use crate::checks::envfiles::{self, EnvFiles};
use crate::config::inputs::Inputs;
use crate::config::{CliValues, ConfigError, Field, load, resolve};
use crate::net::auth::{channel_answer, user_answer};
use crate::net::http::Reply;
use crate::net::raw_request;
use crate::outgoing::{self, Data, Draft, Encryption, Rules, System};
use crate::pusher::frame::{Frame, Message};
use crate::pusher::session::{Output, Session, Timing};
use crate::pusher::{MasterKey, sign, webhook};
use crate::text::{one_line, sanitize};
use crate::values;

/// A target: bytes in, a panic only on a bug.
pub type Feed = fn(&[u8]);

/// Every target by name, as `fuzz/fuzz_targets/` and `fuzz/corpus/` name them.
pub const TARGETS: &[(&str, Feed)] = &[
    ("frame", frame),
    ("session", session),
    ("config", config),
    ("dotenv", dotenv),
    ("batch", batch),
    ("catalog", catalog),
    ("webhook", webhook),
    ("auth_answer", auth_answer),
    ("values", values),
    ("bench_results", bench_results),
];

const KEY: &str = "app-key";
const SECRET: &str = "app-secret";
/// A master key for encrypted channels (32 bytes of base64).
const MASTER_KEY: &str = "nxzvbGF+f8FGhk/jOaU2AAAAAAAAAAAAAAAAAAAAAAA=";

fn master_key() -> MasterKey {
    MasterKey::from_base64(MASTER_KEY).unwrap_or_else(|_| unreachable!("a valid key"))
}

/// Up to `n` NUL-separated parts, as text; missing parts are empty.
fn parts(data: &[u8], n: usize) -> Vec<String> {
    let mut out: Vec<String> = data
        .splitn(n, |&b| b == 0)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    out.resize(n, String::new());
    out
}

/// One server frame: decoded, and what it means to a client.
pub fn frame(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(f) = Frame::parse(&text) {
        let _ = sanitize(&f.event, false);
        if let Some(d) = &f.data {
            let _ = one_line(&d.decoded().to_string(), 200);
        }
        let _ = Message::from_frame(f);
    }
}

/// A session driven through connect, subscribe and reconnect by a script: the first
/// line names the channels (`+signin` signs in, `+endpoint` leaves authorizations to
/// `!auth`/`!refuse` lines); then each line is a server frame, or a command: `!tick N`
/// (N seconds pass), `!close` (the connection drops and a new one opens), `!add NAME`,
/// `!remove NAME`, `!auth JSON` (an auth endpoint's answer), `!refuse`, `!client
/// CHANNEL EVENT`, `!unsubscribe`.
pub fn session(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let head: Vec<&str> = lines.next().unwrap_or("").split(' ').collect();
    let signin = head.contains(&"+signin");
    let endpoint = head.contains(&"+endpoint");
    let mut s = Session::new(Timing::default(), signin);
    let start = Instant::now();
    let mut now = start;
    for name in head.iter().filter(|n| !n.is_empty() && !n.starts_with('+')) {
        s.add_channel(name);
    }
    s.opened(now);
    let mut waiting: Vec<(String, String)> = Vec::new();
    for line in lines {
        let out = match line.split_once(' ').unwrap_or((line, "")) {
            ("!tick", n) => {
                let secs = n.trim().parse::<u32>().unwrap_or(1);
                now = now
                    .checked_add(Duration::from_secs(secs.into()))
                    .unwrap_or(now);
                s.tick(now)
            }
            ("!close", _) => {
                s.closed();
                s.opened(now);
                Vec::new()
            }
            ("!add", name) => s.add_channel(name),
            ("!remove", name) => s.remove_channel(name),
            ("!auth", body) => match waiting.pop() {
                Some((channel, _)) => {
                    match channel_answer("https://app.example/auth", &ok_reply(body)) {
                        Ok(auth) => s.authorized(&channel, &auth),
                        Err(r) => vec![s.refused(&channel, r.status, r.message)],
                    }
                }
                None => Vec::new(),
            },
            ("!refuse", _) => match waiting.pop() {
                Some((channel, _)) => vec![s.refused(&channel, Some(403), "no".into())],
                None => Vec::new(),
            },
            ("!client", rest) => {
                let (channel, event) = rest.split_once(' ').unwrap_or((rest, ""));
                let _ = s.client_event(channel, event, &Value::Null);
                Vec::new()
            }
            ("!unsubscribe", _) => s.unsubscribe_all(),
            _ => s.receive(line, now),
        };
        carry_out(&mut s, out, endpoint, &mut waiting, now);
        assert!(
            !s.all_subscribed() || s.settled(),
            "subscribed but not settled"
        );
        if let Some(at) = s.deadline() {
            assert!(at >= start, "a deadline before the session began");
        }
    }
}

/// What the caller of a session does with its outputs: sign authorizations here (or
/// leave them for `!auth`), sign in, reconnect after `Close`.
fn carry_out(
    s: &mut Session,
    out: Vec<Output>,
    endpoint: bool,
    waiting: &mut Vec<(String, String)>,
    now: Instant,
) {
    let mut queue = out;
    // Each authorization answered can only lead to a `Send`, so this ends.
    while let Some(o) = (!queue.is_empty()).then(|| queue.remove(0)) {
        match o {
            Output::Send(frame) => {
                assert!(
                    serde_json::from_str::<Value>(&frame).is_ok(),
                    "rtctl sent a frame that is not JSON: {frame}"
                );
            }
            Output::Authorize { channel, socket_id } if endpoint => {
                waiting.push((channel, socket_id));
            }
            Output::Authorize { channel, socket_id } => {
                let key = master_key();
                let signed = sign::authorize_channel(
                    KEY,
                    SECRET,
                    &socket_id,
                    &channel,
                    Some(r#"{"user_id":"1"}"#),
                    Some(&key),
                );
                match signed {
                    Ok(auth) => queue.extend(s.authorized(&channel, &auth)),
                    Err(e) => queue.push(s.refused(&channel, None, e.to_string())),
                }
            }
            Output::Authenticate { socket_id } => {
                if let Ok(auth) = sign::authenticate_user(KEY, SECRET, &socket_id, r#"{"id":"1"}"#)
                {
                    queue.push(s.signed_in_with(&auth));
                }
            }
            Output::Event(d) => {
                let _ = sanitize(&d.event, false);
                if let Some(data) = &d.data {
                    let _ = one_line(&data.decoded().to_string(), 200);
                }
            }
            Output::Close(why) => {
                let _ = why.to_string();
                s.closed();
                s.opened(now);
            }
            _ => {}
        }
    }
}

fn ok_reply(body: &str) -> Reply {
    reply(200, None, body.as_bytes())
}

fn reply(status: u16, location: Option<String>, body: &[u8]) -> Reply {
    Reply {
        status,
        body: body.to_vec(),
        server_date: None,
        retry_after: None,
        location,
        headers: Vec::new(),
    }
}

/// The config file, the environment, a `.env` and flags, resolved to a profile:
/// `TOML \0 env lines (VAR=value) \0 .env text \0 flag lines (key=value, or
/// profile=NAME)`. The file is also edited as `config init` and `config use` do.
pub fn config(data: &[u8]) {
    let p = parts(data, 4);
    let path = Path::new("/fuzz/config.toml");
    let file = match crate::config::file::ConfigFile::parse(path, &p[0]) {
        Ok(f) => Some(f),
        Err(e) => {
            shown(&e);
            None
        }
    };
    let _ = crate::config::edit::set_default_profile(path, &p[0], "fuzz");
    let _ = crate::config::edit::put_profile(
        path,
        &p[0],
        "fuzz",
        &[(Field::Key, crate::config::edit::NewValue::Str("k".into()))],
        true,
    );
    let env = p[1]
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let dotenv_path = PathBuf::from("/fuzz/.env");
    let dotenv = match load::parse_dotenv(&dotenv_path, &p[2]) {
        Ok(vars) => Some((dotenv_path, vars)),
        Err(e) => {
            shown(&e);
            None
        }
    };
    let mut cli = CliValues::default();
    for (k, v) in p[3].lines().filter_map(|l| l.split_once('=')) {
        match (k, Field::from_key(k)) {
            ("profile", _) => cli.profile = Some(v.to_owned()),
            (_, Some(field)) => cli.set(field, v, "--flag"),
            (_, None) => {}
        }
    }
    let inputs = Inputs {
        file,
        env,
        dotenv,
        cli,
    };
    resolve_all(&inputs);
}

/// Resolution as `config::load` runs it on gathered inputs.
fn resolve_all(inputs: &Inputs) -> Option<crate::config::Resolved> {
    let profile = match resolve::select_profile(inputs) {
        Ok(p) => p,
        Err(e) => {
            shown(&e);
            return None;
        }
    };
    if let Err(e) = resolve::wants_dotenv(inputs, &profile.val) {
        shown(&e);
    }
    match resolve::resolve(inputs, profile) {
        Ok(r) => {
            for e in [&r.rest, &r.ws].into_iter().flatten() {
                let _ = (e.http_base(), e.ws_base(), e.authority());
            }
            Some(r)
        }
        Err(e) => {
            shown(&e);
            None
        }
    }
}

fn shown(e: &ConfigError) {
    let _ = (e.to_string(), e.hints());
}

/// `.env` files as rtctl reads them: the first as a profile's `.env` (resolved with a
/// profile that reads it), then both compared as `doctor --compare-env` compares them.
/// `first .env \0 second .env`.
pub fn dotenv(data: &[u8]) {
    let p = parts(data, 2);
    let texts: Vec<(PathBuf, String)> = p
        .iter()
        .enumerate()
        .map(|(i, t)| (PathBuf::from(format!("/fuzz/{i}.env")), t.clone()))
        .collect();
    let file = crate::config::file::ConfigFile::parse(
        Path::new("/fuzz/config.toml"),
        "[profiles.p]\nenv_file = true\n",
    )
    .ok();
    let dotenv = load::parse_dotenv(&texts[0].0, &texts[0].1)
        .ok()
        .map(|vars| (texts[0].0.clone(), vars));
    let cli = CliValues {
        profile: Some("p".into()),
        ..CliValues::default()
    };
    let inputs = Inputs {
        file,
        env: BTreeMap::new(),
        dotenv,
        cli,
    };
    let files = EnvFiles::from_texts(&texts);
    let _ = envfiles::files(&files);
    let _ = envfiles::websocket(&files, None);
    if let Some(r) = resolve_all(&inputs) {
        let secret = crate::config::Secret::new(SECRET);
        for check in [
            envfiles::key,
            envfiles::secret,
            envfiles::cluster,
            envfiles::auth_endpoint,
        ] {
            let _ = check(&files, &r, Some(&secret));
        }
    }
}

/// `trigger --batch --dry-run` over JSON Lines: the first byte picks the catalogue, the
/// data limit (1 to 16 KB), a master key and `--fail-fast`; every line read must be
/// counted as blank, invalid or valid, and every valid one be in a request.
pub fn batch(data: &[u8]) {
    let (flags, input) = data.split_first().unwrap_or((&0, &[]));
    let catalog = (flags & 1 == 1)
        .then(|| Catalog::parse(catalog::BUILTIN).ok())
        .flatten();
    let master = (flags & 2 == 2).then(master_key);
    let fail_fast = flags & 4 == 4;
    let max_kb = usize::from(flags >> 4) + 1;
    let count = crate::commands::trigger::bulk::dry_run_lines(
        input.to_vec(),
        catalog,
        max_kb,
        master,
        fail_fast,
    )
    .unwrap_or_else(|e| unreachable!("an in-memory read cannot fail: {}", e.message));
    assert_eq!(
        count.lines,
        count.blank + count.invalid + count.valid,
        "a line was not accounted for: {count:?}"
    );
    assert_eq!(count.valid, count.in_requests, "{count:?}");
    assert!(count.requests * 10 >= count.in_requests, "{count:?}");
}

/// A catalogue, and an event checked against it as `trigger` does:
/// `catalogue TOML \0 channel \0 event \0 data \0 --set lines`. A catalogue that does
/// not parse is replaced by the built-in one, so the event is still checked.
pub fn catalog(data: &[u8]) {
    let p = parts(data, 5);
    let parsed = Catalog::parse(&p[0]);
    if let Err(e) = &parsed {
        let _ = e.to_string();
    }
    let Ok(cat) = parsed.or_else(|_| Catalog::parse(catalog::BUILTIN)) else {
        return;
    };
    let (channel, event) = (&p[1], &p[2]);
    let _ = (
        catalog::pattern_vars(channel),
        catalog::prefix_before_vars(channel),
    );
    if let Some((ch, vars)) = cat.channel(channel) {
        let fill = Fill {
            now_unix: 1_700_000_000,
            random: "r".into(),
            vars,
        };
        let _ = catalog::fill_placeholders(&p[3], &fill);
        if let Some(spec) = ch.event(event)
            && let Ok(example) = spec.example_payload(&fill)
        {
            let _ = spec.check(&example);
        }
    }
    let draft = Draft {
        channels: vec![channel.clone()],
        name: event.clone(),
        data: if p[3].is_empty() {
            Data::Unset
        } else {
            Data::Text {
                text: p[3].clone(),
                as_text: false,
            }
        },
        sets: p[4].lines().map(str::to_owned).collect(),
        socket_id: None,
    };
    let key = master_key();
    let rules = Rules {
        max_payload_kb: 10,
        catalog: Some((&cat, "catalogue")),
        enforce_catalog: true,
        encryption: Encryption::Here(Some(&key)),
    };
    if let Ok(checked) = outgoing::check(draft, &rules, &mut System) {
        let _ = checked.seal(&mut System);
    }
}

/// A captured webhook request (`webhook verify --headers`), and its body as `webhook
/// listen` and `replay` read it. A body always verifies under its own signature.
pub fn webhook(data: &[u8]) {
    for body in crate::commands::webhook::replay::split_bodies(data) {
        webhook_body(&body);
    }
    let Ok(captured) = raw_request::parse_captured(data) else {
        return;
    };
    let body = captured.body.clone().unwrap_or_default();
    let verdict = webhook::verify(
        KEY,
        SECRET,
        captured.header("x-pusher-key"),
        captured.header("x-pusher-signature"),
        &body,
    );
    let _ = verdict.reason();
    webhook_body(&body);
    let signature = sign::webhook_signature(SECRET, &body);
    assert_eq!(
        webhook::verify(KEY, SECRET, Some(KEY), Some(&signature), &body),
        webhook::Verdict::Valid {
            final_newline_ignored: false
        }
    );
}

fn webhook_body(body: &[u8]) {
    match webhook::validate(body) {
        Ok(b) => {
            for e in &b.events {
                let _ = (e.name(), e.channel(), e.event(), e.socket_id(), e.user_id());
                let _ = (e.data(), e.subscription_count(), e.check());
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    if let Ok(b) = webhook::parse(body) {
        let _ = b.problems();
    }
    let _ = webhook::with_time(body, 1);
}

/// An auth endpoint's answer, `status \0 Location \0 body`, read for a channel and for a
/// user, then used: a channel's authorization subscribes an encrypted channel (its
/// `shared_secret` decrypts an event) and is checked as `auth check` checks it. The
/// endpoint URL's token never appears in a message.
pub fn auth_answer(data: &[u8]) {
    const URL: &str = "https://app.example/auth?token=SECRET-TOKEN";
    let p = parts(data, 3);
    let status = p[0].trim().parse().unwrap_or(200);
    let location = (!p[1].is_empty()).then(|| p[1].clone());
    let r = reply(status, location, p[2].as_bytes());
    let leaks = |m: &str| m.contains("SECRET-TOKEN") && !p[1].contains("SECRET-TOKEN");
    match channel_answer(URL, &r) {
        Ok(auth) => {
            for channel in ["private-encrypted-x", "presence-x"] {
                let _ = sign::check_channel_auth(
                    KEY,
                    SECRET,
                    "1.2",
                    channel,
                    auth.channel_data.as_deref(),
                    &auth.auth,
                );
                let mut s = Session::new(Timing::default(), false);
                s.add_channel(channel);
                let now = Instant::now();
                s.opened(now);
                s.receive(
                    r#"{"event":"pusher:connection_established","data":"{\"socket_id\":\"1.2\"}"}"#,
                    now,
                );
                s.authorized(channel, &auth);
                let frame = format!(
                    r#"{{"event":"e","channel":"{channel}","data":{}}}"#,
                    serde_json::to_string(&p[2]).unwrap_or_default()
                );
                s.receive(&frame, now);
            }
        }
        Err(refusal) => assert!(!leaks(&refusal.message), "{}", refusal.message),
    }
    match user_answer(URL, &r) {
        Ok(user) => {
            let _ = sign::user_data_id(&user.user_data);
        }
        Err(refusal) => assert!(!leaks(&refusal.message), "{}", refusal.message),
    }
}

/// Values people type: durations, rates, sizes, `--user-info`, booleans, headers. A
/// duration accepted once is accepted again as rtctl shows it.
pub fn values(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(d) = values::duration(&text) {
        let shown = humantime::format_duration(d).to_string();
        assert_eq!(values::duration(&shown), Ok(d), "{shown}");
    }
    if let Ok(r) = values::rate(&text) {
        let _ = values::interval(r);
    }
    if let Ok(n) = values::size(&text) {
        let _ = values::size_shown(n);
    }
    let _ = values::user_info(&text);
    let _ = crate::config::parse_bool(&text);
    let _ = crate::config::headers::header_lines(&text);
}

/// A `bench --json` document as `bench merge` reads it, merged twice and reported.
/// Its results written back read the same.
pub fn bench_results(data: &[u8]) {
    use crate::commands::bench::{merge, results};
    let text = String::from_utf8_lossy(data);
    let Ok(read) = merge::document(&text) else {
        return;
    };
    if let Ok(v) = results::to_value(&read) {
        let again = results::from_document(&serde_json::json!({ "results": v }));
        assert_eq!(again.as_ref().ok(), Some(&read), "{again:?}");
    }
    let mut merged = results::Results::default();
    merged.merge(&read);
    merged.merge(&read);
    let _ = merge::report(&merged, vec!["a".into(), "b".into()], true);
    let _ = merge::report(&merged, vec!["a".into(), "b".into()], false);
}

#[cfg(test)]
mod tests {
    //! Every input the fuzzers kept, replayed on stable: the corpora (`fuzz/corpus/`)
    //! and the inputs that once crashed a target (`fuzz/regressions/`).

    use std::path::PathBuf;

    use super::{Feed, TARGETS};

    fn kept(folder: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz")
            .join(folder)
    }

    /// The files in `fuzz/<folder>/<target>/`, for each target.
    fn inputs(folder: &str) -> Vec<(&'static str, Feed, PathBuf)> {
        let root = kept(folder);
        let mut out = Vec::new();
        for entry in std::fs::read_dir(&root).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(&(target, feed)) = TARGETS.iter().find(|(t, _)| *t == name) else {
                panic!("fuzz/{folder}/{name} names no target");
            };
            for file in std::fs::read_dir(entry.path()).unwrap().flatten() {
                out.push((target, feed, file.path()));
            }
        }
        out
    }

    fn replay(folder: &str) -> usize {
        let all = inputs(folder);
        for (target, feed, path) in &all {
            let bytes = std::fs::read(path).unwrap();
            let ran = std::panic::catch_unwind(|| feed(&bytes));
            assert!(ran.is_ok(), "{target} panics on {}", path.display());
        }
        all.len()
    }

    #[test]
    fn every_corpus_input_runs_without_a_panic() {
        for (target, _) in TARGETS {
            let has = std::fs::read_dir(kept("corpus").join(target))
                .is_ok_and(|mut d| d.next().is_some());
            assert!(has, "fuzz/corpus/{target} is missing or empty");
        }
        assert!(replay("corpus") > 0);
    }

    #[test]
    fn every_input_that_once_crashed_a_target_runs_without_a_panic() {
        replay("regressions");
    }
}
