"""Alert rules on business metrics: the agent apologising in every reply, leads drying up.

Generic APM will not notice either. Every business has a rule per metric (recommended
settings until an owner changes them); a scheduled job measures each rule's rate over its
window and raises an alert when the rate leaves its range and another when it comes back.
A rate is judged only on a sample of at least ``min_sample``: three replies say nothing.
To come back, a rate must clear the threshold by a tenth of it, so that a rate hovering
at the threshold does not raise an alert on every evaluation. A rate is judged in whole
percent (``metrics.percent``), the figure the alert prints: it never reads "at 10%, below
10%".
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy

from agents.models import Business
from monitoring.metrics import BusinessMetrics, metrics_for_businesses, percent
from monitoring.models import Alert, MetricAlertRule
from monitoring.services import alert_raise

logger = logging.getLogger(__name__)

Metric = MetricAlertRule.Metric
HYSTERESIS = Fraction(1, 10)  # a tenth of the threshold; exact, as the percentages are


@dataclass(frozen=True)
class MetricSpec:
    fires_when: str  # "above" or "below" the threshold
    hits: Callable[[BusinessMetrics], int]
    sample: Callable[[BusinessMetrics], int]
    sample_label: str | Promise  # what the sample counts, plural; translated on the page
    hits_label: str  # what the hits did, as a phrase after "N of M <sample_label>"
    threshold_percent: int  # the recommended settings
    window_hours: int
    min_sample: int
    why: str | Promise  # translated on the page; alerts always say it in English


SPECS: dict[str, MetricSpec] = {
    Metric.APOLOGIES: MetricSpec(
        "above",
        hits=lambda m: m.apologies,
        sample=lambda m: m.ai_replies,
        sample_label=gettext_lazy("AI replies"),
        hits_label="apologise",
        threshold_percent=30,
        window_hours=24,
        min_sample=20,
        why=gettext_lazy("An agent that says sorry in every reply is failing customers politely."),
    ),
    Metric.ESCALATIONS: MetricSpec(
        "above",
        hits=lambda m: m.escalated,
        sample=lambda m: m.conversations,
        sample_label=gettext_lazy("conversations"),
        hits_label="went to a person or the fallback",
        threshold_percent=40,
        window_hours=24,
        min_sample=10,
        why=gettext_lazy(
            "More conversations than usual need a person: the knowledge base may lack "
            "something customers ask about."
        ),
    ),
    Metric.LEAD_CAPTURE: MetricSpec(
        "below",
        hits=lambda m: m.leads_captured,
        sample=lambda m: m.conversations,
        sample_label=gettext_lazy("conversations"),
        hits_label="captured a lead",
        threshold_percent=10,
        window_hours=168,
        min_sample=20,
        why=gettext_lazy(
            "The agent talks to customers but stops finding out who they are and what they need."
        ),
    ),
    Metric.UNSUPPORTED: MetricSpec(
        "above",
        hits=lambda m: m.unsupported,
        sample=lambda m: m.written,
        sample_label=gettext_lazy("replies the AI wrote"),
        hits_label="made a claim the knowledge base does not support",
        threshold_percent=15,
        window_hours=24,
        min_sample=20,
        why=gettext_lazy(
            "The agent invents prices, hours or promises: a prompt change or a knowledge-base "
            "edit may have gone wrong."
        ),
    ),
    Metric.LLM_ERRORS: MetricSpec(
        "above",
        hits=lambda m: m.llm_errors,
        sample=lambda m: m.llm_calls,
        sample_label=gettext_lazy("LLM calls"),
        hits_label="failed",
        threshold_percent=20,
        window_hours=1,
        min_sample=10,
        why=gettext_lazy(
            "Claude is failing for this business's agents; the ladder is stepping them down."
        ),
    ),
}


def alert_rules_ensure(*, businesses: list[Business]) -> None:
    """Every business has a rule per metric, with the recommended settings to start with."""
    complete = set(
        MetricAlertRule.objects.filter(business__in=businesses)
        .values("business_id")
        .annotate(n=Count("id"))
        .filter(n=len(SPECS))
        .values_list("business_id", flat=True)
    )
    businesses = [b for b in businesses if b.pk not in complete]
    if not businesses:
        return  # the usual case: a read, no write
    MetricAlertRule.objects.bulk_create(
        [
            MetricAlertRule(
                business=business,
                metric=metric,
                threshold_percent=spec.threshold_percent,
                window_hours=spec.window_hours,
                min_sample=spec.min_sample,
            )
            for business in businesses
            for metric, spec in SPECS.items()
        ],
        ignore_conflicts=True,
    )


def alert_rule_list(*, businesses: list[Business]) -> QuerySet[MetricAlertRule]:
    alert_rules_ensure(businesses=businesses)
    return MetricAlertRule.objects.filter(business__in=businesses).select_related("business")


def alert_rule_update(
    *,
    rule: MetricAlertRule,
    is_active: bool,
    threshold_percent: int,
    window_hours: int,
    min_sample: int,
) -> MetricAlertRule:
    if not 1 <= threshold_percent <= 100:
        raise ValidationError(gettext("The threshold is a percentage between 1 and 100."))
    if window_hours not in MetricAlertRule.Window.values:
        raise ValidationError(gettext("Choose a window of an hour, 24 hours or 7 days."))
    if min_sample < 1:
        raise ValidationError(gettext("The rule needs a sample of at least 1 to judge a rate."))
    changed = (
        rule.threshold_percent != threshold_percent
        or rule.window_hours != window_hours
        or rule.min_sample != min_sample
        or not is_active
    )
    rule.is_active = is_active
    rule.threshold_percent = threshold_percent
    rule.window_hours = window_hours
    rule.min_sample = min_sample
    if changed:
        # The next evaluation judges the new settings from a clean state, quietly.
        rule.is_firing = False
        rule.fired_at = None
        rule.last_value = None
        rule.last_sample = 0
        rule.last_checked_at = None
    rule.save()
    return rule


def rule_breaches(*, rule: MetricAlertRule, value: int) -> bool:
    """Whether a rate of ``value`` percent (as :func:`monitoring.metrics.percent` rounds it)
    is out of the rule's range."""
    if SPECS[rule.metric].fires_when == "above":
        return value > rule.threshold_percent
    return value < rule.threshold_percent


def rule_clears(*, rule: MetricAlertRule, value: int) -> bool:
    """Whether a rate of ``value`` percent is back in range by a tenth of the threshold."""
    threshold = rule.threshold_percent
    if SPECS[rule.metric].fires_when == "above":
        return value <= threshold * (1 - HYSTERESIS)
    return value >= threshold * (1 + HYSTERESIS)


def alert_rules_evaluate(*, now: dt.datetime | None = None) -> list[Alert]:
    """Measure every active rule; raise an alert for each rule that went out or came back."""
    now = now or timezone.now()
    businesses = list(Business.objects.all())
    alert_rules_ensure(businesses=businesses)
    rules = list(MetricAlertRule.objects.filter(is_active=True).select_related("business"))
    by_window: dict[int, list[MetricAlertRule]] = defaultdict(list)
    for rule in rules:
        by_window[rule.window_hours].append(rule)
    raised = []
    for hours, window_rules in by_window.items():
        measured = {
            m.business.pk: m
            for m in metrics_for_businesses(
                businesses=list({r.business_id: r.business for r in window_rules}.values()),
                since=now - dt.timedelta(hours=hours),
            )
        }
        for rule in window_rules:
            alert = _evaluate(rule, measured[rule.business_id], now)
            if alert is not None:
                raised.append(alert)
    return raised


def _evaluate(rule: MetricAlertRule, metrics: BusinessMetrics, now: dt.datetime) -> Alert | None:
    spec = SPECS[rule.metric]
    sample, hits = spec.sample(metrics), spec.hits(metrics)
    # Rounded once, here: the figure judged is the figure stored, shown and sent.
    value = percent(hits, sample) if sample >= rule.min_sample else None
    MetricAlertRule.objects.filter(pk=rule.pk).update(
        last_value=None if value is None else value / 100, last_sample=sample, last_checked_at=now
    )
    if value is None:
        return None  # too little to judge: the state stands
    if not rule.is_firing and rule_breaches(rule=rule, value=value):
        going, firing, severity, kind = "out", True, Alert.Severity.WARNING, Alert.Kind.METRIC
    elif rule.is_firing and rule_clears(rule=rule, value=value):
        going, firing, severity, kind = "back", False, Alert.Severity.INFO, Alert.Kind.METRIC_OK
    else:
        return None
    with transaction.atomic():
        # Conditional on the state read: two evaluations at once raise one alert.
        moved = MetricAlertRule.objects.filter(pk=rule.pk, is_firing=rule.is_firing).update(
            is_firing=firing, fired_at=now if firing else None
        )
        if not moved:
            return None
        return alert_raise(
            kind=kind,
            severity=severity,
            business=rule.business,
            title=_title(rule, value, going),
            detail=_detail(rule, hits, sample, firing),
        )


# An alert is stored once and sent to Slack, whoever reads it later: its title and detail are
# always in English, even when the evaluation runs inside a request in another language.
def _title(rule: MetricAlertRule, value: int, going: str) -> str:
    spec = SPECS[rule.metric]
    with translation.override("en"):
        name = str(rule.get_metric_display()).lower()
        if going == "out":
            return (
                f"{rule.business.name}: {name} at {value}%, {spec.fires_when} "
                f"{rule.threshold_percent}%"
            )
        return f"{rule.business.name}: {name} back to {value}%"


def _detail(rule: MetricAlertRule, hits: int, sample: int, firing: bool) -> str:
    spec = SPECS[rule.metric]
    with translation.override("en"):
        detail = (
            f"{hits} of {sample} {spec.sample_label} {spec.hits_label}"
            f" over {rule.get_window_hours_display()}."
        )
        return f"{detail} {spec.why}" if firing else detail
