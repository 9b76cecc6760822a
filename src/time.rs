//! Time in one place: the clock read, and times written as RFC 3339 in UTC (records,
//! payloads) or as the local clock (lines for people). Pure but for reading the clock.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch, now.
pub fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The time `ms` milliseconds after the Unix epoch (the epoch itself if out of range).
pub fn from_ms(ms: u64) -> SystemTime {
    UNIX_EPOCH
        .checked_add(Duration::from_millis(ms))
        .unwrap_or(UNIX_EPOCH)
}

/// Seconds since the Unix epoch as RFC 3339 (`2026-12-02T10:00:00Z`), or `None` for a
/// time outside the years -9999 to 9999.
pub fn rfc3339_seconds(unix: i64) -> Option<String> {
    let t = jiff::Timestamp::from_second(unix).ok()?;
    Some(t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// RFC 3339 in UTC to the millisecond (`2026-12-02T10:00:00.123Z`), for records; empty
/// for a time beyond the year 9999.
pub fn rfc3339_millis(t: SystemTime) -> String {
    jiff::Timestamp::try_from(t)
        .map(|ts| ts.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        .unwrap_or_default()
}

/// The local wall clock to the millisecond (`10:00:00.123`), for people.
pub fn local_clock(t: SystemTime) -> String {
    jiff::Timestamp::try_from(t)
        .map(|ts| {
            ts.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%H:%M:%S%.3f")
                .to_string()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_in_one_form_each() {
        assert_eq!(rfc3339_seconds(0).as_deref(), Some("1970-01-01T00:00:00Z"));
        assert_eq!(
            rfc3339_seconds(1_796_184_776).as_deref(),
            Some("2026-12-02T04:12:56Z")
        );
        assert_eq!(
            rfc3339_millis(from_ms(1_796_184_776_007)),
            "2026-12-02T04:12:56.007Z"
        );
        assert_eq!(rfc3339_millis(from_ms(0)), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            local_clock(from_ms(1_796_184_776_007)).len(),
            "04:12:56.007".len()
        );
    }

    #[test]
    fn times_beyond_year_9999_are_refused_not_a_panic() {
        assert_eq!(rfc3339_seconds(i64::MAX), None);
        assert_eq!(rfc3339_seconds(315_569_520_000 * 2), None);
        assert_eq!(
            from_ms(u64::MAX),
            UNIX_EPOCH + Duration::from_millis(u64::MAX)
        );
        assert_eq!(rfc3339_millis(from_ms(u64::MAX)), "");
        assert_eq!(local_clock(from_ms(u64::MAX)), "");
    }
}
