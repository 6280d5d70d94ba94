//! Sets up an account for a support team from a small declarative file, and
//! does it idempotently: a second run changes nothing and says so.
//!
//! ```text
//! cargo run -p ruut-sdk --example provision
//! RUUT_API_TOKEN=... RUUT_ACCOUNT_ID=... cargo run -p ruut-sdk --example provision -- my-team.yaml
//! ```
//!
//! The file (`provision.yaml` beside this example is the sample) names agents,
//! a team and its members, an agent bot, an API inbox routed to that bot with
//! its members, labels, canned responses and a webhook. Each run reads what the
//! account has, changes only what differs from the file (creating what is
//! missing, updating what has other values), prints every change, and never
//! deletes: what the account has beyond the file is left alone.
//!
//! Without `RUUT_API_TOKEN` it runs against the sandbox (an in-memory Ruut
//! server) in this process, twice, to show that the second run is a no-op; in
//! the sandbox's second account, where its user is an administrator. With
//! it, it runs once against that server; the token must be an administrator's.

use std::collections::BTreeSet;

use ruut_sdk::enums::{UserRole, WebhookEventName};
use ruut_sdk::{Client, ENV_API_TOKEN};
use serde::Deserialize;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The sample file, used when no file is given.
pub const SAMPLE: &str = include_str!("provision.yaml");

/// What the account should have.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub agents: Vec<AgentPlan>,
    pub team: TeamPlan,
    pub agent_bot: BotPlan,
    pub inbox: InboxPlan,
    pub labels: Vec<LabelPlan>,
    pub canned_responses: Vec<CannedPlan>,
    pub webhook: WebhookPlan,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentPlan {
    pub name: String,
    pub email: String,
    pub role: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamPlan {
    pub name: String,
    pub description: String,
    /// Agents' e-mail addresses.
    pub members: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BotPlan {
    pub name: String,
    pub description: String,
    pub outgoing_url: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InboxPlan {
    pub name: String,
    pub webhook_url: String,
    /// The agent bot's name.
    pub agent_bot: String,
    /// Agents' e-mail addresses.
    pub members: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelPlan {
    pub title: String,
    pub color: String,
    pub description: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CannedPlan {
    pub short_code: String,
    pub content: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookPlan {
    pub url: String,
    pub subscriptions: Vec<String>,
}

impl Plan {
    /// Reads a plan from YAML.
    pub fn parse(yaml: &str) -> Result<Plan> {
        Ok(yaml_serde::from_str(yaml)?)
    }

    /// What the file must hold together, checked before anything is changed:
    /// every member is one of the file's agents, and the inbox names the
    /// file's agent bot.
    pub fn check(&self) -> Result<()> {
        let members = self.team.members.iter().chain(&self.inbox.members);
        for email in members {
            if !self
                .agents
                .iter()
                .any(|a| a.email.eq_ignore_ascii_case(email))
            {
                return Err(format!("{email} is not one of the file's agents").into());
            }
        }
        if self.inbox.agent_bot != self.agent_bot.name {
            return Err(format!(
                "the inbox names agent bot {:?}, the file's is {:?}",
                self.inbox.agent_bot, self.agent_bot.name
            )
            .into());
        }
        Ok(())
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let plan = match std::env::args().nth(1) {
        Some(path) => Plan::parse(&std::fs::read_to_string(&path)?)?,
        None => Plan::parse(SAMPLE)?,
    };
    if std::env::var_os(ENV_API_TOKEN).is_some() {
        let client = Client::from_env()?;
        println!("Provisioning account on {}", client.base_url());
        report(&apply(&client, &plan).await?);
        return Ok(());
    }
    let sandbox = ruut_sandbox::Sandbox::start().await?;
    println!(
        "No {ENV_API_TOKEN} set: provisioning a sandbox at {}",
        sandbox.base_url()
    );
    let client = Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(sandbox.seed_info().second_account_id)
        .build()?;
    for run in ["First run", "Second run"] {
        println!("\n{run}:");
        report(&apply(&client, &plan).await?);
    }
    sandbox.shutdown().await;
    Ok(())
}

fn report(changes: &[String]) {
    if changes.is_empty() {
        println!("  nothing to change: the account already matches the file");
    } else {
        for change in changes {
            println!("  {change}");
        }
        println!("  {} change(s)", changes.len());
    }
}

/// Makes the account match `plan`; returns the changes made, one line each,
/// in the order they were made (empty when the account already matched).
pub async fn apply(client: &Client, plan: &Plan) -> Result<Vec<String>> {
    plan.check()?;
    let mut changes = Vec::new();
    let agents = agents(client, &plan.agents, &mut changes).await?;
    let ids = |emails: &[String]| -> Result<BTreeSet<i64>> {
        emails
            .iter()
            .map(|email| {
                agents
                    .iter()
                    .find(|(e, _)| e.eq_ignore_ascii_case(email))
                    .map(|(_, id)| *id)
                    .ok_or_else(|| format!("{email} is not one of the file's agents").into())
            })
            .collect()
    };
    let bot = agent_bot(client, &plan.agent_bot, &mut changes).await?;
    inbox(
        client,
        &plan.inbox,
        bot,
        ids(&plan.inbox.members)?,
        &mut changes,
    )
    .await?;
    team(client, &plan.team, ids(&plan.team.members)?, &mut changes).await?;
    labels(client, &plan.labels, &mut changes).await?;
    canned_responses(client, &plan.canned_responses, &mut changes).await?;
    webhook(client, &plan.webhook, &mut changes).await?;
    Ok(changes)
}

/// The file's agents, created or updated; their `(email, id)`.
async fn agents(
    client: &Client,
    plan: &[AgentPlan],
    changes: &mut Vec<String>,
) -> Result<Vec<(String, i64)>> {
    let existing = client.list_agents().await?;
    let mut ids = Vec::new();
    for want in plan {
        let role = UserRole::from(want.role.as_str());
        let found = existing
            .iter()
            .find(|a| a.email.eq_ignore_ascii_case(&want.email));
        let id = match found {
            None => {
                let agent = client
                    .create_agent(&want.name, &want.email)
                    .role(role)
                    .send()
                    .await?;
                changes.push(format!("created agent {} ({})", want.email, want.role));
                agent.id
            }
            Some(agent) if agent.name != want.name || agent.role.as_ref() != Some(&role) => {
                client
                    .agent(agent.id)
                    .update()
                    .name(&want.name)
                    .role(role)
                    .send()
                    .await?;
                changes.push(format!("updated agent {}: name and role", want.email));
                agent.id
            }
            Some(agent) => agent.id,
        };
        ids.push((want.email.clone(), id));
    }
    Ok(ids)
}

/// The agent bot, created or updated; its id.
async fn agent_bot(client: &Client, want: &BotPlan, changes: &mut Vec<String>) -> Result<i64> {
    let bots = client.list_agent_bots().await?;
    let found = bots
        .iter()
        .find(|b| b.name.as_deref() == Some(want.name.as_str()));
    match found {
        None => {
            let bot = client
                .create_agent_bot()
                .name(&want.name)
                .description(&want.description)
                .outgoing_url(&want.outgoing_url)
                .send()
                .await?;
            changes.push(format!("created agent bot {}", want.name));
            Ok(bot.id)
        }
        Some(bot)
            if bot.description.as_deref() != Some(want.description.as_str())
                || bot.outgoing_url.as_deref() != Some(want.outgoing_url.as_str()) =>
        {
            client
                .agent_bot(bot.id)
                .update()
                .description(&want.description)
                .outgoing_url(&want.outgoing_url)
                .send()
                .await?;
            changes.push(format!(
                "updated agent bot {}: description and URL",
                want.name
            ));
            Ok(bot.id)
        }
        Some(bot) => Ok(bot.id),
    }
}

/// The API inbox, routed to the bot, with its members.
async fn inbox(
    client: &Client,
    want: &InboxPlan,
    bot: i64,
    members: BTreeSet<i64>,
    changes: &mut Vec<String>,
) -> Result<()> {
    let inboxes = client.list_inboxes().await?;
    let id = match inboxes.iter().find(|i| i.name == want.name) {
        None => {
            let inbox = client
                .create_inbox(&want.name)
                .webhook_url(&want.webhook_url)
                .send()
                .await?;
            changes.push(format!("created API inbox {}", want.name));
            inbox.id
        }
        Some(inbox) if inbox.webhook_url.as_deref() != Some(want.webhook_url.as_str()) => {
            client
                .inbox(inbox.id)
                .update()
                .webhook_url(&want.webhook_url)
                .send()
                .await?;
            changes.push(format!("updated inbox {}: webhook URL", want.name));
            inbox.id
        }
        Some(inbox) => inbox.id,
    };
    let inbox = client.inbox(id);
    if inbox.agent_bot().await?.map(|b| b.id) != Some(bot) {
        inbox.set_agent_bot(Some(bot)).await?;
        changes.push(format!(
            "routed inbox {} to agent bot {}",
            want.name, want.agent_bot
        ));
    }
    let has: BTreeSet<i64> = inbox.members().await?.iter().map(|m| m.id).collect();
    let missing: Vec<i64> = members.difference(&has).copied().collect();
    if !missing.is_empty() {
        inbox.add_members(&missing).await?;
        changes.push(format!(
            "added {} member(s) to inbox {}",
            missing.len(),
            want.name
        ));
    }
    Ok(())
}

/// The team (Chatwoot keeps team names in lower case), with its members.
async fn team(
    client: &Client,
    want: &TeamPlan,
    members: BTreeSet<i64>,
    changes: &mut Vec<String>,
) -> Result<()> {
    let teams = client.list_teams().await?;
    let found = teams
        .iter()
        .find(|t| t.name.eq_ignore_ascii_case(&want.name));
    let id = match found {
        None => {
            let team = client
                .create_team(&want.name)
                .description(&want.description)
                .send()
                .await?;
            changes.push(format!("created team {}", want.name));
            team.id
        }
        Some(team) if team.description.as_deref() != Some(want.description.as_str()) => {
            client
                .team(team.id)
                .update()
                .description(&want.description)
                .send()
                .await?;
            changes.push(format!("updated team {}: description", want.name));
            team.id
        }
        Some(team) => team.id,
    };
    let team = client.team(id);
    let has: BTreeSet<i64> = team.members().await?.iter().map(|m| m.id).collect();
    let missing: Vec<i64> = members.difference(&has).copied().collect();
    if !missing.is_empty() {
        team.add_members(&missing).await?;
        changes.push(format!(
            "added {} member(s) to team {}",
            missing.len(),
            want.name
        ));
    }
    Ok(())
}

/// The account's labels (Chatwoot keeps titles in lower case).
async fn labels(client: &Client, plan: &[LabelPlan], changes: &mut Vec<String>) -> Result<()> {
    let existing = client.list_labels().await?;
    for want in plan {
        let found = existing
            .iter()
            .find(|l| l.title.eq_ignore_ascii_case(&want.title));
        match found {
            None => {
                client
                    .create_label(&want.title)
                    .color(&want.color)
                    .description(&want.description)
                    .send()
                    .await?;
                changes.push(format!("created label {}", want.title));
            }
            Some(label)
                if !label.color.eq_ignore_ascii_case(&want.color)
                    || label.description.as_deref() != Some(want.description.as_str()) =>
            {
                client
                    .label(label.id)
                    .update()
                    .color(&want.color)
                    .description(&want.description)
                    .send()
                    .await?;
                changes.push(format!(
                    "updated label {}: color and description",
                    want.title
                ));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// The canned responses, by short code.
async fn canned_responses(
    client: &Client,
    plan: &[CannedPlan],
    changes: &mut Vec<String>,
) -> Result<()> {
    let existing = client.list_canned_responses().await?;
    for want in plan {
        match existing.iter().find(|c| c.short_code == want.short_code) {
            None => {
                client
                    .create_canned_response(&want.short_code, &want.content)
                    .await?;
                changes.push(format!("created canned response {}", want.short_code));
            }
            Some(canned) if canned.content != want.content => {
                client
                    .canned_response(canned.id)
                    .update()
                    .content(&want.content)
                    .send()
                    .await?;
                changes.push(format!("updated canned response {}", want.short_code));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// The webhook, by URL, with exactly the file's subscriptions.
async fn webhook(client: &Client, want: &WebhookPlan, changes: &mut Vec<String>) -> Result<()> {
    let events: Vec<WebhookEventName> = want
        .subscriptions
        .iter()
        .map(|e| WebhookEventName::from(e.as_str()))
        .collect();
    let wanted: BTreeSet<&str> = events.iter().map(WebhookEventName::as_str).collect();
    let webhooks = client.list_webhooks().await?;
    match webhooks.iter().find(|w| w.url == want.url) {
        None => {
            client
                .create_webhook(&want.url)
                .subscribe_all(events)
                .send()
                .await?;
            changes.push(format!("registered webhook {}", want.url));
        }
        Some(hook) => {
            let has: BTreeSet<&str> = hook
                .subscriptions
                .iter()
                .map(WebhookEventName::as_str)
                .collect();
            if has != wanted {
                client
                    .webhook(hook.id)
                    .update()
                    .subscriptions(events)
                    .send()
                    .await?;
                changes.push(format!("updated webhook {}: subscriptions", want.url));
            }
        }
    }
    Ok(())
}
