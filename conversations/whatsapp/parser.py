"""Turn a WhatsApp Cloud API webhook body into typed inbound messages and status updates.

Meta batches: one POST may carry many entries, each with many changes, each with many
messages and statuses. The whole body is validated before anything is stored, so a body we
cannot read changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


class PayloadError(ValueError):
    """The body is JSON but not a WhatsApp webhook we can read; the message says where."""


@dataclass(frozen=True)
class InboundMessage:
    phone_number_id: str
    wamid: str
    wa_id: str | None
    user_id: str | None
    profile_name: str
    timestamp: dt.datetime
    type: str
    text: str
    needs_reply: bool
    context_wamid: str | None = None


@dataclass(frozen=True)
class StatusError:
    code: str
    title: str


@dataclass(frozen=True)
class StatusUpdate:
    phone_number_id: str
    wamid: str
    status: str
    timestamp: dt.datetime
    error: StatusError | None = None


@dataclass
class ParsedWebhook:
    messages: list[InboundMessage] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)


KNOWN_STATUSES = {"sent", "delivered", "read", "failed"}
# Types that carry nothing to answer: a reaction is an emoji on one of our messages, a system
# notice says the customer changed number.
SILENT_TYPES = {"reaction", "system"}


def parse_webhook(payload: Any) -> ParsedWebhook:
    if not isinstance(payload, dict):
        raise PayloadError("body must be a JSON object")
    entries = payload.get("entry")
    if not isinstance(entries, list):
        raise PayloadError("'entry' must be a list")
    parsed = ParsedWebhook()
    for e, entry in enumerate(entries):
        changes = _dict(entry, f"entry[{e}]").get("changes", [])
        if not isinstance(changes, list):
            raise PayloadError(f"entry[{e}].changes must be a list")
        for c, change in enumerate(changes):
            where = f"entry[{e}].changes[{c}]"
            change = _dict(change, where)
            if change.get("field") != "messages":
                continue  # account updates, template statuses and the like are not ours
            _parse_value(_dict(change.get("value"), f"{where}.value"), where, parsed)
    return parsed


def _parse_value(value: dict[str, Any], where: str, parsed: ParsedWebhook) -> None:
    metadata = _dict(value.get("metadata"), f"{where}.value.metadata")
    phone_number_id = _str(
        metadata.get("phone_number_id"), f"{where}.value.metadata.phone_number_id"
    )
    profiles = _contact_profiles(value.get("contacts", []), where)
    for m, raw in enumerate(_list(value.get("messages", []), f"{where}.value.messages")):
        parsed.messages.append(
            _parse_message(_dict(raw, f"{where}.value.messages[{m}]"), phone_number_id, profiles)
        )
    for s, raw in enumerate(_list(value.get("statuses", []), f"{where}.value.statuses")):
        parsed.statuses.append(
            _parse_status(_dict(raw, f"{where}.value.statuses[{s}]"), phone_number_id)
        )


def _contact_profiles(contacts: Any, where: str) -> dict[str, dict[str, str | None]]:
    """Profiles by the key messages use in ``from``: the wa_id, else the user_id."""
    profiles: dict[str, dict[str, str | None]] = {}
    for k, raw in enumerate(_list(contacts, f"{where}.value.contacts")):
        contact = _dict(raw, f"{where}.value.contacts[{k}]")
        profile = contact.get("profile") if isinstance(contact.get("profile"), dict) else {}
        info = {
            "wa_id": _opt_str(contact.get("wa_id")),
            "user_id": _opt_str(contact.get("user_id")),
            "name": _opt_str(profile.get("name")) or "",
        }
        for key in (info["wa_id"], info["user_id"]):
            if key:
                profiles[key] = info
    return profiles


def _parse_message(
    raw: dict[str, Any], phone_number_id: str, profiles: dict[str, dict[str, str | None]]
) -> InboundMessage:
    wamid = _str(raw.get("id"), "message.id")
    sender = _opt_str(raw.get("from"))
    profile = profiles.get(sender or "", {})
    wa_id = profile.get("wa_id") or (sender if sender and sender.isdigit() else None)
    user_id = profile.get("user_id") or _opt_str(raw.get("from_user_id"))
    if not wa_id and not user_id:
        if not sender:
            raise PayloadError(f"message {wamid} names no sender")
        user_id = sender
    kind = _opt_str(raw.get("type")) or "unknown"
    context = raw.get("context") if isinstance(raw.get("context"), dict) else {}
    return InboundMessage(
        phone_number_id=phone_number_id,
        wamid=wamid,
        wa_id=wa_id,
        user_id=user_id,
        profile_name=str(profile.get("name") or ""),
        timestamp=_timestamp(raw.get("timestamp"), f"message {wamid}"),
        type=kind,
        text=describe(kind, raw),
        needs_reply=kind not in SILENT_TYPES,
        context_wamid=_opt_str(context.get("id")),
    )


def describe(kind: str, raw: dict[str, Any]) -> str:
    """The text of a message, or a readable placeholder for what cannot be read as text."""
    body = raw.get(kind) if isinstance(raw.get(kind), dict) else {}
    if kind == "text":
        return str(body.get("body", ""))
    if kind in {"image", "video", "document", "audio", "sticker"}:
        caption = str(body.get("caption") or "").strip()
        name = {"document": f"document {body.get('filename') or ''}".strip()}.get(kind, kind)
        if kind == "audio" and body.get("voice"):
            name = "voice message"
        return f"[{name}] {caption}" if caption else f"[{name}]"
    if kind == "location":
        label = ", ".join(str(body[k]) for k in ("name", "address") if body.get(k))
        where = f"{body.get('latitude')}, {body.get('longitude')}"
        return f"[location] {label} ({where})" if label else f"[location] {where}"
    if kind == "interactive":
        reply = body.get("button_reply") or body.get("list_reply") or {}
        return str(reply.get("title") or "[interactive reply]")
    if kind == "button":
        return str(body.get("text") or body.get("payload") or "[button]")
    if kind == "reaction":
        emoji = body.get("emoji")
        return f"[reaction] {emoji}" if emoji else "[reaction removed]"
    if kind == "contacts":
        return "[shared contact]"
    if kind == "order":
        return "[order]"
    if kind == "system":
        return f"[system] {body.get('body') or ''}".strip()
    return "[unsupported message]"


def _parse_status(raw: dict[str, Any], phone_number_id: str) -> StatusUpdate:
    wamid = _str(raw.get("id"), "status.id")
    status = _str(raw.get("status"), f"status of {wamid}")
    if status not in KNOWN_STATUSES:
        raise PayloadError(f"status of {wamid} is {status!r}, not one of {sorted(KNOWN_STATUSES)}")
    error = None
    errors = raw.get("errors")
    if status == "failed" and isinstance(errors, list) and errors and isinstance(errors[0], dict):
        first = errors[0]
        error = StatusError(
            code=str(first.get("code", "")),
            title=str(first.get("title") or first.get("message") or "")[:500],
        )
    return StatusUpdate(
        phone_number_id=phone_number_id,
        wamid=wamid,
        status=status,
        timestamp=_timestamp(raw.get("timestamp"), f"status of {wamid}"),
        error=error,
    )


def _timestamp(raw: Any, where: str) -> dt.datetime:
    try:
        return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        raise PayloadError(f"{where}: timestamp must be Unix seconds, got {raw!r}") from None


def _dict(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise PayloadError(f"{where} must be an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise PayloadError(f"{where} must be a list")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str | int) or str(value) == "":
        raise PayloadError(f"{where} must be a non-empty string")
    return str(value)


def _opt_str(value: Any) -> str | None:
    return str(value) if isinstance(value, str | int) and str(value) != "" else None
