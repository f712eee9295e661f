"""Handing a conversation to people, a person's reply from the browser, and handing it back."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from agents.selectors import agent_text
from conversations.models import Conversation, Message
from conversations.services.handoff import (
    BY_CUSTOMER,
    BY_MODE,
    BY_OPERATOR,
    HandoffError,
    asks_for_a_person,
    conversation_hand_back,
    conversation_hand_off,
    handed_off_by_mode_only,
    handoff_notice_store,
    human_reply_send,
)
from tests.factories import add_message, make_conversation

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(tenant) -> Conversation:
    return make_conversation(agent=tenant.agent, name="Noa")


def test_handing_off_records_the_reason_and_the_time(conversation) -> None:
    before = timezone.now()

    conversation_hand_off(conversation=conversation, reason=BY_OPERATOR)

    conversation.refresh_from_db()
    assert before <= conversation.handed_off_at <= timezone.now()
    assert conversation.handoff_reason == BY_OPERATOR
    assert conversation.handoff_notified_at is None


def test_handing_off_a_conversation_already_with_people_keeps_the_first_reason(
    conversation,
) -> None:
    conversation_hand_off(conversation=conversation, reason=BY_CUSTOMER)
    first = Conversation.objects.get(pk=conversation.pk).handed_off_at

    conversation_hand_off(conversation=conversation, reason=BY_OPERATOR)

    conversation.refresh_from_db()
    assert conversation.handoff_reason == BY_CUSTOMER
    assert conversation.handed_off_at == first


def test_the_customer_is_told_once_per_handoff_not_on_every_message(conversation) -> None:
    conversation_hand_off(conversation=conversation, reason=BY_CUSTOMER)
    first = add_message(conversation, text="I want to talk to a person", needs_reply=True)

    notice = handoff_notice_store(conversation=conversation, pending=[first])
    second = add_message(conversation, text="Hello?", needs_reply=True)
    again = handoff_notice_store(conversation=conversation, pending=[second])

    assert notice is not None
    assert notice.text == agent_text(agent=conversation.agent, kind="handoff", language="en")
    assert again is None
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.answered_by == notice
    assert second.answered_by is None  # left for a person


def test_a_person_reply_is_sent_by_whatsapp_and_answers_every_waiting_message(
    conversation, tenant, graph_api
) -> None:
    conversation_hand_off(conversation=conversation, reason=BY_CUSTOMER)
    waiting = [
        add_message(conversation, text="Can I speak to someone?", needs_reply=True),
        add_message(conversation, text="It's about a refund", needs_reply=True),
    ]
    conversation.refresh_from_db()

    reply = human_reply_send(
        conversation=conversation, author=tenant.reviewer, text=" Hi Noa, Dana here. "
    )

    assert [r.body["text"]["body"] for r in graph_api.requests] == ["Hi Noa, Dana here."]
    assert reply.author == Message.Author.HUMAN
    assert reply.sent_by == tenant.reviewer
    assert reply.status == Message.Status.SENT
    for message in waiting:
        message.refresh_from_db()
        assert message.answered_by == reply


def test_a_person_reply_past_the_24_hour_window_is_refused_and_nothing_is_stored_or_sent(
    conversation, tenant, graph_api
) -> None:
    add_message(
        conversation, text="Hello?", needs_reply=True, at=timezone.now() - dt.timedelta(hours=25)
    )
    conversation.refresh_from_db()

    with pytest.raises(HandoffError, match="24 hours"):
        human_reply_send(conversation=conversation, author=tenant.owner, text="Sorry for the wait")

    assert graph_api.requests == []
    assert not conversation.messages.filter(direction="out").exists()


@pytest.mark.parametrize("text", ["", "   ", "x" * 4097])
def test_an_empty_or_overlong_person_reply_is_refused(
    conversation, tenant, graph_api, text
) -> None:
    add_message(conversation, text="Hello?", needs_reply=True)
    conversation.refresh_from_db()

    with pytest.raises(HandoffError):
        human_reply_send(conversation=conversation, author=tenant.owner, text=text)

    assert graph_api.requests == []


def test_handing_back_clears_the_handoff(conversation) -> None:
    conversation_hand_off(conversation=conversation, reason=BY_OPERATOR)

    conversation_hand_back(conversation=conversation)

    conversation.refresh_from_db()
    assert conversation.handed_off_at is None
    assert conversation.handoff_reason == ""
    assert conversation.handoff_notified_at is None


def test_a_handoff_by_mode_counts_as_such_only_until_a_person_answers(
    conversation, tenant, graph_api
) -> None:
    add_message(conversation, text="Hello?", needs_reply=True)
    conversation.refresh_from_db()
    conversation_hand_off(conversation=conversation, reason=BY_MODE)
    assert handed_off_by_mode_only(conversation=conversation)

    human_reply_send(conversation=conversation, author=tenant.owner, text="Hi, Dana here.")

    assert not handed_off_by_mode_only(conversation=conversation)


@pytest.mark.parametrize(
    "text",
    ["Can I talk to a human?", "I want a real person", "אפשר לדבר עם נציג?", "תן לי בן אדם"],
)
def test_a_customer_asking_for_a_person_is_recognised(text) -> None:
    assert asks_for_a_person(text)


@pytest.mark.parametrize("text", ["How much is a haircut?", "מה שעות הפתיחה?"])
def test_an_ordinary_question_is_not_a_request_for_a_person(text) -> None:
    assert not asks_for_a_person(text)
