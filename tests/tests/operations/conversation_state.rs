//! A conversation's state for the people on it: muted, read or unread, its
//! e-mailed transcript, and its participants.

use std::sync::Arc;

use ruut_api::enums::ConversationStatus;
use ruut_api::types::{ParticipantsRequest, TranscriptRequest};

use crate::Operation;
use crate::table::{Entry, World, call, job, sdk};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::MuteConversation, |w| job(mute(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .mute()))
            .call(call!(|api, ids| api
                .mute_conversation()
                .account_id(ids.account)
                .conversation_id(ids.conversation))),
        Entry::new(Operation::UnmuteConversation, |w| job(mute(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .unmute()))
            .call(call!(|api, ids| api
                .unmute_conversation()
                .account_id(ids.account)
                .conversation_id(ids.conversation))),
        Entry::new(Operation::MarkConversationUnread, |w| job(read_state(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .mark_unread()))
            .call(call!(|api, ids| api
                .mark_conversation_unread()
                .account_id(ids.account)
                .conversation_id(ids.conversation))),
        Entry::new(Operation::UpdateConversationLastSeen, |w| {
            job(read_state(w))
        })
        .sdk(sdk!(|client, ids| client
            .conversation(ids.conversation)
            .mark_read()))
        .call(call!(|api, ids| api
            .update_conversation_last_seen()
            .account_id(ids.account)
            .conversation_id(ids.conversation))),
        Entry::new(Operation::SendConversationTranscript, |w| {
            job(transcript(w))
        })
        .sdk(sdk!(|client, ids| client
            .conversation(ids.conversation)
            .send_transcript("customer@example.com")))
        .call(call!(|api, ids| api
            .send_conversation_transcript()
            .account_id(ids.account)
            .conversation_id(ids.conversation)
            .body(to("customer@example.com"))))
        .rejects("a blank e-mail address", r#"{"email":"  "}"#)
        .saying("email param missing"),
        Entry::new(Operation::ListConversationParticipants, |w| {
            job(participants(w))
        })
        .sdk(sdk!(|client, ids| client
            .conversation(ids.conversation)
            .participants()))
        .call(call!(|api, ids| api
            .list_conversation_participants()
            .account_id(ids.account)
            .conversation_id(ids.conversation))),
        Entry::new(Operation::AddConversationParticipants, |w| {
            job(participants(w))
        })
        .sdk(sdk!(|client, ids| client
            .conversation(ids.conversation)
            .add_participants(&[ids.agent])))
        .call(call!(|api, ids| api
            .add_conversation_participants()
            .account_id(ids.account)
            .conversation_id(ids.conversation)
            .body(agents(&[ids.agent]))))
        .rejects("no user ids", "{}"),
        Entry::new(Operation::UpdateConversationParticipants, |w| {
            job(participants(w))
        })
        .sdk(sdk!(|client, ids| client
            .conversation(ids.conversation)
            .set_participants(&[ids.agent])))
        .call(call!(|api, ids| api
            .update_conversation_participants()
            .account_id(ids.account)
            .conversation_id(ids.conversation)
            .body(agents(&[ids.agent]))))
        .rejects("user ids that are not numbers", r#"{"user_ids":["seven"]}"#),
        Entry::new(Operation::RemoveConversationParticipants, |w| {
            job(participants(w))
        })
        .sdk(sdk!(|client, ids| client
            .conversation(ids.conversation)
            .remove_participants(&[ids.agent])))
        .call(call!(|api, ids| api
            .remove_conversation_participants()
            .account_id(ids.account)
            .conversation_id(ids.conversation)
            .user_ids(vec![ids.agent])))
        .rejects("a user id that is not a number", "?user_ids[]=seven"),
    ]
}

fn to(email: &str) -> TranscriptRequest {
    TranscriptRequest {
        email: email.into(),
    }
}

fn agents(ids: &[i64]) -> ParticipantsRequest {
    ParticipantsRequest {
        user_ids: ids.to_vec(),
    }
}

async fn mute(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.open_conversation_id);
    let read = || {
        w.api
            .get_conversation()
            .account_id(account)
            .conversation_id(id)
            .send()
    };
    let mute = w
        .api
        .mute_conversation()
        .account_id(account)
        .conversation_id(id);
    mute.send().await.expect("muted");
    let muted = read().await.expect("read");
    assert_eq!(
        (muted.muted, muted.status.clone()),
        (Some(true), ConversationStatus::Resolved)
    );
    let unmute = w
        .api
        .unmute_conversation()
        .account_id(account)
        .conversation_id(id);
    unmute.send().await.expect("unmuted");
    assert_eq!(read().await.expect("read").muted, Some(false));
}

async fn read_state(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.long_conversation_id);
    let read = w
        .api
        .update_conversation_last_seen()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("marked read");
    assert_eq!(read.unread_count, 0);
    let unread = w
        .api
        .mark_conversation_unread()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("marked unread");
    assert_eq!(unread.unread_count, 1);
    assert!(unread.agent_last_seen_at < read.agent_last_seen_at);
}

async fn transcript(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.open_conversation_id);
    w.api
        .send_conversation_transcript()
        .account_id(account)
        .conversation_id(id)
        .body(to("customer@example.com"))
        .send()
        .await
        .expect("queued");
    let sent = w.sandbox.transcripts();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].email, "customer@example.com");
}

async fn participants(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.open_conversation_id);
    let [a, b] = [w.seed.agent_ids[0], w.seed.agent_ids[1]];
    let ids = |list: ruut_api::types::ParticipantList| -> Vec<i64> {
        list.0.iter().map(|agent| agent.id).collect()
    };
    let added = w
        .api
        .add_conversation_participants()
        .account_id(account)
        .conversation_id(id)
        .body(agents(&[a, b]))
        .send()
        .await
        .expect("added");
    assert_eq!(ids(added.into_inner()), [a, b]);
    let set = w
        .api
        .update_conversation_participants()
        .account_id(account)
        .conversation_id(id)
        .body(agents(&[b]))
        .send()
        .await
        .expect("set");
    assert_eq!(ids(set.into_inner()), [b]);
    w.api
        .remove_conversation_participants()
        .account_id(account)
        .conversation_id(id)
        .user_ids(vec![b])
        .send()
        .await
        .expect("removed");
    let listed = w
        .api
        .list_conversation_participants()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("listed");
    assert!(ids(listed.into_inner()).is_empty());
}
