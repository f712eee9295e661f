"""The chat sandbox: an owner writes as a customer; the real reply path answers; WhatsApp hears nothing."""

from __future__ import annotations

import django_rq
import pytest
from django.test import Client
from django.urls import reverse
from rq import SimpleWorker

from conversations.models import Conversation, Lead, Message
from conversations.services.sandbox import (
    sandbox_conversation_for,
    sandbox_message_post,
    sandbox_reset,
)
from tests.factories import add_message, make_conversation

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

HTMX = {"HTTP_HX_REQUEST": "true"}


def logged_in(client: Client, user: object) -> Client:
    client.force_login(user)
    return client


def run_reply_jobs(redis_client) -> None:
    SimpleWorker([django_rq.get_queue("replies")], connection=redis_client).work(burst=True)


def sandbox_url(tenant, name: str = "sandbox") -> str:
    return reverse(f"agents:{name}", args=[tenant.agent.pk])


# --- the service ------------------------------------------------------------------------------


def test_the_sandbox_conversation_is_one_per_user_and_agent(tenant, redis_client):
    first = sandbox_conversation_for(agent=tenant.agent, user=tenant.owner)
    again = sandbox_conversation_for(agent=tenant.agent, user=tenant.owner)
    other = sandbox_conversation_for(agent=tenant.agent, user=tenant.reviewer)

    assert first.pk == again.pk != other.pk
    assert first.is_sandbox
    assert first.contact.user_id == f"sandbox-{tenant.owner.pk}"
    assert first.contact.wa_id is None
    assert first.contact.profile_name == f"{tenant.owner.get_username()} (sandbox)"


def test_posting_stores_an_inbound_message_as_the_webhook_would(
    tenant, redis_client, django_capture_on_commit_callbacks
):
    conversation = sandbox_conversation_for(agent=tenant.agent, user=tenant.owner)

    with django_capture_on_commit_callbacks() as callbacks:
        message = sandbox_message_post(conversation=conversation, text="How much is a haircut?")

    assert len(callbacks) == 1  # the reply is queued after commit, not before
    assert message.direction == Message.Direction.INBOUND
    assert message.author == Message.Author.CUSTOMER
    assert message.status == Message.Status.RECEIVED
    assert message.needs_reply and message.answered_by is None
    assert message.wamid.startswith("sandbox-in.")
    conversation.refresh_from_db()
    assert conversation.last_inbound_at == message.timestamp
    assert conversation.last_message_at == message.timestamp


def test_a_real_customers_conversation_is_never_posted_to_or_reset(tenant, redis_client):
    real = make_conversation(agent=tenant.agent)
    add_message(real, text="hello")
    with pytest.raises(ValueError):
        sandbox_message_post(conversation=real, text="hi")
    with pytest.raises(ValueError):
        sandbox_reset(conversation=real)
    assert real.messages.count() == 1


def test_the_agent_answers_in_the_sandbox_and_nothing_goes_to_whatsapp(
    client,
    tenant,
    llm_simulator,
    prompt_version,
    redis_client,
    graph_api,
    django_capture_on_commit_callbacks,
):
    client = logged_in(client, tenant.owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            sandbox_url(tenant, "sandbox_send"), {"text": "How much is a men's haircut?"}, **HTMX
        )
    assert response.status_code == 200
    assert response["HX-Trigger"] == "sandbox-posted"

    run_reply_jobs(redis_client)

    conversation = Conversation.objects.get(agent=tenant.agent, is_sandbox=True)
    inbound, reply = conversation.messages.order_by("id")
    assert inbound.text == "How much is a men's haircut?"
    assert reply.direction == Message.Direction.OUTBOUND
    assert reply.author == Message.Author.AI
    assert "₪90" in reply.text
    assert reply.prompt_version == prompt_version
    assert reply.status == Message.Status.SENT and reply.wamid.startswith("sandbox.")
    assert inbound.answered_by_id == reply.pk
    assert graph_api.requests == []  # WHATSAPP_ACCESS_TOKEN is set, and still nothing was sent

    poll = client.get(sandbox_url(tenant, "sandbox_messages"), {"after": inbound.pk}, **HTMX)
    body = poll.content.decode()
    assert f'id="message-{reply.pk}"' in body
    assert f'id="message-{inbound.pk}"' not in body  # only what is after the cursor
    assert f'data-cursor="{reply.pk}"' in body
    assert "₪90" in body and "prompt v1" in body


def test_the_page_shows_the_thread_the_mode_and_the_writing_indicator(
    client, tenant, redis_client, django_capture_on_commit_callbacks
):
    client = logged_in(client, tenant.owner)
    page = client.get(sandbox_url(tenant)).content.decode()
    assert "No messages yet" in page
    assert "mode mode-full_ai" in page
    assert 'id="sandbox-poller"' in page and 'data-cursor="0"' in page
    assert Conversation.objects.filter(is_sandbox=True).count() == 0  # a visit creates nothing

    with django_capture_on_commit_callbacks(execute=False):
        client.post(sandbox_url(tenant, "sandbox_send"), {"text": "שלום, מה השעות?"})

    page = client.get(sandbox_url(tenant)).content.decode()
    assert "שלום, מה השעות?" in page
    assert "Agent is writing…" in page


def test_an_empty_message_is_refused_and_nothing_is_stored(client, tenant, redis_client):
    response = logged_in(client, tenant.owner).post(
        sandbox_url(tenant, "sandbox_send"), {"text": "   "}, **HTMX
    )
    assert response.status_code == 200
    assert 'class="field-error"' in response.content.decode()
    assert "HX-Trigger" not in response
    assert not Message.objects.exists()


def test_reset_empties_the_thread_summary_lead_and_handoff(client, tenant, redis_client):
    conversation = sandbox_conversation_for(agent=tenant.agent, user=tenant.owner)
    add_message(conversation, text="Hi, I'm Dana, 050-1234567")
    add_message(conversation, text="Hello Dana!", direction=Message.Direction.OUTBOUND)
    Lead.objects.create(business=tenant.business, conversation=conversation, name="Dana")
    Conversation.objects.filter(pk=conversation.pk).update(
        summary="Dana asked about haircuts.", handoff_reason="The customer asked for a person"
    )

    response = logged_in(client, tenant.owner).post(sandbox_url(tenant, "sandbox_reset"))

    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.messages.count() == 0
    assert not Lead.objects.filter(conversation=conversation).exists()
    assert conversation.summary == "" and conversation.summary_through_id == 0
    assert conversation.handed_off_at is None and conversation.handoff_reason == ""
    assert "No messages yet" in client.get(response.url).content.decode()


def test_a_reviewer_sees_the_sandbox_but_cannot_spend_the_businesss_llm_budget(
    client, tenant, redis_client
):
    client = logged_in(client, tenant.reviewer)
    page = client.get(sandbox_url(tenant))
    assert page.status_code == 200
    assert 'id="sandbox-form"' not in page.content.decode()
    assert client.post(sandbox_url(tenant, "sandbox_send"), {"text": "hi"}).status_code == 403
    assert client.post(sandbox_url(tenant, "sandbox_reset")).status_code == 403
    assert not Message.objects.exists()


def test_an_outsider_gets_404_for_every_sandbox_url(client, tenant, outsider, redis_client):
    client = logged_in(client, outsider)
    assert client.get(sandbox_url(tenant)).status_code == 404
    assert client.post(sandbox_url(tenant, "sandbox_send"), {"text": "hi"}).status_code == 404
    poll = client.get(sandbox_url(tenant, "sandbox_messages"), {"after": "0"}, **HTMX)
    assert poll.status_code == 404
    assert client.post(sandbox_url(tenant, "sandbox_reset")).status_code == 404
    assert not Message.objects.exists()


def test_the_poll_refuses_a_request_that_is_not_htmx_or_has_no_cursor(client, tenant, redis_client):
    client = logged_in(client, tenant.owner)
    url = sandbox_url(tenant, "sandbox_messages")
    assert client.get(url, {"after": "0"}).status_code == 400
    assert client.get(url, {"after": "last"}, **HTMX).status_code == 400
