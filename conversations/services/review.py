"""The review queue's decisions: approve, edit and send, or reject (send the fallback).

Exactly one decision per held reply, by a conditional UPDATE on the review row: two
reviewers clicking at once cannot both send, and the customer gets exactly one message.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from agents.models import AgentText
from agents.selectors import agent_text, agent_texts
from conversations.models import Conversation, Message, Review
from conversations.services import handoff
from conversations.services.delivery import message_send


class ReviewError(ValueError):
    pass


def review_approve(*, review: Review, by: AbstractBaseUser) -> Message:
    return _decide(review=review, by=by, decision=Review.Decision.APPROVED)


def review_edit(*, review: Review, by: AbstractBaseUser, text: str) -> Message:
    text = text.strip()
    if not text:
        raise ReviewError(gettext("The edited reply is empty."))
    if len(text) > 4096:
        raise ReviewError(gettext("WhatsApp messages are limited to 4,096 characters."))
    return _decide(review=review, by=by, decision=Review.Decision.EDITED, text=text)


def review_reject(*, review: Review, by: AbstractBaseUser) -> Message:
    conversation = review.message.conversation
    fallback = agent_text(
        agent=conversation.agent, kind=AgentText.Kind.ESCALATION, language=conversation.language
    )
    return _decide(
        review=review,
        by=by,
        decision=Review.Decision.REJECTED,
        text=fallback,
        author=Message.Author.FALLBACK,
    )


def _decide(
    *,
    review: Review,
    by: AbstractBaseUser,
    decision: str,
    text: str | None = None,
    author: str | None = None,
) -> Message:
    now = timezone.now()
    with transaction.atomic():
        taken = Review.objects.filter(pk=review.pk, decision=Review.Decision.PENDING).update(
            decision=decision, decided_by=by, decided_at=now
        )
        if not taken:
            raise ReviewError(gettext("Someone else has already decided on this reply."))
        message = Message.objects.select_for_update().get(pk=review.message_id)
        fields = ["status", "sent_by"]
        message.status = Message.Status.PENDING
        message.sent_by = by
        if text is not None:
            message.text = text
            fields.append("text")
        if author is not None:
            message.author = author
            fields.append("author")
        message.save(update_fields=fields)
        # The fallback promises a person, and so may an approved or edited reply ("I'll pass
        # you to the team"): make it true, and do not tell the customer twice.
        reason = ""
        if decision == Review.Decision.REJECTED:
            reason = handoff.BY_VALIDATOR
        elif handoff.promises_a_person(
            message.text, agent_texts=agent_texts(agent=message.conversation.agent).values()
        ):
            reason = handoff.BY_PROMISE
        if reason:
            conversation = handoff.conversation_hand_off(
                conversation=message.conversation, reason=reason
            )
            Conversation.objects.filter(pk=conversation.pk).update(handoff_notified_at=now)
    return message_send(message_id=message.pk)
