//! One shape for every list: what the user asks for (`ListQuery`: search,
//! page, page size, sort) and what comes back (`Page<T>`).

use serde::{Deserialize, Serialize};

/// The page sizes offered by "Tampilkan _ data"; the first is the default.
pub const PER_PAGE_CHOICES: [u64; 4] = [10, 25, 50, 100];

/// What a list is asked for. Every field has a default, so a bare request
/// (or a hand-edited address) is a valid first page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    /// "Search:" text; matched as a substring, case as stored.
    pub q: String,
    /// 0-based page.
    pub page: u64,
    /// One of `PER_PAGE_CHOICES`; anything else means the first.
    pub per: u64,
    /// A column key the list knows, or empty for its natural order.
    pub sort: String,
    pub desc: bool,
}

impl ListQuery {
    pub fn per_page(&self) -> u64 {
        if PER_PAGE_CHOICES.contains(&self.per) {
            self.per
        } else {
            PER_PAGE_CHOICES[0]
        }
    }

    pub fn search(&self) -> &str {
        self.q.trim()
    }

    /// `Some(descending)` when the list is sorted by `key`.
    pub fn sorted_by(&self, key: &str) -> Option<bool> {
        (self.sort == key).then_some(self.desc)
    }

    /// The same query on another page.
    pub fn at_page(&self, page: u64) -> ListQuery {
        ListQuery { page, ..self.clone() }
    }

    /// Sorted by `key`: ascending first, the other way when already so.
    pub fn sorted(&self, key: &str) -> ListQuery {
        let desc = self.sorted_by(key) == Some(false);
        ListQuery { sort: key.to_owned(), desc, page: 0, ..self.clone() }
    }

    /// The query as address parameters, defaults left out.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.search().is_empty() {
            out.push(("q", self.q.clone()));
        }
        if self.per_page() != PER_PAGE_CHOICES[0] {
            out.push(("per", self.per_page().to_string()));
        }
        if !self.sort.is_empty() {
            out.push(("sort", self.sort.clone()));
            if self.desc {
                out.push(("desc", "true".to_owned()));
            }
        }
        if self.page > 0 {
            out.push(("page", self.page.to_string()));
        }
        out
    }

    /// Reads the query from address parameters (`params`' inverse).
    pub fn from_params<'a>(get: impl Fn(&str) -> Option<&'a str>) -> ListQuery {
        ListQuery {
            q: get("q").unwrap_or_default().to_owned(),
            page: get("page").and_then(|p| p.parse().ok()).unwrap_or(0),
            per: get("per").and_then(|p| p.parse().ok()).unwrap_or(0),
            sort: get("sort").unwrap_or_default().to_owned(),
            desc: get("desc") == Some("true"),
        }
    }
}

/// One page of a list, with what the pager and "Menampilkan 1 sampai 10
/// dari 93 entri data" need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// 0-based; never past the last page.
    pub page: u64,
    pub per_page: u64,
    /// Matching entries on all pages.
    pub total: u64,
}

impl<T> Page<T> {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }

    /// 1-based number of the first entry shown (0 when there is none).
    pub fn first(&self) -> u64 {
        if self.items.is_empty() {
            0
        } else {
            self.page * self.per_page + 1
        }
    }

    /// 1-based number of the last entry shown.
    pub fn last(&self) -> u64 {
        self.page * self.per_page + self.items.len() as u64
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            page: self.page,
            per_page: self.per_page,
            total: self.total,
        }
    }

    /// The page a query asks for out of a whole list already filtered and
    /// sorted (for lists small enough to hold at once); a page past the end
    /// gives the last one.
    pub fn of_all(all: Vec<T>, query: &ListQuery) -> Page<T> {
        let per_page = query.per_page();
        let total = all.len() as u64;
        let last_page = total.saturating_sub(1) / per_page;
        let page = query.page.min(last_page);
        let items = all.into_iter().skip((page * per_page) as usize).take(per_page as usize).collect();
        Page { items, page, per_page, total }
    }
}

impl ListQuery {
    /// Searches, sorts and pages a whole list held in memory: entries whose
    /// `text` contains the search (any case), in the order of `key` for the
    /// sorted column (`None`: the list's own order).
    pub fn apply<T>(
        &self,
        all: Vec<T>,
        text: impl Fn(&T) -> String,
        key: impl Fn(&T, &str) -> Option<String>,
    ) -> Page<T> {
        let needle = self.search().to_lowercase();
        let mut rows: Vec<T> = all.into_iter().filter(|r| text(r).to_lowercase().contains(&needle)).collect();
        if !self.sort.is_empty() {
            rows.sort_by_cached_key(|r| key(r, &self.sort));
            if self.desc {
                rows.reverse();
            }
        }
        Page::of_all(rows, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_past_the_end_is_the_last_one() {
        let q = ListQuery { page: 9, ..Default::default() };
        let p = Page::of_all((1..=23).collect(), &q);
        assert_eq!((p.page, p.items.clone(), p.first(), p.last(), p.pages()), (2, vec![21, 22, 23], 21, 23, 3));
        let empty = Page::<u8>::of_all(vec![], &q);
        assert_eq!((empty.page, empty.first(), empty.last(), empty.pages()), (0, 0, 0, 1));
    }

    #[test]
    fn a_list_in_memory_is_searched_sorted_and_paged() {
        let names = vec!["Budi", "andi", "Citra", "Dewi"];
        let q = ListQuery { q: "I".into(), sort: "name".into(), desc: true, ..Default::default() };
        let page = q.apply(names, |n| n.to_string(), |n, _| Some(n.to_lowercase()));
        assert_eq!(page.items, vec!["Dewi", "Citra", "Budi", "andi"]);
        let q = ListQuery { q: "dew".into(), ..Default::default() };
        assert_eq!(q.apply(vec!["Budi", "Dewi"], |n| n.to_string(), |_, _| None).items, vec!["Dewi"]);
    }

    #[test]
    fn only_offered_page_sizes_are_used() {
        assert_eq!(ListQuery { per: 25, ..Default::default() }.per_page(), 25);
        assert_eq!(ListQuery { per: 100_000, ..Default::default() }.per_page(), 10);
    }

    #[test]
    fn parameters_round_trip_and_sorting_toggles() {
        let q = ListQuery { q: "PT A".into(), page: 2, per: 50, sort: "company".into(), desc: true };
        let params = q.params();
        let back = ListQuery::from_params(|k| params.iter().find(|(p, _)| *p == k).map(|(_, v)| v.as_str()));
        assert_eq!(back, q);
        assert_eq!(ListQuery::default().params(), vec![]);
        let asc = ListQuery::default().sorted("company");
        assert_eq!((asc.sorted_by("company"), asc.sorted("company").sorted_by("company")), (Some(false), Some(true)));
    }
}
