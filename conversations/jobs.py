"""RQ jobs: thin, they take ids and call a service. Queue names live in settings."""

from __future__ import annotations

from conversations.services.delivery import message_send, sweep
from conversations.services.leads import lead_extract, lead_review
from conversations.services.memory import conversation_summary_refresh
from conversations.services.reply import conversation_reply


def reply_to_conversation(conversation_id: int) -> str:
    return conversation_reply(conversation_id=conversation_id).status


def send_message(message_id: int) -> str:
    return message_send(message_id=message_id).status


def refresh_summary(conversation_id: int) -> bool:
    return conversation_summary_refresh(conversation_id=conversation_id)


def sweep_unanswered() -> dict[str, list[int]]:
    result = sweep()
    return {
        "conversations": list(result.conversations_requeued),
        "messages": list(result.messages_resent),
    }


def extract_lead(conversation_id: int) -> str | None:
    lead = lead_extract(conversation_id=conversation_id)
    return lead.score if lead else None


def review_lead(lead_id: int) -> bool:
    return lead_review(lead_id=lead_id)
