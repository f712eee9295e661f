"""The conversation pages: the list and one conversation's thread, who sees them, the HTMX
polls with their cursor, and a fixed number of queries whatever the data."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from agents.models import Agent
from conversations.models import Conversation, Message
from tests import factories
from tests.factories import add_message, make_conversation

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def logged_in(client: Client, user: object) -> Client:
    client.force_login(user)
    return client


@pytest.fixture
def conversation(tenant) -> Conversation:
    conversation = make_conversation(agent=tenant.agent, wa_id="972501234567", name="Noa")
    add_message(conversation, text="Hi, how much is a haircut?")
    return conversation


# --- the list -------------------------------------------------------------------------------


def test_the_list_sends_an_anonymous_visitor_to_log_in(client, conversation) -> None:
    response = client.get(reverse("conversations:list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_anonymous_poll_is_sent_to_log_in_with_hx_redirect(client, conversation) -> None:
    response = client.get(
        reverse("conversations:messages", args=[conversation.pk]) + "?after=0",
        HTTP_HX_CURRENT_URL=f"http://testserver/conversations/{conversation.pk}/",
        **HTMX,
    )

    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/login/?next=/conversations/{conversation.pk}/"


def test_the_list_shows_the_owners_conversations(client, tenant, conversation) -> None:
    response = logged_in(client, tenant.owner).get(reverse("conversations:list"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Noa" in body
    assert "+972501234567" in body
    assert "Hi, how much is a haircut?" in body
    assert "Salon Dana" in body
    assert tenant.agent.name in body
    assert "Needs reply" not in body
    assert reverse("conversations:detail", args=[conversation.pk]) in body
    assert 'hx-trigger="every 3s"' in body


def test_the_list_flags_a_customer_waiting_for_a_reply(client, tenant, conversation) -> None:
    add_message(conversation, text="Are you open on Friday?", needs_reply=True)

    response = logged_in(client, tenant.reviewer).get(reverse("conversations:list"))

    assert "Needs reply" in response.content.decode()


def test_the_list_of_an_outsider_shows_none_of_the_tenants_conversations(
    client, outsider, conversation
) -> None:
    response = logged_in(client, outsider).get(reverse("conversations:list"))

    assert response.status_code == 200
    assert "Noa" not in response.content.decode()
    assert "No conversations yet." in response.content.decode()


def test_an_operator_sees_the_conversations_of_every_business(
    client, operator, outsider, conversation
) -> None:
    other_agent = Agent.objects.exclude(business=conversation.business).get()
    make_conversation(agent=other_agent, wa_id="972509999999", name="Someone Else")

    response = logged_in(client, operator).get(reverse("conversations:list"))

    body = response.content.decode()
    assert "Noa" in body
    assert "Someone Else" in body
    assert "Operator · all businesses" in body


def test_the_list_explains_what_to_do_when_it_is_empty(client, tenant) -> None:
    response = logged_in(client, tenant.owner).get(reverse("conversations:list"))

    body = response.content.decode()
    assert "No conversations yet." in body
    assert "Send a WhatsApp message to your agent" in body


def test_an_htmx_poll_of_the_list_renders_only_the_list(client, tenant, conversation) -> None:
    response = logged_in(client, tenant.owner).get(reverse("conversations:list"), **HTMX)

    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="conversation-list"')
    assert "<html" not in body
    assert "Noa" in body
    assert "HX-Request" in response["Vary"]


def test_the_list_costs_a_fixed_number_of_queries(
    client, tenant, django_assert_max_num_queries
) -> None:
    for n in range(8):
        conversation = make_conversation(agent=tenant.agent, wa_id=f"97250000000{n}")
        add_message(conversation, text="question", needs_reply=True)
        add_message(conversation, text="answer", direction=Message.Direction.OUTBOUND)
    client = logged_in(client, tenant.owner)

    # session, user, the conversations (one query with subqueries), their held replies (one
    # query for all), the top bar's businesses
    with django_assert_max_num_queries(5):
        response = client.get(reverse("conversations:list"))
    assert response.content.decode().count('class="list-row') == 8


# --- one conversation -----------------------------------------------------------------------


def test_the_owner_and_the_reviewer_open_a_conversation(client, tenant, conversation) -> None:
    url = reverse("conversations:detail", args=[conversation.pk])
    for user in (tenant.owner, tenant.reviewer):
        response = logged_in(Client(), user).get(url)
        assert response.status_code == 200
        assert "Hi, how much is a haircut?" in response.content.decode()


def test_an_outsider_gets_404_for_a_conversation(client, outsider, conversation) -> None:
    client = logged_in(client, outsider)

    assert client.get(reverse("conversations:detail", args=[conversation.pk])).status_code == 404
    poll = reverse("conversations:messages", args=[conversation.pk]) + "?after=0"
    assert client.get(poll, **HTMX).status_code == 404


def test_an_unknown_conversation_is_404(client, tenant) -> None:
    response = logged_in(client, tenant.owner).get(reverse("conversations:detail", args=[999999]))

    assert response.status_code == 404


def test_the_page_shows_the_thread_with_authors_statuses_and_provenance(
    client, tenant, conversation, prompt_version
) -> None:
    add_message(
        conversation,
        text="A men's haircut is ₪90.",
        direction=Message.Direction.OUTBOUND,
        status=Message.Status.READ,
        prompt_version=prompt_version,
        llm_model="claude-haiku-4-5",
    )
    add_message(
        conversation,
        text="Let me pass you to the team.",
        direction=Message.Direction.OUTBOUND,
        author=Message.Author.FALLBACK,
        status=Message.Status.FAILED,
        error_code="131047",
        error_title="Re-engagement message",
    )
    add_message(conversation, text="[image]", type="image")

    body = (
        logged_in(client, tenant.owner)
        .get(reverse("conversations:detail", args=[conversation.pk]))
        .content.decode()
    )

    assert "message-in" in body and "message-out" in body
    assert 'dir="auto"' in body
    assert "Customer" in body and ">AI<" in body and "Fallback" in body
    assert "Read" in body
    assert f"prompt v{prompt_version.number} · claude-haiku-4-5" in body
    assert "131047: Re-engagement message" in body
    assert '<span class="tag">image</span>' in body
    assert "Salon Dana" in body and tenant.agent.name in body


def test_the_page_says_the_agent_is_writing_while_a_customer_waits(
    client, tenant, conversation
) -> None:
    url = reverse("conversations:detail", args=[conversation.pk])
    client = logged_in(client, tenant.owner)
    assert "Agent is writing" not in client.get(url).content.decode()

    add_message(conversation, text="Is Friday possible?", needs_reply=True)

    assert "Agent is writing" in client.get(url).content.decode()


def test_the_page_polls_from_the_last_message_it_shows(client, tenant, conversation) -> None:
    last = add_message(conversation, text="last one")

    body = (
        logged_in(client, tenant.owner)
        .get(reverse("conversations:detail", args=[conversation.pk]))
        .content.decode()
    )

    poll = reverse("conversations:messages", args=[conversation.pk])
    assert f'hx-get="{poll}?after={last.pk}"' in body
    assert 'hx-swap="beforeend"' in body


# --- polling the thread ---------------------------------------------------------------------


def test_polling_returns_only_messages_after_the_cursor(client, tenant, conversation) -> None:
    seen = add_message(conversation, text="already on the page")
    add_message(conversation, text="just arrived")
    poll = reverse("conversations:messages", args=[conversation.pk])

    response = logged_in(client, tenant.owner).get(f"{poll}?after={seen.pk}", **HTMX)

    body = response.content.decode()
    assert response.status_code == 200
    assert "just arrived" in body
    assert "already on the page" not in body
    assert "how much is a haircut" not in body
    assert "<html" not in body


def test_polling_advances_the_cursor_to_the_newest_message_sent(
    client, tenant, conversation
) -> None:
    newest = add_message(conversation, text="just arrived")
    poll = reverse("conversations:messages", args=[conversation.pk])

    body = logged_in(client, tenant.owner).get(f"{poll}?after=0", **HTMX).content.decode()

    assert f'hx-get="{poll}?after={newest.pk}"' in body
    assert 'id="thread-poller"' in body and 'hx-swap-oob="true"' in body


def test_polling_with_nothing_new_keeps_the_cursor(client, tenant, conversation) -> None:
    last = conversation.messages.get()
    poll = reverse("conversations:messages", args=[conversation.pk])

    body = logged_in(client, tenant.owner).get(f"{poll}?after={last.pk}", **HTMX).content.decode()

    assert "how much is a haircut" not in body
    assert f'hx-get="{poll}?after={last.pk}"' in body


def test_polling_refreshes_the_status_of_replies_already_shown(
    client, tenant, conversation
) -> None:
    reply = add_message(conversation, text="We open at nine.", direction=Message.Direction.OUTBOUND)
    Message.objects.filter(pk=reply.pk).update(
        status=Message.Status.FAILED, error_code="131026", error_title="Message undeliverable"
    )
    poll = reverse("conversations:messages", args=[conversation.pk])

    body = logged_in(client, tenant.owner).get(f"{poll}?after={reply.pk}", **HTMX).content.decode()

    assert f'<article id="message-{reply.pk}"' in body
    assert "131026: Message undeliverable" in body
    row = body.split(f'<article id="message-{reply.pk}"', 1)[1].split(">", 1)[0]
    assert 'hx-swap-oob="true"' in row


def test_polling_updates_the_typing_indicator(client, tenant, conversation) -> None:
    question = add_message(conversation, text="Friday?", needs_reply=True)
    poll = reverse("conversations:messages", args=[conversation.pk])
    client = logged_in(client, tenant.owner)

    body = client.get(f"{poll}?after={question.pk}", **HTMX).content.decode()
    assert "Agent is writing" in body

    reply = add_message(conversation, text="Yes, 08:00-14:00.", direction="out")
    Message.objects.filter(pk=question.pk).update(answered_by=reply)
    body = client.get(f"{poll}?after={question.pk}", **HTMX).content.decode()
    assert "Yes, 08:00-14:00." in body
    assert "Agent is writing" not in body
    assert 'id="typing-indicator"' in body


def test_polling_without_htmx_is_a_bad_request(client, tenant, conversation) -> None:
    poll = reverse("conversations:messages", args=[conversation.pk])

    assert logged_in(client, tenant.owner).get(f"{poll}?after=0").status_code == 400


@pytest.mark.parametrize("after", ["", "abc", "-1"])
def test_polling_rejects_a_cursor_that_is_not_a_message_id(
    client, tenant, conversation, after
) -> None:
    poll = reverse("conversations:messages", args=[conversation.pk])

    response = logged_in(client, tenant.owner).get(f"{poll}?after={after}", **HTMX)

    assert response.status_code == 400


def test_polling_costs_a_fixed_number_of_queries(
    client, tenant, conversation, django_assert_max_num_queries
) -> None:
    first = conversation.messages.get()
    for n in range(5):
        add_message(conversation, text=f"reply {n}", direction=Message.Direction.OUTBOUND)
        add_message(conversation, text=f"question {n}", needs_reply=True)
    poll = reverse("conversations:messages", args=[conversation.pk])
    client = logged_in(client, tenant.owner)

    # session, user, conversation, its held replies, new rows, recent outbound rows, typing
    # indicator
    with django_assert_max_num_queries(7):
        client.get(f"{poll}?after={first.pk}", **HTMX)


def test_a_user_with_a_membership_sees_the_header_business(client, tenant) -> None:
    user = factories.make_member(business=tenant.business)

    body = logged_in(client, user).get(reverse("conversations:list")).content.decode()

    assert "Salon Dana" in body
    assert 'action="/logout/"' in body


def test_a_pinned_agents_pin_shows_on_the_conversation_list(client, tenant, operator) -> None:
    tenant.agent.pinned_mode = "rules_only"
    tenant.agent.pinned_by = operator
    tenant.agent.pin_reason = "Anthropic incident"
    tenant.agent.save(update_fields=["pinned_mode", "pinned_by", "pin_reason"])
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    add_message(conversation, text="hi")
    page = logged_in(client, tenant.owner).get(reverse("conversations:list"))
    body = page.content.decode()
    assert "Rules only" in body and "Pinned" in body and "Anthropic incident" in body
