"""Which language the customer writes in. Hebrew has its own script, which settles most cases."""

from __future__ import annotations

import re

_HEBREW = re.compile(r"[\u0590-\u05FF]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str, *, default: str = "en") -> str:
    hebrew = len(_HEBREW.findall(text))
    latin = len(_LATIN.findall(text))
    if hebrew == 0 and latin == 0:
        return default
    return "he" if hebrew >= latin else "en"
