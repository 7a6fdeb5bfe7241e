//! School years and grades: the two keys that select the rules (`spec/rules.md` §1).

use core::fmt;
use core::str::FromStr;

/// A school year such as 2024-2025, named by the calendar year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchoolYear {
    start: u16,
}

/// A school year string that is not `YYYY-YYYY` with consecutive years between 1990 and 2200.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidSchoolYear;

impl SchoolYear {
    /// The school year starting in `start` (e.g. 2024 for 2024-2025); `None` outside 1990..=2200.
    #[must_use]
    pub const fn starting(start: u16) -> Option<SchoolYear> {
        if start >= 1990 && start <= 2200 {
            Some(SchoolYear { start })
        } else {
            None
        }
    }

    /// The calendar year the school year starts in.
    #[must_use]
    pub const fn start(self) -> u16 {
        self.start
    }
}

impl FromStr for SchoolYear {
    type Err = InvalidSchoolYear;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        if b.len() != 9 || b[4] != b'-' {
            return Err(InvalidSchoolYear);
        }
        let year = |part: &str| -> Result<u16, InvalidSchoolYear> {
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse::<u16>().map_err(|_| InvalidSchoolYear)
            } else {
                Err(InvalidSchoolYear)
            }
        };
        let start = year(&s[..4])?;
        let end = year(&s[5..])?;
        if end != start + 1 {
            return Err(InvalidSchoolYear);
        }
        SchoolYear::starting(start).ok_or(InvalidSchoolYear)
    }
}

impl fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.start + 1)
    }
}

impl serde::Serialize for SchoolYear {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SchoolYear {
    fn schema_name() -> alloc::borrow::Cow<'static, str> {
        "SchoolYear".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{4}$"})
    }
}

/// A grade of general education, 1 to 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Grade(u8);

impl Grade {
    /// Grade `n`, or `None` outside 1..=12.
    #[must_use]
    pub const fn new(n: u8) -> Option<Grade> {
        if n >= 1 && n <= 12 {
            Some(Grade(n))
        } else {
            None
        }
    }

    /// The grade number.
    #[must_use]
    pub const fn number(self) -> u8 {
        self.0
    }

    /// The school level the grade belongs to.
    #[must_use]
    pub const fn level(self) -> SchoolLevel {
        match self.0 {
            1..=5 => SchoolLevel::TieuHoc,
            6..=9 => SchoolLevel::Thcs,
            _ => SchoolLevel::Thpt,
        }
    }
}

/// Cấp học: primary, lower secondary, upper secondary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SchoolLevel {
    /// Tiểu học (grades 1–5).
    TieuHoc,
    /// Trung học cơ sở (grades 6–9).
    Thcs,
    /// Trung học phổ thông (grades 10–12).
    Thpt,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn school_year_round_trips() {
        let y: SchoolYear = "2024-2025".parse().unwrap_or(SchoolYear { start: 0 });
        assert_eq!(y.start(), 2024);
        assert_eq!(alloc::string::ToString::to_string(&y), "2024-2025");
        assert!("2024-2026".parse::<SchoolYear>().is_err());
        assert!("2024/2025".parse::<SchoolYear>().is_err());
        assert!("+024-2025".parse::<SchoolYear>().is_err());
        assert!("24-25".parse::<SchoolYear>().is_err());
        assert!(Grade::new(0).is_none() && Grade::new(13).is_none());
    }
}
