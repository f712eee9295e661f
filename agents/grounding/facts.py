"""What a knowledge base supports, by kind, read with the same extractor as the replies.

Reading both sides with one extractor is what makes paraphrases pass: "₪90" in the
knowledge base and "90 shekels" in the reply both become ``Price(90, ILS)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from agents.grounding.claims import extract, knowledge_base_guarantees
from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.numbers import numbers_in
from agents.grounding.schedule import describe_days
from agents.grounding.text import normalise
from agents.grounding.topics import segment_spans, topic_words
from agents.grounding.values import (
    ASSURANCE,
    DAY,
    HOUR,
    MONTH,
    WEEK,
    YEAR,
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
)

MINUTES_PER_DAY = 24 * 60
_FREE_WORD = re.compile(r"\bfree\b|חינם|ללא\s+תשלום|ללא\s+עלות", re.IGNORECASE)
# "Weekly rental", "מנוי שנתי": in the knowledge base these state a length ("for a week",
# "for a year"). Read on this side only: a reply's "weekly classes" claims no length.
_PERIOD_ADJECTIVES = (
    (re.compile(r"\b(?:hourly|per\s+hour)\b"), HOUR),
    (re.compile(rf"\bdaily\b|(?<![{HE}])(?:יומי|יומית)(?![{HE}])"), DAY),
    (re.compile(rf"\bweekly\b|(?<![{HE}])(?:שבועי|שבועית)(?![{HE}])"), WEEK),
    (re.compile(rf"\bmonthly\b|(?<![{HE}])(?:חודשי|חודשית)(?![{HE}])"), MONTH),
    (re.compile(rf"\b(?:annual|annually|yearly)\b|(?<![{HE}])(?:שנתי|שנתית)(?![{HE}])"), YEAR),
)


def _period_adjectives(text: str) -> list[Amount]:
    lowered = text.lower()
    found = []
    for pattern, minutes in _PERIOD_ADJECTIVES:
        if pattern.search(lowered):
            found.append(Amount(Decimal(minutes), Decimal(minutes)))
    return found


@dataclass(frozen=True)
class Fact:
    """One thing the knowledge base states, for showing beside a flagged span."""

    kind: str
    text: str  # canonical: "₪90", "Sunday-Thursday 09:00-19:00", "45 minutes"
    source: str  # as written in the knowledge base
    start: int
    end: int


@dataclass
class DaySchedule:
    times: set[int] = field(default_factory=set)
    intervals: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = False
    is_open: bool = False


def intervals_of(time: Time) -> list[tuple[int, int]]:
    """Every reading of a range as (open, close) minutes; a close past midnight wraps."""
    if len(time.points) != 2:
        return []
    pairs = [
        (opening, closing)
        for opening in time.points[0].readings
        for closing in time.points[1].readings
    ]
    spans = [(opening, closing) for opening, closing in pairs if closing > opening]
    # Past midnight ("20:00-02:00") only when no same-day reading exists: "7:00-13:00"
    # must not also read as 19:00 to 13:00 the next day.
    return spans or [(opening, closing + MINUTES_PER_DAY) for opening, closing in pairs]


def within(readings: frozenset[int], intervals: list[tuple[int, int]]) -> bool:
    return any(
        low <= reading <= high or low <= reading + MINUTES_PER_DAY <= high
        for reading in readings
        for low, high in intervals
    )


@dataclass
class KnowledgeFacts:
    prices: list[Price] = field(default_factory=list)
    durations: list[Amount] = field(default_factory=list)
    percents: list[Amount] = field(default_factory=list)
    phones: dict[str, str] = field(default_factory=dict)  # normalised -> as written
    schedule: dict[int, DaySchedule] = field(default_factory=dict)
    # Times said for no particular day ("orders before 14:00 ship today").
    undayed_times: set[int] = field(default_factory=set)
    all_times: set[int] = field(default_factory=set)
    all_intervals: list[tuple[int, int]] = field(default_factory=list)
    # "צ'ק-אין מ-15:00", "check-out until 11:00": a time said as a bound only, and
    # the stretch it opens or closes: a moment said for no day may fall inside one.
    bounded: list[tuple[int, int]] = field(default_factory=list)
    bare_numbers: set[Decimal] = field(default_factory=set)
    quantities: list[Quantity] = field(default_factory=list)
    numbers: set[Decimal] = field(default_factory=set)  # every number written, of any kind
    mentions_free: bool = False
    guarantees: bool = False
    assures: bool = False
    facts: list[Fact] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)

    @property
    def has_days(self) -> bool:
        return bool(self.schedule)

    def day(self, day: int) -> DaySchedule | None:
        return self.schedule.get(day)


@dataclass
class Segment:
    """A line of the knowledge base (or a part of one) and the facts stated in it."""

    text: str
    words: frozenset[str]
    facts: KnowledgeFacts
    kinds: frozenset[type]
    line: int = 0  # which line of the knowledge base it is on


def _describe(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, Time) and value.days:
        return f"{describe_days(value.days)} {value.describe()}"
    if isinstance(value, Phone):
        return claim.text.strip()
    return value.describe()


def _add_time(facts: KnowledgeFacts, time: Time) -> None:
    readings = {reading for point in time.points for reading in point.readings}
    spans = intervals_of(time)
    facts.all_times |= readings
    facts.all_intervals.extend(spans)
    if not time.days:
        facts.undayed_times |= readings
    for day in time.days:
        schedule = facts.schedule.setdefault(day, DaySchedule())
        schedule.times |= readings
        schedule.intervals.extend(spans)
        schedule.is_open = True


def _add_status(facts: KnowledgeFacts, status: DayStatus) -> None:
    for day in status.days:
        schedule = facts.schedule.setdefault(day, DaySchedule())
        if status.is_open:
            schedule.is_open = True
        else:
            schedule.closed = True


_FROM_BEFORE = re.compile(
    rf"(?:\b(?:from|after|starting|starts|begins)|(?<![{HE}])(?:מ-?|משעה|מהשעה|החל\s+מ-?|אחרי))\s*$"
)
_UNTIL_BEFORE = re.compile(
    rf"(?:\b(?:until|till|til|by|before)|(?<![{HE}])(?:עד|ועד|לפני))\s*(?:השעה\s*)?$"
)


def _bounded(claim: Claim, before: str) -> list[tuple[int, int]]:
    """The stretch a lone bound opens ("from 15:00") or closes ("until 11:00")."""
    value = claim.value
    if not isinstance(value, Time) or len(value.points) != 1:
        return []
    readings = value.points[0].readings
    if _FROM_BEFORE.search(before):
        return [(reading, MINUTES_PER_DAY) for reading in readings]
    if _UNTIL_BEFORE.search(before):
        return [(0, reading) for reading in readings]
    return []


def _override(facts: KnowledgeFacts, claim: Claim, ranges: dict[int, Claim], text: str) -> None:
    """ "Sunday to Friday, 7:00-17:00 (Friday until 13:00)": a lone bound for a day the same
    line gave a range for moves that range's end (or, after "from", its start) that day."""
    value = claim.value
    if not isinstance(value, Time) or len(value.points) != 1 or not value.days:
        return
    before = text[max(0, claim.start - 12) : claim.start].lower()
    until = bool(_UNTIL_BEFORE.search(before))
    if not until and not _FROM_BEFORE.search(before):
        return
    bound = value.points[0].readings
    for day in value.days:
        earlier = ranges.get(day)
        schedule = facts.schedule.get(day)
        if earlier is None or schedule is None or "\n" in text[earlier.end : claim.start]:
            continue
        old = intervals_of(earlier.value)  # type: ignore[arg-type]
        if until:
            moved = [(low, reading) for low, _ in old for reading in bound if reading > low]
        else:
            moved = [(reading, high) for _, high in old for reading in bound if reading < high]
        if not moved:
            continue
        schedule.intervals = [span for span in schedule.intervals if span not in old] + moved
        ends = {high for _, high in old} if until else {low for low, _ in old}
        schedule.times -= ends - {point for span in moved for point in span}


def _collect(facts: KnowledgeFacts, claims: list[Claim], text: str = "") -> KnowledgeFacts:
    ranges: dict[int, Claim] = {}  # for each day, the last range given for several days
    for claim in claims:
        value = claim.value
        if text:
            facts.bounded += _bounded(claim, text[max(0, claim.start - 12) : claim.start].lower())
            _override(facts, claim, ranges, text)
            if isinstance(value, Time) and len(value.points) == 2 and len(value.days) > 1:
                ranges.update((day, claim) for day in value.days)
        if isinstance(value, Price):
            facts.prices.append(value)
        elif isinstance(value, Duration):
            facts.durations.append(value.amount)
        elif isinstance(value, Percent):
            facts.percents.append(value.amount)
        elif isinstance(value, Phone):
            facts.phones.setdefault(value.number, claim.text.strip())
        elif isinstance(value, Time):
            _add_time(facts, value)
        elif isinstance(value, DayStatus):
            _add_status(facts, value)
        elif isinstance(value, Quantity):
            facts.quantities.append(value)
        elif isinstance(value, Certainty):
            facts.assures = facts.assures or value.family == ASSURANCE
            facts.guarantees = True
        facts.facts.append(Fact(claim.kind, _describe(claim), claim.text, claim.start, claim.end))
    return facts


# "Tasting for 100+ guests: free; otherwise ₪250": the part after ";" carries on the
# subject of the part before it, so it takes that part's words too.
_CONTINUATION = re.compile(
    rf"^\s*(?:otherwise|else|if\s+not|or|and|but|(?<![{HE}])(?:אחרת|ואם\s+לא|אם\s+לא|או|אבל)(?![{HE}]))",
    re.IGNORECASE,
)


_LINE_LABEL = re.compile(r"^\s*([^:\d\n]{3,40}):\s")


def _segments(text: str, claims: list[Claim], counts: list[Claim]) -> list[Segment]:
    claims = sorted(claims + counts, key=lambda claim: claim.start)
    segments = []
    previous: tuple[int, int] | None = None
    head: frozenset[str] = frozenset()  # the words of the line's first segment
    label: frozenset[str] = frozenset()
    for start, end in segment_spans(text):
        inside = [claim for claim in claims if start <= claim.start < end]
        words = topic_words(text[start:end])
        same_line = previous is not None and "\n" not in text[previous[1] : start]
        if previous and same_line and _CONTINUATION.match(text[start:end]):
            words |= topic_words(text[previous[0] : previous[1]])
        # "Book five days ahead; over Pesach and Sukkot, two weeks ahead": a part after ";"
        # that opens with its case before its value leaves the first part's words unsaid.
        comma = text.find(", ", start, end)
        if (
            same_line
            and ";" in text[previous[1] : start]  # type: ignore[index]
            and comma > 0
            and inside
            and all(claim.start > comma for claim in inside)
        ):
            words |= head
        if not same_line:
            head = words
        # "רחצה וייבוש: כלב קטן 120 ₪; כלב בינוני 160 ₪": a label is the subject of every
        # part of the list it opens, up to the next label or sentence.
        own = _LINE_LABEL.match(text[start:end])
        listed = same_line and previous is not None and ";" in text[previous[1] : start]
        if own or not listed:
            label = topic_words(own.group(1)) if own else frozenset()
        else:
            words |= label
        previous = (start, end)
        if inside:
            local = KnowledgeFacts(mentions_free=bool(_FREE_WORD.search(text[start:end])))
            segments.append(
                Segment(
                    text=text[start:end].strip(" -\t"),
                    words=words,
                    facts=_collect(local, inside, text),
                    kinds=frozenset(type(claim.value) for claim in inside),
                    line=text.count("\n", 0, start),
                )
            )
    return segments


@lru_cache(maxsize=128)
def facts_from_knowledge_base(text: str) -> KnowledgeFacts:
    """Cached: a worker checks many replies against the same knowledge base. Read only."""
    extraction = extract(text)
    facts = KnowledgeFacts(
        bare_numbers={value for value, _, _ in extraction.bare_numbers},
        mentions_free=bool(_FREE_WORD.search(text)),
        guarantees=knowledge_base_guarantees(text),
    )
    claims = sorted(extraction.claims + extraction.counts, key=lambda claim: claim.start)
    _collect(facts, claims, text)
    facts.numbers = set(numbers_in(normalise(text).text))
    facts.durations += _period_adjectives(text)
    facts.segments = _segments(text, extraction.claims, extraction.counts)
    return facts
