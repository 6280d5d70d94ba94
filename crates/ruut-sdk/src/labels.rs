//! The account's labels: [`Client::list_labels`], [`Client::get_label`],
//! [`Client::create_label`] and its [`CreateLabelRequest`], and
//! [`Client::label`]'s [`LabelHandle`] (update, delete).
//!
//! These are the labels the account defines (a title, a color, whether the
//! sidebar shows it). Conversations and contacts carry labels as plain
//! strings: see [`ConversationHandle::set_labels`](crate::ConversationHandle::set_labels)
//! and [`ContactHandle::set_labels`](crate::ContactHandle::set_labels).
//! Everything but the list is for administrators.

use ruut_api::operations::Operation;
use ruut_api::types::{self, Label};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// The account's labels, by title. Agents may list them too.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for label in client.list_labels().await? {
    ///     println!("{} {}", label.title, label.color);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_labels(&self) -> Result<Vec<Label>, Error> {
        let op = Operation::ListLabels;
        let account_id = self.require_account(op)?;
        let list = self
            .call(op, |raw| raw.list_labels().account_id(account_id).send())
            .await?;
        Ok(list.payload)
    }

    /// One label of the account. Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let label = client.get_label(1).await?;
    /// println!("{}", label.title);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; [`NotFound`](crate::ErrorKind::NotFound) when the account
    /// has no such label; any other kind a request can fail with.
    pub async fn get_label(&self, label_id: i64) -> Result<Label, Error> {
        let op = Operation::GetLabel;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| {
            raw.get_label()
                .account_id(account_id)
                .label_id(label_id)
                .send()
        })
        .await
    }

    /// Defines a label; the server lower-cases the title. Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let label = client
    ///     .create_label("billing")
    ///     .color("#1f93ff")
    ///     .description("Invoices and refunds")
    ///     .show_on_sidebar(true)
    ///     .send()
    ///     .await?;
    /// println!("label {}", label.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_label(&self, title: impl Into<String>) -> CreateLabelRequest {
        CreateLabelRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: types::LabelCreate {
                title: title.into(),
                color: None,
                description: None,
                show_on_sidebar: None,
            },
        }
    }

    /// Acts on one label of the account. Sends nothing by itself; to fetch
    /// it, use [`get_label`](Self::get_label).
    pub fn label(&self, label_id: i64) -> LabelHandle {
        LabelHandle {
            client: self.clone(),
            id: label_id,
        }
    }
}

/// Sets the optional details of a label, as both builders have them.
macro_rules! label_setters {
    ($builder:ty) => {
        impl $builder {
            /// Its color, a CSS color such as `#1f93ff` (the server's default).
            pub fn color(mut self, color: impl Into<String>) -> Self {
                self.body.color = Some(color.into());
                self
            }

            /// What it is for.
            pub fn description(mut self, description: impl Into<String>) -> Self {
                self.body.description = Some(description.into());
                self
            }

            /// Whether the sidebar lists it.
            pub fn show_on_sidebar(mut self, show: bool) -> Self {
                self.body.show_on_sidebar = Some(show);
                self
            }
        }
    };
}

/// A new label; see [`Client::create_label`].
#[derive(Clone, Debug)]
#[must_use = "the label is not created until `.send().await`"]
pub struct CreateLabelRequest {
    client: Client,
    options: CallOptions,
    body: types::LabelCreate,
}

call_options!(CreateLabelRequest);
label_setters!(CreateLabelRequest);

impl CreateLabelRequest {
    /// Creates the label. Sent once, never retried: a repeat would answer
    /// that the title is taken.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the title is not at
    /// least two letters, digits, `_` or `-` (starting with a letter or digit)
    /// or the account has it already; [`Forbidden`](crate::ErrorKind::Forbidden)
    /// when the token's user is an agent; any other kind a request can fail with.
    pub async fn send(self) -> Result<Label, Error> {
        let op = Operation::CreateLabel;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.create_label()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}

/// One label of the account, to act on; see [`Client::label`].
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let label = client.label(1);
/// label.update().title("invoices").color("#ff4f4f").send().await?;
/// label.delete().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct LabelHandle {
    client: Client,
    id: i64,
}

impl LabelHandle {
    /// The label's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes the title, color, description or sidebar flag; what is not
    /// set is kept. A new title is also given to every conversation and
    /// contact that carried the old one.
    pub fn update(&self) -> UpdateLabelRequest {
        UpdateLabelRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: types::LabelUpdate::default(),
        }
    }

    /// Deletes the label; conversations and contacts keep it as a plain
    /// string. Administrators only.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; [`NotFound`](crate::ErrorKind::NotFound) when the account
    /// has no such label; any other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteLabel;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_label()
                    .account_id(account_id)
                    .label_id(self.id)
                    .send()
            })
            .await
    }
}

/// A change of a label; see [`LabelHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the label is not changed until `.send().await`"]
pub struct UpdateLabelRequest {
    handle: LabelHandle,
    options: CallOptions,
    body: types::LabelUpdate,
}

call_options!(UpdateLabelRequest);
label_setters!(UpdateLabelRequest);

impl UpdateLabelRequest {
    /// The new title (lower-cased by the server).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.body.title = Some(title.into());
        self
    }

    /// Sends the change; the answer is the label as it is now. Setting
    /// nothing is refused by the server (a missing parameter).
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) for a title that is
    /// malformed or taken, or nothing to change;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; [`NotFound`](crate::ErrorKind::NotFound) when the account
    /// has no such label; any other kind a request can fail with.
    pub async fn send(self) -> Result<Label, Error> {
        let op = Operation::UpdateLabel;
        let client = &self.handle.client;
        let account_id = client.require_account(op)?;
        client
            .call_with(&self.options, op, |raw| {
                raw.update_label()
                    .account_id(account_id)
                    .label_id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
