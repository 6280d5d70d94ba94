//! Notes about a contact: [`ContactHandle::notes`], [`ContactHandle::add_note`],
//! [`ContactHandle::update_note`] and [`ContactHandle::delete_note`].

use ruut_api::types::{self, ContactNote};

use crate::contacts::contact::ContactHandle;
use crate::error::Error;
use ruut_api::operations::Operation;

fn content(text: impl Into<String>) -> types::ContactNoteContent {
    types::ContactNoteContent {
        content: text.into(),
    }
}

impl ContactHandle {
    /// The notes agents wrote about the contact, newest first.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for note in client.contact(11).notes().await? {
    ///     println!("{}: {}", note.id, note.content);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such contact;
    /// any other kind a request can fail with.
    pub async fn notes(&self) -> Result<Vec<ContactNote>, Error> {
        let op = Operation::ListContactNotes;
        let client = self.client();
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.list_contact_notes()
                    .account_id(account_id)
                    .contact_id(self.id())
                    .send()
            })
            .await
    }

    /// Writes a note about the contact, as the token's user. Sent once,
    /// never retried: a repeat would write it twice.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let note = client.contact(11).add_note("Prefers e-mail").await?;
    /// println!("note {}", note.id);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when `text` is empty;
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such contact;
    /// any other kind a request can fail with.
    pub async fn add_note(&self, text: impl Into<String>) -> Result<ContactNote, Error> {
        let op = Operation::CreateContactNote;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let body = content(text);
        client
            .call(op, |raw| {
                raw.create_contact_note()
                    .account_id(account_id)
                    .contact_id(self.id())
                    .body(body.clone())
                    .send()
            })
            .await
    }

    /// Replaces a note's text. The server keeps the old text when `text` is
    /// empty.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let note = client.contact(11).update_note(3, "Prefers phone calls now").await?;
    /// assert_eq!(note.content, "Prefers phone calls now");
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the contact has no such
    /// note; any other kind a request can fail with.
    pub async fn update_note(
        &self,
        note_id: i64,
        text: impl Into<String>,
    ) -> Result<ContactNote, Error> {
        let op = Operation::UpdateContactNote;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let body = content(text);
        client
            .call(op, |raw| {
                raw.update_contact_note()
                    .account_id(account_id)
                    .contact_id(self.id())
                    .note_id(note_id)
                    .body(body.clone())
                    .send()
            })
            .await
    }

    /// Deletes a note.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// client.contact(11).delete_note(3).await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the contact has no such
    /// note; any other kind a request can fail with.
    pub async fn delete_note(&self, note_id: i64) -> Result<(), Error> {
        let op = Operation::DeleteContactNote;
        let client = self.client();
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.delete_contact_note()
                    .account_id(account_id)
                    .contact_id(self.id())
                    .note_id(note_id)
                    .send()
            })
            .await
    }
}
