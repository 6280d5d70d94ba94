//! Resolving `$ref`s in the typed model the way progenitor does.
//!
//! Progenitor looks a reference up by its *last segment* in the component
//! section that matches the context (parameters, responses, ...), and panics
//! when the key is missing. This module resolves the same way but returns an
//! error instead, so lints can skip or report unresolvable references.

use openapiv3::{Components, OpenAPI, Parameter, ReferenceOr, RequestBody, Response, Schema};

/// A kind of object that can live in `components`.
pub trait Component: Sized {
    /// The section name under `components`, e.g. `parameters`.
    const SECTION: &'static str;
    /// Looks `name` up in this kind's section.
    fn lookup<'a>(components: &'a Components, name: &str) -> Option<&'a ReferenceOr<Self>>;
}

/// `impl Component for $ty`, looked up in `components.$field`.
macro_rules! component {
    ($ty:ty, $section:literal, $field:ident) => {
        impl Component for $ty {
            const SECTION: &'static str = $section;
            fn lookup<'a>(components: &'a Components, name: &str) -> Option<&'a ReferenceOr<Self>> {
                components.$field.get(name)
            }
        }
    };
}

component!(Parameter, "parameters", parameters);
component!(RequestBody, "requestBodies", request_bodies);
component!(Response, "responses", responses);
component!(Schema, "schemas", schemas);

/// Why a reference did not resolve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefError {
    /// Not a local reference (does not start with `#/`).
    External,
    /// Local, but not of the form `#/components/<section>/<Name>`.
    BadShape,
    /// Of the right form, but pointing at another section than the context needs.
    WrongSection {
        /// The section the reference points into.
        found: String,
        /// The section the context needs.
        expected: &'static str,
    },
    /// The named component does not exist.
    Missing,
    /// References to references went on for too long (a cycle).
    TooDeep,
}

/// Splits `#/components/<section>/<Name>` into `(section, name)`.
pub fn split_component_ref(reference: &str) -> Result<(&str, &str), RefError> {
    if !reference.starts_with("#/") {
        return Err(RefError::External);
    }
    let rest = reference
        .strip_prefix("#/components/")
        .ok_or(RefError::BadShape)?;
    match rest.split_once('/') {
        Some((section, name)) if !section.is_empty() && !name.is_empty() && !name.contains('/') => {
            Ok((section, name))
        }
        _ => Err(RefError::BadShape),
    }
}

/// Resolves `item` to the object it is or points at.
pub fn resolve<'a, T: Component>(
    api: &'a OpenAPI,
    item: &'a ReferenceOr<T>,
) -> Result<&'a T, RefError> {
    let mut current = item;
    for _ in 0..32 {
        match current {
            ReferenceOr::Item(item) => return Ok(item),
            ReferenceOr::Reference { reference } => {
                let (section, name) = split_component_ref(reference)?;
                if section != T::SECTION {
                    return Err(RefError::WrongSection {
                        found: section.to_string(),
                        expected: T::SECTION,
                    });
                }
                current = api
                    .components
                    .as_ref()
                    .and_then(|c| T::lookup(c, name))
                    .ok_or(RefError::Missing)?;
            }
        }
    }
    Err(RefError::TooDeep)
}

/// The `$ref` string of `item`, if it is a reference.
pub fn reference_of<T>(item: &ReferenceOr<T>) -> Option<&str> {
    match item {
        ReferenceOr::Reference { reference } => Some(reference),
        ReferenceOr::Item(_) => None,
    }
}
