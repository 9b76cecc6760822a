//! What an app's webhook endpoint answered to a signed or a wrongly signed webhook
//! means: `webhook replay` and doctor's `app.webhook` judge answers this one way.

/// An answer's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// A 2xx for a good signature.
    Accepted,
    /// A non-2xx for a good signature.
    Rejected,
    /// A 4xx for a wrong signature: what should happen.
    Refused,
    /// A 2xx for a wrong signature: the endpoint does not verify signatures.
    AcceptedTampered,
    /// A 3xx or 5xx for a wrong signature: it failed or redirected rather than refused.
    Failed,
    /// No answer.
    Unreachable,
}

impl Answer {
    /// The meaning of `status` (`None`: no answer) to a webhook signed wrongly when
    /// `tampered`, rightly otherwise.
    pub fn of(tampered: bool, status: Option<u16>) -> Self {
        match (tampered, status) {
            (_, None) => Self::Unreachable,
            (false, Some(s)) if (200..300).contains(&s) => Self::Accepted,
            (false, Some(_)) => Self::Rejected,
            (true, Some(s)) if (200..300).contains(&s) => Self::AcceptedTampered,
            (true, Some(s)) if (400..500).contains(&s) => Self::Refused,
            (true, Some(_)) => Self::Failed,
        }
    }

    /// A stable word for scripts.
    pub fn word(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Refused => "refused",
            Self::AcceptedTampered => "accepted_bad_signature",
            Self::Failed => "failed",
            Self::Unreachable => "unreachable",
        }
    }

    /// What the endpoint must change, for a wrongly signed webhook it did not refuse.
    pub fn hint(self) -> Option<&'static str> {
        match self {
            Self::AcceptedTampered => Some(
                "it must check X-Pusher-Signature (HMAC-SHA256 of the raw body with the app secret, compared in constant time) and answer 401",
            ),
            Self::Failed => {
                Some("a bad signature should get a 4xx (401), not an error or a redirect")
            }
            _ => None,
        }
    }

    /// The endpoint did what it should.
    pub fn passed(self) -> bool {
        matches!(self, Self::Accepted | Self::Refused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers() {
        assert_eq!(Answer::of(false, Some(200)), Answer::Accepted);
        assert_eq!(Answer::of(false, Some(401)), Answer::Rejected);
        assert_eq!(Answer::of(true, Some(401)), Answer::Refused);
        assert_eq!(Answer::of(true, Some(204)), Answer::AcceptedTampered);
        assert_eq!(Answer::of(true, Some(500)), Answer::Failed);
        assert_eq!(Answer::of(true, Some(302)), Answer::Failed);
        assert_eq!(Answer::of(true, None), Answer::Unreachable);
    }
}
