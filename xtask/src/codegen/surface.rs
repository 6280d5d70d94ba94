//! A compact, stable listing of the generated API, for review.
//!
//! The `api_surface` snapshot test stores this listing, so a spec change
//! shows up in review as a small diff of what users see (a new setter, a
//! changed field type, a dropped response) rather than as a 10k-line diff of
//! `generated.rs`. The listing is read back from the generated code with
//! syn, so it shows what progenitor actually produced.
//!
//! Sections: operations (operationId, method, path, client method, builder
//! setters with their types, success and error types), then every type in
//! `types` (struct fields, enum variants, with wire names where they differ),
//! then schemas replaced by hand-written types, then the responses dropped
//! by the response filter, then the request-body content types it dropped.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use quote::ToTokens;
use syn::{
    Attribute, Expr, Fields, FnArg, GenericArgument, ImplItem, Item, Lit, Meta, PathArguments,
    ReturnType, Type, TypeParamBound, WherePredicate,
};

use crate::Error;
use crate::codegen::Rendered;

/// Describes the API in `rendered`.
pub fn describe(rendered: &Rendered) -> Result<String, Error> {
    let file = syn::parse_file(&rendered.code).map_err(|e| Error::Unparsable {
        message: e.to_string(),
    })?;
    let mut out = String::new();

    let builders = builders(&file.items);
    let methods = client_methods(&file.items);
    let _ = writeln!(out, "# Operations ({})", rendered.operations.len());
    for op in &rendered.operations {
        let id = op.id.as_deref().unwrap_or("(no operationId)");
        let _ = writeln!(out, "\n{id}: {} {}", op.method, op.path);
        let Some((name, builder)) = builders.get(&(op.method.clone(), op.path.clone())) else {
            let _ = writeln!(out, "  (no builder found)");
            continue;
        };
        let method = methods.get(name.as_str()).map_or("?", String::as_str);
        let _ = writeln!(out, "  client.{method}() -> builder::{name}");
        for setter in &builder.setters {
            let _ = writeln!(out, "  .{setter}");
        }
        let _ = writeln!(out, "  ok: {}", builder.ok);
        let _ = writeln!(out, "  error: {}", builder.error);
    }

    let types = module(&file.items, "types").unwrap_or_default();
    let described: Vec<String> = types.iter().filter_map(describe_type).collect();
    let _ = writeln!(out, "\n# Types ({})", described.len());
    for text in described {
        let _ = write!(out, "\n{text}");
    }

    let _ = writeln!(
        out,
        "\n# Replaced by hand-written types ({})",
        rendered.replaced.len()
    );
    for (name, path) in &rendered.replaced {
        let _ = writeln!(out, "{name} -> {path}");
    }

    let _ = writeln!(
        out,
        "\n# Responses dropped by the response filter ({})",
        rendered.dropped.len()
    );
    for drop in &rendered.dropped {
        let _ = writeln!(
            out,
            "{} {}: {}",
            drop.operation, drop.status, drop.content_type
        );
    }

    let _ = writeln!(
        out,
        "\n# Request bodies dropped by the response filter ({})",
        rendered.dropped_requests.len()
    );
    for drop in &rendered.dropped_requests {
        let _ = writeln!(out, "{} request: {}", drop.operation, drop.content_type);
    }
    Ok(out)
}

/// What one operation's builder offers.
struct Builder {
    setters: Vec<String>,
    ok: String,
    error: String,
}

/// The items of `pub mod name { ... }` among `items`.
fn module<'a>(items: &'a [Item], name: &str) -> Option<&'a [Item]> {
    items.iter().find_map(|item| match item {
        Item::Mod(m) if m.ident == name => m.content.as_ref().map(|(_, items)| items.as_slice()),
        _ => None,
    })
}

/// `impl Client { pub fn op(&self) -> builder::Op<'_> }`: builder name -> method.
fn client_methods(items: &[Item]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for item in items {
        let Item::Impl(imp) = item else { continue };
        if imp.trait_.is_some() || type_text(&imp.self_ty) != "Client" {
            continue;
        }
        for item in &imp.items {
            let ImplItem::Fn(f) = item else { continue };
            if let ReturnType::Type(_, ty) = &f.sig.output
                && let Some(builder) = type_text(ty).strip_prefix("builder::")
            {
                let builder = builder.split('<').next().unwrap_or(builder);
                out.insert(builder.to_string(), f.sig.ident.to_string());
            }
        }
    }
    out
}

/// Builders in `mod builder`, keyed by the `(METHOD, path)` their `send`
/// documents ("Sends a `GET` request to `/path`").
fn builders(items: &[Item]) -> BTreeMap<(String, String), (String, Builder)> {
    let mut out = BTreeMap::new();
    let Some(items) = module(items, "builder") else {
        return out;
    };
    // Field types tell which setters are optional: `Result<Option<T>, String>`.
    let mut optional: BTreeMap<(String, String), bool> = BTreeMap::new();
    for item in items {
        if let Item::Struct(s) = item {
            for field in &s.fields {
                if let Some(ident) = &field.ident {
                    let ty = type_text(&field.ty);
                    optional.insert(
                        (s.ident.to_string(), ident.to_string()),
                        ty.starts_with("Result<Option<"),
                    );
                }
            }
        }
    }
    for item in items {
        let Item::Impl(imp) = item else { continue };
        if imp.trait_.is_some() {
            continue;
        }
        let name = type_text(&imp.self_ty);
        let name = name.split('<').next().unwrap_or(&name).to_string();
        let mut setters = Vec::new();
        let mut send = None;
        for item in &imp.items {
            let ImplItem::Fn(f) = item else { continue };
            let fname = f.sig.ident.to_string();
            match fname.as_str() {
                "new" => {}
                "send" => send = Some(f),
                _ => {
                    let ty = setter_type(&f.sig).unwrap_or_else(|| "?".to_string());
                    let opt = optional
                        .get(&(name.clone(), fname.clone()))
                        .copied()
                        .unwrap_or(false);
                    let suffix = if opt { " (optional)" } else { "" };
                    setters.push(format!("{fname}({ty}){suffix}"));
                }
            }
        }
        let Some(send) = send else { continue };
        let Some(key) = docs(&send.attrs).lines().find_map(parse_sends) else {
            continue;
        };
        let (ok, error) = send_types(&send.sig.output);
        out.insert(key, (name, Builder { setters, ok, error }));
    }
    out
}

/// "Sends a `GET` request to `/path`" -> ("GET", "/path").
fn parse_sends(line: &str) -> Option<(String, String)> {
    let rest = line.trim().strip_prefix("Sends a `")?;
    let (method, rest) = rest.split_once('`')?;
    let rest = rest.strip_prefix(" request to `")?;
    let (path, _) = rest.split_once('`')?;
    Some((method.to_string(), path.to_string()))
}

/// The type a setter accepts: `T` in `V: TryInto<T>`, or the `FnOnce` bound.
fn setter_type(sig: &syn::Signature) -> Option<String> {
    let clause = sig.generics.where_clause.as_ref()?;
    for predicate in &clause.predicates {
        let WherePredicate::Type(p) = predicate else {
            continue;
        };
        // Only bounds on the setter's own type parameter (`V` or `F`).
        let bounded = type_text(&p.bounded_ty);
        if !sig.generics.type_params().any(|t| t.ident == bounded) {
            continue;
        }
        for bound in &p.bounds {
            let TypeParamBound::Trait(t) = bound else {
                continue;
            };
            let last = t.path.segments.last()?;
            if last.ident == "TryInto"
                && let PathArguments::AngleBracketed(args) = &last.arguments
                && let Some(GenericArgument::Type(ty)) = args.args.first()
            {
                return Some(type_text(ty));
            }
            if last.ident == "FnOnce" {
                return Some(clean(&t.path.to_token_stream().to_string()));
            }
        }
    }
    // A setter without a generic parameter: show its argument type.
    sig.inputs.iter().find_map(|arg| match arg {
        FnArg::Typed(t) => Some(type_text(&t.ty)),
        FnArg::Receiver(_) => None,
    })
}

/// `Result<ResponseValue<T>, Error<E>>` -> (T, E).
fn send_types(output: &ReturnType) -> (String, String) {
    let ReturnType::Type(_, ty) = output else {
        return ("()".to_string(), "()".to_string());
    };
    let text = type_text(ty);
    let inner = text
        .strip_prefix("Result<")
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(&text);
    match split_top_level(inner).as_slice() {
        [ok, err] => (
            unwrap_generic(ok, "ResponseValue"),
            unwrap_generic(err, "Error"),
        ),
        _ => (text.clone(), String::new()),
    }
}

fn unwrap_generic(text: &str, name: &str) -> String {
    text.strip_prefix(name)
        .and_then(|t| t.strip_prefix('<'))
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(text)
        .to_string()
}

/// Splits `a, B<c, d>` at top-level commas.
fn split_top_level(text: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts.into_iter().map(|p| p.trim().to_string()).collect()
}

/// One type of `mod types`, or `None` for items that are not types.
fn describe_type(item: &Item) -> Option<String> {
    let mut out = String::new();
    match item {
        Item::Struct(s) => {
            let serde = serde_attrs(&s.attrs);
            match &s.fields {
                Fields::Named(named) => {
                    let _ = writeln!(out, "struct {}{serde}", s.ident);
                    for field in &named.named {
                        let name = field
                            .ident
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default();
                        let wire = wire_name(&field.attrs, &name);
                        let _ = writeln!(out, "  {name}: {}{wire}", type_text(&field.ty));
                    }
                }
                Fields::Unnamed(unnamed) => {
                    let tys: Vec<String> =
                        unnamed.unnamed.iter().map(|f| type_text(&f.ty)).collect();
                    let _ = writeln!(out, "struct {}({}){serde}", s.ident, tys.join(", "));
                }
                Fields::Unit => {
                    let _ = writeln!(out, "struct {}{serde}", s.ident);
                }
            }
        }
        Item::Enum(e) => {
            let _ = writeln!(out, "enum {}{}", e.ident, serde_attrs(&e.attrs));
            for variant in &e.variants {
                let name = variant.ident.to_string();
                let wire = wire_name(&variant.attrs, &name);
                match &variant.fields {
                    Fields::Unit => {
                        let _ = writeln!(out, "  {name}{wire}");
                    }
                    Fields::Unnamed(unnamed) => {
                        let tys: Vec<String> =
                            unnamed.unnamed.iter().map(|f| type_text(&f.ty)).collect();
                        let _ = writeln!(out, "  {name}({}){wire}", tys.join(", "));
                    }
                    Fields::Named(named) => {
                        let fields: Vec<String> = named
                            .named
                            .iter()
                            .map(|f| {
                                let n = f
                                    .ident
                                    .as_ref()
                                    .map(ToString::to_string)
                                    .unwrap_or_default();
                                format!("{n}: {}", type_text(&f.ty))
                            })
                            .collect();
                        let _ = writeln!(out, "  {name} {{ {} }}{wire}", fields.join(", "));
                    }
                }
            }
        }
        Item::Type(t) => {
            let _ = writeln!(out, "type {} = {}", t.ident, type_text(&t.ty));
        }
        _ => return None,
    }
    Some(out)
}

/// The concatenated `///` text of `attrs`.
fn docs(attrs: &[Attribute]) -> String {
    let mut out = String::new();
    for attr in attrs {
        if let Meta::NameValue(nv) = &attr.meta
            && nv.path.is_ident("doc")
            && let Expr::Lit(lit) = &nv.value
            && let Lit::Str(s) = &lit.lit
        {
            out.push_str(&s.value());
            out.push('\n');
        }
    }
    out
}

/// The serde attributes that change the wire shape of a type, e.g. ` [serde(untagged)]`.
fn serde_attrs(attrs: &[Attribute]) -> String {
    let mut parts = Vec::new();
    for attr in attrs {
        if let Meta::List(list) = &attr.meta
            && list.path.is_ident("serde")
        {
            let text = clean(&list.tokens.to_string());
            if !text.starts_with("skip_serializing_if") {
                parts.push(format!(" [serde({text})]"));
            }
        }
    }
    parts.concat()
}

/// ` (wire "x")` when serde renames `name` to `x`.
fn wire_name(attrs: &[Attribute], name: &str) -> String {
    for attr in attrs {
        if let Meta::List(list) = &attr.meta
            && list.path.is_ident("serde")
        {
            let text = list.tokens.to_string();
            if let Some(rest) = text.split("rename = \"").nth(1)
                && let Some((wire, _)) = rest.split_once('"')
                && wire != name
            {
                return format!(" (wire \"{wire}\")");
            }
        }
    }
    String::new()
}

/// A type as compact text: `Option<Vec<types::Foo>>`.
fn type_text(ty: &Type) -> String {
    clean(&ty.to_token_stream().to_string())
}

/// Removes token spacing and the std/chrono paths that add nothing.
fn clean(tokens: &str) -> String {
    let chars: Vec<char> = tokens.chars().collect();
    let mut out = String::with_capacity(tokens.len());
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '\'';
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = out.chars().last();
            let after = chars.get(i + 1).copied();
            if before.is_some_and(word) && after.is_some_and(word) {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    let mut text = out
        .replace(',', ", ")
        .replace("->", " -> ")
        .replace('=', " = ")
        .replace(", >", ">")
        .replace(", )", ")");
    for prefix in [
        "::std::option::",
        "::std::string::",
        "::std::vec::",
        "::std::num::",
        "::std::collections::",
        "std::collections::",
        "std::ops::",
        "::chrono::offset::",
        "::chrono::",
        "::serde_json::",
    ] {
        let short = if prefix.ends_with("serde_json::") {
            "serde_json::"
        } else {
            ""
        };
        text = text.replace(prefix, short);
    }
    text
}
