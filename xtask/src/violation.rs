//! Lint rules and the violations they report.
//!
//! Every rule has a stable kebab-case id. Ids appear in error messages, in the
//! committed snapshots under `xtask/tests/snapshots/` and in `cargo xtask
//! rules`, so renaming one is a visible change.

use std::fmt;

/// A rule the spec must follow so that progenitor can generate a client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// `openapi` must be 3.0.x.
    OpenapiVersion,
    /// Every operation has an `operationId`.
    OperationIdRequired,
    /// `operationId`s are unique, also ignoring letter case.
    OperationIdUnique,
    /// `operationId`s are camelCase.
    OperationIdCamelCase,
    /// `operationId`s are at most [`MAX_OPERATION_ID_LEN`] characters.
    OperationIdLength,
    /// Every operation has exactly one tag.
    SingleTag,
    /// Every operation has a non-empty `summary`.
    SummaryRequired,
    /// Every operation has a non-empty `description`.
    DescriptionRequired,
    /// `x-ruut-source` is present and one of the known values.
    RuutSource,
    /// `x-ruut-idempotent` is present and a boolean.
    RuutIdempotent,
    /// `x-ruut-sdk`, when present, is `Type::method`.
    RuutSdk,
    /// At most one request content type, and it is `application/json`.
    RequestContentType,
    /// Request and response bodies are `$ref`s to `#/components/schemas`.
    BodySchemaRef,
    /// One distinct success body type per operation.
    OneSuccessType,
    /// One distinct error body type per operation.
    OneErrorType,
    /// No `default` responses.
    NoDefaultResponse,
    /// No mixing explicit status codes with a range of the same class.
    NoMixedStatusRanges,
    /// A 204 response has no content.
    NoContent204,
    /// Path template variables and path parameters match one to one.
    PathParameters,
    /// No cookie parameters.
    NoCookieParameter,
    /// Parameters use the styles progenitor supports.
    ParameterStyle,
    /// Parameters are described by a `schema`, not by `content`.
    ParameterSchema,
    /// No `$ref` to another document.
    NoExternalRef,
    /// Every local `$ref` resolves.
    RefResolves,
    /// Every `$ref` points at `#/components/<section>/<Name>` of the right section.
    RefTarget,
    /// No `additionalProperties: false` in schemas reachable from a response.
    NoAdditionalPropertiesFalse,
    /// `x-ruut-open-enum` is only used on string enums in `components/schemas`.
    OpenEnum,
    /// Progenitor panicked on a construct the lint does not know about.
    ProgenitorPanic,
    /// Progenitor returned an error.
    ProgenitorError,
}

/// The longest `operationId` allowed: it becomes a method and type-name prefix.
pub const MAX_OPERATION_ID_LEN: usize = 40;

impl Rule {
    /// Every rule, in the order `cargo xtask rules` lists them.
    pub const ALL: [Rule; 29] = [
        Rule::OpenapiVersion,
        Rule::OperationIdRequired,
        Rule::OperationIdUnique,
        Rule::OperationIdCamelCase,
        Rule::OperationIdLength,
        Rule::SingleTag,
        Rule::SummaryRequired,
        Rule::DescriptionRequired,
        Rule::RuutSource,
        Rule::RuutIdempotent,
        Rule::RuutSdk,
        Rule::RequestContentType,
        Rule::BodySchemaRef,
        Rule::OneSuccessType,
        Rule::OneErrorType,
        Rule::NoDefaultResponse,
        Rule::NoMixedStatusRanges,
        Rule::NoContent204,
        Rule::PathParameters,
        Rule::NoCookieParameter,
        Rule::ParameterStyle,
        Rule::ParameterSchema,
        Rule::NoExternalRef,
        Rule::RefResolves,
        Rule::RefTarget,
        Rule::NoAdditionalPropertiesFalse,
        Rule::OpenEnum,
        Rule::ProgenitorPanic,
        Rule::ProgenitorError,
    ];

    /// The stable kebab-case id.
    pub fn id(self) -> &'static str {
        self.info().0
    }

    /// A one-line description of what the rule requires and why.
    pub fn description(self) -> &'static str {
        self.info().1
    }

    fn info(self) -> (&'static str, &'static str) {
        match self {
            Rule::OpenapiVersion => (
                "openapi-version",
                "`openapi` is 3.0.x; progenitor rejects 3.1",
            ),
            Rule::OperationIdRequired => (
                "operation-id-required",
                "every operation has an operationId; it names the generated method",
            ),
            Rule::OperationIdUnique => (
                "operation-id-unique",
                "operationIds are unique, also ignoring case (method names are snake_case)",
            ),
            Rule::OperationIdCamelCase => (
                "operation-id-camel-case",
                "operationIds are camelCase: a lower-case letter, then letters and digits",
            ),
            Rule::OperationIdLength => (
                "operation-id-length",
                "operationIds are at most 40 characters; they prefix generated type names",
            ),
            Rule::SingleTag => ("single-tag", "every operation has exactly one tag"),
            Rule::SummaryRequired => (
                "summary-required",
                "every operation has a non-empty summary (the first line of the rustdoc)",
            ),
            Rule::DescriptionRequired => (
                "description-required",
                "every operation has a non-empty description",
            ),
            Rule::RuutSource => ("ruut-source", "x-ruut-source is `documented` or `chatwoot`"),
            Rule::RuutIdempotent => (
                "ruut-idempotent",
                "every operation has x-ruut-idempotent: true or false (whether a repeat is safe; clients retry only those)",
            ),
            Rule::RuutSdk => (
                "ruut-sdk",
                "x-ruut-sdk, when present, is `Type::method`: the ruut-sdk method wrapping the operation",
            ),
            Rule::RequestContentType => (
                "request-content-type",
                "a request body has exactly one content type, application/json",
            ),
            Rule::BodySchemaRef => (
                "body-schema-ref",
                "JSON bodies are a $ref to components/schemas (or an array of one), so type names are stable",
            ),
            Rule::OneSuccessType => (
                "one-success-type",
                "all 2xx responses of an operation share one body type (progenitor panics otherwise)",
            ),
            Rule::OneErrorType => (
                "one-error-type",
                "all 4xx/5xx responses of an operation share one body type (progenitor panics otherwise)",
            ),
            Rule::NoDefaultResponse => (
                "no-default-response",
                "no `default` response; it counts as both success and error",
            ),
            Rule::NoMixedStatusRanges => (
                "no-mixed-status-ranges",
                "no explicit codes next to a range of the same class (unreachable match arms)",
            ),
            Rule::NoContent204 => ("no-content-204", "a 204 response has no content"),
            Rule::PathParameters => (
                "path-parameters",
                "every {var} in the path is a required path parameter, and every path parameter is in the path",
            ),
            Rule::NoCookieParameter => (
                "no-cookie-parameter",
                "no cookie parameters; progenitor cannot send them",
            ),
            Rule::ParameterStyle => (
                "parameter-style",
                "path and header parameters use style simple, query parameters style form",
            ),
            Rule::ParameterSchema => (
                "parameter-schema",
                "every parameter has a schema (not content)",
            ),
            Rule::NoExternalRef => (
                "no-external-ref",
                "every $ref is local (starts with #/); bundle the spec into one file",
            ),
            Rule::RefResolves => (
                "ref-resolves",
                "every local $ref points at something that exists",
            ),
            Rule::RefTarget => (
                "ref-target",
                "every $ref is #/components/<section>/<Name> of the section its context needs; progenitor looks refs up by last segment",
            ),
            Rule::NoAdditionalPropertiesFalse => (
                "no-additional-properties-false",
                "no additionalProperties: false in schemas reachable from a response; new server fields would break old clients",
            ),
            Rule::OpenEnum => (
                "open-enum",
                "x-ruut-open-enum: true is only used on string enums in components/schemas",
            ),
            Rule::ProgenitorPanic => (
                "progenitor-panic",
                "progenitor panicked on a construct the lint does not cover",
            ),
            Rule::ProgenitorError => ("progenitor-error", "progenitor returned an error"),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One operation, as users see it in the spec.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct OperationRef {
    /// The `operationId`, if the operation has one.
    pub id: Option<String>,
    /// The HTTP method, upper case.
    pub method: String,
    /// The path template, e.g. `/api/v1/accounts/{account_id}`.
    pub path: String,
}

impl fmt::Display for OperationRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "operation {id} ({} {})", self.method, self.path),
            None => write!(
                f,
                "operation without operationId ({} {})",
                self.method, self.path
            ),
        }
    }
}

/// Where a violation is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Location {
    /// The document as a whole.
    Document,
    /// A place in the document, as a JSON pointer (without the leading `#`).
    Pointer(String),
    /// An operation.
    Operation(OperationRef),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Document => f.write_str("spec"),
            Location::Pointer(pointer) => write!(f, "spec at #{pointer}"),
            Location::Operation(op) => op.fmt(f),
        }
    }
}

/// One broken rule: where, which rule, what is wrong and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Where the problem is.
    pub location: Location,
    /// The rule that is broken.
    pub rule: Rule,
    /// What is wrong, without a trailing period.
    pub message: String,
    /// How to fix it, without a trailing period.
    pub fix: String,
}

impl Violation {
    /// A violation at `location`.
    pub fn new(
        location: Location,
        rule: Rule,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Violation {
            location,
            rule,
            message: message.into(),
            fix: fix.into(),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: rule {}: {}. Fix: {}.",
            self.location, self.rule, self.message, self.fix
        )
    }
}

/// Escapes one JSON-pointer segment (`~` → `~0`, `/` → `~1`).
pub fn escape_pointer_segment(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// `a`, `a and b`, `a, b and c`.
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for rule in Rule::ALL {
            let id = rule.id();
            assert!(seen.insert(id), "duplicate rule id {id}");
            assert!(
                id.split('-').all(|w| !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
                "{id} is not kebab-case"
            );
            assert!(!rule.description().is_empty());
        }
    }

    #[test]
    fn violation_text_has_location_rule_message_and_fix() {
        let v = Violation::new(
            Location::Operation(OperationRef {
                id: Some("getConversation".to_string()),
                method: "GET".to_string(),
                path: "/api/v1/x/{id}".to_string(),
            }),
            Rule::OneErrorType,
            "what is wrong",
            "how to fix it",
        );
        assert_eq!(
            v.to_string(),
            "operation getConversation (GET /api/v1/x/{id}): rule one-error-type: what is wrong. \
             Fix: how to fix it."
        );
    }
}
