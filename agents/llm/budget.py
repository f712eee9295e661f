"""One account-wide LLM budget, in Redis, shared by every worker on every host.

Anthropic limits requests, input tokens and output tokens per minute, per model class, as
continuously refilled token buckets. A limiter in one process lets N workers send N times
the limit; this one keeps the buckets in Redis and updates them in one Lua script, so every
reservation sees every other.

Reservations, not polling: a caller takes what it needs at once and is told exactly how long
to wait until the buckets have refilled enough to cover it. Buckets may go into debt, so
callers line up in arrival order with precise start times: no busy loops, no herd at the
top of the minute. A caller that would have to wait too long takes nothing and is told the
wait, so its job can be rescheduled and the worker freed.

Background work (summaries, lead extraction) may only spend above a reserve kept for
customer-facing replies.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import IntEnum

import redis
from django.conf import settings

DIMENSIONS = ("requests", "input_tokens", "output_tokens")


class Priority(IntEnum):
    BACKGROUND = 0
    CUSTOMER = 1


@dataclass(frozen=True)
class Limits:
    """Per-minute limits of one model class."""

    requests: int
    input_tokens: int
    output_tokens: int

    def per_minute(self, dimension: str) -> int:
        return getattr(self, dimension)


@dataclass(frozen=True)
class Reservation:
    granted: bool
    wait_seconds: float
    model_class: str
    amounts: tuple[int, int, int]


# KEYS: blocked-until key, then one hash per dimension.
# ARGV: now-override (or ""), max_wait, background floor fraction, priority,
#       then capacity, rate per second, amount for each dimension.
_RESERVE = """
local now
if ARGV[1] ~= '' then now = tonumber(ARGV[1]) else
  local t = redis.call('TIME'); now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local max_wait = tonumber(ARGV[2])
local floor_fraction = tonumber(ARGV[3])
local priority = tonumber(ARGV[4])
local wait = 0
local blocked = tonumber(redis.call('GET', KEYS[1]) or '0')
if blocked > now then wait = blocked - now end
local levels = {}
for i = 2, #KEYS do
  local base = 4 + (i - 2) * 3
  local capacity = tonumber(ARGV[base + 1])
  local rate = tonumber(ARGV[base + 2])
  local amount = tonumber(ARGV[base + 3])
  local state = redis.call('HMGET', KEYS[i], 'tokens', 'ts')
  local tokens = tonumber(state[1])
  local ts = tonumber(state[2])
  if tokens == nil then tokens = capacity; ts = now end
  tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
  local floor = 0
  if priority == 0 then floor = capacity * floor_fraction end
  local need = (amount + floor - tokens) / rate
  if need > wait then wait = need end
  levels[i] = {tokens, amount, capacity, rate}
end
if wait > max_wait then return {0, tostring(wait)} end
for i = 2, #KEYS do
  local l = levels[i]
  redis.call('HSET', KEYS[i], 'tokens', tostring(l[1] - l[2]), 'ts', tostring(now))
  -- an idle bucket is a full bucket: let it vanish once it would have refilled
  local ttl = math.ceil((l[3] - (l[1] - l[2])) / l[4]) + 60
  redis.call('EXPIRE', KEYS[i], ttl)
end
return {1, tostring(wait)}
"""

# Give back (or take more of) one bucket after the fact. KEYS: the bucket.
# ARGV: now-override, capacity, rate, delta, cap (an upper bound from upstream headers or "").
_ADJUST = """
local now
if ARGV[1] ~= '' then now = tonumber(ARGV[1]) else
  local t = redis.call('TIME'); now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local capacity = tonumber(ARGV[2])
local rate = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil then tokens = capacity; ts = now end
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate) + tonumber(ARGV[4])
if ARGV[5] ~= '' then tokens = math.min(tokens, tonumber(ARGV[5])) end
tokens = math.min(capacity, tokens)
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 60)
return tostring(tokens)
"""

_BLOCK = """
local until_ = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > current then
  redis.call('SET', KEYS[1], tostring(until_), 'PX', math.ceil((until_ - tonumber(ARGV[2])) * 1000) + 1000)
end
return 1
"""


def model_class(model: str) -> str:
    for name in ("haiku", "sonnet", "opus"):
        if name in model:
            return name
    return "other"


def limits_for(model_class_name: str) -> Limits:
    override = settings.LLM_LIMITS_BY_CLASS.get(model_class_name, {})
    return Limits(
        requests=override.get("requests", settings.LLM_REQUESTS_PER_MINUTE),
        input_tokens=override.get("input_tokens", settings.LLM_INPUT_TOKENS_PER_MINUTE),
        output_tokens=override.get("output_tokens", settings.LLM_OUTPUT_TOKENS_PER_MINUTE),
    )


class Budget:
    """The shared buckets. ``now`` is injectable so refill arithmetic is testable."""

    def __init__(
        self,
        connection: redis.Redis,
        *,
        prefix: str = "switchboard:llm-budget",
        burst_seconds: float | None = None,
        background_reserve: float | None = None,
        unlimited: bool = False,
    ) -> None:
        self.redis = connection
        # Unlimited: every reservation is granted at once and corrections are ignored; what
        # a fleet of workers does with retries alone.
        self.unlimited = unlimited
        self.prefix = prefix
        self.burst_seconds = burst_seconds or settings.LLM_BUDGET_BURST_SECONDS
        self.background_reserve = (
            settings.LLM_BUDGET_BACKGROUND_RESERVE
            if background_reserve is None
            else background_reserve
        )
        self._reserve = connection.register_script(_RESERVE)
        self._adjust = connection.register_script(_ADJUST)
        self._block = connection.register_script(_BLOCK)

    def _key(self, model_class_name: str, dimension: str) -> str:
        return f"{self.prefix}:{model_class_name}:{dimension}"

    def _blocked_key(self, model_class_name: str) -> str:
        return f"{self.prefix}:{model_class_name}:blocked-until"

    def capacity(self, limits: Limits, dimension: str) -> float:
        # The most we let through at once. Anthropic may enforce a per-minute limit over
        # shorter intervals, so we do not burst a whole minute's worth.
        return max(1.0, limits.per_minute(dimension) * self.burst_seconds / 60.0)

    def reserve(
        self,
        *,
        model: str,
        input_tokens: int,
        output_tokens: int,
        priority: Priority = Priority.CUSTOMER,
        max_wait: float = math.inf,
        now: float | None = None,
    ) -> Reservation:
        name = model_class(model)
        limits = limits_for(name)
        amounts = (1, max(0, input_tokens), max(0, output_tokens))
        if self.unlimited:
            return Reservation(granted=True, wait_seconds=0.0, model_class=name, amounts=amounts)
        args: list[str | float | int] = [
            "" if now is None else repr(now),
            repr(max_wait) if math.isfinite(max_wait) else "1e18",
            repr(self.background_reserve),
            int(priority),
        ]
        for dimension, amount in zip(DIMENSIONS, amounts, strict=True):
            args += [
                repr(self.capacity(limits, dimension)),
                repr(limits.per_minute(dimension) / 60.0),
                amount,
            ]
        keys = [self._blocked_key(name)] + [self._key(name, d) for d in DIMENSIONS]
        granted, wait = self._reserve(keys=keys, args=args)
        return Reservation(
            granted=bool(int(granted)),
            wait_seconds=max(0.0, float(wait)),
            model_class=name,
            amounts=amounts,
        )

    def adjust(
        self,
        *,
        model: str,
        dimension: str,
        delta: float,
        upper_bound: float | None = None,
        now: float | None = None,
    ) -> float:
        """Add ``delta`` to a bucket (a refund when positive); clamp to ``upper_bound``."""
        if self.unlimited:
            return math.inf
        name = model_class(model)
        limits = limits_for(name)
        level = self._adjust(
            keys=[self._key(name, dimension)],
            args=[
                "" if now is None else repr(now),
                repr(self.capacity(limits, dimension)),
                repr(limits.per_minute(dimension) / 60.0),
                repr(delta),
                "" if upper_bound is None else repr(upper_bound),
            ],
        )
        return float(level)

    def release(self, reservation: Reservation, *, model: str) -> None:
        """Give back a reservation that was never used (the job was rescheduled)."""
        for dimension, amount in zip(DIMENSIONS, reservation.amounts, strict=True):
            self.adjust(model=model, dimension=dimension, delta=amount)

    def reconcile(
        self,
        *,
        model: str,
        estimated_input: int,
        actual_input: int,
        reserved_output: int,
        actual_output: int,
    ) -> None:
        """Correct the reservation with the usage the response reported."""
        if actual_input != estimated_input:
            self.adjust(model=model, dimension="input_tokens", delta=estimated_input - actual_input)
        if actual_output != reserved_output:
            self.adjust(
                model=model, dimension="output_tokens", delta=reserved_output - actual_output
            )

    def level(self, *, model: str, dimension: str, now: float | None = None) -> float:
        return self.adjust(model=model, dimension=dimension, delta=0, now=now)

    def observe_headers(self, *, model: str, headers: dict[str, str]) -> None:
        """Let the upstream's view correct ours: other clients may share the account."""
        for dimension, header in (
            ("requests", "requests"),
            ("input_tokens", "input-tokens"),
            ("output_tokens", "output-tokens"),
        ):
            raw = headers.get(f"anthropic-ratelimit-{header}-remaining")
            if raw is None:
                continue
            try:
                remaining = float(raw)
            except ValueError:
                continue
            # Token figures are rounded to the thousand: only believe a clearly lower one.
            slack = 0 if dimension == "requests" else 1000
            self.adjust(model=model, dimension=dimension, delta=0, upper_bound=remaining + slack)

    def block_for(self, *, model: str, seconds: float, now: float | None = None) -> None:
        """A 429's retry-after: nobody calls this model class again before it has passed."""
        if self.unlimited:
            return
        current = now if now is not None else _redis_now(self.redis)
        self._block(
            keys=[self._blocked_key(model_class(model))],
            args=[repr(current + seconds), repr(current)],
        )


def _redis_now(connection: redis.Redis) -> float:
    seconds, micros = connection.time()
    return seconds + micros / 1_000_000


def retry_after_seconds(headers: dict[str, str]) -> float | None:
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        try:
            when = dt.datetime.strptime(raw, "%a, %d %b %Y %H:%M:%S GMT").replace(tzinfo=dt.UTC)
        except ValueError:
            return None
        return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
