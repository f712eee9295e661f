"""Shared LLM budget vs retries alone: upstream 429s and how much of the limit gets used.

Starts the Messages-API simulator in this process with an account limit (120 requests/min by
default, generous token limits, ~150 ms latency), then runs N worker processes (default 4)
that call the real gateway, ``agents.llm.gateway.llm_call``, as fast as they can for
``--seconds`` (default 60), against the real Redis (a scratch database, flushed) and a
throwaway ledger database. Demand (4 workers x ~6 calls/s) is far above the limit (2/s).

Two runs, in this order, in this process:

* ``budget``: ``LLM_BUDGET_ENABLED=1``, the account-wide token buckets in Redis;
* ``baseline``: ``LLM_BUDGET_ENABLED=0``, every worker just calls, and the gateway's retry
  policy deals with the 429s ("retries alone").

Both the simulator's buckets and ours start full, so the first seconds of a run include a
burst nobody can sustain. The figure that matters is the steady-state one: successful calls
completed after ``LLM_BUDGET_BURST_SECONDS + 5`` seconds, per minute, divided by the limit.
The whole-run figure is printed too, labelled as such.

Target (issue 3): 0 upstream 429s and at least 97% of the limit used, steady state. The bench
reports and exits 0 whether or not the target is met (``--strict``: exit 1 on a miss); it
exits non-zero when something crashed.

    make bench-budget
    .venv/bin/python -m bench.llm_budget --seconds 60 --workers 4 [--scenario all] [--strict]
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import multiprocessing as mp
import os
import queue
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/llm_budget.py` as well as `python -m bench...`
    sys.path.insert(0, str(ROOT))

MODEL = "claude-haiku-4-5"
MAX_TOKENS = 300
LATENCY_MS = 150
LATENCY_JITTER_MS = 30
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
DEFAULT_POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
TARGET_UTILISATION = 0.97
READY_TIMEOUT_SECONDS = 120
DRAIN_TIMEOUT_SECONDS = 120

ESCALATION = "Thanks for asking! A member of our team will get back to you shortly."

# What customers of a hair salon ask on WhatsApp; some answerable from the knowledge base,
# some not (the simulator answers with the escalation text then).
QUESTIONS = [
    "Hi, how much is a women's haircut?",
    "Are you open on Friday?",
    "What time do you close on Thursday?",
    "How long does highlights take and what does it cost?",
    "Can I pay with Bit?",
    "Do you do keratin straightening? Price?",
    "Where exactly are you? Is there parking?",
    "I want to book a men's haircut for tomorrow at 10",
    "Do you have gift cards?",
    "How much for a kids haircut, my son is 8",
    "Can I cancel my appointment for tomorrow morning?",
    "Is Dana available for colour next week?",
    "Do you sell hair products?",
    "מה שעות הפתיחה ביום שישי?",
]
HISTORY = [
    {"role": "user", "content": "Hello! I found you on Instagram."},
    {
        "role": "assistant",
        "content": "Hi and welcome to Salon Dana! How can I help you today?",
    },
]


@dataclass(frozen=True)
class Scenario:
    name: str
    binding: str  # "requests" or "input_tokens": the limit the demand runs into
    rpm: int
    input_tpm: int
    output_tpm: int

    @property
    def limit(self) -> int:
        return self.rpm if self.binding == "requests" else self.input_tpm

    @property
    def unit(self) -> str:
        return "requests" if self.binding == "requests" else "input tokens"


SCENARIOS = {
    # The scenario: requests/min binds, tokens are plentiful.
    "requests": Scenario("requests", "requests", rpm=120, input_tpm=2_000_000, output_tpm=400_000),
    # Input tokens/min binds (~75 calls/min of ~800 tokens), requests are plentiful: tests the
    # estimate before the call and the reconciliation with usage after it.
    "input-tokens": Scenario(
        "input-tokens", "input_tokens", rpm=4_000, input_tpm=60_000, output_tpm=400_000
    ),
}


# --------------------------------------------------------------------------- worker process


def system_prompt() -> str:
    """The reply prompt as production renders it: template version 1 + the demo knowledge base."""
    from prompts_app.defaults import DEFAULT_SYSTEM_PROMPT
    from prompts_app.management.commands.seed_demo import BUSINESS_NAME, KNOWLEDGE_BASE

    return DEFAULT_SYSTEM_PROMPT.format(
        business=BUSINESS_NAME,
        knowledge_base=KNOWLEDGE_BASE.strip(),
        escalation=ESCALATION,
        language="English",
    )


def conversation(rng: random.Random) -> list[dict[str, str]]:
    question = {"role": "user", "content": rng.choice(QUESTIONS)}
    return [*HISTORY, question] if rng.random() < 0.5 else [question]


def _worker(
    index: int,
    env: dict[str, str],
    seconds: float,
    start: Any,  # multiprocessing.Value("d"): the run's start, wall clock
    go: Any,  # multiprocessing.Event
    results: Any,  # multiprocessing.Queue
) -> None:
    """One worker: loops through the real gateway until the deadline; reports every call."""
    try:
        os.environ.update(env)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        logging.disable(logging.WARNING)  # the gateway logs every retry; the ledger counts them
        from django.db import connection

        from agents.llm.client import LlmUnavailable, get_client
        from agents.llm.gateway import llm_call

        _tune_sqlite()
        system = system_prompt()
        rng = random.Random(index)
        get_client()  # the SDK client and the DB connection are made before the clock starts
        connection.ensure_connection()
        results.put(("ready", index, None))
        go.wait()
        deadline = start.value + seconds
        # (completed at, "ok" or the error kind, input tokens counted toward the limit)
        records: list[tuple[float, str, int]] = []
        while time.time() < deadline:
            try:
                response = llm_call(
                    purpose="reply",
                    model=MODEL,
                    system=system,
                    messages=conversation(rng),
                    max_tokens=MAX_TOKENS,
                )
            except LlmUnavailable as error:
                records.append((time.time(), error.kind, 0))
                continue
            counted = response.input_tokens + response.cache_creation_input_tokens
            records.append((time.time(), "ok", counted))
        connection.close()
        results.put(("done", index, records))
    except BaseException:
        results.put(("crash", index, traceback.format_exc()))
        raise


def _tune_sqlite() -> None:
    """Several processes write the ledger: with SQLite, wait for the lock instead of failing."""
    from django.db import connections

    settings_dict = connections["default"].settings_dict
    if settings_dict["ENGINE"].endswith("sqlite3"):
        settings_dict.setdefault("OPTIONS", {})["timeout"] = 30


# --------------------------------------------------------------------------- one run


@dataclass
class RunResult:
    scenario: Scenario
    mode: str
    seconds: float
    warmup: float
    upstream: dict[str, Any]
    ok_events: list[tuple[float, int]] = field(default_factory=list)  # (offset s, input tokens)
    failures: Counter[str] = field(default_factory=Counter)
    late: int = 0  # successes completed after the deadline (started before it)
    ledger: dict[str, Any] = field(default_factory=dict)
    estimate_ratio: float | None = None

    @property
    def requests(self) -> int:
        return self.upstream["requests"]

    @property
    def rate_limited(self) -> int:
        return self.upstream["rate_limited"]

    @property
    def rate_limited_share(self) -> float:
        return self.rate_limited / self.requests if self.requests else 0.0

    def per_minute(self, begin: float, end: float) -> float:
        """Of the binding dimension, over successes completed in (begin, end]."""
        amount = sum(
            1 if self.scenario.binding == "requests" else tokens
            for at, tokens in self.ok_events
            if begin < at <= end
        )
        return amount * 60 / (end - begin)

    @property
    def whole_ratio(self) -> float:
        return self.per_minute(0.0, self.seconds) / self.scenario.limit

    @property
    def steady_ratio(self) -> float:
        return self.per_minute(self.warmup, self.seconds) / self.scenario.limit


def run_once(
    *,
    ctx: Any,
    server: Any,
    scratch: Any,
    scenario: Scenario,
    mode: str,
    env: dict[str, str],
    args: argparse.Namespace,
) -> RunResult:
    from django.db.models import Count, Sum

    from agents.models import LlmCall

    LlmCall.objects.all().delete()
    child_env = {**env, "LLM_BUDGET_ENABLED": "1" if mode == "budget" else "0"}
    start = ctx.Value("d", 0.0)
    go = ctx.Event()
    results = ctx.Queue()
    workers = [
        ctx.Process(
            target=_worker,
            args=(index, child_env, args.seconds, start, go, results),
            name=f"llm-budget-bench-{mode}-{index}",
        )
        for index in range(args.workers)
    ]
    for process in workers:
        process.start()
    try:
        _collect(results, workers, "ready", READY_TIMEOUT_SECONDS)
        scratch.flushdb()  # a fresh budget and a fresh upstream: both start full
        server.reset()
        t0 = time.time()
        start.value = t0
        go.set()
        done = _collect(results, workers, "done", args.seconds + DRAIN_TIMEOUT_SECONDS)
        for process in workers:
            process.join(timeout=30)
    finally:
        for process in workers:
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
    result = RunResult(
        scenario=scenario,
        mode=mode,
        seconds=args.seconds,
        warmup=args.warmup,
        upstream=server.stats_snapshot(),
    )
    for records in done.values():
        for at, kind, tokens in records:
            if kind != "ok":
                result.failures[kind] += 1
            elif at - t0 <= args.seconds:
                result.ok_events.append((at - t0, tokens))
            else:
                result.late += 1
    ratios = scratch.lrange(f"switchboard:llm-budget:{scenario_class()}:estimate-ratio", 0, -1)
    if ratios:
        result.estimate_ratio = sum(float(r) for r in ratios) / len(ratios)
    calls = LlmCall.objects.all()
    result.ledger = {
        "calls": calls.count(),
        "ok": calls.filter(outcome=LlmCall.Outcome.OK).count(),
        "attempts": calls.aggregate(total=Sum("attempts"))["total"] or 0,
        "errors": dict(
            calls.exclude(outcome=LlmCall.Outcome.OK)
            .values_list("error_class")
            .annotate(n=Count("id"))
            .order_by("-n")
        ),
    }
    return result


def scenario_class() -> str:
    from agents.llm.budget import model_class

    return model_class(MODEL)


def _collect(results: Any, workers: list[Any], kind: str, timeout: float) -> dict[int, Any]:
    """Wait for one ``kind`` message from every worker; a crash or a silent death is fatal."""
    received: dict[int, Any] = {}
    deadline = time.monotonic() + timeout
    while len(received) < len(workers):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RuntimeError(f"workers did not report {kind!r} within {timeout:.0f}s")
        try:
            message, index, payload = results.get(timeout=min(1.0, remaining))
        except queue.Empty:
            dead = [p for i, p in enumerate(workers) if i not in received and not p.is_alive()]
            if dead and results.empty():
                codes = ", ".join(f"{p.name} exit {p.exitcode}" for p in dead)
                raise RuntimeError(f"worker died before reporting {kind!r}: {codes}") from None
            continue
        if message == "crash":
            raise RuntimeError(f"worker {index} crashed:\n{payload}")
        if message == kind:
            received[index] = payload
    return received


# --------------------------------------------------------------------------- report


def print_run(result: RunResult) -> None:
    tag = f"[{result.scenario.name}/{result.mode}]"
    up = result.upstream
    ok = len(result.ok_events) + result.late
    failed = sum(result.failures.values())
    print(
        f"{tag} upstream: {up['requests']} requests, {up['rate_limited']} 429s "
        f"({result.rate_limited_share:.1%}), {up['ok']} ok, max {up['max_in_flight']} in flight"
    )
    failures = ", ".join(f"{k}={n}" for k, n in result.failures.most_common()) or "none"
    print(
        f"{tag} calls: {ok + failed} made, {ok} succeeded ({result.late} after the deadline), "
        f"{failed} failed after retries ({failures})"
    )
    unit, limit = result.scenario.unit, result.scenario.limit
    whole = result.per_minute(0.0, result.seconds)
    steady = result.per_minute(result.warmup, result.seconds)
    print(
        f"{tag} whole run (0-{result.seconds:.0f}s, includes the start-up burst): "
        f"{whole:,.1f} {unit}/min = {result.whole_ratio:.2f} x limit {limit:,}"
    )
    print(
        f"{tag} steady state ({result.warmup:.0f}-{result.seconds:.0f}s): "
        f"{steady:,.1f} {unit}/min = {result.steady_ratio:.3f} x limit {limit:,}"
    )
    ledger = result.ledger
    errors = ", ".join(f"{k}={n}" for k, n in ledger["errors"].items()) or "none"
    line = (
        f"{tag} ledger: {ledger['calls']} calls recorded, {ledger['ok']} ok, "
        f"{ledger['attempts']} attempts, errors by class: {errors}"
    )
    if result.estimate_ratio is not None:
        line += f"; input tokens actual/uncalibrated estimate {result.estimate_ratio:.3f}"
    print(line, flush=True)


def summary_line(result: RunResult) -> str:
    failed = sum(result.failures.values())
    calls = failed + len(result.ok_events) + result.late
    return (
        f"{result.mode}: 429s={result.rate_limited} ({result.rate_limited_share:.1%}), "
        f"steady rate/limit={result.steady_ratio:.3f}, whole-run rate/limit="
        f"{result.whole_ratio:.2f}, requests sent={result.requests}, calls failed after "
        f"retries={failed} ({failed / calls if calls else 0:.1%})"
    )


def verdict(result: RunResult) -> tuple[bool, str]:
    passed = result.rate_limited == 0 and result.steady_ratio >= TARGET_UTILISATION
    word = "PASS" if passed else "FAIL"
    return passed, (
        f"{word} [{result.scenario.name}]: budget run had {result.rate_limited} upstream 429s "
        f"and used {result.steady_ratio:.1%} of the limit in steady state "
        f"(target: 0 and >= {TARGET_UTILISATION:.0%})"
    )


# --------------------------------------------------------------------------- resources


def scratch_redis(url: str) -> Any:
    import redis

    connection = redis.Redis.from_url(url)
    db = int(connection.connection_pool.connection_kwargs.get("db") or 0)
    if db == 0:
        raise SystemExit(f"refusing to flush Redis database 0 ({url}); give a scratch database")
    connection.ping()
    return connection


@contextlib.contextmanager
def throwaway_database(kind: str, admin_url: str):
    """Yield a DATABASE_URL for a database created for this run; remove it afterwards."""
    if kind in ("auto", "postgres"):
        try:
            import psycopg

            admin = psycopg.connect(admin_url, autocommit=True, connect_timeout=3)
        except Exception as error:
            if kind == "postgres":
                raise
            print(f"PostgreSQL unreachable ({error.__class__.__name__}); using SQLite")
        else:
            name = f"switchboard_bench_{os.getpid()}"
            parts = urlsplit(admin_url)
            url = parts._replace(path=f"/{name}").geturl()
            with admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
                admin.execute(f'CREATE DATABASE "{name}"')
                try:
                    yield url
                finally:
                    from django.db import connections

                    connections.close_all()
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
    directory = tempfile.mkdtemp(prefix="switchboard-bench-")
    try:
        yield f"sqlite:///{directory}/bench.sqlite3"
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(directory, ignore_errors=True)


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    _tune_sqlite()
    call_command("migrate", verbosity=0, interactive=False)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # readers and a writer at once, from 4 processes
            cursor.execute("PRAGMA journal_mode=WAL")


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="per run (default 60)")
    parser.add_argument("--workers", type=int, default=4, help="worker processes (default 4)")
    parser.add_argument(
        "--scenario",
        choices=[*SCENARIOS, "all"],
        default="requests",
        help="which limit binds: requests/min (default), input tokens/min, or both in turn",
    )
    parser.add_argument(
        "--warmup",
        type=float,
        default=None,
        help="seconds left out of the steady-state figure (default LLM_BUDGET_BURST_SECONDS+5)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        help=f"scratch Redis database, flushed (default {DEFAULT_REDIS_URL}; never db 0)",
    )
    parser.add_argument(
        "--db",
        choices=("auto", "postgres", "sqlite"),
        default="auto",
        help="ledger database: a scratch PostgreSQL database, else a temporary SQLite file",
    )
    parser.add_argument(
        "--postgres-admin-url",
        default=os.environ.get("BENCH_POSTGRES_ADMIN_URL", DEFAULT_POSTGRES_ADMIN_URL),
        help="where to CREATE/DROP the scratch database",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args(argv)
    if args.workers < 1 or args.seconds <= 0:
        parser.error("--workers and --seconds must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    scratch = scratch_redis(args.redis_url)
    scenarios = list(SCENARIOS.values()) if args.scenario == "all" else [SCENARIOS[args.scenario]]
    from agents.llm.simulator import SimulatorConfig, serve, uniform_limits

    first = scenarios[0]
    server = serve(
        port=0,
        config=SimulatorConfig(
            limits=uniform_limits(rpm=first.rpm, input_tpm=first.input_tpm),
            latency_ms=LATENCY_MS,
            latency_jitter_ms=LATENCY_JITTER_MS,
            seed=7,
        ),
    )
    ctx = mp.get_context("spawn")  # the simulator's threads live here: do not fork them
    verdicts: list[tuple[bool, str]] = []
    comparisons: list[str] = []
    try:
        with throwaway_database(args.db, args.postgres_admin_url) as database_url:
            env = {
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "DEBUG": "1",
                "LOG_LEVEL": "ERROR",
                "DATABASE_URL": database_url,
                "REDIS_URL": args.redis_url,
                "ANTHROPIC_API_KEY": "bench",
                "ANTHROPIC_BASE_URL": server.base_url,
            }
            setup_django(env)
            from django.conf import settings

            if args.warmup is None:
                args.warmup = settings.LLM_BUDGET_BURST_SECONDS + 5.0
            if args.seconds < args.warmup + 30:
                print(
                    f"note: {args.seconds:.0f}s runs are short for a steady-state figure: the "
                    "upstream's bucket holds a full minute and the start-up burst dominates; "
                    "use --seconds 60 or more for figures worth quoting"
                )
            args.warmup = min(args.warmup, args.seconds / 2)
            print(
                f"llm_budget bench: {args.workers} worker processes x {args.seconds:.0f}s per run, "
                f"model {MODEL}, max_tokens {MAX_TOKENS}, simulator latency "
                f"{LATENCY_MS}+-{LATENCY_JITTER_MS} ms, Redis {args.redis_url}, ledger in "
                f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, budget burst "
                f"{settings.LLM_BUDGET_BURST_SECONDS}s, steady state from "
                f"{args.warmup:.0f}s",
                flush=True,
            )
            for scenario in scenarios:
                server.update_config(
                    rpm=scenario.rpm,
                    input_tpm=scenario.input_tpm,
                    output_tpm=scenario.output_tpm,
                )
                scenario_env = {
                    **env,
                    "LLM_REQUESTS_PER_MINUTE": str(scenario.rpm),
                    "LLM_INPUT_TOKENS_PER_MINUTE": str(scenario.input_tpm),
                    "LLM_OUTPUT_TOKENS_PER_MINUTE": str(scenario.output_tpm),
                }
                print(
                    f"\n== scenario {scenario.name}: {scenario.unit}/min binds; limits "
                    f"{scenario.rpm:,} requests, {scenario.input_tpm:,} input tokens, "
                    f"{scenario.output_tpm:,} output tokens per minute ==",
                    flush=True,
                )
                runs = {}
                for mode in ("budget", "baseline"):
                    runs[mode] = run_once(
                        ctx=ctx,
                        server=server,
                        scratch=scratch,
                        scenario=scenario,
                        mode=mode,
                        env=scenario_env,
                        args=args,
                    )
                    print_run(runs[mode])
                comparisons.append(f"-- {scenario.name} ({scenario.unit}/min binds) --")
                comparisons += [summary_line(runs["budget"]), summary_line(runs["baseline"])]
                verdicts.append(verdict(runs["budget"]))
    finally:
        server.shutdown()
        with contextlib.suppress(Exception):
            scratch.flushdb()
    print("\n== comparison ==")
    for line in comparisons:
        print(line)
    for _, line in verdicts:
        print(line)
    passed = all(ok for ok, _ in verdicts)
    return 0 if passed or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
