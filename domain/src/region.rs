use serde::{Deserialize, Serialize};

/// A level of Indonesia's administrative areas, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RegionLevel {
    Province,
    Regency,
    District,
    Village,
}

impl RegionLevel {
    pub const ALL: [RegionLevel; 4] =
        [RegionLevel::Province, RegionLevel::Regency, RegionLevel::District, RegionLevel::Village];

    /// The table holding this level, and the column naming its parent.
    pub fn table(self) -> (&'static str, Option<&'static str>) {
        match self {
            RegionLevel::Province => ("provinces", None),
            RegionLevel::Regency => ("regencies", Some("province_code")),
            RegionLevel::District => ("districts", Some("regency_code")),
            RegionLevel::Village => ("villages", Some("district_code")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionOut {
    pub code: String,
    pub name: String,
}

/// Case-insensitive "contains" used by the type-to-search selects.
pub fn matches(name: &str, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty() || name.to_lowercase().contains(&q)
}
