//! Which conversations a caller sees, as Chatwoot decides
//! (`Conversations::PermissionFilterService`, `ConversationPolicy#show?`):
//! an agent lists only the conversations of its inboxes and opens those and
//! its teams' conversations; an administrator sees the whole account.

mod sdk_support;

use futures::TryStreamExt;
use ruut_sandbox::Sandbox;
use ruut_sdk::types::ConversationStatusFilter;
use ruut_sdk::{Client, ErrorKind};
use sdk_support::client;

/// Every conversation the client lists, whatever its status.
async fn listed(client: &Client) -> Vec<i64> {
    let stream = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .stream();
    let all: Vec<_> = stream
        .try_collect()
        .await
        .expect("conversations are listed");
    all.iter().map(|c| c.id).collect()
}

/// An inbox of the main account whose only members are the other agents:
/// the token user (an agent there) is not one, as its own inbox list shows.
async fn foreign_inbox(sandbox: &Sandbox, agent: &Client) -> i64 {
    let seed = sandbox.seed_info();
    let others = seed
        .agent_ids
        .iter()
        .copied()
        .filter(|id| *id != seed.user_id);
    let inbox = sandbox.seed().inbox(seed.account_id).members(others);
    let inbox = inbox.create().expect("seeded");
    let mine = agent.list_inboxes().await.expect("inboxes are listed");
    assert!(
        mine.iter().all(|i| i.id != inbox),
        "the token user is not a member of inbox {inbox}"
    );
    inbox
}

#[tokio::test]
async fn an_agent_sees_its_inboxes_and_opens_its_teams_conversations() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let agent = client(&sandbox);
    let email = foreign_inbox(&sandbox, &agent).await;
    assert!(
        agent.get_inbox(email).await.is_err(),
        "nor may it read the inbox"
    );
    let before = listed(&agent).await;
    assert_eq!(
        before.len(),
        seed.conversation_count,
        "every seeded one is in the agent's inboxes"
    );

    let elsewhere = sandbox.seed().conversation(seed.account_id).inbox(email);
    let elsewhere = elsewhere.create().expect("seeded");
    let teams = sandbox.seed().conversation(seed.account_id).inbox(email);
    let teams = teams.team(seed.team_id).create().expect("seeded");

    // Listings: neither (a team does not widen them), the counts agreeing.
    let after = listed(&agent).await;
    assert_eq!(
        after, before,
        "the other inbox's conversations are not listed"
    );
    let counts = agent
        .conversations()
        .status(ConversationStatusFilter::All)
        .counts()
        .await
        .expect("counted");
    assert_eq!(counts.all_count as usize, before.len());
    let of_contact = agent.contact(elsewhere.contact_id).conversations().await;
    assert!(
        of_contact.expect("listed").is_empty(),
        "a contact's list is scoped too"
    );

    // One conversation: the team's opens; the other is Pundit's 401.
    let opened = agent
        .get_conversation(teams.id)
        .await
        .expect("a team member opens it");
    assert_eq!(opened.id, teams.id);
    let error = agent.get_conversation(elsewhere.id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Forbidden, "{error}");
    let messages = agent.conversation(elsewhere.id).messages().send().await;
    assert_eq!(messages.unwrap_err().kind(), ErrorKind::Forbidden);
    let missing = agent
        .get_conversation(elsewhere.id + 1000)
        .await
        .unwrap_err();
    assert_eq!(
        missing.kind(),
        ErrorKind::NotFound,
        "404 comes before the policy"
    );
}

#[tokio::test]
async fn an_administrator_sees_every_inbox() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let admin = client(&sandbox).with_account_id(seed.second_account_id);
    let mine = admin.list_inboxes().await.expect("inboxes are listed");
    let inbox = seed.second_account_inbox_id;
    assert!(
        mine.iter().any(|i| i.id == inbox),
        "an administrator lists every inbox"
    );

    let before = listed(&admin).await;
    let seeded = sandbox
        .seed()
        .conversation(seed.second_account_id)
        .inbox(inbox);
    let seeded = seeded.create().expect("seeded");
    let after = listed(&admin).await;
    assert_eq!(after.len(), before.len() + 1);
    assert!(after.contains(&seeded.id));
    let opened = admin.get_conversation(seeded.id).await.expect("opened");
    assert_eq!(opened.id, seeded.id);
}
