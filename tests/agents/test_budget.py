"""The account-wide LLM budget, on the real Redis: atomic, refilled continuously, corrected."""

from __future__ import annotations

import multiprocessing

import pytest
import redis

from agents.llm.budget import Budget, Priority, model_class, retry_after_seconds

HAIKU = "claude-haiku-4-5"
T0 = 1_800_000_000.0  # a fixed clock: refill is arithmetic, not sleeping


@pytest.fixture
def limits(settings):
    # 600 requests, 60,000 input and 6,000 output tokens a minute; a 10-second burst.
    settings.LLM_LIMITS_BY_CLASS = {
        "haiku": {"requests": 600, "input_tokens": 60_000, "output_tokens": 6_000}
    }
    settings.LLM_BUDGET_BURST_SECONDS = 10
    settings.LLM_BUDGET_BACKGROUND_RESERVE = 0.3


@pytest.fixture
def budget(redis_client, limits) -> Budget:
    return Budget(redis_client)


def test_a_full_bucket_grants_at_once(budget):
    reservation = budget.reserve(model=HAIKU, input_tokens=1000, output_tokens=100, now=T0)
    assert reservation.granted
    assert reservation.wait_seconds == 0
    assert budget.level(model=HAIKU, dimension="input_tokens", now=T0) == 10_000 - 1000


def test_the_bucket_refills_continuously_at_the_per_minute_rate(budget):
    budget.reserve(model=HAIKU, input_tokens=10_000, output_tokens=0, now=T0)
    # 60,000 a minute is 1,000 a second: 2.5 seconds later, 2,500 are back.
    assert budget.level(model=HAIKU, dimension="input_tokens", now=T0 + 2.5) == pytest.approx(2500)
    # and never more than the burst capacity
    assert budget.level(model=HAIKU, dimension="input_tokens", now=T0 + 3600) == 10_000


def test_a_short_bucket_tells_the_caller_exactly_how_long_to_wait(budget):
    budget.reserve(model=HAIKU, input_tokens=10_000, output_tokens=0, now=T0)
    reservation = budget.reserve(model=HAIKU, input_tokens=3_000, output_tokens=0, now=T0)
    assert reservation.granted
    assert reservation.wait_seconds == pytest.approx(3.0)
    # the next caller lines up behind it
    after = budget.reserve(model=HAIKU, input_tokens=1_000, output_tokens=0, now=T0)
    assert after.wait_seconds == pytest.approx(4.0)


def test_a_caller_that_would_wait_too_long_takes_nothing(budget):
    budget.reserve(model=HAIKU, input_tokens=10_000, output_tokens=0, now=T0)
    reservation = budget.reserve(
        model=HAIKU, input_tokens=5_000, output_tokens=0, max_wait=2.0, now=T0
    )
    assert not reservation.granted
    assert reservation.wait_seconds == pytest.approx(5.0)
    assert budget.level(model=HAIKU, dimension="input_tokens", now=T0) == 0


def test_background_work_leaves_a_reserve_for_customer_replies(budget):
    budget.reserve(model=HAIKU, input_tokens=6_000, output_tokens=0, now=T0)  # 4,000 left
    background = budget.reserve(
        model=HAIKU, input_tokens=2_000, output_tokens=0, priority=Priority.BACKGROUND, now=T0
    )
    # it may not dip below 30% of 10,000: it waits for 1,000 more to refill
    assert background.wait_seconds == pytest.approx(1.0)
    customer = budget.reserve(model=HAIKU, input_tokens=100, output_tokens=0, now=T0 + 10)
    assert customer.wait_seconds == 0


def test_reconciling_gives_back_what_the_estimate_overstated(budget):
    budget.reserve(model=HAIKU, input_tokens=2_000, output_tokens=600, now=T0)
    budget.reconcile(
        model=HAIKU,
        estimated_input=2_000,
        actual_input=1_500,
        reserved_output=600,
        actual_output=80,
    )
    assert budget.level(model=HAIKU, dimension="input_tokens") == pytest.approx(8_500, abs=50)
    assert budget.level(model=HAIKU, dimension="output_tokens") == pytest.approx(1_000 - 80, abs=10)


def test_reconciling_charges_what_the_estimate_understated(budget):
    budget.reserve(model=HAIKU, input_tokens=1_000, output_tokens=0, now=T0)
    budget.reconcile(
        model=HAIKU, estimated_input=1_000, actual_input=4_000, reserved_output=0, actual_output=0
    )
    assert budget.level(model=HAIKU, dimension="input_tokens") == pytest.approx(6_000, abs=50)


def test_upstream_headers_lower_our_view_when_other_clients_share_the_account(budget):
    budget.observe_headers(
        model=HAIKU,
        headers={
            "anthropic-ratelimit-requests-remaining": "3",
            "anthropic-ratelimit-input-tokens-remaining": "2000",
        },
    )
    assert budget.level(model=HAIKU, dimension="requests") == pytest.approx(3, abs=0.5)
    assert budget.level(model=HAIKU, dimension="input_tokens") <= 3_000 + 10


def test_upstream_headers_never_raise_our_view(budget):
    budget.reserve(model=HAIKU, input_tokens=9_000, output_tokens=0)
    budget.observe_headers(
        model=HAIKU, headers={"anthropic-ratelimit-input-tokens-remaining": "59000"}
    )
    assert budget.level(model=HAIKU, dimension="input_tokens") == pytest.approx(1_000, abs=100)


def test_a_retry_after_holds_back_every_caller_of_that_model_class(budget):
    budget.block_for(model=HAIKU, seconds=7, now=T0)
    assert budget.reserve(model=HAIKU, input_tokens=1, output_tokens=1, now=T0).wait_seconds == (
        pytest.approx(7.0)
    )
    other = budget.reserve(model="claude-sonnet-4-5", input_tokens=1, output_tokens=1, now=T0)
    assert other.wait_seconds == 0


def _reserve_many(url: str, attempts: int, queue) -> None:
    connection = redis.Redis.from_url(url)
    budget = Budget(connection, burst_seconds=10)
    granted = 0
    for _ in range(attempts):
        reservation = budget.reserve(
            model=HAIKU, input_tokens=0, output_tokens=0, max_wait=0, now=T0
        )
        granted += reservation.granted
    queue.put(granted)


def test_concurrent_processes_never_get_more_than_the_bucket_holds(redis_client, limits, settings):
    # With the clock stopped nothing refills: of 4 x 100 attempts exactly the burst
    # capacity (600 a minute x 10 s = 100 requests) may be granted, however they interleave.
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    workers = [
        context.Process(target=_reserve_many, args=(settings.REDIS_URL, 100, results))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    assert sum(results.get(timeout=5) for _ in workers) == 100


def test_models_map_to_their_rate_limit_class():
    assert model_class("claude-haiku-4-5") == "haiku"
    assert model_class("claude-sonnet-4-5-20250929") == "sonnet"
    assert model_class("claude-opus-4-5") == "opus"


def test_retry_after_reads_seconds():
    assert retry_after_seconds({"retry-after": "12"}) == 12
    assert retry_after_seconds({}) is None
