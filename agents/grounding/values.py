"""The normalised values of claims, by kind, and how each reads in a flag's reason.

A reply's "90 shekels" and a knowledge base's "₪90" both become ``Price(Amount(90), "ILS")``;
comparing values rather than text is what lets paraphrases pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from agents.grounding.schedule import DAY_NAMES

PRICE = "price"
TIME = "time"
DAYS = "days"
DURATION = "duration"
PERCENT = "percent"
PHONE = "phone"
CERTAINTY = "certainty"
QUANTITY = "quantity"
KINDS = (PRICE, TIME, DAYS, DURATION, PERCENT, PHONE, CERTAINTY, QUANTITY)


def format_number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():f}"


@dataclass(frozen=True)
class Amount:
    """A number, a range of numbers, or an open bound ("from ₪350")."""

    low: Decimal
    high: Decimal
    qualifier: str = ""  # "from", "up to" or ""

    @property
    def is_range(self) -> bool:
        return self.high > self.low

    def describe(self, unit: Callable[[Decimal], str]) -> str:
        text = unit(self.low) if not self.is_range else f"{unit(self.low)}-{unit(self.high)}"
        return f"{self.qualifier} {text}" if self.qualifier else text


_SYMBOLS = {"ILS": "₪", "USD": "$", "EUR": "€", "GBP": "£"}


@dataclass(frozen=True)
class Price:
    amount: Amount
    currency: str | None  # an ISO code; None for a bare number said to be a price

    def describe(self) -> str:
        if self.amount.low == 0 and not self.amount.is_range:
            return "free"
        symbol = _SYMBOLS.get(self.currency or "", "")
        if symbol:
            return self.amount.describe(lambda value: f"{symbol}{format_number(value)}")
        suffix = f" {self.currency}" if self.currency else ""
        return self.amount.describe(format_number) + suffix


MINUTE = 1
HOUR = 60
DAY = 24 * HOUR
WEEK = 7 * DAY
MONTH = 30 * DAY
# Twelve months make a year here, so that "a year's warranty" is "12 months' warranty".
YEAR = 12 * MONTH
_DURATION_UNITS = ((YEAR, "year"), (MONTH, "month"), (WEEK, "week"), (DAY, "day"))


def _duration_unit(*values: Decimal) -> tuple[int, str]:
    for size, name in _DURATION_UNITS:
        if all(value >= size and value % size == 0 for value in values):
            return size, name
    if all(value >= HOUR and value % 30 == 0 for value in values):
        return HOUR, "hour"
    return MINUTE, "minute"


@dataclass(frozen=True)
class Duration:
    amount: Amount  # in minutes

    def describe(self) -> str:
        low, high = self.amount.low, self.amount.high
        size, name = _duration_unit(low, high)
        count = format_number(low / size)
        if self.amount.is_range:
            count = f"{count}-{format_number(high / size)}"
        plural = "" if high == size else "s"
        text = f"{count} {name}{plural}"
        return f"{self.amount.qualifier} {text}" if self.amount.qualifier else text


@dataclass(frozen=True)
class Percent:
    amount: Amount

    def describe(self) -> str:
        return self.amount.describe(lambda value: f"{format_number(value)}%")


def describe_clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class ClockTime:
    """A time of day; two readings when "9:00" or "at 7" leaves am or pm unsaid."""

    readings: frozenset[int]  # minutes after midnight

    def describe(self) -> str:
        return describe_clock(min(self.readings))


ROUND_THE_CLOCK = (ClockTime(frozenset({0})), ClockTime(frozenset({0})))


@dataclass(frozen=True)
class Time:
    points: tuple[ClockTime, ...]  # one time, or the two ends of a range
    # An opening or closing time ("until 7pm") must be one the knowledge base states; a
    # moment ("come at 10:30") need only fall within the hours.
    boundary: bool
    days: frozenset[int] = frozenset()

    def describe(self) -> str:
        if self.points == ROUND_THE_CLOCK:
            return "24 hours"
        return "-".join(point.describe() for point in self.points)


@dataclass(frozen=True)
class DayStatus:
    days: frozenset[int]
    is_open: bool
    # A day named with nothing said about it ("we can come on Saturday"): it offers the
    # day, so it is checked against a day the knowledge base closes, and only then.
    implicit: bool = False

    def describe(self) -> str:
        names = ", ".join(DAY_NAMES[day] for day in sorted(self.days))
        return f"{'open' if self.is_open else 'closed'} on {names}"


@dataclass(frozen=True)
class Phone:
    number: str  # digits, national form for Israel ("035551234"), else as dialled

    def describe(self) -> str:
        return self.number


GUARANTEE = "guarantee"
ASSURANCE = "assurance"


@dataclass(frozen=True)
class Certainty:
    family: str  # GUARANTEE ("guaranteed", "מובטח") or ASSURANCE ("definitely", "בהחלט")

    def describe(self) -> str:
        return self.family


@dataclass(frozen=True)
class Quantity:
    """A count of something: "up to 8 students", "ages 16+", "עד 6 ילדים"."""

    amount: Amount
    nouns: frozenset[str]  # the words counted, as ``topics.topic_words`` gives them
    limit: bool = False  # "up to", "at least", "16+": a claim even when said alone

    def describe(self) -> str:
        return f"{self.amount.describe(format_number)} {' '.join(sorted(self.nouns))}"


Value = Price | Duration | Percent | Time | DayStatus | Phone | Certainty | Quantity


@dataclass(frozen=True)
class Claim:
    kind: str
    text: str  # as written in the original text
    start: int  # span in the original text
    end: int
    value: Value
