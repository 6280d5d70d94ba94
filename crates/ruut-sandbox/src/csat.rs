//! CSAT survey responses: a customer's answer to the satisfaction survey,
//! kept with its conversation and survey message, and the few the seed
//! gives (`listCsatSurveyResponses`, `getCsatMetrics`).
//!
//! Chatwoot sends the survey as a template message (`content_type:
//! input_csat`) when a conversation is resolved, and records a
//! `CsatSurveyResponse` when the contact rates it; the seed does both for
//! every resolved conversation of the second account, right after its last
//! activity, so the metrics' sent and answered counts agree with the
//! conversations' messages.

use crate::state::{Attrs, Message, Store};

/// A customer's rating of a conversation.
#[derive(Clone, Debug)]
pub(crate) struct CsatResponse {
    pub id: i64,
    pub account_id: i64,
    /// The conversation's display id.
    pub conversation_id: i64,
    pub contact_id: i64,
    /// The survey message.
    pub message_id: i64,
    pub assigned_agent_id: Option<i64>,
    /// 1 to 5.
    pub rating: i64,
    pub feedback_message: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
}

/// What the survey message says (`csat_input_message_body` in en.yml).
const SURVEY_TEXT: &str = "Please rate the conversation";

/// Seeds a survey and its answer for each resolved conversation of
/// `account_id`: the rating and feedback follow from the display id.
pub(crate) fn seed(store: &mut Store, account_id: i64) {
    let resolved: Vec<usize> = (0..store.conversations.len())
        .filter(|&i| {
            let c = &store.conversations[i];
            c.account_id == account_id && c.status.as_str() == "resolved"
        })
        .collect();
    for index in resolved {
        let message_id = store.take_message_id();
        let c = &mut store.conversations[index];
        let sent_at = c.updated_at as i64 + 5;
        let rating = 5 - (c.display_id % 3);
        let feedback = (rating < 5).then(|| "Took a while, but solved".to_owned());
        let mut attributes = Attrs::new();
        attributes.insert(
            "submitted_values".to_owned(),
            serde_json::json!({"csat_survey_response": {"rating": rating, "feedback_message": feedback}}),
        );
        c.messages.push(Message {
            id: message_id,
            content: Some(SURVEY_TEXT.to_owned()),
            message_type: 3,
            content_type: "input_csat".to_owned(),
            content_attributes: attributes,
            private: false,
            status: "sent",
            created_at: sent_at,
            sender: None,
            source_id: None,
            echo_id: None,
        });
        let assigned_agent_id = match c.assignee {
            Some(crate::state::AssigneeRef::User(id)) => Some(id),
            _ => None,
        };
        let response = CsatResponse {
            id: store.csat.len() as i64 + 1,
            account_id,
            conversation_id: c.display_id,
            contact_id: c.contact_id,
            message_id,
            assigned_agent_id,
            rating,
            feedback_message: feedback,
            created_at: sent_at + 120,
        };
        store.csat.push(response);
    }
}
