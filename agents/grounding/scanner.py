"""The text being read, with every extracted span blanked out as it is taken.

Extractors run one kind after another; blanking what a kind took keeps the later, looser
patterns (a bare "until 7") from reading the same characters again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from agents.grounding.text import NormalisedText
from agents.grounding.values import Value

# What blanks out an extracted span: matches no pattern, not even whitespace.
TAKEN = "\u25a0"


class Scanner:
    """The normalised text, with every extracted span blanked out as it is taken."""

    def __init__(self, text: NormalisedText) -> None:
        self.norm = text
        self.work = list(text.text)
        self._text: str | None = text.text
        self.claims: list[tuple[int, int, str, Value]] = []

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self.work)
        return self._text

    def window(self, start: int, end: int) -> str:
        return "".join(self.work[start:end])

    def take(self, start: int, end: int) -> None:
        for index in range(start, end):
            self.work[index] = TAKEN
        self._text = None

    def add(self, kind: str, start: int, end: int, value: Value) -> None:
        self.take(start, end)
        self.claims.append((start, end, kind, value))

    def matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        # Matched against a snapshot; a match overlapping a span taken meanwhile is skipped.
        for match in pattern.finditer(self.text):
            if TAKEN not in self.window(match.start(), match.end()):
                yield match

    def before(self, position: int, width: int = 30) -> str:
        return self.norm.text[max(0, position - width) : position]

    def after(self, position: int, width: int = 30) -> str:
        return self.norm.text[position : position + width]
