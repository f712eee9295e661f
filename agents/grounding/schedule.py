"""Day names, day ranges, and which days a time or a "closed" is said for.

Days are numbered from Sunday (0) to Saturday (6), the Israeli week. "Weekdays" are Sunday
to Thursday and "the weekend" is Friday and Saturday, in both languages, because the
businesses are in Israel.

The reading is positional, sentence by sentence, because opening hours are written in two
orders: days then hours ("Sun-Thu 9:00-19:00, Fri 8:00-14:00") and hours then days ("9 to 7
Sunday to Thursday"). A sentence that starts with a time belongs to the second order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from agents.grounding.numbers import HEBREW_LETTER as HE

DAY_NAMES = {
    0: "Sunday",
    1: "Monday",
    2: "Tuesday",
    3: "Wednesday",
    4: "Thursday",
    5: "Friday",
    6: "Saturday",
}
ALL_DAYS = frozenset(range(7))
WEEKDAYS = frozenset(range(5))
WEEKEND = frozenset({5, 6})

_EN_DAYS = {
    "sunday": 0,
    "sun": 0,
    "monday": 1,
    "mon": 1,
    "tuesday": 2,
    "tues": 2,
    "tue": 2,
    "wednesday": 3,
    "weds": 3,
    "wed": 3,
    "thursday": 4,
    "thurs": 4,
    "thur": 4,
    "thu": 4,
    "friday": 5,
    "fri": 5,
    "saturday": 6,
    "sat": 6,
}
_HE_DAYS = {
    "ראשון": 0,
    "שני": 1,
    "שלישי": 2,
    "רביעי": 3,
    "חמישי": 4,
    "שישי": 5,
    "שבתות": 6,
    "שבת": 6,
}
_HE_LETTERS = {"א": 0, "ב": 1, "ג": 2, "ד": 3, "ה": 4, "ו": 5, "ש": 6}
# "ראשון" is also "first" and "שני" also "two"; alone they are day names only beside
# another day ("ראשון עד חמישי") or after "יום" ("יום שני").
_AMBIGUOUS_HE = frozenset({"ראשון", "שני"})


def _alternation(words: object) -> str:
    return "|".join(sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_EN_FULL = _alternation(name for name in _EN_DAYS if name.endswith("day"))
_EN_SHORT = _alternation(name for name in _EN_DAYS if not name.endswith("day"))
_DAY = re.compile(
    rf"\b(?:(?P<en>{_EN_FULL})(?:s|'s)?|(?P<short>{_EN_SHORT})\.?)\b"
    rf"|(?<![{HE}])(?P<pre>[ובלמה]{{0,3}})(?P<word>(?:יום|ימי|ימים)\s+)?"
    rf"(?P<he>{_alternation(_HE_DAYS)})(?![{HE}])(?!\s+לציון)"
    rf"|(?<![{HE}\w'])(?:[ובלמ]{{0,2}}(?:יום|ימי|ימים)\s+)?[ובלמ]?-?(?P<letter>[אבגדהוש])'(?![{HE}])"
    rf"|(?<![{HE}\w])(?P<from>[א-ו])\s*-\s*(?P<to>[א-ו]|ש)(?![{HE}\w'])"
)
# Whole weeks and parts of weeks; the first group holds digits, so it is read before
# durations would take "7 days" out of "7 days a week".
_ROUND_THE_CLOCK = re.compile(
    rf"24/7|\b24\s+hours\s+a\s+day\b|\b(?:a)?round\s+the\s+clock\b"
    rf"|24\s+שעות\s+ביממה|(?<![{HE}])מסביב\s+לשעון(?![{HE}])"
)
_EVERY_DAY_OF_THE_WEEK = re.compile(
    rf"\b(?:7|seven)\s+days\s+a\s+week\b|(?<![{HE}])(?:7|שבעה)\s+ימים\s+בשבוע"
)
_SPECIAL = (
    (
        re.compile(
            rf"\b(?:every\s+day|everyday|daily|all\s+week(?:\s+long)?)\b"
            rf"|(?<![{HE}])(?:כל\s+יום|כל\s+הימים|כל\s+השבוע|כל\s+ימות\s+השבוע|כל\s+ימי\s+השבוע)(?![{HE}])"
        ),
        ALL_DAYS,
    ),
    (
        re.compile(
            rf"\b(?:weekdays|week\s+days|workdays|work\s+days)\b|(?<![{HE}])(?:ב?ימי\s+חול)(?![{HE}])"
        ),
        WEEKDAYS,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?weekends?\b"
            rf'|(?<![{HE}])[ובלמ]?(?:סופ"ש|סוף\s+השבוע|סופי\s+שבוע|סוף\s+שבוע)(?![{HE}])'
        ),
        WEEKEND,
    ),
    (re.compile(rf'(?<![{HE}])[ובלמ]?(?:מוצ"ש|מוצאי\s+שבת)(?![{HE}])'), frozenset({6})),
)
_RANGE_GAP = re.compile(r"[^\S\n]*(?:-|to|through|thru|till|until|'til|עד|ועד)[^\S\n]*")
_LIST_GAP = re.compile(r"[^\S\n]*(?:,|and|&|/|or|,\s*and)?[^\S\n]*")
_BETWEEN_BEFORE = re.compile(rf"\bbetween\s*$|(?<![{HE}])בין\s*$")
_EXCEPT_BEFORE = re.compile(
    r"(?:\b(?:except|apart\s+from|besides|other\s+than|but\s+not|excluding)(?:\s+(?:on|for))?"
    rf"|(?<![{HE}])(?:חוץ|למעט|פרט|מלבד))\s*(?:מ-?|ל-?)?\s*$"
)


def _excluded(text: str, start: int) -> bool:
    """'except Saturday', 'חוץ משבת': the Hebrew "מ" is the first letter of the day token."""
    before = text[max(0, start - 20) : start]
    return bool(_EXCEPT_BEFORE.search(before) or _EXCEPT_BEFORE.search(before + text[start]))


@dataclass(frozen=True)
class DayToken:
    start: int
    end: int
    days: frozenset[int]
    weak: bool = False
    excluded: bool = False  # "except Saturday"
    implies_open: bool = False  # "24/7", "7 days a week"
    round_the_clock: bool = False  # "24/7"
    consumes_digits: bool = False
    named: bool = True
    # Single days can form ranges ("Sunday to Thursday"); "weekdays" cannot.
    first: int | None = None
    last: int | None = None


def _span_days(first: int, last: int) -> frozenset[int]:
    length = (last - first) % 7
    return frozenset((first + offset) % 7 for offset in range(length + 1))


def _single(match: re.Match[str]) -> DayToken:
    if match.group("en") or match.group("short"):
        day = _EN_DAYS[match.group("en") or match.group("short")]
        weak = False
    elif match.group("he"):
        day = _HE_DAYS[match.group("he")]
        # "ראשון" (first) and "החמישי" (the fifth) are ordinals unless "יום" says otherwise.
        weak = not match.group("word") and (
            match.group("he") in _AMBIGUOUS_HE or ("ה" in match.group("pre") and day != 6)
        )
    elif match.group("letter"):
        day = _HE_LETTERS[match.group("letter")]
        weak = False
    else:
        first, last = _HE_LETTERS[match.group("from")], _HE_LETTERS[match.group("to")]
        return DayToken(match.start(), match.end(), _span_days(first, last))
    return DayToken(match.start(), match.end(), frozenset({day}), weak=weak, first=day, last=day)


def _merge(text: str, tokens: list[DayToken]) -> list[DayToken]:
    merged: list[DayToken] = []
    for token in tokens:
        previous = merged[-1] if merged else None
        gap = text[previous.end : token.start] if previous else ""
        if previous and previous.first is not None and token.first is not None:
            between = _BETWEEN_BEFORE.search(text[max(0, previous.start - 12) : previous.start])
            if _RANGE_GAP.fullmatch(gap) or (between and re.fullmatch(r"\s*and\s*|\s*", gap)):
                days = _span_days(previous.first, token.first)
                merged[-1] = DayToken(previous.start, token.end, days)
                continue
        if previous and not previous.excluded and _LIST_GAP.fullmatch(gap) and gap.strip() != "-":
            merged[-1] = DayToken(
                previous.start,
                token.end,
                previous.days | token.days,
                implies_open=previous.implies_open or token.implies_open,
                round_the_clock=previous.round_the_clock or token.round_the_clock,
                consumes_digits=previous.consumes_digits or token.consumes_digits,
                named=previous.named and token.named,
            )
            continue
        merged.append(token)
    return merged


def find_day_tokens(text: str) -> list[DayToken]:
    """Day mentions in normalised text, with ranges and lists merged into one token each."""
    tokens: list[DayToken] = []
    taken: set[int] = set()
    for pattern in (_ROUND_THE_CLOCK, _EVERY_DAY_OF_THE_WEEK):
        for match in pattern.finditer(text):
            tokens.append(
                DayToken(
                    match.start(),
                    match.end(),
                    ALL_DAYS,
                    implies_open=True,
                    round_the_clock=pattern is _ROUND_THE_CLOCK,
                    consumes_digits=True,
                    named=False,
                )
            )
            taken.update(range(match.start(), match.end()))
    for pattern, days in _SPECIAL:
        for match in pattern.finditer(text):
            if not taken.intersection(range(match.start(), match.end())):
                tokens.append(DayToken(match.start(), match.end(), days, named=False))
                taken.update(range(match.start(), match.end()))
    for match in _DAY.finditer(text):
        if not taken.intersection(range(match.start(), match.end())):
            tokens.append(_single(match))
    tokens.sort(key=lambda token: token.start)
    tokens = [
        DayToken(
            token.start,
            token.end,
            token.days,
            weak=token.weak,
            excluded=_excluded(text, token.start),
            implies_open=token.implies_open,
            round_the_clock=token.round_the_clock,
            consumes_digits=token.consumes_digits,
            named=token.named,
            first=token.first,
            last=token.last,
        )
        for token in tokens
    ]
    merged = _merge(text, tokens)
    # A weak name that found no partner was an ordinal or a number after all.
    return [token for token in merged if not token.weak]


@dataclass
class DayGroup:
    """Days and what one sentence says about them: times, or open/closed."""

    days: frozenset[int]
    start: int
    end: int
    times: list[tuple[int, int]] = field(default_factory=list)
    is_open: bool | None = None
    backfilled: bool = False  # took the times written before the day names
    named: bool = False  # a day by name ("Saturday"), not "weekends" or "every day"


def _group_clause(tokens: list[tuple[int, int, str, DayToken | None]]) -> list[DayGroup]:
    groups: list[DayGroup] = []
    current: DayGroup | None = None
    pending_times: list[tuple[int, int]] = []
    pending_status: bool | None = None
    pending_status_start = 0
    last_kind = ""
    for start, end, kind, token in tokens:
        if kind == "day" and token is not None:
            if token.excluded:
                target = current or (groups[-1] if groups else None)
                if target is not None:
                    target.days = target.days - token.days
                last_kind = kind
                continue
            current = DayGroup(days=token.days, start=start, end=end, named=token.named)
            groups.append(current)
            if token.implies_open:
                current.is_open = True
            if pending_times:
                current.times.extend(pending_times)
                current.backfilled = True
                pending_times = []
            if pending_status is not None:
                # "open on Saturday": the claim spans the word that said it, for highlighting.
                current.is_open = pending_status
                current.start = min(current.start, pending_status_start)
                pending_status = None
        elif kind == "time":
            if current is None or current.backfilled:
                pending_times.append((start, end))
            else:
                current.times.append((start, end))
        else:
            is_open = kind == "open"
            if current is not None and last_kind == "day" and not current.times:
                if current.is_open is None or (current.is_open and not is_open):
                    current.is_open = is_open
                    current.end = max(current.end, end)
                else:
                    pending_status, pending_status_start = is_open, start
            else:
                pending_status, pending_status_start = is_open, start
        last_kind = kind
    if groups and pending_times:
        # "We open at 8 on Friday and close at 14:00": the close belongs to Friday too.
        groups[-1].times.extend(pending_times)
    if groups and pending_status is not None and groups[-1].is_open is None:
        groups[-1].is_open = pending_status
    return groups


def group_days(
    *,
    clauses: list[tuple[int, int]],
    days: list[DayToken],
    times: list[tuple[int, int]],
    statuses: list[tuple[int, int, bool]],
) -> list[DayGroup]:
    groups: list[DayGroup] = []
    dangling: DayGroup | None = None
    for clause_start, clause_end in clauses:

        def inside(position: int, lo: int = clause_start, hi: int = clause_end) -> bool:
            return lo <= position < hi

        tokens: list[tuple[int, int, str, DayToken | None]] = [
            (token.start, token.end, "day", token) for token in days if inside(token.start)
        ]
        tokens += [(start, end, "time", None) for start, end in times if inside(start)]
        tokens += [
            (start, end, "open" if is_open else "closed", None)
            for start, end, is_open in statuses
            if inside(start)
        ]
        tokens.sort(key=lambda item: item[0])
        if not tokens:
            continue
        has_days = any(kind == "day" for _, _, kind, _ in tokens)
        if not has_days and dangling is not None:
            # "On Saturday? Sorry, we're closed.": the day was named in the sentence before.
            for start, end, kind, _ in tokens:
                if kind == "time":
                    dangling.times.append((start, end))
                elif dangling.is_open is None:
                    dangling.is_open = kind == "open"
            dangling = None
            continue
        clause_groups = _group_clause(tokens)
        groups.extend(clause_groups)
        last = clause_groups[-1] if clause_groups else None
        dangling = last if last and not last.times and last.is_open is None else None
    return groups


def describe_days(days: frozenset[int]) -> str:
    """'Sunday-Thursday', 'Friday', 'Friday, Saturday' (for the reasons of a flag)."""
    if days == ALL_DAYS:
        return "every day"
    ordered = sorted(days)
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{DAY_NAMES[ordered[0]]}-{DAY_NAMES[ordered[-1]]}"
    return ", ".join(DAY_NAMES[day] for day in ordered)
