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
from agents.grounding.policies import home_visit_refusal
from agents.grounding.text import line_at, normalise, split_spans
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
    r"|website|online|check|ask|team|pass|let\s+me|please|you\s+can|you'?ll\s+need|not|n't|no"
    r"|closed|shut|unavailable|fully\s+booked)\b"
    rf"|{_HB}(?:אבל|אולם|לצערי|רק|חוץ|אם|תתקשר\w*|התקשר\w*|טלפון|אתר|אבדוק|אעביר|נעביר|הצוות|בבקשה"
    rf"|אפשר|צריך|לא|אין|סגור|סגורה|סגורים|סגורות|מלא){_HE_END}",
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
    rf"|{_HB}(?:לקבוע|לרשום|לשריין|לבטל|להזיז|לשלוח|להזמין|להחזיר|להכניס|לשמור)\s+(?:לי|לנו|אותי|אותנו"
    r"|לו|לה|להם|אותו|אותה|אותם)"
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
    r"|\bno\s+(?:extra\s+)?charge\b|\bat\s+no\s+(?:extra\s+)?cost\b|\bon\s+the\s+house\b"
    rf"|{_HB}[בהל]?(?:הנח(?:ה|ות)|מבצע(?:ים)?|חינם|בחינם|שדרוג){_HE_END}"
    rf"|{_HB}(?:ללא|בלי)\s+(?:תשלום|עלות|חיוב){_HE_END}|{_HB}על\s+חשבון\s+הבית{_HE_END}",
    re.IGNORECASE,
)

# The customer's question as the business's statement: (pattern, replacement), in order.
_RESTATE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), replacement)
    for pattern, replacement in (
        (r"\b(?:can|could|may)\s+(?:i|we)\b", "you can"),
        (r"\b(?:can|could|may)\s+my\s+(\w+)", "your \\1 can"),
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
        (rf"{_HB}(?:תוכלו|תוכל|תוכלי){_HE_END}", "נוכל"),
        (rf"{_HB}אלינו{_HE_END}", "אליכם"),
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


# Kinds of thing a knowledge base refuses by their class ("We don't carry food", "No
# children", "אין כניסה לבעלי חיים"): a request names a member ("a birthday cake", "my 4
# year old", "הכלב שלי"), so the class's words join the request's.
_CLASSES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), words)
    for pattern, words in (
        (
            r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*"
            r"(?:year|yr|month)s?[\s-]*olds?\b|\b(?:sons?|daughters?|kids?|child|children|toddlers?"
            r"|bab(?:y|ies)|little\s+ones?|boys?|girls?)\b"
            rf"|{_HB}(?:ה|ו|ש)?(?:ילד|ילדה|ילדים|ילדות|תינוק|תינוקת|פעוט|פעוטה|בני|בתי)(?:\s+שלי)?{_HE_END}"
            rf"|{_HB}(?:ה)?(?:בן|בת)\s+(?:שלי|\d+){_HE_END}",
            "children child kids ילדים ילד",
        ),
        (
            r"\b(?:cakes?|pizzas?|sandwich(?:es)?|meals?|lunch|dinner|breakfast|sushi|burgers?"
            r"|cookies|groceries|soup|snacks?|falafel|hummus|dishes)\b"
            rf"|{_HB}(?:ה|ו)?(?:עוגה|עוגת|עוגות|פיצה|פיצות|ארוחה|ארוחת|כריך|כריכים|סושי|המבורגר"
            rf"|עוגיות|מרק|חטיפים|פלאפל|חומוס|אוכל){_HE_END}",
            "food אוכל מזון",
        ),
        (
            r"\b(?:dogs?|cats?|pupp(?:y|ies)|kittens?|pets?|parrots?|hamsters?|rabbits?)\b"
            rf"|{_HB}(?:ה|ו)?(?:כלב|כלבה|כלבים|חתול|חתולה|חתולים|גור|גורה|תוכי|ארנב|אוגר|כלבלב){_HE_END}",
            "animals animal pets pet חיות כלבים",
        ),
        (
            r"\b(?:wine|beer|vodka|whisk(?:e)?y|champagne|arak|alcohol|booze|liquor)\b"
            rf"|{_HB}(?:ה|ו)?(?:יין|יינות|בירה|בירות|וודקה|וויסקי|שמפניה|ערק|אלכוהול){_HE_END}",
            "alcohol אלכוהול",
        ),
    )
)
# An age the customer gives ("my son is 12", "בן 12") and the limit of a refusing clause
# ("No kids under 8", "מתחת לגיל 16"): a request at or above the limit is not refused.
_ASKED_AGE = re.compile(
    r"\b(\d{1,2})[\s-]*(?:years?|yrs?)[\s-]*old\b|\b(?:is|aged?|turns?)\s+(\d{1,2})\b"
    rf"|{_HB}(?:בן|בת|גיל|בגיל)\s+(\d{{1,2}})(?!\d)",
    re.IGNORECASE,
)
_AGE_LIMIT = re.compile(
    r"\b(?:under|below|younger\s+than|less\s+than)\s+(?:the\s+age\s+of\s+|age\s+)?(\d{1,2})\b"
    rf"|{_HB}(?:מתחת\s+ל(?:גיל\s+)?|עד\s+גיל\s+|פחות\s+מ(?:גיל\s+)?)(\d{{1,2}})(?!\d)",
    re.IGNORECASE,
)


def _request_words(asked: str) -> frozenset[str]:
    """The request's content words, with the class of each thing it names."""
    words = set(topic_words(asked))
    for pattern, class_words in _CLASSES:
        if pattern.search(asked):
            words |= topic_words(class_words)
    return frozenset(words)


def _ages(text: str, pattern: re.Pattern[str]) -> list[int]:
    return [
        int(next(group for group in match.groups() if group)) for match in pattern.finditer(text)
    ]


def _refusal(asked: str, knowledge_base: str) -> str | None:
    """The knowledge-base line that refuses what the customer asks for, if one does: a
    clause with a negation that shares a content word with the request (or its class)."""
    wanted = _request_words(asked)
    if not wanted:
        return None
    ages = _ages(asked, _ASKED_AGE)
    for line, _, words, limits in _refusing_lists(knowledge_base):
        if not overlap(wanted, words):
            continue
        if ages and limits and min(ages) >= max(limits):
            continue  # "my son is 12" against "No kids under 8"
        return line
    return None


# A refusing head's list goes on past commas and a colon ("We don't carry food, cash or
# cheques, animals", "לא מספקים: כלים, אוהלים, שולחנות וכיסאות") while its items are short
# and grant nothing.
_LIST_GAP = re.compile(r"[\s,:]*")
_MAX_ITEM_WORDS = 4
_GRANTING = re.compile(
    r"\d|\b(?:free|welcome|allowed|ok|okay|available|any\s*time|included|possible|yes|but)\b"
    rf"|{_HB}(?:אפשר|ניתן|מותר|חינם|בחינם|כלול\w*|כולל\w*|בברכה|זמינ\w*|אבל){_HE_END}",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def refusing_clauses(knowledge_base: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each clause of the knowledge base that refuses something, as (its line as written,
    the clause's content words): "not on baby formula", "לא מטפלים בחתולים"."""
    return tuple((line, clause) for line, clause, _, _ in _refusing_lists(knowledge_base))


@lru_cache(maxsize=256)
def _refusing_lists(
    knowledge_base: str,
) -> tuple[tuple[str, frozenset[str], frozenset[str], tuple[int, ...]], ...]:
    """Each refusing clause as (its line as written, the clause's content words, those
    with the list it heads, the age limits it names): "We don't carry food, cash or
    cheques" refuses cheques too."""
    text = normalise(knowledge_base).text
    spans = split_spans(text, _KB_CLAUSE_BREAK)
    found = []
    for index, (start, end) in enumerate(spans):
        clause = text[start:end]
        if not _REFUSING.search(clause):
            continue
        words = topic_words(clause)
        listed = set(words)
        last = end
        for low, high in spans[index + 1 :]:
            item = text[low:high]
            if (
                not _LIST_GAP.fullmatch(text[last:low])
                or len(item.split()) > _MAX_ITEM_WORDS
                or _GRANTING.search(item)
                or _REFUSING.search(item)
            ):
                break
            listed |= topic_words(item)
            last = high
        limits = tuple(_ages(clause, _AGE_LIMIT))
        line = line_at(knowledge_base, normalise(knowledge_base).original_span(start, start + 1)[0])
        found.append((line, words, frozenset(listed), limits))
    return tuple(found)


# "Women only" against a request for a man ("my husband", "בעלי"), and the other way round.
_KB_WOMEN_ONLY = re.compile(
    r"\b(?:women|ladies|females?)(?:'s)?\s+only\b|\bonly\s+(?:for\s+)?(?:women|ladies)\b"
    rf"|{_HB}(?:ל)?(?:נשים|נשות)\s+בלבד{_HE_END}|{_HB}רק\s+(?:ל|ב)?נשים{_HE_END}",
    re.IGNORECASE,
)
_KB_MEN_ONLY = re.compile(
    r"\b(?:men|gentlemen|males?)(?:'s)?\s+only\b|\bonly\s+(?:for\s+)?(?:men|gentlemen)\b"
    rf"|{_HB}(?:ל)?גברים\s+בלבד{_HE_END}|{_HB}רק\s+(?:ל|ב)?גברים{_HE_END}",
    re.IGNORECASE,
)
_ASKED_MAN = re.compile(
    r"\b(?:husband|boyfriend|fianc[eé]|brother|father|dad|son|boy|man|men|guy|guys|him|he)\b"
    rf"|{_HB}(?:ו)?(?:בעלי|בעל\s+שלי|בן\s+(?:ה)?זוג(?:י|\s+שלי)?|החבר\s+שלי|אחי|אבא|אבי|בני(?!\s+משפחה)"
    rf"|הבן\s+שלי|גבר|גברים|לו|אותו){_HE_END}",
    re.IGNORECASE,
)
_ASKED_WOMAN = re.compile(
    r"\b(?:wife|girlfriend|fianc[eé]e|sister|mother|mom|mum|daughter|girl|woman|women|her|she)\b"
    rf"|{_HB}(?:ו)?(?:אשתי|אישתי|בת\s+(?:ה)?זוג(?:י|\s+שלי)?|החברה\s+שלי|אחותי|אמא|אמי|בתי"
    rf"|הבת\s+שלי|אישה|נשים|לה|אותה){_HE_END}",
    re.IGNORECASE,
)


# A request to be served at the customer's own place: "can you come to my house?", "at
# my place", "את יכולה להגיע אליי הביתה?", "אפשר לעשות את זה אצלי בבית?".
_ASKED_AT_HOME = re.compile(
    r"\b(?:at|to)\s+(?:my|our)\s+(?:own\s+)?(?:home|house|place|flat|apartment)\b"
    r"|\b(?:come|travel)\s+(?:over\s+)?to\s+(?:me|us)\b|\bhome\s+visits?\b|\bhouse\s+calls?\b"
    rf"|{_HB}(?:אצלי|אצלנו)\s+ב?(?:בית|הבית){_HE_END}|{_HB}(?:אליי?|אלינו)\s+הביתה{_HE_END}"
    rf"|{_HB}(?:ל|ב)(?:בית\s+שלי|בית\s+שלנו|ביתי){_HE_END}"
    rf"|{_HB}ש?(?:להגיע|לבוא|תגיע\w*|תבוא\w*|תבואו|תגיעו)\s+(?:גם\s+)?(?:אליי|אלי|אלינו){_HE_END}"
    rf"|{_HB}ביקור(?:י)?\s+בית{_HE_END}",
    re.IGNORECASE,
)


def _at_home_refused(asked: str, knowledge_base: str) -> str | None:
    """The knowledge-base line against serving the customer at home, when they ask to be."""
    if not _ASKED_AT_HOME.search(asked):
        return None
    return home_visit_refusal(knowledge_base)


def _other_sex(asked: str, knowledge_base: str) -> str | None:
    """The knowledge-base line serving one sex only, when the request is for the other."""
    for only, other in ((_KB_WOMEN_ONLY, _ASKED_MAN), (_KB_MEN_ONLY, _ASKED_WOMAN)):
        if not other.search(asked):
            continue
        for line in knowledge_base.splitlines():
            if only.search(normalise(line).text):
                return line.strip()
    return None


# A yes that only says the request back ("Yes, you can continue the treatments in
# pregnancy", "Sure, she can sit in the corner") agrees to it as much as a bare one: no
# word against it, no number, and hardly a content word the customer did not write.
_CONTRARY = re.compile(
    r"\d|\b(?:but|however|although|unfortunately|only|except|if|unless|not|n't|no|never"
    r"|sorry|as\s+long\s+as|provided)\b"
    rf"|{_HB}(?:אבל|אולם|אך|לצערי|רק|חוץ|מלבד|אם|לא|אין|אסור|בלבד|בתנאי|מצטער\w*|סליחה){_HE_END}",
    re.IGNORECASE,
)
_MAX_NEW_WORDS = 3
_MAX_ECHO_WORDS = 12


def _echoing_agreement(reply: str, asked: str) -> re.Match[str] | None:
    """The agreement ``reply`` opens with, when the rest only says the request back."""
    text = normalise(reply).text
    match = _AGREEMENT.match(text)
    if match is None or not match.group().strip(" ,!.") or "?" in text:
        return None
    rest = text[match.end() :]
    if _CONTRARY.search(rest) or len(_WORD.findall(rest)) > _MAX_ECHO_WORDS:
        return None
    asked_words = topic_words(asked)
    new = [word for word in topic_words(rest) if not overlap(frozenset({word}), asked_words)]
    return match if len(new) <= _MAX_NEW_WORDS else None


def _claim_span(reply: str, agreement: re.Match[str]) -> tuple[str, int, int]:
    norm = normalise(reply)
    start, end = norm.original_span(agreement.start(), len(agreement.group().rstrip()))
    claim = reply[start:end].strip() or reply.strip()
    start = reply.find(claim) if claim else start
    return claim, start, start + len(claim)


def affirmation_flags(
    *, reply: str, knowledge_base: str, question: str, check: Check
) -> list[Flag]:
    """Flag a bare agreement to a request the knowledge base does not support.

    ``check(text, knowledge_base)`` runs every other check on a text (the validator passes
    itself, without a question, so this never recurses).
    """
    if not question.strip():
        return []
    asked = normalise(question).text
    snippet = question.strip().replace("\n", " ")
    if len(snippet) > 80:
        snippet = snippet[:77] + "..."
    agreement = _bare_agreement(reply)
    if agreement is None:
        echo = _echoing_agreement(reply, asked)
        if echo is None:
            return []
        claim = reply.strip()
        start = reply.find(claim)
        end = start + len(claim)
        return _ruled_out(claim, start, end, asked, snippet, knowledge_base)
    claim, start, end = _claim_span(reply, agreement)
    ruled_out = _ruled_out(claim, start, end, asked, snippet, knowledge_base, sex_only=True)
    if ruled_out:
        return ruled_out
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


def _ruled_out(
    claim: str,
    start: int,
    end: int,
    asked: str,
    snippet: str,
    knowledge_base: str,
    *,
    sex_only: bool = False,
) -> list[Flag]:
    """A flag for agreeing to a request a knowledge-base line rules out: one serving the
    other sex only, or (unless ``sex_only``) one refusing what the request names."""
    line = _other_sex(asked, knowledge_base)
    if line is not None:
        reason = f'agrees to "{snippet}", but the knowledge base serves only the other sex'
        return [Flag(AFFIRMATION, claim, start, end, reason, (line,))]
    line = _at_home_refused(asked, knowledge_base)
    if line is not None:
        reason = f'agrees to "{snippet}", but the knowledge base does not serve customers at home'
        return [Flag(AFFIRMATION, claim, start, end, reason, (line,))]
    if sex_only:
        return []
    refused = _refusal(asked, knowledge_base)
    if refused is None:
        return []
    reason = f'agrees to "{snippet}", which the knowledge base rules out'
    return [Flag(AFFIRMATION, claim, start, end, reason, (refused,))]
