"""What a stretch of text is about: its content words, for pairing a claim with its subject.

A value can be in the knowledge base and still be wrong: "delivery to Tel Aviv is ₪35"
when ₪35 is the price of delivery to Ramat Gan. So the knowledge base is cut into
segments (lines, and their parts between ";" or sentence ends), each with its content
words, and a reply's claim is also checked against the segments that share the most
words with the words around it. The words are crude on purpose: lower case, English
plurals folded, Hebrew one-letter prefixes (ה, ב, ל, ו, מ, ש, כ) tried both ways. A
paraphrase in other words shares none and is left to the kind-wide check.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.text import split_spans

_WORD = re.compile(rf"[a-z]+|[{HE}]+")
_PREFIXES = "הבלומשכ"
# Words that say nothing of the subject: grammar, the vocabulary of every price list,
# units, days and hours (the claims themselves are compared by value, not by word).
_STOP_WORDS = """
    a an the is are was were be been being am it its it's this that these those there here
    and or but so if then than also too just only even very really all any each every per of
    to in on at by for from with without into about around approximately approx roughly up
    down out over under within after before until till via as we our ours us you your yours
    they them their i me my he she his her who what which when where how why do does did
    done don't doesn't can can't could will won't would should may might must shall have has
    had get gets got make makes made take takes took taking last lasts lasting cost costs
    costing price prices priced fee fees charge charges charged pay paid rate rates total
    including incl included include includes vat plus extra free more less most least
    minimum maximum min max usually typically normally generally always about approximately
    yes no not sure course please thanks thank happy glad let know minute minutes hour hours
    day days week weeks month months year years business working shekel shekels nis ils
    dollar dollars euro euros open opens opening closed close closes closing hours sunday
    monday tuesday wednesday thursday friday saturday sun mon tue wed thu fri sat weekday
    weekdays weekend weekends morning evening night noon am pm one two three four five six
    seven eight nine ten
    של את עם על עד זה זו זאת הוא היא הם הן אנחנו אני אתם אתן אתה את לך לכם לכן אצלנו שלנו יש
    אין עולה עולים עולות עלות מחיר מחירים בערך כ גם רק כל או אם לא כן מה כמה כולל כוללים
    כלול בלבד לפי אחרי לפני בין תוך מעל פחות יותר החל מ אבל כי כדי כמו אז הנה בדיוק בדרך כלל
    שח שקל שקלים דקה דקות שעה שעות יום ימים יממה שבוע שבועות חודש חודשים שנה שנים עסקים פתוח
    פתוחה פתוחים סגור סגורה סגורים שעות ראשון שני שלישי רביעי חמישי שישי שבת בוקר ערב צהריים
    לוקח לוקחת נמשך נמשכת מחירון תשלום לשלם משלמים
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
_PLURAL_ENDINGS = ("ים", "ות")


def _english_singular(word: str) -> str:
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _forms(word: str) -> frozenset[str]:
    """A Hebrew word with and without up to two prefix letters; an English word singular."""
    if word.isascii():
        return frozenset({_english_singular(word)})
    forms = {word}
    for cut in (1, 2):
        if len(word) - cut >= 2 and all(letter in _PREFIXES for letter in word[:cut]):
            forms.add(word[cut:])
    # A plural is its singular: "טיפולים" is "טיפול", "שעונים" is "שעון".
    for form in list(forms):
        for ending in _PLURAL_ENDINGS:
            if form.endswith(ending) and len(form) - len(ending) >= 3:
                forms.add(form[: -len(ending)])
    return frozenset(forms)


def _loose_forms(word: str) -> frozenset[str]:
    """Also a construct state as its noun: "בניית" is "בנייה", "הסרת" is "הסרה"."""
    forms = set(_forms(word))
    for form in list(forms):
        if form.endswith(("ה", "ת")) and len(form) >= 4:
            forms.add(form[:-1])
    return frozenset(forms)


def shares_a_word(words: frozenset[str], other: frozenset[str]) -> bool:
    """Whether any word of ``words`` is a word of ``other`` by the loosest reading, for a
    check that must not mistake one subject for another."""
    other_forms = frozenset().union(*(_loose_forms(word) for word in other))
    return any(
        _loose_forms(word) & other_forms or any(_same_stem(word, form) for form in other_forms)
        for word in words
    )


def _is_stop(word: str) -> bool:
    return len(word) < 2 or any(form in STOP_WORDS for form in _forms(word)) or word in STOP_WORDS


def topic_words(text: str) -> frozenset[str]:
    """Content words of ``text`` (already normalised to lower case), each as its forms."""
    words = set()
    for word in _WORD.findall(text.lower()):
        if not _is_stop(word):
            words.add(word)
    return frozenset(words)


def is_hebrew(text: str) -> bool:
    hebrew = len(re.findall(rf"[{HE}]", text))
    return hebrew > len(re.findall(r"[A-Za-z]", text))


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def shared_stem(first: str, second: str, *, letters: int = 5, share: float = 0.7) -> bool:
    """Whether two English words begin alike enough to be one stem: at least ``letters``
    letters and ``share`` of the shorter word ("cancel" / "cancellation", "ship" /
    "shipping" with ``letters=4``). Each check picks how strict it is."""
    if not (first.isascii() and second.isascii()):
        return False
    shared = _common_prefix(first, second)
    return shared >= letters and shared >= share * min(len(first), len(second))


def _same_stem(first: str, second: str) -> bool:
    """'cancel' and 'cancellation', 'arrive' and 'arrival': English words of one stem."""
    return shared_stem(first, second)


def overlap(words: frozenset[str], other: frozenset[str]) -> int:
    other_forms = frozenset().union(*(_forms(word) for word in other)) if other else frozenset()
    return sum(
        1
        for word in words
        if _forms(word) & other_forms or any(_same_stem(word, form) for form in other_forms)
    )


_SEGMENT_BREAK = re.compile(r"\n+|;|[.!?](?=\s|$)")
# A colon or comma between digits is part of a number ("17:30", "1,200"), not a break.
_SUBCLAUSE_BREAK = re.compile(
    r"\n+|[;!?]|(?<!\d)[:,]|[:,](?!\d)|\.(?=\s|$)|\s[-–—]\s|\band\b|\bbut\b"
)


def subclause_spans(text: str) -> list[tuple[int, int]]:
    """The parts of a sentence between , ; : "and" "but": one claim's reach."""
    return split_spans(text, _SUBCLAUSE_BREAK)


def segment_spans(text: str) -> list[tuple[int, int]]:
    """The knowledge base's lines, cut again at ";" and at the end of a sentence."""
    return split_spans(text, _SEGMENT_BREAK)


@dataclass(frozen=True)
class Subject:
    """What a reply says a claim is about, and in which language it says it."""

    words: frozenset[str]
    hebrew: bool


def claim_subjects(text: str, claims: Sequence[tuple[str, int, int]]) -> list[Subject]:
    """For each (kind, start, end) claim of ``text``, the content words said about it.

    The part of the sentence that holds the claim (up to , ; "and"): the words before it,
    back to the previous claim of its kind, and the words after it ("₪84 for the pasta",
    "a 3-month warranty on parts") unless another claim of its kind follows, whose subject
    they are ("regular classes of 60 minutes and gentle yoga of 75").
    """
    spans = split_spans(text, _SUBCLAUSE_BREAK)
    lows = [low for low, _ in spans]
    # The words of the claims themselves say nothing about what another claim is for: the
    # "וחצי" of "שעה וחצי" is not the subject of the price beside it.
    chars = list(text)
    for _, start, end in claims:
        chars[start:end] = " " * (end - start)
    text = "".join(chars)
    groups: dict[tuple[int, int, str], list[int]] = {}
    for index, (kind, start, _) in enumerate(claims):
        position = bisect.bisect_right(lows, start) - 1
        low, high = spans[position] if position >= 0 else (start, start)
        groups.setdefault((low, max(high, start), kind), []).append(index)
    subjects = [Subject(frozenset(), hebrew=False)] * len(claims)
    for (low, high, _), members in groups.items():
        members.sort(key=lambda index: claims[index][1])
        hebrew = is_hebrew(text[low:high])
        for rank, index in enumerate(members):
            _, start, end = claims[index]
            before = claims[members[rank - 1]][2] if rank else low
            words = topic_words(text[min(before, start) : start])
            if rank == len(members) - 1:
                words |= topic_words(text[end:high])
            if not words and rank and _OR.search(text[before:start]):
                # "lessons of 45 minutes at ₪170 or of an hour at ₪210": an alternative
                # shares the words the first claim of its list was said with.
                words = topic_words(text[low : claims[members[0]][1]])
            if not words:
                words, label = _label_before(text, spans, low)
                hebrew = is_hebrew(label) if words else hebrew
            subjects[index] = Subject(words, hebrew)
    return subjects


_OR = re.compile(rf"\bor\b|(?<![{HE}])או(?![{HE}])")
_LABEL_GAP = re.compile(r"\s*[:,]\s*")


def _label_before(text: str, spans: list[tuple[int, int]], low: int) -> tuple[frozenset[str], str]:
    """A claim with no words of its own is about the label before it: "Colour: from ₪900".
    The label's words, and the label."""
    position = bisect.bisect_left([start for start, _ in spans], low) - 1
    while position >= 0:
        start, end = spans[position]
        if not _LABEL_GAP.fullmatch(text[end:low]):
            break
        words = topic_words(text[start:end])
        if words:
            return words, text[start:end]
        low, position = start, position - 1
    return frozenset(), ""
