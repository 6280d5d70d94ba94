//! Comparing operations: their parameters, request bodies and responses.

use super::*;

impl Cx<'_> {
    pub(super) fn operations(&mut self) {
        let old_ops = operations(self.old);
        let new_ops = operations(self.new);
        let new_by_id: BTreeMap<&str, &Op<'_>> = new_ops
            .iter()
            .filter_map(|op| op.id.map(|id| (id, op)))
            .collect();
        for old_op in &old_ops {
            let Some(new_op) = new_ops
                .iter()
                .find(|n| n.method == old_op.method && n.path == old_op.path)
            else {
                let moved = old_op.id.and_then(|id| new_by_id.get(id));
                let message = match moved {
                    Some(new_op) => format!(
                        "moved operation {} to {} {}",
                        old_op.label(),
                        new_op.method.to_ascii_uppercase(),
                        new_op.path
                    ),
                    None => format!("removed operation {}", old_op.label()),
                };
                self.push_global(Kind::Breaking, message);
                continue;
            };
            self.operation = new_op.name();
            if old_op.id != new_op.id {
                self.push_global(
                    Kind::Breaking,
                    format!(
                        "renamed operationId of {} {} from `{}` to `{}`",
                        new_op.method.to_ascii_uppercase(),
                        new_op.path,
                        old_op.id.unwrap_or("(none)"),
                        new_op.id.unwrap_or("(none)")
                    ),
                );
            }
            self.parameters(old_op, new_op);
            self.request_body(old_op.operation, new_op.operation);
            self.responses(old_op.operation, new_op.operation);
        }
        for new_op in &new_ops {
            let existed = old_ops
                .iter()
                .any(|o| o.method == new_op.method && o.path == new_op.path);
            let moved_here = new_op.id.is_some_and(|id| {
                old_ops.iter().any(|o| {
                    o.id == Some(id) && !(o.method == new_op.method && o.path == new_op.path)
                })
            });
            if !existed && !moved_here {
                self.push_global(
                    Kind::Additive,
                    format!("added operation {}", new_op.label()),
                );
            }
        }
    }

    pub(super) fn parameters(&mut self, old_op: &Op<'_>, new_op: &Op<'_>) {
        let old = parameters(self.old, old_op);
        let new = parameters(self.new, new_op);
        let removed: Vec<&(String, String)> =
            old.keys().filter(|k| !new.contains_key(*k)).collect();
        let added: Vec<&(String, String)> = new.keys().filter(|k| !old.contains_key(*k)).collect();
        let mut renamed = BTreeSet::new();
        for location in ["path", "query", "header", "cookie"] {
            let gone: Vec<_> = removed.iter().filter(|k| k.0 == location).collect();
            let came: Vec<_> = added.iter().filter(|k| k.0 == location).collect();
            if let ([gone], [came]) = (gone.as_slice(), came.as_slice()) {
                self.push(
                    Kind::Breaking,
                    format!("renamed {location} parameter `{}` to `{}`", gone.1, came.1),
                );
                renamed.insert((**gone).clone());
                renamed.insert((**came).clone());
            }
        }
        for key in removed {
            if !renamed.contains(key) {
                self.push(
                    Kind::Breaking,
                    format!("removed {} parameter `{}`", key.0, key.1),
                );
            }
        }
        for key in added {
            if renamed.contains(key) {
                continue;
            }
            let required = is_true(new[key].get("required"));
            if required {
                self.push(
                    Kind::Breaking,
                    format!("new required {} parameter `{}`", key.0, key.1),
                );
            } else {
                self.push(
                    Kind::Additive,
                    format!("new optional {} parameter `{}`", key.0, key.1),
                );
            }
        }
        for (key, old_param) in &old {
            let Some(new_param) = new.get(key) else {
                continue;
            };
            let label = format!("{} parameter `{}`", key.0, key.1);
            let (was, is) = (
                is_true(old_param.get("required")),
                is_true(new_param.get("required")),
            );
            if !was && is {
                self.push(Kind::Breaking, format!("{label} is now required"));
            } else if was && !is {
                self.push(Kind::Additive, format!("{label} is now optional"));
            }
            if let (Some(a), Some(b)) = (old_param.get("schema"), new_param.get("schema")) {
                self.schema(a, b, &Label::top(label), Dir::Request, 0);
            }
        }
    }

    pub(super) fn request_body(&mut self, old_op: &Value, new_op: &Value) {
        let old = old_op.get("requestBody").map(|b| resolve(self.old, b).0);
        let new = new_op.get("requestBody").map(|b| resolve(self.new, b).0);
        match (old, new) {
            (None, None) => {}
            (None, Some(new)) => {
                if is_true(new.get("required")) {
                    self.push(Kind::Breaking, "new required request body".to_string());
                } else {
                    self.push(Kind::Additive, "new optional request body".to_string());
                }
            }
            (Some(_), None) => {
                self.push(Kind::Breaking, "removed the request body".to_string());
            }
            (Some(old), Some(new)) => {
                let (was, is) = (is_true(old.get("required")), is_true(new.get("required")));
                if !was && is {
                    self.push(
                        Kind::Breaking,
                        "the request body is now required".to_string(),
                    );
                } else if was && !is {
                    self.push(
                        Kind::Additive,
                        "the request body is now optional".to_string(),
                    );
                }
                self.content(old, new, "request body", Dir::Request);
            }
        }
    }

    pub(super) fn responses(&mut self, old_op: &Value, new_op: &Value) {
        let empty = Map::new();
        let old = old_op
            .get("responses")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let new = new_op
            .get("responses")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        for (status, old_response) in old {
            let Some(new_response) = new.get(status) else {
                self.push(Kind::Breaking, format!("removed response `{status}`"));
                continue;
            };
            let old_response = resolve(self.old, old_response).0;
            let new_response = resolve(self.new, new_response).0;
            self.content(
                old_response,
                new_response,
                &format!("response {status}"),
                Dir::Response,
            );
        }
        for status in new.keys() {
            if !old.contains_key(status) {
                self.push(Kind::Additive, format!("new response `{status}`"));
            }
        }
    }

    /// Compares the `content` maps of two request bodies or responses.
    pub(super) fn content(&mut self, old: &Value, new: &Value, what: &str, dir: Dir) {
        let empty = Map::new();
        let old = old
            .get("content")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let new = new
            .get("content")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let single = old.len() == 1 && new.len() == 1;
        for (media, old_media) in old {
            let Some(new_media) = new.get(media) else {
                self.push(
                    Kind::Breaking,
                    format!("{what}: removed media type `{media}`"),
                );
                continue;
            };
            let label = if single && media == "application/json" {
                what.to_string()
            } else {
                format!("{what} ({media})")
            };
            match (old_media.get("schema"), new_media.get("schema")) {
                (Some(a), Some(b)) => self.schema(a, b, &Label::top(label), dir, 0),
                (Some(_), None) => {
                    self.push(Kind::Breaking, format!("{label}: removed the schema"));
                }
                _ => {}
            }
        }
        for media in new.keys() {
            if !old.contains_key(media) {
                let kind = if dir == Dir::Request || old.is_empty() {
                    Kind::Additive
                } else {
                    // A client that only parses the old media type may now get another.
                    Kind::Breaking
                };
                self.push(kind, format!("{what}: new media type `{media}`"));
            }
        }
    }
}
