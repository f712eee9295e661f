"""The optional LLM judge, against the Messages-API simulator over HTTP."""

from __future__ import annotations

import pytest

from agents.grounding.judge import judge_flags
from agents.grounding.validator import Flag
from agents.models import LlmCall

pytestmark = pytest.mark.django_db

KB = "Men's haircut: ₪90. Open Sunday to Thursday 09:00-19:00."
REPLY = "A men's haircut is 90 shekels, and colouring is ₪250."


def flags() -> list[Flag]:
    return [
        Flag(kind="price", claim="90 shekels", start=19, end=29, reason="not parsed"),
        Flag(kind="price", claim="₪250", start=48, end=52, reason="not in the knowledge base"),
    ]


def test_the_judge_drops_the_flags_it_finds_supported_and_keeps_the_rest(
    llm_simulator, redis_client, tenant
):
    kept = judge_flags(
        flags=flags(),
        reply=REPLY,
        knowledge_base=KB,
        model="claude-haiku-4-5",
        agent_id=tenant.agent.pk,
    )
    assert [flag.claim for flag in kept] == ["₪250"]
    call = LlmCall.objects.get()
    assert (call.purpose, call.outcome, call.agent) == ("judge", "ok", tenant.agent)


def test_when_the_judge_cannot_answer_every_flag_stands(redis_client, settings):
    settings.ANTHROPIC_API_KEY = "sk-ant-test"
    settings.ANTHROPIC_BASE_URL = "http://127.0.0.1:1"
    kept = judge_flags(flags=flags(), reply=REPLY, knowledge_base=KB, model="claude-haiku-4-5")
    assert len(kept) == 2


def test_a_reply_without_flags_never_reaches_the_judge(llm_simulator):
    assert judge_flags(flags=[], reply=REPLY, knowledge_base=KB, model="claude-haiku-4-5") == []
    assert llm_simulator.stats_snapshot()["requests"] == 0
