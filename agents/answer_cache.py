"""Cached answers: AI replies that were sent and not flagged, reused while the LLM is down.

Keyed per agent by a normalised form of the question (``question_key``), so "How much is a
haircut?", "how much is a haircut" and "Hi! How much is a haircut please 🙏" share one entry.
The key keeps word order: "is it open" and "it is open" are different questions often
enough that sorting words would hand out wrong answers, and a wrong answer is worse than a
rule-based one.
"""

from __future__ import annotations

import re
import unicodedata

from django.db.models import F, QuerySet
from django.utils import timezone

from agents.models import Agent, CachedAnswer

MAX_KEY_LENGTH = 300  # CachedAnswer.question_key

# Words that change nothing about what is being asked. Kept short on purpose: every word
# here makes two different questions more likely to share an answer.
FILLER_WORDS = frozenset(
    {
        "hi",
        "hello",
        "hey",
        "please",
        "pls",
        "plz",
        "thanks",
        "thx",
        "ok",
        "okay",
        "היי",
        "הי",
        "שלום",
        "אהלן",
        "בבקשה",
        "תודה",
    }
)
FILLER_PHRASES = (("thank", "you"), ("תודה", "רבה"))

# Apostrophes and Hebrew geresh/gershayim join a word ("what's", "צ'יפס", "ש״ח") rather than
# split it; every other non-letter, non-digit (punctuation, emoji, symbols) is a space.
_JOINERS = re.compile("['\u2019\u05f3\u05f4\"]")
_NOT_WORD = re.compile(r"[^\w\s]|_")


def question_key(text: str) -> str:
    """The normalised question: lowercase, no niqqud, punctuation or emoji, single spaces,
    filler words (hi, please, thanks, היי, בבקשה, תודה...) dropped, word order kept.

    A question that is nothing but filler ("thanks!") keeps its words, so it does not share
    the empty key with every other pleasantry; one with no words at all (an emoji) has the
    empty key, which is never stored or looked up.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = _NOT_WORD.sub(" ", _JOINERS.sub("", plain))
    words = plain.split()
    kept = _drop_filler(words)
    return " ".join(kept or words)


def _drop_filler(words: list[str]) -> list[str]:
    kept: list[str] = []
    index = 0
    while index < len(words):
        pair = tuple(words[index : index + 2])
        if pair in FILLER_PHRASES:
            index += 2
            continue
        if words[index] not in FILLER_WORDS:
            kept.append(words[index])
        index += 1
    return kept


def answer_cache_store(
    *, agent: Agent, question: str, answer: str, language: str
) -> CachedAnswer | None:
    """Remember ``answer`` for ``question`` (replacing an older answer to it)."""
    key = question_key(question)
    if not key or len(key) > MAX_KEY_LENGTH or not answer.strip():
        # Too long to recur word for word; truncating instead would let two different long
        # questions share one answer.
        return None
    entry, _ = CachedAnswer.objects.update_or_create(
        agent=agent,
        question_key=key,
        defaults={"question": question, "answer": answer, "language": language},
    )
    return entry


def answer_cache_lookup(*, agent: Agent, question: str) -> CachedAnswer | None:
    """The cached answer to ``question``, counting the hit; None on a miss."""
    key = question_key(question)
    if not key or len(key) > MAX_KEY_LENGTH:
        return None
    entries = CachedAnswer.objects.filter(agent=agent, question_key=key)
    # One UPDATE: concurrent workers hitting the same entry each count.
    if not entries.update(hits=F("hits") + 1, last_hit_at=timezone.now()):
        return None
    return entries.first()


def cached_answer_list(*, agent: Agent, limit: int = 200) -> QuerySet[CachedAnswer]:
    return CachedAnswer.objects.filter(agent=agent).order_by("-hits", "-created_at")[:limit]
