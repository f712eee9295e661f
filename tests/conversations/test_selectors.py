"""The conversation selectors: the list, one conversation, the thread and the poll's cursor,
all scoped by the reader's memberships."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404

from conversations.models import Message
from conversations.selectors import (
    conversation_get_for_user,
    conversation_is_awaiting_reply,
    conversation_list_for_user,
    message_list_after,
    message_list_for_thread,
    message_list_recent_outbound,
)
from tests.factories import add_message, make_conversation

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def test_the_list_is_newest_first_with_the_last_message_and_a_count(tenant) -> None:
    older = make_conversation(agent=tenant.agent, wa_id="972500000001", name="Older")
    newer = make_conversation(agent=tenant.agent, wa_id="972500000002", name="Newer")
    add_message(older, text="hello", at=T0)
    add_message(newer, text="first", at=T0 + dt.timedelta(minutes=1))
    add_message(
        newer,
        text="we open at nine",
        direction=Message.Direction.OUTBOUND,
        at=T0 + dt.timedelta(minutes=2),
    )

    rows = list(conversation_list_for_user(user=tenant.reviewer))

    assert [row.pk for row in rows] == [newer.pk, older.pk]
    assert rows[0].last_message_text == "we open at nine"
    assert rows[0].last_message_author == Message.Author.AI
    assert rows[0].message_count == 2
    assert rows[1].message_count == 1


def test_the_list_flags_a_conversation_whose_customer_waits_for_a_reply(tenant) -> None:
    waiting = make_conversation(agent=tenant.agent, wa_id="972500000001")
    answered = make_conversation(agent=tenant.agent, wa_id="972500000002")
    add_message(waiting, text="are you open?", needs_reply=True)
    question = add_message(answered, text="price?", needs_reply=True)
    reply = add_message(answered, text="₪90", direction=Message.Direction.OUTBOUND)
    question.answered_by = reply
    question.save(update_fields=["answered_by"])

    flags = {row.pk: row.awaiting_reply for row in conversation_list_for_user(user=tenant.owner)}

    assert flags == {waiting.pk: True, answered.pk: False}
    assert conversation_is_awaiting_reply(conversation=waiting)
    assert not conversation_is_awaiting_reply(conversation=answered)


def test_the_list_of_an_outsider_holds_none_of_the_tenants_conversations(tenant, outsider) -> None:
    make_conversation(agent=tenant.agent, wa_id="972500000001")
    assert list(conversation_list_for_user(user=outsider)) == []


def test_a_conversation_of_another_business_is_not_found(tenant, outsider) -> None:
    conversation = make_conversation(agent=tenant.agent, wa_id="972500000001")

    with pytest.raises(Http404):
        conversation_get_for_user(user=outsider, conversation_id=conversation.pk)
    assert conversation_get_for_user(user=tenant.reviewer, conversation_id=conversation.pk) == (
        conversation
    )


def test_the_thread_shows_the_most_recent_messages_oldest_first(tenant) -> None:
    conversation = make_conversation(agent=tenant.agent, wa_id="972500000001")
    messages = [add_message(conversation, text=f"m{n}") for n in range(5)]

    thread = message_list_for_thread(conversation=conversation, limit=3)

    assert [m.pk for m in thread] == [m.pk for m in messages[2:]]


def test_polling_returns_only_messages_after_the_cursor(tenant) -> None:
    conversation = make_conversation(agent=tenant.agent, wa_id="972500000001")
    seen = add_message(conversation, text="seen")
    new = add_message(conversation, text="new")
    other = make_conversation(agent=tenant.agent, wa_id="972500000002")
    add_message(other, text="elsewhere")

    assert message_list_after(conversation=conversation, after_id=seen.pk) == [new]
    assert message_list_after(conversation=conversation, after_id=new.pk) == []


def test_the_status_refresh_covers_recent_replies_the_client_already_has(tenant) -> None:
    conversation = make_conversation(agent=tenant.agent, wa_id="972500000001")
    add_message(conversation, text="question")
    replies = [
        add_message(conversation, text=f"r{n}", direction=Message.Direction.OUTBOUND)
        for n in range(3)
    ]
    unseen = add_message(conversation, text="later", direction=Message.Direction.OUTBOUND)

    refreshed = message_list_recent_outbound(
        conversation=conversation, up_to_id=replies[-1].pk, limit=2
    )

    assert refreshed == replies[1:]
    assert unseen not in refreshed
