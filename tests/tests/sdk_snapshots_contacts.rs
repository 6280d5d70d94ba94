//! The exact requests the SDK's contact helpers send (`ContactHandle` and
//! `Client::merge_contacts`), as the sandbox recorded them: method, path,
//! query, headers (the token redacted, `host` left out) and body. A change
//! here is a change on the wire; review it.

mod sdk_support;

use ruut_sandbox::Sandbox;
use sdk_support::{client, sent};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

#[tokio::test]
async fn contact_details_labels_and_inboxes() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let contact = client(&sandbox).contact(seed.contact_ids[1]);
    contact
        .update()
        .name("Grace Hopper")
        .email("grace@example.com")
        .phone_number("+15550199")
        .identifier("crm-grace")
        .blocked(false)
        .avatar_url("https://example.com/grace.png")
        .custom_attribute("plan", "gold")
        .additional_attribute("city", "Arlington")
        .send()
        .await
        .unwrap();
    contact.remove_custom_attributes(["plan"]).await.unwrap();
    contact.set_labels(["vip", "billing"]).await.unwrap();
    contact.labels().await.unwrap();
    contact.conversations().await.unwrap();
    contact.contactable_inboxes().await.unwrap();
    contact
        .add_inbox(seed.api_inbox_id)
        .source_id("crm-grace")
        .hmac_verified(true)
        .send()
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn contact_notes_merge_and_delete() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    let contact = client.contact(seed.contact_ids[0]);
    contact.notes().await.unwrap();
    let note = contact.add_note("Prefers e-mail").await.unwrap();
    contact
        .update_note(note.id, "Prefers phone calls")
        .await
        .unwrap();
    contact.delete_note(note.id).await.unwrap();
    client
        .merge_contacts(seed.contact_ids[0], seed.contact_ids[1])
        .await
        .unwrap();
    client
        .with_account_id(seed.second_account_id)
        .contact(seed.second_account_contact_id)
        .delete()
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}
