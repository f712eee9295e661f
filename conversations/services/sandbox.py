"""The chat sandbox: an owner writes as a customer and the real reply path answers.

A sandbox conversation is an ordinary conversation with ``is_sandbox`` set: its messages are
stored as the webhook stores them and answered by the same reply job, with the same prompt,
models, grounding check and ladder. The WhatsApp client sends nothing for it (it returns a
made-up wamid), and metrics leave it out. One per user and agent, so two owners trying the
same agent do not read each other's test.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from agents.models import Agent
from conversations.models import Conversation, Lead, Message
from conversations.services.enqueue import reply_enqueue_on_commit
from conversations.services.inbound import contact_get_or_create

# The prefix of inbound wamids; outbound ones get the WhatsApp client's "sandbox." prefix.
INBOUND_WAMID_PREFIX = "sandbox-in."


def sandbox_user_id(*, user: AbstractBaseUser) -> str:
    return f"sandbox-{user.pk}"


def sandbox_conversation_find(*, agent: Agent, user: AbstractBaseUser) -> Conversation | None:
    """The user's sandbox conversation with ``agent``, if they have tried it before."""
    return (
        Conversation.objects.filter(
            agent=agent,
            is_sandbox=True,
            contact__business=agent.business,
            contact__user_id=sandbox_user_id(user=user),
        )
        .select_related("agent", "business", "contact")
        .first()
    )


def sandbox_conversation_for(*, agent: Agent, user: AbstractBaseUser) -> Conversation:
    """The user's sandbox conversation with ``agent``, created on first use."""
    contact = contact_get_or_create(
        agent=agent,
        wa_id=None,
        user_id=sandbox_user_id(user=user),
        profile_name=f"{user.get_username()} (sandbox)",
    )
    conversation, _ = Conversation.objects.select_related(
        "agent", "business", "contact"
    ).get_or_create(
        agent=agent,
        contact=contact,
        defaults={"business": agent.business, "is_sandbox": True},
    )
    if not conversation.is_sandbox:
        # Reset deletes messages: it must never reach a real customer's thread, whatever
        # identity Meta once gave them.
        raise ValueError(f"conversation {conversation.pk} of {contact} is not a sandbox")
    return conversation


def sandbox_message_post(*, conversation: Conversation, text: str) -> Message:
    """Store ``text`` as the customer's message, as the webhook would, and queue the reply."""
    if not conversation.is_sandbox:
        raise ValueError(f"conversation {conversation.pk} is not a sandbox")
    if not text.strip():
        raise ValueError("a sandbox message needs some text")
    now = timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            conversation=conversation,
            direction=Message.Direction.INBOUND,
            wamid=f"{INBOUND_WAMID_PREFIX}{uuid.uuid4().hex}",
            type="text",
            text=text,
            author=Message.Author.CUSTOMER,
            status=Message.Status.RECEIVED,
            needs_reply=True,
            timestamp=now,
        )
        when = Value(now)
        Conversation.objects.filter(pk=conversation.pk).update(
            last_inbound_at=Greatest(Coalesce(F("last_inbound_at"), when), when),
            last_message_at=Greatest(Coalesce(F("last_message_at"), when), when),
        )
        reply_enqueue_on_commit(conversation_id=conversation.pk)
    return message


def sandbox_reset(*, conversation: Conversation) -> Conversation:
    """Start the sandbox over: no messages, summary, lead or handoff.

    A reply job already running finds nothing left to answer; one that stored its reply
    just before the reset loses it with the rest.
    """
    if not conversation.is_sandbox:
        raise ValueError(f"conversation {conversation.pk} is not a sandbox")
    with transaction.atomic():
        # Reviews of held replies go with their messages (CASCADE); ledger rows stay, unlinked.
        Message.objects.filter(conversation=conversation).delete()
        Lead.objects.filter(conversation=conversation).delete()
        Conversation.objects.filter(pk=conversation.pk).update(
            summary="",
            summary_through_id=0,
            summary_updated_at=None,
            handed_off_at=None,
            handoff_reason="",
            handoff_notified_at=None,
            last_inbound_at=None,
            last_message_at=None,
        )
    conversation.refresh_from_db()
    return conversation
