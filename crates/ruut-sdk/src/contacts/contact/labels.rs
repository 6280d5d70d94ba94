//! A contact's labels: [`ContactHandle::labels`] and
//! [`ContactHandle::set_labels`].

use ruut_api::types;

use crate::contacts::contact::ContactHandle;
use crate::error::Error;
use ruut_api::operations::Operation;

impl ContactHandle {
    /// The contact's labels.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let labels = client.contact(11).labels().await?;
    /// println!("{}", labels.join(", "));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such contact;
    /// any other kind a request can fail with.
    pub async fn labels(&self) -> Result<Vec<String>, Error> {
        let op = Operation::ListContactLabels;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let answer = client
            .call(op, |raw| {
                raw.list_contact_labels()
                    .account_id(account_id)
                    .contact_id(self.id())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }

    /// Makes these the contact's labels (all others are removed; none removes
    /// them all); the answer is the labels now.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let labels = client.contact(11).set_labels(["vip", "billing"]).await?;
    /// assert!(labels.contains(&"vip".to_owned()));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such contact;
    /// any other kind a request can fail with.
    pub async fn set_labels<L: Into<String>>(
        &self,
        labels: impl IntoIterator<Item = L>,
    ) -> Result<Vec<String>, Error> {
        let op = Operation::SetContactLabels;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let body = types::ContactLabelsUpdate {
            labels: labels.into_iter().map(Into::into).collect(),
        };
        let answer = client
            .call(op, |raw| {
                raw.set_contact_labels()
                    .account_id(account_id)
                    .contact_id(self.id())
                    .body(body.clone())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}
