//! One inbox, to act on: [`InboxHandle`] (update, delete); its assignable
//! agents and bot are in `bot`, its members in `members`.

use ruut_api::operations::Operation;
use ruut_api::types::{self, Inbox};

use crate::client::Client;
use crate::error::Error;
use crate::inboxes::settings::settings_setters;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Acts on one inbox: its settings, agents and agent bot. Sends nothing
    /// by itself; to fetch the inbox, use [`get_inbox`](Self::get_inbox).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let inbox = client.inbox(2);
    /// inbox.update().webhook_url("https://example.com/v2").send().await?;
    /// inbox.set_agent_bot(Some(3)).await?;
    /// inbox.add_members(&[7]).await?;
    /// for agent in inbox.assignable_agents().await? {
    ///     println!("{} can take its conversations", agent.id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn inbox(&self, inbox_id: i64) -> InboxHandle {
        InboxHandle {
            client: self.clone(),
            id: inbox_id,
        }
    }
}

/// One inbox, to act on; see [`Client::inbox`].
#[derive(Clone, Debug)]
pub struct InboxHandle {
    client: Client,
    id: i64,
}

impl InboxHandle {
    /// The inbox's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// The client the handle sends its requests with.
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    /// Changes the inbox's settings: set the ones to change, then `send()`.
    /// Administrators only.
    pub fn update(&self) -> UpdateInboxRequest {
        UpdateInboxRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: types::InboxUpdate::default(),
        }
    }

    /// Deletes the inbox, its conversations and its members. The server
    /// does it shortly after answering. Administrators only.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) for an unknown inbox;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any
    /// other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteInbox;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_inbox()
                    .account_id(account_id)
                    .inbox_id(self.id)
                    .send()
            })
            .await
            .map(drop)
    }
}

/// Changes to an inbox; see [`InboxHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the inbox is not changed until `.send().await`"]
pub struct UpdateInboxRequest {
    handle: InboxHandle,
    options: CallOptions,
    body: types::InboxUpdate,
}

call_options!(UpdateInboxRequest);
settings_setters!(UpdateInboxRequest);

impl UpdateInboxRequest {
    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// An API inbox: where the server POSTs the inbox's events.
    pub fn webhook_url(mut self, url: impl Into<String>) -> Self {
        self.body
            .channel
            .get_or_insert_with(Default::default)
            .webhook_url = Some(url.into());
        self
    }

    /// Sends the changes; answers the inbox as it now is.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) for an unknown inbox;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent;
    /// [`Validation`](crate::ErrorKind::Validation) for a blank name or a bad
    /// setting; any other kind a request can fail with.
    pub async fn send(self) -> Result<Inbox, Error> {
        let op = Operation::UpdateInbox;
        let client = &self.handle.client;
        let account_id = client.require_account(op)?;
        client
            .call_with(&self.options, op, |raw| {
                raw.update_inbox()
                    .account_id(account_id)
                    .inbox_id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
