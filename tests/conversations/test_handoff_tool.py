"""Handoff as a decision: the reply model's ``hand_to_team`` tool, through the real reply path.

Meta's webhook in, the RQ worker on the real Redis, the anthropic SDK over HTTP to the
Messages-API simulator (which calls the tool where its knowledge base has no answer), the
WhatsApp sender over HTTP to a local Graph API stand-in, and the inbox pages.
"""

from __future__ import annotations

import django_rq
import pytest
from django.urls import reverse
from rq import SimpleWorker

from agents.models import Agent, AgentText, LlmCall
from agents.selectors import agent_text
from conversations.models import Conversation, Message
from conversations.services import handoff
from conversations.services.reply import conversation_reply
from monitoring.metrics import metrics_for_businesses
from tests import whatsapp as wa
from tests.factories import add_message, make_conversation


@pytest.fixture
def live(tenant, settings) -> Agent:
    """The tenant's agent, switched on by its owner, on the webhook with its app secret."""
    settings.WHATSAPP_APP_SECRET = wa.APP_SECRET
    Agent.objects.filter(pk=tenant.agent.pk).update(is_live=True)
    return Agent.objects.get(pk=tenant.agent.pk)


def customer_writes(client, redis_client, *messages: dict) -> None:
    """The customer's messages arrive by webhook and the reply worker runs until idle."""
    response = wa.post_signed(client, wa.envelope([wa.change(messages=list(messages))]))
    assert response.status_code == 200
    SimpleWorker([django_rq.get_queue("replies")], connection=redis_client).work(burst=True)


def sent_texts(graph_api) -> list[str]:
    return [request.body["text"]["body"] for request in graph_api.requests]


@pytest.mark.django_db(transaction=True)
def test_a_question_the_knowledge_base_does_not_answer_goes_to_the_inbox_until_handed_back(
    client, tenant, live, prompt_version, llm_simulator, graph_api, redis_client
) -> None:
    customer_writes(
        client, redis_client, wa.text_message(wamid="wamid.Q1", body="Do you do wedding makeup?")
    )

    # The model called the tool: the conversation is with people, for that reason...
    conversation = Conversation.objects.get()
    assert conversation.handed_off_at is not None
    assert conversation.handoff_reason == handoff.BY_KNOWLEDGE_GAP
    assert llm_simulator.stats_snapshot()["handoffs"] == 1
    # ...and the customer was told once, with the handoff text (not the model's own words).
    handoff_text = agent_text(agent=live, kind=AgentText.Kind.HANDOFF, language="en")
    assert sent_texts(graph_api) == [handoff_text]
    question = Message.objects.get(wamid="wamid.Q1")
    assert question.answered_by.text == handoff_text

    # The inbox shows it, with the reason.
    client.force_login(tenant.reviewer)
    inbox = client.get(reverse("conversations:inbox")).content.decode()
    assert f'id="inbox-{conversation.pk}"' in inbox
    assert handoff.BY_KNOWLEDGE_GAP.replace("'", "&#x27;") in inbox

    # The customer writes again: the AI stays quiet, nobody is told twice.
    calls = LlmCall.objects.filter(purpose=LlmCall.Purpose.REPLY).count()
    customer_writes(
        client,
        redis_client,
        wa.text_message(wamid="wamid.Q2", body="Also, how much is a men's haircut?"),
    )
    assert sent_texts(graph_api) == [handoff_text]
    assert LlmCall.objects.filter(purpose=LlmCall.Purpose.REPLY).count() == calls
    assert Message.objects.get(wamid="wamid.Q2").answered_by is None

    # A person hands it back: the AI answers what was waiting.
    response = client.post(
        reverse("conversations:inbox_hand_back", args=[conversation.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    SimpleWorker([django_rq.get_queue("replies")], connection=redis_client).work(burst=True)
    conversation.refresh_from_db()
    assert conversation.handed_off_at is None
    answer = Message.objects.get(wamid="wamid.Q2").answered_by
    assert answer.author == Message.Author.AI and "₪90" in answer.text
    assert sent_texts(graph_api) == [handoff_text, answer.text]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("This is unacceptable, my colour came out orange!", handoff.BY_COMPLAINT),
        ("Can I get a manager on the line?", handoff.BY_CUSTOMER),
        ("האם אתם עושים איפור כלות?", handoff.BY_KNOWLEDGE_GAP),
    ],
)
def test_the_model_hands_over_a_complaint_a_request_for_a_person_and_an_unknown_in_hebrew(
    live, prompt_version, llm_simulator, redis_client, question, reason
) -> None:
    conversation = make_conversation(agent=live)
    asked = add_message(conversation, text=question, needs_reply=True)

    conversation_reply(conversation_id=conversation.pk)

    conversation.refresh_from_db()
    assert conversation.handoff_reason == reason
    asked.refresh_from_db()
    language = "he" if reason == handoff.BY_KNOWLEDGE_GAP else "en"
    assert asked.answered_by.text == agent_text(
        agent=live, kind=AgentText.Kind.HANDOFF, language=language
    )


@pytest.mark.django_db(transaction=True)
def test_a_voice_note_is_handed_over_without_asking_the_model(
    client, live, prompt_version, llm_simulator, graph_api, redis_client
) -> None:
    voice = wa.message_of_type(
        wamid="wamid.V1", kind="audio", content={"id": "media-1", "voice": True}
    )
    customer_writes(client, redis_client, voice)

    conversation = Conversation.objects.get()
    assert conversation.handoff_reason == handoff.BY_MEDIA
    assert llm_simulator.stats_snapshot()["requests"] == 0
    note = Message.objects.get(wamid="wamid.V1")
    assert (note.type, note.text) == ("audio", "[voice message]")
    assert sent_texts(graph_api) == [note.answered_by.text]
    assert note.answered_by.author == Message.Author.FALLBACK


@pytest.mark.django_db
def test_the_escalation_rate_counts_a_handoff_the_model_decided(
    tenant, live, prompt_version, llm_simulator, redis_client
) -> None:
    answered = make_conversation(agent=live, wa_id="972500000001")
    add_message(answered, text="How much is a men's haircut?", needs_reply=True)
    unknown = make_conversation(agent=live, wa_id="972500000002")
    add_message(unknown, text="Do you do wedding makeup?", needs_reply=True)
    (before,) = metrics_for_businesses(businesses=[tenant.business])

    conversation_reply(conversation_id=answered.pk)
    conversation_reply(conversation_id=unknown.pk)

    (after,) = metrics_for_businesses(businesses=[tenant.business])
    assert before.escalation_rate == 0
    assert after.handoffs == 1
    assert after.escalation_rate >= 0.5  # at least the one conversation of the two
