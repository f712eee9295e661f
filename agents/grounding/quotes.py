"""What the reply only repeats: the knowledge base word for word, or the customer's own words.

Two kinds of text make no claim of the reply's own, whatever numbers they hold:

- a **quotation of the knowledge base**: a sentence (or a line's worth of words) that the
  knowledge base states word for word, punctuation, emojis and case aside. "Keratin
  straightening: from ₪900, about 3 hours Appointments only" quotes two lines run
  together; its "3 hours" is the keratin's, not the cancellation notice of the next line.
- an **echo of the customer**: a number, time or date the customer wrote, quoted back in
  a question or a restatement ("Tuesday at 10:00, you said?", "for the 3 of you"). Said
  as the business's own fact ("Yes, it's ₪100" to "is it ₪100?") it is still a claim:
  only a question, or a sentence that says it is the customer's ("you asked", "you
  mentioned", "ביקשת"), is an echo.

Both are spans of the original reply; the validator drops any flag inside one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.text import normalise, split_spans

# A word of any script, digits with their separators and currency signs kept whole.
_TOKEN = re.compile(rf"[₪$€£]?\d+(?:[.,:]\d+)*[₪$€£%]?|[a-z]+(?:'[a-z]+)?|[{HE}]+(?:\"[{HE}])?")
_SENTENCE_BREAK = re.compile(r"\n+|[!?;]+|\.(?=\s|$)|\s[-–]\s")
_CLAUSE_BREAK = re.compile(r"\n+|[!?;,:]+|\.(?=\s|$)|\s[-–]\s")
# A quotation needs this many words, so "from ₪900" alone vouches for nothing.
_MIN_QUOTED_WORDS = 4


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text).text)


@lru_cache(maxsize=256)
def _kb_runs(knowledge_base: str) -> str:
    """The knowledge base as one run of tokens, each between spaces, for substring search."""
    return " " + " ".join(_tokens(knowledge_base)) + " "


def quoted_spans(reply: str, knowledge_base: str) -> list[tuple[int, int]]:
    """Spans of ``reply`` whose sentence or clause the knowledge base states word for word."""
    if not knowledge_base.strip():
        return []
    kb = _kb_runs(knowledge_base)
    spans: list[tuple[int, int]] = []
    for breaks in (_SENTENCE_BREAK, _CLAUSE_BREAK):
        for start, end in split_spans(reply, breaks):
            tokens = _tokens(reply[start:end])
            if len(tokens) >= _MIN_QUOTED_WORDS and f" {' '.join(tokens)} " in kb:
                spans.append((start, end))
    return spans


# --- echoes of the customer -------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:[.:]\d+)?")
_YOU_SAID = re.compile(
    r"\byou(?:'ve|\s+have)?\s+(?:said|asked|mentioned|wrote|suggested|proposed|wanted|requested"
    r"|were\s+asking|are\s+asking|'re\s+asking|would\s+like|'d\s+like)\b"
    r"|\byour\s+(?:request|message|question)\b"
    rf"|(?<![{HE}])(?:ביקשת|ביקשתם|כתבת|כתבתם|שאלת|שאלתם|הצעת|רצית|רציתם|ציינת|אמרת|אמרתם)(?![{HE}])"
)


def _plain(value: str) -> str:
    """One spelling of a number or time: "10:00", "10.00" and "10" are all "10"."""
    value = value.replace(".", ":")
    if ":" in value:
        hour, minute = value.split(":", 1)
        return str(int(hour)) if minute.strip("0") == "" else f"{int(hour)}:{minute}"
    return str(int(value))


def _numbers(text: str) -> list[str]:
    return [_plain(match.group()) for match in _NUMBER.finditer(normalise(text).text)]


_ASKING = re.compile(
    r"^\W*(?:how|what|when|where|which|who|why|is|are|do|does|did|can|could|will|would|should"
    r"|may|shall|have|has)\b"
    rf"|^\W*(?:ה?אם|כמה|מה|מתי|איפה|היכן|איך|למה|מי|אפשר|יש\s+לכם|אתם|את|אתה|תוכל\w*)(?![{HE}])",
    re.IGNORECASE,
)


def told_numbers(question: str) -> set[str]:
    """The numbers the customer states as their own (a phone, a head count, "15 minutes
    late"), not those they ask about ("is it ₪100?", "can I come at 10?")."""
    told: set[str] = set()
    for start, end in _sentences_with_marks(question):
        sentence = question[start:end].strip()
        clauses = [sentence[low:high] for low, high in split_spans(sentence, _TOLD_BREAK)]
        asks = sentence.endswith("?")
        for index, clause in enumerate(clauses):
            # "I have a 5 kg box, is that ok?": the box is told, the last clause asks.
            if _ASKING.search(normalise(clause).text) or (asks and index == len(clauses) - 1):
                continue
            told.update(_numbers(clause))
    return told


# Clauses of a customer's sentence: "הבת שלי בת 17, זה אפשרי?", "I'll come at 16:15 - ok?".
_TOLD_BREAK = re.compile(r",|\s[-–]\s|;")


def only_told(claim: str, told: set[str]) -> bool:
    """Whether every number of ``claim`` is one the customer stated as their own."""
    numbers = _numbers(claim)
    return bool(numbers) and all(number in told for number in numbers)


def echoed_spans(reply: str, question: str) -> list[tuple[int, int]]:
    """Sentences of ``reply`` that quote the customer's numbers back as a question or as theirs.

    A sentence is an echo when every number in it is one the customer wrote, and it either
    asks ("Tuesday at 10:00?") or says whose the number is ("you asked for 10:00").
    """
    if not question.strip():
        return []
    theirs = set(_numbers(question))
    if not theirs:
        return []
    spans = []
    for start, end in _sentences_with_marks(reply):
        sentence = reply[start:end]
        mine = _numbers(sentence)
        if not mine or not all(number in theirs for number in mine):
            continue
        if sentence.rstrip().endswith("?") or _YOU_SAID.search(normalise(sentence).text):
            spans.append((start, end))
    return spans


_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")


def _sentences_with_marks(text: str) -> list[tuple[int, int]]:
    """Sentences with their closing punctuation, so a question keeps its "?" ("9.30" is one)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.end()].strip():
            spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
