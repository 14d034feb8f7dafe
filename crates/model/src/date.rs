//! Calendar dates as the newsletter uses them: `YYYY-MM-DD` in content and JSON, a long English
//! form ("November 20, 2026") on the page.
//!
//! A full date-time crate would cost bundle size for what is a three-number value; this small
//! type validates, orders and formats, and is tested here.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The years a date may have: four digits, as `YYYY-MM-DD` writes them. Year 0 has no
/// weekday in the formulas below (and no place in a newsletter's archive).
pub const YEARS: std::ops::RangeInclusive<u16> = 1..=9999;

/// A valid Gregorian calendar date, in the years [`YEARS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// Builds a date, or says why it is not one.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, String> {
        if !YEARS.contains(&year) {
            return Err(format!(
                "year {year} is not between {} and {}",
                YEARS.start(),
                YEARS.end()
            ));
        }
        if !(1..=12).contains(&month) {
            return Err(format!("month {month} is not between 1 and 12"));
        }
        let max = days_in_month(year, month);
        if day == 0 || day > max {
            return Err(format!(
                "day {day} is not between 1 and {max} for {}",
                MONTHS[month as usize - 1]
            ));
        }
        Ok(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD` strictly (four, two and two digits).
    pub fn parse(s: &str) -> Result<Self, String> {
        let bytes = s.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(format!("`{s}` is not a date of the form YYYY-MM-DD"));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u16>().unwrap_or(0);
        Self::new(num(0..4), num(5..7) as u8, num(8..10) as u8)
            .map_err(|why| format!("`{s}` is not a valid date: {why}"))
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// "November 20, 2026".
    pub fn long(self) -> String {
        format!(
            "{} {}, {}",
            MONTHS[self.month as usize - 1],
            self.day,
            self.year
        )
    }

    /// Day of the week, 0 = Sunday (Sakamoto's method).
    pub fn weekday(self) -> u8 {
        const T: [u16; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let y = if self.month < 3 {
            self.year - 1
        } else {
            self.year
        };
        ((y + y / 4 - y / 100 + y / 400 + T[self.month as usize - 1] + self.day as u16) % 7) as u8
    }

    /// RFC 2822 at midnight UTC, as RSS wants: "Fri, 20 Nov 2026 00:00:00 +0000".
    pub fn rfc2822(self) -> String {
        const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        format!(
            "{}, {:02} {} {} 00:00:00 +0000",
            DAYS[self.weekday() as usize],
            self.day,
            &MONTHS[self.month as usize - 1][..3],
            self.year
        )
    }

    /// RFC 3339 at midnight UTC, as Atom and sitemaps want: "2026-11-20T00:00:00Z".
    pub fn rfc3339(self) -> String {
        format!("{self}T00:00:00Z")
    }

    /// "Nov 20, 2026".
    pub fn short(self) -> String {
        format!(
            "{} {}, {}",
            &MONTHS[self.month as usize - 1][..3],
            self.day,
            self.year
        )
    }
}

impl std::fmt::Display for Date {
    /// The ISO form, `2026-11-20`, as used in JSON and `<time datetime>`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let d = Date::parse("2026-11-20").unwrap();
        assert_eq!(d.to_string(), "2026-11-20");
        assert_eq!(d.long(), "November 20, 2026");
        assert_eq!(d.short(), "Nov 20, 2026");
        assert_eq!(d.year(), 2026);
    }

    #[test]
    fn rejects_bad_dates_with_reasons() {
        let cases = [
            ("2026-13-01", "month 13"),
            ("2026-02-29", "day 29 is not between 1 and 28 for February"),
            ("2026-04-31", "day 31"),
            ("2026-1-01", "YYYY-MM-DD"),
            ("20261101", "YYYY-MM-DD"),
            ("2026-00-10", "month 0"),
            ("next week", "YYYY-MM-DD"),
            ("２０２６-01-01", "YYYY-MM-DD"),
            ("0000-01-01", "year 0 is not between 1 and 9999"),
            ("0000-12-31", "year 0"),
        ];
        for (input, expected) in cases {
            let err = Date::parse(input).unwrap_err();
            assert!(err.contains(expected), "{input}: {err}");
        }
    }

    #[test]
    fn weekdays_and_feed_formats() {
        let d = Date::parse("2026-11-20").unwrap();
        assert_eq!(d.weekday(), 5);
        assert_eq!(d.rfc2822(), "Fri, 20 Nov 2026 00:00:00 +0000");
        assert_eq!(d.rfc3339(), "2026-11-20T00:00:00Z");
        assert_eq!(Date::parse("2000-01-01").unwrap().weekday(), 6);
        assert_eq!(Date::parse("2024-02-29").unwrap().weekday(), 4);
    }

    /// Every date that validates can be formatted: the class of "valid, then a panic later"
    /// (year 0 made `weekday` underflow) is gone at both ends of the range.
    #[test]
    fn every_accepted_year_formats_without_panic() {
        assert!(Date::new(0, 1, 1).is_err());
        assert!(Date::new(10_000, 1, 1).is_err());
        for year in [1, 2, 99, 100, 400, 1970, 9998, 9999] {
            for month in 1..=12 {
                for day in [1, days_in_month(year, month)] {
                    let d = Date::new(year, month, day).unwrap();
                    assert!(d.weekday() < 7);
                    let _ = (d.long(), d.short(), d.rfc2822(), d.rfc3339());
                    assert_eq!(Date::parse(&d.to_string()), Ok(d));
                }
            }
        }
        assert_eq!(Date::parse("0001-01-01").unwrap().weekday(), 1);
    }

    #[test]
    fn leap_years() {
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
    }

    #[test]
    fn orders_chronologically() {
        let a = Date::parse("2026-01-31").unwrap();
        let b = Date::parse("2026-02-01").unwrap();
        let c = Date::parse("2027-01-01").unwrap();
        assert!(a < b && b < c);
    }

    #[test]
    fn serde_round_trip_and_error() {
        let d: Date = serde_json::from_str("\"2026-11-20\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-11-20\"");
        let err = serde_json::from_str::<Date>("\"2026-02-30\"").unwrap_err();
        assert!(err.to_string().contains("not a valid date"), "{err}");
    }
}
