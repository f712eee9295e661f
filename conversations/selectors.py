"""Reads for the conversation pages. Every query is scoped by the user's memberships."""

from __future__ import annotations

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from agents.selectors import User, business_filter_for_user
from conversations.models import Conversation, Message

# The thread shows arrival order (the id), which is also the polling cursor: WhatsApp's
# timestamps can arrive out of order, and a thread ordered by them could not be extended by
# appending rows after a cursor.
THREAD_LIMIT = 200
POLL_LIMIT = 100
STATUS_REFRESH_LIMIT = 20
LIST_LIMIT = 100


# An inbound message still waiting for its reply; matches the partial index
# ``message_unanswered``.
UNANSWERED = Q(direction=Message.Direction.INBOUND, needs_reply=True, answered_by__isnull=True)


def conversation_list_for_user(*, user: User, limit: int = LIST_LIMIT) -> QuerySet[Conversation]:
    """The user's conversations, newest first, each with its last message and message count.

    One query: the last message's fields, the count and the "waiting for a reply" flag are
    correlated subqueries, so the list costs the same for 1 row or 100.
    """
    last_message = Message.objects.filter(conversation=OuterRef("pk")).order_by("-timestamp", "-id")
    message_count = (
        Message.objects.filter(conversation=OuterRef("pk"))
        .order_by()
        .values("conversation")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        Conversation.objects.filter(business_filter_for_user(user=user))
        .select_related("business", "agent", "agent__pinned_by", "contact")
        .annotate(
            last_message_text=Subquery(last_message.values("text")[:1]),
            last_message_type=Subquery(last_message.values("type")[:1]),
            last_message_direction=Subquery(last_message.values("direction")[:1]),
            last_message_author=Subquery(last_message.values("author")[:1]),
            last_message_timestamp=Subquery(last_message.values("timestamp")[:1]),
            message_count=Coalesce(Subquery(message_count, output_field=IntegerField()), Value(0)),
            awaiting_reply=Exists(Message.objects.filter(UNANSWERED, conversation=OuterRef("pk"))),
        )
        .order_by(F("last_message_at").desc(nulls_last=True), "-id")[:limit]
    )


def conversation_get_for_user(*, user: User, conversation_id: int) -> Conversation:
    """Fetch and authorise in one call: anything the user may not see is a 404, never a 403."""
    conversation = (
        Conversation.objects.filter(business_filter_for_user(user=user), pk=conversation_id)
        .select_related("business", "agent", "contact")
        .first()
    )
    if conversation is None:
        raise Http404("No such conversation")
    return conversation


def _thread_messages(*, conversation: Conversation) -> QuerySet[Message]:
    return (
        Message.objects.filter(conversation=conversation)
        .select_related("prompt_version")
        .defer("prompt_version__body", "prompt_version__changelog")
    )


def message_list_for_thread(
    *, conversation: Conversation, limit: int = THREAD_LIMIT
) -> list[Message]:
    """The most recent ``limit`` messages, oldest first."""
    newest_first = _thread_messages(conversation=conversation).order_by("-id")[:limit]
    return list(reversed(newest_first))


def message_list_after(
    *, conversation: Conversation, after_id: int, limit: int = POLL_LIMIT
) -> list[Message]:
    """Messages the client has not seen yet: ids above its cursor, oldest first.

    Capped, so a client far behind catches up over a few polls instead of in one response.
    """
    return list(
        _thread_messages(conversation=conversation).filter(id__gt=after_id).order_by("id")[:limit]
    )


def message_list_recent_outbound(
    *, conversation: Conversation, up_to_id: int, limit: int = STATUS_REFRESH_LIMIT
) -> list[Message]:
    """The last ``limit`` outbound messages the client already shows, to refresh their status.

    Re-sent on every poll rather than "changed since": a status row carries Meta's time of
    the event, not ours, so a late webhook would fall behind any time-based cursor.
    """
    newest_first = (
        _thread_messages(conversation=conversation)
        .filter(direction=Message.Direction.OUTBOUND, id__lte=up_to_id)
        .order_by("-id")[:limit]
    )
    return list(reversed(newest_first))


def conversation_is_awaiting_reply(*, conversation: Conversation) -> bool:
    return Message.objects.filter(UNANSWERED, conversation=conversation).exists()
