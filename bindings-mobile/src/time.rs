//! The time of verification, passed in by the app (the engine never reads a clock): RFC 3339 text or
//! Unix seconds, whichever the platform has at hand.

use hocba_core::time::UnixTime;
use hocba_core::Lang;

use crate::HocbaError;

/// When to judge the record.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum VerificationTime {
    /// RFC 3339 with an offset, e.g. `2025-07-10T07:00:00+07:00` or `2025-07-10T00:00:00Z`.
    Rfc3339 {
        /// The text.
        text: String,
    },
    /// Seconds since 1970-01-01T00:00:00Z (`System.currentTimeMillis() / 1000`, `Date().timeIntervalSince1970`).
    UnixSeconds {
        /// The seconds.
        seconds: i64,
    },
}

/// 9999-12-31T23:59:59Z: the last second an RFC 3339 year of four digits can name.
const LAST_SECOND: i64 = 253_402_300_799;

impl VerificationTime {
    /// The instant, or why it cannot be used.
    pub(crate) fn resolve(&self, lang: Lang) -> Result<UnixTime, HocbaError> {
        match self {
            VerificationTime::Rfc3339 { text } => {
                UnixTime::parse_rfc3339(text).map_err(|e| HocbaError::BadTime {
                    code: e.code().into(),
                    detail: match lang {
                        Lang::Vi => format!("`{text}` không phải thời điểm RFC 3339 (ví dụ 2025-07-10T07:00:00+07:00)"),
                        Lang::En => e.to_string(),
                    },
                })
            }
            VerificationTime::UnixSeconds { seconds } if (0..=LAST_SECOND).contains(seconds) => {
                Ok(UnixTime(*seconds))
            }
            VerificationTime::UnixSeconds { seconds } => Err(HocbaError::BadTime {
                code: "time_out_of_range".into(),
                detail: match lang {
                    Lang::Vi => format!("{seconds} giây Unix nằm ngoài khoảng 1970–9999"),
                    Lang::En => format!("{seconds} Unix seconds is outside 1970–9999"),
                },
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_name_the_same_instant_and_bad_ones_are_typed() {
        let text = VerificationTime::Rfc3339 {
            text: "2025-07-10T07:00:00+07:00".into(),
        };
        let secs = VerificationTime::UnixSeconds {
            seconds: 1_752_105_600,
        };
        assert_eq!(text.resolve(Lang::En), secs.resolve(Lang::En));
        for bad in [
            VerificationTime::Rfc3339 {
                text: "yesterday".into(),
            },
            VerificationTime::Rfc3339 {
                text: String::new(),
            },
        ] {
            assert!(
                matches!(bad.resolve(Lang::Vi), Err(HocbaError::BadTime { code, .. }) if code == "time_malformed")
            );
        }
        for s in [-1, i64::MIN, i64::MAX, LAST_SECOND + 1] {
            let t = VerificationTime::UnixSeconds { seconds: s };
            assert!(
                matches!(t.resolve(Lang::En), Err(HocbaError::BadTime { code, .. }) if code == "time_out_of_range")
            );
        }
    }
}
