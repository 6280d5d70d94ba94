"""How a Python team uses the published spec.

`cargo xtask ci` generates a client package with openapi-python-client
(target/polyglot/python/ruut_client, on PYTHONPATH), starts the sandbox, and
runs this script with RUUT_BASE_URL and RUUT_TOKEN set. It lists the
accounts and the conversations, resolves one with Ruut's documented route,
reads it back, sends a message with a file (the multipart body of
createMessage) and downloads the file from its data_url without the token,
and checks every answer. Any failed check exits non-zero with
a message saying what was expected.
"""

from __future__ import annotations

import os
import sys
from http import HTTPStatus
from io import BytesIO

import httpx

import builtins

from ruut_client import AuthenticatedClient
from ruut_client.types import Unset

# openapi-python-client 0.29.1 annotates an operation with two request bodies
# (createMessage: JSON or multipart) as `... | Unset` without importing
# `Unset` (its endpoint template sets `body_required` inside a Jinja loop, where
# the value does not survive), so importing the module would fail with a
# NameError. The name is looked up in builtins last; provide it there.
builtins.Unset = Unset  # type: ignore[attr-defined]

from ruut_client.api.accounts import list_accounts  # noqa: E402
from ruut_client.api.messages import create_message, list_conversation_attachments  # noqa: E402
from ruut_client.api.conversations import (  # noqa: E402
    get_conversation,
    list_conversations,
    update_conversation_status,
)
from ruut_client.types import File  # noqa: E402
from ruut_client.models import (  # noqa: E402
    Conversation,
    ConversationList,
    ConversationStatus,
    ConversationStatusChange,
    ConversationStatusFilter,
    ErrorBody,
    Message,
    NewMessageWithAttachments,
    RuutAccount,
    RuutConversation,
)


def check(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"use_client.py: FAILED: {message}")


def client_for(base_url: str, token: str, *, strict: bool = True) -> AuthenticatedClient:
    # Ruut reads the token from the `api_access_token` header, with no prefix;
    # the generator's default would be `Authorization: Bearer <token>`.
    return AuthenticatedClient(
        base_url=base_url,
        token=token,
        auth_header_name="api_access_token",
        prefix="",
        raise_on_unexpected_status=strict,
        timeout=None,
    )


def main() -> None:
    base_url = os.environ["RUUT_BASE_URL"]
    client = client_for(base_url, os.environ["RUUT_TOKEN"])

    # 1. List accounts (Ruut's documented route).
    accounts = list_accounts.sync_detailed(client=client)
    check(accounts.status_code == HTTPStatus.OK, f"listAccounts answered {accounts.status_code}")
    check(isinstance(accounts.parsed, list) and len(accounts.parsed) > 0, f"no accounts: {accounts.parsed!r}")
    account = accounts.parsed[0]
    check(isinstance(account, RuutAccount), f"not a RuutAccount: {account!r}")
    account_id = int(account.id)
    print(f"listAccounts: {len(accounts.parsed)} account(s), using {account_id} ({account.name})")

    # 2. List conversations (every status).
    page = list_conversations.sync_detailed(account_id, client=client, status=ConversationStatusFilter.ALL)
    check(page.status_code == HTTPStatus.OK, f"listConversations answered {page.status_code}")
    check(isinstance(page.parsed, ConversationList), f"not a ConversationList: {page.parsed!r}")
    conversations = page.parsed.data.payload
    check(len(conversations) > 0, "the sandbox has no conversations")
    counts = page.parsed.data.meta
    check(counts.all_count >= len(conversations), f"all_count {counts.all_count} < page size {len(conversations)}")
    target = next((c for c in conversations if c.status != ConversationStatus.RESOLVED), None)
    check(target is not None, "every conversation is already resolved")
    assert target is not None
    print(
        f"listConversations: {len(conversations)} on the page, all_count {counts.all_count}; "
        f"resolving #{target.id} ({target.status.value})"
    )

    # 3. Resolve it with the documented route.
    change = ConversationStatusChange(status=ConversationStatus.RESOLVED, reason="Customer confirmed the fix")
    resolved = update_conversation_status.sync_detailed(target.id, client=client, body=change)
    check(resolved.status_code == HTTPStatus.OK, f"updateConversationStatus answered {resolved.status_code}")
    check(isinstance(resolved.parsed, RuutConversation), f"not a RuutConversation: {resolved.parsed!r}")
    check(
        resolved.parsed.status == ConversationStatus.RESOLVED,
        f"updateConversationStatus says {resolved.parsed.status}",
    )
    check(int(resolved.parsed.id) == target.id, f"answered for #{resolved.parsed.id}, not #{target.id}")
    print(f"updateConversationStatus: #{target.id} is {resolved.parsed.status.value}")

    # 4. Read it back.
    back = get_conversation.sync_detailed(account_id, target.id, client=client)
    check(back.status_code == HTTPStatus.OK, f"getConversation answered {back.status_code}")
    check(isinstance(back.parsed, Conversation), f"not a Conversation: {back.parsed!r}")
    check(back.parsed.status == ConversationStatus.RESOLVED, f"read back as {back.parsed.status}")
    print(f"getConversation: #{back.parsed.id} reads back as {back.parsed.status.value}")

    # 5. A message with a file (multipart/form-data), downloaded back from its data_url.
    report = b"order,status\n1042,shipped\n"
    upload = NewMessageWithAttachments(
        content="The shipping report",
        attachments=[File(payload=BytesIO(report), file_name="report.csv", mime_type="text/csv")],
    )
    sent = create_message.sync_detailed(account_id, target.id, client=client, body=upload)
    check(sent.status_code == HTTPStatus.OK, f"createMessage (multipart) answered {sent.status_code}")
    check(isinstance(sent.parsed, Message), f"not a Message: {sent.parsed!r}")
    assert isinstance(sent.parsed, Message)
    files = sent.parsed.attachments
    check(len(files) == 1, f"{len(files)} attachments, not 1")
    check(files[0].file_size == len(report), f"file_size {files[0].file_size}, not {len(report)}")
    # data_url redirects to storage; follow it without the token.
    download = httpx.get(str(files[0].data_url), follow_redirects=True)
    check(download.status_code == HTTPStatus.OK, f"the data_url answered {download.status_code}")
    check(download.content == report, f"downloaded {download.content!r}")
    listed = list_conversation_attachments.sync_detailed(account_id, target.id, client=client)
    check(listed.status_code == HTTPStatus.OK, f"listConversationAttachments answered {listed.status_code}")
    check(listed.parsed is not None and listed.parsed.meta.total_count >= 1, f"not listed: {listed.parsed!r}")
    print(f"createMessage: message {sent.parsed.id} with {files[0].file_type}, read back through its data_url")

    # 6. Errors parse into the documented error body.
    anonymous = client_for(base_url, "not-a-valid-token", strict=False)
    denied = list_accounts.sync_detailed(client=anonymous)
    check(denied.status_code == HTTPStatus.UNAUTHORIZED, f"a bad token got {denied.status_code}, not 401")
    check(isinstance(denied.parsed, ErrorBody), f"the 401 body is not an ErrorBody: {denied.parsed!r}")
    missing = get_conversation.sync_detailed(account_id, 999_999, client=client)
    check(missing.status_code == HTTPStatus.NOT_FOUND, f"an unknown conversation got {missing.status_code}, not 404")
    check(isinstance(missing.parsed, ErrorBody), f"the 404 body is not an ErrorBody: {missing.parsed!r}")
    print("errors: 401 and 404 parse as ErrorBody")

    print("6 passed, 0 failed")


if __name__ == "__main__":
    main()
