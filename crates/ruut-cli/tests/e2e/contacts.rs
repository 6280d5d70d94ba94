//! `ruut contacts list|search|show|create`.

use crate::support::Env;

#[test]
fn list_as_a_table() {
    let env = Env::start();
    insta::assert_snapshot!(env.ok(&["contacts", "list", "-o", "table", "--limit", "5"]));
}

#[test]
fn list_all_streams_every_contact() {
    let env = Env::start();
    let first = env.json_lines(&["contacts", "list"]);
    let every = env.json_lines(&["contacts", "list", "--all"]);
    assert_eq!(first.len(), 15, "a page of contacts");
    assert!(every.len() > first.len());
    assert_eq!(every[..15], first[..]);
}

#[test]
fn search_show_and_create() {
    let env = Env::start();
    let found = env.json_lines(&["contacts", "search", "crm-16"]);
    assert_eq!(found.len(), 1, "{found:?}");
    let id = found[0]["id"].as_i64().unwrap();
    let shown = env.json(&["contacts", "show", &id.to_string()]);
    assert_eq!(shown["identifier"], "crm-16");
    insta::assert_snapshot!(
        "show_table",
        env.ok(&["contacts", "show", &id.to_string(), "-o", "table"])
    );
    let created = env.json(&[
        "contacts",
        "create",
        "--name",
        "Ada Lovelace",
        "--email",
        "ada@example.com",
        "--phone",
        "+15550001111",
    ]);
    assert_eq!(created["name"], "Ada Lovelace");
    let again = env.json_lines(&["contacts", "search", "ada@example.com"]);
    assert_eq!(again.len(), 1);
    assert_eq!(again[0]["id"], created["id"]);
    // A duplicate email is refused by the server: exit code 8.
    let duplicate = env.run(&["contacts", "create", "--email", "ada@example.com"]);
    assert_eq!(duplicate.code, 8, "{}", duplicate.stderr);
}
