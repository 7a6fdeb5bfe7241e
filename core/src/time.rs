//! Instants and calendar dates, without a clock: every "now" is an argument.
//!
//! Instants are seconds since the Unix epoch (UTC). Dates are local dates in Vietnam (Asia/Ho_Chi_Minh,
//! UTC+7 all year: no daylight saving), which is how schools write lock dates and status dates.

use alloc::format;
use alloc::string::String;
use core::fmt;

/// Vietnam's offset from UTC, in seconds (UTC+7, no daylight saving).
pub const VIETNAM_OFFSET_SECONDS: i64 = 7 * 3600;

const SECONDS_PER_DAY: i64 = 86_400;

/// An instant: whole seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime(pub i64);

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

/// A text that is not an RFC 3339 date-time or a `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimeError {
    /// Not of the expected shape.
    #[error("`{text}` is not {expected}")]
    Malformed {
        /// The text given.
        text: String,
        /// What was expected.
        expected: &'static str,
    },
}

impl TimeError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            TimeError::Malformed { .. } => "time_malformed",
        }
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
#[must_use]
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
#[must_use]
#[allow(clippy::cast_possible_truncation)] // month and day are in range by construction
pub fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    Date {
        year: (y + i64::from(m <= 2)) as i32,
        month: m,
        day: d,
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

fn digits(text: &str, range: core::ops::Range<usize>) -> Option<u32> {
    let part = text.get(range)?;
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

impl Date {
    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    /// [`TimeError::Malformed`].
    pub fn parse(text: &str) -> Result<Date, TimeError> {
        Self::parse_opt(text).ok_or_else(|| TimeError::Malformed {
            text: text.into(),
            expected: "a date YYYY-MM-DD",
        })
    }

    fn parse_opt(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = i32::try_from(digits(text, 0..4)?).ok()?;
        let month = u8::try_from(digits(text, 5..7)?).ok()?;
        let day = u8::try_from(digits(text, 8..10)?).ok()?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The first instant of this date in Vietnam (00:00 UTC+7).
    #[must_use]
    pub fn start_in_vietnam(self) -> UnixTime {
        UnixTime(
            days_from_civil(self.year, self.month, self.day) * SECONDS_PER_DAY
                - VIETNAM_OFFSET_SECONDS,
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl UnixTime {
    /// Parses an RFC 3339 date-time: `2025-06-01T08:30:00Z`, `2025-06-01T15:30:00+07:00`, fractions of a
    /// second are dropped.
    ///
    /// # Errors
    /// [`TimeError::Malformed`].
    pub fn parse_rfc3339(text: &str) -> Result<UnixTime, TimeError> {
        Self::parse_opt(text).ok_or_else(|| TimeError::Malformed {
            text: text.into(),
            expected: "an RFC 3339 date-time such as 2025-06-01T08:30:00+07:00",
        })
    }

    fn parse_opt(text: &str) -> Option<UnixTime> {
        let date = Date::parse_opt(text.get(0..10)?)?;
        let b = text.as_bytes();
        if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let hour = i64::from(digits(text, 11..13)?);
        let minute = i64::from(digits(text, 14..16)?);
        let second = i64::from(digits(text, 17..19)?);
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let mut rest = &text[19..];
        if let Some(frac) = rest.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            rest = &frac[n..];
        }
        let offset = match rest {
            "Z" | "z" => 0,
            _ => {
                let rb = rest.as_bytes();
                if rb.len() != 6 || rb[3] != b':' {
                    return None;
                }
                let sign = match rb[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let oh = i64::from(digits(rest, 1..3)?);
                let om = i64::from(digits(rest, 4..6)?);
                if oh > 23 || om > 59 {
                    return None;
                }
                sign * (oh * 3600 + om * 60)
            }
        };
        let days = days_from_civil(date.year, date.month, date.day);
        Some(UnixTime(
            days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second.min(59) - offset,
        ))
    }

    /// The date of this instant in Vietnam (UTC+7).
    #[must_use]
    pub fn date_in_vietnam(self) -> Date {
        civil_from_days((self.0 + VIETNAM_OFFSET_SECONDS).div_euclid(SECONDS_PER_DAY))
    }

    /// `2025-06-01T08:30:00Z`.
    #[must_use]
    pub fn to_rfc3339(self) -> String {
        let days = self.0.div_euclid(SECONDS_PER_DAY);
        let secs = self.0.rem_euclid(SECONDS_PER_DAY);
        let d = civil_from_days(days);
        format!(
            "{d}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            (secs % 3600) / 60,
            secs % 60
        )
    }

    /// `01/06/2025 15:30 (giờ Việt Nam)`-style local rendering: `2025-06-01 15:30 +07:00`.
    #[must_use]
    pub fn to_vietnam_local(self) -> String {
        let local = self.0 + VIETNAM_OFFSET_SECONDS;
        let d = civil_from_days(local.div_euclid(SECONDS_PER_DAY));
        let secs = local.rem_euclid(SECONDS_PER_DAY);
        format!("{d} {:02}:{:02} +07:00", secs / 3600, (secs % 3600) / 60)
    }

    /// Whole days from `earlier` to `self` (negative when `earlier` is later).
    #[must_use]
    pub fn days_since(self, earlier: UnixTime) -> i64 {
        (self.0 - earlier.0).div_euclid(SECONDS_PER_DAY)
    }

    /// From an X.509/CMS time (UTCTime or GeneralizedTime).
    #[must_use]
    pub fn from_x509(time: &x509_cert::time::Time) -> UnixTime {
        UnixTime(i64::try_from(time.to_unix_duration().as_secs()).unwrap_or(i64::MAX))
    }

    /// From a DER `GeneralizedTime`.
    #[must_use]
    pub fn from_generalized(time: &der::asn1::GeneralizedTime) -> UnixTime {
        UnixTime(i64::try_from(time.to_unix_duration().as_secs()).unwrap_or(i64::MAX))
    }

    /// As a DER date-time (for signing-time attributes); `None` before 1970 or after 9999.
    #[must_use]
    pub fn to_der_datetime(self) -> Option<der::DateTime> {
        let secs = u64::try_from(self.0).ok()?;
        der::DateTime::from_unix_duration(core::time::Duration::from_secs(secs)).ok()
    }
}

impl fmt::Display for UnixTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn round_trips() {
        let t = UnixTime::parse_rfc3339("2025-06-01T15:30:00+07:00").expect("parses");
        assert_eq!(t.to_rfc3339(), "2025-06-01T08:30:00Z");
        assert_eq!(t.date_in_vietnam().to_string(), "2025-06-01");
        let late = UnixTime::parse_rfc3339("2025-05-31T17:00:00Z").expect("parses");
        assert_eq!(late.date_in_vietnam().to_string(), "2025-06-01");
        assert_eq!(
            Date::parse("2025-06-01").expect("date").start_in_vietnam(),
            late
        );
        assert!(UnixTime::parse_rfc3339("2025-02-30T00:00:00Z").is_err());
        assert!(UnixTime::parse_rfc3339("2025-06-01").is_err());
        assert_eq!(
            UnixTime::parse_rfc3339("1970-01-01T00:00:00.123Z").expect("parses"),
            UnixTime(0)
        );
        assert_eq!(
            civil_from_days(days_from_civil(2000, 2, 29)).to_string(),
            "2000-02-29"
        );
    }
}
