"""Text normalisation that remembers where every character came from.

Replies and knowledge bases arrive in many spellings of the same thing: Hebrew gershayim as
״, ", '' or “, dashes as -, –, — or the Hebrew maqaf, invisible direction marks around
numbers in right-to-left text, vowel points. The extractors match one canonical spelling,
and a flag must still point at the span of the *original* reply for highlighting, so each
normalised character keeps the original span it stands for.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d\u05be")
_APOSTROPHES = frozenset("'\u05f3\u2019\u2018`\u00b4\u2032")
_QUOTES = frozenset('"\u05f4\u201c\u201d\u201e\u2033\u00ab\u00bb')
# Zero-width and bidirectional controls: WhatsApp and word processors put them around
# numbers in Hebrew text ("\u200f180 \u20aa"), where they would split a token in two.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Mn"})


@dataclass(frozen=True)
class NormalisedText:
    """Canonical text plus, for each of its characters, the original (start, end)."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalised ``text[start:end]`` came from."""
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else len(self.original)
            return position, position
        return self.starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        first, last = self.original_span(start, end)
        return self.original[first:last]


@lru_cache(maxsize=4096)
def _canonical_char(char: str) -> str:
    if char in _DASHES:
        return "-"
    if char in _APOSTROPHES:
        return "'"
    if char in _QUOTES:
        return '"'
    if unicodedata.category(char) == "Zs" or char in "\t\r":
        return " "
    if unicodedata.category(char) in _INVISIBLE_CATEGORIES:
        return ""
    # Only decimal digits of other scripts ("٣") become digits: a superscript ("m²") is a
    # unit's mark, and read as "2" it would turn "5 m² ₪480" into a price of ₪2.
    if not char.isascii() and unicodedata.category(char) == "Nd":
        return str(unicodedata.digit(char, 0))
    lowered = char.lower()
    # Keep one character for one: a lower-casing that grows ("İ" -> "i̇") would shift spans.
    return lowered if len(lowered) == 1 else char


# Knowledge bases are read again for every reply, and most checks read the reply too.
@lru_cache(maxsize=1024)
def normalise(text: str) -> NormalisedText:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        canonical = _canonical_char(char)
        if not canonical:
            continue
        # Two apostrophes are how many keyboards type gershayim (ש''ח).
        if canonical == "'" and chars and chars[-1] == "'" and ends[-1] == index:
            chars[-1] = '"'
            ends[-1] = index + 1
            continue
        chars.append(canonical)
        starts.append(index)
        ends.append(index + 1)
    return NormalisedText(
        original=text, text="".join(chars), starts=tuple(starts), ends=tuple(ends)
    )


def line_at(text: str, position: int) -> str:
    """The line of ``text`` that ``position`` falls in, stripped: a knowledge-base line as
    the owner wrote it, for a reviewer."""
    first = text.rfind("\n", 0, position) + 1
    last = text.find("\n", position)
    return text[first : last if last >= 0 else len(text)].strip()


def split_spans(text: str, breaks: re.Pattern[str]) -> list[tuple[int, int]]:
    """The non-empty stretches of ``text`` between matches of ``breaks``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in breaks.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# A sentence ends at . ! ? ; or a line break, but not inside "9.30", "1,500" or "a.m.".
_CLAUSE_BREAK = re.compile(r"\n+|(?<!\ba\.m)(?<!\bp\.m)[.!?;]+(?=\s|$)")


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences and lines of ``text``: the reach of a day name over times."""
    return split_spans(text, _CLAUSE_BREAK)
