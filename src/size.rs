//! Sizes in bytes as people write them (`1MiB`, `512KiB`, `65536`) and as messages show
//! them.

const UNITS: [(&str, u64); 7] = [
    ("gib", 1 << 30),
    ("mib", 1 << 20),
    ("kib", 1 << 10),
    ("gb", 1_000_000_000),
    ("mb", 1_000_000),
    ("kb", 1_000),
    ("b", 1),
];

/// A size: a number of bytes, or a whole number with a unit (`B`, `KiB`, `MiB`, `GiB`,
/// or the decimal `KB`, `MB`, `GB`), any case, spaces allowed before the unit.
pub fn parse(text: &str) -> Result<u64, String> {
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
pub fn display(bytes: u64) -> String {
    for (name, scale) in [("GiB", 1u64 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] {
        if bytes >= scale && bytes % scale == 0 {
            return format!("{} {name}", bytes / scale);
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(parse(text), Ok(bytes), "{text}");
        }
        for bad in [
            "",
            "MiB",
            "1.5MiB",
            "1 parsec",
            "-1",
            "99999999999999999999GiB",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sizes_shown_in_the_largest_whole_unit() {
        assert_eq!(display(1 << 20), "1 MiB");
        assert_eq!(display(512 << 10), "512 KiB");
        assert_eq!(display(1500), "1500 bytes");
        assert_eq!(display(3 << 30), "3 GiB");
    }
}
