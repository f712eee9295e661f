"""The degradation ladder: FULL_AI -> CACHED_AI -> RULES_ONLY -> HUMAN_ONLY, and back.

Consecutive LLM failures step an agent down: the automatic mode is the lowest rung whose
threshold (``cached_after_failures``, ``rules_after_failures``, ``human_after_failures``) the
count has reached. A success resets the count and steps up one rung, or straight to full AI
when the agent says so (``recover_straight_to_full``).

State lives in Redis, shared by every worker on every host, and changes only inside Lua
scripts: the counter and the compare-and-set of the rung are one atomic step, so however many
workers fail at once, exactly one of them sees each change and writes its ModeTransition and
Alert. The database holds the audit trail, not the state.

Which failures count
    Only failures that say the LLM cannot answer anyone: overloaded, server errors,
    connection failures, timeouts, rate limits that outlasted the gateway's retries, a spend
    limit, a bad key. A request the API rejected as malformed or too large
    (``invalid_request``, ``request_too_large``, other 4xx) is about that one conversation,
    so it neither counts nor breaks the run of failures. Unknown kinds count: degrading on a
    failure we do not understand is the safe side.

Recovery
    A degraded agent's replies no longer call the LLM, so no success would ever arrive by
    itself. Degraded agents sit in a Redis sorted set scored by their next probe time; a cron
    job (``agents.jobs.probe_degraded_agents``, every 15 s) claims those that are due and a
    background job sends each a tiny budgeted request through the gateway (in the ledger as
    purpose ``probe``). Success steps up; failure counts as a failure (a long outage keeps
    sliding down the ladder, to humans in the end) and doubles the wait: 15 s, 30 s, 60 s...
    capped at 5 minutes.

Pins
    An operator's pin (``Agent.pinned_mode``) decides the mode while it is set. The ladder
    keeps counting underneath: failures and successes of a pinned agent's calls still move
    the automatic mode, and those moves are recorded (marked as not in effect), so unpinning
    lands on the mode the LLM's health calls for. Pinned agents are not probed: the operator
    has taken over, and the probe resumes within one interval after the pin is lifted.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import django_rq
import redis
from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.dispatch import Signal
from django.utils import translation

from agents.models import Agent, LlmCall, Mode, ModeTransition
from agents.selectors import User, business_filter_for_user

logger = logging.getLogger(__name__)

RUNGS: tuple[Mode, ...] = (Mode.FULL_AI, Mode.CACHED_AI, Mode.RULES_ONLY, Mode.HUMAN_ONLY)

# Failures about the request, not about the LLM's availability.
UNCOUNTED_KINDS = frozenset({"invalid_request", "request_too_large", "client_error"})

PROBE_FIRST_SECONDS = 15.0
# After a probe succeeds the LLM is most likely back: the next rung is tried soon.
PROBE_AFTER_SUCCESS_SECONDS = 5.0
PROBE_MAX_SECONDS = 300.0
# A claimed probe that never reported back (its worker died) is due again after this long.
PROBE_LEASE_SECONDS = 120.0
# A probe waits at most this long for the shared LLM budget; customers' replies come first.
PROBE_MAX_BUDGET_WAIT = 10.0
PROBE_MAX_TOKENS = 5

KEY_PREFIX = "switchboard:ladder"
PROBES_KEY = f"{KEY_PREFIX}:probes"

_NOW = """
local function now_from(arg)
  if arg ~= '' then return tonumber(arg) end
  local t = redis.call('TIME')
  return tonumber(t[1]) + tonumber(t[2]) / 1000000
end
"""

# KEYS: agent hash, probes zset. ARGV: now, kind, cached_after, rules_after, human_after,
# agent id, first probe delay, counts (1/0). Returns {failures, from rung, to rung}.
_FAILURE = (
    _NOW
    + """
local now = now_from(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[1], 'rung') or '0')
if ARGV[8] ~= '1' then
  local failures = tonumber(redis.call('HGET', KEYS[1], 'failures') or '0')
  return {failures, current, current}
end
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('HSET', KEYS[1], 'last_kind', ARGV[2], 'last_failure_at', tostring(now))
local target = 0
for rung = 1, 3 do
  if failures >= tonumber(ARGV[2 + rung]) and rung > target then target = rung end
end
if target <= current then return {failures, current, current} end
redis.call('HSET', KEYS[1], 'rung', target, 'changed_at', tostring(now))
if current == 0 then
  redis.call('HSET', KEYS[1], 'probe_interval', ARGV[7])
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[7]), ARGV[6])
end
return {failures, current, target}
"""
)

# KEYS: agent hash, probes zset. ARGV: now, straight to full (1/0), agent id, first probe
# delay. Returns {from rung, to rung}.
_SUCCESS = (
    _NOW
    + """
local state = redis.call('HMGET', KEYS[1], 'rung', 'failures')
local current = tonumber(state[1] or '0')
if current == 0 then
  if tonumber(state[2] or '0') ~= 0 then redis.call('HSET', KEYS[1], 'failures', 0) end
  return {0, 0}
end
local now = now_from(ARGV[1])
local target = current - 1
if ARGV[2] == '1' then target = 0 end
redis.call('HSET', KEYS[1], 'rung', target, 'failures', 0, 'changed_at', tostring(now))
if target == 0 then
  redis.call('ZREM', KEYS[2], ARGV[3])
  redis.call('HDEL', KEYS[1], 'probe_interval')
else
  -- still degraded: the next rung up is tried soon, not after the backoff of the last
  redis.call('HSET', KEYS[1], 'probe_interval', ARGV[4])
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[3])
end
return {current, target}
"""
)

# KEYS: probes zset. ARGV: now, lease, limit. Claims the due agents: their score moves to the
# end of the lease, so an overlapping run (or a second scheduler) does not probe them again.
_CLAIM = (
    _NOW
    + """
local now = now_from(ARGV[1])
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', tostring(now), 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), id)
end
return due
"""
)

# KEYS: agent hash, probes zset. ARGV: now, agent id, 'grow' (double the interval) or a
# number of seconds, first delay, cap. Returns the delay, or -1 when
# the agent is no longer degraded (a success got there first).
_RESCHEDULE = (
    _NOW
    + """
local now = now_from(ARGV[1])
if not redis.call('ZSCORE', KEYS[2], ARGV[2]) then return '-1' end
local interval = tonumber(redis.call('HGET', KEYS[1], 'probe_interval') or ARGV[4])
local delay
if ARGV[3] == 'grow' then
  interval = math.min(interval * 2, tonumber(ARGV[5]))
  redis.call('HSET', KEYS[1], 'probe_interval', tostring(interval))
  delay = interval
else
  delay = tonumber(ARGV[3])
end
redis.call('ZADD', KEYS[2], 'XX', now + delay, ARGV[2])
return tostring(delay)
"""
)


def _redis() -> redis.Redis:
    return django_rq.get_connection(settings.REPLY_QUEUE)


def _agent_key(agent_id: int) -> str:
    return f"{KEY_PREFIX}:agent:{agent_id}"


def _run(source: str, *, keys: list[str], args: list[object]) -> Any:
    # register_script only hashes the source; EVALSHA falls back to EVAL on a fresh server.
    return _redis().register_script(source)(keys=keys, args=args)


def _now_arg(now: float | None) -> str:
    return "" if now is None else repr(float(now))


def mode_english_name(mode: Mode) -> str:
    """The mode's label in English, whatever the request's language: transitions and alerts
    are stored and sent to Slack, so they stay English."""
    with translation.override("en"):
        return str(mode.label)


def _mode_of(rung: int) -> Mode:
    return RUNGS[max(0, min(int(rung), len(RUNGS) - 1))]


def _pinned(agent: Agent) -> Mode | None:
    if not agent.pinned_mode:
        return None
    try:
        return Mode(agent.pinned_mode)
    except ValueError:
        logger.error(
            "agent %s has an unknown pinned mode %r; ignoring the pin", agent.pk, agent.pinned_mode
        )
        return None


# --- reads ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LadderState:
    automatic_mode: Mode
    failures: int
    last_failure_kind: str
    next_probe_at: dt.datetime | None
    probe_interval_seconds: int | None

    @property
    def degraded(self) -> bool:
        return self.automatic_mode != Mode.FULL_AI


def agent_mode(*, agent: Agent) -> Mode:
    """The mode the agent answers in now: the operator's pin, else the ladder's."""
    return _pinned(agent) or _mode_of(int(_redis().hget(_agent_key(agent.pk), "rung") or 0))


def ladder_states(*, agent_ids: Iterable[int]) -> dict[int, LadderState]:
    """The ladder of several agents in one round trip."""
    ids = list(agent_ids)
    pipe = _redis().pipeline(transaction=False)
    for agent_id in ids:
        pipe.hmget(_agent_key(agent_id), "rung", "failures", "last_kind", "probe_interval")
        pipe.zscore(PROBES_KEY, agent_id)
    replies = pipe.execute()
    states: dict[int, LadderState] = {}
    for index, agent_id in enumerate(ids):
        rung, failures, kind, interval = replies[2 * index]
        probe_at = replies[2 * index + 1]
        states[agent_id] = LadderState(
            automatic_mode=_mode_of(int(rung or 0)),
            failures=int(failures or 0),
            last_failure_kind=(kind or b"").decode(),
            next_probe_at=dt.datetime.fromtimestamp(probe_at, tz=dt.UTC)
            if probe_at is not None
            else None,
            probe_interval_seconds=int(float(interval)) if interval is not None else None,
        )
    return states


def ladder_state(*, agent: Agent) -> LadderState:
    return ladder_states(agent_ids=[agent.pk])[agent.pk]


def mode_transition_list_for_user(
    *, user: User, agent: Agent | None = None, limit: int = 20
) -> QuerySet[ModeTransition]:
    transitions = ModeTransition.objects.filter(
        business_filter_for_user(user=user, field="agent__business")
    ).select_related("agent", "agent__business", "by")
    if agent is not None:
        transitions = transitions.filter(agent=agent)
    return transitions[:limit]


def ladder_annotate(*, agents: Sequence[Agent]) -> Sequence[Agent]:
    """Set ``current_mode`` (pin, else ladder) and ``ladder`` on each agent, for templates
    such as ``agents/partials/mode_badge.html``; one Redis round trip for all of them."""
    states = ladder_states(agent_ids=[agent.pk for agent in agents])
    for agent in agents:
        agent.ladder = states[agent.pk]
        agent.current_mode = _pinned(agent) or agent.ladder.automatic_mode
    return agents


# --- the ladder -------------------------------------------------------------------------------


def ladder_record_failure(
    *, agent: Agent, kind: str, source: str = "", now: float | None = None
) -> Mode:
    """One more consecutive LLM failure; returns the agent's mode afterwards."""
    counts = kind not in UNCOUNTED_KINDS
    failures, from_rung, to_rung = _run(
        _FAILURE,
        keys=[_agent_key(agent.pk), PROBES_KEY],
        args=[
            _now_arg(now),
            kind,
            agent.cached_after_failures,
            agent.rules_after_failures,
            agent.human_after_failures,
            agent.pk,
            repr(PROBE_FIRST_SECONDS),
            "1" if counts else "0",
        ],
    )
    if to_rung != from_rung:
        noun = "failure" if failures == 1 else "failures"
        why = ", ".join(part for part in (kind, source) if part)
        _transition_record(
            agent=agent,
            from_mode=_mode_of(from_rung),
            to_mode=_mode_of(to_rung),
            reason=f"{failures} consecutive LLM {noun} ({why})",
            spend_limit=kind == "spend_limit",
        )
    return _pinned(agent) or _mode_of(to_rung)


def ladder_record_success(
    *, agent: Agent, reason: str = "an LLM call succeeded", now: float | None = None
) -> Mode:
    """The LLM answered: reset the count and, if degraded, step up."""
    from_rung, to_rung = _run(
        _SUCCESS,
        keys=[_agent_key(agent.pk), PROBES_KEY],
        args=[
            _now_arg(now),
            "1" if agent.recover_straight_to_full else "0",
            agent.pk,
            repr(PROBE_AFTER_SUCCESS_SECONDS),
        ],
    )
    if to_rung != from_rung:
        reason = reason[:1].upper() + reason[1:]
        _transition_record(
            agent=agent,
            from_mode=_mode_of(from_rung),
            to_mode=_mode_of(to_rung),
            reason=reason,
        )
    return _pinned(agent) or _mode_of(to_rung)


# Sent once a mode transition is stored, inside the same savepoint: monitoring raises its
# alert from it (monitoring.receivers). agents records what happened and never imports the
# layer above it. Arguments: agent, transition (the ModeTransition), reason (whole, not cut
# to the column), recovered, pin (the pinned mode or None) and spend_limit (the Anthropic
# spend limit caused it).
mode_transition_recorded = Signal()


def _transition_record(
    *, agent: Agent, from_mode: Mode, to_mode: Mode, reason: str, spend_limit: bool = False
) -> None:
    pin = _pinned(agent)
    recovered = RUNGS.index(to_mode) < RUNGS.index(from_mode)
    if pin is not None:
        reason = f"{reason}; pinned to {mode_english_name(pin)}, so not in effect"
    try:
        # A savepoint: if the audit write fails inside a caller's transaction, the caller's
        # work (a customer's reply) survives it. Redis already holds the new state.
        with transaction.atomic():
            transition = ModeTransition.objects.create(
                agent=agent,
                from_mode=from_mode,
                to_mode=to_mode,
                reason=reason[:300],
                automatic=True,
            )
            mode_transition_recorded.send(
                sender=ModeTransition,
                agent=agent,
                transition=transition,
                reason=reason,
                recovered=recovered,
                pin=pin,
                spend_limit=spend_limit,
            )
    except Exception:
        logger.exception(
            "agent %s went %s -> %s (%s) but the audit trail could not be written",
            agent.pk,
            from_mode,
            to_mode,
            reason,
        )
    log = logger.info if recovered else logger.warning
    log("agent %s: %s -> %s (%s)", agent.pk, from_mode, to_mode, reason)


# --- probes -----------------------------------------------------------------------------------


def ladder_probes_claim(*, now: float | None = None, limit: int = 100) -> list[int]:
    """The ids of degraded agents whose next probe is due, claimed for one probe each."""
    due = _run(_CLAIM, keys=[PROBES_KEY], args=[_now_arg(now), repr(PROBE_LEASE_SECONDS), limit])
    return [int(agent_id) for agent_id in due]


@dataclass(frozen=True)
class ProbeOutcome:
    # succeeded, failed, no_budget, pinned, inactive, not_degraded, missing
    status: str
    mode: Mode | None = None
    next_probe_in: float | None = None


def ladder_probe(*, agent_id: int, now: float | None = None) -> ProbeOutcome:
    """Send one recovery probe for a degraded agent and move the ladder by its result."""
    from agents.llm.budget import Priority
    from agents.llm.client import LlmUnavailable
    from agents.llm.gateway import BudgetExhausted, llm_call
    from agents.llm.router import model_for

    # Re-fetched: the world may have changed since the probe was claimed.
    agent = Agent.objects.select_related("business").filter(pk=agent_id).first()
    if agent is None:
        _redis().zrem(PROBES_KEY, agent_id)
        _redis().delete(_agent_key(agent_id))
        return ProbeOutcome("missing")
    if not ladder_state(agent=agent).degraded:
        _redis().zrem(PROBES_KEY, agent_id)
        return ProbeOutcome("not_degraded", agent_mode(agent=agent))
    if _pinned(agent) is not None:
        # Look again soon: once unpinned, recovery should not wait out a long backoff.
        delay = _reschedule(agent_id=agent.pk, how=repr(PROBE_FIRST_SECONDS), now=now)
        return ProbeOutcome("pinned", agent_mode(agent=agent), delay)
    if not agent.is_active:
        delay = _reschedule(agent_id=agent.pk, how=repr(PROBE_MAX_SECONDS), now=now)
        return ProbeOutcome("inactive", agent_mode(agent=agent), delay)
    try:
        llm_call(
            purpose=LlmCall.Purpose.PROBE,
            model=model_for(agent=agent, purpose=LlmCall.Purpose.PROBE),
            system="Health check.",
            messages=[{"role": "user", "content": "ping"}],
            max_tokens=PROBE_MAX_TOKENS,
            priority=Priority.BACKGROUND,
            max_wait=PROBE_MAX_BUDGET_WAIT,
            # One attempt: the probe's own backoff schedule is the retry policy here.
            max_attempts=1,
            agent_id=agent.pk,
        )
    except BudgetExhausted as short:
        # Not a verdict on the LLM: try again when the budget has room, without backing off.
        delay = _reschedule(
            agent_id=agent.pk, how=repr(max(PROBE_FIRST_SECONDS, short.wait_seconds)), now=now
        )
        return ProbeOutcome("no_budget", agent_mode(agent=agent), delay)
    except LlmUnavailable as error:
        mode = ladder_record_failure(agent=agent, kind=error.kind, source="recovery probe", now=now)
        delay = _reschedule(agent_id=agent.pk, how="grow", now=now)
        return ProbeOutcome("failed", mode, delay)
    mode = ladder_record_success(agent=agent, reason="a recovery probe succeeded", now=now)
    state = ladder_state(agent=agent)
    next_in = state.probe_interval_seconds if state.degraded else None
    return ProbeOutcome("succeeded", mode, next_in)


def _reschedule(*, agent_id: int, how: str, now: float | None) -> float | None:
    delay = _run(
        _RESCHEDULE,
        keys=[_agent_key(agent_id), PROBES_KEY],
        args=[_now_arg(now), agent_id, how, repr(PROBE_FIRST_SECONDS), repr(PROBE_MAX_SECONDS)],
    )
    seconds = float(delay)
    return None if seconds < 0 else seconds
