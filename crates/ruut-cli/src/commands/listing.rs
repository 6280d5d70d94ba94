//! Printing a listing: one page, or every page streamed (`--all`, with a
//! progress bar where one is wanted), cut at `--limit` either way.

use futures::stream::{BoxStream, StreamExt};
use serde::Serialize;

use crate::args::Paging;
use crate::exit::Outcome;
use crate::output::{Column, Printer};
use crate::progress::Progress;

/// Prints every item of `stream` (page after page) up to `limit`, counting
/// the `what` ("conversations") fetched on a progress bar.
pub async fn stream<T: Serialize>(
    printer: &Printer,
    columns: &'static [Column],
    what: &'static str,
    mut items: BoxStream<'static, Result<T, ruut_sdk::Error>>,
    limit: Option<usize>,
) -> Outcome {
    let progress = Progress::listing(printer.progress(), what, limit);
    let mut listing = printer.list(columns);
    let mut printed = 0;
    while limit.is_none_or(|limit| printed < limit) {
        match items.next().await {
            Some(item) => listing.push(&item?)?,
            None => break,
        }
        printed += 1;
        progress.step();
    }
    // The bar is erased before a table is printed.
    drop(progress);
    listing.finish()
}

/// Prints one page's `items` up to `paging.limit`, and in a table where the
/// next page is.
pub fn page<T: Serialize>(
    printer: &Printer,
    columns: &'static [Column],
    items: &[T],
    next_page: Option<i64>,
    paging: Paging,
) -> Outcome {
    let mut listing = printer.list(columns);
    let shown = paging.limit.unwrap_or(usize::MAX).min(items.len());
    for item in &items[..shown] {
        listing.push(item)?;
    }
    listing.finish()?;
    if let Some(next) = next_page {
        printer.note(&format!("(more: --page {next}, or --all for every page)"))?;
    }
    Ok(())
}

/// Runs a listing as `paging` asks: every page through `stream` with
/// `--all`, else the one page `page` fetches (given `--page`, if any).
pub async fn run<T, F>(
    printer: &Printer,
    columns: &'static [Column],
    what: &'static str,
    paging: Paging,
    stream: impl FnOnce() -> BoxStream<'static, Result<T, ruut_sdk::Error>>,
    page: impl FnOnce(Option<i64>) -> F,
) -> Outcome
where
    T: Serialize,
    F: Future<Output = Result<(Vec<T>, Option<i64>), ruut_sdk::Error>>,
{
    if paging.all {
        return self::stream(printer, columns, what, stream(), paging.limit).await;
    }
    let (items, next_page) = page(paging.page).await?;
    self::page(printer, columns, &items, next_page, paging)
}
