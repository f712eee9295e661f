"""The human inbox, and handing a conversation to people and back from the conversation page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agents.selectors import agent_text
from conversations.models import Conversation, Message
from conversations.services.handoff import BY_CUSTOMER, BY_OPERATOR, conversation_hand_off
from tests.factories import add_message, make_conversation

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def handed_off(agent, *, wa_id: str = "972501234567", name: str = "Noa", **message) -> Conversation:
    """A conversation whose customer asked for a person and was told one will answer."""
    conversation = make_conversation(agent=agent, wa_id=wa_id, name=name)
    asked = add_message(conversation, text="Can I talk to a person?", needs_reply=True, **message)
    notice = add_message(
        conversation,
        text=agent_text(agent=agent, kind="handoff", language="en"),
        direction="out",
        author=Message.Author.FALLBACK,
    )
    Message.objects.filter(pk=asked.pk).update(answered_by=notice)
    conversation_hand_off(conversation=conversation, reason=BY_CUSTOMER)
    return Conversation.objects.get(pk=conversation.pk)


@pytest.fixture
def conversation(tenant) -> Conversation:
    return handed_off(tenant.agent)


def logged_in(client: Client, user: object) -> Client:
    client.force_login(user)
    return client


def post(client: Client, name: str, conversation: Conversation, **data: str):
    return client.post(reverse(f"conversations:{name}", args=[conversation.pk]), data, **HTMX)


# --- the inbox ------------------------------------------------------------------------------


def test_the_inbox_sends_an_anonymous_visitor_to_log_in(client, conversation) -> None:
    response = client.get(reverse("conversations:inbox"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_inbox_shows_a_handed_off_conversation_with_its_reason_and_last_messages(
    client, tenant, conversation
) -> None:
    response = logged_in(client, tenant.reviewer).get(reverse("conversations:inbox"))

    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="inbox-{conversation.pk}"' in body
    assert "Noa" in body and "+972501234567" in body
    assert BY_CUSTOMER in body
    assert "Can I talk to a person?" in body
    assert agent_text(agent=tenant.agent, kind="handoff", language="en") in body
    assert "Waiting 0" in body  # the notice told them someone will answer; nobody has yet
    assert "Send by WhatsApp" in body and "Hand back to AI" in body
    assert 'hx-trigger="every 5s"' in body


def test_the_inbox_says_how_long_the_customer_has_waited(client, tenant) -> None:
    handed_off(tenant.agent, at=timezone.now() - dt.timedelta(minutes=42))

    body = logged_in(client, tenant.owner).get(reverse("conversations:inbox")).content.decode()

    assert "Waiting 42" in body and "minutes" in body


def test_the_inbox_lists_the_newest_handoff_first_and_leaves_out_the_ai_s_conversations(
    client, tenant
) -> None:
    older = handed_off(tenant.agent, wa_id="972500000001", name="Older")
    Conversation.objects.filter(pk=older.pk).update(
        handed_off_at=timezone.now() - dt.timedelta(hours=1)
    )
    newer = handed_off(tenant.agent, wa_id="972500000002", name="Newer")
    with_the_ai = make_conversation(agent=tenant.agent, wa_id="972500000003", name="With AI")
    add_message(with_the_ai, text="Hi")

    body = logged_in(client, tenant.owner).get(reverse("conversations:inbox")).content.decode()

    assert body.index(f'id="inbox-{newer.pk}"') < body.index(f'id="inbox-{older.pk}"')
    assert "With AI" not in body


def test_an_empty_inbox_says_what_comes_here(client, tenant) -> None:
    body = logged_in(client, tenant.owner).get(reverse("conversations:inbox")).content.decode()

    assert "No conversations are waiting for a person." in body
    assert '<article id="inbox-' not in body


def test_an_outsider_sees_none_of_the_tenants_handed_off_conversations(
    client, outsider, conversation
) -> None:
    body = logged_in(client, outsider).get(reverse("conversations:inbox")).content.decode()

    assert f'id="inbox-{conversation.pk}"' not in body
    assert "Can I talk to a person?" not in body


# --- replying and handing back --------------------------------------------------------------


def test_a_reply_from_the_inbox_is_sent_by_whatsapp_as_the_person_who_wrote_it(
    client, tenant, conversation, graph_api
) -> None:
    waiting = add_message(conversation, text="Hello? Anyone there?", needs_reply=True)

    response = post(
        logged_in(client, tenant.reviewer), "inbox_reply", conversation, text="Hi Noa, Dana here."
    )

    assert response.status_code == 200
    assert [r.body["text"]["body"] for r in graph_api.requests] == ["Hi Noa, Dana here."]
    reply = conversation.messages.get(author=Message.Author.HUMAN)
    assert (reply.sent_by, reply.status) == (tenant.reviewer, Message.Status.SENT)
    waiting.refresh_from_db()
    assert waiting.answered_by == reply
    body = response.content.decode()
    assert "Hi Noa, Dana here." in body and "Not waiting" in body
    assert "></textarea>" in body  # the box is empty again


def test_a_reply_outside_the_24_hour_window_shows_the_error_and_sends_nothing(
    client, tenant, graph_api
) -> None:
    conversation = handed_off(tenant.agent, at=timezone.now() - dt.timedelta(hours=25))

    response = post(logged_in(client, tenant.owner), "inbox_reply", conversation, text="Sorry!")

    body = response.content.decode()
    assert "More than 24 hours have passed since the customer&#x27;s last message" in body
    assert ">Sorry!</textarea>" in body  # kept, not lost
    assert graph_api.requests == []
    assert not conversation.messages.filter(author=Message.Author.HUMAN).exists()


def test_a_reply_to_a_conversation_handed_back_meanwhile_is_not_sent(
    client, tenant, conversation, graph_api
) -> None:
    Conversation.objects.filter(pk=conversation.pk).update(handed_off_at=None)

    response = post(logged_in(client, tenant.owner), "inbox_reply", conversation, text="Hi!")

    body = response.content.decode()
    assert "back with the AI: nothing was sent" in body
    assert "Hi!" in body
    assert graph_api.requests == []


def test_hand_back_from_the_inbox_clears_the_handoff(client, tenant, conversation) -> None:
    response = post(logged_in(client, tenant.reviewer), "inbox_hand_back", conversation)

    assert response.status_code == 200
    assert "is back with the AI" in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.handed_off_at is None and conversation.handoff_reason == ""


@pytest.mark.parametrize("action", ["inbox_reply", "inbox_hand_back"])
def test_an_outsider_cannot_reply_or_hand_back(
    client, outsider, conversation, graph_api, action
) -> None:
    response = post(logged_in(client, outsider), action, conversation, text="Hello")

    assert response.status_code == 404
    assert graph_api.requests == []
    conversation.refresh_from_db()
    assert conversation.handed_off_at is not None


@pytest.mark.parametrize("action", ["inbox_reply", "inbox_hand_back", "hand_off", "hand_back"])
def test_the_actions_answer_only_post(client, tenant, conversation, action) -> None:
    url = reverse(f"conversations:{action}", args=[conversation.pk])

    assert logged_in(client, tenant.owner).get(url).status_code == 405


# --- the poll -------------------------------------------------------------------------------


def poll(client: Client, *shown: str):
    return client.get(reverse("conversations:inbox_updates"), {"shown": list(shown)}, **HTMX)


def cursor(conversation: Conversation) -> str:
    return f"{conversation.pk}:{conversation.messages.order_by('-id').first().pk}"


def test_the_poll_brings_a_new_handoff_and_nothing_else_when_nothing_changed(
    client, tenant, conversation
) -> None:
    other = handed_off(tenant.agent, wa_id="972500000005", name="Avi")

    body = poll(logged_in(client, tenant.owner), cursor(conversation)).content.decode()

    assert f'<article id="inbox-{other.pk}"' in body
    assert f'id="inbox-{conversation.pk}-thread"' not in body
    assert f'id="inbox-{conversation.pk}-wait" class="inbox-wait is-waiting" hx-swap-oob' in body


def test_the_poll_refreshes_a_thread_with_a_new_message(client, tenant, conversation) -> None:
    shown = cursor(conversation)
    add_message(conversation, text="Still there?", needs_reply=True)

    body = poll(logged_in(client, tenant.owner), shown).content.decode()

    assert f'<div id="inbox-{conversation.pk}-thread" class="inbox-thread" hx-swap-oob' in body
    assert "Still there?" in body
    assert f'value="{cursor(conversation)}"' in body
    assert f'<article id="inbox-{conversation.pk}"' not in body  # the reply box is left alone


def test_the_poll_marks_a_conversation_handed_back_elsewhere(client, tenant, conversation):
    shown = cursor(conversation)
    Conversation.objects.filter(pk=conversation.pk).update(handed_off_at=None)

    body = poll(logged_in(client, tenant.owner), shown).content.decode()

    assert f'hx-swap-oob="outerHTML:#inbox-{conversation.pk}"' in body
    assert "Handed back to the AI." in body


def test_the_poll_reveals_nothing_to_an_outsider(client, outsider, conversation) -> None:
    body = poll(logged_in(client, outsider), cursor(conversation)).content.decode()

    assert "Noa" not in body and "Can I talk to a person?" not in body


@pytest.mark.parametrize("shown", ["12", "a:1", "1:b", "1:2:3"])
def test_the_poll_refuses_a_malformed_cursor(client, tenant, shown) -> None:
    assert poll(logged_in(client, tenant.owner), shown).status_code == 400


# --- from the conversation page -------------------------------------------------------------


def test_the_conversation_page_offers_to_hand_the_conversation_to_a_person(client, tenant):
    conversation = make_conversation(agent=tenant.agent)
    url = reverse("conversations:detail", args=[conversation.pk])

    body = logged_in(client, tenant.owner).get(url).content.decode()

    assert "Hand to a person" in body
    assert "hx-confirm=" in body
    assert reverse("conversations:hand_off", args=[conversation.pk]) in body


def test_the_hand_off_button_hands_the_conversation_to_people(client, tenant) -> None:
    conversation = make_conversation(agent=tenant.agent)

    response = post(logged_in(client, tenant.reviewer), "hand_off", conversation)

    body = response.content.decode()
    assert "Handed to people" in body and BY_OPERATOR in body
    assert "Hand back to AI" in body and reverse("conversations:inbox") in body
    conversation.refresh_from_db()
    assert conversation.handed_off_at is not None
    assert conversation.handoff_reason == BY_OPERATOR


def test_the_conversation_page_shows_a_handed_off_conversation_with_its_reason(
    client, tenant, conversation
) -> None:
    url = reverse("conversations:detail", args=[conversation.pk])

    body = logged_in(client, tenant.owner).get(url).content.decode()

    assert "Handed to people" in body and BY_CUSTOMER in body
    assert "Hand to a person" not in body


def test_hand_back_from_the_conversation_page_clears_the_handoff(
    client, tenant, conversation
) -> None:
    response = post(logged_in(client, tenant.owner), "hand_back", conversation)

    assert "Hand to a person" in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.handed_off_at is None


def test_an_operator_can_hand_off_any_business_s_conversation(client, operator, tenant) -> None:
    conversation = make_conversation(agent=tenant.agent)

    assert post(logged_in(client, operator), "hand_off", conversation).status_code == 200
    conversation.refresh_from_db()
    assert conversation.handed_off_at is not None


@pytest.mark.parametrize("action", ["hand_off", "hand_back"])
def test_an_outsider_cannot_hand_off_or_back(client, outsider, tenant, action) -> None:
    conversation = make_conversation(agent=tenant.agent)

    assert post(logged_in(client, outsider), action, conversation).status_code == 404
    conversation.refresh_from_db()
    assert conversation.handed_off_at is None


def test_a_plain_form_post_returns_to_the_conversation_page(client, tenant) -> None:
    conversation = make_conversation(agent=tenant.agent)
    url = reverse("conversations:hand_off", args=[conversation.pk])

    response = logged_in(client, tenant.owner).post(url)

    assert response.status_code == 302
    assert response.url == reverse("conversations:detail", args=[conversation.pk])


def test_the_inbox_costs_the_same_queries_for_one_conversation_or_many(
    client, tenant, conversation, django_assert_num_queries
) -> None:
    client = logged_in(client, tenant.reviewer)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("conversations:inbox"))
    for n in range(3):
        handed_off(tenant.agent, wa_id=f"97250000003{n}", name=f"Customer {n}")

    with django_assert_num_queries(len(one.captured_queries)):
        body = client.get(reverse("conversations:inbox")).content.decode()

    assert body.count('class="card inbox-item"') == 4
