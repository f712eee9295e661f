"""Builders for WhatsApp Cloud API webhook bodies, shaped as Meta sends them."""

from __future__ import annotations

import json
import time
from typing import Any

from django.test import Client

from conversations.whatsapp.signature import sign

APP_SECRET = "test-app-secret"
PHONE_NUMBER_ID = "106540352242922"
CUSTOMER = "972501234567"


def now() -> int:
    """Unix seconds as Meta stamps a message just sent (replies are only allowed for 24 h)."""
    return int(time.time())


def text_message(
    *, wamid: str, body: str, sender: str = CUSTOMER, timestamp: int | None = None
) -> dict[str, Any]:
    return {
        "from": sender,
        "id": wamid,
        "timestamp": str(timestamp or now()),
        "type": "text",
        "text": {"body": body},
    }


def message_of_type(*, wamid: str, kind: str, content: dict[str, Any], sender: str = CUSTOMER):
    return {"from": sender, "id": wamid, "timestamp": str(now()), "type": kind, kind: content}


def status(
    *, wamid: str, state: str, timestamp: int = 1_764_000_100, errors=None
) -> dict[str, Any]:
    update: dict[str, Any] = {
        "id": wamid,
        "status": state,
        "timestamp": str(timestamp),
        "recipient_id": CUSTOMER,
    }
    if errors:
        update["errors"] = errors
    return update


def change(
    *,
    messages: list[dict] | None = None,
    statuses: list[dict] | None = None,
    phone_number_id: str = PHONE_NUMBER_ID,
    contacts: list[dict] | None = None,
) -> dict[str, Any]:
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550783881", "phone_number_id": phone_number_id},
    }
    if messages is not None:
        senders = {m["from"] for m in messages}
        value["contacts"] = contacts or [
            {"profile": {"name": "Noa Levi"}, "wa_id": s, "user_id": f"IL.{s}"} for s in senders
        ]
        value["messages"] = messages
    if statuses is not None:
        value["statuses"] = statuses
    return {"field": "messages", "value": value}


def envelope(*changes_per_entry: list[dict]) -> dict[str, Any]:
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {"id": f"WABA{i}", "changes": changes} for i, changes in enumerate(changes_per_entry)
        ],
    }


def post_signed(
    client: Client, payload: Any, *, secret: str = APP_SECRET, raw: bytes | None = None
):
    body = raw if raw is not None else json.dumps(payload).encode()
    return client.post(
        "/webhooks/whatsapp/",
        data=body,
        content_type="application/json",
        headers={"X-Hub-Signature-256": sign(body=body, secret=secret)},
    )
