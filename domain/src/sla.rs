//! The moderation promise "1x24 jam di hari kerja": 24 hours counted on
//! working days (Monday to Friday, WIB) only, so a profile sent on Friday
//! evening is not late on Monday morning.

/// Working hours within which the operator promises a decision.
pub const SLA_WORKING_HOURS: i64 = 24;

const DAY: i64 = 86_400;
const WIB_OFFSET: i64 = 7 * 3_600;

/// Monday = 0 … Sunday = 6 for a WIB day number (days since 1970-01-01 WIB,
/// which was a Thursday).
fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

fn is_working_day(day: i64) -> bool {
    weekday(day) < 5
}

/// Seconds between two Unix times that fall on working days in WIB.
pub fn working_seconds(from: i64, to: i64) -> i64 {
    if to <= from {
        return 0;
    }
    let (from, to) = (from + WIB_OFFSET, to + WIB_OFFSET);
    let mut total = 0;
    let mut day = from.div_euclid(DAY);
    while day * DAY < to {
        let start = (day * DAY).max(from);
        let end = ((day + 1) * DAY).min(to);
        if is_working_day(day) {
            total += end - start;
        }
        day += 1;
    }
    total
}

/// The clock a moderator and a partner see for one submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SlaClock {
    /// Working hours used so far.
    pub used_hours: i64,
    /// Working hours left before the promise is broken (negative when late).
    pub left_hours: i64,
}

impl SlaClock {
    pub fn at(submitted: i64, now: i64) -> SlaClock {
        let used_hours = working_seconds(submitted, now) / 3_600;
        SlaClock { used_hours, left_hours: SLA_WORKING_HOURS - used_hours }
    }

    pub fn late(self) -> bool {
        self.left_hours < 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-11-20 is a Friday; 00:00 WIB is 2026-11-19 17:00 UTC.
    const FRI_0000_WIB: i64 = 1_795_107_600;
    const H: i64 = 3_600;

    #[test]
    fn the_calendar_is_right() {
        assert_eq!(weekday((FRI_0000_WIB + WIB_OFFSET) / DAY), 4, "Friday");
    }

    #[test]
    fn weekdays_count_in_full() {
        assert_eq!(working_seconds(FRI_0000_WIB + 9 * H, FRI_0000_WIB + 17 * H), 8 * H);
    }

    #[test]
    fn a_weekend_does_not_count() {
        // Friday 18:00 → Monday 10:00 WIB: 6 h of Friday + 10 h of Monday.
        let fri_18 = FRI_0000_WIB + 18 * H;
        let mon_10 = FRI_0000_WIB + 3 * 24 * H + 10 * H;
        assert_eq!(working_seconds(fri_18, mon_10), 16 * H);
        let clock = SlaClock::at(fri_18, mon_10);
        assert_eq!(clock, SlaClock { used_hours: 16, left_hours: 8 });
        assert!(!clock.late());
    }

    #[test]
    fn late_after_twenty_four_working_hours() {
        let fri_18 = FRI_0000_WIB + 18 * H;
        let tue_10 = FRI_0000_WIB + 4 * 24 * H + 10 * H;
        assert!(SlaClock::at(fri_18, tue_10).late());
        assert_eq!(working_seconds(tue_10, fri_18), 0, "backwards is zero");
    }
}
