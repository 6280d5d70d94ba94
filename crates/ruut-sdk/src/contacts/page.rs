//! [`ContactPage`]: what one page of a contact listing or search holds.

use ruut_api::types::{Contact, ContactList, ContactSearchResult};

use crate::pagination::{self, CONTACTS_PER_PAGE, NumberedPage};

/// One page of contacts, from a listing ([`ContactQuery::send`](crate::ContactQuery::send))
/// or a search ([`ContactSearchQuery::send`](crate::ContactSearchQuery::send)).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ContactPage {
    /// The contacts on this page (at most 15).
    pub contacts: Vec<Contact>,
    /// How many contacts the listing holds in all, when the server says: a
    /// listing does, a search does not (its count is the page's).
    pub total: Option<i64>,
    /// The number of the next page, or `None` when this one is the last.
    pub next_page: Option<i64>,
}

impl ContactPage {
    /// Page `page` of a listing: a short page is the last.
    pub(crate) fn listed(page: i64, list: ContactList) -> Self {
        Self {
            next_page: pagination::next_page(page, list.payload.len(), CONTACTS_PER_PAGE),
            total: list.meta.count,
            contacts: list.payload,
        }
    }

    /// Page `page` of a search: `has_more` is the server's word; without it, a
    /// short page is the last.
    pub(crate) fn found(page: i64, result: ContactSearchResult) -> Self {
        let contacts = result.payload;
        let next_page = match result.meta.has_more {
            Some(true) if !contacts.is_empty() => Some(page + 1),
            Some(_) => None,
            None => pagination::next_page(page, contacts.len(), CONTACTS_PER_PAGE),
        };
        Self {
            contacts,
            total: None,
            next_page,
        }
    }
}

impl NumberedPage for ContactPage {
    type Item = Contact;

    fn first_id(&self) -> Option<i64> {
        self.contacts.first().map(|contact| contact.id)
    }

    fn into_parts(self) -> (Vec<Contact>, Option<i64>) {
        (self.contacts, self.next_page)
    }
}
