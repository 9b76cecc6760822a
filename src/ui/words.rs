//! Words that agree with their numbers: `1 event`, `3 events were`.

/// `1 event`, `2 events`: a count and its noun.
pub fn counted(n: u64, noun: &str) -> String {
    format!("{n} {noun}{}", plural(n))
}

/// `1 event was`, `3 events were`.
pub fn were(n: u64, noun: &str) -> String {
    format!(
        "{} {}",
        counted(n, noun),
        if n == 1 { "was" } else { "were" }
    )
}

/// The `s` a noun takes for `n`.
pub fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_agree_with_numbers() {
        assert_eq!(counted(1, "event"), "1 event");
        assert_eq!(counted(0, "line"), "0 lines");
        assert_eq!(counted(12, "webhook"), "12 webhooks");
        assert_eq!(were(1, "event"), "1 event was");
        assert_eq!(were(3, "event"), "3 events were");
        assert_eq!(plural(2), "s");
    }
}
