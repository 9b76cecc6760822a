//! Values people type on a command line or in a file (durations, rates, sizes), parsed
//! with bounds, so that no accepted value can overflow where it is later used: a timer,
//! an interval, a date. Pure.

use std::time::Duration;

/// The longest duration any flag or setting takes.
pub const MAX_DURATION: Duration = Duration::from_secs(365 * 24 * 3600);
/// The shortest: below a millisecond, timers round to nothing.
pub const MIN_DURATION: Duration = Duration::from_millis(1);
/// The fastest rate: one event a microsecond.
pub const MAX_RATE: f64 = 1_000_000.0;
/// The slowest rate: one event an hour.
pub const MIN_RATE: f64 = 1.0 / 3600.0;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("`{0}` is not a duration")]
    NotDuration(String),
    #[error("`{0}` is not a positive duration")]
    NotPositive(String),
    #[error("`{0}` is too short: at least 1ms")]
    TooShort(String),
    #[error("`{0}` is too long: at most 365 days")]
    TooLong(String),
    #[error("`{0}` is not a rate such as 50, 50/s, 300/m or 10/h")]
    NotRate(String),
    #[error("`{0}` is too fast: at most 1000000/s")]
    TooFast(String),
    #[error("`{0}` is too slow: at least 1/h")]
    TooSlow(String),
    #[error("--user-info is not JSON: {0}")]
    UserInfoNotJson(String),
    #[error("--user-info must be a JSON object, not {0}")]
    UserInfoNotObject(&'static str),
}

impl ValueError {
    pub fn hint(&self) -> &'static str {
        match self {
            Self::NotDuration(_) | Self::NotPositive(_) | Self::TooShort(_) | Self::TooLong(_) => {
                "write a duration from 1ms to 365d, like 500ms, 30s, 2m or 1h (a bare number is seconds)"
            }
            Self::NotRate(_) | Self::TooFast(_) | Self::TooSlow(_) => {
                "write a rate from 1/h to 1000000/s, like 50, 50/s, 300/m or 10/h"
            }
            Self::UserInfoNotJson(_) | Self::UserInfoNotObject(_) => {
                r#"for example --user-info '{"name":"Ada","role":"teacher"}'"#
            }
        }
    }
}

/// A duration: `500ms`, `30s`, `2m 30s`, `1h`, or a bare number of seconds (`1.5`).
pub fn duration(text: &str) -> Result<Duration, ValueError> {
    let s = text.trim();
    let shown = || s.chars().take(40).collect::<String>();
    let d = match s.parse::<f64>() {
        Ok(secs) if secs.is_nan() || secs <= 0.0 => return Err(ValueError::NotPositive(shown())),
        Ok(secs) if secs > MAX_DURATION.as_secs_f64() => return Err(ValueError::TooLong(shown())),
        Ok(secs) => Duration::from_secs_f64(secs),
        Err(_) => match humantime::parse_duration(s) {
            Ok(d) => d,
            Err(humantime::DurationError::NumberOverflow) => {
                return Err(ValueError::TooLong(shown()));
            }
            Err(_) => return Err(ValueError::NotDuration(shown())),
        },
    };
    if d.is_zero() {
        Err(ValueError::NotPositive(shown()))
    } else if d < MIN_DURATION {
        Err(ValueError::TooShort(shown()))
    } else if d > MAX_DURATION {
        Err(ValueError::TooLong(shown()))
    } else {
        Ok(d)
    }
}

/// A command-line flag's duration, refused as usage naming the flag (`--interval `x`
/// is not a duration`) with the hint for durations.
pub fn duration_flag(flag: &str, text: &str) -> Result<Duration, crate::error::CliError> {
    duration(text).map_err(|e| crate::error::CliError::usage(format!("{flag} {e}")).hint(e.hint()))
}

/// A rate in events a second: `50`, `50/s`, `300/m` (or `/min`), `10/h`.
pub fn rate(text: &str) -> Result<f64, ValueError> {
    let s = text.trim();
    let shown = || s.chars().take(40).collect::<String>();
    let (number, per) = match s.split_once('/') {
        None => (s, 1.0),
        Some((n, unit)) => match unit.trim() {
            "s" | "sec" => (n, 1.0),
            "m" | "min" => (n, 60.0),
            "h" => (n, 3600.0),
            _ => return Err(ValueError::NotRate(shown())),
        },
    };
    let count: f64 = number
        .trim()
        .parse()
        .map_err(|_| ValueError::NotRate(shown()))?;
    if !count.is_finite() || count <= 0.0 {
        return Err(ValueError::NotRate(shown()));
    }
    let r = count / per;
    if r > MAX_RATE {
        Err(ValueError::TooFast(shown()))
    } else if r < MIN_RATE {
        Err(ValueError::TooSlow(shown()))
    } else {
        Ok(r)
    }
}

/// `rate` as a clap value parser: the error says what is wrong and how to write one.
pub fn rate_arg(text: &str) -> Result<f64, String> {
    rate(text).map_err(|e| format!("{e}; {}", e.hint()))
}

/// The time between events at a rate `rate` gave: from 1 µs to 1 h, never zero.
pub fn interval(per_second: f64) -> Duration {
    let r = if per_second.is_nan() {
        MIN_RATE
    } else {
        per_second.clamp(MIN_RATE, MAX_RATE)
    };
    Duration::from_secs_f64(1.0 / r)
}

/// A presence member's `--user-info`: a JSON object.
pub fn user_info(text: &str) -> Result<serde_json::Value, ValueError> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) if v.is_object() => Ok(v),
        Ok(other) => Err(ValueError::UserInfoNotObject(
            crate::pusher::sign::json_kind(&other),
        )),
        Err(e) => Err(ValueError::UserInfoNotJson(e.to_string())),
    }
}

/// Byte-size units, largest first.
const UNITS: [(&str, u64); 9] = [
    ("gib", 1 << 30),
    ("mib", 1 << 20),
    ("kib", 1 << 10),
    ("gb", 1_000_000_000),
    ("mb", 1_000_000),
    ("kb", 1_000),
    ("b", 1),
    // As `size_shown` writes a size that is no whole KiB, so a message reads back.
    ("bytes", 1),
    ("byte", 1),
];

/// A size in bytes: a number of bytes, or a whole number with a unit (`B`, `KiB`, `MiB`, `GiB`,
/// or the decimal `KB`, `MB`, `GB`), any case, spaces allowed before the unit.
pub fn size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let unit = unit.trim().to_ascii_lowercase();
    if digits.is_empty() {
        return Err("it does not start with a number".to_owned());
    }
    let scale = if unit.is_empty() {
        1
    } else {
        UNITS
            .iter()
            .find(|(name, _)| *name == unit)
            .map(|(_, scale)| *scale)
            .ok_or_else(|| format!("`{unit}` is not a unit (use B, KiB, MiB or GiB)"))?
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .ok_or_else(|| "it is too large".to_owned())
}

/// A size for messages: `1 MiB`, `512 KiB`, `1500 bytes`.
pub fn size_shown(bytes: u64) -> String {
    for (name, scale) in [("GiB", 1u64 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] {
        if bytes >= scale && bytes.is_multiple_of(scale) {
            return format!("{} {name}", bytes / scale);
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(duration(" 1.5 "), Ok(Duration::from_millis(1500)));
        assert_eq!(duration("2m 30s"), Ok(Duration::from_secs(150)));
        assert_eq!(duration("365d"), Ok(MAX_DURATION));
        for bad in ["0", "0s", "-1", "NaN", "nan", "-inf", "0.0"] {
            assert!(
                matches!(duration(bad), Err(ValueError::NotPositive(_))),
                "{bad}"
            );
        }
        for long in [
            "300000000000y",
            "366d",
            "1e300",
            "inf",
            "99999999999999999999999999s",
        ] {
            assert!(
                matches!(duration(long), Err(ValueError::TooLong(_))),
                "{long}"
            );
        }
        for short in ["1ns", "999us", "1e-300"] {
            assert!(
                matches!(
                    duration(short),
                    Err(ValueError::TooShort(_) | ValueError::NotPositive(_))
                ),
                "{short}"
            );
        }
        for junk in ["fast", "", "10 parsecs"] {
            assert!(
                matches!(duration(junk), Err(ValueError::NotDuration(_))),
                "{junk}"
            );
        }
    }

    #[test]
    fn rates() {
        assert_eq!(rate("50"), Ok(50.0));
        assert_eq!(rate("2.5/s"), Ok(2.5));
        assert_eq!(rate("120/m"), Ok(2.0));
        assert_eq!(rate("120/min"), Ok(2.0));
        assert_eq!(rate("36/h"), Ok(0.01));
        assert!(matches!(rate("1e10"), Err(ValueError::TooFast(_))));
        assert!(matches!(rate("1e-20"), Err(ValueError::TooSlow(_))));
        for bad in ["0", "-5", "NaN", "inf", "fast", "5/fortnight", "/s", ""] {
            assert!(matches!(rate(bad), Err(ValueError::NotRate(_))), "{bad}");
        }
    }

    #[test]
    fn user_info_is_a_json_object() {
        assert_eq!(
            user_info(r#"{"name":"Ada"}"#),
            Ok(serde_json::json!({"name": "Ada"}))
        );
        assert_eq!(
            user_info("[1]"),
            Err(ValueError::UserInfoNotObject("an array"))
        );
        assert!(matches!(
            user_info("{"),
            Err(ValueError::UserInfoNotJson(_))
        ));
    }

    #[test]
    fn intervals_are_never_zero_or_huge() {
        assert_eq!(interval(MAX_RATE), Duration::from_micros(1));
        assert_eq!(interval(f64::MAX), Duration::from_micros(1));
        assert_eq!(interval(0.0), Duration::from_secs(3600));
        assert_eq!(interval(f64::NAN), Duration::from_secs(3600));
        assert_eq!(interval(4.0), Duration::from_millis(250));
    }

    #[test]
    fn sizes_with_and_without_units() {
        for (text, bytes) in [
            ("1MiB", 1 << 20),
            ("512KiB", 512 << 10),
            ("512 kib", 512 << 10),
            ("2GiB", 2 << 30),
            ("65536", 65536),
            ("100B", 100),
            ("10KB", 10_000),
            (" 3 MB ", 3_000_000),
        ] {
            assert_eq!(size(text), Ok(bytes), "{text}");
        }
        for bad in [
            "",
            "MiB",
            "1.5MiB",
            "1 parsec",
            "-1",
            "99999999999999999999GiB",
        ] {
            assert!(size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sizes_shown_in_the_largest_whole_unit() {
        assert_eq!(size_shown(1 << 20), "1 MiB");
        assert_eq!(size_shown(512 << 10), "512 KiB");
        assert_eq!(size_shown(1500), "1500 bytes");
        assert_eq!(size_shown(3 << 30), "3 GiB");
        // What a message shows reads back as the same size.
        for bytes in [1, 1500, 1 << 10, 512 << 10, (1 << 20) + 1, 3 << 30] {
            assert_eq!(size(&size_shown(bytes)), Ok(bytes), "{bytes}");
        }
    }
}

#[cfg(test)]
mod properties {
    //! A duration reads back from the way it is shown, and from its seconds.

    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn a_duration_reads_back_as_shown(
            nanos in MIN_DURATION.as_nanos() as u64..=MAX_DURATION.as_nanos() as u64,
        ) {
            let d = Duration::from_nanos(nanos);
            let shown = humantime::format_duration(d).to_string();
            prop_assert_eq!(duration(&shown), Ok(d), "{}", shown);
        }

        #[test]
        fn whole_seconds_read_as_seconds(secs in 1..=MAX_DURATION.as_secs()) {
            prop_assert_eq!(duration(&secs.to_string()), Ok(Duration::from_secs(secs)));
            prop_assert_eq!(duration(&format!("{secs}s")), Ok(Duration::from_secs(secs)));
        }
    }
}
