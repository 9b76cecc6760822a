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
/// for a time past the last jiff holds (late in the year 9999).
pub fn rfc3339_millis(t: SystemTime) -> String {
    match since_epoch_millis(t) {
        Some(text) => text.iter().copied().map(char::from).collect(),
        None => any_rfc3339_millis(t),
    }
}

/// `rfc3339_millis` appended to `out`, without allocating for the times records carry.
pub fn push_rfc3339_millis(out: &mut Vec<u8>, t: SystemTime) {
    match since_epoch_millis(t) {
        Some(text) => out.extend_from_slice(&text),
        None => out.extend_from_slice(any_rfc3339_millis(t).as_bytes()),
    }
}

/// `rfc3339_millis` through jiff, for any time it can hold.
fn any_rfc3339_millis(t: SystemTime) -> String {
    jiff::Timestamp::try_from(t)
        .map(|ts| ts.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        .unwrap_or_default()
}

/// The last second jiff holds, 9999-12-30T22:00:00Z (it keeps a day's offsets of room
/// below the year 10000); a time past it is written as nothing.
const LAST_SECOND: u64 = 253_402_207_200;

/// `rfc3339_millis` for a time from the Unix epoch to jiff's last (what a clock reads),
/// worked out directly: a record's time is written once an event.
fn since_epoch_millis(t: SystemTime) -> Option<[u8; 24]> {
    let since = t.duration_since(UNIX_EPOCH).ok()?;
    let secs = since.as_secs();
    if secs > LAST_SECOND {
        return None;
    }
    let (year, month, day) = civil_from_days(secs / 86_400);
    let of_day = secs % 86_400;
    let mut text = *b"0000-00-00T00:00:00.000Z";
    for (at, width, n) in [
        (0, 4, year),
        (5, 2, month),
        (8, 2, day),
        (11, 2, of_day / 3600),
        (14, 2, of_day / 60 % 60),
        (17, 2, of_day % 60),
        (20, 3, u64::from(since.subsec_millis())),
    ] {
        put_digits(&mut text[at..at + width], n);
    }
    Some(text)
}

/// `n`'s last `digits.len()` decimal digits, zero-padded, into `digits`.
fn put_digits(digits: &mut [u8], mut n: u64) {
    for digit in digits.iter_mut().rev() {
        *digit = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

/// Writes record times as `push_rfc3339_millis` does, keeping the text of the second it
/// last wrote: a stream's records come many to the second.
#[derive(Debug, Default)]
pub struct RecordClock {
    last: Option<(u64, [u8; 24])>,
}

impl RecordClock {
    pub fn push(&mut self, out: &mut Vec<u8>, t: SystemTime) {
        let now = t
            .duration_since(UNIX_EPOCH)
            .ok()
            .map(|d| (d.as_secs(), d.subsec_millis()));
        match (&mut self.last, now) {
            (Some((last, text)), Some((second, millis))) if *last == second => {
                put_digits(&mut text[20..23], u64::from(millis));
                out.extend_from_slice(text);
            }
            _ => match since_epoch_millis(t) {
                Some(text) => {
                    self.last = now.map(|(second, _)| (second, text));
                    out.extend_from_slice(&text);
                }
                None => push_rfc3339_millis(out, t),
            },
        }
    }
}

/// The proleptic Gregorian date `days` after 1970-01-01, as (year, month, day) (Howard
/// Hinnant's `civil_from_days`, for days on or after the epoch).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    (year_of_era + era * 400 + u64::from(month <= 2), month, day)
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

    /// The direct reckoning against jiff's: every leap-year rule, every month's end,
    /// the edges of a second and of the range, and many instants in between.
    #[test]
    fn record_times_are_what_jiff_writes() {
        assert_eq!(jiff::Timestamp::MAX.as_second(), LAST_SECOND as i64);
        let jiff = |t: SystemTime| any_rfc3339_millis(t);
        let mut instants = vec![
            UNIX_EPOCH,
            UNIX_EPOCH + Duration::from_nanos(999_999),
            UNIX_EPOCH + Duration::from_nanos(1_000_000),
            UNIX_EPOCH + Duration::new(LAST_SECOND, 999_999_999),
            UNIX_EPOCH + Duration::from_secs(LAST_SECOND + 1),
            UNIX_EPOCH + Duration::from_secs(253_402_300_800),
            UNIX_EPOCH + Duration::from_secs(LAST_SECOND * 2),
            UNIX_EPOCH - Duration::from_millis(1),
            UNIX_EPOCH - Duration::from_secs(86_400 * 365 * 100),
        ];
        // Midnight and a nanosecond before it, every day of some years: 1972 and 2000
        // (leap), 2100 (not), 2400 (leap), 9999 (the last).
        for year in [1970_i16, 1972, 1999, 2000, 2024, 2100, 2400, 9999] {
            let start = jiff::civil::date(year, 1, 1).to_zoned(jiff::tz::TimeZone::UTC);
            let start = start.expect("a date").timestamp().as_second() as u64;
            for day in 0..366 {
                let midnight = UNIX_EPOCH + Duration::from_secs(start + day * 86_400);
                instants.push(midnight);
                if let Some(before) = midnight.checked_sub(Duration::from_nanos(1)) {
                    instants.push(before);
                }
            }
        }
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = Duration::new(state % LAST_SECOND, (state >> 34) as u32 % 1_000_000_000);
            instants.push(UNIX_EPOCH + at);
        }
        for t in instants {
            assert_eq!(rfc3339_millis(t), jiff(t), "{t:?}");
            let mut out = b"at ".to_vec();
            push_rfc3339_millis(&mut out, t);
            assert_eq!(out, format!("at {}", jiff(t)).into_bytes(), "{t:?}");
        }
    }

    #[test]
    fn the_record_clock_writes_what_rfc3339_millis_does() {
        let mut clock = RecordClock::default();
        let base = 1_709_251_199_000_u64;
        let millis = [
            0, 1, 999, 1000, 1001, 500, 999, 86_400_000, 0, 1_999, 2_000, 1_500,
        ];
        let mut instants: Vec<SystemTime> = millis.iter().map(|&m| from_ms(base + m)).collect();
        instants.extend([
            UNIX_EPOCH - Duration::from_millis(1),
            from_ms(base),
            UNIX_EPOCH + Duration::from_secs(LAST_SECOND + 1),
            UNIX_EPOCH + Duration::new(LAST_SECOND, 999_999_999),
            UNIX_EPOCH + Duration::new(LAST_SECOND, 1),
            from_ms(base + 7),
        ]);
        for t in instants {
            let mut out = b"at ".to_vec();
            clock.push(&mut out, t);
            assert_eq!(
                out,
                format!("at {}", rfc3339_millis(t)).into_bytes(),
                "{t:?}"
            );
        }
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
