"""The reply service: what gets answered, with what, and what happens when upstreams fail."""

from __future__ import annotations

import datetime as dt

import django_rq
import pytest
from django.utils import timezone
from rq.registry import ScheduledJobRegistry

from agents.models import LlmCall
from agents.selectors import agent_text
from agents.services import business_install_defaults
from conversations.locks import ConversationLock
from conversations.models import Contact, Conversation, Message
from conversations.services.reply import build_turns, conversation_reply
from prompts_app.selectors import CANDIDATE, prompt_arm
from prompts_app.services import (
    prompt_experiment_end,
    prompt_experiment_start,
    prompt_version_create,
)
from tests.factories import add_message, make_conversation
from tests.stubs import graph_api_stub

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(tenant) -> Conversation:
    contact = Contact.objects.create(business=tenant.business, wa_id="972501234567")
    return Conversation.objects.create(
        business=tenant.business, agent=tenant.agent, contact=contact
    )


def customer_says(conversation: Conversation, text: str, *, wamid: str) -> Message:
    return add_message(conversation, text=text, wamid=wamid, needs_reply=True)


def test_it_answers_from_the_knowledge_base_in_the_customers_language(
    conversation, prompt_version, llm_simulator, redis_client
):
    customer_says(conversation, "כמה עולה תספורת גברים?", wamid="wamid.HE1")
    outcome = conversation_reply(conversation_id=conversation.pk)
    assert outcome.status == "answered"
    reply = Message.objects.get(pk=outcome.reply_ids[0])
    assert "₪90" in reply.text
    assert reply.status == "sent" and reply.wamid.startswith("sandbox.")
    conversation.refresh_from_db()
    assert conversation.language == "he"


def test_when_the_llm_is_unreachable_the_businesss_rules_answer(
    conversation, prompt_version, redis_client, settings
):
    settings.ANTHROPIC_API_KEY = "sk-ant-test"
    settings.ANTHROPIC_BASE_URL = "http://127.0.0.1:1"
    settings.LLM_MAX_ATTEMPTS = 1
    business_install_defaults(business=conversation.business)
    customer_says(conversation, "How much is a men's haircut?", wamid="wamid.A1")
    outcome = conversation_reply(conversation_id=conversation.pk)
    reply = Message.objects.get(pk=outcome.reply_ids[0])
    assert reply.author == "rules"
    assert reply.prompt_version is None
    assert reply.status == "sent"
    assert LlmCall.objects.get().error_class == "connection"
    # The prices rule promises a team member: the conversation is in the inbox, and the
    # rule's answer was the customer's notice.
    conversation.refresh_from_db()
    assert conversation.handed_off_at is not None
    assert conversation.handoff_notified_at is not None


def test_a_rule_that_promises_nothing_leaves_the_conversation_with_the_agent(
    conversation, prompt_version, redis_client, settings
):
    settings.ANTHROPIC_API_KEY = "sk-ant-test"
    settings.ANTHROPIC_BASE_URL = "http://127.0.0.1:1"
    settings.LLM_MAX_ATTEMPTS = 1
    business_install_defaults(business=conversation.business)
    customer_says(conversation, "thanks!", wamid="wamid.A1")
    outcome = conversation_reply(conversation_id=conversation.pk)
    reply = Message.objects.get(pk=outcome.reply_ids[0])
    assert reply.author == "rules" and "welcome" in reply.text
    conversation.refresh_from_db()
    assert conversation.handed_off_at is None


def test_when_the_llm_is_unreachable_and_no_rule_fits_a_person_takes_over(
    conversation, prompt_version, redis_client, settings
):
    settings.ANTHROPIC_API_KEY = "sk-ant-test"
    settings.ANTHROPIC_BASE_URL = "http://127.0.0.1:1"
    settings.LLM_MAX_ATTEMPTS = 1
    customer_says(conversation, "How much is a men's haircut?", wamid="wamid.A1")
    outcome = conversation_reply(conversation_id=conversation.pk)
    reply = Message.objects.get(pk=outcome.reply_ids[0])
    notice = agent_text(agent=conversation.agent, kind="handoff", language="en")
    assert (reply.author, reply.text) == ("fallback", notice)
    conversation.refresh_from_db()
    assert conversation.handed_off_at is not None


def test_a_reply_whatsapp_refuses_is_kept_as_failed_with_metas_reason(
    conversation, prompt_version, llm_simulator, redis_client, settings
):
    graph = graph_api_stub()
    settings.WHATSAPP_API_URL, settings.WHATSAPP_ACCESS_TOKEN = graph.url, "EAAG-test"
    graph.responses.append(
        (400, {"error": {"message": "Recipient not on WhatsApp", "code": 131026}})
    )
    try:
        customer_says(conversation, "hi", wamid="wamid.A1")
        outcome = conversation_reply(conversation_id=conversation.pk)
    finally:
        graph.shutdown()
    reply = Message.objects.get(pk=outcome.reply_ids[0])
    assert (reply.status, reply.error_code, reply.error_title) == (
        "failed",
        "131026",
        "Recipient not on WhatsApp",
    )
    # Answered even though the send failed: a retry must not write a second reply.
    assert Message.objects.get(wamid="wamid.A1").answered_by == reply


def test_it_does_nothing_when_every_message_is_already_answered(
    conversation, prompt_version, llm_simulator, redis_client
):
    customer_says(conversation, "hi", wamid="wamid.A1")
    assert conversation_reply(conversation_id=conversation.pk).status == "answered"
    assert conversation_reply(conversation_id=conversation.pk).status == "nothing_to_answer"
    assert Message.objects.filter(direction="out").count() == 1
    assert llm_simulator.stats_snapshot()["requests"] == 1


def test_while_another_worker_holds_the_conversation_it_looks_again_shortly(
    conversation, prompt_version, redis_client
):
    customer_says(conversation, "hi", wamid="wamid.A1")
    holder = ConversationLock(conversation.pk)
    assert holder.acquire()
    assert conversation_reply(conversation_id=conversation.pk).status == "locked"
    assert not Message.objects.filter(direction="out").exists()
    scheduled = ScheduledJobRegistry(queue=django_rq.get_queue("replies"))
    assert len(scheduled.get_job_ids()) == 1


def test_turns_merge_a_burst_and_start_with_the_customer(conversation):
    now = timezone.now()

    def msg(direction: str, text: str, seconds: int) -> Message:
        return Message(
            conversation=conversation,
            direction=direction,
            text=text,
            timestamp=now + dt.timedelta(seconds=seconds),
        )

    turns = build_turns(
        [
            msg("out", "Welcome to Salon Dana!", 0),
            msg("in", "hi", 1),
            msg("in", "how much is a haircut?", 2),
            msg("out", "Men's haircut: ₪90.", 3),
            msg("in", "for tomorrow?", 4),
        ]
    )
    assert turns == [
        {"role": "user", "content": "hi\nhow much is a haircut?"},
        {"role": "assistant", "content": "Men's haircut: ₪90."},
        {"role": "user", "content": "for tomorrow?"},
    ]


def test_in_an_ab_test_each_conversation_keeps_the_prompt_its_arm_gives_it(
    tenant, prompt_version, operator, llm_simulator, redis_client
):
    candidate = prompt_version_create(
        body=prompt_version.body.replace("Keep replies short", "Keep replies warm and short"),
        changelog="Warmer tone.",
        by=operator,
    )
    experiment = prompt_experiment_start(candidate=candidate, percent=50, by=operator)
    conversations = {}
    for n in range(20):  # until each arm has a conversation
        conversation = make_conversation(agent=tenant.agent, wa_id=f"97250111{n:04d}")
        arm = prompt_arm(experiment=experiment, conversation_id=conversation.pk)
        conversations.setdefault(arm, conversation)
    expected = {CANDIDATE: candidate, "control": prompt_version}
    assert set(conversations) == set(expected)

    for turn, question in enumerate(["How much is a men's haircut?", "And a women's haircut?"]):
        for arm, conversation in conversations.items():
            customer_says(conversation, question, wamid=f"wamid.{arm}.{turn}")
            outcome = conversation_reply(conversation_id=conversation.pk)
            reply = Message.objects.get(pk=outcome.reply_ids[0])
            assert reply.author == "ai"
            assert reply.prompt_version == expected[arm], (arm, turn)
    for arm, conversation in conversations.items():
        calls = LlmCall.objects.filter(conversation=conversation, purpose="reply")
        assert {c.prompt_version_id for c in calls} == {expected[arm].pk}

    prompt_experiment_end(experiment=experiment, by=operator, promote=False)
    moved = conversations[CANDIDATE]
    customer_says(moved, "Are you open on Friday?", wamid="wamid.after")
    outcome = conversation_reply(conversation_id=moved.pk)
    assert Message.objects.get(pk=outcome.reply_ids[0]).prompt_version == prompt_version
