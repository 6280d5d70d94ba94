//! An inbox's members: [`InboxHandle::members`], [`InboxHandle::add_members`],
//! [`InboxHandle::set_members`], [`InboxHandle::remove_members`].

use ruut_api::operations::Operation;
use ruut_api::types::{InboxAgent, InboxMembersChange};

use crate::error::Error;
use crate::inboxes::handle::InboxHandle;

impl InboxHandle {
    /// The agents who are members of the inbox.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let inbox = client.inbox(2);
    /// inbox.add_members(&[3, 4]).await?;
    /// inbox.remove_members(&[4]).await?;
    /// for agent in inbox.members().await? {
    ///     println!("{} works in the inbox", agent.id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// inbox; [`Forbidden`](crate::ErrorKind::Forbidden) for an agent
    /// who is not a member of it; any other kind a request can fail with.
    pub async fn members(&self) -> Result<Vec<InboxAgent>, Error> {
        let op = Operation::ListInboxMembers;
        let (client, id) = (self.client(), self.id());
        let account_id = client.require_account(op)?;
        let list = client
            .call(op, |raw| {
                raw.list_inbox_members()
                    .account_id(account_id)
                    .inbox_id(id)
                    .send()
            })
            .await?;
        Ok(list.payload)
    }

    /// Adds the users to the inbox's members (those already members are
    /// skipped) and returns every member. Administrators only.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) for an unknown inbox;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent;
    /// [`Validation`](crate::ErrorKind::Validation) for an id of no user;
    /// any other kind a request can fail with.
    pub async fn add_members(&self, user_ids: &[i64]) -> Result<Vec<InboxAgent>, Error> {
        let op = Operation::AddInboxMembers;
        let (client, body) = (self.client(), self.change(user_ids));
        let account_id = client.require_account(op)?;
        let list = client
            .call(op, |raw| {
                raw.add_inbox_members()
                    .account_id(account_id)
                    .body(body.clone())
                    .send()
            })
            .await?;
        Ok(list.payload)
    }

    /// Makes exactly these users the inbox's members and returns them.
    /// Administrators only.
    ///
    /// # Errors
    ///
    /// As [`add_members`](Self::add_members).
    pub async fn set_members(&self, user_ids: &[i64]) -> Result<Vec<InboxAgent>, Error> {
        let op = Operation::SetInboxMembers;
        let (client, body) = (self.client(), self.change(user_ids));
        let account_id = client.require_account(op)?;
        let list = client
            .call(op, |raw| {
                raw.set_inbox_members()
                    .account_id(account_id)
                    .body(body.clone())
                    .send()
            })
            .await?;
        Ok(list.payload)
    }

    /// Removes the users from the inbox's members (ids that are not members
    /// are ignored). Administrators only.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) for an unknown inbox;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any
    /// other kind a request can fail with.
    pub async fn remove_members(&self, user_ids: &[i64]) -> Result<(), Error> {
        let op = Operation::RemoveInboxMembers;
        let (client, body) = (self.client(), self.change(user_ids));
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.remove_inbox_members()
                    .account_id(account_id)
                    .body(body.clone())
                    .send()
            })
            .await
    }

    fn change(&self, user_ids: &[i64]) -> InboxMembersChange {
        InboxMembersChange {
            inbox_id: self.id(),
            user_ids: user_ids.to_vec(),
        }
    }
}
