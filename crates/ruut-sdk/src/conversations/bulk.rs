//! Changing many conversations in one call: [`Client::bulk_update`] and its
//! [`BulkUpdateRequest`].

use ruut_api::operations::Operation;
use ruut_api::types::{
    BulkActionRequest, BulkActionType, BulkConversationFields, BulkLabels, ToggleableStatus,
};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Changes the status, assignee, team or labels of the conversations with
    /// these display ids, in one call.
    ///
    /// The server answers as soon as the work is queued, before any
    /// conversation has changed: read them back (or wait for their webhooks)
    /// to see the result. Ids of no conversation of the account are skipped.
    /// Sending the request twice changes nothing more, so it is retried like a read.
    ///
    /// ```no_run
    /// use ruut_sdk::types::ToggleableStatus;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// client
    ///     .bulk_update([42, 43, 44])
    ///     .status(ToggleableStatus::Resolved)
    ///     .add_labels(["spam"])
    ///     .remove_labels(["new"])
    ///     .send()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn bulk_update(&self, ids: impl IntoIterator<Item = i64>) -> BulkUpdateRequest {
        BulkUpdateRequest {
            client: self.clone(),
            options: CallOptions::default(),
            ids: ids.into_iter().collect(),
            fields: None,
            add: Vec::new(),
            remove: Vec::new(),
        }
    }
}

/// A bulk change being prepared; see [`Client::bulk_update`].
#[derive(Clone, Debug)]
#[must_use = "a bulk change does nothing until it is sent"]
pub struct BulkUpdateRequest {
    client: Client,
    options: CallOptions,
    ids: Vec<i64>,
    fields: Option<BulkConversationFields>,
    add: Vec<String>,
    remove: Vec<String>,
}

call_options!(BulkUpdateRequest);

fn strings<I, S>(labels: I) -> impl Iterator<Item = String>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    labels.into_iter().map(Into::into)
}

impl BulkUpdateRequest {
    fn fields(&mut self) -> &mut BulkConversationFields {
        self.fields.get_or_insert_with(Default::default)
    }

    /// Sets every conversation's status.
    pub fn status(mut self, status: ToggleableStatus) -> Self {
        self.fields().status = Some(status);
        self
    }

    /// Assigns every conversation to this agent.
    pub fn assign(mut self, agent_id: i64) -> Self {
        self.fields().assignee_id = Some(agent_id);
        self
    }

    /// Assigns every conversation to this team.
    pub fn assign_team(mut self, team_id: i64) -> Self {
        self.fields().team_id = Some(team_id);
        self
    }

    /// Adds these labels to every conversation.
    pub fn add_labels<I, S>(mut self, labels: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.add.extend(strings(labels));
        self
    }

    /// Removes these labels from every conversation (before any are added).
    pub fn remove_labels<I, S>(mut self, labels: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.remove.extend(strings(labels));
        self
    }

    /// Sends the change; `Ok` means the server queued it.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn send(self) -> Result<(), Error> {
        let op = Operation::BulkUpdateConversations;
        let account_id = self.client.require_account(op)?;
        let labels = (!self.add.is_empty() || !self.remove.is_empty()).then(|| BulkLabels {
            add: self.add.clone(),
            remove: self.remove.clone(),
        });
        let body = BulkActionRequest {
            type_: BulkActionType::Conversation,
            ids: self.ids.clone(),
            fields: self.fields.clone(),
            labels,
            snoozed_until: None,
        };
        self.client
            .call_with(&self.options, op, |raw| {
                raw.bulk_update_conversations()
                    .account_id(account_id)
                    .body(body.clone())
                    .send()
            })
            .await?;
        Ok(())
    }
}
