"""Handing a conversation to a person, answering from the browser, and handing it back.

A conversation goes to the human inbox when the agent is not live yet (or its knowledge base
is empty), when the agent is in HUMAN_ONLY mode, when the grounding check replaces a reply
with the fallback, when the customer asks for a person, or when an operator decides so. The
customer is told once per handoff; after that the AI stays quiet and people answer from the
inbox until someone hands the conversation back.
"""

from __future__ import annotations

import re

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from agents.models import AgentText
from agents.selectors import agent_text
from conversations.models import Conversation, Message
from conversations.services.delivery import message_send, within_service_window
from conversations.services.enqueue import reply_enqueue_on_commit

# Reasons, kept as constants: the reply path releases handoffs made by the mode by itself
# once the agent has recovered, and only those. They are stored in English; the pages
# translate these known ones when they show them (``{% translate conversation.handoff_reason %}``).
BY_MODE = gettext_noop("The agent is in humans-only mode")
BY_VALIDATOR = gettext_noop("A reply made claims the knowledge base does not support")
BY_CUSTOMER = gettext_noop("The customer asked for a person")
BY_OPERATOR = gettext_noop("Handed over by a team member")
BY_NOT_LIVE = gettext_noop("The agent is not live yet")

_ASKS_FOR_A_PERSON = re.compile(
    r"\b(human|real person|a person|representative|operator|agent please|talk to (?:someone|a"
    r" manager)|speak (?:to|with) (?:someone|a person|a human|a manager))\b"
    r"|נציג|בן\s?אדם|אדם אמיתי|לדבר עם מישהו|מנהל(?:ת)?\b",
    re.IGNORECASE,
)


class HandoffError(ValueError):
    pass


def asks_for_a_person(text: str) -> bool:
    return bool(_ASKS_FOR_A_PERSON.search(text))


def conversation_hand_off(*, conversation: Conversation, reason: str) -> Conversation:
    # Conditional: of two hand-offs racing, one wins and the customer is told once.
    Conversation.objects.filter(pk=conversation.pk, handed_off_at__isnull=True).update(
        handed_off_at=timezone.now(), handoff_reason=reason[:200], handoff_notified_at=None
    )
    conversation.refresh_from_db(fields=["handed_off_at", "handoff_reason", "handoff_notified_at"])
    return conversation


def handoff_notice_store(
    *, conversation: Conversation, pending: list[Message], language: str | None = None
) -> Message | None:
    """Store the handoff message for the customer, once per handoff, answering ``pending``.

    The notice is in ``language`` (the language of the messages it answers; default the
    conversation's). Later messages in a handed-off conversation are left for people: the
    notice is not repeated on every message. Returns None when the customer was already told."""
    language = language or conversation.language
    text = agent_text(agent=conversation.agent, kind=AgentText.Kind.HANDOFF, language=language)
    with transaction.atomic():
        claimed = Conversation.objects.filter(
            pk=conversation.pk, handed_off_at__isnull=False, handoff_notified_at__isnull=True
        ).update(handoff_notified_at=timezone.now())
        if not claimed:
            return None
        notice = Message.objects.create(
            conversation=conversation,
            direction=Message.Direction.OUTBOUND,
            type="text",
            text=text,
            author=Message.Author.FALLBACK,
            status=Message.Status.PENDING,
            timestamp=timezone.now(),
        )
        Message.objects.filter(pk__in=[m.pk for m in pending], answered_by__isnull=True).update(
            answered_by=notice
        )
        Conversation.objects.filter(pk=conversation.pk).update(language=language)
    return notice


def handed_off_by_mode_only(*, conversation: Conversation) -> bool:
    """Handed over because the agent was in humans-only mode, and no person has answered."""
    if conversation.handed_off_at is None or conversation.handoff_reason != BY_MODE:
        return False
    return not conversation.messages.filter(
        author=Message.Author.HUMAN, created_at__gte=conversation.handed_off_at
    ).exists()


def conversation_hand_back(*, conversation: Conversation) -> Conversation:
    conversation.handed_off_at = None
    conversation.handoff_reason = ""
    conversation.handoff_notified_at = None
    conversation.save(update_fields=["handed_off_at", "handoff_reason", "handoff_notified_at"])
    waiting = conversation.messages.filter(
        direction=Message.Direction.INBOUND, needs_reply=True, answered_by__isnull=True
    )
    if waiting.exists():
        # Messages nobody answered while people had it: the agent answers them now, not
        # whenever the sweeper comes round.
        reply_enqueue_on_commit(conversation_id=conversation.pk)
    return conversation


def human_reply_send(*, conversation: Conversation, author: AbstractBaseUser, text: str) -> Message:
    """A person answers from the browser: stored, answering everything waiting, then sent."""
    text = text.strip()
    if not text:
        raise HandoffError(gettext("Write a reply first."))
    if len(text) > 4096:
        raise HandoffError(gettext("WhatsApp messages are limited to 4,096 characters."))
    if not within_service_window(conversation):
        raise HandoffError(
            gettext(
                "More than 24 hours have passed since the customer's last message: WhatsApp "
                "only allows template messages now."
            )
        )
    with transaction.atomic():
        reply = Message.objects.create(
            conversation=conversation,
            direction=Message.Direction.OUTBOUND,
            type="text",
            text=text,
            author=Message.Author.HUMAN,
            status=Message.Status.PENDING,
            sent_by=author,
            timestamp=timezone.now(),
        )
        Message.objects.filter(
            conversation=conversation,
            direction=Message.Direction.INBOUND,
            needs_reply=True,
            answered_by__isnull=True,
        ).update(answered_by=reply)
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=reply.timestamp)
    return message_send(message_id=reply.pk)


def handoffs_release_recovered() -> list[int]:
    """Hand back conversations that went to people only because their agent was in
    humans-only mode, now that it is not, where no person has answered yet.

    The customer was told a person would answer; the agent now answers what that notice only
    acknowledged, rather than leaving the customer waiting for a person nobody assigned.
    """
    from agents.ladder import agent_mode
    from agents.models import Mode

    released = []
    modes: dict[int, str] = {}
    candidates = Conversation.objects.filter(
        handed_off_at__isnull=False, handoff_reason=BY_MODE
    ).select_related("agent")
    for conversation in candidates:
        if conversation.agent_id not in modes:
            modes[conversation.agent_id] = agent_mode(agent=conversation.agent)
        if modes[conversation.agent_id] == Mode.HUMAN_ONLY:
            continue
        if not handed_off_by_mode_only(conversation=conversation):
            continue
        with transaction.atomic():
            Message.objects.filter(
                conversation=conversation,
                direction=Message.Direction.INBOUND,
                needs_reply=True,
                answered_by__author=Message.Author.FALLBACK,
                answered_by__created_at__gte=conversation.handed_off_at,
            ).update(answered_by=None)
            conversation_hand_back(conversation=conversation)
        released.append(conversation.pk)
    return released
