//! `ruut doctor`: what a person checks first when nothing works, one line per
//! check with what to do about it. Nothing on the server changes
//! ([`ruut_sdk::Client::probe`] asks only questions).

use ruut_sdk::types::RuutId;
use ruut_sdk::{AuthHeader, Client, ErrorKind, ProbeReport, StatusRoute};
use serde::Serialize;

use crate::args::Format;
use crate::commands::Context;
use crate::exit::{Code, Failure, Outcome};
use crate::output::{Column, emit};

/// How a check went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Verdict {
    Ok,
    Warn,
    Fail,
}

/// One line of the report.
#[derive(Debug, Serialize)]
struct Check {
    check: &'static str,
    verdict: Verdict,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<String>,
    #[serde(skip)]
    code: Option<Code>,
}

impl Check {
    fn ok(check: &'static str, detail: String) -> Self {
        Self {
            check,
            verdict: Verdict::Ok,
            detail,
            fix: None,
            code: None,
        }
    }

    fn warn(check: &'static str, detail: String, fix: &str) -> Self {
        Self {
            check,
            verdict: Verdict::Warn,
            detail,
            fix: Some(fix.to_owned()),
            code: None,
        }
    }

    fn fail(check: &'static str, error: &ruut_sdk::Error, fix: &str) -> Self {
        Self {
            check,
            verdict: Verdict::Fail,
            detail: error.to_string(),
            fix: Some(fix.to_owned()),
            code: Some(Code::of(error.kind())),
        }
    }
}

const COLUMNS: &[Column] = &[
    Column::new("check", "/check"),
    Column::new("verdict", "/verdict"),
    Column::new("detail", "/detail"),
    Column::new("fix", "/fix"),
];

/// Runs `ruut doctor`.
pub async fn run(ctx: &Context) -> Outcome {
    let client = ctx.client()?;
    let checks = diagnose(&client).await;
    print(ctx, &checks)?;
    match checks.iter().find_map(|c| c.code) {
        Some(code) => Err(Failure {
            code,
            message: "doctor found a problem (see above)".to_owned(),
        }),
        None => Ok(()),
    }
}

async fn diagnose(client: &Client) -> Vec<Check> {
    let url = client.base_url().to_owned();
    let mut checks = Vec::new();
    match client.get_server_info().await {
        Ok(info) => checks.push(Check::ok(
            "server",
            format!("{url} answers, version {}", info.version),
        )),
        Err(e) => {
            checks.push(Check::fail(
                "server",
                &e,
                "check RUUT_BASE_URL (or --base-url) and that the server is up",
            ));
            return checks;
        }
    }
    let report = match client.probe().await {
        Ok(report) => report,
        Err(e) => {
            let fix = match e.kind() {
                ErrorKind::Unauthorized => {
                    "the token is refused in both header spellings: create a new access token (Profile settings) and run `ruut auth login`"
                }
                ErrorKind::Forbidden => {
                    "the token may not list its accounts: use a user's token, not an agent bot's"
                }
                _ => "retry; if it persists, run with --verbose and look at the failing request",
            };
            checks.push(Check::fail("token", &e, fix));
            return checks;
        }
    };
    checks.push(token(&report));
    checks.push(header(&report));
    checks.push(route(&report));
    checks.push(account(client, &report).await);
    checks
}

fn ids(report: &ProbeReport) -> String {
    let ids: Vec<String> = report
        .accounts
        .iter()
        .map(|a| match &a.id {
            RuutId::Int64(id) => id.to_string(),
            RuutId::String(id) => id.clone(),
        })
        .collect();
    ids.join(", ")
}

fn token(report: &ProbeReport) -> Check {
    Check::ok(
        "token",
        format!("accepted; it reaches account(s) {}", ids(report)),
    )
}

fn header(report: &ProbeReport) -> Check {
    match report.auth_header {
        AuthHeader::Underscore => Check::ok("header", "api_access_token reaches the server".to_owned()),
        _ => Check::warn(
            "header",
            "a proxy drops api_access_token; api-access-token gets through (the client switched by itself)".to_owned(),
            "to save the extra request, set `underscores_in_headers on;` in the nginx in front of the server",
        ),
    }
}

fn route(report: &ProbeReport) -> Check {
    match report.status_route {
        StatusRoute::AccountScoped => Check::warn(
            "status route",
            "stock Chatwoot: status changes go to .../toggle_status (no `scheduling`; reasons become private notes)".to_owned(),
            "nothing to do; the client uses that route by itself",
        ),
        _ => Check::ok("status route", "Ruut's PATCH /api/v1/conversations/{id}/status".to_owned()),
    }
}

async fn account(client: &Client, report: &ProbeReport) -> Check {
    let Some(id) = client.account_id() else {
        return Check::warn(
            "account",
            format!("no account id set; the token reaches {}", ids(report)),
            "set RUUT_ACCOUNT_ID, pass --account, or store one with `ruut auth login`",
        );
    };
    match client.get_account().await {
        Ok(account) => Check::ok("account", format!("{id} ({}) is reachable", account.name)),
        Err(e) => Check::fail(
            "account",
            &e,
            &format!("use one of the accounts the token reaches: {}", ids(report)),
        ),
    }
}

fn print(ctx: &Context, checks: &[Check]) -> Outcome {
    if ctx.printer.format() != Format::Table {
        let mut listing = ctx.printer.list(COLUMNS);
        for check in checks {
            listing.push(check)?;
        }
        return listing.finish();
    }
    let mut text = String::new();
    for check in checks {
        let verdict = match check.verdict {
            Verdict::Ok => "ok  ",
            Verdict::Warn => "warn",
            Verdict::Fail => "FAIL",
        };
        text.push_str(&format!(
            "{verdict}  {:<13} {}\n",
            check.check, check.detail
        ));
        if let Some(fix) = &check.fix {
            text.push_str(&format!("      {:<13} -> {fix}\n", ""));
        }
    }
    emit(&text)
}
