"""Reads for the conversation pages. Every query is scoped by the user's memberships."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.functional import Promise

from agents.selectors import User, business_filter_for_user
from conversations.models import Conversation, Message, Review
from conversations.selectors_review import kind_label

# The thread shows arrival order (the id), which is also the polling cursor: WhatsApp's
# timestamps can arrive out of order, and a thread ordered by them could not be extended by
# appending rows after a cursor.
THREAD_LIMIT = 200
POLL_LIMIT = 100
STATUS_REFRESH_LIMIT = 20
LIST_LIMIT = 100


@dataclass(frozen=True)
class HeldReply:
    """A conversation's replies held for review: the newest one's card, and why.

    A held reply is stored, not sent. The customer's messages it answers are marked
    answered (so no second reply is written), but the customer is still waiting: the pages
    show such a conversation as waiting, never as answered.
    """

    review_id: int  # the newest held reply's review card, /review/<id>/
    kinds: tuple[str | Promise, ...]  # the kinds of its flags, each once, as the card names them
    count: int  # held replies in the conversation, usually 1


def held_replies_by_conversation(*, conversation_ids: Iterable[int]) -> dict[int, HeldReply]:
    """The held replies of each of these conversations that has any, in one query."""
    rows = (
        Review.objects.filter(
            message__conversation_id__in=list(conversation_ids),
            decision=Review.Decision.PENDING,
            message__status=Message.Status.HELD,
        )
        .order_by("-id")
        .values_list("message__conversation_id", "id", "flags")
    )
    held: dict[int, HeldReply] = {}
    for conversation_id, review_id, flags in rows:
        if conversation_id in held:
            newest = held[conversation_id]
            held[conversation_id] = HeldReply(newest.review_id, newest.kinds, newest.count + 1)
            continue
        kinds = dict.fromkeys(
            str(flag.get("kind", "")) for flag in flags or [] if isinstance(flag, dict)
        )
        held[conversation_id] = HeldReply(
            review_id, tuple(kind_label(kind) for kind in kinds if kind), 1
        )
    return held


def conversation_list_for_user(*, user: User, limit: int = LIST_LIMIT) -> list[Conversation]:
    """The user's conversations, newest first, each with its last message and message count.

    Two queries whatever the length: the last message's fields, the count and the "waiting
    for a reply" flag are correlated subqueries, and each row's held replies (``held``, a
    :class:`HeldReply` or None) come in one more query.
    """
    last_message = Message.objects.filter(conversation=OuterRef("pk")).order_by("-timestamp", "-id")
    message_count = (
        Message.objects.filter(conversation=OuterRef("pk"))
        .order_by()
        .values("conversation")
        .annotate(n=Count("id"))
        .values("n")
    )
    conversations = (
        Conversation.objects.filter(business_filter_for_user(user=user))
        .select_related("business", "agent", "agent__business", "agent__pinned_by", "contact")
        .annotate(
            last_message_text=Subquery(last_message.values("text")[:1]),
            last_message_type=Subquery(last_message.values("type")[:1]),
            last_message_direction=Subquery(last_message.values("direction")[:1]),
            last_message_author=Subquery(last_message.values("author")[:1]),
            last_message_timestamp=Subquery(last_message.values("timestamp")[:1]),
            message_count=Coalesce(Subquery(message_count, output_field=IntegerField()), Value(0)),
            awaiting_reply=Exists(Message.objects.unanswered().filter(conversation=OuterRef("pk"))),
        )
        .order_by(F("last_message_at").desc(nulls_last=True), "-id")[:limit]
    )
    conversations = list(conversations)
    held = held_replies_by_conversation(conversation_ids=[c.pk for c in conversations])
    for conversation in conversations:
        conversation.held = held.get(conversation.pk)
    return conversations


def conversation_get_for_user(*, user: User, conversation_id: int) -> Conversation:
    """Fetch and authorise in one call: anything the user may not see is a 404, never a 403.

    The conversation comes with ``held``: its replies held for review (a :class:`HeldReply`),
    or None."""
    conversation = (
        Conversation.objects.filter(business_filter_for_user(user=user), pk=conversation_id)
        .select_related("business", "agent", "agent__business", "contact")
        .first()
    )
    if conversation is None:
        raise Http404("No such conversation")
    conversation.held = held_replies_by_conversation(conversation_ids=[conversation.pk]).get(
        conversation.pk
    )
    return conversation


def _thread_messages(*, conversation: Conversation) -> QuerySet[Message]:
    return (
        Message.objects.filter(conversation=conversation)
        # The review, for a held reply's link to its card.
        .select_related("prompt_version", "review")
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
    """Whether the agent still has messages to answer (it is writing): held replies are not
    that; they wait for a reviewer (see :func:`held_replies_by_conversation`)."""
    return conversation.messages.unanswered().exists()
