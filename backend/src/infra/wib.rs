//! Western Indonesia Time (UTC+7, no daylight saving): how times are shown
//! and where a business day begins and ends. Stored times are UTC.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, Utc};

const OFFSET_SECS: i32 = 7 * 3_600;

pub fn offset() -> FixedOffset {
    FixedOffset::east_opt(OFFSET_SECS).unwrap_or_else(|| unreachable!("UTC+7 is a valid offset"))
}

/// `DD/MM/YYYY HH:MM:SS`, as the manual shows times.
pub fn format(t: DateTime<Utc>) -> String {
    t.with_timezone(&offset()).format("%d/%m/%Y %H:%M:%S").to_string()
}

/// The WIB calendar day `t` falls on.
pub fn date_of(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&offset()).date_naive()
}

/// `YYYY-MM-DD` of the WIB day `t` falls on.
pub fn day(t: DateTime<Utc>) -> String {
    date_of(t).format("%Y-%m-%d").to_string()
}

/// 00:00 WIB of `date`, in UTC.
pub fn start_of(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc() - Duration::seconds(OFFSET_SECS.into())
}

/// 23:59:59 WIB of the day `t` falls on, in UTC.
pub fn end_of_day(t: DateTime<Utc>) -> DateTime<Utc> {
    start_of(date_of(t)) + Duration::days(1) - Duration::seconds(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_session_ends_at_23_59_59_wib() {
        // 2026-11-23 20:00 UTC is already 24 Nov 03:00 WIB.
        let t = Utc.with_ymd_and_hms(2026, 11, 23, 20, 0, 0).unwrap();
        assert_eq!(day(t), "2026-11-24");
        assert_eq!(end_of_day(t), Utc.with_ymd_and_hms(2026, 11, 24, 16, 59, 59).unwrap());
        assert_eq!(start_of(date_of(t)), Utc.with_ymd_and_hms(2026, 11, 23, 17, 0, 0).unwrap());
        assert_eq!(format(t), "24/11/2026 03:00:00");
    }
}
