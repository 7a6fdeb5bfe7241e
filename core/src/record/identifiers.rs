//! Identifier and date formats of the record: personal identification numbers, MOET and school codes,
//! calendar dates, RFC 3339 times, digests.

use core::cmp::Ordering;

use super::model::Sex;

/// A calendar date (proleptic Gregorian), `YYYY-MM-DD`, years 1900–2200.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |v, d| v * 10 + u32::from(d - b'0')))
}

const fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`.
#[must_use]
pub const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if it exists and its year is 1900–2200.
    #[must_use]
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        ((1900..=2200).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (exactly that form) into a date that exists.
    #[must_use]
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = u16::try_from(digits(&b[..4])?).ok()?;
        let month = u8::try_from(digits(&b[5..7])?).ok()?;
        let day = u8::try_from(digits(&b[8..])?).ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    #[must_use]
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

/// An RFC 3339 time with an offset (`2025-05-31T16:00:00+07:00`, `2025-05-31T09:00:00Z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    /// The local date as written.
    pub date: Date,
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix_seconds: i64,
    /// Nanoseconds of the fraction.
    pub nanos: u32,
}

impl DateTime {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (upper-case `T` and `Z`, seconds 00–59).
    #[must_use]
    pub fn parse(s: &str) -> Option<DateTime> {
        let b = s.as_bytes();
        if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let date = Date::parse(s.get(..10)?)?;
        let hour = digits(&b[11..13])?;
        let minute = digits(&b[14..16])?;
        let second = digits(&b[17..19])?;
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let mut rest = &b[19..];
        let mut nanos = 0u32;
        if let Some((b'.', frac)) = rest.split_first() {
            let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 || n > 9 {
                return None;
            }
            nanos = digits(&frac[..n])? * 10u32.pow(u32::try_from(9 - n).ok()?);
            rest = &frac[n..];
        }
        let offset_minutes: i64 = match rest {
            [b'Z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let h = digits(&[*h1, *h2])?;
                let m = digits(&[*m1, *m2])?;
                if h > 23 || m > 59 {
                    return None;
                }
                let total = i64::from(h * 60 + m);
                if *sign == b'-' {
                    -total
                } else {
                    total
                }
            }
            _ => return None,
        };
        let local = date.days_since_epoch() * 86_400
            + i64::from(hour * 3600 + minute * 60 + second)
            - offset_minutes * 60;
        Some(DateTime {
            date,
            unix_seconds: local,
            nanos,
        })
    }

    /// Orders two instants.
    #[must_use]
    pub fn cmp_instant(&self, other: &DateTime) -> Ordering {
        (self.unix_seconds, self.nanos).cmp(&(other.unix_seconds, other.nanos))
    }
}

/// A MOET student code or a school code: 1–32 ASCII letters or digits (the official formats are not
/// public, `spec/rules.md` §7.8; this is the form every code seen so far takes).
#[must_use]
pub fn is_code(s: &str) -> bool {
    (1..=32).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// 64 lower-case hex digits.
#[must_use]
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Province codes of birth registration that open a personal identification number (Thông tư
/// 59/2021/TT-BCA, the 63 provinces' codes before the 2025 merger; numbers keep them).
const PROVINCE_CODES: [u8; 63] = [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37,
    38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
    79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
];

/// A 12-digit personal identification number (số định danh cá nhân): province of birth registration
/// (3 digits), century of birth and sex (1 digit), year of birth (2 digits), serial (6 digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonalId<'a>(&'a str);

impl<'a> PersonalId<'a> {
    /// The number if it is exactly 12 ASCII digits.
    #[must_use]
    pub fn parse(s: &'a str) -> Option<PersonalId<'a>> {
        (s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())).then_some(PersonalId(s))
    }

    /// The first 3 digits.
    #[must_use]
    pub fn province(&self) -> &'a str {
        &self.0[..3]
    }

    /// Whether the first 3 digits are a province code.
    #[must_use]
    pub fn province_known(&self) -> bool {
        self.0[..3]
            .parse::<u8>()
            .is_ok_and(|p| PROVINCE_CODES.contains(&p))
    }

    /// The 4th digit: century and sex (0/1 for 1900–1999 male/female, 2/3 for 2000–2099, 4/5 for 2100–2199…).
    #[must_use]
    pub fn century_sex_digit(&self) -> u8 {
        self.0.as_bytes()[3] - b'0'
    }

    /// Digits 5–6: the year of birth modulo 100.
    #[must_use]
    pub fn year_digits(&self) -> &'a str {
        &self.0[4..6]
    }
}

/// The century-and-sex digit a person born in `year` of `sex` has.
#[must_use]
pub fn century_sex_digit(year: u16, sex: Sex) -> u8 {
    let century = u8::try_from((year.saturating_sub(1900)) / 100).unwrap_or(0);
    century * 2 + u8::from(sex == Sex::Nu)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_that_exist() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2100-02-29").is_none());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("2024-13-01").is_none());
        assert!(Date::parse("2024-04-31").is_none());
        assert!(Date::parse("2024-4-30").is_none());
        assert!(Date::parse("1899-12-31").is_none());
        assert_eq!(
            Date::parse("1970-01-01").map(Date::days_since_epoch),
            Some(0)
        );
        assert_eq!(
            Date::parse("2000-03-01").map(Date::days_since_epoch),
            Some(11_017)
        );
    }

    #[test]
    fn rfc3339_times() {
        let a = DateTime::parse("2025-05-31T16:00:00+07:00");
        let b = DateTime::parse("2025-05-31T09:00:00Z");
        assert_eq!(a.map(|t| t.unix_seconds), b.map(|t| t.unix_seconds));
        assert!(DateTime::parse("2025-05-31T09:00:00.250Z").is_some_and(|t| t.nanos == 250_000_000));
        assert!(DateTime::parse("2025-05-31 09:00:00Z").is_none());
        assert!(DateTime::parse("2025-05-31T09:00:00").is_none());
        assert!(DateTime::parse("2025-05-31T24:00:00Z").is_none());
        assert!(DateTime::parse("2025-05-31T09:00:00+0700").is_none());
    }

    #[test]
    fn personal_ids() {
        let id = PersonalId::parse("079309001234");
        assert!(id.is_some_and(|i| i.province_known() && i.century_sex_digit() == 3));
        assert!(PersonalId::parse("07930900123").is_none());
        assert!(PersonalId::parse("07930900123a").is_none());
        assert!(PersonalId::parse("003309001234").is_some_and(|i| !i.province_known()));
        assert_eq!(century_sex_digit(2009, Sex::Nu), 3);
        assert_eq!(century_sex_digit(1999, Sex::Nam), 0);
        assert_eq!(century_sex_digit(2100, Sex::Nam), 4);
    }
}
