//! The files of a conversation's messages: [`ConversationHandle::attachments`].

use futures::stream::BoxStream;
use ruut_api::operations::Operation;
use ruut_api::types::ConversationAttachment;

use crate::client::Client;
use crate::conversations::conversation::ConversationHandle;
use crate::error::Error;
use crate::pagination::{self, NumberedPage};
use crate::transport::options::{CallOptions, call_options};

/// Attachments per page, as the server sends them (`ATTACHMENT_RESULTS_PER_PAGE`).
const PER_PAGE: usize = 100;

impl ConversationHandle {
    /// The files attached to the conversation's messages, newest first; see
    /// [`AttachmentQuery`]. Each `data_url` is a redirect to the storage
    /// service: fetch it with [`Client::download_attachment`], which does not
    /// send the token there.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let files: Vec<_> = client.conversation(42).attachments().stream().try_collect().await?;
    /// for file in files {
    ///     println!("{:?} ({:?} bytes)", file.data_url, file.file_size);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn attachments(&self) -> AttachmentQuery {
        AttachmentQuery {
            client: self.client().clone(),
            options: CallOptions::default(),
            conversation_id: self.id(),
            page: 1,
        }
    }
}

/// A listing of a conversation's attachments; see [`ConversationHandle::attachments`].
#[derive(Clone, Debug)]
#[must_use = "a listing does nothing until it is streamed or sent"]
pub struct AttachmentQuery {
    client: Client,
    options: CallOptions,
    conversation_id: i64,
    page: i64,
}

/// One page of a conversation's attachments; see [`AttachmentQuery::send`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct AttachmentPage {
    /// The attachments on this page (at most 100), newest first.
    pub attachments: Vec<ConversationAttachment>,
    /// How many attachments the conversation has, on all pages.
    pub total_count: i64,
    /// The next page's number, `None` after the last page.
    pub next_page: Option<i64>,
}

impl NumberedPage for AttachmentPage {
    type Item = ConversationAttachment;

    fn first_id(&self) -> Option<i64> {
        self.attachments.first().map(|a| a.message_id)
    }

    fn into_parts(self) -> (Vec<ConversationAttachment>, Option<i64>) {
        (self.attachments, self.next_page)
    }
}

call_options!(AttachmentQuery);

impl AttachmentQuery {
    /// The page to fetch, from 1 (the default).
    pub fn page(mut self, page: i64) -> Self {
        self.page = page;
        self
    }

    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest), before any request,
    /// for a page below 1; any kind a request can fail with.
    pub async fn send(self) -> Result<AttachmentPage, Error> {
        let op = Operation::ListConversationAttachments;
        pagination::check_page(self.page, op)?;
        let account_id = self.client.require_account(op)?;
        let list = self
            .client
            .call_with(&self.options, op, |raw| {
                raw.list_conversation_attachments()
                    .account_id(account_id)
                    .conversation_id(self.conversation_id)
                    .page(self.page)
                    .send()
            })
            .await?;
        let next_page = pagination::next_page(self.page, list.payload.len(), PER_PAGE);
        Ok(AttachmentPage {
            attachments: list.payload,
            total_count: list.meta.total_count,
            next_page,
        })
    }

    /// Every attachment, newest first, page after page from [`page`](Self::page).
    pub fn stream(self) -> BoxStream<'static, Result<ConversationAttachment, Error>> {
        let first = self.page;
        pagination::numbered::<AttachmentPage, _, _>(first, move |page| {
            self.clone().page(page).send()
        })
    }
}
