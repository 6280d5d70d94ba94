//! The operation facts the spec declares in vendor extensions, which
//! `cargo xtask generate` turns into `crates/ruut-api/src/operations.rs`:
//! `x-ruut-source`, `x-ruut-idempotent` and `x-ruut-sdk`.

use serde_json::Value;

use crate::spec::OperationEntry;
use crate::violation::{Location, Rule, Violation};

/// Where the operation comes from: `documented` or `chatwoot`.
pub const SOURCE: &str = "x-ruut-source";
/// Whether sending the request twice has the same effect as once.
pub const IDEMPOTENT: &str = "x-ruut-idempotent";
/// The ruut-sdk method that wraps the operation, `Type::method`.
pub const SDK: &str = "x-ruut-sdk";

/// The allowed values of `x-ruut-source`.
pub const RUUT_SOURCES: [&str; 2] = ["documented", "chatwoot"];

/// What an operation declares about itself in its `x-ruut-*` extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Declared<'a> {
    /// `x-ruut-source`: one of [`RUUT_SOURCES`].
    pub source: &'a str,
    /// `x-ruut-idempotent`.
    pub idempotent: bool,
    /// `x-ruut-sdk`: `Type::method`, if the SDK wraps the operation.
    pub sdk: Option<&'a str>,
}

pub(crate) fn check(entry: &OperationEntry<'_>, out: &mut Vec<Violation>) {
    if let Err(violations) = read(entry) {
        out.extend(violations);
    }
}

/// The operation's declared facts, or every rule its extensions break.
pub fn read<'a>(entry: &OperationEntry<'a>) -> Result<Declared<'a>, Vec<Violation>> {
    let extensions = &entry.operation.extensions;
    let mut out = Vec::new();
    let mut push = |rule, message: String, fix: &str| {
        out.push(Violation::new(
            Location::Operation(entry.reference()),
            rule,
            message,
            fix,
        ));
    };

    let fix_source = "set `x-ruut-source: documented` (in Ruut's published docs) \
                      or `x-ruut-source: chatwoot` (taken from Chatwoot's API)";
    let source = match extensions.get(SOURCE) {
        None => {
            push(
                Rule::RuutSource,
                format!("`{SOURCE}` is missing"),
                fix_source,
            );
            None
        }
        Some(Value::String(s)) if RUUT_SOURCES.contains(&s.as_str()) => Some(s.as_str()),
        Some(other) => {
            push(
                Rule::RuutSource,
                format!("`{SOURCE}` is {other}; expected `documented` or `chatwoot`"),
                fix_source,
            );
            None
        }
    };

    let fix_idempotent = "set `x-ruut-idempotent: true` when sending the request twice has the \
                          same effect as sending it once (a read, setting a status), `false` \
                          when it creates something; clients retry only idempotent operations";
    let idempotent = match extensions.get(IDEMPOTENT) {
        None => {
            push(
                Rule::RuutIdempotent,
                format!("`{IDEMPOTENT}` is missing"),
                fix_idempotent,
            );
            None
        }
        Some(Value::Bool(b)) => Some(*b),
        Some(other) => {
            push(
                Rule::RuutIdempotent,
                format!("`{IDEMPOTENT}` is {other}; expected `true` or `false`"),
                fix_idempotent,
            );
            None
        }
    };

    let sdk = match extensions.get(SDK) {
        None => Ok(None),
        Some(Value::String(s)) if sdk_method(s).is_some() => Ok(Some(s.as_str())),
        Some(other) => {
            push(
                Rule::RuutSdk,
                format!(
                    "`{SDK}` is {other}; expected `Type::method`, e.g. `ConversationHandle::assign`"
                ),
                "name the ruut-sdk method that wraps the operation as a PascalCase type and a \
                 snake_case method joined by `::`, or remove `x-ruut-sdk` when the operation is \
                 reachable through `Client::raw` only",
            );
            Err(())
        }
    };

    match (source, idempotent, sdk) {
        (Some(source), Some(idempotent), Ok(sdk)) => Ok(Declared {
            source,
            idempotent,
            sdk,
        }),
        _ => Err(out),
    }
}

/// `(type, method)` when `value` is `Type::method`: a PascalCase type name
/// and a snake_case method name, both Rust identifiers.
pub fn sdk_method(value: &str) -> Option<(&str, &str)> {
    let (ty, method) = value.split_once("::")?;
    let type_ok = ty.starts_with(|c: char| c.is_ascii_uppercase())
        && ty.chars().all(|c| c.is_ascii_alphanumeric());
    let method_ok = method.starts_with(|c: char| c.is_ascii_lowercase())
        && method
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    (type_ok && method_ok && !is_keyword(method)).then_some((ty, method))
}

/// Rust keywords that are snake_case words (so they would pass the shape
/// check but cannot name a method).
fn is_keyword(word: &str) -> bool {
    const KEYWORDS: [&str; 38] = [
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
        "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait",
        "true", "type", "unsafe", "use", "where", "while",
    ];
    KEYWORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::sdk_method;

    #[test]
    fn sdk_methods_are_type_and_method() {
        assert_eq!(
            sdk_method("ConversationHandle::assign"),
            Some(("ConversationHandle", "assign"))
        );
        assert_eq!(
            sdk_method("Client::get_server_info"),
            Some(("Client", "get_server_info"))
        );
        for bad in [
            "",
            "Client",
            "client::get",
            "Client::Get",
            "Client::get::more",
            "Client:get",
            "Client::",
            "::get",
            "Client::get-info",
            "Client::fn",
            "Client::get info",
        ] {
            assert_eq!(sdk_method(bad), None, "{bad:?}");
        }
    }
}
