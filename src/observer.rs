//! Who rtctl is on a presence channel it joins with its own signature and no user id
//! (`tail`, `doctor`): an observer whose id says what it is, unique per machine and
//! process, and a valid user id.

use crate::pusher::sign;

/// This process's observer id, `rtctl-HOST-PID`.
pub fn id() -> String {
    observer_id(&hostname(), std::process::id())
}

/// The presence `channel_data` for observer `id`: its user info says it is rtctl.
pub fn member_data(id: &str) -> String {
    sign::member_data(
        id,
        Some(serde_json::json!({
            "name": "rtctl observer",
            "client": concat!("rtctl ", env!("CARGO_PKG_VERSION")),
        })),
    )
}

/// The observer id for a machine name and a process id.
fn observer_id(hostname: &str, pid: u32) -> String {
    let host: String = hostname
        .trim()
        .chars()
        .take(64)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let host = if host.is_empty() { "host" } else { &host };
    format!("rtctl-{host}-{pid}")
}

/// This machine's name: the kernel's, else `$HOSTNAME`.
fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_observer_is_a_valid_user_id_naming_host_and_process() {
        for (host, id) in [
            ("build-7\n", "rtctl-build-7-42"),
            ("db1.example.com", "rtctl-db1.example.com-42"),
            ("wéird host", "rtctl-w-ird-host-42"),
            ("", "rtctl-host-42"),
        ] {
            let got = observer_id(host, 42);
            assert_eq!(got, id);
            assert!(
                crate::pusher::event::validate_user_id(&got).is_ok(),
                "{got}"
            );
        }
        assert!(observer_id(&"h".repeat(500), 1).len() < 80);
    }
}
