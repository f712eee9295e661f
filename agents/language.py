"""Which language the customer writes in: Hebrew or English, by script first, then by words.

Hebrew has its own script, which settles most messages. Latin-script messages are English
unless they are mostly transliterated Hebrew ("shalom, kama ze ole?"), which Israelis often
type on a phone without a Hebrew keyboard. Messages with no words at all (an emoji, a
number) keep the conversation's language.
"""

from __future__ import annotations

import re

_HEBREW_LETTER = re.compile(r"[\u05D0-\u05EA]")
_LATIN_WORD = re.compile(r"[A-Za-z']+")

# Common transliterated Hebrew that is not also an English word.
_TRANSLITERATED_HEBREW = frozenset(
    [
        "shalom",
        "toda",
        "todah",
        "raba",
        "rabba",
        "ma",
        "nishma",
        "kama",
        "ze",
        "zeh",
        "ole",
        "oleh",
        "beseder",
        "bseder",
        "sababa",
        "boker",
        "erev",
        "laila",
        "layla",
        "tov",
        "ken",
        "lo",
        "eich",
        "eikh",
        "efshar",
        "ani",
        "ata",
        "anachnu",
        "rotze",
        "rotza",
        "mechir",
        "tor",
        "machar",
        "hayom",
        "shavua",
        "yom",
        "sheni",
        "shlishi",
        "revii",
        "chamishi",
        "shishi",
        "shabbat",
        "shabat",
    ]
)


def detect_language(text: str, *, default: str = "en") -> str:
    hebrew_letters = len(_HEBREW_LETTER.findall(text))
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    if hebrew_letters == 0 and not words:
        return default
    if hebrew_letters >= sum(len(w) for w in words):
        return "he"
    transliterated = sum(1 for w in words if w in _TRANSLITERATED_HEBREW)
    if hebrew_letters == 0 and transliterated >= 2 and transliterated * 2 >= len(words):
        return "he"
    return "en"
