//! An answer of any operation, its bodies as JSON, so that one table can hold
//! every operation's calls; and what went wrong with one, readably.

use ruut_api::{Error, ResponseValue};
use serde::Serialize;
use serde_json::Value;

/// What the generated client returned, with the bodies turned into JSON.
pub type Answer = Result<ResponseValue<Value>, Box<Error<Value>>>;

/// `result` with its typed bodies turned into JSON.
pub fn answer<T: Serialize, E: Serialize>(result: Result<ResponseValue<T>, Error<E>>) -> Answer {
    fn json<X: Serialize>(response: ResponseValue<X>) -> ResponseValue<Value> {
        let (status, headers) = (response.status(), response.headers().clone());
        let body = serde_json::to_value(response.into_inner()).unwrap_or_default();
        ResponseValue::new(body, status, headers)
    }
    result.map(json).map_err(|error| {
        Box::new(match error {
            Error::ErrorResponse(response) => Error::ErrorResponse(json(response)),
            Error::InvalidRequest(text) => Error::InvalidRequest(text),
            Error::CommunicationError(e) => Error::CommunicationError(e),
            Error::InvalidUpgrade(e) => Error::InvalidUpgrade(e),
            Error::ResponseBodyError(e) => Error::ResponseBodyError(e),
            Error::InvalidResponsePayload(bytes, e) => Error::InvalidResponsePayload(bytes, e),
            Error::UnexpectedResponse(response) => Error::UnexpectedResponse(response),
            Error::Custom(text) => Error::Custom(text),
        })
    })
}

/// Whether an answer's content type is Prism's own `application/problem+json`.
pub fn from_prism(headers: &reqwest::header::HeaderMap) -> Option<String> {
    let content_type = headers
        .get(reqwest::header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_default();
    content_type
        .contains("problem+json")
        .then_some(content_type)
}

/// What went wrong, with Prism's `validation` list when there is one.
pub async fn describe(error: Error<Value>) -> String {
    match error {
        Error::UnexpectedResponse(response) => {
            let status = response.status();
            let header = response
                .headers()
                .get("sl-violations")
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            let body = response.text().await.unwrap_or_default();
            let mut out = format!("{status}");
            match serde_json::from_str::<Value>(&body) {
                Ok(problem) if problem.get("validation").is_some() => {
                    out.push_str(&validation(&problem));
                }
                _ => out.push_str(&format!(
                    " body: {}",
                    body.chars().take(600).collect::<String>()
                )),
            }
            if let Some(header) = header {
                out.push_str(&format!("\n      sl-violations: {header}"));
            }
            out
        }
        Error::ErrorResponse(response) => {
            if from_prism(response.headers()).is_some() {
                // Prism's own 4xx (no matching route, or a request that breaks
                // the spec) parses as ErrorBody too, but never reached the sandbox.
                format!(
                    "{} from Prism itself (application/problem+json): the request breaks \
                     openapi/ruut.yaml or its route is not in it",
                    response.status()
                )
            } else {
                format!(
                    "documented error {} {}",
                    response.status(),
                    response.into_inner()
                )
            }
        }
        Error::InvalidResponsePayload(bytes, e) => format!(
            "a body the Rust types cannot parse ({e}): {}",
            String::from_utf8_lossy(&bytes)
                .chars()
                .take(600)
                .collect::<String>()
        ),
        other => other.to_string(),
    }
}

/// Prism's problem title and its first validation messages.
fn validation(problem: &Value) -> String {
    const SHOWN: usize = 8;
    let mut out = String::new();
    if let Some(title) = problem.get("title").and_then(|t| t.as_str()) {
        out.push_str(&format!(" {title}"));
    }
    let list = problem["validation"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for v in list.iter().take(SHOWN) {
        let location = v["location"]
            .as_array()
            .map(|l| {
                l.iter()
                    .map(|s| s.as_str().map_or_else(|| s.to_string(), str::to_string))
                    .collect::<Vec<_>>()
                    .join(".")
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "\n      - {} [{}] {}: {}",
            v["severity"].as_str().unwrap_or("?"),
            v["code"].as_str().unwrap_or("?"),
            location,
            v["message"].as_str().unwrap_or("?")
        ));
    }
    if list.len() > SHOWN {
        out.push_str(&format!("\n      - ... and {} more", list.len() - SHOWN));
    }
    out
}
