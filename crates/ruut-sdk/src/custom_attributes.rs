//! The custom attributes an account defines for conversations and contacts:
//! [`Client::list_custom_attribute_definitions`],
//! [`Client::list_custom_attribute_definitions_for`],
//! [`Client::get_custom_attribute_definition`],
//! [`Client::create_custom_attribute_definition`] and its
//! [`CreateCustomAttributeDefinitionRequest`], and
//! [`Client::custom_attribute_definition`]'s
//! [`CustomAttributeDefinitionHandle`] (update, delete).
//!
//! A definition's key is what conversations' and contacts'
//! `custom_attributes` hold values under, and what the filters accept.

use ruut_api::enums::{CustomAttributeDisplayType, CustomAttributeModel};
use ruut_api::operations::Operation;
use ruut_api::types::{self, CustomAttributeDefinition};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Every custom attribute the account defines, for conversations and
    /// contacts alike.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for definition in client.list_custom_attribute_definitions().await? {
    ///     println!("{} ({})", definition.attribute_key, definition.attribute_model);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_custom_attribute_definitions(
        &self,
    ) -> Result<Vec<CustomAttributeDefinition>, Error> {
        self.fetch_definitions(None).await
    }

    /// The custom attributes the account defines for conversations, or for
    /// contacts.
    ///
    /// ```no_run
    /// use ruut_sdk::enums::CustomAttributeModel;
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let contact_attributes = client
    ///     .list_custom_attribute_definitions_for(CustomAttributeModel::ContactAttribute)
    ///     .await?;
    /// println!("{} contact attributes", contact_attributes.len());
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_custom_attribute_definitions_for(
        &self,
        model: CustomAttributeModel,
    ) -> Result<Vec<CustomAttributeDefinition>, Error> {
        self.fetch_definitions(Some(model)).await
    }

    async fn fetch_definitions(
        &self,
        model: Option<CustomAttributeModel>,
    ) -> Result<Vec<CustomAttributeDefinition>, Error> {
        let op = Operation::ListCustomAttributeDefinitions;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| {
            let request = raw
                .list_custom_attribute_definitions()
                .account_id(account_id);
            match &model {
                Some(model) => request.attribute_model(model.clone()),
                None => request,
            }
            .send()
        })
        .await
    }

    /// One custom attribute definition of the account.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// definition; any other kind a request can fail with.
    pub async fn get_custom_attribute_definition(
        &self,
        definition_id: i64,
    ) -> Result<CustomAttributeDefinition, Error> {
        let op = Operation::GetCustomAttributeDefinition;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| {
            raw.get_custom_attribute_definition()
                .account_id(account_id)
                .custom_attribute_definition_id(definition_id)
                .send()
        })
        .await
    }

    /// Defines a custom attribute: shown as `display_name`, stored under
    /// `key`; a `text` attribute of conversations unless set otherwise.
    ///
    /// ```no_run
    /// use ruut_sdk::enums::{CustomAttributeDisplayType, CustomAttributeModel};
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let plan = client
    ///     .create_custom_attribute_definition("Plan", "plan")
    ///     .model(CustomAttributeModel::ContactAttribute)
    ///     .display_type(CustomAttributeDisplayType::List)
    ///     .values(["free", "pro"])
    ///     .send()
    ///     .await?;
    /// println!("definition {}", plan.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_custom_attribute_definition(
        &self,
        display_name: impl Into<String>,
        key: impl Into<String>,
    ) -> CreateCustomAttributeDefinitionRequest {
        CreateCustomAttributeDefinitionRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: types::CustomAttributeDefinitionCreate {
                attribute_display_name: display_name.into(),
                attribute_key: key.into(),
                attribute_description: None,
                attribute_display_type: None,
                attribute_model: None,
                attribute_values: Vec::new(),
                regex_cue: None,
                regex_pattern: None,
            },
        }
    }

    /// Acts on one custom attribute definition. Sends nothing by itself.
    pub fn custom_attribute_definition(
        &self,
        definition_id: i64,
    ) -> CustomAttributeDefinitionHandle {
        CustomAttributeDefinitionHandle {
            client: self.clone(),
            id: definition_id,
        }
    }
}

/// The optional details both definition builders set.
macro_rules! definition_setters {
    ($builder:ty) => {
        impl $builder {
            /// How the value is shown and entered (`text` unless set).
            pub fn display_type(mut self, display_type: CustomAttributeDisplayType) -> Self {
                self.body.attribute_display_type = Some(display_type);
                self
            }

            /// Whether conversations or contacts have it.
            pub fn model(mut self, model: CustomAttributeModel) -> Self {
                self.body.attribute_model = Some(model);
                self
            }

            /// What it is for.
            pub fn description(mut self, description: impl Into<String>) -> Self {
                self.body.attribute_description = Some(description.into());
                self
            }

            /// The choices of a `list` attribute.
            pub fn values<V: Into<String>>(mut self, values: impl IntoIterator<Item = V>) -> Self {
                self.body.attribute_values = values.into_iter().map(Into::into).collect();
                self
            }

            /// A pattern values must match (the dashboard checks it), and the
            /// hint it shows when one does not.
            pub fn regex(mut self, pattern: impl Into<String>, cue: impl Into<String>) -> Self {
                self.body.regex_pattern = Some(pattern.into());
                self.body.regex_cue = Some(cue.into());
                self
            }
        }
    };
}

/// A new custom attribute; see [`Client::create_custom_attribute_definition`].
#[derive(Clone, Debug)]
#[must_use = "the attribute is not defined until `.send().await`"]
pub struct CreateCustomAttributeDefinitionRequest {
    client: Client,
    options: CallOptions,
    body: types::CustomAttributeDefinitionCreate,
}

call_options!(CreateCustomAttributeDefinitionRequest);
definition_setters!(CreateCustomAttributeDefinitionRequest);

impl CreateCustomAttributeDefinitionRequest {
    /// Defines the attribute. Sent once, never retried: a repeat would answer
    /// that the key is taken.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) for a blank name or key, a
    /// key the model has already or a standard attribute's key (`status`,
    /// `email`, ...); any other kind a request can fail with.
    pub async fn send(self) -> Result<CustomAttributeDefinition, Error> {
        let op = Operation::CreateCustomAttributeDefinition;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.create_custom_attribute_definition()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}

/// One custom attribute definition, to act on; see
/// [`Client::custom_attribute_definition`].
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let plan = client.custom_attribute_definition(1);
/// plan.update().values(["free", "pro", "enterprise"]).send().await?;
/// plan.delete().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct CustomAttributeDefinitionHandle {
    client: Client,
    id: i64,
}

impl CustomAttributeDefinitionHandle {
    /// The definition's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes the definition; what is not set is kept.
    pub fn update(&self) -> UpdateCustomAttributeDefinitionRequest {
        UpdateCustomAttributeDefinitionRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: types::CustomAttributeDefinitionUpdate::default(),
        }
    }

    /// Deletes the definition; the values records hold under its key stay.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// definition; any other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteCustomAttributeDefinition;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_custom_attribute_definition()
                    .account_id(account_id)
                    .custom_attribute_definition_id(self.id)
                    .send()
            })
            .await
    }
}

/// A change of a custom attribute definition; see
/// [`CustomAttributeDefinitionHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the definition is not changed until `.send().await`"]
pub struct UpdateCustomAttributeDefinitionRequest {
    handle: CustomAttributeDefinitionHandle,
    options: CallOptions,
    body: types::CustomAttributeDefinitionUpdate,
}

call_options!(UpdateCustomAttributeDefinitionRequest);
definition_setters!(UpdateCustomAttributeDefinitionRequest);

impl UpdateCustomAttributeDefinitionRequest {
    /// The new display name.
    pub fn display_name(mut self, display_name: impl Into<String>) -> Self {
        self.body.attribute_display_name = Some(display_name.into());
        self
    }

    /// The new key (unique per account and model).
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.body.attribute_key = Some(key.into());
        self
    }

    /// Sends the change; the answer is the definition as it is now. Setting
    /// nothing is refused by the server (a missing parameter).
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) for a blank name or key, a
    /// key another definition of the model has, or nothing to change;
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// definition; any other kind a request can fail with.
    pub async fn send(self) -> Result<CustomAttributeDefinition, Error> {
        let op = Operation::UpdateCustomAttributeDefinition;
        let client = &self.handle.client;
        let account_id = client.require_account(op)?;
        client
            .call_with(&self.options, op, |raw| {
                raw.update_custom_attribute_definition()
                    .account_id(account_id)
                    .custom_attribute_definition_id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
