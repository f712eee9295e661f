"""Business metrics per prompt version: what an operator reads before promoting a prompt.

A reply records the version that wrote it (fallbacks too: the version whose reply failed the
knowledge-base check), and so do its LLM calls. A conversation belongs to every version that
replied in it within the window; in an A/B test the arms are disjoint by construction.
Sandbox chats are left out, as everywhere in the metrics.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from agents.models import LlmCall
from conversations.models import Conversation, Lead, Message, Review
from monitoring.metrics import cost_per, rate
from prompts_app.models import PromptVersion


@dataclass
class VersionMetrics:
    version: PromptVersion
    conversation_ids: set[int] = field(default_factory=set)
    ai_replies: int = 0
    written: int = 0  # replies the model wrote: sent, held or replaced by the fallback
    held: int = 0
    fallbacks: int = 0  # replies the knowledge-base check replaced by the fallback
    apologies: int = 0
    escalated: int = 0  # conversations handed to a person or answered by the fallback
    leads_captured: int = 0
    llm_calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: Decimal = Decimal(0)
    latency_ms: float | None = None

    @property
    def conversations(self) -> int:
        return len(self.conversation_ids)

    @property
    def unsupported(self) -> int:
        """Replies with a claim the knowledge base does not support: held or replaced."""
        return self.held + self.fallbacks

    @property
    def unsupported_rate(self) -> float | None:
        return rate(self.unsupported, self.written)

    @property
    def apology_rate(self) -> float | None:
        return rate(self.apologies, self.ai_replies)

    @property
    def escalation_rate(self) -> float | None:
        """As on the metrics page: conversations handed to a person or answered by the
        fallback, each once, of the version's conversations."""
        return rate(self.escalated, self.conversations)

    @property
    def lead_capture_rate(self) -> float | None:
        return rate(self.leads_captured, self.conversations)

    @property
    def input_tokens_per_call(self) -> int | None:
        return round(self.input_tokens / self.llm_calls) if self.llm_calls else None

    @property
    def cost_per_conversation(self) -> Decimal | None:
        return cost_per(self.cost_usd, self.conversations)


def metrics_for_prompt_versions(
    *,
    versions: list[PromptVersion],
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> dict[int, VersionMetrics]:
    """Metrics of each version's replies between ``since`` and ``until`` (open ends: all)."""
    result = {v.pk: VersionMetrics(version=v) for v in versions}
    window = Q()
    if since is not None:
        window &= Q(created_at__gte=since)
    if until is not None:
        window &= Q(created_at__lt=until)
    replies = Message.objects.real().replies().filter(window, prompt_version_id__in=list(result))
    for version_id, conversation_id, author in replies.values_list(
        "prompt_version_id", "conversation_id", "author"
    ).iterator():
        metrics = result[version_id]
        metrics.conversation_ids.add(conversation_id)
        if author == Message.Author.AI:
            metrics.ai_replies += 1
    for version_id, n in _count_by_version(replies.written_by_model()):
        result[version_id].written = n
    for version_id, n in _count_by_version(replies.replaced_by_fallback()):
        result[version_id].fallbacks = n
    for version_id, text in replies.written_by_ai().values_list("prompt_version_id", "text"):
        result[version_id].apologies += Message.apologises(text)

    held = (
        Review.objects.real()
        .filter(window, message__prompt_version_id__in=list(result))
        .values("message__prompt_version_id")
        .annotate(n=Count("id"))
    )
    for row in held:
        result[row["message__prompt_version_id"]].held = row["n"]

    everyone = set().union(*(m.conversation_ids for m in result.values()))
    escalated_ids = set(
        Conversation.objects.filter(pk__in=everyone)
        .escalated(since=since, until=until)
        .values_list("pk", flat=True)
    )
    captured_ids = set(
        Lead.objects.captured()
        .filter(conversation_id__in=everyone)
        .values_list("conversation_id", flat=True)
    )
    for metrics in result.values():
        metrics.escalated = len(metrics.conversation_ids & escalated_ids)
        metrics.leads_captured = len(metrics.conversation_ids & captured_ids)

    calls = (
        LlmCall.objects.filter(
            window,
            prompt_version_id__in=list(result),
            purpose=LlmCall.Purpose.REPLY,
            outcome=LlmCall.Outcome.OK,
        )
        .exclude(conversation__is_sandbox=True)
        .values("prompt_version_id")
        .annotate(
            n=Count("id"),
            uncached=Coalesce(Sum("input_tokens"), 0),
            written=Coalesce(Sum("cache_creation_input_tokens"), 0),
            read=Coalesce(Sum("cache_read_input_tokens"), 0),
            output=Coalesce(Sum("output_tokens"), 0),
            cost=Coalesce(Sum("cost_usd"), Decimal(0)),
            latency=Avg("latency_ms"),
        )
    )
    for row in calls:
        metrics = result[row["prompt_version_id"]]
        metrics.llm_calls = row["n"]
        metrics.input_tokens = row["uncached"] + row["written"] + row["read"]
        metrics.output_tokens = row["output"]
        metrics.cost_usd = row["cost"]
        metrics.latency_ms = row["latency"]
    return result


def _count_by_version(replies: QuerySet[Message]) -> QuerySet:
    return (
        replies.values("prompt_version_id")
        .annotate(n=Count("id"))
        .values_list("prompt_version_id", "n")
    )


@dataclass(frozen=True)
class Comparison:
    """Candidate against control on one rate: the difference, and whether chance explains it."""

    control: float | None
    candidate: float | None
    z: float | None

    @property
    def difference(self) -> float | None:
        if self.control is None or self.candidate is None:
            return None
        return self.candidate - self.control

    @property
    def significant(self) -> bool:
        """Beyond chance at the usual 95% (two-sided): |z| >= 1.96."""
        return self.z is not None and abs(self.z) >= 1.96


# Below this many trials in either arm the normal approximation is not worth printing.
MIN_SAMPLE = 30


def compare_rates(
    *, control_hits: int, control_n: int, candidate_hits: int, candidate_n: int
) -> Comparison:
    """A two-proportion z-test with the pooled standard error."""
    control = rate(control_hits, control_n)
    candidate = rate(candidate_hits, candidate_n)
    if control_n < MIN_SAMPLE or candidate_n < MIN_SAMPLE:
        return Comparison(control, candidate, None)
    pooled = (control_hits + candidate_hits) / (control_n + candidate_n)
    error = math.sqrt(pooled * (1 - pooled) * (1 / control_n + 1 / candidate_n))
    z = 0.0 if error == 0 else (candidate - control) / error
    return Comparison(control, candidate, z)


# The rates an operator weighs, with which direction is better.
EXPERIMENT_RATES = (
    ("lead_capture", "Lead capture", "leads_captured", "conversations", True),
    ("unsupported", "Unsupported claims", "unsupported", "written", False),
    ("apologies", "Apologies", "apologies", "ai_replies", False),
    ("escalations", "Escalations", "escalated", "conversations", False),
)


@dataclass(frozen=True)
class RateRow:
    key: str
    label: str
    higher_is_better: bool
    control_hits: int
    control_n: int
    candidate_hits: int
    candidate_n: int
    comparison: Comparison

    @property
    def verdict(self) -> str:
        """ "better", "worse" or "" (no difference beyond chance yet)."""
        difference = self.comparison.difference
        if not self.comparison.significant or not difference:
            return ""
        return "better" if (difference > 0) == self.higher_is_better else "worse"


def experiment_rate_rows(*, control: VersionMetrics, candidate: VersionMetrics) -> list[RateRow]:
    rows = []
    for key, label, hits, trials, higher_is_better in EXPERIMENT_RATES:
        counts = {
            "control_hits": getattr(control, hits),
            "control_n": getattr(control, trials),
            "candidate_hits": getattr(candidate, hits),
            "candidate_n": getattr(candidate, trials),
        }
        rows.append(
            RateRow(
                key=key,
                label=label,
                higher_is_better=higher_is_better,
                comparison=compare_rates(**counts),
                **counts,
            )
        )
    return rows
