"""Held means held: a conversation whose reply waits for a reviewer shows as waiting, not
answered, in the list and the thread, with the flags' kinds and a link to its review card."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from conversations.models import Message
from conversations.selectors import conversation_get_for_user, conversation_list_for_user
from conversations.services.review import review_approve
from tests.factories import add_message, hold_reply, make_conversation

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def clean_redis(redis_client):
    # The thread shows the agent's mode, which the ladder keeps in Redis.
    return redis_client


def logged_in(client: Client, user: object) -> Client:
    client.force_login(user)
    return client


def test_a_conversation_with_a_held_reply_is_waiting_with_its_card_and_kinds(tenant):
    held = make_conversation(agent=tenant.agent, wa_id="972501111111", name="Noa")
    review = hold_reply(held)
    answered = make_conversation(agent=tenant.agent, wa_id="972502222222", name="Dan")
    asked = add_message(answered, text="hi", needs_reply=True)
    reply = add_message(answered, text="Hi! How can I help?", direction="out")
    Message.objects.filter(pk=asked.pk).update(answered_by=reply)

    rows = {row.pk: row for row in conversation_list_for_user(user=tenant.owner)}

    assert rows[held.pk].held.review_id == review.pk
    assert [str(kind) for kind in rows[held.pk].held.kinds] == ["Price", "Certainty"]
    assert not rows[held.pk].awaiting_reply  # nothing for the agent to write: a person decides
    assert rows[answered.pk].held is None
    one = conversation_get_for_user(user=tenant.owner, conversation_id=held.pk)
    assert one.held == rows[held.pk].held


def test_the_list_shows_the_held_conversation_as_waiting_with_a_link_to_its_card(client, tenant):
    review = hold_reply(make_conversation(agent=tenant.agent, name="Noa"))

    body = logged_in(client, tenant.owner).get(reverse("conversations:list")).content.decode()

    assert "is-waiting" in body
    assert "Waiting: reply held for review" in body
    assert "Held for review: Price, Certainty." in body
    assert f'href="/review/{review.pk}/"' in body


def test_the_thread_says_the_reply_is_held_and_links_to_its_card(client, tenant):
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    review = hold_reply(conversation)

    response = logged_in(client, tenant.reviewer).get(
        reverse("conversations:detail", args=[conversation.pk])
    )

    body = response.content.decode()
    assert "Waiting for a reviewer" in body
    assert "Flagged: Price, Certainty." in body
    # Once in the banner, once on the held message itself.
    assert body.count(f'href="/review/{review.pk}/"') == 2


def test_the_thread_poll_clears_the_banner_once_the_reply_is_approved(client, tenant, graph_api):
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    review = hold_reply(conversation)
    review_approve(review=review, by=tenant.reviewer)

    response = logged_in(client, tenant.owner).get(
        reverse("conversations:messages", args=[conversation.pk]), {"after": "0"}, **HTMX
    )

    body = response.content.decode()
    assert 'id="held"' in body and "Waiting for a reviewer" not in body
    list_body = client.get(reverse("conversations:list")).content.decode()
    assert "held for review" not in list_body


def test_a_hebrew_page_names_the_held_state_in_hebrew(client, tenant):
    hold_reply(make_conversation(agent=tenant.agent, name="Noa"))

    body = (
        logged_in(client, tenant.owner)
        .get(reverse("conversations:list"), HTTP_ACCEPT_LANGUAGE="he")
        .content.decode()
    )

    assert "Waiting: reply held for review" not in body
    assert "ממתינה: התשובה נעצרה לבדיקה" in body


def test_an_outsider_gets_a_404_for_the_held_thread(client, tenant, outsider):
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    hold_reply(conversation)

    response = logged_in(client, outsider).get(
        reverse("conversations:detail", args=[conversation.pk])
    )

    assert response.status_code == 404
    assert (
        "Noa" not in logged_in(client, outsider).get(reverse("conversations:list")).content.decode()
    )
