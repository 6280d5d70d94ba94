//! The reports v2 CSV downloads, checked line by line against the JSON
//! summaries of the same week (the second account, where the user is an
//! administrator).

use std::sync::Arc;

use futures::TryStreamExt;
use ruut_api::types::{NewTeam, ReportType};
use ruut_api::{ByteStream, Error, ResponseValue};
use ruut_sdk::{ReportCsv, ReportRange};
use serde_json::Value;

use crate::Operation;
use crate::report_data::raw;
use crate::table::{Entry, World, call, job, sdk};

/// The 401 an agent gets (Pundit's).
const NOT_ALLOWED: &str = "You are not authorized to do this action";

/// The seeded conversations' week (2025-11-24 to 2025-12-01).
const SINCE: &str = "1764000000";
const UNTIL: &str = "1764604800";
const PERIOD: &str = "Reporting period 2025-11-24 to 2025-12-01";

/// A refusal the typed request provokes, the body of a success (a byte
/// stream) dropped before the answer is compared.
macro_rules! refusal {
    (|$w:ident| $request:expr) => {
        crate::table::How::Provoke(|$w: Arc<World>| {
            job(async move { crate::table::refused($request.send().await.map(drop)) })
        })
    };
}

/// The entry of one download: success checked by `check`, the agent's 401
/// and the 422 of a missing `until`.
macro_rules! download {
    ($op:ident, $kind:ident, $builder:ident, $check:ident) => {
        Entry::new(Operation::$op, |w| job($check(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .download(
                    ReportCsv::$kind,
                    ReportRange::new(1_764_000_000, 1_764_604_800)
                )
                .send()))
            .call(call!(|api, ids| api
                .$builder()
                .account_id(ids.account)
                .since(SINCE)
                .until(UNTIL)))
            .refuses(
                401,
                "an agent",
                refusal!(|w| w
                    .api
                    .$builder()
                    .account_id(w.seed.account_id)
                    .since(SINCE)
                    .until(UNTIL)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "an until that is not Unix seconds",
                refusal!(|w| w
                    .api
                    .$builder()
                    .account_id(w.seed.second_account_id)
                    .since(SINCE)
                    .until("friday")),
            )
    };
}

pub fn entries() -> Vec<Entry> {
    vec![
        download!(DownloadAgentsReport, Agents, download_agents_report, agents),
        download!(
            DownloadInboxesReport,
            Inboxes,
            download_inboxes_report,
            inboxes
        ),
        download!(DownloadLabelsReport, Labels, download_labels_report, labels),
        download!(DownloadTeamsReport, Teams, download_teams_report, teams),
        download!(
            DownloadConversationsSummaryReport,
            ConversationsSummary,
            download_conversations_summary_report,
            conversations_summary
        ),
    ]
}

/// The file's lines, after checking its headers and its first three lines.
async fn read(
    answer: Result<ResponseValue<ByteStream>, Error<ruut_api::types::ErrorBody>>,
    file: &str,
    header: &str,
) -> Vec<String> {
    let answer = answer.expect("downloaded");
    let headers = answer.headers().clone();
    assert_eq!(headers["content-type"], "text/csv");
    let disposition = format!("attachment; filename={file}");
    assert_eq!(headers["content-disposition"], disposition.as_str());
    let bytes = answer
        .into_inner()
        .into_inner()
        .try_fold(Vec::new(), |mut all, chunk| async move {
            all.extend_from_slice(&chunk);
            Ok(all)
        })
        .await
        .expect("read");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    assert_eq!(lines[..4], [PERIOD, "", "", header], "{text}");
    assert!(text.ends_with('\n'));
    lines[4..].to_vec()
}

/// `Reports::TimeFormatPresenter`, written again as the check's oracle.
fn time(value: &Value) -> String {
    let total = value.as_f64().unwrap_or(0.0).trunc() as i64;
    if total == 0 {
        return "N/A".to_owned();
    }
    let units = [
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
        (1, "second"),
    ];
    let mut rest = total;
    let mut parts = Vec::new();
    for (size, unit) in units {
        let n = rest / size;
        rest %= size;
        if n != 0 {
            parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
        }
    }
    parts.truncate(2);
    parts.join(" ")
}

/// The metric fields of a summary row, as the file writes them.
fn metrics(row: &Value) -> String {
    format!(
        "{},{},{},{},{}",
        row["conversations_count"],
        time(&row["avg_first_response_time"]),
        time(&row["avg_resolution_time"]),
        time(&row["avg_reply_time"]),
        row["resolved_conversations_count"]
    )
}

/// A JSON summary of the second account for the week.
async fn summary(w: &Arc<World>, path: &str) -> Vec<Value> {
    let query = format!("since={SINCE}&until={UNTIL}");
    let (answer, text) = raw(w.clone(), path, &query).await;
    assert_eq!(answer.status, 200, "{text}");
    serde_json::from_str(&text).expect("rows")
}

async fn agents(w: Arc<World>) {
    let request = w.api.download_agents_report();
    let request = request.account_id(w.seed.second_account_id);
    let answer = request.since(SINCE).until(UNTIL).send().await;
    let header = "Agent name,Assigned conversations,Avg first response time,Avg resolution time,\
                  Avg customer waiting time,Resolution Count";
    let lines = read(answer, "agents_report.csv", header).await;
    let rows = summary(&w, "v2/accounts/{account}/summary_reports/agent").await;
    let agents = w.api.list_agents().account_id(w.seed.second_account_id);
    let agents = agents.send().await.expect("agents").into_inner();
    let expected: Vec<String> = rows
        .iter()
        .map(|row| {
            let id = row["id"].as_i64();
            let agent = agents.iter().find(|a| Some(a.id) == id).expect("a member");
            format!("{},{}", agent.name, metrics(row))
        })
        .collect();
    assert_eq!(lines, expected);
}

async fn inboxes(w: Arc<World>) {
    let request = w.api.download_inboxes_report();
    let request = request.account_id(w.seed.second_account_id);
    let answer = request.since(SINCE).until(UNTIL).send().await;
    let header = "Inbox name,Inbox type,No. of conversations,Avg first response time,\
                  Avg resolution time";
    let lines = read(answer, "inboxes_report.csv", header).await;
    let rows = summary(&w, "v2/accounts/{account}/summary_reports/inbox").await;
    assert_eq!(lines.len(), rows.len());
    // The second account's one inbox is a website widget.
    let expected = format!("Globex Website,Website,{}", metrics(&rows[0]));
    assert_eq!(lines[0], expected);
}

async fn labels(w: Arc<World>) {
    let request = w.api.download_labels_report();
    let request = request.account_id(w.seed.second_account_id);
    let answer = request.since(SINCE).until(UNTIL).send().await;
    let header = "Label,No. of conversations,Avg first response time,Avg resolution time,\
                  Avg reply time,Resolution Count";
    let lines = read(answer, "labels_report.csv", header).await;
    let rows = summary(&w, "v2/accounts/{account}/summary_reports/label").await;
    let expected: Vec<String> = rows
        .iter()
        .map(|row| format!("{},{}", row["name"].as_str().unwrap_or(""), metrics(row)))
        .collect();
    assert_eq!(lines, expected);
    assert_eq!(
        lines,
        ["lead,0,N/A,N/A,N/A,0"],
        "the untouched seeded label"
    );
}

/// A team whose name a spreadsheet would read as a formula is written with
/// a leading `'` (`CSVSafe`).
async fn teams(w: Arc<World>) {
    let team = NewTeam {
        name: "+night shift".to_owned(),
        description: None,
        allow_auto_assign: None,
    };
    let request = w.api.create_team().account_id(w.seed.second_account_id);
    request.body(team).send().await.expect("team created");
    let request = w.api.download_teams_report();
    let request = request.account_id(w.seed.second_account_id);
    let answer = request.since(SINCE).until(UNTIL).send().await;
    let header = "Team name,Conversations count,Avg first response time,Avg resolution time,\
                  Avg customer waiting time,Resolution Count";
    let lines = read(answer, "teams_report.csv", header).await;
    let rows = summary(&w, "v2/accounts/{account}/summary_reports/team").await;
    let teams = w.api.list_teams().account_id(w.seed.second_account_id);
    let teams = teams.send().await.expect("teams").into_inner();
    assert!(!rows.is_empty(), "the second account has a team");
    let expected: Vec<String> = rows
        .iter()
        .map(|row| {
            let team = teams.iter().find(|t| Some(t.id) == row["id"].as_i64());
            let name = &team.expect("listed").name;
            let name = if name.starts_with('+') {
                format!("'{name}")
            } else {
                name.clone()
            };
            format!("{name},{}", metrics(row))
        })
        .collect();
    assert_eq!(lines, expected);
    assert!(
        lines.iter().any(|l| l.starts_with("'+night shift,0,")),
        "{lines:?}"
    );
}

async fn conversations_summary(w: Arc<World>) {
    let request = w.api.download_conversations_summary_report();
    let request = request.account_id(w.seed.second_account_id);
    let answer = request.since(SINCE).until(UNTIL).send().await;
    let header = "Conversations,Messages received,Messages sent,Avg first response time,\
                  Avg resolution time,Resolution count,Avg customer waiting time";
    let lines = read(answer, "conversations_summary_report.csv", header).await;
    let request = w.api.get_report_summary();
    let request = request.account_id(w.seed.second_account_id);
    let request = request.type_(ReportType::Account).since(SINCE).until(UNTIL);
    let s = request.send().await.expect("summary").into_inner();
    let json = |v: Option<f64>| v.map_or(Value::Null, Value::from);
    let expected = format!(
        "{},{},{},{},{},{},{}",
        s.conversations_count,
        s.incoming_messages_count,
        s.outgoing_messages_count,
        time(&json(s.avg_first_response_time)),
        time(&json(s.avg_resolution_time)),
        s.resolutions_count,
        time(&json(s.reply_time)),
    );
    assert_eq!(lines, [expected]);
    assert!(
        s.conversations_count > 0,
        "the seeded week has conversations"
    );
}
