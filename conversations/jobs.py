"""RQ jobs: thin, they take ids and call a service. Queue names live in settings."""

from __future__ import annotations

from conversations.services.reply import conversation_reply


def reply_to_conversation(conversation_id: int) -> str:
    return conversation_reply(conversation_id=conversation_id).status
