//! Scores and averages on the 10-point scale, held exactly as integer tenths.
//!
//! TT22 Điều 5 khoản 3 điểm b: a score is "số nguyên hoặc số thập phân được lấy đến chữ số thập phân thứ
//! nhất". Every score and average is therefore a whole number of tenths in 0..=100 (`spec/rules.md` §2.1),
//! parsed from its decimal string with `rust_decimal` (never a binary float) and written back with exactly
//! one decimal ("8.0", never "8" or "8.00").

use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;

/// A score or an average in `[0.0, 10.0]` with one decimal, stored as tenths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(u8);

/// Why a decimal string is not a valid score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreProblem {
    /// Not a decimal number ("abc", "", "8,5" with a comma, "1e1").
    NotANumber,
    /// Below 0 or above 10.
    OutOfRange,
    /// More than one decimal ("8.25").
    TooPrecise,
}

impl Score {
    /// 0.0
    pub const ZERO: Score = Score(0);
    /// 10.0
    pub const MAX: Score = Score(100);

    /// A score from a whole number of tenths; `None` above 100.
    #[must_use]
    pub const fn from_tenths(tenths: u8) -> Option<Score> {
        if tenths <= 100 {
            Some(Score(tenths))
        } else {
            None
        }
    }

    /// The score in tenths (8.3 → 83).
    #[must_use]
    pub const fn tenths(self) -> u8 {
        self.0
    }

    /// The exact decimal value.
    #[must_use]
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(i64::from(self.0), 1)
    }

    /// Parses a decimal string such as `"8.3"`, `"10"`, `"7.50"` (trailing zeros are fine: 7.50 = 7.5).
    ///
    /// # Errors
    /// [`ScoreProblem`] saying what is wrong.
    pub fn parse(text: &str) -> Result<Score, ScoreProblem> {
        // Fast path for the forms files hold ("8", "8.5", "10", "10.0"): no decimal arithmetic.
        match *text.as_bytes() {
            [d @ b'0'..=b'9'] => return Ok(Score((d - b'0') * 10)),
            [d @ b'0'..=b'9', b'.', f @ b'0'..=b'9'] => {
                return Ok(Score((d - b'0') * 10 + (f - b'0')))
            }
            [b'1', b'0'] | [b'1', b'0', b'.', b'0'] => return Ok(Score::MAX),
            _ => {}
        }
        let d = parse_plain_decimal(text)?;
        Score::try_from(d)
    }

    /// The value with a decimal comma, as printed on the paper học bạ ("8,3").
    #[must_use]
    pub fn display_vi(self) -> DecimalComma {
        DecimalComma(self)
    }
}

impl TryFrom<Decimal> for Score {
    type Error = ScoreProblem;
    fn try_from(d: Decimal) -> Result<Score, ScoreProblem> {
        if d.is_sign_negative() && !d.is_zero() || d > Decimal::TEN {
            return Err(ScoreProblem::OutOfRange);
        }
        let normal = d.normalize();
        if normal.scale() > 1 {
            return Err(ScoreProblem::TooPrecise);
        }
        let tenths = (normal * Decimal::TEN).normalize().mantissa();
        let tenths = u8::try_from(tenths).map_err(|_| ScoreProblem::OutOfRange)?;
        Score::from_tenths(tenths).ok_or(ScoreProblem::OutOfRange)
    }
}

/// Parses a plain decimal: an optional `-` (reported as out of range by callers), digits without a leading
/// zero, optional `.` and digits. No `+`, exponent, spaces or comma; at most 30 characters.
pub(crate) fn parse_plain_decimal(text: &str) -> Result<Decimal, ScoreProblem> {
    let negative = text.starts_with('-');
    let body = text.strip_prefix('-').unwrap_or(text);
    let mut parts = body.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let digits_ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if text.len() > 30
        || !digits_ok(int)
        || frac.is_some_and(|f| !digits_ok(f))
        || (int.len() > 1 && int.starts_with('0'))
    {
        return Err(ScoreProblem::NotANumber);
    }
    if negative {
        // "-0" is no score either: a sign is a typing error whatever follows.
        return Err(ScoreProblem::OutOfRange);
    }
    Decimal::from_str(body).map_err(|_| ScoreProblem::NotANumber)
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0 / 10, self.0 % 10)
    }
}

impl FromStr for Score {
    type Err = ScoreProblem;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Score::parse(s)
    }
}

/// A score written with a decimal comma.
#[derive(Debug, Clone, Copy)]
pub struct DecimalComma(Score);

impl fmt::Display for DecimalComma {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{}", self.0 .0 / 10, self.0 .0 % 10)
    }
}

impl serde::Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // "10.0" is the longest form; format on the stack so serialising allocates nothing.
        let mut buf = [0u8; 4];
        let len = if self.0 == 100 {
            buf.copy_from_slice(b"10.0");
            4
        } else {
            buf[0] = b'0' + self.0 / 10;
            buf[1] = b'.';
            buf[2] = b'0' + self.0 % 10;
            3
        };
        let text = core::str::from_utf8(&buf[..len]).map_err(serde::ser::Error::custom)?;
        s.serialize_str(text)
    }
}

impl<'de> serde::Deserialize<'de> for Score {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <alloc::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Score::parse(&text).map_err(|p| {
            serde::de::Error::custom(match p {
                ScoreProblem::NotANumber => "score is not a decimal number",
                ScoreProblem::OutOfRange => "score is outside 0.0–10.0",
                ScoreProblem::TooPrecise => "score has more than one decimal",
            })
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Score {
    fn schema_name() -> alloc::borrow::Cow<'static, str> {
        "Score".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^(10(\\.0)?|[0-9](\\.[0-9])?)$",
            "description": "A score on the 10-point scale with at most one decimal, as a decimal string"
        })
    }
}

/// Rounds `numerator / denominator` (numerator in tenths) half-up to one decimal, exactly.
///
/// `spec/rules.md` §2.2 R2–R3: round once, straight from the exact rational value, "≥ 5 rounds up":
/// `⌊(2N + D) / (2D)⌋` tenths. Integer arithmetic is exact, so no intermediate rounding can move a value
/// across a tie (the classic `round(8.25, 1) == 8.2` float bug cannot happen).
///
/// # Panics
/// Never: callers pass `denominator > 0` and a numerator that is a weighted sum of at most 100 tenths,
/// which keeps the quotient in 0..=100. A zero denominator returns `None`.
#[must_use]
pub fn round_ratio_half_up(numerator_tenths: u32, denominator: u32) -> Option<Score> {
    if denominator == 0 {
        return None;
    }
    let n = u64::from(numerator_tenths);
    let d = u64::from(denominator);
    let rounded = (2 * n + d) / (2 * d);
    u8::try_from(rounded).ok().and_then(Score::from_tenths)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn parses_and_prints_one_decimal() {
        assert_eq!(Score::parse("8").map(|s| s.tenths()), Ok(80));
        assert_eq!(Score::parse("8.30").map(|s| s.tenths()), Ok(83));
        assert_eq!(Score::parse("10.0").map(|s| s.tenths()), Ok(100));
        assert_eq!(Score::parse("0").map(|s| s.tenths()), Ok(0));
        assert_eq!(Score::parse("11"), Err(ScoreProblem::OutOfRange));
        assert_eq!(Score::parse("-1"), Err(ScoreProblem::OutOfRange));
        assert_eq!(Score::parse("8.25"), Err(ScoreProblem::TooPrecise));
        assert_eq!(Score::parse("abc"), Err(ScoreProblem::NotANumber));
        assert_eq!(Score::parse("8,5"), Err(ScoreProblem::NotANumber));
        assert_eq!(Score::parse("1e1"), Err(ScoreProblem::NotANumber));
        assert_eq!(Score::parse(""), Err(ScoreProblem::NotANumber));
        assert_eq!(Score::parse(".5"), Err(ScoreProblem::NotANumber));
        assert_eq!(Score::parse("10.01"), Err(ScoreProblem::OutOfRange));
        assert_eq!(Score::parse("+8"), Err(ScoreProblem::NotANumber));
        assert_eq!(Score::parse("08"), Err(ScoreProblem::NotANumber));
        assert_eq!(Score::parse("-0"), Err(ScoreProblem::OutOfRange));
        assert_eq!(Score::parse("0.5").map(Score::tenths), Ok(5));
        let s = Score::parse("7").map(|s| s.to_string());
        assert_eq!(s.as_deref(), Ok("7.0"));
        let ten = Score::MAX;
        assert_eq!(ten.display_vi().to_string(), "10,0");
    }

    #[test]
    fn half_up_ties_and_near_ties() {
        // 8.25 exactly (66/8 tenths... 825/100): ties go up.
        assert_eq!(round_ratio_half_up(660, 8).map(Score::tenths), Some(83));
        // 64.49… tenths → 6.4, never 6.45 → 6.5 (R2).
        assert_eq!(round_ratio_half_up(193, 3).map(Score::tenths), Some(64));
        assert_eq!(round_ratio_half_up(0, 7).map(Score::tenths), Some(0));
        assert_eq!(round_ratio_half_up(1000, 10).map(Score::tenths), Some(100));
        assert_eq!(round_ratio_half_up(1, 0), None);
    }
}
