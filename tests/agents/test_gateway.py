"""The LLM gateway against the Messages-API simulator over HTTP: retries, budget, ledger."""

from __future__ import annotations

from decimal import Decimal

import anthropic
import pytest

from agents.llm.budget import Budget, Priority
from agents.llm.client import LlmUnavailable
from agents.llm.gateway import BudgetExhausted, llm_call
from agents.models import LlmCall
from tests.factories import HAIRCUT_KB

pytestmark = pytest.mark.django_db

HAIKU = "claude-haiku-4-5"
SYSTEM = f"You are the assistant of Salon Dana.\n<knowledge_base>\n{HAIRCUT_KB}</knowledge_base>\n<escalation>\nAsk a human.\n</escalation>\n- Reply in English."
QUESTION = [{"role": "user", "content": "How much is a men's haircut?"}]


class Sleeps:
    """Records the waits the gateway asks for, and lets a test change the world meanwhile."""

    def __init__(self, on_sleep=None) -> None:
        self.calls: list[float] = []
        self.on_sleep = on_sleep

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        if self.on_sleep:
            self.on_sleep()


@pytest.fixture
def shared_budget(redis_client, settings) -> Budget:
    settings.LLM_LIMITS_BY_CLASS = {
        name: {"requests": 6000, "input_tokens": 10_000_000, "output_tokens": 1_000_000}
        for name in ("haiku", "sonnet", "opus")
    }
    settings.LLM_MAX_ATTEMPTS = 4
    return Budget(redis_client)


def call(shared_budget: Budget, sleeps: Sleeps | None = None, **overrides):
    arguments = {
        "purpose": LlmCall.Purpose.REPLY,
        "model": HAIKU,
        "system": SYSTEM,
        "messages": QUESTION,
        "max_tokens": 300,
        "shared_budget": shared_budget,
        "sleep": sleeps or Sleeps(),
    }
    return llm_call(**(arguments | overrides))


def test_a_successful_call_is_recorded_in_the_ledger_with_its_cost(
    llm_simulator, shared_budget, tenant, prompt_version
):
    response = call(shared_budget, agent_id=tenant.agent.pk, prompt_version_id=prompt_version.pk)
    assert "₪90" in response.text
    row = LlmCall.objects.get()
    assert (row.purpose, row.model, row.outcome, row.attempts) == ("reply", HAIKU, "ok", 1)
    assert row.agent == tenant.agent and row.prompt_version == prompt_version
    assert row.input_tokens == response.input_tokens > 0
    assert row.output_tokens == response.output_tokens > 0
    assert row.request_id == response.request_id
    expected = (Decimal(row.input_tokens) * 1 + Decimal(row.output_tokens) * 5) / 1_000_000
    assert row.cost_usd == expected.quantize(Decimal("0.000001"))


def test_a_429_waits_exactly_its_retry_after_and_holds_back_every_worker(
    llm_simulator, shared_budget
):
    llm_simulator.update_config(rpm=1)
    another_client_of_the_same_account(llm_simulator)  # spends the minute's only request
    sleeps = Sleeps(on_sleep=lambda: llm_simulator.update_config(rpm=6000))
    call(shared_budget, sleeps)
    (waited,) = sleeps.calls
    # the header's whole seconds (less the milliseconds since), not a guess of our own
    assert 1 <= round(waited) <= 60 and abs(waited - round(waited)) < 0.5
    # the shared budget now makes any other worker wait too
    assert shared_budget.reserve(model=HAIKU, input_tokens=1, output_tokens=1).wait_seconds > 0
    assert LlmCall.objects.order_by("id").last().attempts == 2


def test_the_upstreams_remaining_figures_correct_our_view_of_the_budget(
    llm_simulator, shared_budget
):
    llm_simulator.update_config(rpm=1)
    call(shared_budget)  # the response says 0 requests remain this minute
    reservation = shared_budget.reserve(model=HAIKU, input_tokens=1, output_tokens=1)
    # ours allowed 1,000 at once; now the next caller waits for a refill (6,000 a minute,
    # one every 10 ms, less whatever has refilled since the response)
    assert 0 < reservation.wait_seconds <= 0.0101


def another_client_of_the_same_account(server) -> None:
    client = anthropic.Anthropic(api_key="sk-ant-test", base_url=server.base_url, max_retries=0)
    client.messages.create(model=HAIKU, max_tokens=10, messages=QUESTION)


@pytest.mark.parametrize(
    ("fault", "kind"), [("error_rate_529", "overloaded"), ("error_rate_500", "server_error")]
)
def test_overloads_and_server_errors_back_off_with_jitter_then_succeed(
    llm_simulator, shared_budget, fault, kind
):
    llm_simulator.update_config(**{fault: 1.0})
    sleeps = Sleeps()
    sleeps.on_sleep = lambda: len(sleeps.calls) == 2 and llm_simulator.update_config(**{fault: 0.0})
    response = call(shared_budget, sleeps)
    assert response.text
    first, second = sleeps.calls
    assert 0.5 <= first <= 1.0 and 1.0 <= second <= 2.0  # exponential, jittered
    assert LlmCall.objects.get().attempts == 3


def test_connection_errors_are_retried_a_bounded_number_of_times_then_raised(
    shared_budget, settings
):
    settings.ANTHROPIC_API_KEY = "sk-ant-test"
    settings.ANTHROPIC_BASE_URL = "http://127.0.0.1:1"
    sleeps = Sleeps()
    with pytest.raises(LlmUnavailable) as caught:
        call(shared_budget, sleeps)
    assert caught.value.kind == "connection"
    assert len(sleeps.calls) == 3
    row = LlmCall.objects.get()
    assert (row.outcome, row.error_class, row.attempts) == ("error", "connection", 4)


def test_a_bad_request_is_not_retried(llm_simulator, shared_budget):
    sleeps = Sleeps()
    with pytest.raises(LlmUnavailable) as caught:
        call(shared_budget, sleeps, messages=[{"role": "system", "content": "be nice"}] + QUESTION)
    assert caught.value.kind == "invalid_request"
    assert sleeps.calls == []
    assert llm_simulator.stats_snapshot()["requests"] == 1


def test_a_spend_limit_is_final_and_reported_to_operators(llm_simulator, shared_budget, caplog):
    llm_simulator.update_config(spend_limit_reached=True)
    sleeps = Sleeps()
    with pytest.raises(LlmUnavailable) as caught:
        call(shared_budget, sleeps)
    assert caught.value.kind == "spend_limit"
    assert sleeps.calls == []
    assert "spend limit reached" in caplog.text
    assert LlmCall.objects.get().error_class == "spend_limit"


def test_a_reply_that_would_wait_too_long_for_budget_is_handed_back_for_rescheduling(
    llm_simulator, shared_budget, settings
):
    settings.LLM_LIMITS_BY_CLASS = {
        "haiku": {"requests": 6, "input_tokens": 1_000_000, "output_tokens": 100_000}
    }
    call(shared_budget)  # the one-request burst (6 a minute x 10 s)
    with pytest.raises(BudgetExhausted) as caught:
        call(shared_budget, max_wait=2)
    assert caught.value.wait_seconds == pytest.approx(10, abs=0.5)
    assert llm_simulator.stats_snapshot()["requests"] == 1


def test_a_long_system_prompt_is_cached_and_the_ledger_shows_writes_then_reads(
    llm_simulator, shared_budget
):
    long_kb = "\n".join(f"Service {i}: a treatment that costs ₪{100 + i}." for i in range(900))
    system = f"<knowledge_base>\n{long_kb}\n</knowledge_base>"
    call(shared_budget, system=system)
    call(shared_budget, system=system)
    first, second = LlmCall.objects.order_by("id")
    assert first.cache_creation_input_tokens > 4096 and first.cache_read_input_tokens == 0
    assert second.cache_read_input_tokens == first.cache_creation_input_tokens
    assert second.cost_usd < first.cost_usd


def test_without_the_shared_budget_a_429_still_waits_its_retry_after(
    llm_simulator, shared_budget, redis_client
):
    unlimited = Budget(redis_client, unlimited=True)
    llm_simulator.update_config(rpm=1)
    another_client_of_the_same_account(llm_simulator)
    sleeps = Sleeps(on_sleep=lambda: llm_simulator.update_config(rpm=6000))
    call(unlimited, sleeps)
    (waited,) = sleeps.calls
    assert waited >= 1 and waited == int(waited)


def test_background_work_of_a_degraded_agent_waits_without_calling_the_llm(
    llm_simulator, shared_budget, tenant
):
    from agents.ladder import ladder_record_failure

    for _ in range(tenant.agent.cached_after_failures):
        ladder_record_failure(agent=tenant.agent, kind="overloaded")
    with pytest.raises(LlmUnavailable) as caught:
        call(
            shared_budget,
            purpose=LlmCall.Purpose.EXTRACTION,
            priority=Priority.BACKGROUND,
            agent_id=tenant.agent.pk,
        )
    assert caught.value.kind == "degraded"
    assert llm_simulator.stats_snapshot()["requests"] == 0
    # a customer's reply is not background work: the ladder decides for it elsewhere
    assert call(shared_budget, agent_id=tenant.agent.pk).text


def test_the_token_estimate_is_calibrated_by_what_the_upstream_counted(
    llm_simulator, shared_budget
):
    for _ in range(5):
        call(shared_budget)
    uncalibrated = LlmCall.objects.order_by("id").first()
    call(shared_budget)
    latest = LlmCall.objects.order_by("id").last()
    # the simulator counts about 4 characters a token where the local estimate assumes 3.5
    assert uncalibrated.estimated_input_tokens > uncalibrated.input_tokens * 1.1
    assert latest.input_tokens <= latest.estimated_input_tokens <= latest.input_tokens * 1.05
