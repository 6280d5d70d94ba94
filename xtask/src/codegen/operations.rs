//! Rendering the operation table, `crates/ruut-api/src/operations.rs`: the
//! `Operation` enum and what the runtime needs to know about each operation,
//! from the facts the spec declares ([`OperationFacts`]).
//!
//! Like the client, the file is built as tokens and printed with
//! prettyplease, so the output depends on the spec alone.

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote};

use crate::Error;
use crate::codegen::facts::OperationFacts;
use crate::codegen::format;
use crate::codegen::lint::facts::RUUT_SOURCES;

/// The table for `facts` (in document order), formatted, header included.
pub fn render(facts: &[OperationFacts]) -> Result<String, Error> {
    format::unparse(tokens(facts))
}

/// `#[doc]` attributes, one per line, each with a leading space so that
/// prettyplease prints `/// line` (or `//! line` when `inner`).
fn docs(text: &str, inner: bool) -> TokenStream {
    text.lines()
        .map(|line| {
            let line = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            if inner {
                quote! { #![doc = #line] }
            } else {
                quote! { #[doc = #line] }
            }
        })
        .collect()
}

fn module_docs(facts: &[OperationFacts]) -> TokenStream {
    let mut text = String::from(
        "Every operation of `openapi/ruut.yaml`, with what the runtime needs to know about it:\n\
         its HTTP method and path template, whether sending it twice is the same as sending it\n\
         once (`x-ruut-idempotent`), where it comes from (`x-ruut-source`), whether agent-bot\n\
         tokens may call it (its security requirements) and which `ruut-sdk` method wraps it\n\
         (`x-ruut-sdk`).\n\
         \n\
         `cargo xtask generate` writes this file from the spec, and the drift check fails when\n\
         the two disagree: change the spec, not this file.\n",
    );
    if let Some(first) = facts.first() {
        text.push_str(&format!(
            "\n```\n\
             use ruut_api::operations::Operation;\n\
             \n\
             let operation = Operation::{variant};\n\
             assert_eq!(operation.id(), {id:?});\n\
             assert_eq!((operation.method(), operation.path()), ({method:?}, {path:?}));\n\
             assert_eq!(Operation::from_id({id:?}), Some(operation));\n\
             assert_eq!(Operation::from_client_method({client_method:?}), Some(operation));\n\
             \n\
             for operation in Operation::ALL {{\n\
             \x20   println!(\"{{operation}}: {{}} {{}}\", operation.method(), operation.path());\n\
             }}\n\
             ```\n",
            variant = first.variant,
            id = first.id,
            method = first.method,
            path = first.path,
            client_method = first.client_method,
        ));
    }
    docs(&text, true)
}

fn variant_docs(op: &OperationFacts) -> TokenStream {
    let summary = op.summary.trim();
    let period = if summary.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    docs(
        &format!(
            "{summary}{period}\n\n`{} {}`, sent by [`Client::{m}`](crate::Client::{m}).",
            op.method,
            op.path,
            m = op.client_method
        ),
        false,
    )
}

/// What each `x-ruut-source` value means, for the `Source` variants' docs.
fn source_doc(source: &str) -> &'static str {
    match source {
        "documented" => "In Ruut's own API documentation (`x-ruut-source: documented`).",
        "chatwoot" => {
            "Served by the Chatwoot server under Ruut, not in Ruut's documentation \
             (`x-ruut-source: chatwoot`)."
        }
        _ => "",
    }
}

fn source_variant(source: &str) -> proc_macro2::Ident {
    format_ident!("{}", heck::ToPascalCase::to_pascal_case(source))
}

fn source_enum() -> TokenStream {
    let variants = RUUT_SOURCES.iter().map(|source| {
        let ident = source_variant(source);
        let doc = docs(source_doc(source), false);
        quote! { #doc #ident, }
    });
    let names = RUUT_SOURCES.iter().map(|source| {
        let ident = source_variant(source);
        quote! { Source::#ident => #source, }
    });
    quote! {
        /// Where an operation comes from (`x-ruut-source`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Source { #(#variants)* }

        impl Source {
            /// The `x-ruut-source` value, e.g. `"chatwoot"`.
            pub const fn as_str(self) -> &'static str {
                match self { #(#names)* }
            }
        }

        impl std::fmt::Display for Source {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

/// One `const fn` of `Operation`: `match self { Operation::X => value, .. }`.
#[derive(Clone, Copy)]
enum Getter {
    Id,
    ClientMethod,
    Method,
    Path,
    Idempotent,
    Source,
    AgentBot,
    Sdk,
}

impl Getter {
    const ALL: [Getter; 8] = [
        Getter::Id,
        Getter::ClientMethod,
        Getter::Method,
        Getter::Path,
        Getter::Idempotent,
        Getter::Source,
        Getter::AgentBot,
        Getter::Sdk,
    ];

    /// The function's name and its return type.
    fn signature(self) -> (&'static str, TokenStream) {
        let text = quote! { &'static str };
        match self {
            Getter::Id => ("id", text),
            Getter::ClientMethod => ("client_method", text),
            Getter::Method => ("method", text),
            Getter::Path => ("path", text),
            Getter::Idempotent => ("idempotent", quote! { bool }),
            Getter::Source => ("source", quote! { Source }),
            Getter::AgentBot => ("agent_bot", quote! { bool }),
            Getter::Sdk => ("sdk", quote! { Option<&'static str> }),
        }
    }

    fn doc(self) -> &'static str {
        match self {
            Getter::Id => "The `operationId`, e.g. `\"getConversation\"`.",
            Getter::ClientMethod => {
                "The generated [`Client`](crate::Client)'s method for the operation, e.g.\n\
                 `\"get_conversation\"`. Progenitor's hooks receive it as\n\
                 [`OperationInfo::operation_id`](progenitor_client::OperationInfo::operation_id)."
            }
            Getter::Method => {
                "The HTTP method, upper case: `\"GET\"`, `\"POST\"`, `\"PATCH\"`, ..."
            }
            Getter::Path => {
                "The path template, e.g.\n\
                 `\"/api/v1/accounts/{account_id}/conversations/{conversation_id}\"`."
            }
            Getter::Idempotent => {
                "Whether sending the request twice has the same effect as sending it once\n\
                 (`x-ruut-idempotent`): true for reads and for setting a status, a priority or an\n\
                 assignee, false for creating something. Only idempotent requests may be retried\n\
                 when an answer is lost."
            }
            Getter::Source => "Where the operation comes from (`x-ruut-source`).",
            Getter::AgentBot => {
                "Whether agent-bot tokens may call the operation: its security requirements list\n\
                 `agentBotApiKey`. Other operations answer a bot 401."
            }
            Getter::Sdk => {
                "The `ruut-sdk` method that wraps the operation (`x-ruut-sdk`), e.g.\n\
                 `\"ConversationHandle::assign\"`; `None` when it is reachable through\n\
                 `Client::raw` only."
            }
        }
    }

    /// What the function answers for `op`.
    fn value(self, op: &OperationFacts) -> TokenStream {
        fn lit(value: impl ToTokens) -> TokenStream {
            value.into_token_stream()
        }
        match self {
            Getter::Id => lit(&op.id),
            Getter::ClientMethod => lit(&op.client_method),
            Getter::Method => lit(&op.method),
            Getter::Path => lit(&op.path),
            Getter::Idempotent => lit(op.idempotent),
            Getter::Source => {
                let variant = source_variant(&op.source);
                quote! { Source::#variant }
            }
            Getter::AgentBot => lit(op.agent_bot),
            Getter::Sdk => match &op.sdk {
                Some(sdk) => quote! { Some(#sdk) },
                None => quote! { None },
            },
        }
    }

    fn tokens(self, facts: &[OperationFacts]) -> TokenStream {
        let doc = docs(self.doc(), false);
        let (name, ty) = self.signature();
        let name = format_ident!("{name}");
        let arms = facts.iter().map(|op| {
            let variant = format_ident!("{}", op.variant);
            let value = self.value(op);
            quote! { Operation::#variant => #value, }
        });
        quote! {
            #doc
            pub const fn #name(self) -> #ty {
                match self { #(#arms)* }
            }
        }
    }
}

/// `fn name(text: &str) -> Option<Operation>`, matching `key` of each operation.
fn lookup(
    facts: &[OperationFacts],
    doc: &str,
    name: &str,
    key: impl Fn(&OperationFacts) -> &str,
) -> TokenStream {
    let doc = docs(doc, false);
    let name = format_ident!("{name}");
    let arms = facts.iter().map(|op| {
        let variant = format_ident!("{}", op.variant);
        let key = key(op);
        quote! { #key => Some(Operation::#variant), }
    });
    quote! {
        #doc
        pub fn #name(name: &str) -> Option<Operation> {
            match name {
                #(#arms)*
                _ => None,
            }
        }
    }
}

fn tokens(facts: &[OperationFacts]) -> TokenStream {
    let module_docs = module_docs(facts);
    let variants = facts.iter().map(|op| {
        let doc = variant_docs(op);
        let variant = format_ident!("{}", op.variant);
        quote! { #doc #variant, }
    });
    let all = facts.iter().map(|op| format_ident!("{}", op.variant));
    let getters = Getter::ALL.map(|getter| getter.tokens(facts));
    let from_id = lookup(
        facts,
        "The operation whose `operationId` is `name`, e.g. `\"getConversation\"`.",
        "from_id",
        |op| &op.id,
    );
    let from_client_method = lookup(
        facts,
        "The operation the generated [`Client`](crate::Client)'s method `name` sends, e.g.\n\
         `\"get_conversation\"`: what progenitor's hooks receive as\n\
         [`OperationInfo::operation_id`](progenitor_client::OperationInfo::operation_id).",
        "from_client_method",
        |op| &op.client_method,
    );
    let source_enum = source_enum();
    quote! {
        #module_docs
        #![warn(missing_docs)]

        /// Every operation of `openapi/ruut.yaml`, one variant per `operationId`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Operation { #(#variants)* }

        impl Operation {
            /// Every operation, in the spec's order.
            pub const ALL: &'static [Operation] = &[#(Operation::#all),*];

            #(#getters)*

            #from_id

            #from_client_method
        }

        impl std::fmt::Display for Operation {
            /// Writes the `operationId`.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }

        #source_enum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Vec<OperationFacts> {
        vec![OperationFacts {
            id: "getConversation".into(),
            variant: "GetConversation".into(),
            client_method: "get_conversation".into(),
            method: "GET".into(),
            path: "/api/v1/accounts/{account_id}/conversations/{conversation_id}".into(),
            summary: "Get a conversation".into(),
            source: "chatwoot".into(),
            idempotent: true,
            agent_bot: false,
            sdk: Some("Client::get_conversation".into()),
        }]
    }

    #[test]
    fn the_table_is_valid_rust_with_one_arm_per_fact() {
        let code = render(&facts()).unwrap_or_else(|e| panic!("{e}"));
        assert!(code.starts_with(format::HEADER));
        syn::parse_file(&code).unwrap_or_else(|e| panic!("{e}\n{code}"));
        for needle in [
            "/// Get a conversation.",
            "Operation::GetConversation => \"getConversation\",",
            "Operation::GetConversation => \"get_conversation\",",
            "Operation::GetConversation => Some(\"Client::get_conversation\"),",
            "\"getConversation\" => Some(Operation::GetConversation),",
            "Operation::GetConversation => Source::Chatwoot,",
        ] {
            assert!(code.contains(needle), "no `{needle}` in\n{code}");
        }
    }
}
