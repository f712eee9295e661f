"""Counts of things: "up to 8 students", "at least 150 guests", "ages 16+", "עד 6 ילדים".

A count is a number and the noun it counts. It is read last, from what the other kinds
left, so a price, a time or a duration is never read as a count.

Two sorts, checked differently:

- a **limit** ("up to 500 guests", "at least 2 nights' notice", "מגיל 16", "לכל היותר 10
  משתתפים") is a claim on its own: the knowledge base must state that number for that
  noun, or at least state the number somewhere (a limit on something it never counts);
- a **plain count** ("4 players", "3 חדרים") is usually the customer's own head count or
  a description, not a claim. It is held to the knowledge base only when the knowledge
  base counts the same noun: then it must fall within what it states ("2-6 players",
  "up to 4 rooms").

Ages are counts of the noun "age" in both languages, so "for ages 16 and up" matches the
knowledge base's "גיל 16 ומעלה".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.numbers import NUMBER, numbers_in
from agents.grounding.scanner import Scanner
from agents.grounding.topics import topic_words
from agents.grounding.values import QUANTITY, Amount, Quantity

AGE = "age"
_UP_TO = "up to"
_FROM = "from"

_EN_UP_TO = r"up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|max(?:imum)?(?:\s+of)?|under"
_EN_FROM = r"at\s+least|min(?:imum)?(?:\s+of)?|over|more\s+than|above|from|no\s+fewer\s+than|no\s+less\s+than"
_HE_UP_TO = r"עד|לכל\s+היותר|מקסימום|מתחת\s+ל-?|פחות\s+מ-?"
_HE_FROM = r"לפחות|מינימום|מעל|יותר\s+מ-?|החל\s+מ-?"
_LIMIT = (
    rf"(?:\b(?P<en_up>{_EN_UP_TO})|\b(?P<en_from>{_EN_FROM})"
    rf"|(?<![{HE}])(?P<he_up>{_HE_UP_TO})|(?<![{HE}])(?P<he_from>{_HE_FROM}))"
)
_RANGE = rf"{NUMBER}(?:\s*(?:-|to|עד)\s*{NUMBER})?"
# The noun counted: the next one or two words on the same line.
_WORD = rf"(?:[a-z][a-z'-]*|[{HE}][{HE}\"']*)"
# A limit said after its noun: "7 visits or more", "10 משתתפים ומעלה", "6 kids or fewer".
_EN_MORE = r"(?:or|and)[^\S\n]+(?:more|up|above|over|older|longer)\b"
_EN_LESS = r"(?:or|and)[^\S\n]+(?:less|fewer|under|below|younger)\b"
_HE_MORE = rf"(?<![{HE}])(?:ומעלה|או\s+יותר)(?![{HE}])"
_HE_LESS = rf"(?<![{HE}])(?:ומטה|או\s+פחות)(?![{HE}])"
_AFTER = rf"(?:[^\S\n]+(?:(?P<more>{_EN_MORE}|{_HE_MORE})|(?P<less>{_EN_LESS}|{_HE_LESS})))?"
_NOUN = rf"(?P<noun>{_WORD}(?:[^\S\n]+(?!(?:or|and)\b|ומעלה|ומטה|או(?![{HE}])){_WORD})?)"
_COUNT = re.compile(
    rf"(?:{_LIMIT}[^\S\n]*-?[^\S\n]*)?(?P<number>{_RANGE})(?P<plus>\+)?[^\S\n]+{_NOUN}{_AFTER}"
)
_AGES = (
    re.compile(
        rf"(?:{_LIMIT}[^\S\n]*)?(?:\b(?:the\s+)?ages?(?:\s+of)?|(?<![{HE}])[מלב]?-?(?:גיל|גילאי|בני|בנות))"
        rf"\s*:?\s*(?P<number>{_RANGE})(?P<plus>\+)?(?P<up>\s*(?:and\s+(?:up|over|older|above)|ומעלה))?"
    ),
    re.compile(
        rf"(?:{_LIMIT}[^\S\n]*)?(?P<number>{_RANGE})(?P<plus>\+)?[\s-]*"
        rf"(?:years?[\s-]+old|year[\s-]+olds?)\b(?P<up>\s*(?:and\s+(?:up|over|older|above)))?"
    ),
)
# Words after a number that say it is no count: "at 7 sharp", an order "#4471 is ready".
_NOT_NOUNS = frozenset(
    ["am", "pm", "o'clock", "sharp", "percent", "st", "nd", "rd", "th", "floor"]
    + ["קומה", "בבוקר", "בערב", "בלילה", "בצהריים"]
)


def _head(words: list[str]) -> str:
    """The noun counted: Hebrew puts it first ("2 סוגי שיעורים" counts kinds, "4 שטיפות
    מלאות" washes); English puts an adjective first ("10 private lessons")."""
    if words[0].isascii():
        return next((word for word in words if word.endswith("s")), words[0])
    return words[0]


def _qualifier(match: re.Match[str]) -> str:
    if match.group("en_up") or match.group("he_up"):
        return _UP_TO
    if match.group("en_from") or match.group("he_from"):
        return _FROM
    return ""


def _amount(text: str, qualifier: str) -> Amount | None:
    values = numbers_in(text)
    if not values:
        return None
    low, high = min(values[0], values[-1]), max(values[0], values[-1])
    return Amount(low=low, high=high, qualifier="" if high > low else qualifier)


@dataclass(frozen=True)
class Count:
    start: int
    end: int
    value: Quantity


def find_counts(scan: Scanner) -> list[Count]:
    """Every count in what the other extractors left of the text; nothing is taken."""
    counts: list[Count] = []
    seen: set[int] = set()
    for pattern in _AGES:
        for match in scan.matches(pattern):
            if match.start("number") in seen:
                continue
            qualifier = _FROM if match.group("plus") or match.group("up") else _qualifier(match)
            amount = _amount(match.group("number"), qualifier)
            if amount is None:
                continue
            seen.add(match.start("number"))
            value = Quantity(amount, frozenset({AGE}), limit=bool(qualifier))
            counts.append(Count(match.start(), match.end(), value))
    for match in scan.matches(_COUNT):
        if match.start("number") in seen:
            continue
        noun = match.group("noun")
        first = noun.split()[0]
        if first in _NOT_NOUNS:
            continue
        nouns = topic_words(_head(noun.split()))
        if not nouns:
            continue
        qualifier = _FROM if match.group("plus") or match.group("more") else _qualifier(match)
        qualifier = _UP_TO if match.group("less") else qualifier
        amount = _amount(match.group("number"), qualifier)
        if amount is None or amount.high == 0:
            continue
        value = Quantity(amount, nouns, limit=bool(qualifier))
        counts.append(Count(match.start(), match.end(), value))
    return sorted(counts, key=lambda count: count.start)


def add_limits(scan: Scanner, counts: list[Count]) -> None:
    """Limits are claims of their own; plain counts wait for the knowledge base's nouns."""
    for count in counts:
        if count.value.limit:
            scan.claims.append((count.start, count.end, QUANTITY, count.value))


def bounds(fact: Amount) -> tuple[Decimal, Decimal | None]:
    """What a count in the knowledge base allows: "up to 8" is 0 to 8, "from 150" no top."""
    if fact.qualifier == _UP_TO:
        return Decimal(0), fact.high
    if fact.qualifier == _FROM:
        return fact.low, None
    return fact.low, fact.high
