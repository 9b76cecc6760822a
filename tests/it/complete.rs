//! Dynamic completion through the real binary, as the bash script asks for it: profile
//! names, the catalogue's channels and events, and the occupied channels of a real
//! sockudo; quiet and quick with a server down or silent and a config broken.

use crate::common;

use common::{
    Server, Subscriber, TestEnv, WAIT, eventually, output_text, silent_listener, write_file,
};

/// What the bash registration runs at <TAB> with `words` on the line, the last one being
/// completed. Every completion must succeed and say nothing on stderr: its candidates,
/// one a line.
fn complete(cmd: &mut assert_cmd::Command, words: &[&str]) -> Vec<String> {
    let out = cmd
        .env("RTCTL_COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        // A hang guard only: completion has its own 200 ms deadline for the server.
        .timeout(WAIT)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{words:?}: {stderr}");
    assert!(stderr.is_empty(), "{words:?} printed on stderr: {stderr}");
    stdout.lines().map(str::to_owned).collect()
}

/// The candidates that are values, not flags.
fn values(candidates: Vec<String>) -> Vec<String> {
    candidates
        .into_iter()
        .filter(|c| !c.starts_with('-'))
        .collect()
}

fn has(candidates: &[String], name: &str) -> bool {
    candidates.iter().any(|c| c == name)
}

/// The `local` profile for an app on 127.0.0.1 at `port`, with `extra` lines.
fn profile_at(port: u16, extra: &str) -> String {
    format!(
        "[profiles.local]\napp_id = \"1\"\nkey = \"k\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = false\n{extra}"
    )
}

/// A port nobody listens on.
fn closed_port() -> u16 {
    let (listener, port) = silent_listener();
    drop(listener);
    port
}

// ---------------------------------------------------------------- profiles and catalogue

#[test]
fn profile_names_complete_dynamically() {
    let env = TestEnv::new();
    env.write_config("[profiles.production]\nkey = \"k\"\n[profiles.staging]\nkey = \"k\"\n");
    let registration = env
        .rtctl()
        .args(["completions", "bash", "--dynamic"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&registration.stdout).contains("RTCTL_COMPLETE"));
    let names = complete(&mut env.rtctl(), &["rtctl", "--profile", ""]);
    for name in ["production", "staging", "local"] {
        assert!(has(&names, name), "{names:?}");
    }
}

#[test]
fn trigger_completes_catalogue_channels_and_events() {
    let env = TestEnv::new();
    let channels = complete(&mut env.rtctl(), &["rtctl", "trigger", "dash"]);
    assert!(has(&channels, "dashboard-updates"), "{channels:?}");
    let events = complete(
        &mut env.rtctl(),
        &["rtctl", "trigger", "dashboard-updates", "system_"],
    );
    assert!(has(&events, "system_notification"), "{events:?}");
    // A profile's own catalogue replaces the built-in one.
    env.write_config("[profiles.local]\ncatalog = \"mine.toml\"\n");
    write_file(
        env.config_path().parent().unwrap(),
        "mine.toml",
        "[[channel]]\nname = \"orders-{id}\"\n[[channel.event]]\nname = \"order_shipped\"\n",
    );
    let channels = complete(&mut env.rtctl(), &["rtctl", "trigger", "ord"]);
    assert_eq!(channels, ["orders-"]);
}

#[test]
fn trigger_offers_only_the_events_the_catalogue_lists_for_the_channel() {
    let env = TestEnv::new();
    let events = |words: &[&str]| values(complete(&mut env.rtctl(), words));
    let dashboard = events(&["rtctl", "trigger", "dashboard-updates", ""]);
    assert!(has(&dashboard, "system_notification"), "{dashboard:?}");
    assert!(!has(&dashboard, "grade_posted"), "{dashboard:?}");
    // private-user-42 is the pattern private-user-{user_id}'s channel.
    let user = events(&["rtctl", "trigger", "private-user-42", ""]);
    assert!(has(&user, "grade_posted"), "{user:?}");
    assert!(!has(&user, "system_notification"), "{user:?}");
    // Several channels: the events the catalogue lists for each of them.
    let both = events(&["rtctl", "trigger", "private-user-42,content-generation", ""]);
    assert_eq!(both, ["progress_update"]);
    // A channel the catalogue does not know: no event would be checked, none is offered.
    let unknown = events(&["rtctl", "trigger", "no-such-channel", ""]);
    assert!(unknown.is_empty(), "{unknown:?}");
    // Flags before the channel are read past; catalog show filters the same way.
    let flagged = events(&[
        "rtctl",
        "--color",
        "never",
        "trigger",
        "--via",
        "pusher",
        "private-user-42",
        "",
    ]);
    assert_eq!(flagged, user);
    let shown = events(&["rtctl", "catalog", "show", "private-user-42", ""]);
    assert_eq!(shown, user);
}

#[test]
fn the_profile_and_catalogue_on_the_line_are_the_ones_used() {
    let env = TestEnv::new();
    env.write_config(
        "default_profile = \"a\"\n[profiles.a]\ncatalog = \"a.toml\"\n[profiles.b]\ncatalog = \"b.toml\"\n",
    );
    let dir = env.config_path().parent().unwrap().to_owned();
    let catalogue = |name: &str, channel: &str, event: &str| {
        write_file(
            &dir,
            name,
            &format!("[[channel]]\nname = \"{channel}\"\n[[channel.event]]\nname = \"{event}\"\n"),
        )
    };
    catalogue("a.toml", "alpha-{id}", "alpha_event");
    catalogue("b.toml", "beta-{id}", "beta_event");
    let flag = catalogue("c.toml", "gamma", "gamma_event");
    let run = |words: &[&str]| values(complete(&mut env.rtctl(), words));
    assert_eq!(run(&["rtctl", "tail", ""])[..1], ["alpha-"]);
    assert_eq!(
        run(&["rtctl", "--profile", "b", "tail", ""])[..1],
        ["beta-"]
    );
    assert_eq!(
        run(&["rtctl", "tail", "--profile", "b", ""])[..1],
        ["beta-"]
    );
    assert_eq!(
        run(&["rtctl", "--profile", "b", "trigger", "beta-1", ""]),
        ["beta_event"]
    );
    let flag = flag.display().to_string();
    assert_eq!(
        run(&["rtctl", "trigger", "--catalog", &flag, ""])[..1],
        ["gamma"]
    );
    assert_eq!(
        run(&["rtctl", "trigger", "--catalog", &flag, "gamma", ""]),
        ["gamma_event"]
    );
    // RTCTL_PROFILE counts as it does for a command.
    let from_env = values(complete(
        env.rtctl().env("RTCTL_PROFILE", "b"),
        &["rtctl", "tail", ""],
    ));
    assert_eq!(from_env[..1], ["beta-"]);
}

// ---------------------------------------------------------------- occupied channels

#[test]
fn channel_arguments_offer_the_occupied_channels_when_the_server_answers() {
    let server = Server::start();
    let env = TestEnv::with_server(&server);
    let mut sub = Subscriber::connect(&server);
    sub.subscribe(&server, "live-orders-7", None);
    sub.subscribe(&server, "presence-room-9", Some("u1"));
    let offered = |words: &[&str], name: &str| {
        eventually(&format!("{words:?} offers {name}"), || {
            let c = complete(&mut env.rtctl(), words);
            has(&c, name).then_some(c)
        })
    };
    let tail = offered(&["rtctl", "tail", ""], "live-orders-7");
    // The catalogue's channels come too, a pattern cut to its prefix.
    assert!(has(&tail, "dashboard-updates"), "{tail:?}");
    assert!(has(&tail, "private-user-"), "{tail:?}");
    offered(&["rtctl", "tail", "live-orders-7", ""], "presence-room-9");
    offered(&["rtctl", "channels", "show", ""], "live-orders-7");
    offered(&["rtctl", "trigger", "live"], "live-orders-7");
    // Only the kinds the argument takes.
    let members = offered(&["rtctl", "channels", "users", ""], "presence-room-9");
    assert!(!has(&members, "live-orders-7"), "{members:?}");
    assert!(!has(&members, "dashboard-updates"), "{members:?}");
    let sign = offered(&["rtctl", "auth", "sign", ""], "presence-room-9");
    assert!(!has(&sign, "live-orders-7"), "{sign:?}");
    // The connection flags on the line pick the server: one where nothing listens.
    let port = closed_port().to_string();
    let elsewhere = complete(&mut env.rtctl(), &["rtctl", "--port", &port, "tail", ""]);
    assert!(has(&elsewhere, "dashboard-updates"), "{elsewhere:?}");
    assert!(!has(&elsewhere, "live-orders-7"), "{elsewhere:?}");
    drop(sub);
}

#[test]
fn a_server_that_is_down_leaves_the_catalogue_channels() {
    let env = TestEnv::new();
    env.write_config(&profile_at(closed_port(), "secret = \"s\"\n"));
    let c = complete(&mut env.rtctl(), &["rtctl", "tail", ""]);
    assert!(has(&c, "dashboard-updates"), "{c:?}");
    assert!(has(&c, "presence-classroom-"), "{c:?}");
}

#[test]
fn a_server_that_never_answers_does_not_hold_completion() {
    let (_listener, port) = silent_listener();
    let env = TestEnv::new();
    // Were completion to wait for the profile's timeout, the hang guard would stop it.
    env.write_config(&profile_at(port, "secret = \"s\"\ntimeout = \"10m\"\n"));
    for words in [
        &["rtctl", "tail", ""][..],
        &["rtctl", "channels", "show", "dash"],
        &["rtctl", "trigger", ""],
    ] {
        let c = complete(&mut env.rtctl(), words);
        assert!(has(&c, "dashboard-updates"), "{words:?}: {c:?}");
    }
}

// ---------------------------------------------------------------- never loud, never a command

#[test]
fn a_broken_config_or_catalogue_completes_quietly() {
    let env = TestEnv::new();
    let lines: [&[&str]; 4] = [
        &["rtctl", "tail", ""],
        &["rtctl", "trigger", "dashboard-updates", ""],
        &["rtctl", "--profile", "nope", "channels", "show", ""],
        &["rtctl", "--profile", ""],
    ];
    env.write_config("");
    let dir = env.config_path().parent().unwrap().to_owned();
    write_file(&dir, "broken.toml", "[[channel]\nname = ");
    std::fs::create_dir_all(dir.join("a-dir.toml")).unwrap();
    for config in [
        "[profiles.local\nkey = ",
        "default_profile = \"missing\"\n",
        "[profiles.local]\nport = \"not a port\"\n",
        "[profiles.local]\ncatalog = \"broken.toml\"\n",
        "[profiles.local]\ncatalog = \"a-dir.toml\"\n",
        "[profiles.local]\ncatalog = \"no-such.toml\"\n",
    ] {
        env.write_config(config);
        for words in lines {
            // `complete` asserts exit 0 and an empty stderr; candidates or none are both fine.
            complete(&mut env.rtctl(), words);
        }
    }
    complete(
        env.rtctl().env("RTCTL_PROFILE", "nope"),
        &["rtctl", "tail", ""],
    );
}

#[test]
fn completion_never_runs_a_secret_command() {
    let env = TestEnv::new();
    let marker = env.work_dir().join("secret-command-ran");
    let command = format!("touch {}; echo s", marker.display());
    env.write_config(&profile_at(
        closed_port(),
        &format!("secret_command = \"{command}\"\n"),
    ));
    for words in [
        &["rtctl", "tail", ""][..],
        &["rtctl", "channels", "show", ""],
        &["rtctl", "channels", "users", ""],
        &["rtctl", "auth", "sign", ""],
        &["rtctl", "trigger", ""],
    ] {
        let c = complete(&mut env.rtctl(), words);
        assert!(!c.is_empty(), "{words:?}");
    }
    assert!(!marker.exists(), "completion ran the secret_command");
    // A command does run it: the marker above would have appeared.
    env.rtctl()
        .args(["channels", "list"])
        .timeout(WAIT)
        .output()
        .unwrap();
    assert!(
        marker.exists(),
        "the secret_command never runs: the test proves nothing"
    );
}

#[test]
fn completion_never_reads_a_dotenv() {
    let server = Server::start();
    let env = TestEnv::new();
    // The profile reads ./.env, which names the live server and its app in full.
    env.write_config(&profile_at(closed_port(), "env_file = true\n"));
    write_file(
        &env.work_dir(),
        ".env",
        &format!(
            "RTCTL_PORT={}\nRTCTL_APP_ID={}\nRTCTL_KEY={}\nRTCTL_SECRET={}\n",
            server.port, server.app_id, server.key, server.secret
        ),
    );
    let mut sub = Subscriber::connect(&server);
    sub.subscribe(&server, "dotenv-only-3", None);
    eventually("channels list reads the .env and sees the channel", || {
        let out = env
            .rtctl()
            .args(["channels", "list"])
            .timeout(WAIT)
            .output()
            .unwrap();
        output_text(&out).0.contains("dotenv-only-3").then_some(())
    });
    let c = complete(&mut env.rtctl(), &["rtctl", "tail", ""]);
    assert!(has(&c, "dashboard-updates"), "{c:?}");
    assert!(!has(&c, "dotenv-only-3"), "completion used the .env: {c:?}");
    drop(sub);
}
