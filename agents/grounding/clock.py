"""Times of day: "19:00", "7pm", "7 in the evening", "שבע בערב", "noon", "until 7".

A time is kept as its possible readings in minutes after midnight: "19:00" and "7pm" have
one, "9:00" and "at 9" two (9:00 and 21:00), because people leave am or pm unsaid when
the context makes it plain. A bare number is a time only beside a word that makes it one
("until 7", "עד 19") or, for a range ("9-7"), in a sentence about hours.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.numbers import SMALL_WORD_NUMBER, parse_number
from agents.grounding.scanner import TAKEN, Scanner
from agents.grounding.schedule import DAY_NAMES
from agents.grounding.text import clause_spans
from agents.grounding.values import TIME, ClockTime, Time

# "a.m." keeps its last dot; "7pm." leaves the full stop to the sentence.
_MORNING = r"(?:(?:a\.m\.|a\.m|am)(?![a-z])|in\s+the\s+morning|בבוקר|לפנה\"צ|לפני\s+הצהריים)"
_NOON = r"(?:בצהריים|בצהרים)"
_EVENING = (
    r"(?:(?:p\.m\.|p\.m|pm)(?![a-z])|in\s+the\s+(?:afternoon|evening)|at\s+night|tonight|in\s+the\s+night"
    r"|בערב|אחר\s+הצהריים|אחרי\s+הצהריים|אחה\"צ|בלילה)"
)
_PERIOD = rf"(?:\s?(?:o'clock\s+)?(?:{_MORNING}|{_NOON}|{_EVENING})|\s?o'clock)"
_CLOCK = r"(?:[01]?\d|2[0-4])[:.][0-5]\d"
_HOUR = r"(?:[01]?\d|2[0-4])"
# One time of day: "19:00", "7pm", "7 in the evening", "שבע בערב", "noon", "half past 8".
_TIME_ATOM = (
    rf"(?:(?:half\s+past\s+|quarter\s+past\s+)?(?:{_CLOCK}|(?<![\d.,]){_HOUR}|{SMALL_WORD_NUMBER})"
    rf"(?:\s+וחצי|\s+ורבע)?(?![\d%]|[.,:]\d){_PERIOD}?"
    rf"|\bnoon\b|\bmidday\b|\bmidnight\b|(?<![{HE}])ב?חצות(?![{HE}])"
    # "עד הצהריים" (until noon), but not "אחר הצהריים" (the afternoon).
    rf"|(?<![{HE}])(?<!אחר\s)(?<!אחרי\s)(?<!לפני\s)[בה]?צהריי?ם(?![{HE}]))"
)
_TIME = re.compile(
    rf"(?P<first>{_TIME_ATOM})(?:\s*(?:-|to|till|until|til|and|עד|ועד|ל-?)\s*(?:השעה\s*)?(?P<second>{_TIME_ATOM}))?"
)
_EXPLICIT = re.compile(rf"{_CLOCK}|{_PERIOD}$|noon|midday|midnight|חצות|צהריי?ם")
# Words before a bare number that make it a time of day ("until 7", "עד 19").
_TIME_CONTEXT_BEFORE = re.compile(
    rf"(?:\b(?:at|until|till|til|by|before|after|from|between|opens?|closes?|open\s+at|close\s+at)"
    rf"|(?<![{HE}])(?:עד|ועד|בשעה|משעה|מהשעה|השעה|לפני|אחרי|החל\s+מ-?|מ-|מ|בין|ב-))\s*$"
)
# The words just before a time that make it an opening, closing or starting time, which
# must be one the knowledge base states; other times ("come at 10:30") need only fall within.
_BOUNDARY_BEFORE = re.compile(
    rf"(?:\b(?:open\w*|clos\w*|until|till|til|from|by|before|after|between|last|first|shut\w*"
    rf"|start\w*|begin\w*|end\w*|finish\w*)"
    rf"|(?<![{HE}])(?:עד|ועד|משעה|מהשעה|פות\w*|פתוח\w*|נפתח\w*|סוגר\w*|סגור\w*|נסגר\w*|לפני|אחרי"
    rf"|החל|בין|מתחיל\w*|מסתיי?ם\w*|ה?אחרונ?\w*|מ-|מ)(?![{HE}]))"
)
_LAST_WORDS = re.compile(r"(?:\S+\s+){0,3}\S*$")
_MORNING_WORD = re.compile(rf"\bmornings?\b|(?<![{HE}])(?:בבוקר|בבקרים)(?![{HE}])")
_EVENING_WORD = re.compile(rf"\b(?:evenings?|nights?)\b|(?<![{HE}])(?:בערב|בערבים)(?![{HE}])")
_ANY_HOUR = re.compile(r"(?<![\d.,])\d{1,2}(?::\d\d)?(?![\d,])")


def _clause_period(clause_text: str) -> str:
    """'open Wednesday mornings from 8': a lone bare hour takes the clause's part of day."""
    if len(_ANY_HOUR.findall(clause_text)) != 1:
        return ""
    if _MORNING_WORD.search(clause_text):
        return "am"
    if _EVENING_WORD.search(clause_text):
        return "pm"
    return ""


# What may follow a bare hour: a range, a day, the end of the sentence; not "5 people".
_TIME_FOLLOWER = re.compile(
    rf"^(?:\s*$|\s*[,.;:!?)\-]|\s+(?:to|till|until|til|and|or|on|every|each|daily|from|at"
    rf"|sharp|today|tomorrow|tonight|this|next|the|עד|ועד|היום|מחר|ו|או)\b"
    rf"|\s+[ובלמ]?(?:{'|'.join(DAY_NAMES.values()).lower()}|sun|mon|tue|wed|thu|fri|sat"
    rf"|ראשון|שני|שלישי|רביעי|חמישי|שישי|שבת|יום|ימי|ימים|סופ)|\s*{TAKEN})"
)
_HOURS_WORDS = re.compile(
    rf"\b(?:open\w*|clos\w*|hours|shut)\b|(?<![{HE}])(?:שעות|פתוח\w*|פותח\w*|סגור\w*|סוגר\w*"
    rf"|פעילות|קבלה|זמינות)(?![{HE}])"
)


def _readings(atom: str) -> frozenset[int] | None:
    atom = atom.strip()
    if re.fullmatch(r"noon|midday|[בה]?צהריי?ם", atom):
        return frozenset({12 * 60})
    if re.fullmatch(r"midnight|ב?חצות", atom):
        return frozenset({0})
    period = ""
    if re.search(rf"{_MORNING}$", atom):
        period = "am"
    elif re.search(rf"{_EVENING}$", atom):
        period = "pm"
    elif re.search(rf"{_NOON}$", atom):
        period = "noon"
    clock = re.search(_CLOCK, atom)
    if clock:
        hour_text, minute_text = re.split(r"[:.]", clock.group())
        hour, minute = int(hour_text), int(minute_text)
    else:
        hour_match = re.search(rf"(?<![\d.,]){_HOUR}(?!\d)|{SMALL_WORD_NUMBER}", atom)
        value = parse_number(hour_match.group()) if hour_match else None
        if value is None or value != value.to_integral_value():
            return None
        hour, minute = int(value), 0
        if re.search(r"וחצי|half\s+past", atom):
            minute = 30
        elif re.search(r"ורבע|quarter\s+past", atom):
            minute = 15
    if hour > 24 or (period and hour > 12):
        return None
    hour %= 24
    if period == "am":
        return frozenset({(hour % 12) * 60 + minute})
    if period == "pm":
        if "בלילה" in atom and hour <= 4:
            return frozenset({hour * 60 + minute})
        return frozenset({(hour % 12 + 12) * 60 + minute})
    if period == "noon":
        return frozenset({((hour + 12) if hour <= 5 else hour) * 60 + minute})
    # "08:00" is written on a 24-hour clock; "8:00" and "at 8" leave am or pm unsaid.
    if 1 <= hour <= 11 and not (clock and clock.group().startswith("0")):
        return frozenset({hour * 60 + minute, (hour + 12) * 60 + minute})
    return frozenset({hour * 60 + minute})


def _in_period(point: ClockTime, period: str) -> ClockTime:
    wanted = {r for r in point.readings if (r < 12 * 60) == (period == "am")}
    return ClockTime(frozenset(wanted)) if wanted else point


_PERIOD_WORD = re.compile(rf"{_MORNING}|{_NOON}|{_EVENING}")


def _on_one_clock(first: str, second: str, points: list[ClockTime]) -> list[ClockTime]:
    """'9:00-18:00', '9-18': a range that closes on a 24-hour clock opens on one too.

    Without this "9:00" keeps its evening reading (21:00), and a Saturday written
    "9:00-18:00" would vouch for "open until 21:00 on Saturday".
    """
    opening, closing = points
    if len(closing.readings) != 1 or min(closing.readings) < 13 * 60:
        return points
    if _PERIOD_WORD.search(first) or _PERIOD_WORD.search(second):
        return points
    return [ClockTime(frozenset({min(opening.readings)})), closing]


@dataclass(frozen=True)
class _Clause:
    about_hours: bool  # names a day or says open, closed, hours
    period: str  # "am" or "pm" for a lone bare hour in a clause about mornings or evenings


def _clauses(text: str, day_starts: frozenset[int]) -> tuple[list[int], list[_Clause]]:
    starts, clauses = [], []
    for start, end in clause_spans(text):
        clause_text = text[start:end]
        about_hours = bool(_HOURS_WORDS.search(clause_text)) or any(
            start <= day < end for day in day_starts
        )
        starts.append(start)
        clauses.append(_Clause(about_hours=about_hours, period=_clause_period(clause_text)))
    return starts, clauses


def extract_times(scan: Scanner, day_starts: frozenset[int]) -> None:
    starts, clauses = _clauses(scan.norm.text, day_starts)
    for match in scan.matches(_TIME):
        first, second = match.group("first"), match.group("second")
        explicit = [bool(_EXPLICIT.search(atom)) for atom in (first, second) if atom]
        index = bisect.bisect_right(starts, match.start()) - 1
        clause = clauses[index] if index >= 0 else _Clause(about_hours=False, period="")
        context = bool(_TIME_CONTEXT_BEFORE.search(scan.before(match.start(), 20)))
        follows = _TIME_FOLLOWER.match(scan.window(match.end(), match.end() + 20)) or any(
            match.end() < start <= match.end() + 4 for start in day_starts
        )
        in_hours_clause = clause.about_hours
        if second is not None and not any(explicit):
            # "9-7": hours only in a sentence about hours; elsewhere it is a count or a score.
            if not (context or in_hours_clause) or not follows:
                continue
        elif second is None and not explicit[0] and not (context and follows):
            continue
        points = []
        for atom in (first, second):
            if atom is None:
                continue
            readings = _readings(atom)
            if readings is None:
                break
            points.append(ClockTime(readings))
        else:
            last_words = _LAST_WORDS.search(scan.before(match.start(), 40))
            boundary = second is not None or bool(
                last_words and _BOUNDARY_BEFORE.search(last_words.group())
            )
            period = clause.period if not any(explicit) else ""
            if period and len(points) == 1:
                points = [_in_period(points[0], period)]
            if second is not None:
                points = _on_one_clock(first, second, points)
            time = Time(points=tuple(points), boundary=boundary)
            scan.add(TIME, match.start(), match.end(), time)
