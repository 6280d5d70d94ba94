//! One contact, to act on: [`ContactHandle`].
//!
//! What a handle does is in the file named for it: `update` (details,
//! custom attributes), `delete`, `links` (conversations, inboxes), `labels`
//! and `notes`. Making a handle sends nothing.

use crate::client::Client;

pub(crate) mod delete;
pub(crate) mod labels;
pub(crate) mod links;
pub(crate) mod notes;
pub(crate) mod update;

impl Client {
    /// Acts on one contact: its details, labels, notes, inboxes and
    /// conversations. Sends nothing by itself; to fetch the contact, use
    /// [`get_contact`](Self::get_contact).
    pub fn contact(&self, contact_id: i64) -> ContactHandle {
        ContactHandle {
            client: self.clone(),
            id: contact_id,
        }
    }
}

/// One contact, to act on; see [`Client::contact`].
///
/// [`update`](Self::update) and [`add_inbox`](Self::add_inbox) return a
/// builder that ends in `send()`; every other call is sent at once.
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let contact = client.contact(11);
/// contact
///     .update()
///     .name("Ada Lovelace")
///     .custom_attribute("plan", "gold")
///     .send()
///     .await?;
/// contact.set_labels(["vip", "billing"]).await?;
/// contact.add_note("Prefers e-mail").await?;
/// for conversation in contact.conversations().await? {
///     println!("conversation {}", conversation.id);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct ContactHandle {
    client: Client,
    id: i64,
}

impl ContactHandle {
    /// The contact's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// The client the handle sends its requests with.
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }
}
