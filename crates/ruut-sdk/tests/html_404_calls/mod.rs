//! Parts of `html_404.rs`'s table of every SDK call, by resource.

use std::future::Future;

use ruut_sdk::Error;

pub(crate) mod admin_automation;
pub(crate) mod admin_config;
pub(crate) mod admin_inboxes;
pub(crate) mod help_center;
pub(crate) mod integrations;
pub(crate) mod label_bot_reports;
pub(crate) mod people;
pub(crate) mod reports;

pub(crate) use super::Call;

/// Boxes a call, dropping its answer.
pub(crate) fn call<'a, T>(f: impl Future<Output = Result<T, Error>> + 'a) -> Call<'a> {
    Box::pin(async move { f.await.map(drop) })
}
