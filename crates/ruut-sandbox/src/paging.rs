//! Page numbers and page slices, as Kaminari cuts the server's listings.

use serde_json::{Value, json};

use crate::errors::ApiError;
use crate::validate::Query;

/// The `page` parameter, from 1 (absent or below 1 is page 1; not an integer
/// is a 422).
pub(crate) fn page_number(query: &Query) -> Result<usize, ApiError> {
    let page = query.int("page")?.unwrap_or(1).max(1);
    Ok(usize::try_from(page).unwrap_or(usize::MAX))
}

/// Page `page` (from 1) of `list`, `size` a page; empty past the end.
pub(crate) fn page<T>(list: &[T], page: usize, size: usize) -> &[T] {
    let start = page.saturating_sub(1).saturating_mul(size).min(list.len());
    &list[start..start.saturating_add(size).min(list.len())]
}

/// `current_page` as views that render `params[:page] || 1` write it: the
/// string sent, or the number 1.
pub(crate) fn echoed(query: &Query) -> Value {
    match query.get("page") {
        Some(sent) => json!(sent),
        None => json!(1),
    }
}

#[cfg(test)]
mod tests {
    use super::page;

    #[test]
    fn pages_cut_the_list_and_run_out_empty() {
        let list = [1, 2, 3, 4, 5];
        assert_eq!(page(&list, 1, 2), [1, 2]);
        assert_eq!(page(&list, 3, 2), [5]);
        assert!(page(&list, 4, 2).is_empty());
        assert!(page(&list, usize::MAX, usize::MAX).is_empty());
    }
}
