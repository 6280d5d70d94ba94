//! Helpers shared by the sandbox's integration tests: a started sandbox and a
//! plain reqwest client that speaks to it.

#![allow(dead_code)]

use reqwest::{Method, StatusCode};
use ruut_sandbox::Sandbox;
use serde_json::Value;

/// A started sandbox with a client.
pub struct Api {
    /// The sandbox under test.
    pub sb: Sandbox,
    /// A client without redirects or default headers.
    pub http: reqwest::Client,
}

/// The answer to one request: status, headers and body text.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Answer {
    /// The body as JSON (panics with the body if it is not JSON).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    /// A header's value as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

impl Api {
    pub async fn start() -> Api {
        Self::with(Sandbox::builder()).await
    }

    pub async fn with(builder: ruut_sandbox::SandboxBuilder) -> Api {
        Api {
            sb: builder.start().await.expect("sandbox starts"),
            http: client(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.sb.base_url(), path)
    }

    /// The main account's path prefix plus `rest`.
    pub fn acct(&self, rest: &str) -> String {
        format!("/api/v1/accounts/{}{rest}", self.sb.account_id())
    }

    /// Sends a request with an optional token and JSON body.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let mut req = self.http.request(method, self.url(path));
        if let Some(token) = token {
            req = req.header("api_access_token", token);
        }
        if let Some(body) = body {
            req = req.json(&body);
        }
        let resp = req.send().await.expect("request succeeds");
        Answer {
            status: resp.status(),
            headers: resp.headers().clone(),
            text: resp.text().await.expect("body"),
        }
    }

    /// GET as the user.
    pub async fn get(&self, path: &str) -> Answer {
        self.call(Method::GET, path, Some(self.sb.user_token()), None)
            .await
    }

    /// POST JSON as the user.
    pub async fn post(&self, path: &str, body: Value) -> Answer {
        self.call(Method::POST, path, Some(self.sb.user_token()), Some(body))
            .await
    }

    /// PATCH JSON as the user.
    pub async fn patch(&self, path: &str, body: Value) -> Answer {
        self.call(Method::PATCH, path, Some(self.sb.user_token()), Some(body))
            .await
    }

    /// A conversation of the main account, as JSON.
    pub async fn conversation(&self, id: i64) -> Value {
        let answer = self.get(&self.acct(&format!("/conversations/{id}"))).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
        answer.json()
    }
}
