"""The review queue's decisions: one decision per held reply, one message to the customer."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection
from django.utils import timezone

from agents.selectors import agent_text
from conversations.models import Conversation, Message, Review
from conversations.services import handoff
from conversations.services.review import (
    ReviewError,
    review_approve,
    review_edit,
    review_reject,
)
from tests.factories import HELD, hold_reply, make_conversation


@pytest.fixture
def review(tenant) -> Review:
    return hold_reply(make_conversation(agent=tenant.agent, name="Noa"))


def sent_texts(graph_api) -> list[str]:
    return [request.body["text"]["body"] for request in graph_api.requests]


@pytest.mark.django_db
def test_approving_sends_the_held_reply_as_it_stands_and_records_who_and_when(
    review, tenant, graph_api
) -> None:
    before = timezone.now()

    message = review_approve(review=review, by=tenant.reviewer)

    assert sent_texts(graph_api) == [HELD]
    assert graph_api.requests[0].body["to"] == "972501234567"
    assert message.status == Message.Status.SENT
    assert message.sent_by == tenant.reviewer
    review.refresh_from_db()
    assert review.decision == Review.Decision.APPROVED
    assert review.decided_by == tenant.reviewer
    assert before <= review.decided_at <= timezone.now()


@pytest.mark.django_db
def test_editing_sends_the_edited_text_and_keeps_the_original(review, tenant, graph_api) -> None:
    message = review_edit(review=review, by=tenant.owner, text="  A men's haircut is ₪90.  ")

    assert sent_texts(graph_api) == ["A men's haircut is ₪90."]
    assert message.text == "A men's haircut is ₪90."
    review.refresh_from_db()
    assert review.decision == Review.Decision.EDITED
    assert review.decided_by == tenant.owner
    assert review.original_text == HELD


@pytest.mark.django_db
def test_an_edit_that_promises_a_person_hands_the_conversation_to_people(
    review, tenant, graph_api
) -> None:
    message = review_edit(
        review=review, by=tenant.owner, text="I'll pass your question to the team, they'll reply."
    )

    assert len(sent_texts(graph_api)) == 1
    conversation = message.conversation
    conversation.refresh_from_db()
    assert conversation.handed_off_at is not None
    assert conversation.handoff_reason == handoff.BY_PROMISE
    assert conversation.handoff_notified_at is not None  # the edit was the notice


@pytest.mark.django_db
def test_an_approved_reply_that_promises_nothing_leaves_the_conversation_with_the_ai(
    review, tenant, graph_api
) -> None:
    message = review_approve(review=review, by=tenant.owner)

    message.conversation.refresh_from_db()
    assert message.conversation.handed_off_at is None


@pytest.mark.django_db
def test_rejecting_sends_the_agents_fallback_instead(review, tenant, graph_api) -> None:
    message = review_reject(review=review, by=tenant.reviewer)

    assert sent_texts(graph_api) == [
        agent_text(agent=tenant.agent, kind="escalation", language="en")
    ]
    assert message.author == Message.Author.FALLBACK
    review.refresh_from_db()
    assert review.decision == Review.Decision.REJECTED
    # the fallback promises a person: the conversation is in the inbox, the customer told once
    conversation = message.conversation
    conversation.refresh_from_db()
    assert conversation.handed_off_at is not None
    assert conversation.handoff_notified_at is not None


@pytest.mark.django_db
def test_a_second_decision_is_refused_and_sends_nothing_more(review, tenant, graph_api) -> None:
    review_approve(review=review, by=tenant.reviewer)

    with pytest.raises(ReviewError, match="already decided"):
        review_reject(review=review, by=tenant.owner)
    with pytest.raises(ReviewError, match="already decided"):
        review_edit(review=review, by=tenant.owner, text="Something else")

    assert sent_texts(graph_api) == [HELD]
    review.refresh_from_db()
    assert review.decision == Review.Decision.APPROVED
    assert review.decided_by == tenant.reviewer


@pytest.mark.django_db
def test_an_empty_edit_is_refused_and_the_reply_stays_held(review, tenant, graph_api) -> None:
    with pytest.raises(ReviewError, match="empty"):
        review_edit(review=review, by=tenant.reviewer, text="   ")

    assert graph_api.requests == []
    review.refresh_from_db()
    assert review.decision == Review.Decision.PENDING
    assert review.message.status == Message.Status.HELD


@pytest.mark.django_db
def test_an_approval_past_the_24_hour_window_is_recorded_but_not_sent(
    review, tenant, graph_api
) -> None:
    Conversation.objects.filter(pk=review.message.conversation_id).update(
        last_inbound_at=timezone.now() - dt.timedelta(hours=25)
    )

    message = review_approve(review=review, by=tenant.reviewer)

    assert graph_api.requests == []
    assert message.status == Message.Status.FAILED
    assert message.error_code == "outside_24h_window"
    review.refresh_from_db()
    assert review.decision == Review.Decision.APPROVED


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_deciding_at_once_send_the_customer_one_message(tenant, graph_api) -> None:
    review = hold_reply(make_conversation(agent=tenant.agent))
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(by, action) -> None:
        try:
            start.wait()
            action(review=Review.objects.get(pk=review.pk), by=by)
            outcomes.append("sent")
        except ReviewError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(tenant.reviewer, review_approve)),
        threading.Thread(target=decide, args=(tenant.owner, review_reject)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["refused", "sent"]
    assert len(graph_api.requests) == 1
    assert Message.objects.filter(direction="out", status=Message.Status.SENT).count() == 1
