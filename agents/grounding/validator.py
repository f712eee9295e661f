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
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import Protocol

from agents.grounding.actions import actions_flags
from agents.grounding.affirmations import affirmation_flags, refusing_clauses
from agents.grounding.claims import extract, sizes_in
from agents.grounding.contacts import contacts_flags
from agents.grounding.entities import entities_flags
from agents.grounding.facts import (
    MINUTES_PER_DAY,
    Fact,
    KnowledgeFacts,
    Segment,
    facts_from_knowledge_base,
    within,
)
from agents.grounding.findings import ACTION, OFFER, Flag
from agents.grounding.offers import guarantee_reason, offer_facts, offer_flags
from agents.grounding.policies import policies_flags
from agents.grounding.quantities import bounds
from agents.grounding.quotes import echoed_spans, only_told, quoted_spans, told_numbers
from agents.grounding.schedule import DAY_NAMES, describe_days
from agents.grounding.services import services_flags
from agents.grounding.text import clause_spans, line_at, normalise
from agents.grounding.topics import (
    STOP_WORDS,
    Subject,
    claim_subjects,
    is_hebrew,
    overlap,
    segment_spans,
    shares_a_word,
    subclause_spans,
    topic_words,
)
from agents.grounding.values import (
    DAYS,
    DURATION,
    GUARANTEE,
    KINDS,
    MONTH,
    PRICE,
    QUANTITY,
    ROUND_THE_CLOCK,
    TIME,
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
    format_number,
)

_LISTED = 8  # facts named in a reason; a long price list would drown the point


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
            if not time.boundary and within(readings, kb.all_intervals + kb.bounded):
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
        # Hours for the days it works and none for this one: the knowledge base closes it.
        if (
            not status.is_open
            and schedule is None
            and any(other.times for other in kb.schedule.values())
        ):
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
        local.bounded += segment.facts.bounded
    return local


def _topic_reason(
    value: Value,
    subject: Subject,
    kb: KnowledgeFacts,
    sentence: frozenset[str] = frozenset(),
    siblings: tuple[Value, ...] = (),
) -> str | None:
    """A value the knowledge base states, but for another subject than the reply's.

    ``sentence`` is the content words of the whole sentence: when the claim's own clause
    shares a single word with the closest line ("on orders over ₪250"), a line stating the
    value that shares more of the sentence ("in Givatayim delivery is free") is its line.
    ``siblings`` are the other values of its kind in the sentence: a sentence that says two
    values of one line ("the first visit is ₪75 and the second ₪60" against "Visit: ₪75; a
    second visit on the same day ₪60") is about that line, not about another line that
    happens to share a word ("before the first booking")."""
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
        return _foreign_reason(value, subject, kb)
    closest = [segment for score, segment in scored if score == best]
    if _check(value, _merged(closest)) is None:
        return None
    # No shared word means another subject only within one language: a Hebrew reply
    # shares no word with the English line that does state its price.
    holders = [segment for _, segment in scored if _check(value, segment.facts) is None]
    if any(is_hebrew(segment.text) != subject.hebrew for segment in holders):
        return None
    if best == 1 and holders and sentence:
        held = max(overlap(sentence, segment.words) for segment in holders)
        if held > max(overlap(sentence, segment.words) for segment in closest):
            return None
    if siblings and _line_of_siblings(holders, closest, siblings, kb):
        return None
    said = "; ".join(f"“{segment.text}”" for segment in closest[:2])
    return f"{value.describe()} is not what the knowledge base gives for this: {said}"


def _line_of_siblings(
    holders: list[Segment], closest: list[Segment], siblings: tuple[Value, ...], kb: KnowledgeFacts
) -> bool:
    """Whether a line that states the value also states another value of its sentence, and
    no closest segment is on that line (a swap within one line is still the line's)."""
    lines = {segment.line for segment in closest}
    for holder in holders:
        if holder.line in lines:
            continue
        on_line = [segment for segment in kb.segments if segment.line == holder.line]
        if any(
            _check(sibling, segment.facts) is None for sibling in siblings for segment in on_line
        ):
            return True
    return False


# A line names the reply's subject this well before its silence about a value says anything.
_NAMED = 2
_LABELLED = re.compile(r"^[^:\d]{3,40}:\s")


def _foreign_reason(value: Value, subject: Subject, kb: KnowledgeFacts) -> str | None:
    """A value the knowledge base states only for other things, said of a thing it names
    without one: "סירוס כלב לוקח כשעה ועשרים דקות" when the 80 minutes are the cat spay's
    and the line "סירוס כלב: מ-₪900" gives the dog's price but no length."""
    if isinstance(value, Time):
        return None
    holders = [segment for segment in kb.segments if _check(value, segment.facts) is None]
    # Each holder must be about a thing of its own ("עיקור חתולה: ..."), not a rule for
    # everything ("רוב התיקונים מוכנים תוך 3 ימי עסקים").
    if not holders or not all(_LABELLED.match(segment.text) for segment in holders):
        return None
    if any(shares_a_word(subject.words, segment.words) for segment in holders):
        return None
    naming = [
        segment
        for segment in kb.segments
        if overlap(subject.words, segment.words) >= _NAMED and segment not in holders
    ]
    if not naming or any(is_hebrew(segment.text) != subject.hebrew for segment in holders):
        return None
    said = "; ".join(f"“{segment.text}”" for segment in holders[:2])
    return f"{value.describe()} is what the knowledge base gives for something else: {said}"


_PART_BREAK = re.compile(r",\s")
_LABEL_COLON = re.compile(r":(?=\s)")
# Counts in words tell one case from another ("for one person", "for two people").
_COUNT_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six)\b"
    r"|(?<![א-ת])(?:אחד|אחת|שניים|שתיים|שני|שתי|שלושה|שלוש|ארבעה|ארבע)(?![א-ת])"
)


def _case_words(text: str) -> frozenset[str]:
    norm = normalise(text).text
    return topic_words(norm) | frozenset(_COUNT_WORDS.findall(norm.lower()))


@dataclass(frozen=True)
class _Part:
    """One case of a line that prices several: "₪60 to or from Ramat Gan"."""

    text: str
    facts: KnowledgeFacts
    words: frozenset[str]
    exception: bool = False  # a clause that opens with its case: "over Pesach, two weeks"


def _pieces(line: str, low: int) -> list[tuple[int, int, bool]]:
    """The stretches of ``line`` from ``low`` between ", " and ";" outside parentheses, each
    with whether it opens a clause (after ";" or at the start)."""
    pieces: list[tuple[int, int, bool]] = []
    depth, start, opens = 0, low, True
    for index in range(low, len(line)):
        char = line[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (
            char == ";" or (char == "," and line[index + 1 : index + 2].isspace())
        ):
            if index > start:
                pieces.append((start, index, opens))
            start, opens = index + 1, char == ";"
    if start < len(line):
        pieces.append((start, len(line), opens))
    return [(a, b, opens) for a, b, opens in pieces if line[a:b].strip()]


@lru_cache(maxsize=512)
def _line_parts(line: str) -> tuple[_Part, ...]:
    """The cases of a line, each from one value to the next ", " or ";" (not inside
    parentheses), its label's words aside: "Standard delivery: ₪45 inside Tel Aviv, ₪60 to
    Ramat Gan" has two. A clause that opens with its case ("Book five days ahead; over Pesach
    and Sukkot, two weeks ahead") is an exception to the first: it takes the first clause's
    words too, since it leaves them unsaid, and is told by its own."""
    # The label ("Puppy class (ages 2-5 months):") is every case's, and so are its values.
    colon = _LABEL_COLON.search(line)
    values = extract(line).claims
    label_end = colon.end() if colon and colon.start() <= 40 else 0
    values = [claim for claim in values if claim.start >= label_end]
    if len(values) < 2:
        return ()
    label = topic_words(normalise(line[:label_end]).text)

    def valued(low: int, high: int) -> bool:
        return any(low <= claim.start < high for claim in values)

    pieces = _pieces(line, label_end)
    parts: list[list] = []  # [low, high, exception]
    waiting: int | None = None  # where a case said before its value begins
    for index, (low, high, opens) in enumerate(pieces):
        if waiting is None and not valued(low, high):
            following = pieces[index + 1] if index + 1 < len(pieces) else None
            if opens and following and not following[2] and valued(following[0], following[1]):
                waiting = low  # "over Pesach and Sukkot," goes with the value after it
                continue
            if parts:
                parts[-1][1] = high  # "to or from Ramat Gan" carries on its case
                continue
        if waiting is not None:
            parts.append([waiting, high, bool(parts)])
            waiting = None
        else:
            parts.append([low, high, False])
    first_clause = [part for part in parts if not part[2]][:1]
    found = []
    for low, high, exception in parts:
        chars = list(line[low:high])
        for claim in values:
            if low <= claim.start < high:
                chars[claim.start - low : claim.end - low] = " " * (claim.end - claim.start)
        words = _case_words("".join(chars))
        if exception and first_clause:
            head_low, head_high, _ = first_clause[0]
            head = list(line[head_low:head_high])
            for claim in values:
                if head_low <= claim.start < head_high:
                    head[claim.start - head_low : claim.end - head_low] = " " * (
                        claim.end - claim.start
                    )
            words |= _case_words("".join(head))
        words = frozenset(word for word in words if not overlap(frozenset({word}), label))
        found.append(
            _Part(line[low:high], facts_from_knowledge_base(line[low:high]), words, exception)
        )
    return tuple(found)


def _holds_kind(value: Value, facts: KnowledgeFacts) -> bool:
    match value:
        case Price():
            return bool(facts.prices)
        case Duration():
            return bool(facts.durations)
        case Percent():
            return bool(facts.percents)
    return False


def _clause_words(claim: Claim, claims: list[Claim], reply: str) -> frozenset[str]:
    """The words of a claim's clause, the counts in it too ("for two people"), when no other
    value of its kind shares the clause; else none."""
    for low, high in subclause_spans(reply):
        if not low <= claim.start < high:
            continue
        if any(
            other is not claim
            and type(other.value) is type(claim.value)
            and low <= other.start < high
            for other in claims
        ):
            return frozenset()
        return _case_words(reply[low : claim.start] + " " + reply[claim.end : high])
    return frozenset()


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _sentence_of(segment: Segment, lines: list[str]) -> str:
    """The sentence of the knowledge base that holds a segment: its parts between ";" too."""
    if segment.line >= len(lines):
        return segment.text
    for sentence in _SENTENCE_END.split(lines[segment.line].strip()):
        if segment.text in sentence:
            return sentence
    return segment.text


def _condition_reason(
    claim: Claim, subject: Subject, kb: KnowledgeFacts, words: frozenset[str], knowledge_base: str
) -> tuple[str | None, tuple[str, ...]]:
    """A line's value said with the words of its other case: "Standard delivery to Ramat
    Gan is ₪45" against "Standard delivery: ₪45 inside Tel Aviv, ₪60 to Ramat Gan".
    ``words`` are the claim's clause's own, counts and all."""
    value = claim.value
    if not isinstance(value, Price | Duration | Percent) or not subject.words:
        return None, ()
    words = subject.words | words
    lines = knowledge_base.split("\n")
    for segment in kb.segments:
        if _check(value, segment.facts) is not None or not overlap(words, segment.words):
            continue
        line = _sentence_of(segment, lines)
        parts = [part for part in _line_parts(line) if _holds_kind(value, part.facts)]
        own = [part for part in parts if _check(value, part.facts) is None]
        other = [part for part in parts if part not in own]
        if not own or not other:
            continue

        def distinct(part: _Part, parts: list[_Part] = parts) -> frozenset[str]:
            rest = frozenset().union(*(p.words for p in parts if p is not part))
            return frozenset(word for word in part.words if not overlap(frozenset({word}), rest))

        # A case told only by a number or a word like "over" ("₪170 over 15 kg") is one the
        # reply's words can hardly be held to.
        if any(overlap(words, distinct(part)) for part in own):
            continue
        # Unless the reply says much of the other case ("עם ציפוי נגד אור כחול").
        least = 2 if any(not distinct(part) for part in own) else 1
        said = [
            part
            for part in other
            if overlap(words, distinct(part)) >= (1 if part.exception else least)
        ]
        if said:
            return (
                f"{value.describe()} is what the knowledge base gives in another case than "
                f"this one (“{said[0].text.strip(' ,;')}”): “{line}”",
                (line,),
            )
    return None, ()


# "with a trial" / "without a trial", "כולל ניסיון" / "בלי ניסיון": a case told by whether
# something comes with it.
_POLARITY = re.compile(
    r"\b(?:(?P<en_without>without|no)|(?P<en_with>with|including|incl\.?))\s+(?:an?\s+|the\s+)?"
    r"(?P<en_noun>[a-z]{3,})"
    r"|(?<![א-ת])(?:(?P<he_without>בלי|ללא)|(?P<he_with>עם|כולל|כוללת|כוללים))\s+(?P<he_noun>[א-ת]{2,})"
)


def _polarities(text: str) -> set[tuple[bool, str]]:
    """(with?, noun) for each "with X" / "without X" of ``text``."""
    found = set()
    for match in _POLARITY.finditer(normalise(text).text):
        noun = match.group("en_noun") or match.group("he_noun")
        with_it = bool(match.group("en_with") or match.group("he_with"))
        if noun not in STOP_WORDS:
            found.add((with_it, noun))
    return found


def _matching(
    said: set[tuple[bool, str]], other: set[tuple[bool, str]], *, same: bool
) -> tuple[bool, str] | None:
    """A (with?, noun) of ``said`` whose noun ``other`` says with the same polarity (or, with
    ``same`` false, the opposite one)."""
    for with_it, noun in said:
        for other_with, other_noun in other:
            if (with_it == other_with) == same and overlap(
                frozenset({noun}), frozenset({other_noun})
            ):
                return with_it, noun
    return None


@dataclass(frozen=True)
class _Polarity:
    """How a value's "with X" / "without X" stands to its line's cases."""

    agrees: bool  # the reply says it as its own case does, the other case the other way
    reason: str | None = None
    evidence: tuple[str, ...] = ()


def _polarity(
    claim: Claim, claims: list[Claim], reply: str, kb: KnowledgeFacts, knowledge_base: str
) -> _Polarity | None:
    """A line whose cases differ by whether something comes with them: "איפור כלה כולל ניסיון
    איפור: 1,800 ₪; בלי ניסיון: 1,450 ₪", "Double room with breakfast ₪650, without breakfast
    ₪520". The value said without the thing its case has (or with what it lacks) is the other
    case's; said as its own case says it, it is bound to that case, whatever words it shares
    with the other. None when the reply or the line tells no case this way."""
    value = claim.value
    if not isinstance(value, Price | Duration | Percent) or not _POLARITY.search(reply.lower()):
        return None
    span = next(((a, b) for a, b in subclause_spans(reply) if a <= claim.start < b), None)
    if span is None or any(
        other is not claim and type(other.value) is type(value) and span[0] <= other.start < span[1]
        for other in claims
    ):
        return None
    said = _polarities(reply[span[0] : claim.start] + " " + reply[claim.end : span[1]])
    if not said:
        return None
    lines = knowledge_base.split("\n")
    for segment in kb.segments:
        if _check(value, segment.facts) is not None:
            continue
        line = _sentence_of(segment, lines)
        colon = _LABEL_COLON.search(line)
        label_end = colon.end() if colon and colon.start() <= 40 else 0
        pieces = [
            (line[low:high], facts_from_knowledge_base(line[low:high]))
            for low, high, _ in _pieces(line, label_end)
        ]
        pieces = [(text, facts) for text, facts in pieces if _holds_kind(value, facts)]
        # A case that says nothing of it is as its label says: "... כולל ניסיון: 1,800 ₪".
        label = _polarities(line[:label_end])
        own = [_polarities(text) or label for text, facts in pieces if _check(value, facts) is None]
        rest = [
            _polarities(text) or label for text, facts in pieces if _check(value, facts) is not None
        ]
        if len(own) != 1 or not rest:
            continue
        own_said = own[0]
        if _matching(said, own_said, same=True) and any(
            _matching(said, other, same=False) for other in rest
        ):
            return _Polarity(agrees=True)
        opposed = _matching(said, own_said, same=False)
        if opposed and any(_matching(said, other, same=True) for other in rest):
            with_it, noun = opposed
            said_as, given_as = ("with", "without") if with_it else ("without", "with")
            return _Polarity(
                agrees=False,
                reason=f"{value.describe()} is what the knowledge base gives {given_as} {noun}, "
                f"and the reply says it {said_as}: “{line}”",
                evidence=(line,),
            )
    return None


def _sentence_words(reply: str, claims: list[Claim]) -> dict[int, frozenset[str]]:
    """For each claim's start, the content words of its sentence, the claims' own text aside."""
    chars = list(reply)
    for claim in claims:
        chars[claim.start : claim.end] = " " * (claim.end - claim.start)
    masked = "".join(chars)
    words: dict[int, frozenset[str]] = {}
    for low, high in clause_spans(reply):
        sentence = topic_words(normalise(masked[low:high]).text)
        for claim in claims:
            if low <= claim.start < high:
                words[claim.start] = sentence
    return words


def _siblings(reply: str, claims: list[Claim]) -> dict[int, tuple[Value, ...]]:
    """For each claim's start, the other values of its kind said in its sentence."""
    found: dict[int, tuple[Value, ...]] = {claim.start: () for claim in claims}
    for low, high in clause_spans(reply):
        inside = [claim for claim in claims if low <= claim.start < high]
        for claim in inside:
            found[claim.start] = tuple(
                other.value
                for other in inside
                if type(other.value) is type(claim.value) and other.value != claim.value
            )
    return found


def _excluded_reason(
    value: Value, subject: Subject, kb: KnowledgeFacts, knowledge_base: str
) -> tuple[str | None, tuple[str, ...]]:
    """A value the knowledge base gives, said of what the same line excludes: "10% off
    baby formula too" against "Club members get 10% off supplements; not on baby formula"."""
    if not isinstance(value, Price | Duration | Percent) or not subject.words:
        return None, ()
    for segment in kb.segments:
        if _check(value, segment.facts) is not None:
            continue
        beyond = frozenset(
            word for word in subject.words if not overlap(frozenset({word}), segment.words)
        )
        if not beyond:
            continue
        for line, words in refusing_clauses(knowledge_base):
            if segment.text in line and overlap(beyond, words):
                return (
                    f"{value.describe()} is what the knowledge base gives, but it excludes this: “{line}”",
                    (line,),
                )
    return None, ()


# --- round the clock ---------------------------------------------------------------------

# Where the knowledge base says something never stops: "24/7 camera surveillance",
# "Reception open 24 hours", "מוקד זמין 24 שעות ביממה".
_KB_ROUND_THE_CLOCK = re.compile(
    r"24/7|\b(?:a)?round\s+the\s+clock\b|\b24\s*(?:hours|hrs|h)\b(?:\s+a\s+day)?(?!\s+(?:before|in\s+advance|notice|after|ahead|prior))"
    r"|24\s+שעות(?:\s+ביממה)?(?!\s+(?:לפני|מראש|אחרי|מ))|מסביב\s+לשעון"
)
_KB_ROUND_THE_CLOCK_OPEN = re.compile(
    r"24/7|round\s+the\s+clock|\bopen\w*\s+24\b|\b24\s*(?:hours|hrs|h)\s+a\s+day"
    r"|\b(?:available|staffed|manned)\s+24\b|\b24\s*(?:hours|hrs|h)\s*$"
    r"|(?:פתוח\w*|זמינ\w*|פועל\w*|עובד\w*)\s+24|24\s+שעות\s+ביממה|מסביב\s+לשעון"
)


def _round_the_clock_lines(knowledge_base: str) -> list[tuple[str, frozenset[str]]]:
    text = normalise(knowledge_base).text
    lines = []
    for start, end in segment_spans(text):
        line = text[start:end].strip(" -\t")
        match = _KB_ROUND_THE_CLOCK.search(line)
        if match and _KB_ROUND_THE_CLOCK_OPEN.search(line):
            lines.append((line, topic_words(line)))
    return lines


def _round_the_clock(
    value: Value, subject: Subject, kb: KnowledgeFacts, knowledge_base: str
) -> str | None | bool:
    """ "24/7" said of a subject: the knowledge base must say it of the same subject.

    True when a round-the-clock line of the knowledge base is about what the reply is
    about ("Reception open 24 hours" for "reception is open 24/7"), a reason when the
    lines about that subject give it hours and the round-the-clock one is about something
    else (24/7 camera surveillance, not access), None to leave it to the hours check.
    """
    if not (isinstance(value, Time) and value.points == ROUND_THE_CLOCK):
        return None
    lines = _round_the_clock_lines(knowledge_base)
    if not subject.words:
        return True if lines else None
    scored = [(overlap(subject.words, words), line) for line, words in lines]
    if any(score for score, _ in scored):
        return True
    timed = [
        segment
        for segment in kb.segments
        if Time in segment.kinds and overlap(subject.words, segment.words)
    ]
    if not timed or not lines:
        return None
    said = "; ".join(f"“{line}”" for _, line in scored[:2])
    return (
        f"round the clock: the knowledge base says that of something else ({said}); "
        f"for this it gives “{timed[0].text}”"
    )


# --- a price's length ---------------------------------------------------------------------


def _priced_duration_reason(
    duration: Claim, claims: list[Claim], reply: str, kb: KnowledgeFacts
) -> str | None:
    """ "₪250 for a full hour": a length said with a price must be that priced item's.

    The knowledge-base lines that state the price and a length are the item's; the reply's
    length must be one of theirs, even when another line states it for something else.
    """
    if not isinstance(duration.value, Duration):
        return None
    span = next(
        ((low, high) for low, high in subclause_spans(reply) if low <= duration.start < high),
        None,
    )
    if span is None:
        return None
    prices = [
        claim
        for claim in claims
        if isinstance(claim.value, Price)
        and claim.value.amount.high > 0
        and span[0] <= claim.start < span[1]
        and _paired(duration, claim, claims, reply)
    ]
    for price in prices:
        holders = [
            segment
            for segment in kb.segments
            if Price in segment.kinds
            and Duration in segment.kinds
            and _check(price.value, segment.facts) is None
        ]
        # Only when the price names one item: a price that several items share says nothing.
        if not holders or len(holders) > 1 and len({h.text for h in holders}) > 1:
            continue
        if any(_check(duration.value, holder.facts) is None for holder in holders):
            continue
        return (
            f"{duration.value.describe()} is not the length the knowledge base gives for "
            f"{price.value.describe()}: “{holders[0].text}”"
        )
    return None


# "45 minutes for ₪170 or an hour for ₪210", "two to three days – or same day for ₪150":
# what an alternative, a dash or another length stands between is not said together.
_ALTERNATIVE = re.compile(
    r"\s[-–—]\s|\b(?:or|otherwise|else)\b|(?<![א-ת])(?:או|אחרת)(?![א-ת])", re.IGNORECASE
)


def _paired(duration: Claim, price: Claim, claims: list[Claim], reply: str) -> bool:
    """Whether a length and a price in one clause are said of one thing."""
    first, second = sorted((duration, price), key=lambda claim: claim.start)
    low, high = first.end, second.start
    if _ALTERNATIVE.search(reply[low:high]):
        return False
    return not any(
        isinstance(other.value, Duration) and low <= other.start < high for other in claims
    )


# --- a size's price ----------------------------------------------------------------------


def _sizes(text: str) -> list[tuple[int, int, Decimal]]:
    norm = normalise(text)
    return [(*norm.original_span(start, end), value) for start, end, value in sizes_in(norm.text)]


def _size_prices(knowledge_base: str) -> dict[Decimal, list[Price]]:
    """ "2 m² ₪250/month, 5 m² ₪480/month": each size with the price that follows it on
    its line, before the next size."""
    sizes = _sizes(knowledge_base)
    prices = [claim for claim in extract(knowledge_base).claims if isinstance(claim.value, Price)]
    pairs: dict[Decimal, list[Price]] = {}
    for index, (_, end, value) in enumerate(sizes):
        limit = sizes[index + 1][0] if index + 1 < len(sizes) else len(knowledge_base)
        line_end = knowledge_base.find("\n", end)
        limit = min(limit, line_end if line_end >= 0 else len(knowledge_base))
        following = [claim for claim in prices if end <= claim.start < limit]
        if following:
            pairs.setdefault(value, []).append(following[0].value)
    return pairs


def _size_clauses(
    reply: str, sizes: list[tuple[int, int, Decimal]], claims: list[Claim]
) -> list[tuple[int, int]]:
    """The reply's clauses, a size said alone joined to the priced clause after it in its
    sentence: "Our smallest one, 1 m², is ₪390 a month", "הקטן, 2 מ"ר, עולה 250 ₪"."""

    def has_size(low: int, high: int) -> bool:
        return any(low <= start < high for start, _, _ in sizes)

    def has_price(low: int, high: int) -> bool:
        return any(isinstance(c.value, Price) and low <= c.start < high for c in claims)

    sentence_ends = [high for _, high in clause_spans(reply)]
    spans = subclause_spans(reply)
    joined: list[tuple[int, int]] = []
    for low, high in spans:
        if joined:
            first, last = joined[-1]
            same_sentence = not any(last <= end < low for end in sentence_ends)
            if (
                same_sentence
                and has_size(first, last)
                and not has_price(first, last)
                and has_price(low, high)
                and not has_size(low, high)
            ):
                joined[-1] = (first, high)
                continue
        joined.append((low, high))
    return joined


def _size_price_flags(reply: str, claims: list[Claim], knowledge_base: str) -> list[Flag]:
    """A price said for a size must be the price the knowledge base gives that size."""
    sizes = _sizes(reply)
    if not sizes:
        return []
    pairs = _size_prices(knowledge_base)
    if not pairs:
        return []
    flags = []
    for low, high in _size_clauses(reply, sizes, claims):
        said = [value for start, _, value in sizes if low <= start < high]
        priced = [
            claim
            for claim in claims
            if isinstance(claim.value, Price)
            and claim.value.amount.high > 0
            and low <= claim.start < high
        ]
        if len(said) != 1 or not priced:
            continue
        size = said[0]
        for claim in priced:
            local = KnowledgeFacts(prices=pairs.get(size, []))
            if pairs.get(size) and _check_price(claim.value, local) is None:
                continue
            listed = ", ".join(
                f"{format_number(value)}: {'/'.join(p.describe() for p in prices)}"
                for value, prices in list(pairs.items())[:_LISTED]
            )
            flags.append(
                Flag(
                    PRICE,
                    claim.text,
                    claim.start,
                    claim.end,
                    f"{claim.value.describe()} is not the knowledge base's price for size "
                    f"{format_number(size)} (sizes there: {listed})",
                )
            )
    return flags


# --- all year, exclusive lists ------------------------------------------------------------

_ALL_YEAR = re.compile(
    r"\ball\s+(?:the\s+)?year(?:\s+round|\s+long)?\b|\byear[\s-]round\b|\b365\s+days\s+a\s+year\b"
    r"|\b(?:12|twelve)\s+months\s+a\s+year\b"
    r"|(?<![א-ת])(?:ב?כל\s+(?:ימות\s+)?השנה|לאורך\s+(?:כל\s+)?השנה|365\s+ימים\s+בשנה)(?![א-ת])"
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|ינואר|פברואר|מרץ|מרס|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר"
)
_KB_SEASON = re.compile(
    rf"\b(?:season|seasonal|summer\s+only|winter\s+only|closed\s+(?:in|during|for)\s+(?:the\s+)?winter)\b"
    rf"|(?<![a-zא-ת])(?:{_MONTHS})\.?\s*(?:-|to|until|till|through|עד|ועד)\s*(?:{_MONTHS})(?![a-zא-ת])"
    rf"|(?<![א-ת])(?:עונה|העונה|עונת|בעונה|עונתי\w*|בקיץ\s+בלבד|סגור\w*\s+בחורף)(?![א-ת])"
)
_NEGATED = re.compile(
    r"\b(?:not|no|isn't|aren't|don't|doesn't|never)\b|(?<![א-ת])(?:לא|אין)(?![א-ת])"
)


def _sentences(text: str) -> list[tuple[int, int]]:
    return clause_spans(text)


def _all_year_flags(reply: str, knowledge_base: str) -> list[Flag]:
    """ "Open all year round" against a knowledge base that gives a season."""
    kb_text = normalise(knowledge_base).text
    if not _KB_SEASON.search(kb_text) or _ALL_YEAR.search(kb_text):
        return []
    text = normalise(reply).text
    flags = []
    for low, high in _sentences(text):
        sentence = text[low:high]
        match = _ALL_YEAR.search(sentence)
        if match is None or _NEGATED.search(sentence) or "?" in text[low : high + 1]:
            continue
        start, end = normalise(reply).original_span(low + match.start(), low + match.end())
        flags.append(
            Flag(
                DAYS,
                reply[start:end],
                start,
                end,
                "all year round: the knowledge base gives a season, not the whole year",
            )
        )
    return flags


# --- ages said with a unit ----------------------------------------------------------------

_AGE_NUMBER = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
_EN_AGE = re.compile(
    rf"(?:\b(?P<limit>up\s+to|under|until|below|younger\s+than|from|over|at\s+least|older\s+than"
    rf"|above)\s+)?(?:the\s+age\s+of\s+)?\b(?P<low>{_AGE_NUMBER})"
    rf"(?:\s*(?:-|to|and)\s*(?P<high>{_AGE_NUMBER}))?[\s-]+(?P<unit>weeks?|months?|years?)[\s-]+old\b"
)
_HE_AGE_UNIT = r"(?P<unit>חודשים|חודש|שבועות|שבוע|שנים|שנה)"
_HE_AGE = re.compile(
    rf"(?<![א-ת])(?P<limit>מ|עד\s+|מעל\s+|מתחת\s+ל-?)?(?:גיל|גילאי)\s+"
    rf"(?:(?P<low>\d+)(?:\s*(?:-|עד)\s*(?P<high>\d+))?\s*{_HE_AGE_UNIT}"
    rf"|(?P<one>שנה|חודש|שבוע)(?![א-ת]))"
)
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_WORD_NUMBERS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12}
_AGE_WORDS = re.compile(r"\bages?\b|\bold\b|(?<![א-ת])[למב]?-?(?:גיל|גילאי|בני|בנות)(?![א-ת])")


def _age_value(word: str | None) -> Decimal | None:
    if word is None:
        return None
    if word in _WORD_NUMBERS:
        return Decimal(_WORD_NUMBERS[word])
    return Decimal(word)


def _in_months(unit: str) -> Decimal:
    if unit.startswith(("week", "שבוע")):
        return Decimal(7) / Decimal(30)
    if unit.startswith(("month", "חודש")):
        return Decimal(1)
    return Decimal(12)


def _reply_ages(text: str) -> list[tuple[int, int, list[Decimal], bool]]:
    """Ages said with a unit ("up to a year old", "עד גיל 6 חודשים"), in months."""
    found = []
    for pattern in (_EN_AGE, _HE_AGE):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if groups.get("one"):
                values, unit = [Decimal(1)], groups["one"]
            else:
                values = [v for v in (_age_value(groups["low"]), _age_value(groups["high"])) if v]
                unit = groups["unit"]
            size = _in_months(unit)
            found.append(
                (match.start(), match.end(), [v * size for v in values], bool(groups["limit"]))
            )
    return found


def _kb_ages(kb: KnowledgeFacts) -> list[Amount]:
    """The knowledge base's ages, in months: lengths on a line about age ("ages 3-6
    months"), and its counts of years of age ("ages 16+")."""
    ages = []
    for segment in kb.segments:
        if not _AGE_WORDS.search(segment.text.lower()):
            continue
        for amount in segment.facts.durations:
            ages.append(Amount(amount.low / MONTH, amount.high / MONTH))
    for quantity in kb.quantities:
        if "age" in quantity.nouns or any("גיל" in noun for noun in quantity.nouns):
            low, high = quantity.amount.low * 12, quantity.amount.high * 12
            ages.append(Amount(low, high))
    return ages


def _age_flags(reply: str, kb: KnowledgeFacts) -> list[Flag]:
    """An age limit must be an age the knowledge base states; one inside a stated range
    is fine when it is no limit ("a 4-month-old puppy")."""
    ages = _kb_ages(kb)
    if not ages:
        return []
    norm = normalise(reply)
    flags = []
    for start, end, values, limit in _reply_ages(norm.text):
        fits = all(
            any(
                value in (age.low, age.high) or (not limit and age.low <= value <= age.high)
                for age in ages
            )
            for value in values
        )
        if fits:
            continue
        first, last = norm.original_span(start, end)
        flags.append(
            Flag(
                QUANTITY,
                reply[first:last],
                first,
                last,
                "an age the knowledge base does not give (ages there: "
                + ", ".join(
                    f"{format_number(a.low)}-{format_number(a.high)} months"
                    if a.high > a.low
                    else f"{format_number(a.low)} months"
                    for a in ages[:_LISTED]
                )
                + ")",
            )
        )
    return flags


# Ways to pay, each as the words that name it in either language.
_PAYMENT_METHODS = (
    ("cash", r"\bcash\b|(?<![א-ת])ב?מזומן(?![א-ת])"),
    (
        "credit card",
        r"\bcredit(?:\s+cards?)?\b|\bcards?\b|\bvisa\b|\bmastercard\b|\bamex\b|אשראי|כרטיס",
    ),
    ("bit", r"\bbit\b|(?<![א-ת])ב?ביט(?![א-ת])"),
    ("paybox", r"\bpaybox\b|פייבוקס"),
    ("bank transfer", r"\b(?:bank|wire)\s+transfer\b|העברה\s+בנקאית|בהעברה"),
    ("cheque", r"\bch(?:e|eque)ques?\b|\bchecks?\b(?=\s*(?:$|[,.!]|or|and))|צ'?ק(?:ים)?(?![א-ת])"),
    ("paypal", r"\bpaypal\b|פייפאל"),
    ("apple pay", r"\bapple\s+pay\b|\bgoogle\s+pay\b"),
)
_ONLY = re.compile(r"\bonly\b|\bexclusively\b|(?<![א-ת])(?:בלבד|רק)(?![א-ת])")
_PAY_WORD = re.compile(r"\bpa(?:y|ys|ying|id|yment)\b|תשלום|לשלם|משלמים|תשלמו|לתשלום")


_METHOD_PATTERNS = tuple((name, re.compile(pattern)) for name, pattern in _PAYMENT_METHODS)


def _methods(text: str) -> set[str]:
    return {name for name, pattern in _METHOD_PATTERNS if pattern.search(text)}


@lru_cache(maxsize=256)
def _only_methods(knowledge_base: str) -> frozenset[str]:
    """The ways to pay a knowledge base names as the only ones ("cash or Bit only")."""
    kb_text = normalise(knowledge_base).text
    allowed: set[str] = set()
    for start, end in segment_spans(kb_text):
        line = kb_text[start:end]
        named = _methods(line)
        only = _ONLY.search(line)
        if named and only and not _ONLY_WHERE.match(line, only.end()):
            allowed |= named
    return frozenset(allowed)


# "Cash only at the counter", "מזומן רק בדלפק": where one way is taken, not the only way.
_ONLY_WHERE = re.compile(
    r"\s+(?:at|in|on|for|from|with|via|through|over|above|up\s+to|when|if|by\s+the)\b"
    r"|\s+(?:ב|ל|מ)(?!מזומן|אשראי|כרטיס|ביט|פייבוקס|העברה|צ'?ק)[א-ת]{2,}"
)


def _exclusive_payment_flags(reply: str, knowledge_base: str) -> list[Flag]:
    """ "Cash or Bit only": any other way to pay is not supported."""
    allowed = _only_methods(knowledge_base)
    if not allowed:
        return []
    norm = normalise(reply)
    text = norm.text
    flags = []
    for low, high in _sentences(text):
        sentence = text[low:high]
        if not _PAY_WORD.search(sentence) or _NEGATED.search(sentence):
            continue
        if "?" in text[low : high + 1]:
            continue
        other = _methods(sentence) - allowed
        if other:
            start, end = norm.original_span(low, high)
            flags.append(
                Flag(
                    OFFER,
                    reply[start:end].strip(),
                    start,
                    end,
                    f"pays by {', '.join(sorted(other))}: the knowledge base takes "
                    f"{' or '.join(sorted(allowed))} only",
                )
            )
    return flags


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
    *, reply: str, knowledge_base: str, language: str | None = None, question: str = ""
) -> GroundingResult:
    """Flag every claim of ``reply`` that ``knowledge_base`` does not support.

    ``question`` is the customer's messages the reply answers: what the customer wrote and
    the reply only quotes back is no claim, and a bare "Sure!" agrees to what they asked
    (``affirmations``). ``language`` ("en", "he" or None) is accepted for the pipeline's
    sake but changes nothing: a Hebrew reply quotes "NIS" and "9am", an English one "ש״ח",
    so every extractor always runs.
    """
    kb = facts_from_knowledge_base(knowledge_base)
    flags, claims = _statement_flags(reply, knowledge_base, kb, question)
    repeated = quoted_spans(reply, knowledge_base) + echoed_spans(reply, question)
    flags = [
        flag
        for flag in flags
        if not any(start <= flag.start and flag.end <= end for start, end in repeated)
    ]
    if not flags:
        flags = affirmation_flags(
            reply=reply, knowledge_base=knowledge_base, question=question, check=_check_text
        )
    facts = list(kb.facts) + offer_facts(knowledge_base)
    return GroundingResult(flags=flags, claims=claims, facts=facts)


# "two weeks before", "15 minutes late", "שבועיים לפני": a length relative to the customer's
# own plan, not the length of a service ("a 90-minute lesson").
_RELATIVE = re.compile(
    r"\s*(?:before|ahead|in\s+advance|early|late|after|later|from\s+now|earlier)\b"
    r"|\s*(?:לפני|מראש|מוקדם|באיחור|אחרי|מאוחר)(?![א-ת])",
    re.IGNORECASE,
)


def _without_their_numbers(
    flags: list[Flag], claims: list[Claim], reply: str, question: str
) -> list[Flag]:
    """Drop the flags on numbers the customer stated as their own, and on lengths of their
    own plan ("two weeks before")."""
    if not question.strip():
        return flags
    told = told_numbers(question)
    plans = _their_durations(question)
    return [
        flag
        for flag in flags
        if not only_told(flag.claim, told)
        and not (
            flag.kind == DURATION
            and _duration_of(flag, claims) in plans
            and _RELATIVE.match(reply, flag.end)
        )
    ]


def _their_durations(question: str) -> set[Amount]:
    """Lengths the customer wrote ("if we cancel two weeks before"): their plan, which the
    reply may reason about without the knowledge base stating it."""
    if not question.strip():
        return set()
    return {
        claim.value.amount
        for claim in extract(question).claims
        if isinstance(claim.value, Duration)
    }


def _duration_of(flag: Flag, claims: list[Claim]) -> Amount | None:
    for claim in claims:
        if isinstance(claim.value, Duration) and (claim.start, claim.end) == (flag.start, flag.end):
            return claim.value.amount
    return None


def _check_text(text: str, knowledge_base: str) -> list[Flag]:
    """Every check but the question's, on a text: how an agreed request is judged. A flag
    of a value kind carries the knowledge-base lines that state that kind ("Open Sunday-
    Thursday 09:00-19:00, closed on Saturday"), for the reviewer."""
    kb = facts_from_knowledge_base(knowledge_base)
    flags = _statement_flags(text, knowledge_base, kb)[0]
    return [
        flag
        if flag.evidence
        else replace(flag, evidence=_lines_stating(flag.kind, kb, knowledge_base))
        for flag in flags
    ]


# A flag of one kind is judged beside the knowledge base's facts of these kinds: hours are
# stated as times and as days ("Friday 08:00-14:00", "closed on Saturday"), and an
# "included" claim the knowledge base charges for is best judged beside its prices.
FACT_KINDS_BESIDE: dict[str, tuple[str, ...]] = {
    TIME: (TIME, DAYS),
    DAYS: (DAYS, TIME),
    OFFER: (OFFER, PRICE),
}


def _lines_stating(kind: str, kb: KnowledgeFacts, knowledge_base: str) -> tuple[str, ...]:
    kinds = FACT_KINDS_BESIDE.get(kind, (kind,))
    lines = dict.fromkeys(line_at(knowledge_base, f.start) for f in kb.facts if f.kind in kinds)
    return tuple(lines)[:_LISTED]


def _add(flags: list[Flag], extra: Iterable[Flag]) -> None:
    """Add each flag that does not cover a span already flagged: one reason per claim."""
    for flag in extra:
        if not any(flag.overlaps(other.start, other.end) for other in flags):
            flags.append(flag)


def _statement_flags(
    reply: str, knowledge_base: str, kb: KnowledgeFacts, question: str = ""
) -> tuple[list[Flag], list[Claim]]:
    """The flags of what ``reply`` itself states, and every valued claim found in it."""
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
    sentences = _sentence_words(reply, claims)
    siblings = _siblings(reply, claims)
    flags = []
    for claim, subject in zip(claims, subjects, strict=True):
        around = _round_the_clock(claim.value, subject, kb, knowledge_base)
        if around is True:
            continue
        reason = around if isinstance(around, str) else _check(claim.value, kb)
        evidence: tuple[str, ...] = ()
        polarity = _polarity(claim, claims, reply, kb, knowledge_base)
        if reason is None and polarity is not None and not polarity.agrees:
            reason, evidence = polarity.reason, polarity.evidence
        bound = polarity is not None  # "without breakfast" tells its case; no other reading
        if reason is None and not bound:
            reason = _topic_reason(
                claim.value, subject, kb, sentences[claim.start], siblings[claim.start]
            )
        if reason is None:
            reason = _priced_duration_reason(claim, claims, reply, kb)
        if reason is None:
            reason, evidence = _excluded_reason(claim.value, subject, kb, knowledge_base)
        if reason is None and not bound:
            words = _clause_words(claim, claims, reply)
            reason, evidence = _condition_reason(claim, subject, kb, words, knowledge_base)
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
            flags.append(Flag(claim.kind, claim.text, claim.start, claim.end, reason, evidence))
    _add(flags, _size_price_flags(reply, claims, knowledge_base))
    flags += _all_year_flags(reply, knowledge_base)
    _add(flags, _age_flags(reply, kb))
    _add(flags, _exclusive_payment_flags(reply, knowledge_base))
    # The customer's own numbers go before the claims without a value are read, so that a
    # dropped "15 minutes" does not hide "I've let Dana know you'll be 15 minutes late".
    flags = _without_their_numbers(flags, claims, reply, question)
    # Claims without a value; a span already flagged is not flagged twice, so the more
    # specific kinds go first and the general "offer" reading of a sentence last.
    for detector in _DETECTORS:
        found = detector(reply=reply, knowledge_base=knowledge_base, question=question)
        # "I passed your details on, someone will call you within the hour": the promised
        # time is part of the action claimed, which says more than the length alone.
        for action in (flag for flag in found if flag.kind == ACTION):
            flags[:] = [
                flag
                for flag in flags
                if not (flag.kind in KINDS and action.start <= flag.start < flag.end <= action.end)
            ]
        _add(flags, found)
    _add(
        flags,
        (
            Flag(OFFER, offer.claim, offer.start, offer.end, offer.reason)
            for offer in offer_flags(reply=reply, knowledge_base=knowledge_base, kb=kb)
        ),
    )
    flags.sort(key=lambda flag: flag.start)
    return flags, claims


class _Detector(Protocol):
    def __call__(self, *, reply: str, knowledge_base: str, question: str) -> list[Flag]: ...


# The checks of claims without a value, each in its own module, in the order they are tried.
_DETECTORS: tuple[_Detector, ...] = (
    actions_flags,
    contacts_flags,
    entities_flags,
    services_flags,
    policies_flags,
)


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
