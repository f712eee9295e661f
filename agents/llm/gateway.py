"""Every LLM call goes through here: estimate, budget, call, retry, reconcile, ledger.

The SDK's own retries are off (see ``client``); this module holds the one retry policy:
a 429 waits for its ``retry-after`` (and holds back every worker through the shared budget),
overloads, server errors and connection failures back off exponentially with jitter, and
nothing else is retried. A spend-limit 429 is final and is reported loudly.
"""

from __future__ import annotations

import functools
import logging
import math
import random
import re
import time
from collections.abc import Callable
from typing import Any

import django_rq
from django.conf import settings

from agents.llm.budget import Budget, Priority, model_class, retry_after_seconds
from agents.llm.client import LlmResponse, LlmUnavailable, messages_create
from agents.llm.pricing import call_cost, min_cache_tokens
from agents.models import LlmCall

logger = logging.getLogger(__name__)

BACKOFF_BASE_SECONDS = 1.0
BACKOFF_MAX_SECONDS = 20.0
BACKGROUND_MAX_ATTEMPTS = 2
CALIBRATION_SAMPLES = 100
CALIBRATION_MIN_SAMPLES = 5
_NON_LATIN = re.compile(r"[^\x00-\x7f]")


class BudgetExhausted(Exception):
    """The shared budget cannot cover this call soon: reschedule the job after ``wait``."""

    def __init__(self, wait_seconds: float):
        super().__init__(f"LLM budget short for {wait_seconds:.1f}s")
        self.wait_seconds = wait_seconds


def budget() -> Budget:
    return _budget(settings.REDIS_URL, settings.LLM_BUDGET_ENABLED)


@functools.cache
def _budget(redis_url: str, enabled: bool) -> Budget:
    # One connection pool per process and configuration, not a new connection per call.
    return Budget(django_rq.get_connection(settings.REPLY_QUEUE), unlimited=not enabled)


def estimate_tokens(text: str) -> int:
    """A local estimate, cheap enough for every call: ~3.5 characters a token for ASCII,
    ~2 for Hebrew and other scripts. The budget is reconciled with real usage afterwards."""
    non_latin = len(_NON_LATIN.findall(text))
    return math.ceil((len(text) - non_latin) / 3.5 + non_latin / 2)


def estimate_request_tokens(
    *, system: str, messages: list[dict[str, Any]], extra: dict[str, Any]
) -> int:
    total = estimate_tokens(system) + 8
    for message in messages:
        content = message["content"]
        total += 4 + estimate_tokens(content if isinstance(content, str) else str(content))
    if extra.get("tools"):
        total += estimate_tokens(str(extra["tools"])) + 50
    return total


def system_blocks(*, model: str, system: str, suffix: str = "") -> str | list[dict[str, Any]]:
    """The system prompt (instructions + knowledge base) as a cacheable prefix when the
    model would cache it; shorter prefixes are not cached, so marking them only adds noise.
    The suffix (a conversation's summary) changes often, so it goes after the breakpoint."""
    if estimate_tokens(system) < min_cache_tokens(model):
        return f"{system}\n\n{suffix}" if suffix else system
    blocks: list[dict[str, Any]] = [
        {"type": "text", "text": system, "cache_control": {"type": "ephemeral"}}
    ]
    if suffix:
        blocks.append({"type": "text", "text": suffix})
    return blocks


def llm_call(
    *,
    purpose: str,
    model: str,
    system: str,
    messages: list[dict[str, Any]],
    max_tokens: int,
    system_suffix: str = "",
    agent_id: int | None = None,
    conversation_id: int | None = None,
    prompt_version_id: int | None = None,
    priority: Priority = Priority.CUSTOMER,
    max_wait: float | None = None,
    max_attempts: int | None = None,
    shared_budget: Budget | None = None,
    sleep: Callable[[float], None] = time.sleep,
    **extra: Any,
) -> LlmResponse:
    if priority == Priority.BACKGROUND and agent_id is not None and purpose != "probe":
        _refuse_if_degraded(agent_id)
        # Background work can wait for the next turn; it must not hold workers in backoff.
        max_attempts = max_attempts or BACKGROUND_MAX_ATTEMPTS
    shared_budget = shared_budget or budget()
    raw_estimate = estimate_request_tokens(
        system=f"{system}\n\n{system_suffix}", messages=messages, extra=extra
    )
    estimated = math.ceil(raw_estimate * _calibration(shared_budget, model))
    ledger = {
        "purpose": purpose,
        "model": model,
        "agent_id": agent_id,
        "conversation_id": conversation_id,
        "prompt_version_id": prompt_version_id,
        "estimated_input_tokens": estimated,
    }
    attempts = max_attempts or settings.LLM_MAX_ATTEMPTS
    started = time.monotonic()
    last_error: LlmUnavailable | None = None
    for attempt in range(1, attempts + 1):
        reservation = shared_budget.reserve(
            model=model,
            input_tokens=estimated,
            output_tokens=max_tokens,
            priority=priority,
            max_wait=(max_wait if max_wait is not None else math.inf) if attempt == 1 else math.inf,
        )
        if not reservation.granted:
            raise BudgetExhausted(reservation.wait_seconds)
        if reservation.wait_seconds > 0:
            sleep(reservation.wait_seconds)
        try:
            response = messages_create(
                model=model,
                system=system_blocks(model=model, system=system, suffix=system_suffix),
                messages=messages,
                max_tokens=max_tokens,
                **extra,
            )
        except LlmUnavailable as error:
            last_error = error
            # The upstream did not take the tokens; the request slot stays spent.
            shared_budget.adjust(model=model, dimension="input_tokens", delta=estimated)
            shared_budget.adjust(model=model, dimension="output_tokens", delta=max_tokens)
            if not error.retryable or attempt == attempts:
                break
            delay = _retry_delay(error, attempt, shared_budget, model)
            logger.warning(
                "LLM %s attempt %s/%s failed (%s); retrying in %.1fs",
                purpose,
                attempt,
                attempts,
                error.kind,
                delay,
            )
            if delay > 0:
                sleep(delay)
            continue
        _settle(shared_budget, model, estimated, raw_estimate, max_tokens, response)
        _record(
            ledger,
            response=response,
            attempts=attempt,
            latency_ms=int((time.monotonic() - started) * 1000),
        )
        return response
    assert last_error is not None
    if last_error.kind == "spend_limit":
        logger.error(
            "Anthropic spend limit reached: every LLM call fails until an operator raises it"
        )
    _record(
        ledger,
        error=last_error,
        attempts=attempt,
        latency_ms=int((time.monotonic() - started) * 1000),
    )
    raise last_error


def _refuse_if_degraded(agent_id: int) -> None:
    """While an agent is degraded its summaries and lead extraction wait: they would only
    add failing calls, and fill the queue that the recovery probes need."""
    from agents.ladder import agent_mode
    from agents.models import Agent, Mode

    agent = Agent.objects.filter(pk=agent_id).first()
    if agent is not None and agent_mode(agent=agent) != Mode.FULL_AI:
        raise LlmUnavailable("the agent is degraded: background work waits", kind="degraded")


def _retry_delay(error: LlmUnavailable, attempt: int, shared_budget: Budget, model: str) -> float:
    if error.kind == "rate_limit":
        retry_after = retry_after_seconds(error.headers)
        shared_budget.observe_headers(model=model, headers=error.headers)
        if retry_after is not None:
            if shared_budget.unlimited:
                return retry_after  # no shared budget to hold the others back: wait here
            # Every worker calling this model class waits too, not just this one; the next
            # reservation carries the wait, so it is not slept twice.
            shared_budget.block_for(model=model, seconds=retry_after)
            return 0.0
    backoff = min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** (attempt - 1))
    return random.uniform(backoff / 2, backoff)  # jitter: workers do not retry in step


def _settle(
    shared_budget: Budget,
    model: str,
    estimated: int,
    raw_estimate: int,
    reserved_output: int,
    response: LlmResponse,
) -> None:
    # Cache reads do not count toward input tokens per minute, as at Anthropic.
    counted_input = response.input_tokens + response.cache_creation_input_tokens
    shared_budget.reconcile(
        model=model,
        estimated_input=estimated,
        actual_input=counted_input,
        reserved_output=reserved_output,
        actual_output=response.output_tokens,
    )
    shared_budget.observe_headers(model=model, headers=response.headers)
    _calibrate(shared_budget, model, raw_estimate, counted_input + response.cache_read_input_tokens)


def _ratio_key(shared_budget: Budget, model: str) -> str:
    return f"{shared_budget.prefix}:{model_class(model)}:estimate-ratio"


def _calibrate(shared_budget: Budget, model: str, raw_estimate: int, actual: int) -> None:
    """Remember how far the local estimate was from the real count, per model class."""
    if raw_estimate <= 0 or shared_budget.unlimited:
        return
    key = _ratio_key(shared_budget, model)
    shared_budget.redis.lpush(key, f"{actual / raw_estimate:.4f}")
    shared_budget.redis.ltrim(key, 0, CALIBRATION_SAMPLES - 1)


def _calibration(shared_budget: Budget, model: str) -> float:
    """The factor that turns the local estimate into a calibrated one: the 90th percentile
    of recent real/estimated ratios, so nine calls in ten reserve at least what they use
    (reconciliation settles the rest). Uncalibrated until a few calls have been seen."""
    if shared_budget.unlimited:
        return 1.0
    ratios = sorted(
        float(r) for r in shared_budget.redis.lrange(_ratio_key(shared_budget, model), 0, -1)
    )
    if len(ratios) < CALIBRATION_MIN_SAMPLES:
        return 1.0
    return min(2.0, max(0.5, ratios[int(0.9 * (len(ratios) - 1))]))


def _record(
    ledger: dict[str, Any],
    *,
    attempts: int,
    latency_ms: int,
    response: LlmResponse | None = None,
    error: LlmUnavailable | None = None,
) -> LlmCall:
    if response is not None:
        return LlmCall.objects.create(
            **ledger,
            input_tokens=response.input_tokens,
            output_tokens=response.output_tokens,
            cache_creation_input_tokens=response.cache_creation_input_tokens,
            cache_read_input_tokens=response.cache_read_input_tokens,
            cost_usd=call_cost(
                model=ledger["model"],
                input_tokens=response.input_tokens,
                output_tokens=response.output_tokens,
                cache_creation_input_tokens=response.cache_creation_input_tokens,
                cache_read_input_tokens=response.cache_read_input_tokens,
            ),
            latency_ms=latency_ms,
            attempts=attempts,
            outcome=LlmCall.Outcome.OK,
            request_id=response.request_id or "",
        )
    assert error is not None
    return LlmCall.objects.create(
        **ledger,
        latency_ms=latency_ms,
        attempts=attempts,
        outcome=LlmCall.Outcome.ERROR,
        error_class=error.kind,
        error_message=str(error)[:500],
        request_id=error.request_id or "",
    )
