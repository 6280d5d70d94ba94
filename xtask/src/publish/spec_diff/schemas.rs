//! Comparing schemas: types, enums, properties and alternatives.

use super::*;

impl Cx<'_> {
    /// Reports a yes/no property of `at` that changed, `(was, is)`;
    /// `wider_at` is the value that lets more through (a nullable schema, an
    /// optional field). `said` is what to write, for requests then
    /// responses: when the property became true, when it became false.
    fn flag(
        &mut self,
        at: &str,
        dir: Dir,
        (was, is): (bool, bool),
        wider_at: bool,
        said: [[&str; 2]; 2],
    ) {
        if was == is {
            return;
        }
        let text = said[usize::from(dir == Dir::Response)][usize::from(!is)];
        self.push(widening(dir, is == wider_at), format!("{at}: {text}"));
    }

    pub(super) fn schema(
        &mut self,
        old: &Value,
        new: &Value,
        label: &Label,
        dir: Dir,
        depth: usize,
    ) {
        if depth > 64 {
            return;
        }
        let (old_s, old_ref) = resolve(self.old, old);
        let (new_s, new_ref) = resolve(self.new, new);
        let label = match component_name(new_ref.as_deref()) {
            Some(name) => Label::component(name),
            None => label.clone(),
        };
        let key = (
            old_ref.clone().unwrap_or_default(),
            new_ref.clone().unwrap_or_default(),
            dir,
        );
        if old_ref.is_some() && new_ref.is_some() && self.stack.contains(&key) {
            return;
        }
        self.stack.push(key);
        let outer = self.direction.replace(dir);
        let old_n = normalize(self.old, old_s);
        let new_n = normalize(self.new, new_s);
        self.compare_normalized(&old_n, &new_n, &label, dir, depth);
        self.direction = outer;
        self.stack.pop();
    }

    pub(super) fn compare_normalized(
        &mut self,
        old: &Norm,
        new: &Norm,
        label: &Label,
        dir: Dir,
        depth: usize,
    ) {
        let at = label.show();
        // Null.
        self.flag(
            &at,
            dir,
            (old.nullable, new.nullable),
            true,
            [
                ["now accepts null", "no longer accepts null"],
                ["may now be null", "is no longer null"],
            ],
        );
        // Type and format.
        if let (Some(a), Some(b)) = (&old.ty, &new.ty)
            && a != b
        {
            self.push(
                Kind::Breaking,
                format!("{at}: changed type from {a} to {b}"),
            );
            return;
        }
        if old.ty.is_none() != new.ty.is_none() {
            let (kind, message) = match (&old.ty, &new.ty, dir) {
                (None, Some(b), Dir::Request) => {
                    (Kind::Breaking, format!("{at}: now only accepts {b}"))
                }
                (None, Some(b), Dir::Response) => {
                    (Kind::Additive, format!("{at}: is now always {b}"))
                }
                (Some(a), None, Dir::Request) => (
                    Kind::Additive,
                    format!("{at}: accepts any type, not only {a}"),
                ),
                (Some(a), None, Dir::Response) => (
                    Kind::Breaking,
                    format!("{at}: may be any type, not only {a}"),
                ),
                _ => unreachable!("exactly one side has a type"),
            };
            self.push(kind, message);
        }
        if old.format != new.format {
            let show = |f: &Option<String>| f.clone().unwrap_or_else(|| "(none)".to_string());
            self.push(
                Kind::Breaking,
                format!(
                    "{at}: changed format from {} to {}",
                    show(&old.format),
                    show(&new.format)
                ),
            );
        }
        self.enums(old, new, &at, dir);
        self.properties(old, new, label, dir, depth);
        if let (Some(a), Some(b)) = (&old.items, &new.items) {
            self.schema(a, b, &label.child("[]"), dir, depth + 1);
        }
        self.alternatives(old, new, label, dir, depth);
    }

    pub(super) fn enums(&mut self, old: &Norm, new: &Norm, at: &str, dir: Dir) {
        let show = |values: &[String]| values.join(", ");
        match (&old.enumeration, &new.enumeration) {
            (Some(a), Some(b)) => {
                let lost: Vec<String> = a.iter().filter(|v| !b.contains(v)).cloned().collect();
                let gained: Vec<String> = b.iter().filter(|v| !a.contains(v)).cloned().collect();
                if !lost.is_empty() {
                    let kind = widening(dir, false);
                    self.push(kind, format!("{at}: enum lost {}", show(&lost)));
                }
                if !gained.is_empty() {
                    let kind = widening_enum(dir, new.open_enum);
                    self.push(kind, format!("{at}: enum gained {}", show(&gained)));
                }
            }
            (None, Some(b)) => {
                let kind = widening(dir, false);
                self.push(kind, format!("{at}: now restricted to {}", show(b)));
            }
            (Some(_), None) => {
                let kind = widening_enum(dir, old.open_enum);
                self.push(kind, format!("{at}: no longer restricted to an enum"));
            }
            (None, None) => {}
        }
    }

    pub(super) fn properties(
        &mut self,
        old: &Norm,
        new: &Norm,
        label: &Label,
        dir: Dir,
        depth: usize,
    ) {
        for (name, old_prop) in &old.properties {
            let child = label.child(name);
            let at = child.show();
            let Some(new_prop) = new.properties.get(name) else {
                let what = match dir {
                    Dir::Request => "request",
                    Dir::Response => "response",
                };
                self.push(Kind::Breaking, format!("{at}: removed {what} field"));
                continue;
            };
            self.flag(
                &at,
                dir,
                (old.required.contains(name), new.required.contains(name)),
                false,
                [
                    ["is now required", "is now optional"],
                    ["is now always present", "may now be absent"],
                ],
            );
            self.schema(old_prop, new_prop, &child, dir, depth + 1);
        }
        for name in new.properties.keys() {
            if old.properties.contains_key(name) {
                continue;
            }
            let at = label.child(name).show();
            let required = new.required.contains(name);
            match (dir, required) {
                (Dir::Request, true) => {
                    self.push(Kind::Breaking, format!("{at}: new required request field"));
                }
                (Dir::Request, false) => {
                    self.push(Kind::Additive, format!("{at}: new optional request field"));
                }
                (Dir::Response, _) => {
                    self.push(Kind::Additive, format!("{at}: new response field"));
                }
            }
        }
    }

    pub(super) fn alternatives(
        &mut self,
        old: &Norm,
        new: &Norm,
        label: &Label,
        dir: Dir,
        depth: usize,
    ) {
        if old.alternatives.is_empty() && new.alternatives.is_empty() {
            return;
        }
        let at = label.show();
        for (i, (a, b)) in old.alternatives.iter().zip(&new.alternatives).enumerate() {
            self.schema(
                a,
                b,
                &label.child(&format!("<alternative {}>", i + 1)),
                dir,
                depth + 1,
            );
        }
        let (o, n) = (old.alternatives.len(), new.alternatives.len());
        if n > o {
            self.push(
                widening(dir, true),
                format!("{at}: {} new oneOf/anyOf alternative(s)", n - o),
            );
        } else if o > n {
            self.push(
                widening(dir, false),
                format!("{at}: {} oneOf/anyOf alternative(s) removed", o - n),
            );
        }
    }
}

/// The kind of a change that lets more (`wider`) or less through in `dir`:
/// clients keep working when requests may carry more or responses carry
/// less; the other way round breaks them.
fn widening(dir: Dir, wider: bool) -> Kind {
    if (dir == Dir::Request) == wider {
        Kind::Additive
    } else {
        Kind::Breaking
    }
}

/// [`widening`] for an enum that accepts more values: a response enum marked
/// `x-ruut-open-enum` tells clients to accept unknown values, so it may grow.
fn widening_enum(dir: Dir, open: bool) -> Kind {
    if open && dir == Dir::Response {
        Kind::Additive
    } else {
        widening(dir, true)
    }
}
