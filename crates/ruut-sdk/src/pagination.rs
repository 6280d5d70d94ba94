//! Walking a paginated listing lazily, fetching one page ahead.
//!
//! The API paginates in two ways: conversations and contacts by page number (25
//! and 15 a page; the end is an empty or short page), messages by cursor (`before`
//! the smallest id seen; the end is an empty page). Both are driven here by a
//! `fetch` function that turns a cursor into one page and the cursor of the next,
//! if any.
//!
//! Nothing is requested before the stream is first polled. From then on, as soon
//! as a page arrives the next one is requested, in a task of its own, while the
//! consumer takes the items of the first: a walk costs about one round trip per
//! page, not a round trip plus the consumer's work. At most one request is in
//! flight and at most two pages are held (the one being consumed and the next);
//! dropping the stream aborts the request in flight. A failed page ends the
//! stream after its error.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures::stream::{BoxStream, Stream, StreamExt};
use tokio::task::JoinHandle;
use tracing::Instrument;

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

/// A stream of the items of every page, starting at `first`, one page fetched
/// ahead of the consumer.
pub(crate) fn items<T, C, F, Fut>(first: C, fetch: F) -> BoxStream<'static, Result<T, Error>>
where
    T: Send + 'static,
    C: Send + 'static,
    F: FnMut(C) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Page<T, C>, Error>> + Send + 'static,
{
    Ahead {
        fetch,
        first: Some(first),
        items: Vec::new().into_iter(),
        next: None,
    }
    .boxed()
}

/// The page being fetched, in a task of its own; aborted when dropped.
struct Fetching<T, C>(JoinHandle<Result<Page<T, C>, Error>>);

impl<T, C> Drop for Fetching<T, C> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The stream [`items`] returns: the items of the page at hand, and the fetch of
/// the next page.
struct Ahead<T, C, F> {
    fetch: F,
    /// The first cursor, until the first poll starts its fetch.
    first: Option<C>,
    items: std::vec::IntoIter<T>,
    next: Option<Fetching<T, C>>,
}

// Nothing in `Ahead` is ever pinned: the fetches are spawned tasks, reached
// through their (movable) handles.
impl<T, C, F> Unpin for Ahead<T, C, F> {}

impl<T, C, F, Fut> Ahead<T, C, F>
where
    T: Send + 'static,
    C: Send + 'static,
    F: FnMut(C) -> Fut,
    Fut: Future<Output = Result<Page<T, C>, Error>> + Send + 'static,
{
    /// Starts fetching the page at `cursor`, in the consumer's tracing span.
    fn start(&mut self, cursor: C) {
        let fetch = (self.fetch)(cursor).in_current_span();
        self.next = Some(Fetching(tokio::spawn(fetch)));
    }
}

impl<T, C, F, Fut> Stream for Ahead<T, C, F>
where
    T: Send + 'static,
    C: Send + 'static,
    F: FnMut(C) -> Fut,
    Fut: Future<Output = Result<Page<T, C>, Error>> + Send + 'static,
{
    type Item = Result<T, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if let Some(first) = this.first.take() {
            this.start(first);
        }
        loop {
            if let Some(item) = this.items.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            let Some(fetching) = this.next.as_mut() else {
                return Poll::Ready(None);
            };
            let joined = ready!(Pin::new(&mut fetching.0).poll(cx));
            this.next = None;
            match joined {
                Ok(Ok(page)) => {
                    this.items = page.items.into_iter();
                    if let Some(next) = page.next {
                        this.start(next);
                    }
                }
                Ok(Err(error)) => return Poll::Ready(Some(Err(error))),
                Err(join) if join.is_panic() => std::panic::resume_unwind(join.into_panic()),
                Err(_) => {
                    return Poll::Ready(Some(Err(Error::new(
                        ErrorKind::Connection,
                        "the request for the next page was cancelled (is the runtime shutting down?)",
                    ))));
                }
            }
        }
    }
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
    Fut: Future<Output = Result<P, Error>> + Send + 'static,
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

/// Refuses a page number below 1 before any request, naming the operation.
pub(crate) fn check_page(page: i64, op: ruut_api::operations::Operation) -> Result<(), Error> {
    if page < 1 {
        return Err(Error::invalid_request("pages are numbered from 1").with_operation(op));
    }
    Ok(())
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

/// The `page` setter and `stream` of a page-numbered query whose `send(self)`
/// answers a [`NumberedPage`] of `$item`s: `numbered_query!(ContactFilterQuery, Contact)`.
macro_rules! numbered_query {
    ($query:ty, $item:ty) => {
        impl $query {
            /// The page to [`send`](Self::send), or to start [`stream`](Self::stream)ing
            /// from (default 1).
            pub fn page(mut self, page: i64) -> Self {
                self.page = page;
                self
            }

            /// Every match, page after page, the next page fetched while this one is
            /// consumed. The stream ends after the last page, or after the first error.
            pub fn stream(
                self,
            ) -> futures::stream::BoxStream<'static, Result<$item, crate::error::Error>> {
                let first = self.page;
                crate::pagination::numbered(first, move |page| self.clone().page(page).send())
            }
        }
    };
}
pub(crate) use numbered_query;

#[cfg(test)]
mod tests {
    use super::*;
    use futures::TryStreamExt;
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

    /// What the fetches of a test walk report: each request as it starts.
    type Requests = tokio::sync::mpsc::UnboundedReceiver<i64>;

    /// A walk of 4 pages of 3 items (page `p` holds `10p`, `10p + 1`, `10p + 2`)
    /// whose fetches report their page when they start, and count how many are
    /// in flight at once (the highest count is kept in `most`).
    fn walk(most: Arc<AtomicUsize>) -> (BoxStream<'static, Result<i64, Error>>, Requests) {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let in_flight = Arc::new(AtomicUsize::new(0));
        let stream = items(1_i64, move |page| {
            let (tx, in_flight, most) = (tx.clone(), in_flight.clone(), most.clone());
            async move {
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                tx.send(page).unwrap();
                tokio::task::yield_now().await;
                in_flight.fetch_sub(1, Ordering::SeqCst);
                let items = (0..3).map(|i| page * 10 + i).collect();
                Ok(Page {
                    items,
                    next: (page < 4).then_some(page + 1),
                })
            }
        });
        (stream, rx)
    }

    /// The next page the walk requests; fails instead of hanging when none comes.
    async fn requested(rx: &mut Requests) -> i64 {
        tokio::time::timeout(std::time::Duration::from_secs(10), rx.recv())
            .await
            .expect("a page is requested")
            .expect("the walk is alive")
    }

    #[tokio::test]
    async fn the_next_page_is_requested_while_the_consumer_holds_the_first() {
        let most = Arc::new(AtomicUsize::new(0));
        let (mut stream, mut rx) = walk(most.clone());
        assert!(rx.try_recv().is_err(), "nothing before the first poll");
        assert_eq!(stream.try_next().await.unwrap(), Some(10));
        // The consumer holds item 10 and does not poll: page 2 is requested anyway.
        assert_eq!(requested(&mut rx).await, 1);
        assert_eq!(requested(&mut rx).await, 2);
        // ... and page 3 is not, however long the consumer waits: page 2 is held
        // until the consumer reaches it.
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        assert!(rx.try_recv().is_err(), "no more than one page ahead");

        assert_eq!(stream.try_next().await.unwrap(), Some(11));
        assert_eq!(stream.try_next().await.unwrap(), Some(12));
        assert!(
            rx.try_recv().is_err(),
            "page 3 waits for page 2 to be reached"
        );
        assert_eq!(stream.try_next().await.unwrap(), Some(20));
        assert_eq!(requested(&mut rx).await, 3);

        let rest: Vec<i64> = stream.try_collect().await.unwrap();
        assert_eq!(rest, [21, 22, 30, 31, 32, 40, 41, 42]);
        assert_eq!(requested(&mut rx).await, 4);
        assert!(rx.try_recv().is_err(), "nothing after the last page");
        assert_eq!(
            most.load(Ordering::SeqCst),
            1,
            "one request in flight at most"
        );
    }

    #[tokio::test]
    async fn dropping_the_stream_aborts_the_request_in_flight() {
        let (dropped_tx, dropped_rx) = tokio::sync::oneshot::channel::<()>();
        let mut guard = Some(dropped_tx);
        let mut stream = items(1_i64, move |page| {
            // Page 2 never answers; its future owns the sender, which reports
            // the future's drop by closing the channel.
            let guard = (page == 2).then(|| guard.take()).flatten();
            async move {
                if guard.is_some() {
                    std::future::pending::<()>().await;
                }
                Ok(Page {
                    items: vec![page],
                    next: Some(page + 1),
                })
            }
        });
        assert_eq!(stream.try_next().await.unwrap(), Some(1));
        drop(stream);
        let closed = tokio::time::timeout(std::time::Duration::from_secs(10), dropped_rx).await;
        assert!(
            matches!(closed, Ok(Err(_))),
            "the fetch of page 2 was dropped"
        );
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
