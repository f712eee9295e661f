"""A business goes live on purpose: until an owner switches its agent on, and while its
knowledge base is empty, the AI never answers customers; people do, and the customer is told
once. The sandbox answers either way, so an owner can try the agent first."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from agents.models import Agent, KnowledgeBase
from agents.selectors import agent_live_state, agent_text
from agents.services_settings import agent_live_set
from conversations.models import Message
from conversations.services import handoff
from conversations.services.reply import conversation_reply
from conversations.services.sandbox import sandbox_conversation_for, sandbox_message_post
from tests.factories import add_message, make_agent, make_business, make_conversation

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture(autouse=True)
def clean_redis(redis_client):
    return redis_client


def logged_in(client: Client, user: object) -> Client:
    client.force_login(user)
    return client


def customer_says(conversation, text: str, wamid: str) -> Message:
    return add_message(conversation, text=text, wamid=wamid, needs_reply=True)


def switch(client: Client, agent: Agent, live: str, **extra: str):
    return client.post(reverse("agents:live", args=[agent.pk]), {"live": live, **extra})


def test_a_new_agent_is_not_live():
    agent = Agent.objects.create(
        business=make_business(), name="New", phone_number_id="106540350000001"
    )

    assert agent.is_live is False
    assert not agent_live_state(agent=agent).answers_customers


def test_an_agent_that_is_not_live_hands_every_conversation_to_people_and_says_so_once(
    tenant, prompt_version, llm_simulator, graph_api
):
    Agent.objects.filter(pk=tenant.agent.pk).update(is_live=False)
    conversation = make_conversation(agent=tenant.agent)
    customer_says(conversation, "How much is a men's haircut?", "wamid.NL1")

    outcome = conversation_reply(conversation_id=conversation.pk)

    notice = Message.objects.get(pk=outcome.reply_ids[0])
    assert (notice.author, notice.text) == (
        "fallback",
        agent_text(agent=tenant.agent, kind="handoff", language="en"),
    )
    conversation.refresh_from_db()
    assert conversation.handoff_reason == handoff.BY_NOT_LIVE
    assert llm_simulator.stats_snapshot()["requests"] == 0  # the AI was never asked

    customer_says(conversation, "Hello? Anyone there?", "wamid.NL2")
    assert conversation_reply(conversation_id=conversation.pk).status == "nothing_to_answer"
    assert [r.body["text"]["body"] for r in graph_api.requests] == [notice.text]
    assert llm_simulator.stats_snapshot()["requests"] == 0


def test_a_live_agent_with_an_empty_knowledge_base_never_answers_with_the_ai(
    prompt_version, llm_simulator, graph_api
):
    agent = make_agent(business=make_business(knowledge_base="  \n "), is_live=True)
    conversation = make_conversation(agent=agent)
    customer_says(conversation, "כמה עולה תספורת?", "wamid.EMPTY1")

    outcome = conversation_reply(conversation_id=conversation.pk)

    notice = Message.objects.get(pk=outcome.reply_ids[0])
    assert notice.text == agent_text(agent=agent, kind="handoff", language="he")
    conversation.refresh_from_db()
    assert conversation.handed_off_at is not None
    assert conversation.handoff_reason == handoff.BY_NOT_LIVE
    assert llm_simulator.stats_snapshot()["requests"] == 0


def test_the_sandbox_still_answers_with_the_ai_before_going_live(
    tenant, prompt_version, llm_simulator
):
    Agent.objects.filter(pk=tenant.agent.pk).update(is_live=False)
    tenant.agent.refresh_from_db()
    conversation = sandbox_conversation_for(agent=tenant.agent, user=tenant.owner)
    sandbox_message_post(conversation=conversation, text="How much is a men's haircut?")

    outcome = conversation_reply(conversation_id=conversation.pk)

    reply = Message.objects.get(pk=outcome.reply_ids[0])
    assert reply.author == "ai" and "₪90" in reply.text
    conversation.refresh_from_db()
    assert conversation.handed_off_at is None


def test_switching_on_is_refused_while_the_knowledge_base_is_empty(tenant):
    Agent.objects.filter(pk=tenant.agent.pk).update(is_live=False)
    KnowledgeBase.objects.filter(business=tenant.business).update(content="")

    with pytest.raises(ValidationError) as raised:
        agent_live_set(agent=tenant.agent, live=True, by=tenant.owner)

    assert "Write the knowledge base first" in raised.value.messages[0]
    assert Agent.objects.get(pk=tenant.agent.pk).is_live is False


def test_an_owner_switches_the_agent_on_and_off_from_the_agent_page(client, tenant):
    Agent.objects.filter(pk=tenant.agent.pk).update(is_live=False)
    owner = logged_in(client, tenant.owner)
    page = owner.get(reverse("agents:detail", args=[tenant.agent.pk])).content.decode()
    assert "Not live: your team answers every conversation" in page
    assert "Switch on" in page

    response = switch(owner, tenant.agent, "1")

    assert response.status_code == 302
    assert Agent.objects.get(pk=tenant.agent.pk).is_live is True
    page = owner.get(response.url).content.decode()
    assert "The agent is live: it answers your customers with the AI." in page
    assert "Live: the agent answers your customers" in page

    response = switch(owner, tenant.agent, "0", back="settings")

    assert response.url == reverse("agents:settings", args=[tenant.agent.pk])
    assert Agent.objects.get(pk=tenant.agent.pk).is_live is False


def test_the_pages_say_what_to_do_when_the_knowledge_base_is_empty(client, tenant):
    Agent.objects.filter(pk=tenant.agent.pk).update(is_live=False)
    KnowledgeBase.objects.filter(business=tenant.business).update(content="")
    owner = logged_in(client, tenant.owner)
    kb_url = reverse("agents:knowledge_base", args=[tenant.business.pk])

    for page in ("agents:detail", "agents:settings"):
        body = owner.get(reverse(page, args=[tenant.agent.pk])).content.decode()
        assert "Not live" in body
        assert f'<a href="{kb_url}">write the knowledge base</a>' in body
        assert "then switch it on" in body

    response = switch(owner, tenant.agent, "1")
    assert "Write the knowledge base first" in owner.get(response.url).content.decode()
    assert Agent.objects.get(pk=tenant.agent.pk).is_live is False


def test_a_reviewer_cannot_switch_the_agent_and_an_outsider_gets_a_404(client, tenant, outsider):
    Agent.objects.filter(pk=tenant.agent.pk).update(is_live=False)

    assert switch(logged_in(client, tenant.reviewer), tenant.agent, "1").status_code == 403
    page = client.get(reverse("agents:detail", args=[tenant.agent.pk])).content.decode()
    assert "An owner of the business can switch it on." in page
    assert switch(logged_in(client, outsider), tenant.agent, "1").status_code == 404
    assert Agent.objects.get(pk=tenant.agent.pk).is_live is False


def test_a_bad_switch_value_is_refused_and_changes_nothing(client, tenant):
    response = switch(logged_in(client, tenant.owner), tenant.agent, "yes")

    assert response.status_code == 400
    assert Agent.objects.get(pk=tenant.agent.pk).is_live is True


def test_seed_demo_makes_the_demo_agent_live():
    call_command("seed_demo", stdout=StringIO())

    assert Agent.objects.get(phone_number_id="106540352242922").is_live is True


def test_the_agents_page_and_the_sandbox_say_an_agent_is_not_live(client, tenant, redis_client):
    Agent.objects.filter(pk=tenant.agent.pk).update(is_live=False)
    owner = logged_in(client, tenant.owner)

    assert "not live" in owner.get(reverse("agents:list")).content.decode()
    sandbox = owner.get(reverse("agents:sandbox", args=[tenant.agent.pk])).content.decode()
    assert "This agent is not live" in sandbox
    assert "The sandbox answers anyway" in sandbox
