//! The seeded configuration records of [`crate::admin_config`]: canned
//! responses and labels of the main and the second account. The account
//! labels of the main account are the free-string labels its seeded
//! conversations carry.

use crate::admin_config::{AdminConfig, CannedResponse, Kind, Label};

/// The ids [`seeded`] gives the records tests rely on.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SeededIds {
    /// A canned response of the main account.
    pub canned_response: i64,
    /// A label of the main account.
    pub label: i64,
    /// A label of the second account.
    pub second_account_label: i64,
}

/// The configuration records of the seed, made at `at` (Unix seconds).
pub(crate) fn seeded(at: i64) -> (AdminConfig, SeededIds) {
    let mut config = AdminConfig::default();
    let canned = |config: &mut AdminConfig, account_id: i64, short_code: &str, content: &str| {
        let id = config.take_id(Kind::CannedResponse);
        config.canned_responses.push(CannedResponse {
            id,
            account_id,
            short_code: short_code.to_owned(),
            content: content.to_owned(),
            created_at: at,
            updated_at: at,
        });
        id
    };
    let canned_response = canned(&mut config, 1, "refund", "Your refund is on its way.");
    canned(
        &mut config,
        1,
        "greeting",
        "Hello! How can I help you today?",
    );
    canned(&mut config, 2, "pricing", "Our plans start at $10 a month.");

    let label = |config: &mut AdminConfig, account_id: i64, title: &str, color: &str| {
        let id = config.take_id(Kind::Label);
        config.labels.push(Label {
            id,
            account_id,
            title: title.to_owned(),
            description: Some(format!("Conversations about {title}")),
            color: color.to_owned(),
            show_on_sidebar: Some(true),
        });
        id
    };
    let first = label(&mut config, 1, "billing", "#1f93ff");
    for (title, color) in [
        ("bug", "#ff4f4f"),
        ("feedback", "#7a5af8"),
        ("sales", "#44ce4b"),
        ("vip", "#f5a623"),
    ] {
        label(&mut config, 1, title, color);
    }
    let second_account_label = label(&mut config, 2, "lead", "#44ce4b");
    let ids = SeededIds {
        canned_response,
        label: first,
        second_account_label,
    };
    (config, ids)
}
