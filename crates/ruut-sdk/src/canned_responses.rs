//! Canned responses, the saved replies agents insert by short code:
//! [`Client::list_canned_responses`], [`Client::search_canned_responses`],
//! [`Client::create_canned_response`], and [`Client::canned_response`]'s
//! [`CannedResponseHandle`] (update, delete).

use ruut_api::operations::Operation;
use ruut_api::types::{self, CannedResponse};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Every canned response of the account, in the server's order (no pages).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for reply in client.list_canned_responses().await? {
    ///     println!("/{}: {}", reply.short_code, reply.content);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_canned_responses(&self) -> Result<Vec<CannedResponse>, Error> {
        self.fetch_canned_responses(None).await
    }

    /// The canned responses whose short code or content contains `text`
    /// (any case; `%` and `_` are SQL wildcards), best match first: short
    /// codes starting with it, then short codes containing it, then content.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let found = client.search_canned_responses("refund").await?;
    /// println!("{} matches", found.len());
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn search_canned_responses(
        &self,
        text: impl Into<String>,
    ) -> Result<Vec<CannedResponse>, Error> {
        self.fetch_canned_responses(Some(text.into())).await
    }

    async fn fetch_canned_responses(
        &self,
        search: Option<String>,
    ) -> Result<Vec<CannedResponse>, Error> {
        let op = Operation::ListCannedResponses;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| {
            let request = raw.list_canned_responses().account_id(account_id);
            match &search {
                Some(text) => request.search(text.clone()),
                None => request,
            }
            .send()
        })
        .await
    }

    /// Saves a reply under a short code. Sent once, never retried: a repeat
    /// would answer that the short code is taken.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let reply = client
    ///     .create_canned_response("refund", "Your refund is on its way.")
    ///     .await?;
    /// println!("canned response {}", reply.id);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when either is blank or
    /// the account already has the short code; any other kind a request can
    /// fail with.
    pub async fn create_canned_response(
        &self,
        short_code: impl Into<String>,
        content: impl Into<String>,
    ) -> Result<CannedResponse, Error> {
        let op = Operation::CreateCannedResponse;
        let account_id = self.require_account(op)?;
        let body = types::CannedResponseCreate {
            short_code: short_code.into(),
            content: content.into(),
        };
        self.call(op, |raw| {
            raw.create_canned_response()
                .account_id(account_id)
                .body(body.clone())
                .send()
        })
        .await
    }

    /// Acts on one canned response. Sends nothing by itself.
    pub fn canned_response(&self, canned_response_id: i64) -> CannedResponseHandle {
        CannedResponseHandle {
            client: self.clone(),
            id: canned_response_id,
        }
    }
}

/// One canned response, to act on; see [`Client::canned_response`].
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let reply = client.canned_response(1);
/// reply.update().content("Your refund was sent today.").send().await?;
/// reply.delete().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct CannedResponseHandle {
    client: Client,
    id: i64,
}

impl CannedResponseHandle {
    /// The canned response's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes the short code, the content or both; what is not set is kept.
    pub fn update(&self) -> UpdateCannedResponseRequest {
        UpdateCannedResponseRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: types::CannedResponseUpdate::default(),
        }
    }

    /// Deletes the canned response.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// canned response; any other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteCannedResponse;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_canned_response()
                    .account_id(account_id)
                    .canned_response_id(self.id)
                    .send()
            })
            .await
    }
}

/// A change of a canned response; see [`CannedResponseHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the canned response is not changed until `.send().await`"]
pub struct UpdateCannedResponseRequest {
    handle: CannedResponseHandle,
    options: CallOptions,
    body: types::CannedResponseUpdate,
}

call_options!(UpdateCannedResponseRequest);

impl UpdateCannedResponseRequest {
    /// The new short code (unique in the account, not blank).
    pub fn short_code(mut self, short_code: impl Into<String>) -> Self {
        self.body.short_code = Some(short_code.into());
        self
    }

    /// The new content (not blank).
    pub fn content(mut self, content: impl Into<String>) -> Self {
        self.body.content = Some(content.into());
        self
    }

    /// Sends the change; the answer is the canned response as it is now.
    /// Setting nothing is refused by the server (a missing parameter).
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) for a blank value, a taken
    /// short code or nothing to change; [`NotFound`](crate::ErrorKind::NotFound)
    /// when the account has no such canned response; any other kind a request
    /// can fail with.
    pub async fn send(self) -> Result<CannedResponse, Error> {
        let op = Operation::UpdateCannedResponse;
        let client = &self.handle.client;
        let account_id = client.require_account(op)?;
        client
            .call_with(&self.options, op, |raw| {
                raw.update_canned_response()
                    .account_id(account_id)
                    .canned_response_id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
