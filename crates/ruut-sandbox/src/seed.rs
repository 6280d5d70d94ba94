//! Deterministic seed data: the same seed always gives the same records.
//!
//! The layout (which ids exist, and which conversation is in which special
//! state) is fixed, so tests can rely on [`SeedInfo`]; the seed varies names,
//! contents, the statuses and assignees of the ordinary conversations, and
//! message counts. Times are fixed offsets from a fixed base (November 2025),
//! except that timed snoozes are far in the future (2100) and the expired one
//! is in the past, whatever the wall clock says.

use ruut_api::enums::{ConversationPriority, ConversationStatus};

pub use crate::seed_info::SeedInfo;

use crate::inbox_config::InboxSettings;
use crate::notes::Note;
use crate::state::{
    Account, AssigneeRef, Attrs, Bot, Contact, Conversation, Inbox, Membership, Message, SenderRef,
    Store, Team, User,
};

/// The fixed base time of the seed data (2025-11-24T16:00:00Z).
const BASE: i64 = 1_764_000_000;
/// The time of the seeded future snoozes (2100-01-01T00:00:00Z).
pub const FUTURE_SNOOZE: i64 = 4_102_444_800;

const FIRST: &[&str] = &[
    "Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Luca",
    "Mina", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tariq",
];
const LAST: &[&str] = &[
    "Abara", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen",
    "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov",
];
const WORDS: &[&str] = &[
    "invoice", "refund", "password", "login", "shipping", "order", "delay", "upgrade", "plan",
    "billing", "error", "export", "thanks", "please", "account", "widget", "email", "urgent",
];
const LABELS: &[&str] = &["billing", "sales", "bug", "vip", "feedback"];

/// A tiny, dependency-free PRNG (SplitMix64): fast, and the same everywhere.
#[derive(Clone, Debug)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A UUID-shaped string.
    pub fn uuid(&mut self) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            0x8000 | ((b >> 48) & 0x3fff),
            b & 0xffff_ffff_ffff
        )
    }
}

/// Builds the seeded store and the ids that describe it.
pub(crate) fn build(seed: u64) -> (Store, SeedInfo) {
    let mut rng = SplitMix64::new(seed);
    let mut store = Store {
        next_message_id: 1,
        next_note_id: 1,
        ..Store::default()
    };

    for (id, name, domain) in [
        (1, "Acme Support", "support.acme.example"),
        (2, "Globex Sales", "sales.globex.example"),
        (3, "Initech", "help.initech.example"),
    ] {
        store.accounts.push(Account {
            id,
            name: name.to_owned(),
            locale: "en".to_owned(),
            domain: Some(domain.to_owned()),
            support_email: Some(format!("help@{domain}")),
            created_at: BASE - 86_400 * 300 + id * 86_400,
            next_display_id: 1,
            details: Default::default(),
        });
    }

    let user = |id: i64, name: String| User {
        email: format!("{}@ruut.example", name.to_lowercase().replace(' ', ".")),
        id,
        name,
        confirmed: true,
        details: Default::default(),
    };
    store.users.push(user(1, "Sandbox User".to_owned()));
    let mut availability = vec!["online"];
    for id in 2..=7 {
        let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        store.users.push(user(id, name));
        availability.push(*rng.pick(&["online", "offline", "busy"]));
    }
    let members = [
        (1, 1, "agent"),
        (1, 2, "administrator"),
        (2, 1, "administrator"),
        (3, 1, "agent"),
        (4, 1, "agent"),
        (5, 1, "agent"),
        (6, 2, "agent"),
        (7, 3, "administrator"),
    ];
    for (user_id, account_id, role) in members {
        store.memberships.push(Membership {
            user_id,
            account_id,
            role,
            availability: availability[(user_id - 1) as usize],
            auto_offline: true,
        });
    }
    store.bots.push(Bot {
        id: 1,
        account_id: Some(1),
        name: "Sandbox Bot".to_owned(),
        description: "Answers first, hands over to humans".to_owned(),
        outgoing_url: None,
        bot_config: Attrs::new(),
        // Replaced by the builder's bot token when the sandbox starts.
        access_token: String::new(),
        token_at: BASE - 86_400 * 200,
    });
    // A bot of the second account, where the token user is an administrator.
    store.bots.push(Bot {
        id: 3,
        account_id: Some(2),
        name: "Globex Bot".to_owned(),
        description: "Qualifies leads".to_owned(),
        outgoing_url: None,
        bot_config: Attrs::new(),
        access_token: crate::ids::new_token(),
        token_at: BASE - 86_400 * 200,
    });
    // A system bot (of no account), listed in every account.
    store.bots.push(Bot {
        id: 2,
        account_id: None,
        name: "Captain".to_owned(),
        description: "A system bot every account may use".to_owned(),
        outgoing_url: None,
        bot_config: Attrs::new(),
        access_token: crate::ids::new_token(),
        token_at: BASE - 86_400 * 200,
    });
    store.teams.push(Team {
        id: 1,
        account_id: 1,
        name: "billing".to_owned(),
        description: Some("Billing questions".to_owned()),
        member_ids: vec![1, 2],
        allow_auto_assign: true,
    });
    store.teams.push(Team {
        id: 2,
        account_id: 2,
        name: "sales".to_owned(),
        description: Some("Sales leads".to_owned()),
        member_ids: vec![6],
        allow_auto_assign: false,
    });
    // The inboxes' tokens come from their own generator, so that the rest of
    // the seeded data does not change with them.
    let mut tokens = SplitMix64::new(seed.rotate_left(17));
    for (id, account_id, name, channel_type, members) in [
        // The agents of the main account are members of its three inboxes
        // (administrators need no membership): an agent lists only the
        // conversations of its inboxes, and the seeded ones are in all three.
        (1, 1, "Website", "Channel::WebWidget", &[1, 3, 4, 5][..]),
        (2, 1, "API", "Channel::Api", &[1, 3, 4, 5][..]),
        (3, 1, "Email", "Channel::Email", &[1, 3, 4, 5][..]),
        (4, 2, "Globex Website", "Channel::WebWidget", &[6][..]),
        (5, 3, "Initech Website", "Channel::WebWidget", &[7][..]),
    ] {
        let mut settings = InboxSettings::new(id, || tokens.uuid().replace('-', ""));
        settings.member_ids = members.to_vec();
        store.inboxes.push(Inbox {
            id,
            account_id,
            name: name.to_owned(),
            channel_type,
            settings,
        });
    }

    // Contacts: 17 resolved + 3 unresolved in the main account, then 5 and 2.
    let mut contact_id = 0;
    for (account_id, resolved, unresolved, inboxes) in [
        (1, 17, 3, &[1, 2][..]),
        (2, 5, 0, &[4][..]),
        (3, 2, 0, &[5][..]),
    ] {
        for n in 0..resolved + unresolved {
            contact_id += 1;
            let (first, last) = (rng.pick(FIRST), rng.pick(LAST));
            let is_resolved = n < resolved;
            let email = is_resolved
                .then(|| format!("{}.{}{}@example.com", first, last, contact_id).to_lowercase());
            let phone = (is_resolved && rng.chance(60))
                .then(|| format!("+1555{:07}", rng.below(10_000_000)));
            let identifier = (is_resolved && rng.chance(30)).then(|| format!("crm-{contact_id}"));
            let inbox = *rng.pick(inboxes);
            store.contacts.push(Contact {
                id: contact_id,
                account_id,
                name: Some(format!("{first} {last}")),
                email,
                phone_number: phone,
                identifier,
                blocked: false,
                additional_attributes: Attrs::new(),
                custom_attributes: Attrs::new(),
                created_at: BASE - 86_400 * 30 + contact_id * 600,
                last_activity_at: Some(BASE + contact_id * 60),
                inboxes: vec![(inbox, rng.uuid())],
                labels: Vec::new(),
            });
        }
    }
    store.next_contact_id = contact_id + 1;
    let last = |ids: &mut dyn Iterator<Item = i64>| ids.max().unwrap_or(0);
    store.ids = crate::ids::Sequences::after(
        last(&mut store.bots.iter().map(|b| b.id)),
        last(&mut store.inboxes.iter().map(|i| i.id)),
    );
    seed_note(&mut store);

    seed_conversations(&mut store, &mut rng);
    let (config, config_ids) = crate::admin_seed::seeded(BASE - 86_400 * 7);
    store.config = config;
    let webhook_id = crate::account_webhooks::seed(&mut store, 2);
    let (macro_id, other_agent_macro_id) = crate::macros::seed(&mut store, 1, 1, 2);
    let automation_rule_id = crate::automation_rules::seed(&mut store, 2);
    crate::csat::seed(&mut store, 2);
    crate::audit::seed(&mut store, 2);
    let help_center = crate::help_center::seed(&mut store.help_center, 1, 2, 1, BASE);
    let [main_account_hook_id, hook_id] = crate::integrations::seed(&mut store, [1, 2]);

    let long = store.conversation(1, 1).map_or(0, |c| c.messages.len());
    let info = SeedInfo {
        seed,
        account_id: 1,
        second_account_id: 2,
        foreign_account_id: 3,
        user_id: 1,
        agent_ids: vec![2, 3, 4, 5],
        bot_id: 1,
        system_bot_id: 2,
        second_account_bot_id: 3,
        second_account_inbox_id: 4,
        team_id: 1,
        inbox_ids: vec![1, 2, 3],
        api_inbox_id: 2,
        contact_ids: (1..=20).collect(),
        resolved_contact_count: 17,
        taken_email: store
            .contact(1, 1)
            .and_then(|c| c.email.clone())
            .unwrap_or_default(),
        conversation_count: 45,
        open_conversation_id: 1,
        pending_conversation_id: 2,
        resolved_conversation_id: 3,
        snoozed_with_time_conversation_id: 4,
        snoozed_without_time_conversation_id: 5,
        expired_snooze_conversation_id: 6,
        locked_conversation_id: 7,
        bot_assigned_conversation_id: 8,
        long_conversation_id: 1,
        long_conversation_message_count: long,
        snoozed_until: FUTURE_SNOOZE,
        second_account_conversation_id: 1,
        note_id: 1,
        second_account_contact_id: store
            .contacts
            .iter()
            .find(|c| c.account_id == 2)
            .map_or(0, |c| c.id),
        canned_response_id: config_ids.canned_response,
        label_id: config_ids.label,
        second_account_label_id: config_ids.second_account_label,
        attribute_definition_id: config_ids.attribute_definition,
        custom_filter_id: config_ids.custom_filter,
        other_user_custom_filter_id: config_ids.other_user_custom_filter,
        webhook_id,
        macro_id,
        other_agent_macro_id,
        automation_rule_id,
        portal_slug: help_center.portal_slug,
        admin_portal_slug: help_center.admin_portal_slug,
        admin_category_id: help_center.admin_category_id,
        admin_article_id: help_center.admin_article_id,
        hook_id,
        main_account_hook_id,
    };
    (store, info)
}

/// Note 1, about contact 1, by the token user.
fn seed_note(store: &mut Store) {
    store.notes.push(Note {
        id: store.next_note_id,
        account_id: 1,
        contact_id: 1,
        user_id: Some(1),
        content: "Prefers e-mail; call only when urgent".to_owned(),
        created_at: BASE - 86_400,
        updated_at: BASE - 86_400,
    });
    store.next_note_id += 1;
}

/// The special conversations 1..=8 of the main account:
/// (status, snoozed_until, assignee, locked).
type Special = (&'static str, Option<i64>, Option<AssigneeRef>, bool);

const SPECIAL: [Special; 8] = [
    ("open", None, Some(AssigneeRef::User(1)), false),
    ("pending", None, None, false),
    ("resolved", None, Some(AssigneeRef::User(2)), false),
    (
        "snoozed",
        Some(FUTURE_SNOOZE),
        Some(AssigneeRef::User(1)),
        false,
    ),
    ("snoozed", None, None, false),
    (
        "snoozed",
        Some(BASE + 3_600),
        Some(AssigneeRef::User(3)),
        false,
    ),
    ("open", None, Some(AssigneeRef::User(3)), true),
    ("open", None, Some(AssigneeRef::Bot(1)), false),
];

fn seed_conversations(store: &mut Store, rng: &mut SplitMix64) {
    for (account_id, count, inboxes, agents) in [
        (1_i64, 45_i64, &[1_i64, 2, 3][..], &[1_i64, 2, 3, 4, 5][..]),
        (2, 6, &[4][..], &[1, 6][..]),
        (3, 2, &[5][..], &[7][..]),
    ] {
        let contacts: Vec<i64> = store
            .contacts
            .iter()
            .filter(|c| c.account_id == account_id && c.is_resolved())
            .map(|c| c.id)
            .collect();
        for n in 1..=count {
            let special = (account_id == 1)
                .then(|| SPECIAL.get((n - 1) as usize))
                .flatten();
            let (status, snoozed_until, assignee, locked) = match special {
                Some(s) => *s,
                None => random_state(rng, agents, account_id == 1),
            };
            let contact_id = *rng.pick(&contacts);
            let inbox_id = *rng.pick(inboxes);
            let created_at = BASE + account_id * 100_000 + n * 3_600 + rng.below(600) as i64;
            let messages = if account_id == 1 && n == 1 {
                45
            } else {
                1 + rng.below(5) as usize
            };
            let mut conversation = Conversation {
                account_id,
                display_id: n,
                uuid: rng.uuid(),
                inbox_id,
                contact_id,
                source_id: rng.uuid(),
                status: ConversationStatus::from(status),
                priority: rng.chance(40).then(|| {
                    ConversationPriority::from(*rng.pick(&["low", "medium", "high", "urgent"]))
                }),
                snoozed_until,
                created_at,
                updated_at: created_at as f64,
                last_activity_at: created_at,
                assignee,
                team_id: (account_id == 1 && rng.chance(30)).then_some(1),
                labels: (0..rng.below(3))
                    .map(|_| (*rng.pick(LABELS)).to_owned())
                    .collect(),
                locked,
                additional_attributes: Attrs::new(),
                custom_attributes: Attrs::new(),
                unread_count: rng.below(3) as i64,
                agent_last_seen_at: 0,
                contact_last_seen_at: created_at,
                first_reply_created_at: 0,
                waiting_since: created_at,
                messages: Vec::new(),
                status_log: Vec::new(),
                extra: Default::default(),
            };
            conversation.labels.sort();
            conversation.labels.dedup();
            for k in 0..messages {
                let at = created_at + 60 * k as i64 + 30;
                let id = store.take_message_id();
                let incoming = k % 2 == 0;
                let agent = match assignee {
                    Some(AssigneeRef::User(u)) => u,
                    _ => agents[0],
                };
                let words: Vec<&str> = (0..3 + rng.below(6)).map(|_| *rng.pick(WORDS)).collect();
                conversation.messages.push(Message {
                    id,
                    content: Some(format!("{} #{}", words.join(" "), k + 1)),
                    message_type: if incoming { 0 } else { 1 },
                    content_type: "text".to_owned(),
                    content_attributes: Attrs::new(),
                    private: !incoming && k % 7 == 5,
                    status: "sent",
                    created_at: at,
                    sender: Some(if incoming {
                        SenderRef::Contact(contact_id)
                    } else {
                        SenderRef::User(agent)
                    }),
                    source_id: None,
                    echo_id: None,
                });
                if !incoming && conversation.first_reply_created_at == 0 {
                    conversation.first_reply_created_at = at;
                }
                conversation.last_activity_at = at;
                conversation.updated_at = at as f64 + 0.25;
            }
            store.conversations.push(conversation);
        }
        if let Some(account) = store.accounts.iter_mut().find(|a| a.id == account_id) {
            account.next_display_id = count + 1;
        }
    }
}

fn random_state(rng: &mut SplitMix64, agents: &[i64], with_bot: bool) -> Special {
    let status = *rng.pick(&[
        "open", "open", "open", "pending", "resolved", "resolved", "snoozed",
    ]);
    let snoozed_until = (status == "snoozed" && rng.chance(50)).then_some(FUTURE_SNOOZE);
    let assignee = match rng.below(10) {
        0..=3 => Some(AssigneeRef::User(*rng.pick(agents))),
        4 if with_bot => Some(AssigneeRef::Bot(1)),
        _ => None,
    };
    (status, snoozed_until, assignee, false)
}
