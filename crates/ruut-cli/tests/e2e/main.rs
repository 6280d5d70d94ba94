//! End-to-end tests: the real `ruut` binary against the sandbox (seed 1),
//! started in-process and passed to the binary through the environment.

mod support;

mod account;
mod api;
mod auth;
mod contact_changes;
mod contacts;
mod conversation_actions;
mod conversations;
mod doctor;
mod errors;
mod help;
mod messages;
mod progress;
mod webhooks;
