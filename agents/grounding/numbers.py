"""Numbers as people write them: digits with thousands separators, English and Hebrew words.

``NUMBER`` is a regular-expression fragment the extractors build on; ``parse_number`` turns
what it matched into a ``Decimal``. Hebrew number words carry the one-letter prefixes of
the language (ב, ל, כ, מ, ו, ה, ש: "בשלושה", "כחמש", "משמונה"), so the fragment accepts
them and the parser strips them. Hebrew numbers have a masculine and a feminine form and
a construct form (שלוש, שלושה, שלושת); all mean the same number.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_EN_ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_HE_UNITS = {
    "אחד": 1,
    "אחת": 1,
    "שניים": 2,
    "שנים": 2,
    "שתיים": 2,
    "שתים": 2,
    "שני": 2,
    "שתי": 2,
    "שלוש": 3,
    "שלושה": 3,
    "שלושת": 3,
    "ארבע": 4,
    "ארבעה": 4,
    "ארבעת": 4,
    "חמש": 5,
    "חמישה": 5,
    "חמשת": 5,
    "שש": 6,
    "שישה": 6,
    "ששת": 6,
    "שבע": 7,
    "שבעה": 7,
    "שבעת": 7,
    "שמונה": 8,
    "שמונת": 8,
    "תשע": 9,
    "תשעה": 9,
    "תשעת": 9,
    "עשר": 10,
    "עשרה": 10,
    "עשרת": 10,
}
_HE_TENS = {
    "עשרים": 20,
    "שלושים": 30,
    "ארבעים": 40,
    "חמישים": 50,
    "שישים": 60,
    "שבעים": 70,
    "שמונים": 80,
    "תשעים": 90,
}
_HE_HUNDREDS = {"מאה": 100, "מאתיים": 200}
_HE_THOUSANDS = {"אלף": 1000, "אלפיים": 2000}
_WORD_VALUES: dict[str, int] = {
    **_EN_ONES,
    **_EN_TENS,
    **_HE_UNITS,
    **_HE_TENS,
    **_HE_HUNDREDS,
    **_HE_THOUSANDS,
    "a": 1,
}
_HEBREW_PREFIXES = "בלכמוהש"
HEBREW_LETTER = "\u05d0-\u05ea"


def _alternation(words: object) -> str:
    # Longest first, so that "seventeen" is not read as "seven" followed by "teen".
    return "|".join(sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


# "שנים" alone means "years"; as a number it only appears in "שנים עשר" (twelve).
_HE_UNIT_WORDS = _alternation(word for word in _HE_UNITS if word != "שנים")
_EN_SMALL = (
    rf"(?:(?:{_alternation(_EN_TENS)})(?:[- ](?:{_alternation(w for w, v in _EN_ONES.items() if 0 < v < 10)}))?"
    rf"|{_alternation(_EN_ONES)})"
)
_EN_HUNDREDS = rf"(?:(?:{_EN_SMALL}|a)\s+hundred(?:\s+(?:and\s+)?{_EN_SMALL})?)"
_EN_NUMBER = (
    rf"\b(?:(?:{_EN_HUNDREDS}|{_EN_SMALL}|a)\s+thousand(?:\s+(?:and\s+)?(?:{_EN_HUNDREDS}|{_EN_SMALL}))?"
    rf"|{_EN_HUNDREDS}|{_EN_SMALL})\b"
)
_HE_SMALL = (
    rf"(?:(?:{_HE_UNIT_WORDS}|שנים)\s+עשרה?"
    rf"|(?:{_alternation(_HE_TENS)})(?:\s+ו(?:{_HE_UNIT_WORDS}))?"
    rf"|(?:{_HE_UNIT_WORDS}))"
)
_HE_HUNDREDS_RE = rf"(?:(?:מאתיים|מאה|(?:{_HE_UNIT_WORDS})\s+מאות)(?:\s+ו?{_HE_SMALL})?)"
_HE_NUMBER = (
    rf"(?<![{HEBREW_LETTER}])[{_HEBREW_PREFIXES}]{{0,2}}-?"
    rf"(?:(?:אלפיים|אלף|(?:{_HE_UNIT_WORDS})\s+אלפים)(?:\s+ו?(?:{_HE_HUNDREDS_RE}|{_HE_SMALL}))?"
    rf"|{_HE_HUNDREDS_RE}|{_HE_SMALL})(?![{HEBREW_LETTER}])"
)
# 1,500 and 1500 are one number; "1,50" is not a thousands separator, so it stops at "1".
DIGITS = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d]|,\d{3})"
_SCALE = rf"(?:\s+(?:million|thousand|מיליון|אלף)(?![{HEBREW_LETTER}\w]))"
NUMBER = rf"(?:{DIGITS}{_SCALE}?|{_EN_NUMBER}|{_HE_NUMBER}|\b(?:a\s+)?million\b|(?<![{HEBREW_LETTER}])מיליון(?![{HEBREW_LETTER}]))"
SMALL_WORD_NUMBER = (
    rf"(?:{_EN_SMALL}|(?<![{HEBREW_LETTER}])[{_HEBREW_PREFIXES}]{{0,2}}(?:{_HE_SMALL}))"
)

_NUMBER_RE = re.compile(NUMBER)
_SCALES = {"million": 1_000_000, "מיליון": 1_000_000, "thousand": 1000, "אלף": 1000}


def _strip_hebrew_prefix(word: str) -> str | None:
    for cut in range(3):
        if cut and word[cut - 1] not in _HEBREW_PREFIXES + "-":
            return None
        candidate = word[cut:]
        if candidate in _WORD_VALUES or candidate in {"מאות", "אלפים"}:
            return candidate
    return None


def _parse_words(text: str) -> Decimal | None:
    total = 0
    current = 0
    previous_value = 0
    for position, raw in enumerate(re.split(r"[\s-]+", text.strip())):
        if raw in {"", "and"}:
            continue
        word = _strip_hebrew_prefix(raw) if position == 0 else raw
        if word is None:
            return None
        if word not in _WORD_VALUES and word not in {"hundred", "מאות", "thousand", "אלפים"}:
            # The "ו" (and) of a Hebrew compound is a prefix of the next word.
            if word.startswith("ו") and word[1:] in _WORD_VALUES:
                word = word[1:]
            else:
                return None
        if word in {"hundred", "מאות"}:
            current = (current or 1) * 100
        elif word in {"thousand", "אלפים", "אלף"}:
            total += (current or 1) * 1000
            current = 0
        elif word in {"עשר", "עשרה"} and 0 < previous_value < 10:
            current += 10
        else:
            current += _WORD_VALUES[word]
        previous_value = _WORD_VALUES.get(word, 0)
    return Decimal(total + current)


def parse_number(text: str) -> Decimal | None:
    """The value of a number matched by ``NUMBER`` ("1,500", "twenty-five", "כשלושה")."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    scale = 1
    for word, factor in _SCALES.items():
        if cleaned.endswith(word):
            cleaned, scale = cleaned[: -len(word)].strip() or "1", factor
            break
    if cleaned in {"a", "1"} or cleaned[0].isdigit():
        try:
            return Decimal(cleaned.replace(",", "").removeprefix("a").strip() or "1") * scale
        except InvalidOperation:
            return None
    value = _parse_words(cleaned)
    return value * scale if value is not None else None


def numbers_in(text: str) -> list[Decimal]:
    """Every number in ``text``, in order (for the pieces of an already matched range)."""
    values = (parse_number(match.group()) for match in _NUMBER_RE.finditer(text))
    return [value for value in values if value is not None]
