//! The inbox, inbox member and agent bot calls of `html_404.rs`'s table.

use ruut_sdk::{Client, Operation};

use super::{Call, call};

/// Every inbox, inbox member and agent bot call, with the operation it sends.
pub fn calls(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    let inbox = move || client.inbox(1);
    let bot = move || client.agent_bot(1);
    vec![
        (
            "list_inboxes",
            Operation::ListInboxes,
            call(client.list_inboxes()),
        ),
        ("get_inbox", Operation::GetInbox, call(client.get_inbox(1))),
        (
            "create_inbox",
            Operation::CreateInbox,
            call(client.create_inbox("API").send()),
        ),
        (
            "inbox.update",
            Operation::UpdateInbox,
            call(async move { inbox().update().name("x").send().await }),
        ),
        (
            "inbox.delete",
            Operation::DeleteInbox,
            call(async move { inbox().delete().await }),
        ),
        (
            "inbox.assignable_agents",
            Operation::ListInboxAssignableAgents,
            call(async move { inbox().assignable_agents().await }),
        ),
        (
            "inbox.agent_bot",
            Operation::GetInboxAgentBot,
            call(async move { inbox().agent_bot().await }),
        ),
        (
            "inbox.set_agent_bot",
            Operation::SetInboxAgentBot,
            call(async move { inbox().set_agent_bot(None).await }),
        ),
        (
            "inbox.members",
            Operation::ListInboxMembers,
            call(async move { inbox().members().await }),
        ),
        (
            "inbox.add_members",
            Operation::AddInboxMembers,
            call(async move { inbox().add_members(&[2]).await }),
        ),
        (
            "inbox.set_members",
            Operation::SetInboxMembers,
            call(async move { inbox().set_members(&[2]).await }),
        ),
        (
            "inbox.remove_members",
            Operation::RemoveInboxMembers,
            call(async move { inbox().remove_members(&[2]).await }),
        ),
        (
            "list_agent_bots",
            Operation::ListAgentBots,
            call(client.list_agent_bots()),
        ),
        (
            "get_agent_bot",
            Operation::GetAgentBot,
            call(client.get_agent_bot(1)),
        ),
        (
            "create_agent_bot",
            Operation::CreateAgentBot,
            call(client.create_agent_bot().send()),
        ),
        (
            "agent_bot.update",
            Operation::UpdateAgentBot,
            call(async move { bot().update().name("x").send().await }),
        ),
        (
            "agent_bot.delete",
            Operation::DeleteAgentBot,
            call(async move { bot().delete().await }),
        ),
        (
            "agent_bot.reset_access_token",
            Operation::ResetAgentBotAccessToken,
            call(async move { bot().reset_access_token().await }),
        ),
    ]
}
