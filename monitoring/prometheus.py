"""The /metrics endpoint's body, in Prometheus's text exposition format (version 0.0.4).

Counters are lifetime totals straight from the database (Prometheus computes rates); gauges
are the state now. The business figures of the metrics page (conversations, what they came
to, and the rates) are gauges over its 24-hour and 7-day windows, computed by the very same
``metrics_for_businesses``, so a Grafana panel and the page never disagree. Labels carry
business slugs and agent ids, never customer data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import django_rq
from django.conf import settings
from django.db.models import Count, Q, Sum
from django.utils import timezone

from agents.models import Agent, Business, LlmCall
from conversations.models import Conversation, Lead, Message, Review
from monitoring.metrics import BusinessMetrics, metrics_for_businesses
from monitoring.models import MetricAlertRule

Sample = tuple[dict[str, str], float]

# The metrics page's windows that /metrics exposes (the page also offers 30 days).
WINDOWS = {"24h": dt.timedelta(hours=24), "7d": dt.timedelta(days=7)}
# What a window's conversations came to, counted as on the metrics page.
BUSINESS_COUNTS = (
    "leads_captured",
    "hot_leads",
    "escalated",
    "handoffs",
    "apologies",
    "replies",
    "ai_replies",
    "fallbacks",
    "held_for_review",
    "unsupported",
    "written",
    "customer_messages",
)
BUSINESS_RATES = {
    "lead_capture": "lead_capture_rate",
    "apologies": "apology_rate",
    "escalations": "escalation_rate",
    "unsupported": "unsupported_rate",
    "llm_errors": "llm_error_rate",
}


def render_metrics() -> str:
    lines: list[str] = []
    for name, kind, help_text, samples in _families():
        lines.append(f"# HELP {name} {help_text}")
        lines.append(f"# TYPE {name} {kind}")
        lines.extend(f"{name}{_labels(labels)} {_number(value)}" for labels, value in samples)
    return "\n".join(lines) + "\n"


def _families() -> Iterable[tuple[str, str, str, list[Sample]]]:
    messages = Message.objects.values(
        "conversation__business__slug", "direction", "author"
    ).annotate(n=Count("id"))
    yield (
        "switchboard_messages_total",
        "counter",
        "Messages stored, by business, direction and author.",
        [
            (
                {
                    "business": r["conversation__business__slug"],
                    "direction": r["direction"],
                    "author": r["author"],
                },
                r["n"],
            )
            for r in messages
        ],
    )
    unanswered = (
        Message.objects.unanswered()
        .exclude(conversation__handed_off_at__isnull=False)
        .values("conversation__business__slug")
        .annotate(n=Count("id"))
    )
    yield (
        "switchboard_messages_unanswered",
        "gauge",
        "Customer messages waiting for the agent (not handed to people).",
        [({"business": r["conversation__business__slug"]}, r["n"]) for r in unanswered],
    )
    calls = LlmCall.objects.values("agent__business__slug", "purpose", "model", "outcome").annotate(
        n=Count("id"),
        cost=Sum("cost_usd"),
        input=Sum("input_tokens"),
        output=Sum("output_tokens"),
        cache_read=Sum("cache_read_input_tokens"),
        cache_write=Sum("cache_creation_input_tokens"),
    )
    calls = list(calls)

    def by(row: dict, **extra: str) -> dict[str, str]:
        return {
            "business": row["agent__business__slug"] or "",
            "purpose": row["purpose"],
            "model": row["model"],
            **extra,
        }

    yield (
        "switchboard_llm_calls_total",
        "counter",
        "LLM calls by business, purpose, model and outcome.",
        [(by(r, outcome=r["outcome"]), r["n"]) for r in calls],
    )
    yield (
        "switchboard_llm_tokens_total",
        "counter",
        "LLM tokens by business, purpose, model and kind.",
        [
            (by(r, kind=kind), r[kind] or 0)
            for r in calls
            for kind in ("input", "output", "cache_read", "cache_write")
        ],
    )
    yield (
        "switchboard_llm_cost_usd_total",
        "counter",
        "What the LLM calls cost, in US dollars.",
        [(by(r), float(r["cost"] or 0)) for r in calls if r["outcome"] == LlmCall.Outcome.OK],
    )
    leads = Lead.objects.values("business__slug", "score").annotate(n=Count("id"))
    yield (
        "switchboard_leads",
        "gauge",
        "Leads by business and score.",
        [({"business": r["business__slug"], "score": r["score"]}, r["n"]) for r in leads],
    )
    reviews = Review.objects.pending().values("business__slug").annotate(n=Count("id"))
    yield (
        "switchboard_reviews_pending",
        "gauge",
        "Replies held for a reviewer.",
        [({"business": r["business__slug"]}, r["n"]) for r in reviews],
    )
    handed = Conversation.objects.with_people().values("business__slug").annotate(n=Count("id"))
    yield (
        "switchboard_conversations_with_people",
        "gauge",
        "Conversations handed to people.",
        [({"business": r["business__slug"]}, r["n"]) for r in handed],
    )
    yield from _business_families()
    yield (
        "switchboard_agent_mode",
        "gauge",
        "1 for each agent's current mode (full_ai, cached_ai, rules_only, human_only).",
        list(_agent_modes()),
    )
    rules = MetricAlertRule.objects.filter(is_active=True).values_list(
        "business__slug", "metric", "is_firing"
    )
    yield (
        "switchboard_alert_rule_firing",
        "gauge",
        "1 while a business metric is out of the range its alert rule sets, else 0.",
        [({"business": slug, "metric": metric}, int(firing)) for slug, metric, firing in rules],
    )
    yield (
        "switchboard_queue_jobs",
        "gauge",
        "Jobs waiting in each RQ queue.",
        [
            ({"queue": name}, django_rq.get_queue(name).count)
            for name in (settings.REPLY_QUEUE, settings.BACKGROUND_QUEUE)
        ],
    )


def _business_families() -> Iterable[tuple[str, str, str, list[Sample]]]:
    """The metrics page's figures, per business and window."""
    businesses = list(Business.objects.order_by("pk"))
    now = timezone.now()
    measured: list[tuple[str, BusinessMetrics]] = [
        (window, metrics)
        for window, span in WINDOWS.items()
        for metrics in metrics_for_businesses(businesses=businesses, since=now - span)
    ]

    def labels(window: str, metrics: BusinessMetrics, **extra: str) -> dict[str, str]:
        return {"business": metrics.business.slug, "window": window, **extra}

    yield (
        "switchboard_business_conversations",
        "gauge",
        "Conversations with a message in the window, as on the metrics page (sandbox left out).",
        [(labels(w, m), m.conversations) for w, m in measured],
    )
    yield (
        "switchboard_business_events",
        "gauge",
        "What the window's conversations came to, counted as on the metrics page.",
        [
            (labels(w, m, event=name), getattr(m, name))
            for w, m in measured
            for name in BUSINESS_COUNTS
        ],
    )
    yield (
        "switchboard_business_rate",
        "gauge",
        "The metrics page's rates over the window, 0 to 1; absent while there is nothing to "
        "judge a rate on.",
        [
            (labels(w, m, rate=name), value)
            for w, m in measured
            for name, attribute in BUSINESS_RATES.items()
            if (value := getattr(m, attribute)) is not None
        ],
    )


def _agent_modes() -> Iterable[Sample]:
    from agents.ladder import ladder_annotate

    agents = list(
        Agent.objects.select_related("business").filter(Q(is_active=True) | ~Q(pinned_mode=""))
    )
    for agent in ladder_annotate(agents=agents):  # one Redis round trip for all of them
        yield (
            {
                "business": agent.business.slug,
                "agent": str(agent.pk),
                "mode": str(agent.current_mode),
                "pinned": "true" if agent.pinned_mode else "false",
            },
            1,
        )


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    inner = ",".join(f'{key}="{_escape(value)}"' for key, value in labels.items())
    return "{" + inner + "}"


def _escape(value: str) -> str:
    return str(value).replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _number(value: float) -> str:
    return repr(float(value)) if isinstance(value, float) else str(value)
