//! Paged index documents.
//!
//! Lists of articles and weeks are split into pages so that showing the first page costs the
//! same however large the archive grows.

use serde::{Deserialize, Serialize};

/// Items per index page.
pub const PAGE_SIZE: usize = 20;

/// One page of an index, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexPage<T> {
    pub schema: u32,
    /// 1-based page number.
    pub page: u32,
    pub total_pages: u32,
    pub total_items: u32,
    pub items: Vec<T>,
}

impl<T> IndexPage<T> {
    pub fn has_previous(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        self.page < self.total_pages
    }
}

/// Splits items (already sorted) into pages of `per_page`. An empty list still yields one empty
/// page, so page 1 always exists.
pub fn paginate<T: Clone>(items: &[T], per_page: usize, schema: u32) -> Vec<IndexPage<T>> {
    let per_page = per_page.max(1);
    let total_pages = items.len().div_ceil(per_page).max(1);
    (0..total_pages)
        .map(|i| IndexPage {
            schema,
            page: i as u32 + 1,
            total_pages: total_pages as u32,
            total_items: items.len() as u32,
            items: items
                .iter()
                .skip(i * per_page)
                .take(per_page)
                .cloned()
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_into_full_pages_and_a_rest() {
        let items: Vec<u32> = (1..=45).collect();
        let pages = paginate(&items, 20, 1);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0].items, (1..=20).collect::<Vec<_>>());
        assert_eq!(pages[2].items, (41..=45).collect::<Vec<_>>());
        assert!(pages
            .iter()
            .all(|p| p.total_pages == 3 && p.total_items == 45));
        assert!(!pages[0].has_previous() && pages[0].has_next());
        assert!(pages[2].has_previous() && !pages[2].has_next());
    }

    #[test]
    fn empty_list_has_one_empty_page() {
        let pages = paginate::<u32>(&[], 20, 1);
        assert_eq!(pages.len(), 1);
        assert!(pages[0].items.is_empty());
        assert!(!pages[0].has_next());
    }

    #[test]
    fn exact_multiple_has_no_empty_tail() {
        let items: Vec<u32> = (0..40).collect();
        assert_eq!(paginate(&items, 20, 1).len(), 2);
    }
}
