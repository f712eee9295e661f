"""Business metrics: what tells an owner the agent still works, not what APM would show.

Lead capture, apologies, escalations and cost, per business, over a window. Computed from
the database with a handful of aggregate queries; the dashboard polls them and /metrics
exposes the same figures (and a few operational ones) to Prometheus.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from agents.models import Business, LlmCall
from conversations.models import Conversation, Lead, Message, Review, escalated_in_window

# The bot's replies, for the ladder's health; the metrics page shows every author.
BOT_AUTHORS = [
    Message.Author.AI,
    Message.Author.CACHED,
    Message.Author.RULES,
    Message.Author.FALLBACK,
]


def rate(part: int, whole: int) -> float | None:
    """A rate, or None when there is nothing to judge it on (never a misleading zero)."""
    return part / whole if whole else None


def percent(part: int, whole: int) -> int | None:
    """A rate in whole percent: the one rounding of a rate that is both compared with a
    threshold and printed, so that an alert never reads "at 10%, below 10%"."""
    value = rate(part, whole)
    return None if value is None else round(value * 100)


def cost_per(cost: Decimal, whole: int) -> Decimal | None:
    """What each of ``whole`` cost, to a hundredth of a cent; None for none."""
    return (cost / whole).quantize(Decimal("0.0001")) if whole else None


@dataclass
class BusinessMetrics:
    business: Business
    since: dt.datetime
    conversations: int = 0
    customer_messages: int = 0
    replies_by_author: dict[str, int] = field(default_factory=dict)
    leads_captured: int = 0
    hot_leads: int = 0
    apologies: int = 0
    handoffs: int = 0
    escalated: int = 0  # conversations handed to a person or answered by the fallback
    held_for_review: int = 0
    replaced_by_fallback: int = 0  # model replies the check replaced (not handoff notices)
    written: int = 0  # replies the model wrote: sent, held or replaced by the fallback
    reviews_pending: int = 0
    llm_calls: int = 0
    llm_errors: int = 0
    llm_cost_usd: Decimal = Decimal(0)

    @property
    def replies(self) -> int:
        """Every reply sent, by any author: the sum of ``replies_by_author``."""
        return sum(self.replies_by_author.values())

    @property
    def bot_replies(self) -> int:
        return sum(self.replies_by_author.get(a, 0) for a in BOT_AUTHORS)

    @property
    def ai_replies(self) -> int:
        return self.replies_by_author.get(Message.Author.AI, 0)

    @property
    def fallbacks(self) -> int:
        return self.replies_by_author.get(Message.Author.FALLBACK, 0)

    @property
    def unsupported(self) -> int:
        """Replies with a claim the knowledge base does not support: held or replaced."""
        return self.held_for_review + self.replaced_by_fallback

    @property
    def lead_capture_rate(self) -> float | None:
        return rate(self.leads_captured, self.conversations)

    @property
    def apology_rate(self) -> float | None:
        return rate(self.apologies, self.ai_replies)

    @property
    def escalation_rate(self) -> float | None:
        """Conversations that ended up with a person or the fallback, of all conversations:
        each conversation counts once, however many notices or fallbacks it got."""
        return rate(self.escalated, self.conversations)

    @property
    def unsupported_rate(self) -> float | None:
        return rate(self.unsupported, self.written)

    @property
    def llm_error_rate(self) -> float | None:
        return rate(self.llm_errors, self.llm_calls)

    @property
    def cost_per_conversation(self) -> Decimal | None:
        return cost_per(self.llm_cost_usd, self.conversations)


def metrics_for_businesses(
    *, businesses: list[Business], since: dt.datetime | None = None
) -> list[BusinessMetrics]:
    since = since or timezone.now() - dt.timedelta(days=7)
    ids = [b.pk for b in businesses]
    result = {b.pk: BusinessMetrics(business=b, since=since) for b in businesses}

    conversations = (
        Conversation.objects.real()
        .filter(business_id__in=ids, last_message_at__gte=since)
        .values("business_id")
        .annotate(
            n=Count("id"),
            handoffs=Count("id", filter=Q(handed_off_at__gte=since)),
            escalated=Count("id", filter=escalated_in_window(since=since)),
        )
    )
    for row in conversations:
        metrics = result[row["business_id"]]
        metrics.conversations = row["n"]
        metrics.handoffs = row["handoffs"]
        metrics.escalated = row["escalated"]

    messages = (
        Message.objects.real()
        .filter(conversation__business_id__in=ids, created_at__gte=since)
        .values("conversation__business_id", "direction", "author")
        .annotate(n=Count("id"))
    )
    for row in messages:
        metrics = result[row["conversation__business_id"]]
        if row["direction"] == Message.Direction.INBOUND:
            metrics.customer_messages += row["n"]
        else:
            metrics.replies_by_author[row["author"]] = row["n"]

    # Apologies are a text match: only the texts the AI wrote in the window are read.
    ai_texts = (
        Message.objects.real()
        .written_by_ai()
        .filter(conversation__business_id__in=ids, created_at__gte=since)
        .values_list("conversation__business_id", "text")
    )
    for business_id, text in ai_texts.iterator():
        if Message.apologises(text):
            result[business_id].apologies += 1

    leads = (
        Lead.objects.real()
        .captured()
        .filter(business_id__in=ids, updated_at__gte=since)
        .values("business_id")
        .annotate(n=Count("id"), hot=Count("id", filter=Q(score=Lead.Score.HOT)))
    )
    for row in leads:
        result[row["business_id"]].leads_captured = row["n"]
        result[row["business_id"]].hot_leads = row["hot"]

    model_replies = Message.objects.real().filter(
        conversation__business_id__in=ids, created_at__gte=since
    )
    for business_id, n in _count_by(model_replies.written_by_model(), "conversation__business_id"):
        result[business_id].written = n
    for business_id, n in _count_by(
        model_replies.replaced_by_fallback(), "conversation__business_id"
    ):
        result[business_id].replaced_by_fallback = n
    held = Review.objects.real().filter(business_id__in=ids, created_at__gte=since)
    for business_id, n in _count_by(held, "business_id"):
        result[business_id].held_for_review = n
    # Waiting now, whenever held: the review queue shows sandbox replies too.
    pending = Review.objects.pending().filter(business_id__in=ids)
    for business_id, n in _count_by(pending, "business_id"):
        result[business_id].reviews_pending = n

    calls = (
        LlmCall.objects.filter(agent__business_id__in=ids, created_at__gte=since)
        .values("agent__business_id")
        .annotate(
            n=Count("id"),
            errors=Count("id", filter=Q(outcome=LlmCall.Outcome.ERROR)),
            cost=Coalesce(Sum("cost_usd"), Decimal(0)),
        )
    )
    for row in calls:
        metrics = result[row["agent__business_id"]]
        metrics.llm_calls = row["n"]
        metrics.llm_errors = row["errors"]
        metrics.llm_cost_usd = row["cost"]
    return [result[b.pk] for b in businesses]


def _count_by(rows: QuerySet, key: str) -> QuerySet:
    """``(key, count)`` pairs of ``rows`` grouped by ``key``."""
    return rows.values(key).annotate(n=Count("id")).values_list(key, "n")
