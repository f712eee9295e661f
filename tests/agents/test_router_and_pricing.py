"""Model routing rules per agent, and what calls cost (cache tokens included)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from agents.llm.pricing import UnknownModel, call_cost
from agents.llm.router import model_for
from agents.models import LlmCall

pytestmark = pytest.mark.django_db


def test_replies_use_the_cheap_model_by_default(tenant):
    assert model_for(agent=tenant.agent, purpose=LlmCall.Purpose.REPLY) == "claude-haiku-4-5"


def test_conversations_longer_than_15_messages_use_the_stronger_model(tenant):
    assert (
        model_for(agent=tenant.agent, purpose=LlmCall.Purpose.REPLY, conversation_messages=15)
        == "claude-haiku-4-5"
    )
    assert (
        model_for(agent=tenant.agent, purpose=LlmCall.Purpose.REPLY, conversation_messages=16)
        == "claude-sonnet-4-5"
    )


def test_priority_customers_use_the_stronger_model(tenant):
    model = model_for(agent=tenant.agent, purpose=LlmCall.Purpose.REPLY, priority_customer=True)
    assert model == "claude-sonnet-4-5"


def test_only_hot_lead_review_uses_the_strongest_model(tenant):
    assert model_for(agent=tenant.agent, purpose=LlmCall.Purpose.REVIEW) == "claude-opus-4-5"
    for purpose in ("summary", "extraction", "probe", "judge"):
        assert model_for(agent=tenant.agent, purpose=purpose, priority_customer=True) == (
            "claude-haiku-4-5"
        )


def test_the_rules_are_the_agents_own(tenant):
    tenant.agent.reply_model = "claude-sonnet-4-5"
    tenant.agent.long_conversation_messages = 4
    tenant.agent.escalated_model = "claude-opus-4-5"
    assert model_for(agent=tenant.agent, purpose="reply") == "claude-sonnet-4-5"
    assert model_for(agent=tenant.agent, purpose="reply", conversation_messages=5) == (
        "claude-opus-4-5"
    )


def test_cost_counts_input_output_cache_writes_and_cache_reads_at_their_own_prices():
    # Sonnet 4.5: $3 input, $15 output, $3.75 cache write, $0.30 cache read per million
    cost = call_cost(
        model="claude-sonnet-4-5",
        input_tokens=1_000,
        output_tokens=200,
        cache_creation_input_tokens=4_000,
        cache_read_input_tokens=10_000,
    )
    assert cost == Decimal("0.003000") + Decimal("0.003000") + Decimal("0.015000") + Decimal(
        "0.003000"
    )


def test_a_dated_model_snapshot_is_priced_as_its_alias():
    assert call_cost(
        model="claude-haiku-4-5-20251001", input_tokens=1_000_000, output_tokens=0
    ) == (Decimal("1.000000"))


def test_a_model_without_prices_is_refused_loudly():
    with pytest.raises(UnknownModel):
        call_cost(model="gpt-4", input_tokens=1, output_tokens=1)
