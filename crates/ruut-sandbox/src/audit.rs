//! Audit logs (Chatwoot Enterprise's `audits` associated with an account),
//! for `listAuditLogs`.
//!
//! None of the sandbox's routes changes a record Chatwoot audits with the
//! account yet (the account itself, inboxes, teams, webhooks, automation
//! rules, macros, memberships), so the sandbox records none of its own
//! changes: the seed gives the second account two entries, the account's
//! rename and the creation of its team, built from those records.

use serde_json::{Value, json};

use crate::state::Store;

/// One recorded change.
#[derive(Clone, Debug)]
pub(crate) struct AuditLog {
    pub id: i64,
    /// The account it is associated with.
    pub account_id: i64,
    pub auditable_type: &'static str,
    pub auditable_id: i64,
    pub user_id: i64,
    pub action: &'static str,
    pub audited_changes: Value,
    pub created_at: i64,
}

impl AuditLog {
    /// As `audit_logs/show.json.jbuilder` renders it.
    pub fn json(&self, store: &Store) -> Value {
        let auditable = match self.auditable_type {
            "Team" => store
                .team(self.account_id, self.auditable_id)
                .map(|t| json!({"id": t.id, "name": t.name})),
            _ => None,
        };
        json!({
            "id": self.id,
            "auditable_id": self.auditable_id,
            "auditable_type": self.auditable_type,
            "auditable": auditable,
            "associated_id": self.account_id,
            "associated_type": "Account",
            "user_id": self.user_id,
            "user_type": "User",
            "username": store.user(self.user_id).map(|u| u.email.clone()),
            "action": self.action,
            "audited_changes": self.audited_changes,
            "version": 1,
            "comment": null,
            "request_uuid": format!("00000000-0000-4000-8000-{:012x}", self.id),
            "created_at": self.created_at,
            "remote_address": "127.0.0.1",
        })
    }
}

/// Seeds the account's rename and its first team's creation, by its first
/// administrator, after the account was created.
pub(crate) fn seed(store: &mut Store, account_id: i64) {
    let Some(account) = store.account(account_id).cloned() else {
        return;
    };
    let Some(admin) = store
        .memberships
        .iter()
        .find(|m| m.account_id == account_id && m.role == "administrator")
        .map(|m| m.user_id)
    else {
        return;
    };
    let old_name = account
        .name
        .split(' ')
        .next()
        .unwrap_or_default()
        .to_owned();
    let mut logs = vec![AuditLog {
        id: 0,
        account_id,
        auditable_type: "Account",
        auditable_id: account_id,
        user_id: admin,
        action: "update",
        audited_changes: json!({"name": [old_name, account.name]}),
        created_at: account.created_at + 3_600,
    }];
    if let Some(team) = store.teams.iter().find(|t| t.account_id == account_id) {
        logs.push(AuditLog {
            id: 0,
            account_id,
            auditable_type: "Team",
            auditable_id: team.id,
            user_id: admin,
            action: "create",
            audited_changes: json!({
                "name": team.name, "description": team.description,
                "account_id": account_id, "allow_auto_assign": true,
            }),
            created_at: account.created_at + 7_200,
        });
    }
    for mut log in logs {
        log.id = store.audit_logs.len() as i64 + 1;
        store.audit_logs.push(log);
    }
}
