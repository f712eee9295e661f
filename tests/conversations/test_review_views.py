"""The review queue's pages: what a reviewer sees, the three decisions, the poll, permissions."""

from __future__ import annotations

import html

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agents.grounding.findings import ACTION, CONTACT, ENTITY, OFFER, POLICY
from agents.grounding.findings import Flag as FindingFlag
from agents.selectors import agent_text
from conversations.models import Message, Review
from conversations.selectors_review import reply_segments
from tests.factories import HELD, add_message, hold_reply, make_conversation

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
    assert sent_texts(graph_api) == [
        agent_text(agent=tenant.agent, kind="escalation", language="en")
    ]


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


# --- claims without a number ----------------------------------------------------------------

BOOKED = "Done, I've booked you in for Tuesday at 10:00. No need to book on Saturday, just walk in!"
SATURDAY = "Opening hours: Sunday to Thursday 09:00-19:00, Friday 08:00-14:00, closed on Saturday."


def hold_claims(tenant, reply: str, flags: list[dict]) -> Review:
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    asked = add_message(conversation, text="Can I come on Saturday?", needs_reply=True)
    held = add_message(conversation, text=reply, direction="out", status=Message.Status.HELD)
    Message.objects.filter(pk=asked.pk).update(answered_by=held)
    return Review.objects.create(
        message=held, business=conversation.business, flags=flags, original_text=reply
    )


def stored(kind: str, reply: str, claim: str, reason: str, evidence: tuple[str, ...] = ()) -> dict:
    """A flag as the reply path stores it."""
    start = reply.index(claim)
    return FindingFlag(kind, claim, start, start + len(claim), reason, evidence).as_dict()


@pytest.fixture
def action_and_policy(tenant) -> Review:
    return hold_claims(
        tenant,
        BOOKED,
        [
            stored(ACTION, BOOKED, "I've booked you in", "the agent cannot book anything"),
            stored(
                POLICY,
                BOOKED,
                "just walk in",
                "walking in on Saturday: the knowledge base says closed on Saturday",
                (SATURDAY,),
            ),
        ],
    )


def legend(body: str) -> str:
    return html.unescape(body.split('class="flag-legend"')[1].split("</ol>")[0])


def test_an_action_and_a_policy_flag_show_their_labels_explanations_and_evidence(
    client, tenant, action_and_policy
) -> None:
    body = logged_in(client, tenant.reviewer).get(reverse("conversations:review")).content.decode()

    action, policy = legend(body).split("<li value=")[1:]
    assert "Action" in action and "I've booked you in" in action
    assert (
        "The agent cannot book, send or arrange anything; the knowledge base does not say the "
        "business does this." in action
    )
    assert "Nothing in the knowledge base supports it." in action
    assert "Policy" in policy
    assert "The reply says the opposite of a policy the knowledge base states." in policy
    assert "The knowledge base says otherwise:" in policy
    assert f'<li dir="auto">{SATURDAY}</li>' in policy
    assert "Nothing in the knowledge base supports it." not in policy
    assert '<mark class="flag flag-action"' in body and '<mark class="flag flag-policy"' in body


def test_the_claims_without_a_number_show_in_hebrew_to_a_hebrew_browser(
    client, tenant, action_and_policy
) -> None:
    page = logged_in(client, tenant.reviewer).get(
        reverse("conversations:review"), HTTP_ACCEPT_LANGUAGE="he"
    )

    action, policy = legend(page.content.decode()).split("<li value=")[1:]
    assert "פעולה" in action
    assert "הסוכן לא יכול לקבוע תור, לשלוח או לסדר שום דבר" in action
    assert "שום דבר במאגר הידע לא מגבה זאת." in action
    assert "מדיניות" in policy
    assert "התשובה אומרת את ההפך ממדיניות שכתובה במאגר הידע." in policy
    assert "במאגר הידע כתוב אחרת:" in policy
    assert SATURDAY in policy  # the owner's line, as written
    assert "The agent cannot book" not in action


def test_the_facts_beside_leave_out_kinds_without_a_number_that_state_none(
    client, tenant, action_and_policy
) -> None:
    body = logged_in(client, tenant.reviewer).get(reverse("conversations:review")).content.decode()

    facts = body.split('class="review-facts"')[1].split("</aside>")[0]
    assert "Nothing of this kind." not in facts
    assert "Action" not in facts


def test_a_flag_stored_before_evidence_was_kept_still_shows(client, tenant) -> None:
    reply = "Delivery is free, and a men's haircut is ₪120."
    old = [
        {"kind": OFFER, "claim": "free", "start": 12, "end": 16, "reason": "no free delivery"},
        {"kind": "price", "claim": "₪120", "start": 41, "end": 45, "reason": "not a price"},
    ]
    hold_claims(tenant, reply, old)

    body = logged_in(client, tenant.reviewer).get(reverse("conversations:review")).content.decode()

    offer, price = legend(body).split("<li value=")[1:]
    assert "Offer" in offer and "Nothing in the knowledge base supports it." in offer
    assert "Nothing in the knowledge base supports it." not in price  # judged beside the facts
    assert "₪90" in body.split('class="review-facts"')[1]


def test_segments_keep_the_evidence_and_ignore_a_malformed_one() -> None:
    text = "No need to book."
    _, flags = reply_segments(
        text=text,
        flags=[
            {**flag(0, 12, POLICY), "evidence": ["Appointments only.", 3, " "]},
            {**flag(0, 2, ENTITY), "evidence": "Appointments only."},
            flag(13, 16, CONTACT),
        ],
    )

    assert [f.evidence for f in flags] == [("Appointments only.",), (), ()]
    assert [f.unsupported for f in flags] == [False, True, True]
    assert [str(f.label) for f in flags] == ["Policy", "Service or option", "Contact or code"]
