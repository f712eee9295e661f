"""Fault drill: customers keep writing while the LLM API fails, goes down and comes back.

Everything is the real thing except the two upstreams we do not own: a scratch PostgreSQL
database (migrated, seeded with the demo business: knowledge base, agent, default rules,
active prompt), a scratch Redis database, 2-3 ``rqworker replies background
--with-scheduler`` processes and the ``rqcron config.cron`` scheduler (the sweeper and the
recovery probes), as the Procfile runs them. The Messages-API simulator runs in this process
with ~200 ms latency, and a local stand-in for Meta's Graph API counts every WhatsApp send
(a second stand-in takes the Slack alerts).

Customers (~30, English and Hebrew: prices, hours, greetings, booking) post signed WhatsApp
webhooks through Django's test client, evenly spread, through four phases:

1. warm-up: healthy, so the answer cache fills (15 s);
2. faults: 15% 529 + 15% 500 (40 s);
3. outage: every request 529 (40 s);
4. recovery: faults off until the agent is back to FULL_AI, or a timeout (120 s); traffic
   continues through its first 40 s.

Then it waits (bounded) until every customer message is answered, or sits in a conversation
handed to people whose customer has been told, and prints: answered / sent, answers by author
overall and per phase, customer-visible errors, time to degrade and to recover (from
``ModeTransition`` rows), the transitions, the LLM ledger by purpose and outcome. Targets: 0
customer-visible errors and 0 unanswered messages. As under ``make run``, the simulator
invents an unsupported claim in about one reply in five (``--hallucination-rate``, 0.03 per
kind), so the drill also shows replies held for review and fallbacks while the ladder works;
a held reply counts as answered (it waits for a reviewer, not for the LLM). Exits 0 unless the bench itself crashed
(``--strict``: exit 1 on a miss).

    python bench/faults.py [--messages 150] [--workers 3] [--strict]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/faults.py` as well as `python -m bench.faults`
    sys.path.insert(0, str(ROOT))

from bench.llm_budget import (  # noqa: E402 - needs ROOT on sys.path first
    DEFAULT_POSTGRES_ADMIN_URL,
    scratch_redis,
    setup_django,
    throwaway_database,
)

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/8"
APP_SECRET = "bench-faults-app-secret"
GRAPH_TOKEN = "EAAG-bench-faults"
LATENCY_JITTER_MS = 50
# The simulator's account limits (its tier-4-like defaults), told to the shared budget as a
# deployment would: this drill is about faults, not about running into the rate limit.
LLM_LIMITS = {
    "LLM_REQUESTS_PER_MINUTE": "4000",
    "LLM_INPUT_TOKENS_PER_MINUTE": "2000000",
    "LLM_OUTPUT_TOKENS_PER_MINUTE": "400000",
}
# Settings of ours the children must not inherit from the caller's shell.
STRIPPED_ENV_PREFIXES = (
    "ANTHROPIC_",
    "DATABASE_",
    "LLM_",
    "REDIS_",
    "REPLY_",
    "SLACK_",
    "SUMMARY_",
    "SWEEP_",
    "WHATSAPP_",
)
STRIPPED_ENV_NAMES = ("ALLOWED_HOSTS", "METRICS_TOKEN", "LOG_LEVEL", "DJANGO_SETTINGS_MODULE")
READY_TIMEOUT_SECONDS = 90
STOP_GRACE_SECONDS = 15

# What a customer must never read: our errors, the upstream's, a stack trace.
ERROR_LOOKING = re.compile(
    r"traceback|exception|\berror\b|internal server|overloaded|api_error|rate_limit|"
    r"status code|\bNone\b|שגיאה",
    re.IGNORECASE,
)

QUESTIONS = {
    "en": [
        "Hi!",
        "Hello, are you open today?",
        "How much is a women's haircut?",
        "What does a men's haircut cost?",
        "How much for a kids haircut? My son is 8",
        "What are your opening hours?",
        "Are you open on Friday?",
        "What time do you close on Thursday?",
        "Are you open on Saturday?",
        "I'd like to book a haircut for tomorrow at 10",
        "Can I book an appointment for Sunday afternoon?",
        "How long does hair colouring take?",
        "How much are highlights?",
        "Can I pay with Bit?",
        "Where are you located?",
        "Thanks!",
    ],
    "he": [
        "שלום",
        "היי, אתם פתוחים היום?",
        "כמה עולה תספורת גברים?",
        "מה המחיר של תספורת נשים?",
        "מה שעות הפתיחה?",
        "אתם פתוחים ביום שישי?",
        "אפשר לקבוע תור למחר בבוקר?",
        "כמה זמן לוקח צבע?",
        "תודה רבה",
    ],
}
FIRST_NAMES = [
    "Noa",
    "Dana",
    "Yossi",
    "Maya",
    "Avi",
    "Tamar",
    "Eitan",
    "Shira",
    "Omer",
    "Lior",
    "Roni",
    "Gal",
    "Yael",
    "Itai",
    "Michal",
    "Amit",
    "Hila",
    "Ido",
    "Noga",
    "Tal",
    "Adi",
    "Ori",
    "Neta",
    "Guy",
    "Inbar",
    "Erez",
    "Keren",
    "Nir",
    "Sivan",
    "Uri",
    "Dor",
    "Liat",
    "Ben",
    "Hadas",
    "Ziv",
]

PHASE_FAULTS = {
    "warm-up": {"error_rate_529": 0.0, "error_rate_500": 0.0, "outage": False},
    "faults": None,  # from the options
    "outage": {"error_rate_529": 0.0, "error_rate_500": 0.0, "outage": True},
    "recovery": {"error_rate_529": 0.0, "error_rate_500": 0.0, "outage": False},
}


# --------------------------------------------------------------------------- plan


@dataclass(frozen=True)
class Customer:
    wa_id: str
    name: str
    language: str


@dataclass(frozen=True)
class Planned:
    at: float  # seconds after the drill start
    customer: Customer
    text: str


def customers_for(count: int) -> list[Customer]:
    # About a third write in Hebrew.
    return [
        Customer(
            wa_id=f"97250{7000000 + index:07d}",
            name=FIRST_NAMES[index % len(FIRST_NAMES)],
            language="he" if index % 3 == 2 else "en",
        )
        for index in range(count)
    ]


def plan_traffic(
    *, messages: int, customers: list[Customer], duration: float, rng: random.Random
) -> list[Planned]:
    """``messages`` evenly spread over ``duration``; customers take turns (each round in a
    shuffled order), each asking a question of their language, never the same twice in a row."""
    plan: list[Planned] = []
    order: list[Customer] = []
    last: dict[str, str] = {}
    step = duration / messages
    for index in range(messages):
        if not order:
            order = customers[:]
            rng.shuffle(order)
        customer = order.pop()
        choices = [q for q in QUESTIONS[customer.language] if q != last.get(customer.wa_id)]
        text = rng.choice(choices)
        last[customer.wa_id] = text
        plan.append(
            Planned(at=index * step + rng.uniform(0, step / 2), customer=customer, text=text)
        )
    return plan


# --------------------------------------------------------------------------- child processes


@dataclass
class Child:
    name: str
    process: subprocess.Popen
    log: Path


def child_env(base: dict[str, str]) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(STRIPPED_ENV_PREFIXES) and key not in STRIPPED_ENV_NAMES
    }
    env.update(base)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def start_child(name: str, args: list[str], env: dict[str, str], log_dir: Path) -> Child:
    log = log_dir / f"{name}.log"
    with open(log, "wb") as handle:
        process = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=handle,
            stderr=subprocess.STDOUT,
            process_group=0,  # its own group: stopped with everything it forked (work horses)
        )
    return Child(name, process, log)


def stop_children(children: list[Child]) -> None:
    """SIGTERM to each child's process group (RQ: warm shutdown), then SIGKILL what is left."""
    for child in children:
        if child.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.process.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for child in children:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
    for child in children:
        # The group too: a work horse may outlive its worker.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.process.wait(timeout=5)


def wait_until_ready(children: list[Child], redis: Any, workers: int) -> None:
    from rq import Worker
    from rq.cron import CronScheduler

    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        dead = [c for c in children if c.process.poll() is not None]
        if dead:
            names = ", ".join(f"{c.name} (exit {c.process.returncode}, log {c.log})" for c in dead)
            raise RuntimeError(f"child process died while starting: {names}")
        if len(Worker.all(connection=redis)) >= workers and CronScheduler.all(redis):
            return
        time.sleep(0.5)
    raise RuntimeError(f"workers and cron scheduler not up within {READY_TIMEOUT_SECONDS}s")


# --------------------------------------------------------------------------- the drill


@dataclass
class Phase:
    name: str
    start: float  # seconds after the drill start, as it happened
    end: float = 0.0
    llm: dict[str, int] = field(default_factory=dict)  # simulator counters during the phase


@dataclass
class Posted:
    wamid: str
    at: float
    phase: str
    customer: Customer
    text: str


@dataclass
class Drill:
    t0: float  # wall clock at the drill start
    phases: list[Phase]
    posted: list[Posted]
    webhook_failures: list[str]
    settle_seconds: float
    settled: bool
    final_mode: str


def post_message(client: Any, *, phone_number_id: str, item: Planned, wamid: str) -> str | None:
    """Post one signed webhook; returns why it failed, or None."""
    from tests import whatsapp as wa

    message = wa.text_message(wamid=wamid, body=item.text, sender=item.customer.wa_id)
    contacts = [{"profile": {"name": item.customer.name}, "wa_id": item.customer.wa_id}]
    payload = wa.envelope(
        [wa.change(messages=[message], phone_number_id=phone_number_id, contacts=contacts)]
    )
    response = wa.post_signed(client, payload, secret=APP_SECRET)
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.content[:200]!r}"
    if response.json().get("stored") != 1:
        return f"not stored: {response.json()}"
    return None


def run_drill(*, args: argparse.Namespace, server: Any, agent: Any, children: list[Child]) -> Drill:
    from django.test import Client

    from agents.ladder import agent_mode
    from agents.models import Mode

    rng = random.Random(args.seed)
    customers = customers_for(args.customers)
    traffic = args.warmup + args.faults + args.outage + args.recovery_traffic
    plan = plan_traffic(messages=args.messages, customers=customers, duration=traffic, rng=rng)
    boundaries = [
        ("warm-up", 0.0),
        ("faults", args.warmup),
        ("outage", args.warmup + args.faults),
        ("recovery", args.warmup + args.faults + args.outage),
    ]
    faults = {"error_rate_529": args.rate_529, "error_rate_500": args.rate_500, "outage": False}
    client = Client(SERVER_NAME="localhost")
    phases: list[Phase] = []
    posted: list[Posted] = []
    failures: list[str] = []
    next_phase = 0
    sent = 0
    last_stats = server.stats_snapshot()
    last_tick = -10.0
    mode_checked = 0.0
    mode = Mode.FULL_AI
    t0 = time.time()
    print(
        f"[+0.0s] drill started: {len(plan)} messages over {traffic:.0f}s from "
        f"{len(customers)} customers",
        flush=True,
    )
    while True:
        now = time.time() - t0
        while next_phase < len(boundaries) and now >= boundaries[next_phase][1]:
            name = boundaries[next_phase][0]
            server.update_config(**(faults if name == "faults" else PHASE_FAULTS[name]))
            stats = server.stats_snapshot()
            if phases:
                phases[-1].end = now
                phases[-1].llm = _stats_delta(last_stats, stats)
            last_stats = stats
            phases.append(Phase(name=name, start=now))
            print(
                f"[+{now:.1f}s] phase {name}: simulator {_describe_faults(server.config)}; "
                f"agent in {agent_mode(agent=agent)}",
                flush=True,
            )
            next_phase += 1
        while sent < len(plan) and plan[sent].at <= now:
            item = plan[sent]
            wamid = f"wamid.BENCHFAULT{os.getpid()}x{sent:04d}"
            try:
                problem = post_message(
                    client, phone_number_id=agent.phone_number_id, item=item, wamid=wamid
                )
            except Exception as error:  # a 500 from the view is a finding, not a bench crash
                problem = f"{error.__class__.__name__}: {error}"
            if problem:
                failures.append(f"+{now:.1f}s {item.customer.wa_id}: {problem}")
            else:
                posted.append(Posted(wamid, now, phases[-1].name, item.customer, item.text))
            sent += 1
        if now - mode_checked >= 1.0:
            mode = agent_mode(agent=agent)
            mode_checked = now
        if now - last_tick >= 10.0:
            last_tick = now
            _progress(t0, posted, mode, children)
        if phases[-1].name == "recovery" and sent >= len(plan):
            recovered = mode == Mode.FULL_AI
            timed_out = now - phases[-1].start >= args.recovery_timeout
            if recovered or timed_out:
                phases[-1].end = now
                phases[-1].llm = _stats_delta(last_stats, server.stats_snapshot())
                why = "the agent is back in FULL_AI" if recovered else f"recovery timeout ({mode})"
                print(f"[+{now:.1f}s] traffic over and {why}", flush=True)
                break
        upcoming = [plan[sent].at] if sent < len(plan) else []
        if next_phase < len(boundaries):
            upcoming.append(boundaries[next_phase][1])
        wait = min(upcoming, default=now + 0.5) - (time.time() - t0)
        time.sleep(min(0.5, max(0.01, wait)))

    settle_start = time.time()
    settled = False
    while time.time() - settle_start < args.settle:
        outstanding = _outstanding(agent)
        if not outstanding:
            settled = True
            break
        if int(time.time() - settle_start) % 10 == 0:
            print(
                f"[+{time.time() - t0:.1f}s] waiting for {outstanding} customer messages or sends",
                flush=True,
            )
        time.sleep(1.0)
    settle_seconds = time.time() - settle_start
    print(
        f"[+{time.time() - t0:.1f}s] {'settled' if settled else 'gave up waiting'} after "
        f"{settle_seconds:.0f}s",
        flush=True,
    )
    return Drill(
        t0=t0,
        phases=phases,
        posted=posted,
        webhook_failures=failures,
        settle_seconds=settle_seconds,
        settled=settled,
        final_mode=str(agent_mode(agent=agent)),
    )


def _describe_faults(config: Any) -> str:
    if config.outage:
        return "outage (every request 529)"
    if config.error_rate_529 or config.error_rate_500:
        return f"{config.error_rate_529:.0%} 529 + {config.error_rate_500:.0%} 500"
    return "healthy"


def _stats_delta(before: dict[str, Any], after: dict[str, Any]) -> dict[str, int]:
    keys = ("requests", "ok", "overloaded", "server_errors", "rate_limited", "client_errors")
    return {key: after[key] - before[key] for key in keys}


def _progress(t0: float, posted: list[Posted], mode: Any, children: list[Child]) -> None:
    import django_rq

    from conversations.models import Message

    answered = Message.objects.filter(
        direction=Message.Direction.INBOUND, answered_by__isnull=False
    ).count()
    dead = [c.name for c in children if c.process.poll() is not None]
    # Jobs waiting to be picked up (not the delayed ones): a backlog here delays replies on
    # "replies" and recovery probes on "background".
    queued = ", ".join(
        f"{name} {django_rq.get_queue(name).count}" for name in ("replies", "background")
    )
    line = (
        f"[+{time.time() - t0:.1f}s] {len(posted)} sent, {answered} answered, agent in {mode}; "
        f"jobs queued: {queued}"
    )
    if dead:
        line += f"; DEAD: {', '.join(dead)}"
    print(line, flush=True)


def _outstanding(agent: Any) -> int:
    """Customer messages neither answered nor acknowledged, plus replies not sent yet."""
    from conversations.models import Message

    inbound = Message.objects.filter(
        conversation__agent=agent,
        direction=Message.Direction.INBOUND,
        needs_reply=True,
        answered_by__isnull=True,
    ).exclude(
        conversation__handed_off_at__isnull=False,
        conversation__handoff_notified_at__isnull=False,
    )
    unsent = Message.objects.filter(
        conversation__agent=agent,
        direction=Message.Direction.OUTBOUND,
        status=Message.Status.PENDING,
    )
    return inbound.count() + unsent.count()


# --------------------------------------------------------------------------- report


OUTCOMES = (
    "ai",
    "cached",
    "rules",
    "handoff notice",
    "fallback",
    "human",
    "left for people",
    "unanswered",
)


def reply_kind(reply: Any, agent: Any) -> str:
    from agents.selectors import agent_texts
    from conversations.models import Message

    if reply.author == Message.Author.FALLBACK:
        notices = {
            text for (kind, _), text in agent_texts(agent=agent).items() if kind == "handoff"
        }
        return "handoff notice" if reply.text in notices else "fallback"
    return str(reply.author)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(
    *,
    drill: Drill,
    agent: Any,
    graph: Any,
    slack: Any,
    redis: Any,
    children: list[Child],
    log_dir: Path,
) -> tuple[int, int]:
    """Print everything; returns (customer-visible errors, unanswered)."""
    import django_rq
    from django.db.models import Count, Sum
    from rq.registry import FailedJobRegistry

    from agents.models import LlmCall, Mode, ModeTransition
    from conversations.models import Message
    from monitoring.models import Alert

    t0 = drill.t0
    phase_of = {p.wamid: p.phase for p in drill.posted}
    inbound = list(
        Message.objects.filter(
            conversation__agent=agent, direction=Message.Direction.INBOUND
        ).select_related("answered_by", "conversation")
    )
    outbound = list(
        Message.objects.filter(
            conversation__agent=agent, direction=Message.Direction.OUTBOUND
        ).order_by("conversation_id", "created_at", "id")
    )
    sent = len(drill.posted)
    print("\n== fault drill: results ==")
    print(
        "phases: "
        + ", ".join(
            f"{p.name} +{p.start:.0f}s..+{p.end:.0f}s ({p.end - p.start:.0f}s)"
            for p in drill.phases
        )
    )
    print(
        f"messages sent: {sent} "
        f"({sum(1 for p in drill.posted if p.customer.language == 'he')} in Hebrew) from "
        f"{len({p.customer.wa_id for p in drill.posted})} customers; webhook failures: "
        f"{len(drill.webhook_failures)}; stored: {len(inbound)}"
    )
    for line in drill.webhook_failures[:5]:
        print(f"  webhook failure {line}")

    # What became of each customer message.
    by_phase: dict[str, Counter[str]] = defaultdict(Counter)
    latency: dict[str, list[float]] = defaultdict(list)
    # A refused webhook is a customer message the product never stored: Meta would retry it,
    # but here it counts as lost.
    errors: list[str] = [f"webhook failed: {line}" for line in drill.webhook_failures]
    held = 0
    for message in inbound:
        phase = phase_of.get(message.wamid or "", "?")
        reply = message.answered_by
        conversation = message.conversation
        if reply is not None:
            outcome = reply_kind(reply, agent)
            if reply.status == Message.Status.HELD:
                held += 1
            if reply.sent_at:
                latency[phase].append((reply.sent_at - message.created_at).total_seconds())
        elif conversation.handed_off_at and conversation.handoff_notified_at:
            outcome = "left for people"
        else:
            outcome = "unanswered"
            errors.append(
                f"unanswered, not acknowledged: {message.text!r} from {conversation.contact_id} "
                f"(+{message.created_at.timestamp() - t0:.1f}s)"
            )
        by_phase[phase][outcome] += 1
    answered = sum(1 for m in inbound if m.answered_by_id)
    acknowledged = sum(c["left for people"] for c in by_phase.values())
    unanswered = sum(c["unanswered"] for c in by_phase.values())
    print(
        f"answered / sent: {answered}/{sent} = {answered / sent if sent else 0:.1%}; "
        f"left for people after a handoff notice: {acknowledged}; unanswered: {unanswered}"
        + (f"; replies held for review: {held}" if held else "")
    )

    # Replies the customer saw (or should have).
    by_author = Counter(reply_kind(m, agent) for m in outbound)
    by_status = Counter(m.status for m in outbound)
    print(
        "replies by author: "
        + ", ".join(f"{k}={by_author[k]}" for k in OUTCOMES[:6] if by_author[k])
        + f" (total {len(outbound)}); by status: "
        + ", ".join(f"{k}={n}" for k, n in sorted(by_status.items()))
    )
    samples: dict[str, str] = {}
    for message in outbound:
        samples.setdefault(reply_kind(message, agent), message.text)
    for kind, text in samples.items():
        print(f"  e.g. {kind}: {' '.join(text.split())[:110]!r}")
    for message in outbound:
        if not message.text.strip() or ERROR_LOOKING.search(message.text):
            errors.append(f"reply looks like an error ({message.author}): {message.text[:120]!r}")
        if message.status == Message.Status.FAILED:
            errors.append(
                f"send failed ({message.error_code}: {message.error_title[:80]}): "
                f"{message.text[:60]!r}"
            )
        elif message.status == Message.Status.PENDING:
            errors.append(f"reply stored but never sent ({message.author}): {message.text[:60]!r}")

    # Customer messages by the phase they were sent in, and what answered them.
    columns = [o for o in OUTCOMES if any(c[o] for c in by_phase.values())]
    header = f"{'phase':<10} {'sent':>5} " + " ".join(f"{c:>{max(6, len(c))}}" for c in columns)
    print("\ncustomer messages by the phase they were sent in, and what answered them:")
    print(header + f" {'to customer p50/p95/max':>24}")
    for phase in [p.name for p in drill.phases]:
        counts = by_phase.get(phase, Counter())
        times = latency.get(phase, [])
        spread = (
            f"{statistics.median(times):.1f}/{_percentile(times, 0.95):.1f}/{max(times):.1f}s"
            if times
            else "-"
        )
        print(
            f"{phase:<10} {sum(counts.values()):>5} "
            + " ".join(f"{counts[c]:>{max(6, len(c))}}" for c in columns)
            + f" {spread:>24}"
        )

    # Sends as WhatsApp saw them.
    with_wamid = sum(1 for m in outbound if m.wamid)
    notices_repeated = 0
    previous: dict[int, str] = {}
    for message in outbound:
        kind = reply_kind(message, agent)
        if kind == "handoff notice" and previous.get(message.conversation_id) == kind:
            notices_repeated += 1
        previous[message.conversation_id] = kind
    print(
        f"\nWhatsApp (Graph API stub): {len(graph.requests)} sends for {with_wamid} replies "
        f"marked sent; duplicate sends: {max(0, len(graph.requests) - with_wamid)}; handoff "
        f"notices repeated without an answer between: {notices_repeated}"
    )
    if notices_repeated:
        errors.append(f"handoff notice repeated {notices_repeated} times")

    # The ladder.
    transitions = list(ModeTransition.objects.filter(agent=agent).order_by("created_at", "id"))
    starts = {p.name: p.start for p in drill.phases}
    print("\nmode transitions (time after the drill start):")
    for transition in transitions:
        at = transition.created_at.timestamp() - t0
        print(
            f"  +{at:6.1f}s [{_phase_at(drill.phases, at)}] {transition.from_mode} -> "
            f"{transition.to_mode}: {transition.reason}"
        )
    if not transitions:
        print("  (none)")
    rungs = [Mode.FULL_AI, Mode.CACHED_AI, Mode.RULES_ONLY, Mode.HUMAN_ONLY]
    outage = starts.get("outage")
    recovery = starts.get("recovery")
    early = [
        t
        for t in transitions
        if t.automatic
        and t.from_mode == Mode.FULL_AI
        and outage is not None
        and t.created_at.timestamp() - t0 < outage
    ]
    if early:
        print(
            f"degraded before the outage (during 30% faults) at "
            f"+{early[0].created_at.timestamp() - t0:.1f}s"
        )
    if outage is not None:
        after = [
            t for t in transitions if t.automatic and t.created_at.timestamp() - t0 >= outage - 0.5
        ]
        first_down = next(
            (t for t in after if rungs.index(t.to_mode) > rungs.index(t.from_mode)), None
        )
        to_human = next((t for t in after if t.to_mode == Mode.HUMAN_ONLY), None)
        print(
            "time to degrade (outage start -> first automatic step down): "
            + (
                f"{first_down.created_at.timestamp() - t0 - outage:.1f}s ({first_down.to_mode})"
                if first_down
                else "never"
            )
            + "; -> HUMAN_ONLY: "
            + (
                f"{to_human.created_at.timestamp() - t0 - outage:.1f}s"
                if to_human
                else f"not reached (needs {agent.human_after_failures} consecutive failures)"
            )
        )
        lowest = max(
            (
                rungs.index(t.to_mode)
                for t in after
                if t.created_at.timestamp() - t0 < (recovery or 1e12)
            ),
            default=0,
        )
        print(f"lowest rung during the outage: {rungs[lowest]}")
    if recovery is not None:
        back = next(
            (
                t
                for t in transitions
                if t.to_mode == Mode.FULL_AI and t.created_at.timestamp() - t0 >= recovery
            ),
            None,
        )
        print(
            "time to recover (faults off -> FULL_AI): "
            + (f"{back.created_at.timestamp() - t0 - recovery:.1f}s" if back else "not recovered")
            + f"; agent now in {drill.final_mode}"
        )

    # The LLM, as the ledger and the simulator saw it.
    print("\nLLM ledger (purpose, outcome, error class: calls, attempts):")
    rows = (
        LlmCall.objects.filter(agent_id=agent.pk)
        .values_list("purpose", "outcome", "error_class")
        .annotate(n=Count("id"), attempts=Sum("attempts"))
        .order_by("purpose", "outcome", "error_class")
    )
    for purpose, outcome, error_class, n, attempts in rows:
        label = f"{purpose} {outcome}" + (f" ({error_class})" if error_class else "")
        print(f"  {label:<36} {n:>5} calls {attempts:>5} attempts")
    probes = LlmCall.objects.filter(agent_id=agent.pk, purpose=LlmCall.Purpose.PROBE).order_by(
        "created_at"
    )
    if probes:
        print(
            "  probes at: "
            + ", ".join(
                f"+{p.created_at.timestamp() - t0:.0f}s {'ok' if p.outcome == 'ok' else 'fail'}"
                for p in probes
            )
        )
    print("simulator by phase (requests: ok / 529 / 500):")
    for phase in drill.phases:
        llm = phase.llm
        print(
            f"  {phase.name:<10} {llm.get('requests', 0):>5}: {llm.get('ok', 0)} / "
            f"{llm.get('overloaded', 0)} / {llm.get('server_errors', 0)}"
        )

    # Operations: alerts and failed jobs.
    # The agent's own (degraded / recovered) and its business's (metric alert rules).
    raised = Alert.objects.filter(business=agent.business).order_by("created_at", "id")
    alerts = Counter(raised.values_list("kind", flat=True))
    print(f"\nalerts: {dict(alerts) or 'none'}; Slack stub received {len(slack.requests)} posts")
    for alert in raised.filter(kind__in=[Alert.Kind.METRIC, Alert.Kind.METRIC_OK]):
        print(f"  {alert.get_kind_display()}: {alert.title}")
    for name in ("replies", "background"):
        registry = FailedJobRegistry(queue=django_rq.get_queue(name))
        ids = registry.get_job_ids()
        print(f"failed RQ jobs on {name!r}: {len(ids)}")
        for job in django_rq.get_queue(name).job_class.fetch_many(ids[:3], connection=redis):
            if job is not None:
                last = (job.exc_info or "").strip().splitlines()[-1:] or ["?"]
                print(f"  {job.func_name}: {last[0][:160]}")
    tracebacks = sum(_read(child.log).count("Traceback") for child in children)
    print(f"tracebacks in worker/cron logs: {tracebacks} (logs in {log_dir})")

    print(f"\ncustomer-visible errors: {len(errors)}")
    for line in errors[:10]:
        print(f"  {line}")
    if len(errors) > 10:
        print(f"  ... and {len(errors) - 10} more")
    return len(errors), unanswered


def _phase_at(phases: list[Phase], at: float) -> str:
    name = phases[0].name if phases else "?"
    for phase in phases:
        if at >= phase.start:
            name = phase.name
    return name if not phases or at <= phases[-1].end else "after"


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=150, help="customer messages (150)")
    parser.add_argument("--customers", type=int, default=30, help="different customers (30)")
    parser.add_argument("--workers", type=int, default=3, help="rqworker processes (3)")
    parser.add_argument("--warmup", type=float, default=15.0, help="healthy phase, s (15)")
    parser.add_argument("--faults", type=float, default=40.0, help="faults phase, s (40)")
    parser.add_argument("--outage", type=float, default=40.0, help="outage phase, s (40)")
    parser.add_argument(
        "--recovery-traffic",
        type=float,
        default=40.0,
        help="seconds of traffic into the recovery phase (40)",
    )
    parser.add_argument(
        "--recovery-timeout",
        type=float,
        default=120.0,
        help="the recovery phase ends when the agent is back in FULL_AI or after this (120)",
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=120.0,
        help="then wait at most this long for every message to be answered (120)",
    )
    parser.add_argument("--rate-529", type=float, default=0.15, help="faults phase 529 rate")
    parser.add_argument("--rate-500", type=float, default=0.15, help="faults phase 500 rate")
    parser.add_argument("--latency-ms", type=int, default=200, help="simulator latency (200)")
    parser.add_argument("--seed", type=int, default=7, help="traffic and fault injection")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        help=f"scratch Redis database, flushed (default {DEFAULT_REDIS_URL}; never db 0)",
    )
    parser.add_argument(
        "--postgres-admin-url",
        default=os.environ.get("BENCH_POSTGRES_ADMIN_URL", DEFAULT_POSTGRES_ADMIN_URL),
        help="where to CREATE/DROP the scratch database",
    )
    parser.add_argument(
        "--ladder",
        default="",
        metavar="C/R/H",
        help="the agent's failure thresholds for CACHED_AI/RULES_ONLY/HUMAN_ONLY "
        "(default: the product's, 2/5/10)",
    )
    parser.add_argument(
        "--straight-to-full",
        action="store_true",
        help="set the agent's recover_straight_to_full (default: one rung per probe)",
    )
    parser.add_argument(
        "--hallucination-rate",
        type=float,
        default=0.03,
        help="the simulator's invented-claim rate per kind, as under make run (0.03; 0: honest)",
    )
    parser.add_argument("--keep-logs", action="store_true", help="keep the log directory")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.messages < 1 or args.customers < 1 or not 1 <= args.workers <= 8:
        parser.error("--messages and --customers must be positive, --workers 1..8")
    if not 0 <= args.hallucination_rate <= 1:
        parser.error("--hallucination-rate must be between 0 and 1")
    if args.ladder:
        try:
            args.ladder = tuple(int(part) for part in args.ladder.split("/"))
        except ValueError:
            args.ladder = ()
        if len(args.ladder) != 3 or not 0 < args.ladder[0] <= args.ladder[1] <= args.ladder[2]:
            parser.error("--ladder: three increasing positive numbers, e.g. 2/3/4")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    redis = scratch_redis(args.redis_url)
    redis.flushdb()

    # Ctrl-C, SIGTERM and SIGHUP all clean up (SIGINT explicitly: a shell's background job
    # starts with it ignored).
    def interrupted(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupted)

    from agents.llm.simulator import SimulatorConfig, serve
    from tests.stubs import HttpStub, graph_api_stub

    server = serve(
        port=0,
        config=SimulatorConfig(
            latency_ms=args.latency_ms,
            latency_jitter_ms=LATENCY_JITTER_MS,
            seed=args.seed,
            hallucination_rate=args.hallucination_rate,
        ),
    )
    graph = graph_api_stub()
    slack = HttpStub(default=lambda: (200, "ok"))
    log_dir = Path(tempfile.mkdtemp(prefix="switchboard-faults-"))
    children: list[Child] = []
    errors = unanswered = 0
    try:
        with throwaway_database("postgres", args.postgres_admin_url) as database_url:
            env = {
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "DEBUG": "1",
                "LOG_LEVEL": "WARNING",
                "DATABASE_URL": database_url,
                "REDIS_URL": args.redis_url,
                "ANTHROPIC_API_KEY": "bench",
                "ANTHROPIC_BASE_URL": server.base_url,
                "WHATSAPP_ACCESS_TOKEN": GRAPH_TOKEN,
                "WHATSAPP_API_URL": graph.url + "/v23.0",
                "SLACK_ALERTS_WEBHOOK": slack.url + "/services/bench",
                "REPLY_DEBOUNCE_SECONDS": "1",
                "SWEEP_AFTER_SECONDS": "20",
                **LLM_LIMITS,
            }
            for key in list(os.environ):
                if key.startswith(STRIPPED_ENV_PREFIXES) or key in STRIPPED_ENV_NAMES:
                    del os.environ[key]
            # This process posts the webhooks, so it knows the app secret; the workers do not.
            setup_django({**env, "WHATSAPP_APP_SECRET": APP_SECRET})
            from django.core.management import call_command

            from agents.models import Agent, Rule
            from prompts_app.management.commands.seed_demo import DEMO_PHONE_NUMBER_ID

            call_command("seed_demo", stdout=io.StringIO())
            agent = Agent.objects.select_related("business").get(
                phone_number_id=DEMO_PHONE_NUMBER_ID
            )
            if args.ladder or args.straight_to_full:
                if args.ladder:
                    (
                        agent.cached_after_failures,
                        agent.rules_after_failures,
                        agent.human_after_failures,
                    ) = args.ladder
                agent.recover_straight_to_full = args.straight_to_full
                agent.save()
            print(
                f"fault drill: {args.messages} messages from {args.customers} customers; "
                f"{args.workers} rqworker processes + rqcron; simulator {server.base_url} "
                f"latency {args.latency_ms}+-{LATENCY_JITTER_MS} ms; Redis {args.redis_url}; "
                f"database {database_url.rsplit('/', 1)[-1]}; agent {agent.name!r} "
                f"(ladder {agent.cached_after_failures}/{agent.rules_after_failures}/"
                f"{agent.human_after_failures}, straight to full: "
                f"{agent.recover_straight_to_full}); "
                f"{Rule.objects.filter(business=agent.business).count()} rules",
                flush=True,
            )
            print(
                f"worker and cron logs: {log_dir} (removed after a PASS unless --keep-logs)",
                flush=True,
            )
            children_env = child_env(env)
            for index in range(args.workers):
                children.append(
                    start_child(
                        f"worker-{index + 1}",
                        ["rqworker", "replies", "background", "--with-scheduler"],
                        children_env,
                        log_dir,
                    )
                )
            children.append(start_child("cron", ["rqcron", "config.cron"], children_env, log_dir))
            wait_until_ready(children, redis, args.workers)
            drill = run_drill(args=args, server=server, agent=agent, children=children)
            stop_children(children)
            exits = ", ".join(f"{c.name}={c.process.returncode}" for c in children)
            print(f"children stopped (exit codes {exits})", flush=True)
            errors, unanswered = report(
                drill=drill,
                agent=agent,
                graph=graph,
                slack=slack,
                redis=redis,
                children=children,
                log_dir=log_dir,
            )
    except KeyboardInterrupt:
        print("\ninterrupted: cleaning up", file=sys.stderr)
        return 130
    finally:
        stop_children(children)
        server.shutdown()
        graph.shutdown()
        slack.shutdown()
        with contextlib.suppress(Exception):
            redis.flushdb()
    passed = errors == 0 and unanswered == 0
    print(
        f"\n{'PASS' if passed else 'MISS'}: {errors} customer-visible errors, {unanswered} "
        "unanswered customer messages (targets: 0 and 0)"
    )
    if not args.keep_logs and passed:
        for path in log_dir.iterdir():
            path.unlink()
        log_dir.rmdir()
    return 0 if passed or not args.strict else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SystemExit:
        raise
    except BaseException:
        traceback.print_exc()
        sys.exit(2)
