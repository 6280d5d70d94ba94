//! The label summary report (`getLabelSummaryReport`): each label's row
//! adds up with the conversations the conversation routes list, by their
//! tags.

use std::sync::Arc;

use ruut_api::types::{LabelCreate, LabelSummaryReportRow};
use ruut_sdk::ReportRange;

use crate::Operation;
use crate::report_data::{conversations, first_responses, range};
use crate::table::{Entry, World, call, job, provoke, sdk};

/// The 401 an agent gets.
const NOT_ALLOWED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::GetLabelSummaryReport, |w| job(by_label(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .by_label(ReportRange::last_days(7))
                .business_hours(true)
                .send()))
            .call(call!(|api, ids| api
                .get_label_summary_report()
                .account_id(ids.account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .get_label_summary_report()
                    .account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "a since that is not Unix seconds",
                provoke!(|w| w
                    .api
                    .get_label_summary_report()
                    .account_id(w.seed.second_account_id)
                    .since("yesterday")
                    .until("1764000000")),
            ),
    ]
}

/// The rows of the second account for `since`/`until` (both or neither).
async fn rows(w: &World, since: Option<&str>, until: Option<&str>) -> Vec<LabelSummaryReportRow> {
    let mut request = w
        .api
        .get_label_summary_report()
        .account_id(w.seed.second_account_id);
    if let (Some(since), Some(until)) = (since, until) {
        request = request.since(since).until(until);
    }
    request.send().await.expect("rows").into_inner()
}

/// A label record for the seed's `billing` tag makes a row whose counts
/// and first-response average are those of the tagged conversations; the
/// untouched `lead` averages 0; a range before everything counts nothing,
/// and no range counts everything.
async fn by_label(w: Arc<World>) {
    let request = w.api.create_label().account_id(w.seed.second_account_id);
    let body = LabelCreate {
        title: "billing".to_owned(),
        color: None,
        description: None,
        show_on_sidebar: None,
    };
    request.body(body).send().await.expect("label created");
    let all = conversations(&w).await;
    let billing: Vec<_> = all
        .into_iter()
        .filter(|c| c.labels.contains(&"billing".to_owned()))
        .collect();
    assert!(!billing.is_empty(), "the seed tags some with billing");
    let (since, until) = range(&conversations(&w).await);
    let got = rows(&w, Some(&since), Some(&until)).await;
    let names: Vec<&str> = got.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["billing", "lead"], "every label, by title");
    let (row, lead) = (&got[0], &got[1]);
    assert_eq!(row.conversations_count as usize, billing.len(), "{row:?}");
    let resolved = billing
        .iter()
        .filter(|c| c.status.as_str() == "resolved")
        .count();
    assert_eq!(row.resolved_conversations_count as usize, resolved);
    let firsts = first_responses(&billing);
    let expected = if firsts.is_empty() {
        0.0
    } else {
        firsts.iter().sum::<f64>() / firsts.len() as f64
    };
    assert!(
        (row.avg_first_response_time - expected).abs() < 1e-6,
        "{row:?}"
    );
    assert_eq!(lead.conversations_count, 0);
    assert_eq!(lead.avg_resolution_time, 0.0, "nothing to average is 0");
    assert_eq!(lead.id, w.seed.second_account_label_id);

    let before = rows(&w, Some("0"), Some("1")).await;
    assert_eq!(before[0].conversations_count, 0, "{before:?}");
    assert_eq!(before[0].resolved_conversations_count, 0);
    let unbounded = rows(&w, None, None).await;
    assert_eq!(unbounded[0].conversations_count, row.conversations_count);
    assert_eq!(
        unbounded[0].resolved_conversations_count,
        row.resolved_conversations_count
    );
}
