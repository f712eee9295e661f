"""Day by day, the last two weeks: is the agent still capturing leads, or sliding?

The dashboard's figures answer "how is it now"; these answer "since when". Each business
gets one value a day (UTC days, as the project's TIME_ZONE) for lead capture, apologies,
escalations and LLM cost, drawn as a sparkline beside the figure. A day without the
activity a rate needs is a gap, not a zero. Sandbox chats are left out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from agents.models import Business, LlmCall
from conversations.models import Conversation, Lead, Message
from monitoring.metrics import rate

DAYS = 14


@dataclass
class DailyTrend:
    days: list[dt.date]
    conversations: list[int] = field(default_factory=list)
    leads_captured: list[int] = field(default_factory=list)
    ai_replies: list[int] = field(default_factory=list)
    apologies: list[int] = field(default_factory=list)
    escalations: list[int] = field(default_factory=list)
    cost_usd: list[Decimal] = field(default_factory=list)

    @property
    def lead_capture(self) -> list[float | None]:
        return _rates(self.leads_captured, self.conversations)

    @property
    def apology(self) -> list[float | None]:
        return _rates(self.apologies, self.ai_replies)

    @property
    def escalation(self) -> list[float | None]:
        return _rates(self.escalations, self.conversations, cap=True)

    @property
    def cost(self) -> list[float | None]:
        return [float(c) for c in self.cost_usd]


def _rates(hits: list[int], whole: list[int], *, cap: bool = False) -> list[float | None]:
    rates: list[float | None] = []
    for h, w in zip(hits, whole, strict=True):
        value = rate(h, w)
        rates.append(min(1.0, value) if cap and value is not None else value)
    return rates


def trends_for_businesses(
    *, businesses: list[Business], days: int = DAYS, today: dt.date | None = None
) -> dict[int, DailyTrend]:
    today = today or timezone.now().date()
    dates = [today - dt.timedelta(days=n) for n in range(days - 1, -1, -1)]
    start = dt.datetime.combine(dates[0], dt.time.min, tzinfo=dt.UTC)
    ids = [b.pk for b in businesses]
    counts: dict[str, dict[tuple[int, dt.date], int | Decimal]] = defaultdict(dict)

    messages = (
        Message.objects.real()
        .filter(conversation__business_id__in=ids, created_at__gte=start)
        .annotate(day=TruncDate("created_at"))
    )
    for row in messages.values("conversation__business_id", "day").annotate(
        n=Count("conversation", distinct=True)
    ):
        counts["conversations"][(row["conversation__business_id"], row["day"])] = row["n"]
    # Escalated, as on the metrics page (the same definition, a day at a time): each
    # conversation once a day, whether a person took it or the fallback answered it.
    escalated = counts["escalated"]
    for day in dates:
        day_start = dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
        for business_id, n in (
            Conversation.objects.real()
            .filter(business_id__in=ids)
            .escalated(since=day_start, until=day_start + dt.timedelta(days=1))
            .values("business_id")
            .annotate(n=Count("id"))
            .values_list("business_id", "n")
        ):
            escalated[(business_id, day)] = n
    ai = counts["ai_replies"]
    for row in (
        messages.filter(author=Message.Author.AI)
        .values("conversation__business_id", "day")
        .annotate(n=Count("id"))
    ):
        ai[(row["conversation__business_id"], row["day"])] = row["n"]
    sorry = counts["apologies"]
    for business_id, day, text in (
        messages.written_by_ai().values_list("conversation__business_id", "day", "text").iterator()
    ):
        if Message.apologises(text):
            sorry[(business_id, day)] = sorry.get((business_id, day), 0) + 1
    leads = (
        Lead.objects.real()
        .captured()
        .filter(business_id__in=ids, created_at__gte=start)
        .annotate(day=TruncDate("created_at"))
        .values("business_id", "day")
        .annotate(n=Count("id"))
    )
    for row in leads:
        counts["leads"][(row["business_id"], row["day"])] = row["n"]
    cost = (
        LlmCall.objects.filter(agent__business_id__in=ids, created_at__gte=start)
        .annotate(day=TruncDate("created_at"))
        .values("agent__business_id", "day")
        .annotate(total=Sum("cost_usd"))
    )
    for row in cost:
        counts["cost"][(row["agent__business_id"], row["day"])] = row["total"] or Decimal(0)

    trends = {}
    for business_id in ids:
        trend = DailyTrend(days=dates)
        for day in dates:
            key = (business_id, day)
            trend.conversations.append(counts["conversations"].get(key, 0))
            trend.leads_captured.append(counts["leads"].get(key, 0))
            trend.ai_replies.append(ai.get(key, 0))
            trend.apologies.append(sorry.get(key, 0))
            trend.escalations.append(escalated.get(key, 0))
            trend.cost_usd.append(counts["cost"].get(key, Decimal(0)))
        trends[business_id] = trend
    return trends


@dataclass(frozen=True)
class Sparkline:
    """An SVG polyline per run of known values (a gap where a day has none), 0..top scaled."""

    width: int
    height: int
    segments: list[str]  # runs of two or more days
    dots: list[tuple[float, float]]  # a day alone between gaps, and today
    values: str = ""  # each day's value as text, oldest first, for a tooltip


def sparkline(
    values: list[float | None],
    *,
    width: int = 140,
    height: int = 28,
    top: float | None = None,
    shown: str = "{:.0%}",
) -> Sparkline:
    known = [v for v in values if v is not None]
    top = top if top is not None else max(known, default=0) or 1.0
    step = width / max(1, len(values) - 1)
    pad = 2

    def point(index: int, value: float) -> tuple[float, float]:
        y = height - pad - (value / top) * (height - 2 * pad)
        return round(index * step, 1), round(y, 1)

    segments: list[str] = []
    dots: list[tuple[float, float]] = []
    run: list[tuple[float, float]] = []

    def close() -> None:
        if len(run) > 1:
            segments.append(" ".join(f"{x},{y}" for x, y in run))
        elif run:
            dots.append(run[0])
        run.clear()

    for index, value in enumerate(values):
        if value is None:
            close()
        else:
            run.append(point(index, value))
    if len(run) > 1:
        dots.append(run[-1])  # today's value, marked
    close()
    text = " ".join("–" if v is None else shown.format(v) for v in values)
    return Sparkline(width=width, height=height, segments=segments, dots=dots, values=text)


def trend_sparklines(trend: DailyTrend) -> dict[str, Sparkline]:
    """The dashboard's four sparklines of one business."""
    return {
        "lead_capture": sparkline(trend.lead_capture),
        "apologies": sparkline(trend.apology),
        "escalations": sparkline(trend.escalation),
        "cost": sparkline(trend.cost, shown="${:.4f}"),
    }
