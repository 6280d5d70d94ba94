//! The command line, as clap sees it: global options and every intent command.
//! The generated `ruut api <operation>` commands are added to this tree at run
//! time (see [`crate::api`]).

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::exit::EXIT_CODES_HELP;

/// `ruut`: look at and move Ruut conversations and contacts from a shell.
///
/// The client reads RUUT_API_TOKEN, RUUT_BASE_URL and RUUT_ACCOUNT_ID, as the
/// SDK does; a named profile (`ruut auth login`, `--profile`) supplies what
/// the environment does not.
#[derive(Debug, Parser)]
#[command(name = "ruut", version, after_help = EXIT_CODES_HELP, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// The named profile to read settings from (default: `default`).
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "RUUT_PROFILE",
        value_name = "NAME"
    )]
    pub profile: Option<String>,
    /// Output format: a table on a terminal, JSON (JSON Lines for listings) otherwise.
    #[arg(
        long,
        short = 'o',
        global = true,
        help_heading = "Global options",
        value_enum,
        value_name = "FORMAT"
    )]
    pub output: Option<Format>,
    /// The server's address (overrides RUUT_BASE_URL and the profile).
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "URL"
    )]
    pub base_url: Option<String>,
    /// The account id (overrides RUUT_ACCOUNT_ID and the profile).
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "ID"
    )]
    pub account: Option<i64>,
    /// Trace each request on stderr (the token is never shown).
    #[arg(long, short = 'v', global = true, help_heading = "Global options")]
    pub verbose: bool,
}

/// How results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Pretty JSON for one item, JSON Lines (one item a line) for listings.
    Json,
    /// YAML; listings as one document per item.
    Yaml,
    /// A table for people.
    Table,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List conversations.
    Conversations {
        #[command(subcommand)]
        command: ConversationsCommand,
    },
    /// Act on one conversation.
    Conversation(ConversationArgs),
    /// List, search, show, create, update and merge contacts.
    Contacts {
        #[command(subcommand)]
        command: ContactsCommand,
    },
    /// A conversation's messages.
    Messages {
        #[command(subcommand)]
        command: MessagesCommand,
    },
    /// The account's agents.
    Agents {
        #[command(subcommand)]
        command: AccountListCommand,
    },
    /// The account's teams.
    Teams {
        #[command(subcommand)]
        command: AccountListCommand,
    },
    /// The account's inboxes (an agent sees those they are a member of).
    Inboxes {
        #[command(subcommand)]
        command: AccountListCommand,
    },
    /// Check what stands between this client and the server, one line per check.
    Doctor,
    /// Store a token in a profile, or show which account it reaches.
    Auth {
        #[command(subcommand)]
        command: AuthCommand,
    },
    /// Run the local sandbox server (in-memory, with seeded data) until Ctrl-C.
    Sandbox(SandboxArgs),
    /// Receive webhook deliveries locally.
    Webhooks {
        #[command(subcommand)]
        command: WebhooksCommand,
    },
    /// Call any operation of the API directly (generated from the OpenAPI spec).
    Api,
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

/// How much of a listing to fetch.
#[derive(Debug, Args, Clone, Copy)]
pub struct Paging {
    /// Fetch every page, streaming items as they arrive.
    #[arg(long, conflicts_with = "page")]
    pub all: bool,
    /// Stop after this many items (across pages with --all).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// The page to fetch (1 is the first).
    #[arg(long, value_name = "N")]
    pub page: Option<i64>,
}

/// `ruut agents|teams|inboxes ...`: the account's records of one kind.
#[derive(Debug, Subcommand)]
pub enum AccountListCommand {
    /// List them (the server sends them all at once: no pages).
    List {
        /// Print at most this many.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
}

/// `ruut conversations ...`
#[derive(Debug, Subcommand)]
pub enum ConversationsCommand {
    /// List conversations (one page unless --all).
    List {
        /// open, resolved, pending, snoozed or all (the server's default: open).
        #[arg(long)]
        status: Option<String>,
        /// me, unassigned, all or assigned.
        #[arg(long)]
        assignee: Option<String>,
        /// Only this inbox.
        #[arg(long, value_name = "ID")]
        inbox: Option<i64>,
        /// Only this team.
        #[arg(long, value_name = "ID")]
        team: Option<i64>,
        /// Only conversations with this label (repeatable).
        #[arg(long = "label", value_name = "LABEL")]
        labels: Vec<String>,
        /// Full-text search in messages.
        #[arg(long, value_name = "TEXT")]
        query: Option<String>,
        #[command(flatten)]
        paging: Paging,
    },
}

/// `ruut conversation <id> ...`
#[derive(Debug, Args)]
pub struct ConversationArgs {
    /// The conversation's display id.
    pub id: i64,
    #[command(subcommand)]
    pub action: ConversationAction,
}

/// What to do with one conversation.
#[derive(Debug, Subcommand)]
pub enum ConversationAction {
    /// Show the conversation.
    Show,
    /// Resolve it.
    Resolve(StatusOptions),
    /// Reopen it.
    Reopen(StatusOptions),
    /// Mark it pending.
    Pending(StatusOptions),
    /// Snooze it until a time or until the contact replies.
    Snooze {
        /// RFC 3339 (2026-12-24T09:00:00Z), a duration from now (2h, 30m, 1d2h)
        /// or `today|tomorrow HH:MM` (local time).
        #[arg(long, value_name = "WHEN", required_unless_present = "until_reply")]
        until: Option<String>,
        /// Until the contact's next message.
        #[arg(long, conflicts_with = "until")]
        until_reply: bool,
        #[command(flatten)]
        options: StatusOptions,
    },
    /// Mark it for later handling (Ruut's `scheduling` status).
    Schedule(StatusOptions),
    /// Assign it to an agent.
    Assign {
        /// The agent's user id.
        agent: i64,
    },
    /// Remove its assignee.
    Unassign,
    /// List its labels.
    Labels,
    /// Add, remove or set (replace) its labels.
    Label {
        #[command(subcommand)]
        change: LabelChange,
    },
    /// Set its priority: urgent, high, medium, low or none.
    Priority {
        /// The priority.
        priority: String,
    },
    /// Send a reply the contact sees.
    Reply(MessageOptions),
    /// Add a private note.
    Note(MessageOptions),
    /// Show or stop showing you as typing.
    Typing {
        /// on or off.
        state: Switch,
        /// Typing a private note (agents only see it).
        #[arg(long)]
        private: bool,
    },
    /// Mute it: resolve it and block its contact.
    Mute,
    /// Unmute it: unblock its contact (the status stays).
    Unmute,
    /// Mark it read by you.
    Read,
    /// Mark it unread (its last incoming message counts as unread again).
    Unread,
}

/// A change of a conversation's labels.
#[derive(Debug, Subcommand)]
pub enum LabelChange {
    /// Add these labels (the others stay).
    Add {
        /// The labels.
        #[arg(required = true)]
        labels: Vec<String>,
    },
    /// Remove these labels (the others stay).
    Remove {
        /// The labels.
        #[arg(required = true)]
        labels: Vec<String>,
    },
    /// Replace every label with these (none: remove them all).
    Set {
        /// The labels.
        labels: Vec<String>,
    },
}

/// On or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    /// On.
    On,
    /// Off.
    Off,
}

/// A reply or a note: its text, its files.
#[derive(Debug, Args)]
pub struct MessageOptions {
    /// The text (may be left out when files are attached).
    pub text: Option<String>,
    /// Send this file with it (repeat for more; at most 15, 40 MB each).
    #[arg(long = "attach", value_name = "FILE")]
    pub attach: Vec<std::path::PathBuf>,
}

/// What every status change may carry.
#[derive(Debug, Args, Clone)]
pub struct StatusOptions {
    /// Why (kept with the change, or as a private note on Chatwoot).
    #[arg(long)]
    pub reason: Option<String>,
    /// The agent making the change (user id).
    #[arg(long, value_name = "ID")]
    pub agent: Option<i64>,
}

/// `ruut contacts ...`
#[derive(Debug, Subcommand)]
pub enum ContactsCommand {
    /// List contacts.
    List {
        /// Only contacts with this label (repeatable).
        #[arg(long = "label", value_name = "LABEL")]
        labels: Vec<String>,
        #[command(flatten)]
        paging: Paging,
    },
    /// Search contacts by name, email, phone number or identifier.
    Search {
        /// What to look for.
        query: String,
        #[command(flatten)]
        paging: Paging,
    },
    /// Show one contact.
    Show {
        /// The contact's id.
        id: i64,
    },
    /// Create a contact.
    Create {
        /// Name.
        #[arg(long)]
        name: Option<String>,
        /// Email address.
        #[arg(long)]
        email: Option<String>,
        /// Phone number in E.164 (+15551234567).
        #[arg(long)]
        phone: Option<String>,
        /// Your system's id for the contact.
        #[arg(long)]
        identifier: Option<String>,
        /// Also create a contact inbox in this inbox.
        #[arg(long, value_name = "ID")]
        inbox: Option<i64>,
    },
    /// Change a contact's details (only what is given changes).
    Update {
        /// The contact's id.
        id: i64,
        /// Name.
        #[arg(long)]
        name: Option<String>,
        /// Email address.
        #[arg(long)]
        email: Option<String>,
        /// Phone number in E.164 (+15551234567).
        #[arg(long)]
        phone: Option<String>,
        /// Your system's id for the contact.
        #[arg(long)]
        identifier: Option<String>,
        /// Block (true) or unblock (false) the contact.
        #[arg(long, value_name = "BOOL")]
        blocked: Option<bool>,
    },
    /// Merge contacts into a base contact; each merged contact is DELETED
    /// (its conversations, messages and notes move to the base contact).
    Merge {
        /// The contact that stays.
        base: i64,
        /// The contacts merged into it and then deleted (one or more).
        #[arg(required = true)]
        mergees: Vec<i64>,
        /// Do not ask for confirmation (needed when stdin is not a terminal).
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

/// `ruut messages ...`
#[derive(Debug, Subcommand)]
pub enum MessagesCommand {
    /// List a conversation's messages, oldest first.
    List {
        /// The conversation's display id.
        conversation: i64,
        /// Keep watching and print new messages as they arrive (Ctrl-C stops).
        #[arg(long)]
        follow: bool,
        /// Seconds between two looks with --follow.
        #[arg(long, default_value_t = 2.0, value_name = "SECONDS")]
        interval: f64,
        /// Leave out private notes and activity messages.
        #[arg(long)]
        public_only: bool,
        /// Only messages newer than this message id (then --follow goes on from there).
        #[arg(long, value_name = "ID")]
        after: Option<i64>,
        /// Stop after this many messages: the latest of the history, or with
        /// --after the first after it; --follow ends when they are printed.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
}

/// `ruut auth ...`
#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Read a token (without echo) and store it in the profile, readable by you only.
    Login,
    /// Show the server and account the settings reach (never the token).
    Status,
}

/// `ruut sandbox`: the options of `ruut-sandbox`.
#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// Port on 127.0.0.1 (0 picks a free port).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,
    /// Seed of the generated data.
    #[arg(long)]
    pub seed: Option<u64>,
    /// The user's access token.
    #[arg(long, value_name = "T")]
    pub token: Option<String>,
    /// The agent bot's access token.
    #[arg(long, value_name = "T")]
    pub bot_token: Option<String>,
    /// Behave like stock Chatwoot: no Ruut-documented routes.
    #[arg(long)]
    pub chatwoot_only: bool,
    /// Write the base URL to PATH once listening (for scripts).
    #[arg(long, value_name = "PATH")]
    pub port_file: Option<std::path::PathBuf>,
    /// POST each status change, message and contact event to URL.
    #[arg(long, value_name = "URL")]
    pub webhook_url: Option<String>,
    /// Sign those webhooks with S.
    #[arg(long, value_name = "S", requires = "webhook_url")]
    pub webhook_secret: Option<String>,
    /// Deliver to webhooks and bot URLs registered through the API on any
    /// host (default: loopback hosts only).
    #[arg(long)]
    pub webhooks_beyond_loopback: bool,
}

/// `ruut webhooks ...`
#[derive(Debug, Subcommand)]
pub enum WebhooksCommand {
    /// Listen on 127.0.0.1 for deliveries and print each event.
    Listen {
        /// Port on 127.0.0.1 (0 picks a free port).
        #[arg(long, default_value_t = 8787)]
        port: u16,
        /// Verify signatures with this secret (RUUT_WEBHOOK_SECRET); without it, unsigned
        /// deliveries are accepted and signed ones are not checked.
        #[arg(long, env = "RUUT_WEBHOOK_SECRET", hide_env_values = true)]
        secret: Option<String>,
        /// Forward each verified delivery, unchanged, to this URL.
        #[arg(long, value_name = "URL")]
        forward_to: Option<String>,
        /// Write the listening URL to PATH once listening (for scripts).
        #[arg(long, value_name = "PATH")]
        port_file: Option<std::path::PathBuf>,
    },
}
