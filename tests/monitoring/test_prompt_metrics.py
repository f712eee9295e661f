"""Metrics per prompt version, and how an A/B test's arms are compared."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from agents.models import LlmCall
from conversations.models import Conversation, Lead, Review
from monitoring.prompts import compare_rates, experiment_rate_rows, metrics_for_prompt_versions
from tests import factories
from tests.factories import add_message, make_conversation

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(tenant, prompt_version):
    """v1 wrote in two conversations (a lead, an apology, a held reply); v2 in one (fallback)."""
    v1 = prompt_version
    v2 = factories.make_prompt_version(number=2, body=v1.body + "\nBe warm.", active=False)
    lead, sorry, fell_back = (
        make_conversation(agent=tenant.agent, wa_id=f"97250000000{n}") for n in range(3)
    )
    add_message(lead, text="Haircut ₪180.", direction="out", prompt_version=v1)
    add_message(lead, text="See you Friday.", direction="out", prompt_version=v1)
    add_message(sorry, text="Sorry, I can't tell.", direction="out", prompt_version=v1)
    held = add_message(sorry, text="Colour ₪99.", direction="out", prompt_version=v1, status="held")
    Review.objects.create(message=held, business=tenant.business, original_text=held.text)
    add_message(
        fell_back, text="Let me check.", direction="out", author="fallback", prompt_version=v2
    )
    Conversation.objects.filter(pk=fell_back.pk).update(handed_off_at=timezone.now())
    Lead.objects.create(business=tenant.business, conversation=lead, name="Noa", need="a cut")
    for version, tokens, cost in ((v1, 400, "0.0010"), (v1, 600, "0.0014"), (v2, 900, "0.0020")):
        LlmCall.objects.create(
            agent=tenant.agent,
            conversation=lead,
            prompt_version=version,
            purpose="reply",
            model="claude-haiku-4-5",
            outcome="ok",
            input_tokens=tokens // 2,
            cache_read_input_tokens=tokens // 2,
            cost_usd=Decimal(cost),
        )
    # the owner trying the agent in the sandbox counts for nothing
    sandbox = make_conversation(agent=tenant.agent, wa_id="sandbox-1")
    Conversation.objects.filter(pk=sandbox.pk).update(is_sandbox=True)
    add_message(sandbox, text="Sorry!", direction="out", prompt_version=v2)
    return v1, v2


def test_each_version_is_measured_on_its_own_replies(two_versions):
    v1, v2 = two_versions

    metrics = metrics_for_prompt_versions(versions=[v1, v2])

    one, two = metrics[v1.pk], metrics[v2.pk]
    assert (one.conversations, one.ai_replies, one.held, one.fallbacks) == (2, 4, 1, 0)
    assert one.unsupported_rate == 0.25
    assert one.apology_rate == 0.25
    assert one.lead_capture_rate == 0.5
    assert one.escalation_rate == 0
    assert one.input_tokens_per_call == 500  # cache reads are input the model read too
    assert one.cost_per_conversation == Decimal("0.0012")
    assert (two.conversations, two.ai_replies, two.fallbacks) == (1, 0, 1)
    assert two.unsupported_rate == 1.0
    assert two.escalation_rate == 1.0
    assert two.apology_rate is None  # the sandbox's "Sorry!" is not counted


def test_a_window_keeps_only_what_happened_in_it(two_versions):
    v1, _ = two_versions

    metrics = metrics_for_prompt_versions(
        versions=[v1], since=timezone.now() + dt.timedelta(minutes=1)
    )

    assert metrics[v1.pk].conversations == 0
    assert metrics[v1.pk].llm_calls == 0


def test_a_small_sample_is_not_judged():
    comparison = compare_rates(control_hits=5, control_n=10, candidate_hits=9, candidate_n=10)

    assert comparison.z is None
    assert not comparison.significant
    assert comparison.difference == pytest.approx(0.4)


def test_a_clear_difference_is_beyond_chance_and_a_small_one_is_not():
    clear = compare_rates(control_hits=20, control_n=200, candidate_hits=45, candidate_n=200)
    slight = compare_rates(control_hits=20, control_n=200, candidate_hits=24, candidate_n=200)

    assert clear.z == pytest.approx(3.39, abs=0.01)  # 0.125 / sqrt(0.1625 * 0.8375 * 0.01)
    assert clear.significant
    assert not slight.significant


def test_better_and_worse_follow_which_way_each_rate_should_move(two_versions):
    v1, v2 = two_versions
    metrics = metrics_for_prompt_versions(versions=[v1, v2])
    control, candidate = metrics[v1.pk], metrics[v2.pk]
    control.conversation_ids = set(range(100))
    control.leads_captured = 10
    candidate.conversation_ids = set(range(100))
    candidate.leads_captured = 30
    candidate.escalated = 30

    rows = {row.key: row for row in experiment_rate_rows(control=control, candidate=candidate)}

    assert rows["lead_capture"].verdict == "better"
    assert rows["escalations"].verdict == "worse"
    assert rows["unsupported"].verdict == ""  # too few replies to say
