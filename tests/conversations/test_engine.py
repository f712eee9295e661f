"""The conversation engine's guarantees: every message answered exactly once, in order."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import django_rq
import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.utils import timezone
from rq import SimpleWorker
from rq.registry import ScheduledJobRegistry

from agents.models import LlmCall
from conversations.locks import ConversationLock
from conversations.models import Conversation, Message
from conversations.services import handoff
from conversations.services.delivery import OUTSIDE_WINDOW_CODE, message_send, sweep
from conversations.services.memory import (
    conversation_summary_refresh,
    history_for_reply,
    messages_to_fold,
    summary_refresh_due,
)
from conversations.services.reply import conversation_reply
from conversations.whatsapp.signature import sign
from monitoring.models import Alert
from tests import whatsapp as wa
from tests.factories import add_message, make_conversation

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def conversation(tenant) -> Conversation:
    return make_conversation(agent=tenant.agent)


def run_reply_jobs(redis_client) -> None:
    SimpleWorker([django_rq.get_queue("replies")], connection=redis_client).work(burst=True)


def customer(conversation: Conversation, text: str, *, seconds_ago: float = 0) -> Message:
    message = add_message(conversation, text=text, needs_reply=True)
    if seconds_ago:
        created = timezone.now() - dt.timedelta(seconds=seconds_ago)
        Message.objects.filter(pk=message.pk).update(created_at=created)
        message.refresh_from_db()
    return message


def replies(conversation: Conversation) -> list[Message]:
    return list(conversation.messages.filter(direction="out").order_by("id"))


# --- bursts and ordering ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_burst_still_arriving_waits_for_the_debounce(
    conversation, prompt_version, llm_simulator, redis_client, settings
):
    settings.REPLY_DEBOUNCE_SECONDS = 3
    customer(conversation, "hi")
    assert conversation_reply(conversation_id=conversation.pk).status == "debouncing"
    assert not replies(conversation)
    scheduled = ScheduledJobRegistry(queue=django_rq.get_queue("replies"))
    assert len(scheduled.get_job_ids()) == 1


@pytest.mark.django_db
def test_a_burst_gets_one_reply_that_reads_every_message(
    conversation, prompt_version, llm_simulator, redis_client, settings
):
    settings.REPLY_DEBOUNCE_SECONDS = 3
    first = customer(conversation, "hi", seconds_ago=6)
    second = customer(conversation, "how much is a men's haircut?", seconds_ago=5)
    third = customer(conversation, "for tomorrow?", seconds_ago=4)
    outcome = conversation_reply(conversation_id=conversation.pk)
    assert outcome.status == "answered"
    (reply,) = replies(conversation)
    assert "₪90" in reply.text  # the question in the middle of the burst was read
    for message in (first, second, third):
        message.refresh_from_db()
        assert message.answered_by == reply
    assert llm_simulator.stats_snapshot()["requests"] == 1


@pytest.mark.django_db(transaction=True)
def test_a_message_landing_while_a_reply_is_written_is_answered_next(
    conversation, prompt_version, llm_simulator, redis_client
):
    llm_simulator.update_config(latency_ms=800)
    first = customer(conversation, "How much is a men's haircut?")
    worker = threading.Thread(
        target=conversation_reply, kwargs={"conversation_id": conversation.pk}
    )
    worker.start()
    while llm_simulator.stats_snapshot()["in_flight"] == 0:
        time.sleep(0.01)
    late = customer(conversation, "And what are your opening hours?")
    worker.join(timeout=30)

    first_reply, second_reply = replies(conversation)
    first.refresh_from_db()
    late.refresh_from_db()
    assert first.answered_by == first_reply
    assert late.answered_by == second_reply
    assert "09:00" in second_reply.text or "19:00" in second_reply.text
    assert [r.status for r in (first_reply, second_reply)] == ["sent", "sent"]


@pytest.mark.django_db(transaction=True)
def test_the_same_delivery_posted_from_many_threads_at_once_is_stored_and_answered_once(
    tenant, prompt_version, llm_simulator, redis_client, settings
):
    settings.WHATSAPP_APP_SECRET = wa.APP_SECRET
    body = json.dumps(
        wa.envelope([wa.change(messages=[wa.text_message(wamid="wamid.DUP", body="hi")])])
    ).encode()
    headers = {"X-Hub-Signature-256": sign(body=body, secret=wa.APP_SECRET)}
    statuses: list[int] = []
    start = threading.Barrier(8)

    def post() -> None:
        try:
            start.wait()
            response = Client().post(
                "/webhooks/whatsapp/", data=body, content_type="application/json", headers=headers
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    run_reply_jobs(redis_client)

    assert statuses == [200] * 8  # Meta must not see an error for its own retry
    assert Message.objects.filter(direction="in").count() == 1
    assert Message.objects.filter(direction="out").count() == 1


# --- the sweeper ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_sweeper_answers_a_message_whose_job_never_ran(
    conversation, prompt_version, llm_simulator, redis_client, settings
):
    settings.SWEEP_AFTER_SECONDS = 60
    stuck = customer(conversation, "hi", seconds_ago=120)  # Redis was down when it came in
    customer_just_now = make_conversation(agent=conversation.agent, wa_id="972500000009")
    customer(customer_just_now, "hello")  # its own job is still on the way: leave it
    result = sweep()
    assert result.conversations_requeued == (conversation.pk,)
    run_reply_jobs(redis_client)
    stuck.refresh_from_db()
    assert stuck.answered_by is not None


@pytest.mark.django_db
def test_the_sweeper_leaves_a_conversation_a_worker_is_holding(
    conversation, redis_client, settings
):
    settings.SWEEP_AFTER_SECONDS = 60
    customer(conversation, "hi", seconds_ago=120)
    assert ConversationLock(conversation.pk).acquire()
    assert sweep().conversations_requeued == ()


@pytest.mark.django_db
def test_the_sweeper_sends_a_stored_reply_whose_sender_died_exactly_once(
    conversation, graph_api, redis_client, settings
):
    settings.SWEEP_AFTER_SECONDS = 60
    customer(conversation, "How much is a men's haircut?")
    reply = add_message(conversation, text="Men's haircut: ₪90.", direction="out", status="pending")
    Message.objects.filter(pk=reply.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=5),
        send_claimed_at=timezone.now() - dt.timedelta(minutes=4),
    )
    assert sweep().messages_resent == (reply.pk,)
    assert sweep().messages_resent == (reply.pk,)  # swept twice before a worker got to it
    run_reply_jobs(redis_client)
    reply.refresh_from_db()
    assert reply.status == "sent"
    assert len(graph_api.requests) == 1


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_reply_still_leaves_the_message_answered_exactly_once(
    conversation, prompt_version, llm_simulator, graph_api, redis_client, settings
):
    settings.REPLY_LOCK_SECONDS = 5
    settings.SWEEP_AFTER_SECONDS = 0
    llm_simulator.update_config(latency_ms=5000)
    message = customer(conversation, "How much is a men's haircut?")
    django_rq.get_queue("replies").enqueue(
        "conversations.jobs.reply_to_conversation", conversation.pk
    )

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "rqworker", "replies", "--burst"],
        cwd=ROOT,
        env=worker_environment(settings),
        start_new_session=True,  # its own process group: the work horse dies with it
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # A fresh worker process imports Django first: on a busy 2-core machine, many seconds.
        wait_for(
            lambda: llm_simulator.stats_snapshot()["in_flight"] > 0,
            what="the LLM call",
            timeout=60,
        )
        os.killpg(worker.pid, signal.SIGKILL)
    finally:
        worker.wait(timeout=10)
    llm_simulator.update_config(latency_ms=0)

    # Nothing was stored by the dead worker; its lock expires, the sweeper finds the message.
    wait_for(lambda: not ConversationLock(conversation.pk).is_taken(), what="the lock to expire")
    assert sweep().conversations_requeued == (conversation.pk,)
    run_reply_jobs(redis_client)

    (reply,) = replies(conversation)
    message.refresh_from_db()
    assert message.answered_by == reply
    assert reply.status == "sent"
    assert len(graph_api.requests) == 1


def worker_environment(settings) -> dict[str, str]:
    database = django_settings.DATABASES["default"]
    if "postgresql" not in database["ENGINE"]:
        pytest.skip("a worker process needs a database it can share: run with PostgreSQL")
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}:"
        f"{database['PORT']}/{database['NAME']}"
    )
    return os.environ | {
        "DATABASE_URL": url,
        "REDIS_URL": settings.REDIS_URL,
        "DEBUG": "1",
        "ANTHROPIC_API_KEY": settings.ANTHROPIC_API_KEY,
        "ANTHROPIC_BASE_URL": settings.ANTHROPIC_BASE_URL,
        "WHATSAPP_API_URL": settings.WHATSAPP_API_URL,
        "WHATSAPP_ACCESS_TOKEN": settings.WHATSAPP_ACCESS_TOKEN,
        "REPLY_LOCK_SECONDS": str(settings.REPLY_LOCK_SECONDS),
        "REPLY_DEBOUNCE_SECONDS": "0",
    }


def wait_for(condition, *, what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


# --- delivery ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_reply_outside_the_24_hour_window_is_refused_with_a_clear_reason(conversation, graph_api):
    customer(conversation, "hi")
    Conversation.objects.filter(pk=conversation.pk).update(
        last_inbound_at=timezone.now() - dt.timedelta(hours=25)
    )
    reply = add_message(conversation, text="Sorry for the wait!", direction="out", status="pending")
    sent = message_send(message_id=reply.pk)
    assert sent.status == "failed"
    assert sent.error_code == OUTSIDE_WINDOW_CODE
    assert "24 hours" in sent.error_title
    assert graph_api.requests == []
    # and the business hears about it
    (alert,) = Alert.objects.filter(kind="send_failed")
    assert alert.agent == conversation.agent and OUTSIDE_WINDOW_CODE in alert.title


# --- memory -----------------------------------------------------------------------------------


def chat(conversation: Conversation, turns: int) -> list[Message]:
    messages = []
    for n in range(turns):
        messages.append(add_message(conversation, text=f"customer message {n}"))
        messages.append(add_message(conversation, text=f"assistant answer {n}", direction="out"))
    return messages


@pytest.mark.django_db
def test_old_turns_are_folded_into_the_summary_from_the_watermark(
    conversation, llm_simulator, redis_client, settings
):
    settings.SUMMARY_BATCH_MESSAGES = 4
    messages = chat(conversation, 6)  # 12 messages; the agent keeps the last 6 verbatim
    assert summary_refresh_due(conversation=conversation)
    assert conversation_summary_refresh(conversation_id=conversation.pk)
    conversation.refresh_from_db()
    assert conversation.summary_through_id == messages[5].pk
    assert "customer message 0" in conversation.summary
    # the reply prompt now carries only what the summary does not cover
    history = history_for_reply(conversation=conversation, pending=[])
    assert history == messages[6:]
    (summary_call,) = LlmCall.objects.filter(purpose="summary")
    assert summary_call.model == "claude-haiku-4-5"


@pytest.mark.django_db
def test_the_summary_is_updated_incrementally_not_rewritten_from_the_start(
    conversation, llm_simulator, redis_client, settings
):
    settings.SUMMARY_BATCH_MESSAGES = 4
    earlier = chat(conversation, 6)
    conversation_summary_refresh(conversation_id=conversation.pk)
    chat(conversation, 2)
    conversation.refresh_from_db()
    first_summary = conversation.summary
    # only the messages that left the verbatim window since, not the whole history again
    assert messages_to_fold(conversation=conversation) == earlier[6:10]
    conversation_summary_refresh(conversation_id=conversation.pk)
    conversation.refresh_from_db()
    # the four messages that left the verbatim window, no more
    assert conversation.summary_through_id == earlier[9].pk
    assert conversation.summary != first_summary
    assert LlmCall.objects.filter(purpose="summary").count() == 2


@pytest.mark.django_db
def test_a_summary_refresh_with_nothing_to_fold_calls_no_llm(
    conversation, llm_simulator, redis_client
):
    chat(conversation, 2)
    assert not conversation_summary_refresh(conversation_id=conversation.pk)
    assert llm_simulator.stats_snapshot()["requests"] == 0


@pytest.mark.django_db
def test_conversations_handed_to_people_only_by_the_mode_return_to_the_ai_when_it_recovers(
    conversation, prompt_version, llm_simulator, redis_client, django_capture_on_commit_callbacks
):
    question = customer(conversation, "How much is a men's haircut?")
    handoff.conversation_hand_off(conversation=conversation, reason=handoff.BY_MODE)
    notice = handoff.handoff_notice_store(conversation=conversation, pending=[question])
    question.refresh_from_db()
    assert question.answered_by == notice
    # the agent is back in full AI (nothing in Redis says otherwise) and no person answered
    with django_capture_on_commit_callbacks(execute=True):
        result = sweep()
    assert result.handed_back == (conversation.pk,)
    run_reply_jobs(redis_client)
    conversation.refresh_from_db()
    question.refresh_from_db()
    assert conversation.handed_off_at is None
    assert question.answered_by.author == "ai" and "₪90" in question.answered_by.text


@pytest.mark.django_db
def test_a_conversation_a_person_has_answered_stays_with_people(
    conversation, redis_client, settings
):
    question = customer(conversation, "How much is a men's haircut?")
    handoff.conversation_hand_off(conversation=conversation, reason=handoff.BY_MODE)
    handoff.handoff_notice_store(conversation=conversation, pending=[question])
    add_message(conversation, text="₪90, see you soon!", direction="out", author="human")
    assert sweep().handed_back == ()


@pytest.mark.django_db
def test_a_summary_due_while_the_llm_is_down_is_postponed_not_failed(
    conversation, redis_client, settings
):
    settings.ANTHROPIC_API_KEY = "sk-ant-test"
    settings.ANTHROPIC_BASE_URL = "http://127.0.0.1:1"
    chat(conversation, 6)
    assert not conversation_summary_refresh(conversation_id=conversation.pk)
    conversation.refresh_from_db()
    assert conversation.summary_through_id == 0


@pytest.mark.django_db
def test_a_customer_writing_again_after_a_person_answered_stays_with_people(
    conversation, prompt_version, llm_simulator, redis_client
):
    question = customer(conversation, "How much is a men's haircut?")
    handoff.conversation_hand_off(conversation=conversation, reason=handoff.BY_MODE)
    handoff.handoff_notice_store(conversation=conversation, pending=[question])
    add_message(conversation, text="₪90, see you soon!", direction="out", author="human")
    customer(conversation, "And for kids?")
    conversation_reply(conversation_id=conversation.pk)
    conversation.refresh_from_db()
    assert conversation.handed_off_at is not None  # the agent is back, but a person has it
    assert llm_simulator.stats_snapshot()["requests"] == 0
