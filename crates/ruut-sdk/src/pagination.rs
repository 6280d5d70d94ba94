//! Walking a paginated listing lazily, one page in memory at a time.
//!
//! The API paginates in two ways: conversations and contacts by page number (25
//! and 15 a page; the end is an empty or short page), messages by cursor (`before`
//! the smallest id seen; the end is an empty page). Both are driven here by a
//! `fetch` function that turns a cursor into one page and the cursor of the next,
//! if any. The next page is requested only when the consumer has taken every item
//! of the current one, and a failed page ends the stream after its error.

use std::future::Future;

use futures::stream::{self, BoxStream, StreamExt, TryStreamExt};

use crate::error::{Error, ErrorKind};

/// Conversations per page, as the server sends them.
pub(crate) const CONVERSATIONS_PER_PAGE: usize = 25;
/// Contacts per page, as the server sends them.
pub(crate) const CONTACTS_PER_PAGE: usize = 15;
/// The highest page number the API accepts; a stream stops there whatever happens.
const LAST_PAGE: i64 = 100_000;

/// One page and where the next one starts.
pub(crate) struct Page<T, C> {
    pub items: Vec<T>,
    pub next: Option<C>,
}

/// A stream of the items of every page, starting at `first`.
pub(crate) fn items<T, C, F, Fut>(first: C, fetch: F) -> BoxStream<'static, Result<T, Error>>
where
    T: Send + 'static,
    C: Send + 'static,
    F: FnMut(C) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Page<T, C>, Error>> + Send,
{
    stream::try_unfold((fetch, Some(first)), |(mut fetch, cursor)| async move {
        let Some(cursor) = cursor else {
            return Ok(None);
        };
        let page = fetch(cursor).await?;
        Ok(Some((page.items, (fetch, page.next))))
    })
    .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
    .try_flatten()
    .boxed()
}

/// One page of a page-numbered listing, as [`numbered`] walks it.
pub(crate) trait NumberedPage {
    /// What the listing lists.
    type Item;
    /// The id of the page's first item.
    fn first_id(&self) -> Option<i64>;
    /// The page's items, and the number of the page after it, if any.
    fn into_parts(self) -> (Vec<Self::Item>, Option<i64>);
}

/// A stream of the items of a page-numbered listing, from page `first` on;
/// `fetch` gets one page.
///
/// A server that ignores the page number (and sends the same page again) ends
/// the stream with an error instead of an endless loop.
pub(crate) fn numbered<P, F, Fut>(
    first: i64,
    mut fetch: F,
) -> BoxStream<'static, Result<P::Item, Error>>
where
    P: NumberedPage,
    P::Item: Send + 'static,
    F: FnMut(i64) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P, Error>> + Send,
{
    items(PageCursor::start(first), move |cursor: PageCursor| {
        let fetched = fetch(cursor.page);
        async move {
            let page = fetched.await?;
            let first_id = page.first_id();
            let (items, next_page) = page.into_parts();
            let next = cursor.advance(first_id, next_page)?;
            Ok(Page { items, next })
        }
    })
}

/// The page after `page` of a page-numbered listing, given how many items it held:
/// none after an empty or short page.
pub(crate) fn next_page(page: i64, len: usize, per_page: usize) -> Option<i64> {
    (len >= per_page && len > 0 && page < LAST_PAGE).then_some(page + 1)
}

/// The cursor after a page of messages: the smallest id in it, which must be
/// smaller than the cursor that fetched it (anything else would loop forever).
pub(crate) fn next_cursor(
    before: Option<i64>,
    ids: impl Iterator<Item = i64>,
) -> Result<Option<i64>, Error> {
    let Some(smallest) = ids.min() else {
        return Ok(None);
    };
    match before {
        Some(before) if smallest >= before => Err(Error::new(
            ErrorKind::UnexpectedResponse,
            format!(
                "asked for messages before id {before}, the server sent id {smallest}; \
                 stopping rather than looping"
            ),
        )),
        _ => Ok(Some(smallest)),
    }
}

/// Where a page-numbered listing stands: the page to fetch, and the first item of
/// the page before it.
#[derive(Clone, Copy, Debug)]
struct PageCursor {
    page: i64,
    previous_first: Option<i64>,
}

impl PageCursor {
    /// The cursor of a walk that starts at `page`.
    fn start(page: i64) -> Self {
        Self {
            page,
            previous_first: None,
        }
    }

    /// The cursor after the page this one fetched, given that page's first item id
    /// and the next page number (if any).
    ///
    /// Fails when the page begins with the same item as the one before it: a server
    /// that ignores the page number would otherwise be listed forever.
    fn advance(self, first: Option<i64>, next_page: Option<i64>) -> Result<Option<Self>, Error> {
        if first.is_some() && first == self.previous_first {
            return Err(Error::new(
                ErrorKind::UnexpectedResponse,
                format!(
                    "the server sent the same items for page {} as for the page before \
                     (does it ignore the page number?); stopping rather than looping",
                    self.page
                ),
            ));
        }
        Ok(next_page.map(|page| Self {
            page,
            previous_first: first,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn page_numbers_stop_at_an_empty_or_short_page() {
        assert_eq!(next_page(1, 25, 25), Some(2));
        assert_eq!(next_page(3, 30, 25), Some(4));
        assert_eq!(next_page(1, 24, 25), None);
        assert_eq!(next_page(1, 0, 25), None);
        assert_eq!(next_page(LAST_PAGE, 25, 25), None);
    }

    #[test]
    fn message_cursors_only_go_back() {
        assert_eq!(
            next_cursor(None, [30, 21, 40].into_iter()).unwrap(),
            Some(21)
        );
        assert_eq!(next_cursor(Some(21), [1, 20].into_iter()).unwrap(), Some(1));
        assert_eq!(next_cursor(Some(21), std::iter::empty()).unwrap(), None);
        let error = next_cursor(Some(21), [21, 25].into_iter()).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::UnexpectedResponse);
    }

    #[test]
    fn a_repeated_page_is_an_error() {
        let cursor = PageCursor::start(1);
        let cursor = cursor.advance(Some(1), Some(2)).unwrap().unwrap();
        assert_eq!(cursor.page, 2);
        let cursor = cursor.advance(Some(26), Some(3)).unwrap().unwrap();
        assert!(cursor.advance(Some(26), Some(4)).is_err());
        assert!(cursor.advance(None, None).unwrap().is_none());
    }

    #[tokio::test]
    async fn pages_are_fetched_only_as_items_are_taken() {
        let fetched = Arc::new(AtomicUsize::new(0));
        let counter = fetched.clone();
        let mut stream = items(1_i64, move |page| {
            let counter = counter.clone();
            async move {
                counter.fetch_add(1, Ordering::SeqCst);
                let items: Vec<i64> = match page {
                    1 | 2 => (0..3).map(|i| page * 10 + i).collect(),
                    _ => vec![page * 10],
                };
                let next = next_page(page, items.len(), 3);
                Ok(Page { items, next })
            }
        });
        assert_eq!(
            fetched.load(Ordering::SeqCst),
            0,
            "nothing before the first poll"
        );
        assert_eq!(stream.try_next().await.unwrap(), Some(10));
        assert_eq!(fetched.load(Ordering::SeqCst), 1);
        let rest: Vec<i64> = stream.try_collect().await.unwrap();
        assert_eq!(rest, [11, 12, 20, 21, 22, 30]);
        assert_eq!(fetched.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn a_failed_page_ends_the_stream_after_its_error() {
        let stream = items(1_i64, |page| async move {
            match page {
                1 => Ok(Page {
                    items: vec![1, 2],
                    next: Some(2),
                }),
                _ => Err(Error::new(ErrorKind::Server, "boom")),
            }
        });
        let all: Vec<Result<i64, Error>> = stream.collect().await;
        assert_eq!(all.len(), 3);
        assert!(all[0].is_ok() && all[1].is_ok());
        assert_eq!(all[2].as_ref().unwrap_err().kind(), ErrorKind::Server);
    }
}
