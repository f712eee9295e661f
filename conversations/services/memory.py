"""What the model is told about the conversation so far: a rolling summary plus recent turns.

Sending the whole history with every request is a billing trap. Messages older than the
agent's last N are folded into a stored summary, incrementally from a watermark
(``summary_through_id``), by the cheap model as background work. Until the summary catches
up, the messages after the watermark all go verbatim: a lagging summary costs tokens, never
context.
"""

from __future__ import annotations

import logging

import django_rq
from django.conf import settings
from django.utils import timezone

from agents.llm.budget import Priority
from agents.llm.client import LlmUnavailable
from agents.llm.gateway import BudgetExhausted, llm_call
from agents.llm.router import model_for
from agents.models import LlmCall
from conversations.models import Conversation, Message
from conversations.whatsapp.parser import SILENT_TYPES

logger = logging.getLogger(__name__)

SUMMARY_SYSTEM = """\
You keep the running summary of a WhatsApp conversation between a business's assistant and \
a customer. Update the summary with the new messages. Keep every fact the customer gave \
(name, phone, email, what they need, budget, dates and times), their preferences, and every \
commitment either side made. Drop greetings and small talk. At most 120 words, plain text, \
in the conversation's language. Reply with the updated summary only."""


def _conversational(queryset):
    # Reactions and system notices carry nothing the model needs.
    return queryset.exclude(type__in=SILENT_TYPES)


def history_for_reply(*, conversation: Conversation, pending: list[Message]) -> list[Message]:
    """What the summary does not cover yet, oldest first, without the messages being answered.

    A message that landed while the previous reply was written is older than that reply,
    but it belongs after it: the model sees question, answer, then the new question.
    """
    recent = (
        _conversational(
            Message.objects.filter(
                conversation=conversation, id__gt=conversation.summary_through_id
            )
        )
        .exclude(pk__in=[m.pk for m in pending])
        .order_by("-id")[: settings.REPLY_MAX_VERBATIM_MESSAGES]
    )
    return list(reversed(recent))


def messages_to_fold(*, conversation: Conversation) -> list[Message]:
    """Messages after the watermark that have fallen out of the verbatim window."""
    after = list(
        _conversational(
            Message.objects.filter(
                conversation=conversation, id__gt=conversation.summary_through_id
            )
        ).order_by("id")
    )
    keep = conversation.agent.verbatim_messages
    return after[:-keep] if keep else after


def summary_refresh_due(*, conversation: Conversation) -> bool:
    return len(messages_to_fold(conversation=conversation)) >= settings.SUMMARY_BATCH_MESSAGES


def summary_enqueue_if_due(*, conversation: Conversation) -> bool:
    if not summary_refresh_due(conversation=conversation):
        return False
    from conversations.jobs import refresh_summary

    # One pending refresh per conversation is enough; the job folds whatever is due then.
    connection = django_rq.get_connection(settings.BACKGROUND_QUEUE)
    if not connection.set(f"switchboard:summary-queued:{conversation.pk}", "1", nx=True, ex=300):
        return False
    django_rq.get_queue(settings.BACKGROUND_QUEUE, commit_mode="auto").enqueue(
        refresh_summary, conversation.pk
    )
    return True


def conversation_summary_refresh(*, conversation_id: int) -> bool:
    """Fold the messages that left the verbatim window into the summary. True if it moved."""
    django_rq.get_connection(settings.BACKGROUND_QUEUE).delete(
        f"switchboard:summary-queued:{conversation_id}"
    )
    conversation = Conversation.objects.select_related("agent").get(pk=conversation_id)
    fold = messages_to_fold(conversation=conversation)
    if not fold:
        return False
    transcript = "\n".join(
        f"{'Customer' if m.direction == Message.Direction.INBOUND else 'Assistant'}: {m.text}"
        for m in fold
    )
    request = (
        f"<summary>\n{conversation.summary or '(none yet)'}\n</summary>\n"
        f"<new_messages>\n{transcript}\n</new_messages>\n"
        "Write the updated summary."
    )
    try:
        response = llm_call(
            purpose=LlmCall.Purpose.SUMMARY,
            model=model_for(agent=conversation.agent, purpose=LlmCall.Purpose.SUMMARY),
            system=SUMMARY_SYSTEM,
            messages=[{"role": "user", "content": request}],
            max_tokens=300,
            agent_id=conversation.agent_id,
            conversation_id=conversation.pk,
            priority=Priority.BACKGROUND,
        )
    except (LlmUnavailable, BudgetExhausted) as error:
        # The messages stay unsummarised and go verbatim meanwhile; the next reply that finds
        # the summary due asks again.
        logger.warning("summary of conversation %s postponed: %s", conversation.pk, error)
        return False
    # Conditional on the watermark we read: a concurrent refresh that got there first wins,
    # and this one's work is dropped rather than folding the same messages twice.
    moved = Conversation.objects.filter(
        pk=conversation.pk, summary_through_id=conversation.summary_through_id
    ).update(
        summary=response.text.strip(),
        summary_through_id=fold[-1].pk,
        summary_updated_at=timezone.now(),
    )
    return bool(moved)
