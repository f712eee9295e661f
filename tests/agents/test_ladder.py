"""The degradation ladder on the real Redis; recovery probes against the Messages-API simulator."""

from __future__ import annotations

import threading

import django_rq
import pytest
from django.db import connection
from rq import SimpleWorker

from agents.ladder import (
    PROBE_AFTER_SUCCESS_SECONDS,
    PROBE_FIRST_SECONDS,
    PROBE_MAX_SECONDS,
    RUNGS,
    agent_mode,
    ladder_probe,
    ladder_probes_claim,
    ladder_record_failure,
    ladder_record_success,
    ladder_state,
)
from agents.models import Agent, LlmCall, Mode, ModeTransition
from agents.services import agent_pin, agent_unpin
from monitoring.models import Alert
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

T0 = 1_800_000_000.0  # an injected clock for probe schedules: no test waits for real time


@pytest.fixture(autouse=True)
def clean_redis(redis_client):
    return redis_client


@pytest.fixture
def agent(tenant) -> Agent:
    return tenant.agent


@pytest.fixture
def simulator(llm_simulator, settings):
    # The probe's own backoff is its retry policy: one attempt each, no sleeping in tests.
    settings.LLM_MAX_ATTEMPTS = 1
    settings.LLM_LIMITS_BY_CLASS = {
        name: {"requests": 6000, "input_tokens": 10_000_000, "output_tokens": 1_000_000}
        for name in ("haiku", "sonnet", "opus")
    }
    return llm_simulator


def fail(agent: Agent, times: int, kind: str = "overloaded", now: float = T0) -> Mode:
    mode = agent_mode(agent=agent)
    for _ in range(times):
        mode = ladder_record_failure(agent=agent, kind=kind, now=now)
    return mode


def transitions(agent: Agent) -> list[tuple[str, str]]:
    return [
        (t.from_mode, t.to_mode)
        for t in ModeTransition.objects.filter(agent=agent).order_by("created_at", "id")
    ]


# --- stepping down ----------------------------------------------------------------------------


def test_a_new_agent_answers_with_full_ai(agent):
    assert agent_mode(agent=agent) == Mode.FULL_AI
    assert ladder_state(agent=agent).failures == 0
    assert not ladder_state(agent=agent).degraded


def test_one_failure_is_not_enough_to_step_down(agent):
    assert fail(agent, 1) == Mode.FULL_AI
    assert ladder_state(agent=agent).failures == 1
    assert not ModeTransition.objects.exists()


def test_it_steps_down_at_two_five_and_ten_consecutive_failures(agent):
    modes = [ladder_record_failure(agent=agent, kind="overloaded", now=T0) for _ in range(12)]

    assert modes[0] == Mode.FULL_AI
    assert modes[1:4] == [Mode.CACHED_AI] * 3
    assert modes[4:9] == [Mode.RULES_ONLY] * 5
    assert modes[9:] == [Mode.HUMAN_ONLY] * 3
    assert transitions(agent) == [
        (Mode.FULL_AI, Mode.CACHED_AI),
        (Mode.CACHED_AI, Mode.RULES_ONLY),
        (Mode.RULES_ONLY, Mode.HUMAN_ONLY),
    ]


def test_each_step_down_is_recorded_once_with_its_reason_and_raises_one_alert(agent):
    fail(agent, 7, kind="overloaded")

    first, second = ModeTransition.objects.filter(agent=agent).order_by("created_at", "id")
    assert first.reason == "2 consecutive LLM failures (overloaded)"
    assert second.reason == "5 consecutive LLM failures (overloaded)"
    assert first.automatic and first.by is None
    alerts = list(Alert.objects.filter(agent=agent).order_by("created_at", "id"))
    assert [(a.kind, a.severity) for a in alerts] == [
        (Alert.Kind.DEGRADED, Alert.Severity.WARNING),
        (Alert.Kind.DEGRADED, Alert.Severity.WARNING),
    ]
    assert alerts[0].title == f"{agent.name} degraded to Cached answers"
    assert alerts[0].business == agent.business
    assert alerts[1].detail == "5 consecutive LLM failures (overloaded)"


def test_reaching_humans_only_is_a_critical_alert(agent):
    fail(agent, 10)
    assert Alert.objects.filter(agent=agent).latest("id").severity == Alert.Severity.CRITICAL


def test_the_thresholds_are_the_agents_own(agent):
    Agent.objects.filter(pk=agent.pk).update(
        cached_after_failures=1, rules_after_failures=3, human_after_failures=4
    )
    agent.refresh_from_db()
    assert fail(agent, 1) == Mode.CACHED_AI
    assert fail(agent, 2) == Mode.RULES_ONLY
    assert fail(agent, 1) == Mode.HUMAN_ONLY


def test_a_failure_that_says_nothing_about_availability_neither_counts_nor_breaks_the_run(agent):
    fail(agent, 1, kind="overloaded")
    fail(agent, 3, kind="invalid_request")
    assert ladder_state(agent=agent).failures == 1
    assert fail(agent, 1, kind="server_error") == Mode.CACHED_AI


def test_a_spend_limit_counts_and_its_alert_is_critical(agent):
    fail(agent, 2, kind="spend_limit")
    alert = Alert.objects.get(agent=agent)
    assert alert.severity == Alert.Severity.CRITICAL
    assert "spend_limit" in alert.detail


def test_the_ladders_of_two_agents_are_independent(agent, tenant):
    other = factories.make_agent(business=tenant.business)
    fail(agent, 5)
    assert agent_mode(agent=other) == Mode.FULL_AI
    assert ladder_state(agent=other).failures == 0


@pytest.mark.django_db(transaction=True)
def test_concurrent_failures_from_many_workers_record_exactly_one_transition_per_rung(tenant):
    agent = tenant.agent
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            start.wait()
            for _ in range(5):
                ladder_record_failure(agent=agent, kind="overloaded")
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert ladder_state(agent=agent).failures == 40
    assert agent_mode(agent=agent) == Mode.HUMAN_ONLY
    # Exactly one per rung; which worker writes its row first is a race, so not the order.
    assert sorted(transitions(agent), key=lambda t: RUNGS.index(t[0])) == [
        (Mode.FULL_AI, Mode.CACHED_AI),
        (Mode.CACHED_AI, Mode.RULES_ONLY),
        (Mode.RULES_ONLY, Mode.HUMAN_ONLY),
    ]
    assert Alert.objects.filter(agent=agent, kind=Alert.Kind.DEGRADED).count() == 3


# --- stepping up ------------------------------------------------------------------------------


def test_a_success_resets_the_run_of_failures(agent):
    fail(agent, 1)
    ladder_record_success(agent=agent)
    assert fail(agent, 1) == Mode.FULL_AI
    assert ladder_state(agent=agent).failures == 1


def test_a_success_steps_up_one_rung_and_raises_a_recovery_alert(agent):
    fail(agent, 5)

    assert ladder_record_success(agent=agent) == Mode.CACHED_AI

    last = ModeTransition.objects.filter(agent=agent).first()
    assert (last.from_mode, last.to_mode) == (Mode.RULES_ONLY, Mode.CACHED_AI)
    assert last.reason == "An LLM call succeeded"
    recovered = Alert.objects.get(kind=Alert.Kind.RECOVERED)
    assert recovered.severity == Alert.Severity.INFO
    assert recovered.title == f"{agent.name} recovered to Cached answers"
    assert ladder_state(agent=agent).failures == 0
    assert ladder_record_success(agent=agent) == Mode.FULL_AI
    assert ladder_record_success(agent=agent) == Mode.FULL_AI
    assert ModeTransition.objects.filter(agent=agent).count() == 4


def test_after_stepping_up_it_takes_a_full_run_of_failures_to_step_down_again(agent):
    fail(agent, 5)
    ladder_record_success(agent=agent)  # rules -> cached, count reset
    assert fail(agent, 4) == Mode.CACHED_AI
    assert fail(agent, 1) == Mode.RULES_ONLY


def test_a_success_goes_straight_to_full_ai_when_the_agent_says_so(agent):
    Agent.objects.filter(pk=agent.pk).update(recover_straight_to_full=True)
    agent.refresh_from_db()
    fail(agent, 10)

    assert ladder_record_success(agent=agent) == Mode.FULL_AI
    assert transitions(agent)[-1] == (Mode.HUMAN_ONLY, Mode.FULL_AI)


def test_a_success_while_on_full_ai_records_nothing(agent):
    ladder_record_success(agent=agent)
    assert not ModeTransition.objects.exists()
    assert not Alert.objects.exists()


# --- pins -------------------------------------------------------------------------------------


def test_a_pin_overrides_the_ladder_and_unpinning_restores_it(agent, operator):
    fail(agent, 2)
    agent = agent_pin(agent=agent, mode=Mode.HUMAN_ONLY, by=operator, reason="LLM vendor incident")

    assert agent_mode(agent=agent) == Mode.HUMAN_ONLY
    assert (agent.pinned_by, agent.pin_reason) == (operator, "LLM vendor incident")
    assert agent.pinned_at is not None
    pinned = ModeTransition.objects.filter(agent=agent).first()
    assert (pinned.from_mode, pinned.to_mode) == (Mode.CACHED_AI, Mode.HUMAN_ONLY)
    assert not pinned.automatic and pinned.by == operator
    assert "LLM vendor incident" in pinned.reason

    agent = agent_unpin(agent=agent, by=operator)

    assert agent_mode(agent=agent) == Mode.CACHED_AI
    assert agent.pinned_mode == "" and agent.pinned_by is None and agent.pinned_at is None
    unpinned = ModeTransition.objects.filter(agent=agent).first()
    assert (unpinned.from_mode, unpinned.to_mode) == (Mode.HUMAN_ONLY, Mode.CACHED_AI)
    assert unpinned.by == operator and not unpinned.automatic


def test_a_pinned_agent_ignores_the_ladder_which_keeps_counting_underneath(agent, operator):
    agent = agent_pin(agent=agent, mode=Mode.FULL_AI, by=operator, reason="")

    assert fail(agent, 5) == Mode.FULL_AI
    assert ladder_state(agent=agent).automatic_mode == Mode.RULES_ONLY
    underneath = ModeTransition.objects.filter(agent=agent, automatic=True).first()
    assert underneath.reason.endswith("pinned to Full AI, so not in effect")
    assert Alert.objects.filter(agent=agent).first().severity == Alert.Severity.INFO

    agent = agent_unpin(agent=agent, by=operator)
    assert agent_mode(agent=agent) == Mode.RULES_ONLY


def test_unpinning_an_agent_that_is_not_pinned_changes_nothing(agent, operator):
    agent_unpin(agent=agent, by=operator)
    assert not ModeTransition.objects.exists()


def test_pinning_to_a_mode_that_does_not_exist_is_refused(agent, operator):
    with pytest.raises(ValueError):
        agent_pin(agent=agent, mode="panic", by=operator, reason="")
    agent.refresh_from_db()
    assert agent.pinned_mode == ""


# --- recovery probes --------------------------------------------------------------------------


def test_a_degraded_agent_is_probed_once_its_first_probe_is_due(agent):
    assert ladder_probes_claim(now=T0) == []
    fail(agent, 2, now=T0)

    assert ladder_probes_claim(now=T0 + PROBE_FIRST_SECONDS - 1) == []
    assert ladder_probes_claim(now=T0 + PROBE_FIRST_SECONDS) == [agent.pk]
    # Claimed: an overlapping run does not probe it a second time.
    assert ladder_probes_claim(now=T0 + PROBE_FIRST_SECONDS) == []


def test_a_failed_probe_counts_as_a_failure_and_backs_off_exponentially(agent, simulator):
    simulator.update_config(outage=True)
    fail(agent, 2, now=T0)
    now = T0 + PROBE_FIRST_SECONDS
    waits = []
    for _ in range(7):
        assert ladder_probes_claim(now=now) == [agent.pk]
        outcome = ladder_probe(agent_id=agent.pk, now=now)
        assert outcome.status == "failed"
        waits.append(outcome.next_probe_in)
        assert ladder_probes_claim(now=now + outcome.next_probe_in - 1) == []
        now += outcome.next_probe_in

    assert waits == [30, 60, 120, 240, PROBE_MAX_SECONDS, PROBE_MAX_SECONDS, PROBE_MAX_SECONDS]
    state = ladder_state(agent=agent)
    assert state.failures == 9
    assert state.last_failure_kind == "overloaded"
    # A long outage keeps sliding down the ladder, through the probes' failures.
    assert agent_mode(agent=agent) == Mode.RULES_ONLY
    probes = LlmCall.objects.filter(purpose=LlmCall.Purpose.PROBE)
    assert probes.count() == 7
    assert set(probes.values_list("outcome", "error_class", "agent_id")) == {
        ("error", "overloaded", agent.pk)
    }


def test_a_successful_probe_steps_up_one_rung_and_is_in_the_ledger(agent, simulator):
    fail(agent, 5, now=T0)  # rules only
    now = T0 + PROBE_FIRST_SECONDS

    assert ladder_probes_claim(now=now) == [agent.pk]
    outcome = ladder_probe(agent_id=agent.pk, now=now)

    assert (outcome.status, outcome.mode) == ("succeeded", Mode.CACHED_AI)
    assert outcome.next_probe_in == PROBE_AFTER_SUCCESS_SECONDS  # the next rung is tried soon
    assert transitions(agent)[-1] == (Mode.RULES_ONLY, Mode.CACHED_AI)
    assert ModeTransition.objects.filter(agent=agent).first().reason == (
        "A recovery probe succeeded"
    )
    probe = LlmCall.objects.get(purpose=LlmCall.Purpose.PROBE)
    assert (probe.outcome, probe.agent_id, probe.model) == ("ok", agent.pk, agent.reply_model)
    assert probe.output_tokens <= 5

    now += PROBE_AFTER_SUCCESS_SECONDS
    assert ladder_probes_claim(now=now) == [agent.pk]
    assert ladder_probe(agent_id=agent.pk, now=now).mode == Mode.FULL_AI
    # Back on full AI: nothing left to probe.
    assert ladder_probes_claim(now=now + 3600) == []
    assert ladder_state(agent=agent).next_probe_at is None


def test_recovery_after_an_outage_ends_comes_from_the_probes(agent, simulator):
    simulator.update_config(outage=True)
    fail(agent, 2, now=T0)
    now = T0 + PROBE_FIRST_SECONDS
    ladder_probes_claim(now=now)
    failed = ladder_probe(agent_id=agent.pk, now=now)
    assert failed.status == "failed" and failed.mode == Mode.CACHED_AI

    simulator.update_config(outage=False)
    now += failed.next_probe_in
    assert ladder_probes_claim(now=now) == [agent.pk]
    recovered = ladder_probe(agent_id=agent.pk, now=now)

    assert (recovered.status, recovered.mode) == ("succeeded", Mode.FULL_AI)
    assert agent_mode(agent=agent) == Mode.FULL_AI
    assert Alert.objects.filter(agent=agent, kind=Alert.Kind.RECOVERED).count() == 1


def test_a_pinned_agent_is_not_probed_but_is_looked_at_again_soon(agent, operator, simulator):
    fail(agent, 2, now=T0)
    agent_pin(agent=agent, mode=Mode.RULES_ONLY, by=operator, reason="")
    now = T0 + PROBE_FIRST_SECONDS
    ladder_probes_claim(now=now)

    outcome = ladder_probe(agent_id=agent.pk, now=now)

    assert outcome.status == "pinned"
    assert outcome.next_probe_in == PROBE_FIRST_SECONDS
    assert not LlmCall.objects.exists()
    assert ladder_state(agent=agent).automatic_mode == Mode.CACHED_AI


def test_a_probe_for_an_agent_that_recovered_meanwhile_sends_nothing(agent, simulator):
    fail(agent, 2, now=T0)
    ladder_probes_claim(now=T0 + PROBE_FIRST_SECONDS)
    ladder_record_success(agent=agent)

    assert ladder_probe(agent_id=agent.pk).status == "not_degraded"
    assert not LlmCall.objects.exists()


def test_a_probe_for_a_deleted_agent_forgets_it(agent):
    fail(agent, 2, now=T0)
    agent_id = agent.pk
    agent.delete()
    assert ladder_probe(agent_id=agent_id).status == "missing"
    assert ladder_probes_claim(now=T0 + 3600) == []


def test_the_cron_job_sends_each_due_probe_as_a_background_job(
    agent, simulator, redis_client, settings
):
    from agents.jobs import probe_degraded_agents

    # Degraded an hour ago by the Redis clock, so the first probe is long due.
    seconds, micros = redis_client.time()
    fail(agent, 2, now=seconds + micros / 1e6 - 3600)

    assert probe_degraded_agents() == [agent.pk]
    queue = django_rq.get_queue(settings.BACKGROUND_QUEUE)
    assert queue.count == 1
    SimpleWorker([queue], connection=redis_client).work(burst=True)

    assert agent_mode(agent=agent) == Mode.FULL_AI
    assert LlmCall.objects.filter(purpose=LlmCall.Purpose.PROBE, outcome="ok").count() == 1
    assert probe_degraded_agents() == []
