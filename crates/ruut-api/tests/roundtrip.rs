//! Every generated type, filled with random values that follow its JSON schema
//! (the types derive `schemars::JsonSchema`), survives a trip through serde:
//! `json -> T -> json -> T` gives back an equal `T`.

use schemars::JsonSchema;
use schemars::schema::{InstanceType, RootSchema, Schema, SchemaObject, SingleOrVec};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

/// A small deterministic PRNG (splitmix64), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self) -> bool {
        self.next() & 1 == 1
    }
}

struct Faker<'a> {
    root: &'a RootSchema,
    rng: Rng,
}

impl Faker<'_> {
    fn value(&mut self, schema: &Schema, depth: usize) -> Value {
        match schema {
            Schema::Bool(_) => self.scalar(depth),
            Schema::Object(object) => self.object_value(object, depth),
        }
    }

    fn object_value(&mut self, schema: &SchemaObject, depth: usize) -> Value {
        if let Some(reference) = &schema.reference {
            let name = reference.trim_start_matches("#/definitions/");
            let target = self
                .root
                .definitions
                .get(name)
                .unwrap_or_else(|| panic!("unresolved {reference}"));
            return self.value(target, depth);
        }
        if let Some(values) = &schema.enum_values {
            return values[self.rng.below(values.len())].clone();
        }
        if let Some(sub) = &schema.subschemas {
            if let Some(all) = &sub.all_of {
                return self.value(&all[0], depth);
            }
            let choices = sub.one_of.as_ref().or(sub.any_of.as_ref());
            if let Some(choices) = choices {
                let pick = &choices[self.rng.below(choices.len())];
                return self.value(pick, depth);
            }
        }
        let types: Vec<InstanceType> = match &schema.instance_type {
            Some(SingleOrVec::Single(t)) => vec![**t],
            Some(SingleOrVec::Vec(ts)) => ts.clone(),
            None => return self.scalar(depth),
        };
        match types[self.rng.below(types.len())] {
            InstanceType::Null => Value::Null,
            InstanceType::Boolean => Value::Bool(self.rng.chance()),
            InstanceType::Integer => json!(self.rng.next() as i64 >> self.rng.below(60)),
            InstanceType::Number => json!((self.rng.below(1 << 20) as f64) / 8.0),
            InstanceType::String => self.string(schema),
            InstanceType::Array => {
                let items = schema.array.as_ref().and_then(|a| a.items.clone());
                let count = if depth > 4 { 0 } else { self.rng.below(3) };
                let items = match items {
                    Some(SingleOrVec::Single(item)) => {
                        (0..count).map(|_| self.value(&item, depth + 1)).collect()
                    }
                    _ => (0..count).map(|_| self.scalar(depth + 1)).collect(),
                };
                Value::Array(items)
            }
            InstanceType::Object => self.object(schema, depth),
        }
    }

    fn object(&mut self, schema: &SchemaObject, depth: usize) -> Value {
        let mut map = Map::new();
        if let Some(validation) = &schema.object {
            for (name, property) in &validation.properties {
                if validation.required.contains(name) || (depth < 5 && self.rng.chance()) {
                    map.insert(name.clone(), self.value(property, depth + 1));
                }
            }
            if validation.properties.is_empty()
                && depth < 5
                && let Some(extra) = &validation.additional_properties
            {
                for i in 0..self.rng.below(3) {
                    map.insert(format!("key{i}"), self.value(extra, depth + 1));
                }
            }
        }
        Value::Object(map)
    }

    fn string(&mut self, schema: &SchemaObject) -> Value {
        if schema.format.as_deref() == Some("date-time") {
            let seconds = 1_600_000_000 + self.rng.below(200_000_000) as i64;
            let time = chrono::DateTime::from_timestamp(seconds, 0).expect("in range");
            return json!(time.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
        }
        const WORDS: [&str; 6] = ["", "open", "Ünïcödé ✓", "line\nbreak", "quote\"d", "12"];
        json!(WORDS[self.rng.below(WORDS.len())])
    }

    fn scalar(&mut self, depth: usize) -> Value {
        match self.rng.below(if depth > 4 { 4 } else { 5 }) {
            0 => Value::Null,
            1 => json!(self.rng.chance()),
            2 => json!(self.rng.below(1000)),
            3 => json!("text"),
            _ => json!({"nested": [1, "two"]}),
        }
    }
}

fn round_trip<T>(name: &str)
where
    T: JsonSchema + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let root = schemars::schema_for!(T);
    let mut faker = Faker {
        root: &root,
        rng: Rng(0x5EED ^ name.len() as u64),
    };
    for case in 0..64 {
        let value = faker.object_value(&root.schema, 0);
        if case == 3 && std::env::var_os("SHOW_FAKE").is_some() {
            eprintln!("{name}: {value}");
        }
        let first: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| {
            panic!("{name} case {case}: schema-valid value rejected: {e}\n{value:#}")
        });
        let again = serde_json::to_value(&first).expect("serialises");
        let second: T = serde_json::from_value(again.clone())
            .unwrap_or_else(|e| panic!("{name} case {case}: own output rejected: {e}\n{again:#}"));
        assert_eq!(
            first, second,
            "{name} case {case}: changed in a round trip\n{value:#}"
        );
    }
}

macro_rules! every_type {
    ($($name:ident),+ $(,)?) => {
        const NAMES: &[&str] = &[$(stringify!($name)),+];
        #[test]
        fn every_generated_type_round_trips() {
            $( round_trip::<ruut_api::types::$name>(stringify!($name)); )+
        }
    };
}

every_type!(
    Account,
    AccountAgent,
    AccountAgentList,
    AccountConversationMetrics,
    AccountUpdate,
    AccountWebhook,
    AccountWebhookCreate,
    AccountWebhookInbox,
    AccountWebhookList,
    AccountWebhookListPayload,
    AccountWebhookPayload,
    AccountWebhookPayloadPayload,
    AccountWebhookUpdate,
    AgentBot,
    AgentBotFields,
    AgentBotFieldsBotType,
    AgentConversationMetrics,
    AgentOpenCounts,
    AgentUpdate,
    Article,
    ArticleCategory,
    ArticleCreate,
    ArticleEnvelope,
    ArticleList,
    ArticleListMeta,
    ArticleMetaInput,
    ArticleUpdate,
    AssignableAgents,
    AssignableKind,
    Assignee,
    AssigneeTypeFilter,
    AssignmentRequest,
    AssignmentResult,
    AssociatedArticle,
    AssociatedArticles,
    Attachment,
    Attributes,
    AuditLog,
    AuditLogList,
    AutoOfflineRequest,
    AutomationAction,
    AutomationCondition,
    AutomationRule,
    AutomationRuleCreate,
    AutomationRuleList,
    AutomationRulePayload,
    AutomationRuleUpdate,
    AvailabilityRequest,
    BulkActionRequest,
    BulkActionType,
    BulkAgentsRequest,
    BulkConversationFields,
    BulkLabels,
    CannedResponse,
    CannedResponseCreate,
    CannedResponseUpdate,
    Category,
    CategoryCreate,
    CategoryEnvelope,
    CategoryList,
    CategoryListMeta,
    CategoryMeta,
    CategoryRef,
    CategoryUpdate,
    ChannelSummaries,
    ChannelSummary,
    Contact,
    ContactConversations,
    ContactCreated,
    ContactCreatedPayload,
    ContactCustomAttributeKeys,
    ContactInbox,
    ContactLabels,
    ContactLabelsUpdate,
    ContactList,
    ContactListMeta,
    ContactMerge,
    ContactNote,
    ContactNoteContent,
    ContactResponse,
    ContactSearchMeta,
    ContactSearchResult,
    ContactSort,
    ContactUpdate,
    ContactableInboxes,
    Conversation,
    ConversationAttachment,
    ConversationAttachmentList,
    ConversationAttachmentMeta,
    ConversationCounts,
    ConversationCountsResponse,
    ConversationCustomAttributes,
    ConversationFilterResult,
    ConversationLabels,
    ConversationLabelsRequest,
    ConversationList,
    ConversationListData,
    ConversationMeta,
    ConversationMetrics,
    ConversationSearchContact,
    ConversationSearchHit,
    ConversationSearchMessage,
    ConversationSearchResult,
    ConversationSortBy,
    ConversationStatusChange,
    ConversationStatusFilter,
    ConversationType,
    ConversationUpdate,
    CsatMetrics,
    CsatReviewer,
    CsatSurveyResponse,
    CustomAttributeDefinition,
    CustomAttributeDefinitionCreate,
    CustomAttributeDefinitionUpdate,
    CustomFilter,
    CustomFilterCreate,
    CustomFilterUpdate,
    DownloadCsatSurveyResponsesSort,
    ErrorBody,
    ErrorDetail,
    ErrorField,
    FilterCondition,
    FilterOperator,
    FilterQueryOperator,
    FilterRequest,
    FilterValue,
    FirstResponseBuckets,
    FirstResponseDistribution,
    GetConversationMetricsType,
    GetOutgoingMessagesCountGroupBy,
    Inbox,
    InboxAgent,
    InboxAgentBot,
    InboxAgentBotAccessToken,
    InboxAgentBotChoice,
    InboxAgentBotDetails,
    InboxAgentList,
    InboxChannelCreate,
    InboxChannelUpdate,
    InboxCreate,
    InboxCreateSenderNameType,
    InboxDeletion,
    InboxLabelMatrix,
    InboxLabelMatrixInbox,
    InboxLabelMatrixLabel,
    LabelSummaryReportRow,
    BotMetrics,
    BotReportPeriodSummary,
    BotReportSummary,
    InboxList,
    InboxMembersChange,
    InboxSettingsFields,
    InboxSettingsFieldsSenderNameType,
    InboxSummary,
    InboxUpdate,
    InboxUpdateSenderNameType,
    InboxWorkingHours,
    IntegerOrString,
    IntegrationApp,
    IntegrationAppList,
    IntegrationHook,
    IntegrationHookCreate,
    IntegrationHookInbox,
    IntegrationHookStatus,
    IntegrationHookUpdate,
    Label,
    LabelCreate,
    LabelList,
    LabelUpdate,
    ListCsatSurveyResponsesSort,
    Macro,
    MacroAction,
    MacroCreate,
    MacroExecution,
    MacroFile,
    MacroList,
    MacroPayload,
    MacroUpdate,
    Message,
    MessageList,
    MessageListMeta,
    MessageSender,
    MessageStatusUpdate,
    MessageSummary,
    NewAgent,
    NewContact,
    NewContactInbox,
    NewConversation,
    NewConversationMessage,
    NewMessage,
    NewMessageType,
    NewMessageWithAttachments,
    NewTeam,
    NoRecords,
    OutgoingMessagesCount,
    ParticipantList,
    ParticipantsRequest,
    Portal,
    PortalConfig,
    PortalConfigInput,
    PortalCreate,
    PortalList,
    PortalListMeta,
    PortalLocale,
    PortalLogo,
    PortalMeta,
    PortalSslSettings,
    PortalUpdate,
    Profile,
    ProfileAccount,
    ProfileUpdate,
    RelatedCategories,
    ReportPeriodSummary,
    ReportPoint,
    ReportSummary,
    ReportType,
    ReportingEvent,
    ReportingEventList,
    ReportingEventMeta,
    RuutAccount,
    RuutAgent,
    RuutContact,
    RuutConversation,
    RuutId,
    RuutTimestamp,
    ServerInfo,
    SummaryReportRow,
    Team,
    TeamList,
    TeamMembersRequest,
    TeamUpdate,
    TogglePriorityRequest,
    ToggleStatusPayload,
    ToggleStatusRequest,
    ToggleStatusResponse,
    ToggleableStatus,
    TranscriptRequest,
    TypingStatus,
    TypingStatusRequest,
    WebhookAccount,
    WebhookAttributeChange,
    WebhookChangedAttributes,
    WebhookContactEvent,
    WebhookContactInbox,
    WebhookConversation,
    WebhookConversationEvent,
    WebhookConversationMeta,
    WebhookMessageEvent,
    WebhookTypingEvent,
);

/// The list above must name every type in `types`, so a new schema cannot slip by.
#[test]
fn the_list_covers_every_generated_type() {
    let source = include_str!("../src/generated.rs");
    let types = source
        .split("\npub mod types {")
        .nth(1)
        .expect("a types module");
    let types = types
        .split("\n    pub mod builder {")
        .next()
        .expect("types before builders");
    let mut declared: Vec<&str> = types
        .lines()
        .filter_map(|line| {
            line.strip_prefix("    pub struct ")
                .or_else(|| line.strip_prefix("    pub enum "))
        })
        .map(|rest| {
            rest.split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default()
        })
        .collect();
    declared.sort_unstable();
    let mut listed = NAMES.to_vec();
    listed.sort_unstable();
    assert_eq!(declared, listed, "add new generated types to every_type!");
}
