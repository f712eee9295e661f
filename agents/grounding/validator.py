"""Check a reply's claims against its knowledge base, and decide what to do with it.

    result = validate_reply(reply=text, knowledge_base=kb_text, language="he")
    decision = decide(flags=result.flags, policy=agent.grounding_policy)

Deterministic and fast: regular expressions, no model. A claim is supported when the
knowledge base states the same value of the same kind, after normalisation. The rules:

- price: equal to a knowledge-base price in the same currency (a bare number on either
  side matches any currency), or inside a knowledge-base range ("₪150-200" supports
  "₪180"). "from ₪350" supports ₪350 and "from ₪350", but not ₪400: the agent cannot know
  the price of a particular job above the floor. A sum of two listed prices is not in the
  knowledge base, so it is flagged; a reviewer settles it.
- time: a time the knowledge base gives for the days the reply names (any day when it
  names none), either reading of an unsaid am/pm. A range ("9am to 8pm") must be one
  stretch of the stated hours, not two ends across a midday break. A moment rather than an
  opening or closing time ("come at 10:30") need only fall within the hours.
- days: "open on Saturday" needs hours or "open" for Saturday; "closed on Saturday" needs
  "closed". A day merely offered ("we can come on Saturday") is flagged only when the
  knowledge base closes that day or gives hours for other days only.
- duration, percentage: equal, or inside a range of the same kind.
- phone: the same number once normalised (03-555-1234 = +972 3 555 1234).
- certainty: flagged unless the knowledge base itself guarantees (a guarantee or warranty
  backs "guaranteed"; only the knowledge base's own "definitely" backs "definitely").

A value the knowledge base does state can still belong to another subject: "delivery to
Tel Aviv is ₪35" when ₪35 is the Ramat Gan price. So a price, duration, percentage or
undated time is also held to the knowledge-base lines that share the most words with what
the reply says about it (see ``topics``), when those lines state a value of that kind.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from agents.grounding.claims import extract
from agents.grounding.facts import (
    MINUTES_PER_DAY,
    Fact,
    KnowledgeFacts,
    Segment,
    facts_from_knowledge_base,
    within,
)
from agents.grounding.offers import OFFER, guarantee_reason, offer_facts, offer_flags
from agents.grounding.quantities import bounds
from agents.grounding.schedule import DAY_NAMES, describe_days
from agents.grounding.topics import Subject, claim_subjects, is_hebrew, overlap
from agents.grounding.values import (
    GUARANTEE,
    Amount,
    Certainty,
    Claim,
    DayStatus,
    Duration,
    Percent,
    Phone,
    Price,
    Quantity,
    Time,
    Value,
    describe_clock,
)

_LISTED = 8  # facts named in a reason; a long price list would drown the point


@dataclass(frozen=True)
class Flag:
    kind: str
    claim: str
    start: int  # span in the reply, for highlighting
    end: int
    reason: str


@dataclass(frozen=True)
class GroundingResult:
    flags: list[Flag]
    claims: list[Claim]  # every claim found, supported or not
    facts: list[Fact] = field(default_factory=list)  # what the knowledge base states

    @property
    def grounded(self) -> bool:
        return not self.flags

    def facts_by_kind(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for fact in self.facts:
            texts = grouped.setdefault(fact.kind, [])
            if fact.text not in texts:
                texts.append(fact.text)
        return grouped


def _listing(texts: Iterable[str], noun: str) -> str:
    unique = list(dict.fromkeys(texts))
    if not unique:
        return f"the knowledge base gives no {noun}"
    shown = ", ".join(unique[:_LISTED]) + (", ..." if len(unique) > _LISTED else "")
    return f"{noun} there: {shown}"


# --- numbers: prices, durations, percentages ---------------------------------------------


def _supports(value: Decimal, facts: Iterable[Amount]) -> bool:
    for fact in facts:
        if value in (fact.low, fact.high):
            return True
        if fact.is_range and fact.low <= value <= fact.high:
            return True
    return False


def _amount_supported(claim: Amount, facts: list[Amount]) -> bool:
    return _supports(claim.low, facts) and _supports(claim.high, facts)


def _check_price(price: Price, kb: KnowledgeFacts) -> str | None:
    if price.amount.high == 0:
        if kb.mentions_free or any(fact.amount.low == 0 for fact in kb.prices):
            return None
        return "the knowledge base does not say this is free"
    same_currency = [
        fact.amount
        for fact in kb.prices
        if fact.currency is None or price.currency is None or fact.currency == price.currency
    ]
    if _amount_supported(price.amount, same_currency):
        return None
    if not price.amount.is_range and price.amount.low in kb.bare_numbers:
        return None
    listing = _listing((fact.describe() for fact in kb.prices), "prices")
    return f"{price.describe()} is not a price in the knowledge base ({listing})"


def _check_duration(duration: Duration, kb: KnowledgeFacts) -> str | None:
    if _amount_supported(duration.amount, kb.durations):
        return None
    listing = _listing((Duration(fact).describe() for fact in kb.durations), "durations")
    return f"{duration.describe()} is not a duration in the knowledge base ({listing})"


def _check_percent(percent: Percent, kb: KnowledgeFacts) -> str | None:
    if _amount_supported(percent.amount, kb.percents):
        return None
    listing = _listing((Percent(fact).describe() for fact in kb.percents), "percentages")
    return f"{percent.describe()} is not a percentage in the knowledge base ({listing})"


def _check_phone(phone: Phone, kb: KnowledgeFacts) -> str | None:
    if phone.number in kb.phones:
        return None
    listing = _listing(kb.phones.values(), "numbers")
    return f"{phone.number} is not a phone number in the knowledge base ({listing})"


def _check_certainty(certainty: Certainty, kb: KnowledgeFacts) -> str | None:
    if certainty.family == GUARANTEE and kb.guarantees:
        return None
    if kb.assures:
        return None
    return "promises a certainty the knowledge base does not give"


def _fits(value: Decimal, fact: Amount, *, limit: bool) -> bool:
    if limit:  # a limit must be the knowledge base's own number, not one inside its range
        return value in (fact.low, fact.high)
    low, high = bounds(fact)
    return low <= value and (high is None or value <= high)


def _same_noun(quantity: Quantity, kb: KnowledgeFacts) -> list[Quantity]:
    return [fact for fact in kb.quantities if overlap(quantity.nouns, fact.nouns)]


def _check_quantity(quantity: Quantity, kb: KnowledgeFacts) -> str | None:
    facts = _same_noun(quantity, kb)
    ends = {quantity.amount.low, quantity.amount.high}
    if not facts:
        if not quantity.limit or ends <= kb.numbers:
            return None
        return f"{quantity.describe()}: the knowledge base states no such number"
    limit = quantity.limit
    if all(any(_fits(end, fact.amount, limit=limit) for fact in facts) for end in ends):
        return None
    listing = _listing((fact.describe() for fact in facts), "counts")
    return f"{quantity.describe()} is not what the knowledge base says ({listing})"


# --- hours --------------------------------------------------------------------------------


def _day_hours(kb: KnowledgeFacts, day: int) -> str:
    schedule = kb.day(day)
    if schedule is None:
        return f"the knowledge base gives no hours for {DAY_NAMES[day]}"
    if schedule.closed and not schedule.times:
        return f"the knowledge base says closed on {DAY_NAMES[day]}"
    times = ", ".join(describe_clock(minutes) for minutes in sorted(schedule.times))
    return f"{DAY_NAMES[day]} there: {times or 'open, no times given'}"


def _matches_interval(time: Time, intervals: list[tuple[int, int]]) -> bool:
    opening, closing = time.points
    closings = {reading % MINUTES_PER_DAY for reading in closing.readings}
    return any(
        low in opening.readings and high % MINUTES_PER_DAY in closings for low, high in intervals
    )


def _check_range(time: Time, kb: KnowledgeFacts) -> str | None:
    """'9am to 8pm' must be one stretch of the hours, not two ends across a midday break."""
    if not time.days or not kb.has_days:
        if kb.all_intervals and not _matches_interval(time, kb.all_intervals):
            return f"{time.describe()} is not a stretch of hours in the knowledge base"
        return None
    for day in sorted(time.days):
        schedule = kb.day(day)
        if schedule and schedule.intervals and not _matches_interval(time, schedule.intervals):
            return (
                f"{time.describe()} on {DAY_NAMES[day]} is not in the knowledge base's hours "
                f"({_day_hours(kb, day)})"
            )
    return None


def _check_time(time: Time, kb: KnowledgeFacts) -> str | None:
    reason = _check_points(time, kb)
    if reason is None and len(time.points) == 2:
        return _check_range(time, kb)
    return reason


def _check_points(time: Time, kb: KnowledgeFacts) -> str | None:
    for point in time.points:
        readings = point.readings
        if not time.days or not kb.has_days:
            if readings & kb.all_times:
                continue
            if not time.boundary and within(readings, kb.all_intervals):
                continue
            times = (describe_clock(minutes) for minutes in sorted(kb.all_times))
            listing = _listing(times, "times")
            return f"{point.describe()} is not a time in the knowledge base ({listing})"
        for day in sorted(time.days):
            schedule = kb.day(day)
            if schedule is not None and readings & (schedule.times | kb.undayed_times):
                continue
            if schedule is not None and not time.boundary and within(readings, schedule.intervals):
                continue
            return (
                f"{point.describe()} on {DAY_NAMES[day]} is not in the knowledge base's hours "
                f"({_day_hours(kb, day)})"
            )
    return None


def _check_days(status: DayStatus, kb: KnowledgeFacts) -> str | None:
    if status.implicit and not kb.has_days:
        return None  # a day named, and no hours to hold it against
    for day in sorted(status.days):
        schedule = kb.day(day)
        if status.is_open and schedule is not None and (schedule.times or schedule.is_open):
            continue
        if not status.is_open and schedule is not None and schedule.closed:
            continue
        said = "open" if status.is_open else "closed"
        return f"{said} on {describe_days(status.days)}: {_day_hours(kb, day)}"
    return None


def _check(value: Value, kb: KnowledgeFacts) -> str | None:
    """Why ``kb`` does not support ``value``, or None when it does."""
    match value:
        case Price():
            return _check_price(value, kb)
        case Duration():
            return _check_duration(value, kb)
        case Percent():
            return _check_percent(value, kb)
        case Phone():
            return _check_phone(value, kb)
        case Certainty():
            return _check_certainty(value, kb)
        case Time():
            return _check_time(value, kb)
        case DayStatus():
            return _check_days(value, kb)
        case Quantity():
            return _check_quantity(value, kb)
    return None


def _merged(segments: list[Segment]) -> KnowledgeFacts:
    local = KnowledgeFacts(mentions_free=any(s.facts.mentions_free for s in segments))
    for segment in segments:
        local.prices += segment.facts.prices
        local.durations += segment.facts.durations
        local.percents += segment.facts.percents
        local.all_times |= segment.facts.all_times
        local.all_intervals += segment.facts.all_intervals
    return local


def _topic_reason(value: Value, subject: Subject, kb: KnowledgeFacts) -> str | None:
    """A value the knowledge base states, but for another subject than the reply's."""
    if not isinstance(value, Price | Duration | Percent | Time):
        return None
    if isinstance(value, Time) and value.days:
        return None  # hours are already held to the days they are said for
    if not subject.words:
        return None
    scored = [
        (overlap(subject.words, segment.words), segment)
        for segment in kb.segments
        if type(value) in segment.kinds
    ]
    best = max((score for score, _ in scored), default=0)
    if best == 0:
        return None
    closest = [segment for score, segment in scored if score == best]
    if _check(value, _merged(closest)) is None:
        return None
    # No shared word means another subject only within one language: a Hebrew reply
    # shares no word with the English line that does state its price.
    holders = [segment for _, segment in scored if _check(value, segment.facts) is None]
    if any(is_hebrew(segment.text) != subject.hebrew for segment in holders):
        return None
    said = "; ".join(f"“{segment.text}”" for segment in closest[:2])
    return f"{value.describe()} is not what the knowledge base gives for this: {said}"


_NO_EXTRA = re.compile(r"\b(?:extra|additional)\b|תוספת")
_KB_INCLUDED = re.compile(r"\bincluded\b|\bincludes?\b|(?<![א-ת])(?:כולל|כלול)\w*")


def _included_means_free(claim: Claim, knowledge_base: str) -> bool:
    """ "No extra charge" says what "included" says: it is free only on top of a price."""
    value = claim.value
    return (
        isinstance(value, Price)
        and value.amount.high == 0
        and bool(_NO_EXTRA.search(claim.text.lower()))
        and bool(_KB_INCLUDED.search(knowledge_base.lower()))
    )


def validate_reply(
    *, reply: str, knowledge_base: str, language: str | None = None
) -> GroundingResult:
    """Flag every claim of ``reply`` that ``knowledge_base`` does not support.

    ``language`` ("en", "he" or None) is accepted for the pipeline's sake but changes
    nothing: a Hebrew reply quotes "NIS" and "9am", an English one "ש״ח", so every
    extractor always runs.
    """
    kb = facts_from_knowledge_base(knowledge_base)
    extraction = extract(reply)
    # A plain count ("for 4 players") is a claim only where the knowledge base counts
    # the same thing; elsewhere it is the customer's head count or a description.
    counted = [
        count
        for count in extraction.counts
        if isinstance(count.value, Quantity) and _same_noun(count.value, kb)
    ]
    claims = sorted(extraction.claims + counted, key=lambda claim: claim.start)
    subjects = claim_subjects(reply, [(claim.kind, claim.start, claim.end) for claim in claims])
    flags = []
    for claim, subject in zip(claims, subjects, strict=True):
        reason = _check(claim.value, kb)
        if reason is None:
            reason = _topic_reason(claim.value, subject, kb)
        if (
            reason is None
            and isinstance(claim.value, Certainty)
            and claim.value.family == GUARANTEE
            and not kb.assures
        ):
            reason = guarantee_reason(reply=reply, start=claim.start, knowledge_base=knowledge_base)
        if reason is not None and _included_means_free(claim, knowledge_base):
            reason = None
        if reason is not None:
            flags.append(Flag(claim.kind, claim.text, claim.start, claim.end, reason))
    # Offers said without a number; a sentence already flagged is not flagged twice.
    for offer in offer_flags(reply=reply, knowledge_base=knowledge_base, kb=kb):
        if any(flag.start < offer.end and offer.start < flag.end for flag in flags):
            continue
        flags.append(Flag(OFFER, offer.claim, offer.start, offer.end, offer.reason))
    flags.sort(key=lambda flag: flag.start)
    facts = list(kb.facts) + offer_facts(knowledge_base)
    return GroundingResult(flags=flags, claims=claims, facts=facts)


# --- policy -------------------------------------------------------------------------------


class Policy(enum.StrEnum):
    """What an agent does with a flagged reply; the value is stored on the agent."""

    PASS = "pass"  # send, ignore the flags
    LOG = "log"  # send, and log the flags
    REVIEW = "review"  # hold every flagged reply for a reviewer
    FALLBACK = "fallback"  # replace every flagged reply with the fallback message
    DEFAULT = "default"  # up to 2 flags: hold; more: fallback

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(policy.value, policy.name.replace("_", " ").capitalize()) for policy in cls]


class Decision(enum.StrEnum):
    SEND = "send"
    SEND_AND_LOG = "send_and_log"
    HOLD = "hold"
    FALLBACK = "fallback"


# More flags than this and the reply is more likely wrong than worth a reviewer's time.
DEFAULT_HOLD_LIMIT = 2


def decide(*, flags: list[Flag], policy: Policy | str = Policy.DEFAULT) -> Decision:
    policy = Policy(policy)
    if not flags or policy is Policy.PASS:
        return Decision.SEND
    if policy is Policy.LOG:
        return Decision.SEND_AND_LOG
    if policy is Policy.REVIEW:
        return Decision.HOLD
    if policy is Policy.FALLBACK:
        return Decision.FALLBACK
    return Decision.FALLBACK if len(flags) > DEFAULT_HOLD_LIMIT else Decision.HOLD
