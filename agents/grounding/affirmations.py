"""A bare "yes" makes the customer's request the reply's claim.

"Sure!" says nothing by itself, so no other check sees it; but in answer to "promise me a
20% discount" or "can I come on Saturday at 10:00?" it promises the discount and the
Saturday. So when a reply is (nearly) only an agreement ("Sure!", "Of course 😊", "כן,
בטח", "Absolutely, see you then"), the customer's request is restated as the business's
own statement and checked like a reply:

- "can I come on Saturday at 10:00?" -> "you can come on Saturday at 10:00";
- "do you take Maccabi?" -> "we also take Maccabi"; "יש לכם חניה?" -> "יש לנו גם חניה";
- a request the agent cannot carry out (book, reserve, cancel, send, refund: it has no
  tools) or a discount, a freebie or a price cut the knowledge base does not give, is
  unsupported as soon as it is agreed to.

A reply that goes on with facts, numbers or a redirection ("Sure! You can book by phone at
…", "Of course, but we're closed on Saturday") is not bare: its own words are checked by
the other kinds, and the request is not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from agents.grounding.findings import AFFIRMATION, Flag
from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.text import normalise, split_spans
from agents.grounding.topics import overlap, topic_words

_HB = rf"(?<![{HE}])"
_HE_END = rf"(?![{HE}])"

# The agreement a reply opens with, up to the first sentence mark or comma.
_AGREEMENT = re.compile(
    r"^[\W_]*(?:(?:(?:oh\s+)?(?:yes|yeah|yep|yup|sure(?:\s+thing)?|of\s+course|absolutely|definitely"
    r"|certainly|no\s+problem|no\s+worries|ok(?:ay)?|great|perfect|deal|you\s+got\s+it"
    r"|sounds\s+good|will\s+do|with\s+pleasure|why\s+not|gladly|consider\s+it\s+done"
    r"|that'?s\s+fine|that\s+works|we\s+can\s+do\s+that|i\s+can\s+do\s+that|happy\s+to)\b"
    rf"|{_HB}(?:כן|בטח|בוודאי|ודאי|כמובן|ברור|בשמחה|סגור|סבבה|מעולה|בסדר|אוקיי|אוקי|יאללה"
    rf"|בהחלט|מצוין|אין\s+בעיה|אין\s+שום\s+בעיה|נשמע\s+טוב|עשינו\s+עסק|בכיף|למה\s+לא){_HE_END})"
    r"[\s,!.\u2705\u263a\U0001F300-\U0001FAFF]*)+",
    re.IGNORECASE,
)
# Words a bare agreement may carry on with: pleasantries, not facts.
_PLEASANTRY = re.compile(
    r"\b(?:see\s+you(?:\s+(?:then|there|soon))?|looking\s+forward(?:\s+to\s+it)?|have\s+a\s+"
    r"(?:great|nice|good)\s+day|thanks?(?:\s+you)?|you're\s+welcome|my\s+pleasure|happy\s+to"
    r"\s+help|enjoy|cheers|no\s+problem|of\s+course|sure|great|perfect|we'?ll\s+be\s+happy"
    r"|we'?re\s+happy|it'?s\s+a\s+deal|done|deal|absolutely|yes|dear|all\s+good)\b"
    rf"|{_HB}(?:נתראה|מחכים\s+לך|מחכים\s+לכם|מחכה\s+לך|שמחים|שמחה|שמח|בשמחה|תודה|יום\s+טוב"
    rf"|ערב\s+טוב|בכיף|מעולה|בטח|כמובן|בהצלחה|סגור|יקירה|יקירי|אז|כן){_HE_END}",
    re.IGNORECASE,
)
# What makes an agreement not bare: facts of its own, a condition, a redirection.
_NOT_BARE = re.compile(
    r"\d|\b(?:but|however|although|unfortunately|only|except|if|unless|call|phone|book(?:ing)?"
    r"|website|online|check|ask|team|pass|let\s+me|please|you\s+can|you'?ll\s+need|not|n't|no)\b"
    rf"|{_HB}(?:אבל|אולם|לצערי|רק|חוץ|אם|תתקשר\w*|התקשר\w*|טלפון|אתר|אבדוק|אעביר|נעביר|הצוות|בבקשה"
    rf"|אפשר|צריך|לא|אין){_HE_END}",
    re.IGNORECASE,
)
_MAX_BARE_WORDS = 6
_WORD = re.compile(rf"[a-z']+|[{HE}]+", re.IGNORECASE)

# Requests the agent cannot carry out, or gifts it cannot give, once agreed to.
_ACTION_VERBS = (
    r"book|reserve|schedule|sign\s+(?:me|us)\s+up|put\s+(?:me|us)\s+down|pencil\s+(?:me|us)"
    r"|hold|save\s+(?:me|us)|cancel|reschedule|move|send|e-?mail|refund|order|deliver|add\s+me"
    r"|register|put\s+aside|set\s+aside|confirm"
)
# The agent asked to act ("can you book me", "please cancel", "I'd like to reserve"); "can
# I cancel?" asks what the customer may do, which the knowledge base answers.
_ACTION_REQUEST = re.compile(
    rf"\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:just\s+)?(?:{_ACTION_VERBS})\b"
    rf"|\bplease\s+(?:{_ACTION_VERBS})\b|^\W*(?:{_ACTION_VERBS})\s+(?:me|us|my|our|it|a|the)\b"
    rf"|\bi(?:'d|\s+would|\s+want(?:\s+you)?|\s+need(?:\s+you)?)\s+(?:like\s+)?to\s+(?:{_ACTION_VERBS})\b"
    rf"|{_HB}(?:תקבע|תקבעי|תקבעו|תרשו?ם|תרשמי|תשריי?ן|תשריני|תבטל|תבטלי|תזיז|תזיזי|תשלח|תשלחי"
    rf"|תזמין|תזמיני|תחזיר|תחזירי|תכניס|תכניסי|תשמור|תשמרי){_HE_END}"
    rf"|{_HB}(?:לקבוע|לרשום|לשריין|לבטל|להזיז|לשלוח|להזמין|להחזיר|להכניס|לשמור)\s+(?:לי|לנו|אותי|אותנו)"
    rf"{_HE_END}",
    re.IGNORECASE,
)
_GIFT_REQUEST = re.compile(
    r"\b(?:discount|deal|cheaper|free|for\s+nothing|on\s+the\s+house|waive|knock\s+off|lower\s+the"
    r"\s+price|special\s+price|coupon|promo|refund|money\s+back|upgrade|match\s+(?:the|a|their)"
    r"\s+price|beat\s+(?:the|their|a)\s+price)\b"
    rf"|{_HB}(?:[בהל]?הנח(?:ה|ות)|מבצע|בחינם|חינם|להוזיל|תוזיל|תוריד|להוריד\s+במחיר|מחיר\s+מיוחד"
    rf"|קופון|החזר|זיכוי|שדרוג|תשדרג|לשדרג){_HE_END}",
    re.IGNORECASE,
)
_KB_TAKES_BOOKINGS = re.compile(
    r"\bbook(?:ings?)?\s+(?:here|via|on|through|by)\s+(?:whatsapp|this\s+chat|chat)"
    rf"|{_HB}(?:קביעת\s+תורים|לקבוע\s+תור)\s+(?:ב|דרך\s+)?(?:וואטסאפ|ווטסאפ|הצ'אט){_HE_END}",
    re.IGNORECASE,
)
_KB_GIVES_DISCOUNTS = re.compile(
    r"\b(?:discounts?|deals?|promotions?|coupons?|promo|free|complimentary|upgrades?)\b"
    rf"|{_HB}[בהל]?(?:הנח(?:ה|ות)|מבצע(?:ים)?|חינם|בחינם|שדרוג){_HE_END}",
    re.IGNORECASE,
)

# The customer's question as the business's statement: (pattern, replacement), in order.
_RESTATE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), replacement)
    for pattern, replacement in (
        (r"\b(?:can|could|may)\s+i\b", "you can"),
        (r"\b(?:can|could|will|would)\s+you\b", "we can"),
        (
            r"\bdo\s+you\s+(?:also\s+)?(?:have|offer|sell|do|take|accept|serve|teach|make|fix|carry|speak|work\s+with|deliver|cover|come)\b",
            "we also \\g<0>",
        ),
        (r"\bwe also do\s+you\s+(?:also\s+)?", "we also "),
        (r"\bdo\s+you\b", "we"),
        (r"\bare\s+you\b", "we are"),
        (r"\bis\s+there\b", "there is"),
        (r"\bare\s+there\b", "there are"),
        (r"\bis\s+it\b", "it is"),
        (r"\bi\s+(?:want|would\s+like|'d\s+like|need)\b", "you get"),
        (rf"{_HB}יש\s+לכם(?:\s+גם)?{_HE_END}", "יש לנו גם"),
        (rf"{_HB}אתם(?:\s+גם)?\s+([{HE}]+)", "אנחנו \\1 גם"),
        (rf"{_HB}את(?:ה)?\s+יכול(?:ה)?\s+ל", "אנחנו יכולים ל"),
        (rf"{_HB}(?:אפשר|אפשרי|ניתן){_HE_END}", "אפשר"),
    )
)
_QUESTION_MARKS = re.compile(r"[?؟]+")


def _bare_agreement(reply: str) -> re.Match[str] | None:
    """The agreement ``reply`` opens with, when the rest adds only pleasantries."""
    text = normalise(reply).text
    match = _AGREEMENT.match(text)
    if match is None or not match.group().strip(" ,!.") and match.end() == 0:
        return None
    rest = text[match.end() :]
    if _NOT_BARE.search(rest):
        return None
    words = _WORD.findall(_PLEASANTRY.sub(" ", rest))
    return match if len(words) <= _MAX_BARE_WORDS else None


def restate(question: str) -> str:
    """The customer's request said as the business's own statement, for the other checks."""
    text = _QUESTION_MARKS.sub(".", normalise(question).text)
    for pattern, replacement in _RESTATE:
        text = pattern.sub(replacement, text)
    return text


Check = Callable[[str, str], list[Flag]]

# A knowledge-base clause that refuses something: "We do not repair e-bike controllers",
# "not on baby formula", "לא מטפלים בחתולים". "No extra charge", "no need to book" and
# "ללא חיוב" grant rather than refuse.
_REFUSING = re.compile(
    r"\b(?:no|not|don't|doesn't|do\s+not|does\s+not|never|cannot|can't|won't)\b"
    r"(?!\s+(?:extra\s+|additional\s+)?(?:charge|fee|cost|need|problem|appointment\s+needed))"
    rf"|{_HB}(?:לא|אין|אסור){_HE_END}(?!\s+(?:צורך|תוספת|חיוב|בעיה))",
    re.IGNORECASE,
)
_KB_CLAUSE_BREAK = re.compile(r"\n+|[.;,:()]+(?=\s|$)|\s[-–]\s")


def _refusal(asked: str, knowledge_base: str) -> str | None:
    """The knowledge-base line that refuses what the customer asks for, if one does: a
    clause with a negation that shares a content word with the request."""
    wanted = topic_words(asked)
    if not wanted:
        return None
    for line, words in refusing_clauses(knowledge_base):
        if overlap(wanted, words):
            return line
    return None


@lru_cache(maxsize=256)
def refusing_clauses(knowledge_base: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each clause of the knowledge base that refuses something, as (its line as written,
    the clause's content words): "not on baby formula", "לא מטפלים בחתולים"."""
    text = normalise(knowledge_base).text
    found = []
    for start, end in split_spans(text, _KB_CLAUSE_BREAK):
        clause = text[start:end]
        if _REFUSING.search(clause):
            found.append((_original_line(knowledge_base, start), topic_words(clause)))
    return tuple(found)


def _original_line(knowledge_base: str, start: int) -> str:
    """The knowledge-base line, as written, that a normalised position falls in."""
    low, _ = normalise(knowledge_base).original_span(start, start + 1)
    first = knowledge_base.rfind("\n", 0, low) + 1
    last = knowledge_base.find("\n", low)
    return knowledge_base[first : last if last >= 0 else len(knowledge_base)].strip()


def affirmation_flags(
    *, reply: str, knowledge_base: str, question: str, check: Check
) -> list[Flag]:
    """Flag a bare agreement to a request the knowledge base does not support.

    ``check(text, knowledge_base)`` runs every other check on a text (the validator passes
    itself, without a question, so this never recurses).
    """
    if not question.strip():
        return []
    agreement = _bare_agreement(reply)
    if agreement is None:
        return []
    norm = normalise(reply)
    start, end = norm.original_span(agreement.start(), len(agreement.group().rstrip()))
    claim = reply[start:end].strip() or reply.strip()
    start = reply.find(claim) if claim else start
    end = start + len(claim)
    asked = normalise(question).text
    snippet = question.strip().replace("\n", " ")
    if len(snippet) > 80:
        snippet = snippet[:77] + "..."
    if _ACTION_REQUEST.search(asked) and not _KB_TAKES_BOOKINGS.search(knowledge_base):
        return [
            Flag(
                AFFIRMATION,
                claim,
                start,
                end,
                f'agrees to "{snippet}", which the agent cannot do itself: it can only pass '
                "the request on",
            )
        ]
    inner = check(restate(question), knowledge_base)
    refused = _refusal(asked, knowledge_base)
    # A check that names the knowledge-base line against the request explains it best.
    if inner and (inner[0].evidence or refused is None):
        first = inner[0]
        reason = f'agrees to "{snippet}": {first.reason}'
        return [Flag(AFFIRMATION, claim, start, end, reason, first.evidence)]
    if refused is not None:
        reason = f'agrees to "{snippet}", which the knowledge base rules out'
        return [Flag(AFFIRMATION, claim, start, end, reason, (refused,))]
    if _GIFT_REQUEST.search(asked) and not _KB_GIVES_DISCOUNTS.search(knowledge_base):
        return [
            Flag(
                AFFIRMATION,
                claim,
                start,
                end,
                f'agrees to "{snippet}", but the knowledge base offers no discount or freebie',
            )
        ]
    return []
