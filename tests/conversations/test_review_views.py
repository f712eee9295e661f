"""The review queue's pages: what a reviewer sees, the three decisions, the poll, permissions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conversations.models import Message, Review
from conversations.selectors_review import reply_segments
from tests.conversations.test_review_service import HELD, hold_reply
from tests.factories import make_conversation

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def review(tenant) -> Review:
    return hold_reply(make_conversation(agent=tenant.agent, name="Noa"))


def logged_in(client: Client, user: object) -> Client:
    client.force_login(user)
    return client


def post(client: Client, name: str, review: Review, **data: str):
    return client.post(reverse(f"conversations:{name}", args=[review.pk]), data, **HTMX)


def sent_texts(graph_api) -> list[str]:
    return [request.body["text"]["body"] for request in graph_api.requests]


# --- the queue ------------------------------------------------------------------------------


def test_the_queue_sends_an_anonymous_visitor_to_log_in(client, review) -> None:
    response = client.get(reverse("conversations:review"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_queue_shows_the_question_the_held_reply_and_its_flagged_spans(
    client, tenant, review
) -> None:
    response = logged_in(client, tenant.reviewer).get(reverse("conversations:review"))

    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="review-{review.pk}"' in body
    assert "How much is a men&#x27;s haircut?" in body
    assert "Noa" in body and "Salon Dana" in body
    assert (
        '<mark class="flag flag-price" title="Price: ₪120 is not a price in the knowledge base '
        '(prices there: ₪90, ₪180)" data-flag="1">₪120<sup' in body
    )
    assert '<mark class="flag flag-certainty"' in body
    assert "Approve" in body and "Edit and send" in body and "Reject" in body
    assert 'hx-trigger="every 5s"' in body


def test_the_queue_shows_the_knowledge_base_facts_beside_each_kind_flagged(
    client, tenant, review
) -> None:
    response = logged_in(client, tenant.reviewer).get(reverse("conversations:review"))

    facts = response.content.decode().split('class="review-facts"')[1].split("</aside>")[0]
    assert "Price" in facts and "₪90" in facts and "₪180" in facts
    assert "Certainty" in facts and "Nothing of this kind." in facts
    assert "12 Herzl Street" in facts  # the whole knowledge base, folded


def test_the_queue_escapes_the_reply_and_the_question(client, tenant) -> None:
    conversation = make_conversation(agent=tenant.agent)
    hold_reply(
        conversation,
        question="<img src=x onerror=alert(1)>",
        reply="<b>only</b> ₪120 <script>alert(1)</script>",
    )

    body = logged_in(client, tenant.reviewer).get(reverse("conversations:review")).content
    body = body.decode()
    assert "<script>alert(1)" not in body and "<img src=x" not in body and "<b>only" not in body
    assert "&lt;b&gt;only&lt;/b&gt; <mark" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_the_queue_lists_the_oldest_held_reply_first(client, tenant) -> None:
    older = hold_reply(make_conversation(agent=tenant.agent, wa_id="972500000001"))
    newer = hold_reply(make_conversation(agent=tenant.agent, wa_id="972500000002"))

    body = logged_in(client, tenant.owner).get(reverse("conversations:review")).content.decode()

    assert body.index(f'id="review-{older.pk}"') < body.index(f'id="review-{newer.pk}"')


def test_the_queue_leaves_out_decided_replies(client, tenant, review, graph_api) -> None:
    post(logged_in(client, tenant.reviewer), "review_approve", review)

    body = client.get(reverse("conversations:review")).content.decode()

    assert f'id="review-{review.pk}"' not in body
    assert "Nothing to review." in body
    assert "Replies whose facts the knowledge base does not support wait here." in body


def test_an_outsider_sees_none_of_the_tenants_held_replies(client, outsider, review) -> None:
    body = logged_in(client, outsider).get(reverse("conversations:review")).content.decode()

    assert f'id="review-{review.pk}"' not in body
    assert "Nothing to review." in body


def test_an_operator_sees_held_replies_of_every_business(client, operator, review) -> None:
    body = logged_in(client, operator).get(reverse("conversations:review")).content.decode()

    assert f'id="review-{review.pk}"' in body


# --- decisions ------------------------------------------------------------------------------


def test_approving_sends_the_reply_once_and_shows_who_decided(
    client, tenant, review, graph_api
) -> None:
    response = post(logged_in(client, tenant.reviewer), "review_approve", review)

    assert response.status_code == 200
    body = response.content.decode()
    assert "Approved" in body and "by <strong>you</strong>" in body
    assert "review-shown" not in body  # no longer counted as pending by the poll
    assert sent_texts(graph_api) == [HELD]
    review.refresh_from_db()
    assert (review.decision, review.decided_by) == (Review.Decision.APPROVED, tenant.reviewer)
    assert review.decided_at is not None


def test_the_edit_link_opens_an_editor_holding_the_reply(client, tenant, review) -> None:
    response = logged_in(client, tenant.reviewer).get(
        reverse("conversations:review_detail", args=[review.pk]) + "?edit=1", **HTMX
    )

    body = response.content.decode()
    assert 'name="text"' in body
    assert f">{HELD.replace(chr(39), '&#x27;')}</textarea>" in body
    assert "Send edited reply" in body


def test_editing_sends_the_edited_text(client, tenant, review, graph_api) -> None:
    response = post(
        logged_in(client, tenant.owner), "review_edit", review, text="A men's haircut is ₪90."
    )

    assert "Edited and sent" in response.content.decode()
    assert sent_texts(graph_api) == ["A men's haircut is ₪90."]
    review.refresh_from_db()
    assert review.decision == Review.Decision.EDITED


def test_an_empty_edit_reopens_the_editor_with_the_error_and_sends_nothing(
    client, tenant, review, graph_api
) -> None:
    response = post(logged_in(client, tenant.owner), "review_edit", review, text="  ")

    body = response.content.decode()
    assert "The edited reply is empty." in body
    assert 'name="text"' in body
    assert graph_api.requests == []
    review.refresh_from_db()
    assert review.decision == Review.Decision.PENDING


def test_rejecting_sends_the_agents_fallback(client, tenant, review, graph_api) -> None:
    response = post(logged_in(client, tenant.reviewer), "review_reject", review)

    assert "Rejected" in response.content.decode()
    assert sent_texts(graph_api) == [tenant.agent.escalation_text]


def test_a_second_decision_says_who_decided_first_and_sends_nothing_more(
    client, tenant, review, graph_api
) -> None:
    post(logged_in(client, tenant.reviewer), "review_approve", review)

    response = post(logged_in(Client(), tenant.owner), "review_reject", review)

    body = response.content.decode()
    assert "Someone else has already decided on this reply." in body
    assert "Approved" in body and tenant.reviewer.username in body
    assert sent_texts(graph_api) == [HELD]


@pytest.mark.parametrize("action", ["review_approve", "review_edit", "review_reject"])
def test_an_outsider_cannot_act_on_the_tenants_held_reply(
    client, outsider, review, graph_api, action
) -> None:
    response = post(logged_in(client, outsider), action, review, text="Hello")

    assert response.status_code == 404
    assert graph_api.requests == []
    review.refresh_from_db()
    assert review.decision == Review.Decision.PENDING


def test_an_outsider_cannot_open_the_tenants_held_reply(client, outsider, review) -> None:
    url = reverse("conversations:review_detail", args=[review.pk])

    assert logged_in(client, outsider).get(url).status_code == 404


@pytest.mark.parametrize("action", ["review_approve", "review_edit", "review_reject"])
def test_the_decisions_answer_only_post(client, tenant, review, action) -> None:
    response = logged_in(client, tenant.reviewer).get(
        reverse(f"conversations:{action}", args=[review.pk])
    )

    assert response.status_code == 405


def test_a_plain_get_of_one_held_reply_is_a_whole_page(client, tenant, review) -> None:
    response = logged_in(client, tenant.reviewer).get(
        reverse("conversations:review_detail", args=[review.pk])
    )

    body = response.content.decode()
    assert "<html" in body and f'id="review-{review.pk}"' in body


# --- the poll -------------------------------------------------------------------------------


def poll(client: Client, *shown: int | str):
    return client.get(reverse("conversations:review_updates"), {"shown": list(shown)}, **HTMX)


def test_the_poll_appends_held_replies_the_page_does_not_show(client, tenant, review) -> None:
    newer = hold_reply(make_conversation(agent=tenant.agent, wa_id="972500000009"))

    body = poll(logged_in(client, tenant.reviewer), review.pk).content.decode()

    assert f'id="review-{newer.pk}"' in body
    assert f'id="review-{review.pk}"' not in body


def test_the_poll_marks_a_reply_someone_else_decided(client, tenant, review, graph_api) -> None:
    post(logged_in(Client(), tenant.owner), "review_approve", review)

    body = poll(logged_in(client, tenant.reviewer), review.pk).content.decode()

    assert f'<article id="review-{review.pk}" class="card review-card is-decided' in body
    assert 'hx-swap-oob="true"' in body
    assert tenant.owner.username in body


def test_the_poll_sends_nothing_when_nothing_changed(client, tenant, review) -> None:
    body = poll(logged_in(client, tenant.reviewer), review.pk).content.decode()

    assert "<article" not in body and "<div" not in body


def test_the_poll_removes_what_the_user_may_not_see_and_reveals_nothing(
    client, outsider, review
) -> None:
    body = poll(logged_in(client, outsider), review.pk).content.decode()

    assert f'<div id="review-{review.pk}" hx-swap-oob="delete">' in body
    assert "Noa" not in body and "₪120" not in body


def test_the_poll_refuses_a_malformed_cursor(client, tenant) -> None:
    assert poll(logged_in(client, tenant.reviewer), "1;drop").status_code == 400


def test_the_poll_is_only_for_htmx(client, tenant) -> None:
    response = logged_in(client, tenant.reviewer).get(reverse("conversations:review_updates"))

    assert response.status_code == 400


def test_the_nav_badges_count_held_replies_and_handed_off_conversations(
    client, tenant, review
) -> None:
    conversation = review.message.conversation
    conversation.handed_off_at = review.created_at
    conversation.save(update_fields=["handed_off_at"])

    body = logged_in(client, tenant.reviewer).get(reverse("conversations:nav_counts")).content
    body = body.decode()

    assert '<span id="nav-count-review" class="nav-count" hx-swap-oob="true">1<' in body
    assert '<span id="nav-count-inbox" class="nav-count" hx-swap-oob="true">1<' in body


def test_the_nav_badges_of_an_outsider_are_empty(client, outsider, review) -> None:
    body = logged_in(client, outsider).get(reverse("conversations:nav_counts")).content.decode()

    assert 'hx-swap-oob="true"></span>' in body
    assert ">1<" not in body


# --- highlighting -------------------------------------------------------------------------


def flag(start: int, end: int, kind: str = "price") -> dict:
    return {"kind": kind, "claim": "", "start": start, "end": end, "reason": "why"}


def test_segments_cover_the_text_in_order_with_each_flag_marked() -> None:
    text = "שלום! תספורת עולה 120 ש״ח, בהחלט."
    price = text.index("120 ש״ח")
    sure = text.index("בהחלט")

    segments, flags = reply_segments(
        text=text, flags=[flag(sure, sure + 5, "certainty"), flag(price, price + 7)]
    )

    assert "".join(segment.text for segment in segments) == text
    assert [(s.text, s.flag.number) for s in segments if s.flag] == [("120 ש״ח", 2), ("בהחלט", 1)]
    assert all(f.marked for f in flags)


def test_segments_leave_unmarked_a_span_that_overlaps_or_falls_outside() -> None:
    text = "Haircut ₪120, colouring ₪400."

    segments, flags = reply_segments(
        text=text, flags=[flag(8, 12), flag(10, 14), flag(20, 99), {"kind": "phone"}]
    )

    assert "".join(segment.text for segment in segments) == text
    assert [s.text for s in segments if s.flag] == ["₪120"]
    assert [f.marked for f in flags] == [True, False, False, False]
    assert [f.label for f in flags] == ["Price", "Price", "Price", "Phone number"]


def test_a_decided_reply_shows_what_was_sent_and_its_status(client, tenant, review, graph_api):
    post(logged_in(client, tenant.reviewer), "review_reject", review)

    body = client.get(
        reverse("conversations:review_detail", args=[review.pk]), **HTMX
    ).content.decode()

    assert "Rejected" in body
    assert "Let me pass you to a member of our team." in body
    assert ">Sent<" in body
    assert Message.objects.get(pk=review.message_id).status == Message.Status.SENT


def test_the_queue_costs_the_same_queries_for_one_held_reply_or_many(
    client, tenant, review, django_assert_num_queries
) -> None:
    client = logged_in(client, tenant.reviewer)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("conversations:review"))
    for n in range(3):
        hold_reply(make_conversation(agent=tenant.agent, wa_id=f"97250000002{n}"))

    with django_assert_num_queries(len(one.captured_queries)):
        body = client.get(reverse("conversations:review")).content.decode()

    assert body.count('class="card review-card is-pending"') == 4
