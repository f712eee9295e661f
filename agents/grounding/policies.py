"""Policies a reply contradicts, and offers it makes without a number.

**Policies** (kind ``policy``). A small business states rules: by appointment only, no
pets, Haifa area only, no deposit, adults only, no smoking, no outside food, cancellation
and return terms, closed on Saturday, cash only, a dress code, no home visits. Each topic
has the knowledge base's two ways of saying it (the rule and its opposite: "No pets" /
"Pets welcome") and the reply's two ways. A reply sentence that states the opposite of
what the knowledge base states is flagged, with the knowledge-base line as evidence:
"no need to book, just drop in" against "By appointment only", "we don't allow pets"
against "Dogs welcome". It flags only when the knowledge base states one side of the topic
and not the other ("Free cancellation up to 24h; later cancellations are charged" states
both, so a plain "free cancellation" is left alone, though "cancel anytime" is not).

**Offers without numbers** (kind ``offer``): something on the house, a waived fee, an
upgrade, price matching, a money-back or satisfaction guarantee, a refund promise, a gift
or bonus. Each is flagged unless a knowledge-base line offers the same kind of thing (and
is not itself a negation: "No refunds" backs no refund). A thing free only over a
threshold ("Free delivery on orders over ₪150") is flagged when the reply makes it free
without the condition ("delivery is free") and left alone when the reply says the
condition or names an order amount at or above it.

Never read, as everywhere in the validator: questions, a sentence reporting what the
customer said ("you asked whether..."), a phrase the customer wrote themselves, and a
phrase with a negation just before it in its clause. For policies, conditionals ("if",
"unless", "whether", "אם") are not statements either; an offer's own condition ("if you're
not happy we refund you") is part of the offer.

``offers.py`` reads "X is included / free / available" by the content words of X and
walk-ins against a knowledge base that does not mention them; this module does not flag a
sentence ``offers.offer_flags`` already flags.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from agents.grounding.facts import facts_from_knowledge_base
from agents.grounding.findings import OFFER, POLICY, Flag
from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.offers import offer_flags
from agents.grounding.text import normalise, split_spans
from agents.grounding.topics import overlap, topic_words

_HB = rf"(?<![{HE}])"  # a Hebrew word starts here
_HE_END = rf"(?![{HE}])"


def _he(pattern: str, prefixes: str = "ו") -> str:
    """A Hebrew alternative, whole words only, with optional one-letter prefixes."""
    prefix = f"[{prefixes}]?" if prefixes else ""
    return rf"{_HB}{prefix}(?:{pattern}){_HE_END}"


def _compile(english: str, hebrew: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{english})|(?:{hebrew})")


# --- sentences and what is never read ---------------------------------------------------

_SENTENCE_BREAK = re.compile(r"\n+|[.!;]+(?=\s|$)|(?<=\?)")
_CLAUSE_BREAK = re.compile(r",|\s-\s|\s(?:but|however|although)\s|\s(?:אבל|אך|למרות)\s")
_REPORTED = re.compile(
    r"\byou\s+(?:asked|mentioned|said|wrote|wanted\s+to\s+know|were\s+wondering)\b"
    r"|\b(?:let\s+me|i'll|i\s+will|we'll)\s+(?:check|ask|find\s+out)\b|\bcheck\s+with\b"
    rf"|{_HB}(?:שאלת|ציינת|כתבת|ביקשת|אבדוק|נבדוק|אברר|נברר|אשאל|נשאל|אתייעץ){_HE_END}"
)
_CONDITIONAL = re.compile(
    r"\b(?:if|unless|whether|in\s+case|provided\s+that|as\s+long\s+as)\b"
    rf"|{_HB}[וש]?(?:אם|האם|במידה\s+ו|בתנאי\s+ש|כל\s+עוד){_HE_END}"
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|none|cannot|can't|don't|doesn't|won't|isn't|aren't|wasn't|unable"
    r"|unfortunately|no\s+longer|nor|without)\b|n't\b|\bnon-"
    rf"|{_HB}[וש]?(?:לא|אין|אסור|אינ\w*|איננו|לצערי|בלי|ללא){_HE_END}"
)
_NEGATION_REACH = 4  # words before a phrase that can negate it


def _negated(sentence: str, start: int) -> bool:
    head = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    if breaks:
        head = head[breaks[-1].end() :]
    words = head.split()[-_NEGATION_REACH:]
    return bool(_NEGATION.search(" ".join(words)))


# --- policy topics ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Topic:
    name: str
    kb_yes: re.Pattern[str]  # the knowledge base allows / has it
    kb_no: re.Pattern[str]  # the knowledge base forbids / has none
    reply_yes: re.Pattern[str]
    reply_no: re.Pattern[str]
    says_yes: str  # what a "yes" reply says, for the reason
    says_no: str
    # Which side a knowledge-base line matching both patterns is on ("" = both).
    precedence: str = ""
    # "Cancel anytime" contradicts a knowledge base that states any restriction, even one
    # that also states a free part.
    absolute: re.Pattern[str] | None = None
    # A "yes" sentence this matches is qualified ("free cancellation up to 24 hours
    # before"): it restates a condition, and counts only when it is also absolute.
    qualified: re.Pattern[str] | None = None
    # "The deposit is refundable if you cancel early": read in a conditional sentence too,
    # when the knowledge base's own line has no condition of time.
    conditionals: bool = False
    # "No, you won't be charged" answering "I cancelled, will I be charged?": a "yes" only
    # when the customer's message is about the topic.
    asked: re.Pattern[str] | None = None
    asked_yes: re.Pattern[str] | None = None


_APPOINTMENT_WORD = r"(?:book(?:ing)?|reserv(?:e|ation)|(?:an?\s+)?appointment|call\s+ahead)"
_HE_BOOK = r"(?:לקבוע(?:\s+תור)?|תור|לתאם|תיאום|בתיאום|להזמין|הזמנה|בהזמנה|להירשם|הרשמה|בהרשמה)"
_EN_PET = r"(?:pets?|dogs?|cats?|puppy|puppies|pooch|animals?|furry\s+friends?)"
_HE_PET = r"(?:ה?כלב(?:ים|ה)?|ה?חתול(?:ים|ה)?|בעלי\s+חיים|ה?חיות(?:\s+מחמד)?|חיית\s+ה?מחמד|ה?כלבלב)"
_EN_KIDS = r"(?:kids|children|little\s+ones|toddlers|babies)"
_HE_KIDS = r"(?:ה?ילדים|ה?ילדות|ה?פעוטות|ה?תינוקות|ה?קטנים)"
_EN_FOOD = r"(?:(?:outside\s+|your\s+own\s+)?(?:food|drinks?|snacks|cakes?|wine|alcohol|bottles?|refreshments|catering|beer))"
_HE_FOOD = r"(?:ה?אוכל|ה?מזון|ה?שתי(?:י)?ה|ה?עוג(?:ה|ות)|ה?יין|ה?אלכוהול|ה?כיבוד|ה?חטיפים|ה?משקאות)"
_EN_CARD = r"(?:(?:credit\s+|debit\s+)?cards?|visa|mastercard|amex|apple\s+pay|google\s+pay)"
_HE_CARD = r"(?:ב?אשראי|ב?כרטיס(?:י)?\s+אשראי|ב?כרטיס|ב?ויזה|ב?מאסטרקארד)"
_EN_DRESS_ITEM = (
    r"(?:shorts|flip[\s-]?flops|sandals|slippers|jeans|swimwear|tank\s+tops|sneakers|trainers)"
)
_HE_DRESS_ITEM = r"(?:מכנסיים\s+קצרים|קצרים|כפכפים|סנדלים|גופיות|בגדי\s+ים|ג'ינס)"
_EN_ID = r"(?:(?:photo\s+)?id(?:\s+card)?|identity\s+card|passport|driver'?s?\s+licen[cs]e|driving\s+licen[cs]e)"
_HE_ID = r"(?:תעודת\s+זהות|ת\.ז\.?|ת\"ז|תז|תעודה\s+מזהה|תעודה|רישיון\s+נהיגה|רישיון|דרכון)"
_ABSOLUTE = re.compile(
    r"\b(?:any\s*time|whenever|at\s+any\s+(?:time|point|stage)|always|no\s+matter|any\s+day)\b"
    rf"|{_HB}(?:בכל\s+(?:עת|זמן|שלב|שעה|יום|רגע)|מתי\s+ש\w*|תמיד|לא\s+משנה\s+(?:מתי|כמה)"
    rf"|(?:עד\s+)?(?:ב|ל)?רגע\s+האחרון){_HE_END}"
)
# "Cash only at the counter", "מזומן בלבד בדלפק": where one way to pay is taken, not the
# only way to pay.
_NOT_WHERE = (
    r"(?!\s+(?:at|in|on|for|from|with|when|if|up\s+to|over|under|below|above|by\s+the)\b)"
    rf"(?!\s+(?!בלבד)(?:ב|ל|מ)[{HE}]{{2,}})"
)
# A time before something: "up to 24 hours before", "עד 24 שעות לפני".
_TIME_QUALIFIED = re.compile(
    r"\b\d+\s*(?:-\s*)?(?:hours?|hrs?|h|days?|weeks?)\b|\b(?:a|one|two|three|48|24)\s+(?:hours?|days?|weeks?)\b"
    r"|\bthe\s+day\s+before\b|\b(?:more|less)\s+than\b|\bup\s+to\b"
    rf"|\d+\s*(?:-\s*)?(?:שעות|שעה|ימים|יום|שבועות|שבוע){_HE_END}"
    rf"|{_HB}(?:יום|יומיים|שבוע|שבועיים|יממה)\s+(?:לפני|מראש){_HE_END}|{_HB}(?:עד|פחות\s+מ|יותר\s+מ)(?=\s*\d)"
)

_TOPICS: tuple[_Topic, ...] = (
    _Topic(
        name="appointment",
        kb_no=_compile(
            r"\bappointments?\s+only\b|\bby\s+(?:prior\s+)?(?:appointment|arrangement)\b"
            r"|\bonly\s+(?:by|with)\s+(?:an\s+)?(?:appointment|reservation|booking)"
            r"|\b(?:booking|reservations?|appointments?|advance\s+booking|pre-?booking)\s+"
            r"(?:is\s+|are\s+)?(?:required|essential|mandatory|a\s+must|necessary|only)\b"
            r"|\bmust\s+(?:be\s+)?(?:book|reserv)|\bno\s+walk[\s-]?ins?\b"
            r"|\b(?:booking|reservations?|book|reserve)\s+(?:is\s+|are\s+)?(?:in\s+advance|ahead)"
            r"(?!\s+(?:is\s+|are\s+)?(?:recommended|advised|suggested|preferred|appreciated|helps))"
            r"|\bwalk[\s-]?ins?\s+(?:are\s+)?not\s+(?:accepted|available|possible)",
            _he(
                r"בתיאום\s+מראש|(?:רק|אך\s+ורק)\s+(?:ב)?(?:תיאום|תור|הזמנה|הרשמה)"
                r"|(?:בתיאום|בתור|בהזמנה|בהרשמה)(?:\s+מראש)?\s+בלבד"
                r"|(?:הרשמה|הזמנה|קביעת\s+תור|תיאום)\s+מראש\s+(?:חובה|נדרשת|נדרש)"
                r"|(?:יש|צריך)\s+(?:לקבוע\s+תור|להזמין|להירשם|לתאם)\s+מראש"
                r"|חובה\s+(?:לקבוע|להזמין|להירשם|לתאם|תיאום|הרשמה|הזמנה)"
                r"|(?:אין|לא)\s+(?:כניסה|מקבלים|מקבלות)\s+(?:ללא|בלי)\s+(?:תור|תיאום|הזמנה)"
            ),
        ),
        kb_yes=_compile(
            r"(?<!no\s)\bwalk[\s-]?ins?\s+(?:are\s+)?(?:welcome|accepted|fine|possible|ok|available)"
            r"|\bno\s+(?:appointment|booking|reservation)s?\s+(?:is\s+|are\s+)?(?:needed|necessary|required)"
            r"|\bwithout\s+(?:an?\s+)?(?:appointment|booking|reservation)\b|\bjust\s+drop\s+in\b"
            r"|\bdrop\s+in\s+(?:any\s*time|whenever)",
            _he(
                r"(?:ללא|בלי)\s+(?:צורך\s+ב)?(?:תור|תיאום|הזמנה|קביעת\s+תור)(?:\s+מראש)?"
                r"|אין\s+צורך\s+(?:ב|ל)?(?:תור|תיאום|הזמנה|לקבוע|לתאם|להזמין|להירשם|הרשמה)"
            ),
        ),
        reply_yes=_compile(
            rf"\bno\s+need\s+(?:to\s+|for\s+(?:an?\s+)?)?{_APPOINTMENT_WORD}"
            rf"|\b(?:you\s+)?(?:don't|do\s+not|won't)\s+(?:need|have)\s+(?:to\s+)?(?:an?\s+)?{_APPOINTMENT_WORD}"
            rf"|\bno\s+{_APPOINTMENT_WORD}s?\s+(?:is\s+|are\s+)?(?:needed|necessary|required)"
            r"|\bwithout\s+(?:an?\s+)?(?:appointment|booking|reservation)\b"
            r"|\bjust\s+(?:drop|pop|walk|come|swing|show)\s+(?:in|by|over|up|round|along)\b"
            r"|\bwalk[\s-]?ins?\s+(?:are\s+)?(?:always\s+)?(?:welcome|fine|ok|okay|accepted)"
            r"|\bwe\s+(?:take|accept|welcome)\s+walk[\s-]?ins?\b"
            r"|\b(?:come|drop\s+(?:in|by)|pop\s+(?:in|by)|walk\s+in)\s+(?:whenever|any\s*time)\b",
            _he(
                r"(?:אין|לא)\s+(?:צורך|צריך|צריכה|צריכים)\s+(?:ל|ב)?"
                + _HE_BOOK
                + r"|(?:אפשר|ניתן|אפשרי)\s+(?:פשוט\s+)?(?:לקפוץ|להגיע|לבוא|להיכנס)"
                r"\s+(?:גם\s+)?(?:בלי|ללא)\s+(?:תור|תיאום|הזמנה|לתאם|לקבוע)"
                r"|(?:אפשר|ניתן)\s+פשוט\s+(?:לקפוץ|להגיע|לבוא)"
                r"|(?:בלי|ללא)\s+(?:צורך\s+ב)?(?:תור|תיאום|הזמנה)(?:\s+מראש)?"
                r"|(?:קפוץ|קפצי|קפצו|תקפוץ|תקפצי|תקפצו|בוא|בואי|בואו|תבוא|תבואי|תבואו|תגיע|תגיעי|תגיעו)"
                r"\s+(?:פשוט\s+)?(?:מתי\s+ש|בכל\s+(?:זמן|שעה))"
            ),
        ),
        reply_no=_compile(
            r"\b(?:by\s+)?appointments?\s+only\b|\bonly\s+by\s+appointment\b"
            r"|\byou(?:'ll|\s+will)?\s+(?:must|need\s+to|have\s+to)\s+(?:book|reserve|make\s+an?\s+appointment)"
            r"|\b(?:booking|reservations?|an\s+appointment)\s+(?:is\s+|are\s+)?(?:required|essential|mandatory|a\s+must)"
            r"|\bwe\s+(?:don't|do\s+not)\s+(?:take|accept)\s+walk[\s-]?ins?\b|\bno\s+walk[\s-]?ins?\b",
            _he(
                r"רק\s+(?:ב)?(?:תיאום|תור|הזמנה)|(?:בתיאום|בתור|בהזמנה)\s+(?:מראש\s+)?בלבד"
                r"|חובה\s+(?:לקבוע|להזמין|להירשם|לתאם)|(?:צריך|צריכה|יש)\s+לקבוע\s+תור"
                r"|(?:צריך|צריכה|יש)\s+(?:לתאם|להזמין|להירשם)\s+מראש"
                r"|(?:לא|אין)\s+(?:מקבלים|מקבלות)\s+(?:ללא|בלי)\s+(?:תור|תיאום)"
            ),
        ),
        says_yes="says no booking is needed",
        says_no="says booking is required",
        absolute=_ABSOLUTE,
    ),
    _Topic(
        name="pets",
        kb_no=_compile(
            rf"\bno\s+{_EN_PET}\b|\b{_EN_PET}\s+(?:are\s+|is\s+)?not\s+(?:allowed|permitted|accepted|welcome)"
            rf"|\b{_EN_PET}\s+(?:aren't|isn't)\s+(?:allowed|permitted)|\bpet[\s-]?free\b"
            rf"|\bwe\s+(?:don't|do\s+not)\s+(?:allow|accept|admit)\s+{_EN_PET}",
            _he(
                rf"(?:אין|אסור(?:ה)?)\s+(?:כניסה|להכניס|להגיע|לבוא)\s+(?:עם\s+|ל)?{_HE_PET}"
                rf"|(?:ללא|בלי)\s+{_HE_PET}|{_HE_PET}\s+(?:אסורים|אסורה|אסור|לא\s+מורשים)"
                rf"|(?:לא|אי)\s+(?:ניתן|אפשר|מותר)\s+(?:להגיע|לבוא|להיכנס|להכניס)\s+(?:עם\s+)?{_HE_PET}"
            ),
        ),
        kb_yes=_compile(
            rf"(?<!guide\s)(?<!service\s)(?<!assistance\s)\b{_EN_PET}\s+(?:are\s+|is\s+)?(?:very\s+)?(?:welcome|allowed|permitted)"
            r"|\b(?:pet|dog|cat)[\s-]?friendly\b|\bbring\s+(?:your|the)\s+(?:dog|cat|pet)",
            _he(
                rf"ידידותי(?:ת|ים)?\s+(?:ל)(?:כלבים|בעלי\s+חיים|חיות)"
                rf"|{_HE_PET}\s+(?:מתקבלים|מתקבלות|מוזמנים|מוזמנות|מותרים|מותרת)(?:\s+בברכה)?"
                rf"|(?:אפשר|ניתן|מותר)\s+(?:להגיע|לבוא|להיכנס|להכניס)\s+(?:עם\s+)?{_HE_PET}"
            ),
        ),
        reply_yes=_compile(
            rf"\bbring\s+(?:your|the|a|along\s+your)\s+(?:dog|cat|pet|puppy|pooch|furry\s+friend)s?\b"
            rf"|(?<!guide\s)(?<!service\s)(?<!assistance\s)\b{_EN_PET}\s+(?:are\s+|is\s+)?(?:always\s+|very\s+|more\s+than\s+)?(?:welcome|allowed|fine|ok|okay|permitted)"
            r"|\b(?:pet|dog|cat)[\s-]?friendly\b"
            rf"|\b(?:your|the)\s+(?:dog|cat|pet|puppy)\s+(?:is|are|can)\s+(?:welcome|come|join)"
            rf"|\byou\s+can\s+(?:come|visit)\s+with\s+(?:your|the)\s+(?:dog|cat|pet|puppy)",
            _he(
                rf"(?:אפשר|ניתן|מותר)\s+(?:גם\s+)?(?:להגיע|לבוא|להיכנס|להכניס|להביא)\s+(?:גם\s+)?(?:עם\s+)?(?:את\s+)?{_HE_PET}"
                rf"|(?:תביא|תביאי|תביאו|הביאו|תבוא|תבואי|תבואו|בואו|בוא|בואי)\s+(?:גם\s+)?(?:עם\s+)?(?:את\s+)?{_HE_PET}"
                rf"|{_HE_PET}\s+(?:מתקבלים|מתקבלות|מתקבל|מתקבלת|מוזמנים|מוזמנות|מוזמן|מוזמנת|מותרים)(?:\s+בברכה)?"
                rf"|ידידותי(?:ת|ים)?\s+ל(?:כלבים|בעלי\s+חיים|חיות)"
            ),
        ),
        reply_no=_compile(
            rf"\bno\s+{_EN_PET}\b|\b{_EN_PET}\s+(?:are\s+|is\s+)?not\s+(?:allowed|permitted|welcome)"
            rf"|\b{_EN_PET}\s+(?:aren't|isn't)\s+(?:allowed|permitted)"
            rf"|\bwe\s+(?:don't|do\s+not|can't|cannot)\s+(?:allow|accept|admit|take)\s+{_EN_PET}"
            rf"|\b(?:can't|cannot)\s+(?:bring|come\s+with)\s+(?:your|a|the)\s+{_EN_PET}",
            _he(
                rf"(?:אין|אסור(?:ה)?)\s+(?:כניסה|להכניס|להגיע|לבוא)\s+(?:עם\s+|ל)?{_HE_PET}"
                rf"|(?:לא)\s+(?:ניתן|אפשר|מותר)\s+(?:להגיע|לבוא|להיכנס|להכניס|להביא)\s+(?:עם\s+)?(?:את\s+)?{_HE_PET}"
                rf"|(?:ללא|בלי)\s+{_HE_PET}|{_HE_PET}\s+(?:אסורים|אסורה|אסור)"
            ),
        ),
        says_yes="lets pets in",
        says_no="says pets are not allowed",
    ),
    _Topic(
        name="area",
        kb_no=_compile(
            r"\barea\s+only\b|\bonly\s+(?:in|within|around|to)\s+(?:the\s+)?[a-z]"
            r"|\b(?:serv\w*|deliver\w*|cover\w*|areas?|regions?|work\s+in|ships?\s+to)\b[^.\n]*\bonly\b"
            r"|\b(?:no|don't|do\s+not)\s+(?:\w+\s+)?(?:deliver\w*|ship\w*|serv\w*|work|travel)\s+outside\b"
            r"|\b(?:service|delivery|coverage|working)\s+areas?\b"
            r"|\b(?:deliver(?:y|ies|s)?|shipping|ships|pick-?ups?|we\s+(?:serve|cover|work|operate))"
            r"\s+(?:is\s+|are\s+)?(?:only\s+)?(?:to|in|within|around)\s+(?!your\b|the\s+door\b|the\s+same\b"
            r"|\w+\s+(?:days?|hours?|minutes?|weeks?)\b)[a-z]{3,}"
            r"|\b(?:deliver(?:y|ies)|delivery\s+areas?|we\s+serve)\s*:\s*(?!same\b|next\b|free\b|within\b)[a-z]{3,}"
            r"|\bwe\s+(?:serve|cover)\s+(?!you\b|all\b|every\w*\b|customers\b|clients\b|the\s+whole\b)(?:the\s+)?[a-z]{3,}",
            _he(
                r"(?:אין|לא)\s+(?:\S+\s+)?(?:משלוחים|משלוח|מגיעים|עובדים|שולחים|משרתים)\s+(?:\S+\s+)?מחוץ\s+ל"
                r"|(?:משלוחים|משלוח|מגיעים|עובדים|שולחים|משרתים)\s+(?:רק\s+)?(?:ל|ב)[^.\n]*\s+בלבד"
                r"|רק\s+(?:ב|ל)?(?:אזור|איזור|תחום)|(?:באזור|באיזור|בתחום)\s+[^,.\n]{2,30}\s+בלבד"
                r"|אזור(?:י)?\s+(?:ה)?(?:שירות|חלוקה|משלוח|משלוחים|פעילות)"
                r"|(?:משלוחים|משלוח|מגיעים|עובדים|משרתים)\s+(?:רק\s+)?(?:ל|ב)(?:אזור|איזור)"
                r"|(?:משלוחים|משלוח)\s*:?\s*(?:רק\s+)?(?:ל|ב)[" + HE + r"]{2,}"
                r"|(?:משרתים|מכסים)\s+(?:את\s+)?[" + HE + r"]{2,}"
                r"|(?:מגיעים|פועלים)\s+(?:רק\s+)?(?:ל|ב)(?!כל|בית|בתי|לקוח|פני|אחר|מחרת|זמן|שעה|תיאום|אירוע|שבת|ימי|יום)["
                + HE
                + r"]{3,}",
                "ו",
            ),
        ),
        kb_yes=_compile(
            r"\bnation[\s-]?wide\b|\b(?:all\s+over|across|throughout|anywhere\s+in|everywhere\s+in)\s+"
            r"(?:israel|the\s+country)\b|\bthe\s+whole\s+(?:country|of\s+israel)\b|\bworld[\s-]?wide\b"
            r"|\b(?:elsewhere|everywhere|anywhere\s+else)\b",
            _he(
                r"(?:ב|ל)כל\s+(?:רחבי\s+)?(?:ה)?ארץ|(?:ב|ל)רחבי\s+(?:ה)?ארץ|פריסה\s+ארצית|ארצי(?:ת)?"
                r"|(?:ל|ב)כל\s+(?:ה)?מקום|(?:ל|ב)שאר\s+(?:ה)?(?:ארץ|אזורים|ערים)",
                "",
            ),
        ),
        reply_yes=_compile(
            r"\bnation[\s-]?wide\b|\b(?:all\s+over|across|throughout|anywhere\s+in|everywhere\s+in)\s+"
            r"(?:israel|the\s+country)\b|\bthe\s+whole\s+(?:country|of\s+israel)\b"
            r"|\b(?:deliver|ship|come|serve|cover|travel|work|operate|drive)\w*\s+(?:to\s+)?(?:anywhere|everywhere)"
            r"\b(?!\s+(?:in|within|around|near)\s+(?!israel\b|the\s+country\b))|\bwherever\s+you\s+(?:are|live)\b",
            _he(
                r"(?:ב|ל)כל\s+(?:רחבי\s+)?(?:ה)?ארץ|(?:ב|ל)רחבי\s+(?:ה)?ארץ|פריסה\s+ארצית"
                r"|(?:ל|ב)כל\s+(?:ה)?מקום(?:\s+בארץ)?|איפה\s+ש(?:את|אתה|אתם)\s+(?:גר|גרה|גרים)",
                "",
            ),
        ),
        reply_no=_compile(
            r"\b(?:\w+\s+)?area\s+only\b|\bonly\s+(?:deliver|serve|ship|work|operate|come|cover)\w*\s+(?:with)?in\b"
            r"|\b(?:deliver|serve|ship|work|operate|cover)\w*\s+only\s+(?:with)?in\b",
            _he(r"רק\s+(?:ב|ל)(?:אזור|איזור)|(?:באזור|באיזור)\s+[^,.\n]{2,30}\s+בלבד", "ו"),
        ),
        says_yes="serves everywhere",
        says_no="limits the area served",
        precedence="yes",
    ),
    _Topic(
        name="deposit",
        kb_no=_compile(
            r"\bno\s+(?:advance\s+)?deposits?\b|\bwithout\s+(?:a\s+|any\s+)?deposit\b|\bdeposit[\s-]free\b"
            r"|\bdeposits?\s+(?:is\s+|are\s+)?not\s+(?:required|needed)",
            _he(
                r"(?:ללא|בלי|אין)\s+(?:צורך\s+ב)?(?:מקדמה|מקדמות|פיקדון|דמי\s+רצינות)"
                r"|(?:לא)\s+(?:נדרשת|נדרש|צריך|גובים|לוקחים)\s+(?:מקדמה|פיקדון)",
                "",
            ),
        ),
        kb_yes=_compile(
            r"\bdeposits?\b|\bdown\s+payment\b", _he(r"מקדמה|מקדמות|פיקדון|דמי\s+רצינות", "ה")
        ),
        reply_yes=_compile(
            r"\b(?:a\s+|an?\s+advance\s+)?deposit\s+(?:is\s+|will\s+be\s+)?(?:required|needed|necessary|payable|due|mandatory)"
            r"|\b(?:you(?:'ll|\s+will)?|we)\s+(?:need|have|require|ask)\s+(?:you\s+)?(?:to\s+)?(?:pay|leave|put\s+down|for)?\s*a\s+deposit"
            r"|\bwe\s+(?:take|require|charge|collect)\s+a\s+deposit\b|\bthere(?:'s|\s+is)\s+a\s+deposit\b",
            _he(
                r"(?:יש|נדרשת|צריך|צריכה|חובה|נגבית|נגבה|נבקש|נגבה)\s+(?:לשלם\s+|להשאיר\s+)?(?:גם\s+)?(?:מקדמה|פיקדון)"
                r"|(?:מקדמה|פיקדון)\s+(?:נדרשת|נדרש|חובה)|(?:תצטרך|תצטרכי|תצטרכו)\s+(?:לשלם|להשאיר)\s+(?:מקדמה|פיקדון)"
            ),
        ),
        reply_no=_compile(
            r"\bno\s+(?:advance\s+)?deposit\b|\bwithout\s+(?:a\s+|any\s+)?deposit\b|\bdeposit[\s-]free\b"
            r"|\b(?:don't|do\s+not|won't|will\s+not)\s+(?:need|have|require|ask\s+for|take|charge)\s+(?:to\s+)?(?:pay\s+|leave\s+)?(?:a\s+|any\s+)?deposit"
            r"|\bno\s+need\s+for\s+a\s+deposit\b",
            _he(
                r"(?:ללא|בלי|אין)\s+(?:צורך\s+ב)?(?:מקדמה|פיקדון)"
                r"|לא\s+(?:צריך|צריכה|נדרשת|נדרש|גובים|לוקחים|נבקש|נגבה)\s+(?:לשלם\s+)?(?:מקדמה|פיקדון)",
                "",
            ),
        ),
        says_yes="asks for a deposit",
        says_no="says no deposit is needed",
        precedence="no",
    ),
    _Topic(
        name="children",
        kb_no=_compile(
            rf"\badults?\s+only\b|\bno\s+{_EN_KIDS}\b|\b{_EN_KIDS}\s+(?:are\s+)?not\s+(?:allowed|permitted|admitted)"
            rf"|\bnot\s+suitable\s+for\s+{_EN_KIDS}|\b(?:18|21)\s*\+\s*only\b|\bcouples\s+only\b",
            _he(
                rf"(?:ל)?מבוגרים\s+בלבד|(?:ל)?זוגות\s+בלבד|(?:ללא|בלי)\s+{_HE_KIDS}|אין\s+כניסה\s+(?:ל|עם\s+)?{_HE_KIDS}"
                rf"|לא\s+(?:מתאים\s+)?ל(?:ילדים|תינוקות|פעוטות)",
                "",
            ),
        ),
        kb_yes=_compile(
            rf"\b{_EN_KIDS}\s+(?:are\s+)?(?:very\s+)?welcome\b|\b(?:family|kid|child)[\s-]?friendly\b"
            rf"|\bsuitable\s+for\s+(?:{_EN_KIDS}|families|all\s+ages)",
            _he(
                rf"{_HE_KIDS}\s+(?:מתקבלים\s+)?(?:בברכה|מוזמנים)|ידידותי(?:ת)?\s+ל(?:ילדים|משפחות)"
                rf"|מתאים\s+(?:גם\s+)?ל(?:ילדים|משפחות|כל\s+הגילאים)",
                "",
            ),
        ),
        reply_yes=_compile(
            rf"\b(?:bring|come\s+with)\s+(?:the|your)\s+(?:{_EN_KIDS}|kid|child|family)\b"
            rf"|\b{_EN_KIDS}\s+(?:are\s+)?(?:always\s+|very\s+|more\s+than\s+)?(?:welcome|allowed|fine|ok|okay)\b"
            rf"|\b(?:family|kid|child)[\s-]?friendly\b|\bsuitable\s+for\s+(?:{_EN_KIDS}|families|all\s+ages)"
            rf"|\b(?:we\s+(?:can|will|'ll|could)\s+(?:also\s+)?(?:put|add|provide|bring|set\s+up|prepare|get|arrange)(?:\s+you)?"
            rf"|we\s+have|there(?:'s|\s+is))\s+(?:a\s+)?(?:baby\s+)?(?:crib|cot|high\s+chair|baby\s+bed|travel\s+cot|baby\s+chair)s?\b"
            rf"|\b(?:crib|cot|high\s+chair|baby\s+bed)s?\s+(?:is|are)\s+available\b"
            rf"|\b(?:your|the)\s+(?:baby|kid|child|little\s+one|son|daughter)\s+is\s+(?:more\s+than\s+|very\s+|always\s+)?welcome\b",
            _he(
                rf"(?:אפשר|ניתן|מותר)\s+(?:גם\s+)?(?:להגיע|לבוא)\s+(?:גם\s+)?עם\s+{_HE_KIDS}"
                rf"|(?:(?:נשים|נכניס|נביא|נכין|נסדר|נארגן|נוסיף)\s+|יש\s+(?:לנו\s+)?)(?:לכם\s+|לך\s+)?(?:גם\s+)?(?:עריסה|מיטת\s+תינוק|לול|כיסא\s+(?:אוכל|תינוק)|מיטה\s+(?:ל)?תינוק)"
                rf"|(?:ה)?(?:תינוק|תינוקת|ילד|ילדה)\s+(?:שלכם\s+|שלך\s+)?(?:מוזמנ\w*|מתקבל\w*)"
                rf"|{_HE_KIDS}\s+(?:מתקבלים|מוזמנים)(?:\s+בברכה)?|{_HE_KIDS}\s+בברכה"
                rf"|ידידותי(?:ת)?\s+ל(?:ילדים|משפחות)|מתאים\s+(?:גם\s+)?ל(?:ילדים|משפחות)"
                rf"|(?:תביאו|הביאו|תביא|תביאי)\s+(?:גם\s+)?את\s+{_HE_KIDS}",
                "",
            ),
        ),
        reply_no=_compile(
            rf"\badults?\s+only\b|\bno\s+{_EN_KIDS}\b|\b{_EN_KIDS}\s+(?:are\s+)?not\s+(?:allowed|permitted|admitted)"
            rf"|\bnot\s+suitable\s+for\s+{_EN_KIDS}|\bwe\s+(?:don't|do\s+not)\s+(?:allow|admit)\s+{_EN_KIDS}",
            _he(
                rf"(?:ל)?מבוגרים\s+בלבד|(?:ללא)\s+{_HE_KIDS}|אין\s+כניסה\s+(?:ל|עם\s+)?{_HE_KIDS}"
                rf"|לא\s+מתאים\s+ל{_HE_KIDS}",
                "",
            ),
        ),
        says_yes="welcomes children",
        says_no="says children are not admitted",
    ),
    _Topic(
        name="smoking",
        kb_no=_compile(
            r"\bno\s+smoking\b|\bsmoke[\s-]free\b|\bnon[\s-]smoking\b"
            r"|\bsmoking\s+(?:is\s+)?(?:not\s+allowed|not\s+permitted|prohibited|forbidden|banned)",
            _he(r"אסור\s+לעשן|(?:ה)?עישון\s+אסור|(?:ללא|אין)\s+עישון|לא\s+מעשנים", ""),
        ),
        kb_yes=_compile(
            r"\bsmoking\s+(?:area|section|corner|balcony|terrace|room|allowed|permitted)\b|\bsmokers\s+welcome\b",
            _he(r"(?:פינת|אזור|מרפסת|חדר)\s+עישון|מותר\s+לעשן|(?:ה)?עישון\s+מותר", ""),
        ),
        reply_yes=_compile(
            r"\b(?:you\s+can|you're\s+welcome\s+to|feel\s+free\s+to|you\s+may|you're\s+allowed\s+to)\s+smoke\b"
            r"|\bsmoking\s+is\s+(?:allowed|permitted|fine|ok|okay)\b"
            r"|\b(?:there's|there\s+is|we\s+have)\s+a\s+smoking\s+(?:area|section|corner|balcony|terrace|room)",
            _he(
                r"(?:אפשר|מותר|ניתן)\s+(?:גם\s+)?לעשן|(?:ה)?עישון\s+מותר"
                r"|יש\s+(?:לנו\s+)?(?:גם\s+)?(?:פינת|אזור|מרפסת|חדר)\s+עישון"
            ),
        ),
        reply_no=_compile(
            r"\bno\s+smoking\b|\bsmoking\s+(?:is\s+)?(?:not\s+allowed|prohibited|forbidden)\b"
            r"|\b(?:can't|cannot)\s+smoke\b|\bsmoke[\s-]free\b|\bnon[\s-]smoking\b",
            _he(
                r"(?:אסור|אין)\s+לעשן|לא\s+(?:ניתן|אפשר|מותר)\s+לעשן|(?:ללא)\s+עישון|(?:ה)?עישון\s+אסור",
                "",
            ),
        ),
        says_yes="allows smoking",
        says_no="says smoking is not allowed",
    ),
    _Topic(
        name="outside food",
        kb_no=_compile(
            r"\bno\s+(?:outside|external)\s+(?:food|drinks?|catering|alcohol)"
            r"|\b(?:outside|external)\s+(?:food|drinks?|catering|alcohol)(?:\s+(?:and|or)\s+(?:food|drinks?))?\s+(?:is\s+|are\s+)?not\s+(?:allowed|permitted)"
            r"|\bno\s+(?:food|drinks?)\s+(?:or\s+drinks?\s+)?from\s+outside|\bno\s+byob?\b"
            r"|\bno\s+(?:meat|nuts|peanuts|pork|alcohol|glass(?:\s+bottles)?)(?:\s+(?:and|or)\s+no\s+\w+)?\s+(?:\w+\s+)?(?:allowed|permitted)",
            _he(
                rf"(?:אין|אסור)\s+להכניס\s+(?:{_HE_FOOD})|(?:ללא|בלי)\s+(?:{_HE_FOOD})\s+מבחוץ"
                rf"|(?:{_HE_FOOD})\s+מבחוץ\s+(?:אסור|לא)|לא\s+(?:ניתן|אפשר|מותר)\s+(?:להכניס|להביא)\s+(?:{_HE_FOOD})"
                r"|(?:אין|אסור)\s+(?:להכניס|להביא)\s+(?:\S+\s+)?(?:בשר|אגוזים|בוטנים|אלכוהול|זכוכית)",
                "",
            ),
        ),
        kb_yes=_compile(
            rf"\bbyob?\b|\bbring\s+your\s+own\s+{_EN_FOOD}|\bcorkage\b"
            rf"|\b(?:outside|external)\s+(?:food|drinks?|catering)\s+(?:is\s+|are\s+)?(?:welcome|allowed|fine|ok|permitted)",
            _he(
                rf"(?:אפשר|ניתן|מותר)\s+(?:גם\s+)?להביא\s+(?:{_HE_FOOD})|(?:{_HE_FOOD})\s+מבחוץ\s+(?:מותר|בסדר|אפשרי)",
                "",
            ),
        ),
        reply_yes=_compile(
            rf"\b(?:you\s+can|feel\s+free\s+to|you're\s+welcome\s+to|you\s+may)\s+(?:also\s+)?bring\s+(?:in\s+)?(?:your\s+own\s+|some\s+|a\s+|any\s+|whatever\s+)?{_EN_FOOD}"
            rf"|\b(?:outside|external)\s+(?:food|drinks?|catering)\s+(?:is|are)\s+(?:welcome|allowed|fine|ok|okay|permitted)"
            rf"|\bbyob?\s+(?:is\s+)?(?:fine|welcome|ok)|\bbring\s+your\s+own\s+{_EN_FOOD}",
            _he(
                rf"(?:אפשר|ניתן|מותר)\s+(?:גם\s+)?(?:להביא|להכניס)\s+(?:גם\s+)?(?:כל\s+|איזה\s+|איזו\s+)?(?:{_HE_FOOD})"
                rf"|(?:תביאו|תביא|תביאי|הביאו)\s+(?:גם\s+)?(?:את\s+)?(?:{_HE_FOOD})"
                rf"|(?:{_HE_FOOD})\s+מבחוץ\s+(?:מותר|זה\s+בסדר|בסדר|מותרים|אפשרי)"
            ),
        ),
        reply_no=_compile(
            rf"\bno\s+(?:outside|external)\s+(?:food|drinks?|catering)"
            rf"|\b(?:outside|external)\s+(?:food|drinks?|catering)\s+(?:is\s+|are\s+)?not\s+(?:allowed|permitted)"
            rf"|\b(?:can't|cannot)\s+bring\s+(?:your\s+own\s+|in\s+)?{_EN_FOOD}"
            rf"|\bwe\s+(?:don't|do\s+not)\s+allow\s+(?:outside\s+)?(?:food|drinks?)",
            _he(
                rf"(?:אין|אסור)\s+להכניס\s+(?:{_HE_FOOD})|לא\s+(?:ניתן|אפשר|מותר)\s+(?:להכניס|להביא)\s+(?:{_HE_FOOD})",
                "",
            ),
        ),
        says_yes="lets guests bring their own food or drink",
        says_no="says outside food is not allowed",
        absolute=re.compile(
            r"\b(?:any|whatever|anything|all\s+kinds\s+of|no\s+restrictions?)\b"
            rf"|{_HB}(?:כל\s+(?:ה)?(?:אוכל|עוגה|מה|סוג)|מה\s+ש\S+|ש?רוצים|שתרצו|שתרצה|שתרצי|(?:בלי|ללא)\s+הגבלה){_HE_END}"
        ),
    ),
    _Topic(
        name="cancellation",
        kb_no=_compile(
            r"\bcancel\w*\b[^.\n]*\b(?:charged|fee|non-?refundable|no\s+refunds?|not\s+refund\w*|forfeit\w*|full\s+price|penalty"
            r"|counts?\s+as\s+(?:used|attended|a\s+class|taken)|is\s+lost|otherwise|or\s+(?:it|you)\b)"
            r"|\bcancel\w*\b[^.\n]*\bat\s+least\s+\S+\s+(?:hours?|days?)\b"
            r"|\b(?:cancellation|late-cancellation)\s+fee\b|\bno\s+refunds?\s+(?:on|for)\s+cancel\w*",
            _he(
                r"דמי\s+ביטול|(?:ה)?ביטול\w*[^.\n]*(?:יחויב|יחויבו|מחויב\w*|ייגבה|במלואו|כרוך\s+בתשלום|בתשלום|לא\s+יוחזר|ללא\s+החזר|אין\s+החזר|חיוב)"
                r"|אין\s+החזר\s+(?:כספי\s+)?(?:על|ב)ביטול",
                "",
            ),
        ),
        kb_yes=_compile(
            r"\bfree\s+cancellation\b|\bcancel\w*\s+(?:is\s+)?(?:free|free\s+of\s+charge|at\s+no\s+cost|any\s*time)"
            r"|\bcancel\w*[^.\n]*\bfull\s+refund\b",
            _he(
                r"ביטול\s+(?:חינם|ללא\s+(?:עלות|תשלום|חיוב|דמי\s+ביטול)|בלי\s+(?:עלות|תשלום))"
                r"|(?:ניתן|אפשר)\s+לבטל\s+(?:ללא|בלי|בחינם|בכל)",
                "",
            ),
        ),
        reply_yes=_compile(
            r"\bcancel\s+(?:at\s+)?(?:any\s*time|whenever)|\bcancel\w*\s+(?:for\s+)?free\b|\bfree\s+cancellation\b"
            r"|\bcancel\w*\b[^.]*\bfull\s+refund\b|\bno\s+cancellation\s+(?:fee|charge)s?\b"
            r"|\bcancel\w*\s+(?:is|are)\s+(?:free|fine|no\s+problem)\b"
            r"|\b(?:no|without\s+(?:a|any))\s+(?:\w+\s+)?(?:charge|fee|penalty|cost)\s+(?:for|on)\s+(?:cancel\w*|a\s+cancellation)"
            r"|\b(?:we|they)\s+(?:don't|do\s+not|never|won't|will\s+not)\s+charge\s+(?:\w+\s+)?(?:for\s+)?(?:cancel\w*|a\s+cancellation)"
            r"|\byou\s+(?:won't|will\s+not|wouldn't)\s+(?:be\s+charged|pay|lose)\s+(?:anything\s+|a\s+thing\s+)?(?:for\s+)?(?:cancel\w*|the\s+cancellation)",
            _he(
                r"(?:אפשר|ניתן)\s+(?:גם\s+)?לבטל\s+(?:[^.,]{0,25}\s)?(?:בכל\s+(?:עת|זמן|שלב|רגע)|מתי\s+ש\S*|ברגע\s+האחרון|בחינם|ללא\s+(?:חיוב|תשלום|עלות|קנס)|בלי\s+(?:חיוב|תשלום|עלות|קנס))"
                r"|ביטול\s+(?:חינם|ללא\s+(?:עלות|תשלום|חיוב)|בלי\s+(?:עלות|תשלום))|(?:אין|ללא|בלי)\s+דמי\s+ביטול"
                r"|(?:אין|ללא|בלי)\s+(?:\S+\s+)?(?:חיוב|תשלום|קנס|עלות)\s+(?:על|ב|עבור)\s*(?:ה)?ביטול\w*"
                r"|לא\s+(?:מחייבים|נחייב|אחייב|גובים|נגבה|תחויב|תחויבי|תחויבו|תשלם|תשלמי|תשלמו|משלמים)\s+(?:\S+\s+){0,2}?(?:על|ב|עבור)\s*(?:ה)?ביטול\w*"
                r"|(?:ה)?ביטול\w*\s+(?:זה\s+|הוא\s+)?(?:בחינם|חינם|לא\s+עולה)",
                "",
            ),
        ),
        reply_no=_compile(
            r"\bcancellation\s+fee\b|\bcancel\w*\b[^.]*\b(?:are|is|will\s+be)\s+(?:charged|non-?refundable)"
            r"|\bno\s+refunds?\s+(?:on|for)\s+cancel\w*",
            _he(
                r"דמי\s+ביטול|ביטול\w*[^.]*(?:יחויב|יחויבו|כרוך\s+בתשלום)|אין\s+החזר\s+(?:כספי\s+)?(?:על|ב)ביטול",
                "",
            ),
        ),
        says_yes="lets the customer cancel free",
        says_no="charges for cancelling",
        absolute=_ABSOLUTE,
        qualified=_TIME_QUALIFIED,
        asked=_compile(
            r"\bcancel\w*", _he(r"ביטול\w*|לבטל|מבטל\w*|ביטלתי|ביטלנו|אבטל|נבטל", "הלבו")
        ),
        asked_yes=_compile(
            r"\byou\s+(?:won't|will\s+not|wouldn't)\s+be\s+charged\b|\b(?:there's|there\s+is|there\s+will\s+be)\s+no\s+(?:charge|fee)\b"
            r"|\bit\s+(?:won't|will\s+not)\s+cost\s+you\s+(?:anything|a\s+thing)\b|\bno\s+charge\b",
            _he(
                r"לא\s+(?:תחויב|תחויבי|תחויבו|תשלם|תשלמי|תשלמו|נחייב|מחייבים|יחייבו|גובים)|(?:אין|ללא|בלי)\s+חיוב"
                r"|(?:זה\s+)?לא\s+עולה\s+(?:לך\s+|לכם\s+)?כלום",
                "",
            ),
        ),
    ),
    _Topic(
        name="returns",
        kb_no=_compile(
            r"\bno\s+(?:returns?|refunds?|exchanges?)\b|\bnon-?(?:returnable|refundable)\b"
            r"|\b(?:all\s+sales\s+(?:are\s+)?final|final\s+sale)\b|\b(?:exchange|store\s+credit)\s+only\b"
            r"|\b(?:cannot|can't|can\s+not)\s+be\s+(?:returned|refunded|exchanged)\b",
            _he(
                r"(?:אין|ללא)\s+(?:החזרות|החזרה|החזר(?:\s+כספי)?|החלפות|זיכוי)"
                r"|לא\s+(?:ניתן|ניתנים|ניתנות|אפשר)\s+(?:להחזיר|להחזרה|להחליף|לקבל\s+החזר)|(?:החלפה|זיכוי)\s+בלבד",
                "",
            ),
        ),
        kb_yes=_compile(
            r"(?<!no\s)\b(?:returns?|refunds?|exchanges?)\s+(?:are\s+|is\s+)?(?:accepted|possible|within|up\s+to)\b"
            r"|\bfull\s+refund\b|\bmoney[\s-]back\b|\bfree\s+returns?\b|\bcan\s+be\s+(?:returned|refunded|exchanged)\b",
            _he(
                r"(?:ה)?(?:החזרה|החזרות|החזר(?:\s+כספי)?)\s+(?:תוך|עד|בתוך|מלא|אפשרי\w*)|(?:ניתן|אפשר)\s+להחזיר",
                "",
            ),
        ),
        reply_yes=_compile(
            r"\byou\s+can\s+(?:always\s+|still\s+)?(?:return|exchange|get\s+(?:a\s+)?(?:full\s+)?refund)"
            r"|\b(?:returns?|refunds?)\s+(?:is|are)\s+(?:fine|possible|accepted|no\s+problem)\b"
            r"|\bwe\s+(?:accept|take|do)\s+returns\b|\b(?:it|they|this|these)\s+can\s+be\s+(?:returned|refunded|exchanged)\b",
            _he(
                r"(?:אפשר|ניתן)\s+(?:גם\s+|תמיד\s+)?(?:להחזיר|להחליף|לקבל\s+החזר)|(?:מקבלים|מקבלת)\s+החזרות",
                "",
            ),
        ),
        reply_no=_compile(
            r"\bno\s+(?:returns|refunds)\b|\b(?:can't|cannot)\s+be\s+(?:returned|refunded)\b|\bnon-?(?:returnable|refundable)\b"
            r"|\bwe\s+(?:don't|do\s+not)\s+(?:accept|take|do|give|offer)\s+(?:returns|refunds)\b|\bfinal\s+sale\b",
            _he(r"(?:אין|ללא)\s+(?:החזרות|החזר(?:\s+כספי)?)|לא\s+(?:ניתן|אפשר)\s+להחזיר", ""),
        ),
        says_yes="accepts returns or refunds",
        says_no="refuses returns",
        absolute=_ABSOLUTE,
    ),
    _Topic(
        name="cash only",
        kb_no=_compile(
            rf"\bcash\s+only\b{_NOT_WHERE}|\bonly\s+cash\b|\bno\s+(?:credit\s+)?cards\b|\bcards?\s+(?:are\s+)?not\s+accepted",
            _he(
                rf"(?:ב)?מזומן\s+בלבד{_NOT_WHERE}|רק\s+(?:ב)?מזומן{_NOT_WHERE}|(?:אין|לא\s+מקבלים)\s+(?:ה)?אשראי|ללא\s+אשראי",
                "",
            ),
        ),
        kb_yes=_compile(
            rf"\b{_EN_CARD}\b",
            _he(_HE_CARD, ""),
        ),
        reply_yes=_compile(
            rf"\bwe\s+(?:also\s+)?(?:take|accept)\s+(?:all\s+)?(?:major\s+)?{_EN_CARD}"
            rf"|\b(?:you\s+can|feel\s+free\s+to)\s+(?:also\s+)?pay\s+(?:by|with|using)\s+(?:a\s+)?{_EN_CARD}"
            rf"|\b{_EN_CARD}\s+(?:is|are)\s+(?:fine|ok|okay|accepted|welcome)",
            _he(
                rf"(?:אפשר|ניתן)\s+(?:גם\s+)?לשלם\s+(?:גם\s+)?{_HE_CARD}|(?:מקבלים|מכבדים)\s+(?:גם\s+)?(?:כרטיסי\s+)?אשראי",
                "",
            ),
        ),
        reply_no=_compile(
            rf"\bcash\s+only\b{_NOT_WHERE}|\bonly\s+cash\b",
            _he(rf"(?:ב)?מזומן\s+בלבד{_NOT_WHERE}|רק\s+(?:ב)?מזומן{_NOT_WHERE}", ""),
        ),
        says_yes="takes cards",
        says_no="takes cash only",
        precedence="no",
    ),
    _Topic(
        name="dress code",
        kb_no=_compile(
            rf"(?<!no\s)\bdress\s+code\b|\bno\s+{_EN_DRESS_ITEM}\b|\b{_EN_DRESS_ITEM}\s+(?:are\s+)?not\s+(?:allowed|permitted)"
            r"|\bclosed(?:-toe)?\s+shoes\s+(?:are\s+)?(?:required|mandatory|a\s+must|only)|\bmodest\s+(?:dress|clothing)",
            _he(
                rf"(?<!אין\s)קוד\s+לבוש|חובה\s+(?:להגיע\s+(?:ב|עם)\s*)?(?:נעליים\s+סגורות|לבוש\s+צנוע)"
                rf"|אין\s+כניסה\s+(?:ב|עם)\s*{_HE_DRESS_ITEM}|לבוש\s+צנוע",
                "",
            ),
        ),
        kb_yes=_compile(
            r"\bno\s+dress\s+code\b|\bcasual\s+dress\b|\bcome\s+as\s+you\s+are\b",
            _he(r"אין\s+קוד\s+לבוש|לבוש\s+חופשי", ""),
        ),
        reply_yes=_compile(
            rf"\bno\s+dress\s+code\b|\bwear\s+(?:whatever|anything)\b|\bcome\s+as\s+you\s+are\b"
            rf"|\b{_EN_DRESS_ITEM}\s+(?:are|is)\s+(?:totally\s+)?(?:fine|ok|okay|allowed|welcome)",
            _he(
                rf"אין\s+קוד\s+לבוש|לבוש\s+חופשי|(?:אפשר|ניתן)\s+להגיע\s+(?:בכל\s+לבוש|ב{_HE_DRESS_ITEM}|עם\s+{_HE_DRESS_ITEM})"
                rf"|{_HE_DRESS_ITEM}\s+(?:זה\s+)?(?:בסדר|מותר)",
                "",
            ),
        ),
        reply_no=_compile(
            rf"\b(?:there's|there\s+is|we\s+have)\s+a\s+(?:strict\s+)?dress\s+code\b|\b{_EN_DRESS_ITEM}\s+(?:are\s+)?not\s+allowed"
            r"|\bclosed(?:-toe)?\s+shoes\s+(?:are\s+)?(?:required|a\s+must)",
            _he(r"יש\s+(?:לנו\s+)?קוד\s+לבוש|חובה\s+(?:להגיע\s+(?:ב|עם)\s*)?נעליים\s+סגורות", ""),
        ),
        says_yes="says there is no dress code",
        says_no="states a dress code",
        precedence="yes",
    ),
    _Topic(
        name="home visits",
        kb_no=_compile(
            r"\bno\s+(?:home\s+visits|house\s+calls|home\s+service)\b|\bwe\s+(?:don't|do\s+not)\s+(?:do\s+|make\s+)?(?:home\s+visits|house\s+calls)"
            r"|\b(?:studio|clinic|shop|salon|workshop)\s+only\b|\bin-(?:studio|clinic|store)\s+only\b"
            # "no home treatments", "we don't come to clients' homes"
            r"|\bno\s+(?:at-)?home\s+(?:treatments|sessions|lessons|appointments|services)\b"
            r"|\b(?:don't|do\s+not|doesn't|does\s+not)\s+(?:come|travel|go)\s+to\s+(?:clients'?|customers'?"
            r"|patients'?|students'?|your|people's)\s+(?:homes?|houses?)\b",
            _he(
                r"(?:אין|ללא)\s+ביקורי\s+בית|לא\s+(?:מגיעים|מגיעה|מגיע|עושים)\s+(?:עד\s+|ל)?(?:ה)?בית(?:ה)?"
                r"|(?:לא)\s+(?:עושים|מבצעים)\s+ביקורי\s+בית|(?:בקליניקה|בסטודיו|בחנות|במספרה)\s+בלבד"
                # "אין טיפולים בבית המטופל", "לא מגיעים לבית הלקוח"
                r"|(?:אין|לא\s+[" + HE + r"]+)\s+(?:[" + HE + r"]+\s+){0,2}?[בל]בית\s+ה?"
                r"(?:מטופל\w*|לקוח\w*|תלמיד\w*|מבקש\w*)",
                "",
            ),
        ),
        kb_yes=_compile(
            r"(?<!no\s)(?<!do\s)(?<!make\s)\b(?:home\s+visits?|house\s+calls?|mobile\s+service|at\s+your\s+home"
            r"|we\s+come\s+to\s+you)\b",
            _he(
                r"(?<!אין\s)ביקור(?:י)?\s+בית|(?:מגיעים|מגיעה|מגיע)\s+(?:עד\s+)?(?:ה)?בית(?:ה)?|(?:אליכם|אלייך|אליך)\s+הביתה",
                "",
            ),
        ),
        reply_yes=_compile(
            r"\b(?:we|i)\s+(?:can|could|will|'ll)?\s*(?:also\s+)?(?:come|visit)\s+(?:to\s+)?(?:you\b|your\s+(?:home|house|place|flat|apartment))"
            r"|\b(?:we|i)'ll\s+(?:also\s+)?(?:come|visit)\s+(?:to\s+)?(?:you\b|your\s+(?:home|house|place|flat|apartment))"
            r"|\bhome\s+visits?\s+(?:are|is)\s+(?:available|possible|fine|no\s+problem)|\bwe\s+(?:do|make)\s+(?:home\s+visits|house\s+calls)",
            _he(
                r"(?:נגיע|נבוא|מגיעים|אגיע|אבוא|מגיעה|מגיע"
                r"|(?:יכול|יכולה|יכולים|יכולות|נוכל|אוכל)\s+(?:גם\s+)?(?:להגיע|לבוא))"
                r"\s+(?:גם\s+)?(?:אליך|אלייך|אליכם|עד\s+הבית|הביתה|אליך\s+הביתה|אלייך\s+הביתה)"
                r"|ביקור(?:י)?\s+בית\s+(?:אפשרי|זמין|אפשריים|זמינים)|(?:עושים|מבצעים)\s+(?:גם\s+)?ביקורי\s+בית",
                "",
            ),
        ),
        reply_no=_compile(
            r"\bno\s+(?:home\s+visits|house\s+calls)\b|\bwe\s+(?:don't|do\s+not)\s+(?:do\s+|make\s+)?(?:home\s+visits|house\s+calls)",
            _he(r"(?:אין|ללא)\s+ביקורי\s+בית|לא\s+(?:מגיעים|עושים)\s+(?:ביקורי\s+בית|הביתה)", ""),
        ),
        says_yes="offers a home visit",
        says_no="says there are no home visits",
    ),
    _Topic(
        name="documents",
        kb_no=_compile(
            rf"\bno\s+{_EN_ID}\s+(?:is\s+)?(?:needed|required)|\bwithout\s+(?:an?\s+)?{_EN_ID}",
            _he(rf"(?:ללא|בלי|אין\s+צורך\s+ב)\s*{_HE_ID}", ""),
        ),
        kb_yes=_compile(
            rf"\b(?:leave|bring|show|present|provide|hand\s+in)\s+(?:a\s+|an\s+|your\s+)?(?:valid\s+)?{_EN_ID}"
            rf"|\b{_EN_ID}\s+(?:is\s+)?(?:required|needed|mandatory|a\s+must)|\bagainst\s+(?:an?\s+)?{_EN_ID}",
            _he(
                rf"(?:להשאיר|להביא|להציג|הצגת|בהצגת|השארת|בהשארת|חובה|נדרשת|נדרש)\s+(?:\S+\s+)?{_HE_ID}"
                rf"|{_HE_ID}\s+(?:חובה|נדרשת|נדרש)",
                "",
            ),
        ),
        reply_yes=_compile(
            rf"\byou(?:'ll|\s+will)?\s+(?:need|have)\s+to\s+(?:leave|bring|show|present)\s+(?:a\s+|an\s+|your\s+)?(?:valid\s+)?{_EN_ID}"
            rf"|\b(?:an?\s+)?{_EN_ID}\s+is\s+(?:required|needed|a\s+must|mandatory)",
            _he(
                rf"(?:צריך|יש|חובה|תצטרך|תצטרכי|תצטרכו)\s+(?:\S+\s+)?(?:להשאיר|להביא|להציג)\s+(?:\S+\s+)?{_HE_ID}",
                "",
            ),
        ),
        reply_no=_compile(
            rf"\bno\s+(?:need\s+(?:for|to\s+(?:bring|show|leave))\s+(?:an?\s+|any\s+|your\s+)?)?{_EN_ID}s?\b(?:\s+(?:is\s+|are\s+)?(?:needed|required|necessary))?"
            rf"|\bwithout\s+(?:an?\s+|any\s+|his\s+|her\s+|your\s+)?{_EN_ID}"
            rf"|\b(?:don't|doesn't|won't|do\s+not|does\s+not)\s+(?:even\s+)?need\s+(?:to\s+(?:bring|show|leave)\s+)?(?:an?\s+|any\s+|his\s+|her\s+|your\s+)?{_EN_ID}",
            _he(
                rf"(?:אין\s+צורך|לא\s+צריך|לא\s+צריכה|לא\s+צריכים)\s+(?:\S+\s+)?(?:ב|ל(?:הביא|השאיר|הציג)\s+)?{_HE_ID}"
                rf"|(?:בלי|ללא)\s+{_HE_ID}",
                "",
            ),
        ),
        says_yes="says an ID or document is required",
        says_no="says no ID or document is needed",
        precedence="yes",
    ),
    _Topic(
        name="payment timing",
        kb_no=_compile(
            r"\b(?:(?:full\s+)?payment|paid|pay(?:able)?)\s+(?:in\s+full\s+)?(?:in\s+advance|up\s*front|beforehand|when\s+booking|at\s+(?:the\s+time\s+of\s+)?booking|on\s+booking)"
            r"|\bprepaid\b|\bpre-?payment\b",
            _he(
                r"(?:ב)?תשלום\s+(?:מלא\s+)?(?:מראש|בעת\s+ההזמנה|בהזמנה|בעת\s+ההרשמה|בהרשמה)"
                r"|משולמ\w*\s+מראש|(?:יש\s+)?לשלם\s+(?:\S+\s+)?מראש|(?:ה)?תשלום\s+(?:\S+\s+)?מראש",
                "",
            ),
        ),
        kb_yes=_compile(
            r"\b(?:pay|payment|paid|balance)\w*\s+(?:is\s+)?(?:\w+\s+)?(?:on\s+(?:the\s+day|arrival|site|the\s+spot|completion|pick-?up)"
            r"|at\s+the\s+end|after\s+(?:the|your)\s+\w+|afterwards|when\s+you\s+(?:arrive|come|pick)|in\s+person"
            r"|at\s+the\s+(?:door|studio|shop|clinic|counter|venue))",
            _he(
                r"(?:תשלום|התשלום|משלמים|לשלם|היתרה|יתרה)\s+(?:\S+\s+)?(?:במקום|ביום|בסוף|בסיום|בהגעה|לאחר|אחרי|במסירה|באיסוף"
                r"|בעת\s+(?:ה)?(?:הגעה|איסוף|מסירה|קבלה))",
                "",
            ),
        ),
        reply_yes=_compile(
            r"\b(?:you\s+can|feel\s+free\s+to|it's\s+fine\s+to|just)\s+(?:also\s+)?pay\s+(?:\w+\s+){0,3}?(?:at\s+the\s+end|afterwards|after\s+(?:the|your)\s+\w+"
            r"|later|on\s+the\s+day|on\s+arrival|when\s+you\s+(?:arrive|come|get\s+here|pick\s+(?:it|them)\s+up|finish)"
            r"|at\s+the\s+(?:studio|shop|clinic|door|counter|venue|end)|in\s+person|on\s+(?:the\s+spot|site|pick-?up))\b"
            r"|\bpay(?:ment)?\s+(?:is\s+|can\s+be\s+)?(?:made\s+)?(?:on\s+the\s+day|on\s+arrival|at\s+the\s+end|afterwards)\b"
            r"|\bno\s+need\s+to\s+pay\s+(?:\w+\s+)?(?:in\s+advance|up\s*front|ahead|now)\b|\bpay\s+as\s+you\s+go\b",
            _he(
                r"(?:אפשר|ניתן|אפשרי)\s+(?:גם\s+)?לשלם\s+(?:\S+\s+){0,3}?(?:בסוף|בסיום|אחר\s+כך|אחרי|לאחר|במקום|ביום|בהגעה"
                r"|כשמגיעים|כשתגיע\w*|כשתבוא\w*|כשמסיימים|באיסוף|בעת\s+ה\S+)"
                r"|(?:אין\s+צורך|לא\s+צריך)\s+לשלם\s+(?:\S+\s+)?מראש"
                r"|(?:תשלם|תשלמי|תשלמו|משלמים)\s+(?:\S+\s+){0,2}?(?:בסוף|בסיום|אחרי|במקום|בהגעה|כשמגיעים|כשתגיע\w*)",
                "",
            ),
        ),
        reply_no=_compile(
            r"\b(?:full\s+)?payment\s+(?:is\s+)?(?:required\s+)?(?:in\s+full\s+)?(?:in\s+advance|up\s*front)"
            r"|\b(?:you(?:'ll)?\s+)?(?:need|have)\s+to\s+pay\s+(?:in\s+full\s+)?(?:in\s+advance|up\s*front|ahead)\b",
            _he(
                r"(?:צריך|יש|חובה)\s+לשלם\s+(?:הכל\s+|את\s+הכל\s+)?מראש|(?:ה)?תשלום\s+(?:המלא\s+)?מראש",
                "",
            ),
        ),
        says_yes="lets the customer pay later",
        says_no="asks for payment in advance",
    ),
    _Topic(
        name="deposit refund",
        kb_no=_compile(
            r"\bdeposits?\b[^.\n]*\b(?:non-?refundable|not\s+(?:be\s+)?(?:refund(?:ed|able)|returned)|no\s+refund"
            r"|is\s+(?:kept|forfeited|lost)|forfeit\w*|won't\s+be\s+(?:refunded|returned))|\bnon-?refundable\s+deposit",
            _he(
                r"(?:ה)?מקדמה[^.\n]*(?:לא\s+(?:מוחזרת|תוחזר|מוחזר|יוחזר|חוזרת)|אינה\s+(?:מוחזרת|חוזרת)|ללא\s+החזר|אין\s+החזר"
                r"|לא\s+ניתנת\s+להחזר|נשארת\s+אצלנו)|מקדמה\s+שאינה\s+(?:מוחזרת|חוזרת)",
                "",
            ),
        ),
        kb_yes=_compile(
            r"(?<!non-)(?<!non)\brefundable\s+deposit\b|\bdeposit\s+(?:is\s+)?(?:fully\s+)?(?<!non-)refundable\b"
            r"|\bdeposit\s+(?:will\s+be|is)\s+(?:fully\s+)?(?:refunded|returned)",
            _he(r"(?:ה)?מקדמה\s+(?:\S+\s+)?(?:מוחזרת|תוחזר|חוזרת)", ""),
        ),
        reply_yes=_compile(
            r"\b(?:the\s+|your\s+)?deposit\s+(?:is|will\s+be|gets|would\s+be)\s+(?:fully\s+|completely\s+|100%\s+)?(?:refundable|refunded|returned|given\s+back)\b"
            r"|\b(?:get|have)\s+(?:your|the)\s+deposit\s+back\b|\brefund\s+(?:you\s+)?(?:the|your)\s+deposit\b|(?<!non-)\brefundable\s+deposit\b",
            _he(
                r"(?:ה)?מקדמה\s+(?:(?!לא|אינה|אינו)\S+\s+)?(?:תוחזר|מוחזרת|חוזרת|תחזור)"
                r"|(?:נחזיר|נזכה|אחזיר)\s+(?:לך\s+|לכם\s+|אותך\s+)?(?:את\s+)?(?:ה)?מקדמה"
                r"|(?:תקבל|תקבלי|תקבלו)\s+(?:את\s+)?(?:ה)?מקדמה\s+(?:בחזרה|חזרה)|החזר\s+(?:מלא\s+)?(?:של\s+)?(?:ה)?מקדמה",
                "",
            ),
        ),
        reply_no=_compile(
            r"\bdeposit\s+is\s+non-?refundable|\bnon-?refundable\s+deposit|\bdeposit\s+(?:is\s+|will\s+)?not\s+(?:be\s+)?(?:refunded|returned)"
            r"|\b(?:won't|can't|cannot)\s+refund\s+(?:the|your)\s+deposit",
            _he(r"(?:ה)?מקדמה\s+(?:לא|אינה)\s+(?:מוחזרת|תוחזר|חוזרת)", ""),
        ),
        says_yes="says the deposit is refunded",
        says_no="says the deposit is not refunded",
        precedence="no",
        qualified=_TIME_QUALIFIED,
        conditionals=True,
    ),
)


def _allergen(name: str, english: str, hebrew: str) -> _Topic:
    """ "X-free" against "may contain X" / "we cannot promise it is X-free"."""
    free = rf"\b(?:{english})[\s-]free\b"
    return _Topic(
        name=f"allergen {name}",
        kb_no=_compile(
            rf"\b(?:may|might|can|could)\s+contain\s+(?:traces\s+of\s+)?(?:\w+\s+){{0,3}}?(?:{english})\b"
            rf"|\b(?:cannot|can't|can\s+not|unable\s+to)\s+(?:promise|guarantee|ensure)\b[^.\n]*\b(?:{english})"
            rf"|\bnot\s+(?:a\s+)?(?:{english})[\s-]free\b|\b(?:bake|cook|work|handle|made)\s+with\s+(?:{english})\b"
            rf"|\btraces\s+of\s+(?:{english})\b|\bcontains?\s+(?:{english})\b",
            _he(
                rf"(?:עלול|עלולים|עלולה|עלולות|עשוי|עשויים|עשויה|עשויות)\s+להכיל\s+(?:\S+\s+){{0,2}}?(?:{hebrew})"
                rf"|(?:לא|אין)\s+(?:ניתן|אפשר|באפשרותנו|יכולים|יכולה)\s+(?:ל)?(?:הבטיח|להבטיח|התחייב|להתחייב)[^.\n]*(?:{hebrew})"
                rf"|(?:עובדים|אופים|מבשלים)\s+(?:גם\s+)?עם\s+(?:{hebrew})|(?:מכיל|מכילה|מכילים|מכילות)\s+(?:{hebrew})"
                rf"|עקבות\s+(?:של\s+)?(?:{hebrew})|(?:לא|אינו|אינה|אינם)\s+(?:נקי|נקיה|נקייה|נקיים)\s+מ(?:{hebrew})",
                "",
            ),
        ),
        kb_yes=_compile(free, _he(rf"(?:ללא|נטול\w*|נקי\w*\s+מ)\s*(?:{hebrew})", "")),
        reply_yes=_compile(
            free
            + rf"|\b(?:free\s+(?:of|from)|doesn't\s+contain|don't\s+contain|do(?:es)?\s+not\s+contain|contains?\s+no)\s+(?:any\s+)?(?:{english})\b"
            rf"|\bno\s+(?:{english})\s+(?:in|at\s+all)\b|\bsafe\s+for\s+(?:\w+\s+)?(?:(?:{english})\s+)?allerg\w*",
            _he(
                rf"(?:ללא|בלי|נטול\w*|נקי\w*\s+מ)\s*(?:{hebrew})|(?:לא|אין)\s+(?:מכיל\w*|בהם|בה|בו|בהן|שם)\s+(?:{hebrew})",
                "",
            ),
        ),
        reply_no=_compile(
            rf"\b(?:may|might|could)\s+contain\s+(?:traces\s+of\s+)?(?:{english})\b|\bnot\s+(?:{english})[\s-]free\b",
            _he(
                rf"(?:עלול|עלולים|עלולה|עלולות|עשוי|עשויים|עשויה|עשויות)\s+להכיל\s+(?:\S+\s+)?(?:{hebrew})",
                "",
            ),
        ),
        says_yes=f"says it is free of {name}",
        says_no=f"says it may contain {name}",
        precedence="no",
        absolute=_ALLERGEN_ABSOLUTE,
    )


_ALLERGEN_ABSOLUTE = re.compile(
    r"\b(?:all|every|everything|any|entire|whole|100\s*%|guaranteed|always)\b"
    rf"|{_HB}(?:כל|הכל|לחלוטין|100\s*%|מובטח\w*|תמיד){_HE_END}"
)
_ALLERGENS: tuple[_Topic, ...] = (
    _allergen("nuts", r"(?:tree\s+)?nuts?|peanuts?", r"אגוזים|אגוזי\s+\S+|אגוז|בוטנים|בוטן"),
    _allergen("gluten", r"gluten|wheat", r"גלוטן|חיטה"),
    _allergen("dairy", r"dairy|lactose|milk", r"מוצרי\s+חלב|חלב|לקטוז"),
    _allergen("eggs", r"eggs?", r"ביצים|ביצה"),
    _allergen("sesame", r"sesame", r"שומשום"),
)


def _one_sex(name: str, only: str, other: str, he_only: str, he_other: str) -> _Topic:
    """ "Women only" against "we treat men too" (and the other way round)."""
    return _Topic(
        name=name,
        kb_no=_compile(
            rf"\b(?:{only})\s+only\b|\bonly\s+(?:for\s+)?(?:{only})\b|\bno\s+(?:{other})\b",
            _he(rf"(?:ל)?(?:{he_only})\s+בלבד|רק\s+(?:ל|ב)?(?:{he_only})", ""),
        ),
        kb_yes=_compile(
            rf"\bunisex\b|\b(?:{other})\s+(?:are\s+)?(?:also\s+)?welcome\b|\b(?:men|women)\s+and\s+(?:men|women)\b",
            _he(r"יוניסקס|(?:ל)?(?:נשים|גברים)\s+ו(?:ל)?(?:נשים|גברים)", ""),
        ),
        reply_yes=_compile(
            rf"\bwe\s+(?:also\s+)?(?:treat|serve|cut|do|take|welcome|accept|see)\s+(?:\w+\s+)?(?:{other})\b(?!'s)"
            rf"|\b(?:{other})\s+(?:are\s+)?(?:also\s+|very\s+|always\s+)?welcome\b|\bfor\s+(?:{other})\s+(?:too|as\s+well)\b"
            rf"|\b(?:your\s+)?(?:husband|boyfriend|son|wife|girlfriend|daughter)\s+(?:is|would\s+be)\s+(?:very\s+|more\s+than\s+)?welcome\b",
            _he(
                rf"(?:מטפלים|מטפלות|מקבלים|מקבלות|עובדים|עובדות|משרתים)\s+(?:גם\s+)?(?:ב|עם\s+)?(?:{he_other})"
                rf"|(?:{he_other})\s+(?:גם\s+)?(?:מוזמנים|מוזמנות|מתקבלים|מתקבלות|בברכה)|(?:יש|אפשר)\s+(?:גם\s+)?(?:טיפולים\s+)?ל(?:{he_other})",
                "",
            ),
        ),
        reply_no=_compile(rf"\b(?:{only})\s+only\b", _he(rf"(?:ל)?(?:{he_only})\s+בלבד", "")),
        says_yes="serves customers the knowledge base does not",
        says_no="turns away customers the knowledge base serves",
        precedence="yes",
    )


_TOPICS = (
    _TOPICS
    + _ALLERGENS
    + (
        _one_sex(
            "women only", r"women|ladies|females?", r"men|males?|guys", r"נשים|נשות", r"גברים"
        ),
        _one_sex("men only", r"men|males?|gentlemen", r"women|ladies|females?", r"גברים", r"נשים"),
    )
)

# "We deliver all over Jerusalem" against "Delivery to Beit Hakerem and Kiryat Yovel only".
_ALL_OF_PLACE_EN = re.compile(
    r"\b(?:deliver|ship|come|serve|cover|travel|work|operate|send|go)\w*\s+(?:to\s+|in\s+)?"
    r"(?:all\s+(?:of\s+|over\s+|around\s+)|anywhere\s+in\s+|everywhere\s+in\s+|the\s+whole\s+(?:of\s+)?)"
    r"(?:the\s+)?(?P<place>[a-z]+(?:\s+[a-z]+)?)"
)
_ALL_OF_PLACE_HE = re.compile(
    rf"{_HB}[ו]?(?:שולחים|שולחת|מגיעים|מגיעה|מגיע|משרתים|עובדים|עובדת|נשלח|נגיע|מספקים|מחלקים|עושים\s+משלוחים)"
    rf"\s+(?:גם\s+)?(?:ל|ב)(?:כל|רחבי|כל\s+רחבי)\s+(?P<place>[{HE}]+(?:\s+[{HE}]+)?)"
)

# --- closed days ----------------------------------------------------------------------------

_EN_DAY = {
    "sunday": 0, "sundays": 0, "monday": 1, "mondays": 1, "tuesday": 2, "tuesdays": 2,
    "wednesday": 3, "wednesdays": 3, "thursday": 4, "thursdays": 4, "friday": 5, "fridays": 5,
    "saturday": 6, "saturdays": 6, "shabbat": 6, "shabbos": 6, "sabbath": 6,
}  # fmt: skip
_HE_DAY = {"ראשון": 0, "שני": 1, "שלישי": 2, "רביעי": 3, "חמישי": 4, "שישי": 5, "שבת": 6}
_DAY_NAME = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_KB_DAY = re.compile(
    r"\b(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tues?|wed|thu(?:rs?)?"
    r"|fri|sat)s?\b|\bshabbat\b|\bshabbos\b|\bsabbath\b"
    rf"|{_HB}[ובה]?(?:יום\s+|ימי\s+)?(?:ראשון|שני|שלישי|רביעי|חמישי|שישי|שבת|שבתות){_HE_END}"
)
_EN_ABBREVIATION = {"sun": 0, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4,
                    "thurs": 4, "fri": 5, "sat": 6}  # fmt: skip
_KB_CLOSED = re.compile(rf"\bclosed\b|{_HB}[ו]?סגור(?:ים|ה|ות)?{_HE_END}")
_KB_SEGMENT = re.compile(r"\n+|[;,]|[.!](?=\s|$)")
_REPLY_DAY_EN = r"(?:on\s+|this\s+|next\s+|a\s+)?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|shabbat|shabbos|sabbath)s?\b"
_REPLY_DAY_HE = (
    r"(?:גם\s+)?(?:ב|ביום\s+|בימי\s+)(?:שבת|שישי|ראשון|שני|שלישי|רביעי|חמישי)(?:ות)?" + _HE_END
)
_REPLY_OPEN_DAY = re.compile(
    r"\b(?:come|drop|pop|stop|swing|walk)\s+(?:in\s+|by\s+|over\s+|round\s+|around\s+|along\s+)?(?:anytime\s+)?"
    + _REPLY_DAY_EN
    + r"|\b(?:see\s+you|visit\s+us|we\s+can\s+(?:see|fit|take)\s+you(?:\s+in)?|we're\s+here|we\s+are\s+here"
    r"|you\s+can\s+(?:come|visit|drop\s+by|pop\s+in|stop\s+by))\s+(?:this\s+|next\s+|on\s+)?"
    + _REPLY_DAY_EN
    + rf"|{_HB}[ו]?(?:אפשר|ניתן)\s+(?:גם\s+)?(?:להגיע|לבוא|לקפוץ|להיכנס|לעבור)\s+"
    + _REPLY_DAY_HE
    + rf"|{_HB}[ו]?(?:בוא|בואי|בואו|תבוא|תבואי|תבואו|קפוץ|קפצי|קפצו|תקפוץ|תקפצי|תקפצו|תגיע|תגיעי|תגיעו|נתראה|נשמח\s+לראות\w*)"
    r"\s+" + _REPLY_DAY_HE
)


@lru_cache(maxsize=128)
def _closed_days(knowledge_base: str) -> dict[int, str]:
    """The days the knowledge base says it is closed, each with its line."""
    closed: dict[int, str] = {}
    open_days: set[int] = set()
    for low, high in split_spans(knowledge_base, re.compile(r"\n+")):
        line = knowledge_base[low:high].strip()
        text = normalise(line).text
        for part_low, part_high in split_spans(text, _KB_SEGMENT):
            part = text[part_low:part_high]
            days = _days_in(part)
            if not days:
                continue
            if _KB_CLOSED.search(part) and not re.search(r"\d", part):
                for day in days:
                    closed.setdefault(day, line)
            else:
                open_days |= days
    return {day: line for day, line in closed.items() if day not in open_days}


def _day_number(word: str) -> int | None:
    if word.isascii():
        for candidate in (word, word.removesuffix("s")):
            if candidate in _EN_DAY:
                return _EN_DAY[candidate]
            if candidate in _EN_ABBREVIATION:
                return _EN_ABBREVIATION[candidate]
        return None
    word = re.sub(r"^[ובה]?(?:יום\s+|ימי\s+)?", "", word)
    day = _HE_DAY.get(word)
    return day if day is not None else _HE_DAY.get(word.removesuffix("ות"))


def _days_in(text: str) -> set[int]:
    days: set[int] = set()
    found = []
    for match in _KB_DAY.finditer(text):
        day = _day_number(match.group())
        if day is not None:
            found.append((match.start(), match.end(), day))
            days.add(day)
    # "Fri-Sat closed", "סגור שישי-שבת": a range.
    for (_, end, first), (start, _, last) in zip(found, found[1:], strict=False):
        if re.fullmatch(r"\s*(?:-|to|עד)\s*", text[end:start]):
            day = first
            while day != last:
                day = (day + 1) % 7
                days.add(day)
    return days


# --- the knowledge base's side of each topic ---------------------------------------------


@dataclass(frozen=True)
class _Stance:
    yes: tuple[str, ...]  # knowledge-base lines, as written
    no: tuple[str, ...]


@lru_cache(maxsize=128)
def _stances(knowledge_base: str) -> dict[str, _Stance]:
    lines = []
    for low, high in split_spans(knowledge_base, re.compile(r"\n+")):
        line = knowledge_base[low:high].strip()
        if line:
            lines.append((line, normalise(line).text))
    stances: dict[str, _Stance] = {}
    for topic in _TOPICS:
        yes: list[str] = []
        no: list[str] = []
        for line, text in lines:
            says_no = bool(topic.kb_no.search(text))
            says_yes = bool(topic.kb_yes.search(text))
            if says_no and says_yes and topic.precedence:
                says_no, says_yes = topic.precedence == "no", topic.precedence == "yes"
            if says_no:
                no.append(line)
            if says_yes:
                yes.append(line)
        if yes or no:
            stances[topic.name] = _Stance(tuple(yes), tuple(no))
    return stances


# --- offers without numbers -------------------------------------------------------------


@dataclass(frozen=True)
class _Offer:
    name: str
    reply: re.Pattern[str]
    kb: re.Pattern[str]  # a knowledge-base line that offers the same kind of thing
    reason: str
    same_subject: bool = False  # the knowledge-base line must share a content word
    # Knowledge-base lines on the same subject that the offer goes beyond, for evidence
    # ("אחריות: 3 חודשים" against a lifetime warranty).
    evidence: re.Pattern[str] | None = None


_KB_FREE = (
    r"\bfree\b|\bcomplimentary\b|\bon\s+the\s+house\b|\bwaived?\b|\bno\s+(?:\w+\s+)?(?:fee|charge)\b"
    r"|\bat\s+no\s+(?:extra\s+)?cost\b|\bincluded\b|\bincludes?\b"
)
_HE_KB_FREE = r"חינם|בחינם|חינמי\w*|ללא\s+(?:תוספת\s+)?(?:תשלום|עלות|חיוב|דמי)|על\s+חשבון\s+הבית|כלול\w*|כולל\w*|פטור\w*|מתנה"

_OFFERS: tuple[_Offer, ...] = (
    _Offer(
        name="on the house",
        reply=_compile(
            r"\bon\s+the\s+house\b|\b(?:it's|that's|this\s+(?:one\s+)?is|this\s+one's|is|are)"
            r"(?:\s+(?:always|also|totally|completely|entirely|all|fully))?\s+on\s+us\b"
            r"|\bcomplimentary\b|\bfree\s+of\s+charge\s+for\s+you\b|\bno\s+charge\s+for\s+you\b|\bfor\s+free\s+for\s+you\b"
            r"|\b(?:it's|that's|this\s+(?:one\s+)?is|this\s+one's|is|are)\s+on\s+me\b"
            r"|\b(?:we'll|we\s+will|i'll|i\s+will|we\s+can|i\s+can)\s+(?:also\s+)?(?:give|throw\s+in|do|add|include|get)\s+(?:you\s+)?(?:a\s+|an\s+|the\s+)?(?:free|complimentary)\b"
            r"|\bfree\s+(?:[a-z]+\s+){1,3}with\s+(?:every|each|any|your)\b"
            r"|\b(?:won't|doesn't|does\s+not|will\s+not|wouldn't)\s+cost\s+(?:you\s+)?(?:anything|a\s+thing"
            r"|a\s+(?:penny|cent|shekel|dime))\b",
            _he(
                r"על\s+חשבון\s+הבית|על\s+חשבוננו|(?:בחינם|חינם)\s+(?:בשבילך|עבורך|לך|לכם|בשבילכם)"
                r"|לא\s+(?:עולה|עולים|עולות|תעלה|יעלה|יעלו)\s+(?:לך|לכם|לכן)?\s*(?:כלום|שקל|אגורה)"
                r"|(?:זה|הוא|היא|הם)\s+(?:עלינו|עליי)|מאיתנו\s+במתנה|(?:עלינו|עליי)\s+(?:הפעם|היום)"
                rf"|ה[{HE}']+\s+(?:עלינו|עליי)(?!\s+ל[{HE}])(?=\s*(?:$|[^\s{HE}]|\s+הפעם|\s+היום|\s+[^{HE}\s]))",
                "ו",
            ),
        ),
        kb=_compile(_KB_FREE, _he(_HE_KB_FREE, "הבלו")),
        reason="gives something on the house, which the knowledge base does not offer",
        same_subject=True,
    ),
    _Offer(
        name="waived fee",
        reply=_compile(
            r"\b(?:waive[sd]?|waiving)\b|\bno\s+(?:\w+\s+)?(?:fee|charge)\s+for\s+you\b"
            r"|\b(?:we|i)\s+(?:won't|will\s+not|wont)\s+charge\s+you\b"
            r"|\b(?:we|i)(?:'ll|\s+will)\s+(?:skip|drop|cover|absorb|take\s+care\s+of)\s+the\s+(?:\w+\s+)?(?:fee|charge)\b"
            r"|\b(?:fee|charge)\s+is\s+on\s+us\b"
            r"|\bexempt(?:ed)?\s+from\s+(?:the\s+|any\s+)?(?:\w+\s+)?(?:fees?|charges?|payment)\b",
            _he(
                r"(?:נוותר|אוותר|מוותרים|מוותרת|מוותר)\s+(?:לך|לכם|לכן)?\s*על"
                r"|לא\s+(?:נחייב|אחייב|נגבה|אגבה)\s+(?:אותך|אותכם|ממך|מכם)?"
                r"|(?:בלי|ללא)\s+דמי\s+[" + HE + r"]+\s+(?:בשבילך|עבורך|לך|לכם|הפעם)"
                r"|(?:לא|אל)\s+(?:תשלם|תשלמי|תשלמו)\s+(?:על|דמי)"
                r"|(?:פטור|פטורה|פטורים|פטורות)\s+מ(?:דמי|תשלום|ה?תשלום|עלות)",
                "ו",
            ),
        ),
        kb=_compile(_KB_FREE, _he(_HE_KB_FREE, "הבלו")),
        reason="waives a fee, which the knowledge base does not waive",
        same_subject=True,
    ),
    _Offer(
        name="upgrade",
        reply=_compile(
            r"\b(?:i'll|we'll|i\s+will|we\s+will|i\s+can|we\s+can|let\s+me|happy\s+to|we'd\s+be\s+happy\s+to)\s+"
            r"(?:also\s+|gladly\s+)?upgrade\s+you\b|\b(?:free|complimentary)\s+upgrade\b|\bupgrade\s+(?:is\s+)?on\s+(?:us|the\s+house)\b"
            r"|\bupgrade\s+you\s+(?:for\s+free|at\s+no)",
            _he(
                r"(?:נשדרג|אשדרג|נשמח\s+לשדרג|אשמח\s+לשדרג)\s+(?:אותך|אותכם|לך|לכם)"
                r"|שדרוג\s+(?:חינם|בחינם|מתנה|במתנה|ללא\s+תשלום|על\s+חשבוננו|על\s+חשבון\s+הבית)",
                "ו",
            ),
        ),
        kb=_compile(r"\bupgrade", _he(r"שדרוג\w*|לשדרג|משדרגים", "הבלו")),
        reason="offers an upgrade, which the knowledge base does not offer",
    ),
    _Offer(
        name="price match",
        reply=_compile(
            r"\b(?:beat|match|price[\s-]match|undercut)\s+(?:any|every|their|your|a\s+competitor'?s?|competitors'?"
            r"|the\s+competition'?s?|other|any\s+other)\s+(?:\w+\s+)?(?:quotes?|prices?|offers?|deals?)\b"
            r"|\bprice[\s-]match(?:ing)?\b|\b(?:lowest|best)[\s-]price\s+guarantee|\bwon't\s+be\s+beaten\b"
            r"|\bif\s+you\s+find\s+(?:it\s+)?(?:cheaper|a\s+(?:better|lower)\s+price)\b",
            _he(
                r"נשווה\s+(?:לכל|כל|את|ל)?\s*(?:ה)?(?:הצעת|הצעה|מחיר)|נתאים\s+(?:את\s+)?(?:ה)?מחיר\s+ל"
                r"|נשתווה\s+ל|נעמוד\s+ב(?:כל\s+)?(?:הצעה|מחיר)"
                r"|(?:ננצח|נשבור|נכה|נעקוף)\s+(?:כל|את)\s+(?:ה)?(?:הצעת|הצעה|מחיר)"
                r"|נוריד\s+מ(?:כל\s+)?(?:ה)?(?:הצעה|מחיר)|(?:תמצא|תמצאי|תמצאו|מצאת)\s+(?:מחיר\s+|הצעה\s+)?(?:זול|זולה|יותר\s+זול)"
                r"|המחיר\s+הזול\s+ביותר\s+מובטח|התאמת\s+מחיר",
                "וא",
            ),
        ),
        kb=_compile(
            r"\bprice[\s-]match|\b(?:match|beat)\s+any\b|\blowest\s+price\b|\bbest\s+price\s+guarantee\b",
            _he(r"התאמת\s+מחיר|נשווה|מחיר\s+זול\s+יותר|המחיר\s+הזול\s+ביותר|נעמוד\s+בכל", ""),
        ),
        reason="promises to match or beat other prices, which the knowledge base does not promise",
    ),
    _Offer(
        name="money back",
        reply=_compile(
            r"\bmoney[\s-]back\b|\bmoney\s+back\b|\bsatisfaction\s+(?:is\s+)?(?:fully\s+)?guaranteed\b"
            r"|\b100\s*%\s+satisf\w*|\bsatisfaction\s+guarantee\b"
            r"|\bif\s+you(?:'re|\s+are)\s+not\s+(?:\w+\s+)?(?:happy|satisfied)\b[^.!?]*\b(?:refund|money|redo|free)\b",
            _he(
                r"החזר\s+כספי\s+מלא|כספך\s+יוחזר|(?:ה)?כסף\s+(?:שלך\s+)?(?:בחזרה|יוחזר|יחזור)"
                r"|שביעות\s+רצון\s+(?:מלאה\s+)?(?:מובטחת|או)|(?:לא|אינך|אינכם)\s+(?:\S+\s+)?מרוצ\w*[^.!?]*(?:נחזיר|החזר|כסף)",
                "ו",
            ),
        ),
        kb=_compile(
            r"\bmoney[\s-]back\b|\brefund\w*|\bsatisf\w*",
            _he(r"החזר\s+כספי|החזר|זיכוי|מרוצ\w*|שביעות\s+רצון", "הבלו"),
        ),
        reason="promises the customer's money back, which the knowledge base does not promise",
    ),
    _Offer(
        name="refund",
        reply=_compile(
            r"\b(?:your\s+)?money\s+will\s+be\s+(?:back|returned|refunded)\b"
            r"|\byou(?:'ll|\s+will)?\s+(?:get|receive|have)\s+(?:a\s+|your\s+)?(?:full\s+)?(?:refund|money\s+back)\b"
            r"|\b(?:we'll|we\s+will|i'll|i\s+will)\s+(?:refund|reimburse)\s+(?:you|your|the)\b"
            r"|\brefund(?:ed)?\s+(?:within|by\s+tomorrow|tomorrow|today|in\s+\d)",
            _he(
                r"(?:ה)?כסף\s+(?:יחזור|יוחזר|ייכנס|יועבר)|(?:נחזיר|אחזיר)\s+(?:לך|לכם)\s+את\s+(?:ה)?(?:כסף|סכום|תשלום)"
                r"|(?:נזכה|אזכה)\s+(?:אותך|אותכם)|(?:תקבל|תקבלי|תקבלו|מקבלים|מקבלות)\s+(?:את\s+)?(?:ה)?(?:החזר|זיכוי|כסף\s+בחזרה)",
                "ו",
            ),
        ),
        kb=_compile(
            r"\brefund\w*|\bmoney[\s-]back\b|\breimburs\w*",
            _he(r"החזר\s+כספי|החזר|זיכוי|יוחזר", "הבלו"),
        ),
        reason="promises a refund, which the knowledge base does not promise",
    ),
    _Offer(
        name="gift",
        reply=_compile(
            r"\b(?:free\s+|little\s+|small\s+)?(?:gift|present|freebie|bonus)\s+(?:with|for)\s+(?:every|each|your|all|any)\b"
            r"|\b(?:we'll|we\s+will|i'll|i\s+will|we\s+can|i\s+can)\s+(?:also\s+)?(?:throw\s+in|add|include|give\s+you|send\s+you|toss\s+in)"
            r"\s+(?:a\s+)?(?:free\s+|little\s+|small\s+|special\s+|surprise\s+|bonus\s+|complimentary\s+)*(?:gift|present|bonus|treat|surprise|freebie)\b"
            r"|\bas\s+a\s+(?:gift|bonus|thank[\s-]you|goodwill\s+gesture)\b|\bfree\s+gift\b",
            _he(
                r"מתנה\s+(?:לכל|עם\s+כל|בכל|על\s+כל|בקני\w*|בהזמנ\w*|מאיתנו)|במתנה"
                r"|(?:נוסיף|נצרף|ניתן|נשלח|אוסיף|אצרף|אתן|נפנק|נעניק|אעניק)\s+(?:לך|לכם|אותך|אותכם)?\s*(?:גם\s+)?(?:מתנה|בונוס|הפתעה|פינוק|שי)"
                r"|(?:תקבל|תקבלי|תקבלו|מקבלים|מקבלות)\s+(?:גם\s+)?(?:מתנה|בונוס|הפתעה|שי)|בונוס\s+(?:לכל|עם|בכל)",
                "ו",
            ),
        ),
        # A gift card or voucher for sale ("אפשר לקנות שובר מתנה") is a product, not a gift.
        kb=_compile(
            r"\b(?:gift|present|bonus|freebie)s?\b(?![\s-]+(?:cards?|vouchers?|certificates?|wrap\w*|shop))",
            _he(
                r"(?<!שובר\s)(?<!שוברי\s)(?<!כרטיס\s)(?<!כרטיסי\s)(?<!תו\s)(?<!תווי\s)(?:מתנה|מתנות)"
                r"|בונוס|הפתעה|פינוק|שי",
                "הבלו",
            ),
        ),
        reason="promises a gift or bonus, which the knowledge base does not offer",
    ),
    _Offer(
        name="lifetime warranty",
        reply=_compile(
            r"\b(?:lifetime|life-?long|unlimited|permanent)\s+(?:\w+\s+)?(?:warranty|guarantee)"
            r"|\b(?:warranty|guarantee|guaranteed)\b[^.!?\n]{0,30}?\b(?:for\s+life|forever|for\s+a\s+lifetime|for\s+good"
            r"|with\s+no\s+(?:time\s+)?limit|no\s+matter\s+how\s+long)\b",
            _he(
                r"אחריות\s+(?:\S+\s+){0,4}?(?:לכל\s+החיים|לצמיתות|לתמיד|בלתי\s+מוגבלת|ללא\s+הגבלת\s+זמן|ללא\s+הגבלה|לעולם)"
                r"|(?:לכל\s+החיים|לצמיתות)\s+(?:\S+\s+){0,2}?(?:ב)?אחריות",
                "ו",
            ),
        ),
        kb=_compile(
            r"\blifetime\b|\bfor\s+life\b|\bforever\b|\bunlimited\s+(?:\w+\s+)?(?:warranty|guarantee)",
            _he(r"לכל\s+החיים|לצמיתות|בלתי\s+מוגבלת|ללא\s+הגבלת\s+זמן", ""),
        ),
        reason="promises a lifetime warranty, which the knowledge base does not give",
        evidence=_compile(r"\bwarrant\w*|\bguarantee\w*", _he(r"אחריות", "הבו")),
    ),
)

# "Students get a special rate": a price for a group of customers the knowledge base does
# not name.
_EN_GROUP = (
    r"(?:students?|soldiers?|seniors?|pensioners?|retirees?|veterans?|teachers?|members?|locals?"
    r"|residents?|families|groups?|couples?|first[\s-]timers?|olim|reservists?"
    r"|(?:new|returning|regular|loyal|existing|repeat)\s+(?:customers?|clients?))"
)
_HE_GROUP = (
    r"(?:סטודנטים|סטודנטיות|סטודנט|חיילים|חיילות|חייל|גמלאים|פנסיונרים|אזרחים\s+ותיקים|מורים|מנויים"
    r"|חברי\s+מועדון|תושבי\s+\S+|משפחות|קבוצות|זוגות|לקוחות\s+(?:חוזרים|קבועים|חדשים|ותיקים)|עולים\s+חדשים"
    r"|מילואימניקים|אנשי\s+מילואים|בני\s+נוער)"
)
_DEAL = r"(?:special|reduced|discounted|lower|cheaper|better|student|preferential|concession)\s+(?:rate|price|pricing|deal|offer|fare)s?|discounts?|deals?"
_HE_DEAL = r"(?:הנחה|הנחות|מחיר\s+(?:מיוחד|מוזל|מופחת|מועדף)|הטבה|הטבות|תעריף\s+(?:מיוחד|מוזל))"
_GROUP_DEAL = _compile(
    rf"\b(?P<g1>{_EN_GROUP})\s+(?:get|receive|have|enjoy|pay|are\s+entitled\s+to)\s+(?:\w+\s+){{0,3}}?(?:an?\s+)?(?:{_DEAL})\b"
    rf"|\b(?:{_DEAL})\s+(?:for|to)\s+(?:all\s+)?(?P<g2>{_EN_GROUP})\b"
    r"|\b(?P<g3>student|soldier|senior|military|pensioner|family|group|loyalty|member|reservist)s?\s+(?:discount|rate|price|deal)s?\b"
    r"|\bshow\s+(?:your|a)\s+(?P<g4>student|soldier|military|army|reservist)\s+(?:card|id)\b",
    rf"{_HB}[ו]?(?:{_HE_DEAL})\s+(?:מיוחד\w*\s+)?(?:ל|עבור\s+)(?P<g5>{_HE_GROUP[3:-1]}){_HE_END}"
    rf"|{_HB}[ו]?(?P<g6>{_HE_GROUP[3:-1]})\s+(?:מקבלים|מקבלות|משלמים|משלמות|נהנים\s+מ|זכאים\s+ל)\s*(?:\S+\s+)?(?:{_HE_DEAL}){_HE_END}"
    rf"|{_HB}(?:בהצגת|תציג\w*|להציג)\s+תעודת\s+(?P<g7>סטודנט|חייל|מילואים|גמלאי){_HE_END}",
)
_KB_DEAL = _compile(
    rf"\b(?:{_DEAL})\b|\b(?:off|reduced|cheaper|lower)\b|%",
    _he(_HE_DEAL + r"|מוזל\w*|הנחת", "ובל"),
)


_GROUP_KEYS = (
    ("student", r"^(?:students?|סטודנט\w*)$"),
    ("soldier", r"^(?:soldiers?|military|army|חייל\w*)$"),
    (
        "senior",
        r"^(?:seniors?|pensioners?|retirees?|veterans?|גמלא\w*|פנסיונר\w*|אזרחים\s+ותיקים)$",
    ),
    ("teacher", r"^(?:teachers?|מורים)$"),
    ("member", r"^(?:members?|loyalty|מנויים|חברי\s+מועדון)$"),
    ("resident", r"^(?:locals?|residents?|תושבי\s+\S+)$"),
    ("family", r"^(?:famil(?:y|ies)|משפחות)$"),
    ("group", r"^(?:groups?|קבוצות)$"),
    ("couple", r"^(?:couples?|זוגות)$"),
    ("reservist", r"^(?:reservists?|מילואים|מילואימניקים|אנשי\s+מילואים)$"),
    ("newcomer", r"^(?:olim|עולים\s+חדשים)$"),
)
_KB_GROUP = _compile(
    rf"\b(?:{_EN_GROUP}|military|army|loyalty)\b",
    rf"{_HB}[ולבה]?(?:{_HE_GROUP[3:-1]}|מילואים|גמלא\w*){_HE_END}",
)


def _group_key(word: str) -> str:
    word = re.sub(r"\s+", " ", word.strip())
    for key, pattern in _GROUP_KEYS:
        if re.match(pattern, word):
            return key
    return word  # "new customers": compared as written


@lru_cache(maxsize=128)
def _kb_groups(knowledge_base: str) -> frozenset[str]:
    """The groups of customers the knowledge base names anywhere, in either language."""
    text = normalise(knowledge_base).text
    return frozenset(
        _group_key(match.group().lstrip("ולבה") if not match.group().isascii() else match.group())
        for match in _KB_GROUP.finditer(text)
    )


def _group_deal_flags(sentence: str, low: int, knowledge_base: str, asked: str, add: _Add) -> None:
    for match in _GROUP_DEAL.finditer(sentence):
        if _negated(sentence, match.start()) or _quoted(match.group(), asked, sentence):
            continue
        group = next(value for value in match.groups() if value)
        if _group_key(group) in _kb_groups(knowledge_base):
            continue
        reason = f"offers {group} a special price, which the knowledge base does not give"
        add(OFFER, low + match.start(), low + match.end(), reason, ())
        break


# --- booking channels ---------------------------------------------------------------------

# The chat the agent answers in is WhatsApp: "here" is WhatsApp.
_CHANNELS = (
    ("phone", r"phone|telephone|call(?:ing)?|טלפון|טלפונית|בטלפון|להתקשר|בשיחה(?:\s+טלפונית)?"),
    (
        "whatsapp",
        r"whats\s?app|this\s+chat|the\s+chat|here|right\s+here|וואטסאפ|ווטסאפ|ווצאפ|וואצאפ|בוואטסאפ|בווטסאפ|כאן|פה|בצ'אט",
    ),
    ("email", r"e-?mail|מייל|במייל|אימייל|דוא\"ל"),
    ("website", r"(?:our\s+|the\s+)?website|online|(?:the\s+)?site|אתר|באתר|אונליין|באינטרנט"),
    ("instagram", r"instagram|dm|אינסטגרם|באינסטגרם"),
)
_CHANNEL_WORD = "|".join(pattern for _, pattern in _CHANNELS)
_KB_CHANNEL_ONLY = _compile(
    rf"\b(?:book\w*|appointments?|reservations?|orders?|schedul\w*)\b[^.\n;]*?\b(?:by|via|through|over|on)\s+(?:the\s+)?(?P<en>{_CHANNEL_WORD})\b(?:\s+only\b|[^.\n;]*\bonly\b)"
    rf"|\bonly\s+(?:by|via|through|over)\s+(?:the\s+)?(?P<en2>{_CHANNEL_WORD})\b",
    rf"{_HB}(?:קביעת|לקבוע|הזמנת|הזמנות|להזמין|תיאום|לתאם|הרשמה|להירשם)\s+(?:\S+\s+)?(?:רק\s+)?(?:דרך\s+ה?)?(?P<he>{_CHANNEL_WORD})\s+בלבד"
    rf"|{_HB}(?:קביעת|לקבוע|הזמנת|הזמנות|להזמין|תיאום|לתאם|הרשמה|להירשם)\s+(?:\S+\s+)?רק\s+(?:דרך\s+ה?)?(?P<he2>{_CHANNEL_WORD}){_HE_END}",
)
_REPLY_BOOK_VIA = _compile(
    rf"\b(?:book|schedule|arrange|set\s+up|order|reserve|make\s+(?:a|the|an|your)\s+(?:booking|appointment|reservation))\w*\b"
    rf"(?:\s+\S+){{0,4}}?\s+(?:(?:via|through|over|on|by|in)\s+(?:the\s+)?(?:this\s+)?)?(?P<en>{_CHANNEL_WORD})\b",
    rf"{_HB}[ו]?(?:לקבוע|לתאם|להזמין|להירשם|לשריין|קובעים|מזמינים|מתאמים|נקבע|נתאם|תקבע\w*|תזמינ\w*)"
    rf"(?:\s+\S+){{0,4}}?\s+(?:גם\s+)?(?:דרך\s+ה?|ב)?(?P<he>{_CHANNEL_WORD}){_HE_END}",
)


def _channel(word: str) -> str | None:
    word = word.strip()
    for name, pattern in _CHANNELS:
        if re.fullmatch(rf"(?:{pattern})", word):
            return name
        if not word.isascii() and word[:1] in "בה" and re.fullmatch(rf"(?:{pattern})", word[1:]):
            return name
    return None


@lru_cache(maxsize=128)
def _booking_channels(knowledge_base: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The only ways to book the knowledge base allows ("Booking by phone only"), and its lines."""
    channels: set[str] = set()
    evidence = []
    for line, text in _kb_lines(knowledge_base):
        for match in _KB_CHANNEL_ONLY.finditer(text):
            found = _channel(next(value for value in match.groups() if value))
            if found:
                channels.add(found)
                evidence.append(line)
    return frozenset(channels), tuple(dict.fromkeys(evidence))


def _channel_flags(sentence: str, low: int, knowledge_base: str, asked: str, add: _Add) -> None:
    allowed, evidence = _booking_channels(knowledge_base)
    if not allowed:
        return
    for match in _REPLY_BOOK_VIA.finditer(sentence):
        if _negated(sentence, match.start()) or _quoted(match.group(), asked, sentence):
            continue
        found = _channel(next(value for value in match.groups() if value))
        if found is None or found in allowed:
            continue
        reason = f"offers to book by {found}, but the knowledge base allows booking only another way: “{evidence[0]}”"
        add(POLICY, low + match.start(), low + match.end(), reason, evidence)
        break


# --- lead time ----------------------------------------------------------------------------

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "a": 1, "an": 1, "יומיים": 2, "שבועיים": 14, "שלושה": 3, "ארבעה": 4, "חמישה": 5}  # fmt: skip
_EN_UNIT = r"(?P<unit>hours?|days?|weeks?|working\s+days?|business\s+days?)"
_HE_UNIT = r"(?P<hunit>שעות|ימים|ימי\s+עבודה|יום|שבועות|שבוע)"
_KB_LEAD = _compile(
    rf"\b(?:order\w*|book\w*|reserv\w*|notice|request\w*)\b[^.\n;]*?\b(?:at\s+least\s+|a\s+minimum\s+of\s+|minimum\s+)?"
    rf"(?P<n>\d+|one|two|three|four|five|six|seven|a|an)\s+{_EN_UNIT}['’]?\s+(?:in\s+advance|ahead|before(?:hand)?|prior|notice|advance\s+notice)"
    rf"|\b(?:at\s+least\s+)?(?P<n2>\d+|one|two|three|four|five|six|seven)\s+(?P<unit2>hours?|days?|weeks?)['’]?\s+(?:advance\s+)?notice",
    rf"{_HB}(?:להזמין|הזמנה|הזמנות|בהזמנה|לתאם|בתיאום|תיאום|להירשם|הרשמה|בהתראה|התראה)[^.\n;]*?(?:לפחות\s+|מינימום\s+)?"
    rf"(?:(?P<hn>\d+)\s+{_HE_UNIT}|(?P<hw>יומיים|שבועיים))\s+(?:מראש|לפני)",
)
_LEAD_WORDS = frozenset(
    [
        "order",
        "orders",
        "ordered",
        "ordering",
        "book",
        "booked",
        "booking",
        "reserve",
        "reservation",
        "notice",
        "advance",
        "ahead",
        "least",
        "request",
        "requested",
        "minimum",
        "prior",
        "beforehand",
        "working",
        "business",
        "להזמין",
        "הזמנה",
        "הזמנות",
        "בהזמנה",
        "לתאם",
        "בתיאום",
        "תיאום",
        "להירשם",
        "הרשמה",
        "מראש",
        "לפחות",
        "מינימום",
        "התראה",
        "בהתראה",
    ]
)
_REPLY_SOON = _compile(
    r"\b(?:ready|done|make|made|bake|baked|prepare|prepared|deliver|delivered|whip\s+up|sort|do\s+it|have\s+(?:it|them|one)(?:\s+ready)?"
    r"|get\s+(?:it|them)\s+(?:to\s+you|ready|done))\b[^.!?\n]{0,40}?"
    r"\b(?P<when>today|tonight|tomorrow|same[\s-]day|this\s+(?:evening|afternoon|morning)|in\s+(?:an|one|a\s+couple\s+of|a\s+few|\d+)\s+hours?"
    r"|within\s+(?:an|one|\d+)\s+hours?|right\s+away)\b"
    r"|\b(?P<when2>tomorrow|today|same[\s-]day)\s+(?:is|works|would\s+be)\s+(?:totally\s+)?(?:fine|no\s+problem|ok|okay|great|perfect|doable)\b"
    r"|\bno\s+(?:advance\s+)?notice\s+(?:is\s+)?(?:needed|required|necessary)\b|\blast[\s-]minute\s+(?:orders?\s+)?(?:is|are)\s+(?:fine|ok|no\s+problem)\b"
    r"|\bno\s+need\s+to\s+(?:order|book)\s+(?:in\s+advance|ahead)\b",
    rf"{_HB}[ו]?(?:מוכן|מוכנה|מוכנים|מוכנות|נכין|נאפה|נספיק|נשלח|נביא|נעשה|יהיה|תהיה|יהיו|נוכל|נסדר|נדאג|אפשר\s+(?:להזמין|לקבל|לאסוף))"
    rf"[^.!?\n]{{0,30}}?{_HB}(?P<hwhen>מחר|היום|להיום|למחר|עוד\s+היום|באותו\s+יום|תוך\s+(?:שעה|שעתיים|כמה\s+שעות)|מיד){_HE_END}"
    rf"|{_HB}(?:אין\s+צורך|לא\s+צריך)\s+(?:להזמין\s+|לתאם\s+)?(?:מראש|התראה){_HE_END}"
    rf"|{_HB}(?P<hwhen2>מחר|היום|למחר|להיום)\s+(?:זה\s+)?(?:בסדר|אין\s+בעיה|מתאים|אפשרי){_HE_END}",
)


@dataclass(frozen=True)
class _Lead:
    line: str
    hours: int
    subject: frozenset[str]  # empty: every order


@lru_cache(maxsize=128)
def _lead_times(knowledge_base: str) -> tuple[_Lead, ...]:
    """Orders the knowledge base wants ahead of time: "Custom cakes: order at least 4 days ahead"."""
    leads = []
    for line, text in _kb_lines(knowledge_base):
        if re.search(rf"\bcancel\w*|\brefund\w*|{_HB}[ה]?(?:ביטול\w*|לבטל|החזר){_HE_END}", text):
            continue
        for match in _KB_LEAD.finditer(text):
            groups = match.groupdict()
            count = groups["n"] or groups["n2"] or groups["hn"] or groups["hw"]
            unit = groups["unit"] or groups["unit2"] or groups["hunit"] or ""
            number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 0)
            if groups["hw"]:
                hours = number * 24
            elif unit.startswith(("hour", "שע")):
                hours = number
            elif unit.startswith(("week", "שבוע")):
                hours = number * 168
            else:
                hours = number * 24
            subject = frozenset(
                word for word in topic_words(text[: match.start()]) if word not in _LEAD_WORDS
            )
            leads.append(_Lead(line, hours, subject))
    return tuple(leads)


def _soon_hours(match: re.Match[str]) -> int:
    when = next((value for key, value in match.groupdict().items() if value and "when" in key), "")
    hours = re.search(r"\d+", when)
    if hours and ("hour" in when or "שע" in when):
        return int(hours.group())
    if when.startswith(("tomorrow", "מחר", "למחר")):
        return 24
    return 0 if when else 24  # "no notice needed": any time at all


def _lead_flags(sentence: str, low: int, knowledge_base: str, asked: str, add: _Add) -> None:
    leads = [lead for lead in _lead_times(knowledge_base) if lead.hours >= 48]
    if not leads:
        return
    about = topic_words(sentence) | (topic_words(asked) if asked else frozenset())
    for match in _REPLY_SOON.finditer(sentence):
        if _negated(sentence, match.start()) or _quoted(match.group(), asked, sentence):
            continue
        against = [lead for lead in leads if not lead.subject or _same_subject(lead.subject, about)]
        if not against or _soon_hours(match) >= min(lead.hours for lead in against):
            continue
        evidence = tuple(dict.fromkeys(lead.line for lead in against))
        reason = f"promises it sooner than the knowledge base's notice: “{evidence[0]}”"
        add(POLICY, low + match.start(), low + match.end(), reason, evidence)
        break


# "We can match that" answers "can you match their price?": a price match only then.
_PRICE_QUESTION = _compile(
    r"\b(?:price|quote|cheaper|charges?|offer|deal|match)\w*|\d",
    _he(r"מחיר|הצע\w*|זול\w*|משלמים|גובים|להשוות|להתאים|תשוו|תתאימו", "הבל"),
)
_MATCH_THAT = _compile(
    r"\b(?:we\s+can|we'll|we\s+will|i\s+can|i'll|happy\s+to|we'd\s+be\s+happy\s+to)\s+"
    r"(?:happily\s+|definitely\s+|certainly\s+)?(?:match|beat)\s+(?:that|it|this|them|their\s+price)\b",
    _he(
        r"(?:נשווה|נתאים|נשתווה|ננצח|נוריד|נשמח\s+להשוות|נשמח\s+להתאים)\s+(?:את\s+)?(?:זה|לזה|אותם|להם|ל?מחיר|את\s+המחיר)"
    ),
)

# "Free delivery on orders over ₪150": free with a condition.
_FREE_WORD = _compile(
    # "interest-free payments", "tax free": free of something, not free of charge.
    r"(?<![a-z]-)(?<!interest\s)(?<!tax\s)(?<!duty\s)\bfree\b(?!\s+(?:to|of\s+charge\s+for\s+you)\b)|\bat\s+no\s+(?:extra\s+)?(?:cost|charge)\b"
    r"|\bno\s+(?:delivery|shipping)\s+(?:fee|charge)s?\b|\bon\s+the\s+house\b|\bcomplimentary\b"
    r"|\bwaive[sd]?\b|\bwaiving\b",
    _he(
        r"נוותר|אוותר|מוותרים|חינם|בחינם|חינמי\w*|ללא\s+(?:עלות|תשלום|חיוב|דמי\s+["
        + HE
        + r"]+)|בלי\s+(?:עלות|תשלום|דמי\s+["
        + HE
        + r"]+)",
        "הו",
    ),
)
_THRESHOLD = re.compile(
    r"\b(?:over|above|from|orders?\s+of|spend(?:ing)?|min(?:imum)?|more\s+than|at\s+least|upwards\s+of"
    r"|big|bigger|large|larger)\b"
    rf"|{_HB}(?:מעל|החל\s+מ|מ-?(?=\s*\d)|בקני(?:י)?ה\s+(?:של|מעל|ב)|בהזמנה\s+(?:של|מעל|ב)|מינימום|לפחות|יותר\s+מ|גדול\w*)"
)
# An order amount: "₪150", "150 NIS", "150 ש״ח", "$50".
_MONEY = re.compile(
    r"[₪$€£]|\b(?:nis|ils|shekels?|usd|eur)\b"
    rf"|{_HB}(?:ש\"ח|שח|שקל|שקלים|ש'ח){_HE_END}"
)
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def _amounts(text: str) -> list[Decimal]:
    values = []
    for match in _AMOUNT.finditer(text):
        try:
            values.append(Decimal(match.group(1).replace(",", "")))
        except InvalidOperation:
            continue
    return values


# A count a thing is free from, said after it: "free for bookings of 7 visits or more",
# "5+ sessions", "מ-10 משתתפים ומעלה"; or a count to pay or buy first: "pay 6 months
# upfront and the 7th month is free", "בקניית 3 זוגות".
_COUNT_AFTER = re.compile(
    r"(?<![\d.,])(\d+)(?:\+|\s+(?:[a-z'-]+\s+){0,2}?or\s+(?:more|above|over)\b)"
    rf"|(?<![\d.,])(\d+)\s+(?:[{HE}\"'-]+\s+){{0,2}}?ו?(?:מעלה|יותר){_HE_END}"
)
_COUNT_FIRST = re.compile(
    r"\b(?:pay(?:ing)?|prepay(?:ing)?|buy(?:ing)?|book(?:ing)?|order(?:ing)?|purchas(?:e|ing))"
    r"\s+(?:for\s+)?(?=\d)"
    rf"|{_HB}(?:ב?קניי?ת|ב?רכישת|ב?הזמנת|ב?תשלום\s+(?:מראש\s+)?(?:על|ל|עבור)|קנו|קנה|הזמינו)\s+(?=\d)"
)
# "However many visits you book", "לא משנה מה גודל הדירה": the reply denies any threshold.
_ANY_AMOUNT = _compile(
    r"\b(?:however\s+(?:many|much|big|small|long)|no\s+matter\s+(?:how|what)|regardless\s+of"
    r"|whatever\s+(?:the\s+)?(?:size|amount|number)|any\s+(?:size|amount|number\s+of))\b",
    _he(
        r"לא\s+משנה\s+(?:מה|כמה|איזה|איזו)|בלי\s+קשר\s+ל|ללא\s+קשר\s+ל|בכל\s+(?:גודל|כמות|סכום)", ""
    ),
)


@dataclass(frozen=True)
class _FreeLine:
    line: str
    words: frozenset[str]
    threshold: Decimal | None  # None: free without a condition
    money: bool = True  # the threshold is an order amount, not a count


@lru_cache(maxsize=128)
def _free_lines(knowledge_base: str) -> tuple[_FreeLine, ...]:
    found = []
    for low, high in split_spans(knowledge_base, re.compile(r"\n+")):
        line = knowledge_base[low:high].strip()
        text = normalise(line).text
        for part_low, part_high in split_spans(text, re.compile(r";|[.!](?=\s|$)")):
            part = text[part_low:part_high]
            match = _FREE_WORD.search(part)
            if not match or _negated(part, match.start()):
                continue
            condition = _THRESHOLD.search(part)
            after = part[condition.end() :] if condition else ""
            amounts = _amounts(after) if _MONEY.search(after) else []
            threshold = amounts[0] if amounts else None
            if threshold is not None:
                found.append(_FreeLine(line, topic_words(part), threshold))
                continue
            count = _count_threshold(part, after if condition else None)
            if count is not None:
                # "over 80 m²", "bookings of 7 visits or more": free from a count. A part
                # after ";" is still about its line's label ("ביקור מדידה: 250 ₪; בעבודות
                # מעל 80 מ"ר – ללא תשלום").
                label = text.split(":", 1)[0] if ":" in text[:part_low] else ""
                words = topic_words(part) | topic_words(label)
                found.append(_FreeLine(line, words, count, money=False))
            elif not condition:
                found.append(_FreeLine(line, topic_words(part), None))
    return tuple(found)


def _count_threshold(part: str, after: str | None) -> Decimal | None:
    """The count a knowledge-base part makes a thing free from, or None."""
    if after is not None:
        amounts = _amounts(after[:24])
        if amounts:
            return amounts[0]
    for pattern in (_COUNT_AFTER, _COUNT_FIRST):
        match = pattern.search(part)
        if match is None:
            continue
        if pattern is _COUNT_FIRST:
            amounts = _amounts(part[match.end() : match.end() + 8])
            return amounts[0] if amounts else None
        return Decimal(next(group for group in match.groups() if group))
    return None


@lru_cache(maxsize=128)
def _kb_lines(knowledge_base: str) -> tuple[tuple[str, str], ...]:
    lines = []
    for low, high in split_spans(knowledge_base, re.compile(r"\n+")):
        line = knowledge_base[low:high].strip()
        if line:
            lines.append((line, normalise(line).text))
    return tuple(lines)


_HE_ENDINGS = ("יים", "ים", "ות", "ה", "ת", "י")


def _stems(words: frozenset[str]) -> frozenset[str]:
    """Words folded for comparing subjects: "הקסדה" ~ "קסדות", "deliveries" ~ "delivery"."""
    stems: set[str] = set()
    for word in words:
        if word.isascii():
            for ending in ("ies", "es", "s", "ing", "ed", "y"):
                if word.endswith(ending) and len(word) - len(ending) >= 3:
                    word = word[: -len(ending)]
                    break
            stems.add(word[:6])
            continue
        bases = {word}
        for cut in (1, 2):
            if len(word) - cut >= 2 and all(letter in "הבלומשכ" for letter in word[:cut]):
                bases.add(word[cut:])
        for base in list(bases):
            for ending in _HE_ENDINGS:
                if base.endswith(ending) and len(base) - len(ending) >= 2:
                    bases.add(base[: -len(ending)])
        stems |= bases
    return frozenset(stems)


def _same_subject(words: frozenset[str], other: frozenset[str]) -> bool:
    return bool(_stems(words) & _stems(other))


# --- reading the reply ----------------------------------------------------------------------


def _sentences(text: str) -> list[tuple[int, int]]:
    return split_spans(text, _SENTENCE_BREAK)


_AFFIRMATIVE = re.compile(
    r"\b(?:yes|yep|yeah|sure|of\s+course|absolutely|definitely|certainly|totally)\b"
    rf"|{_HB}(?:כן|בטח|בהחלט|ברור|אכן|בוודאי|כמובן){_HE_END}"
)


def _quoted(phrase: str, question: str, sentence: str = "") -> bool:
    """Whether the customer wrote ``phrase`` and the reply only says it back. A phrase the
    customer asked about ("are your cakes nut-free?") and a reply sentence that answers
    yes ("Yes, all our cakes are nut-free") is the reply's own claim."""
    if not question:
        return False
    phrase = phrase.strip()
    if phrase not in question:
        return False
    if not _AFFIRMATIVE.search(sentence):
        return True
    return any(
        phrase in question[low:high] and "?" not in question[low:high]
        for low, high in _sentences(question)
    )


# How a check adds a flag: kind, span in the normalised reply, reason, evidence.
_Add = Callable[[str, int, int, str, tuple[str, ...]], None]


def policies_flags(*, reply: str, knowledge_base: str, question: str = "") -> list[Flag]:
    """Flags for policies the reply contradicts and number-free offers it makes."""
    norm = normalise(reply)
    text = norm.text
    asked = normalise(question).text if question else ""
    stances = _stances(knowledge_base)
    closed = _closed_days(knowledge_base)
    flags: list[Flag] = []

    def add(kind: str, low: int, high: int, reason: str, evidence: tuple[str, ...]) -> None:
        start, end = norm.original_span(low, high)
        if any(flag.overlaps(start, end) for flag in flags):
            return
        flags.append(Flag(kind, reply[start:end], start, end, reason, evidence))

    for low, high in _sentences(text):
        sentence = text[low:high]
        if "?" in sentence or _REPORTED.search(sentence):
            continue
        conditional = bool(_CONDITIONAL.search(sentence))
        _policy_flags(sentence, low, stances, closed, asked, add, conditional=conditional)
        if not conditional:
            _channel_flags(sentence, low, knowledge_base, asked, add)
            _lead_flags(sentence, low, knowledge_base, asked, add)
        _offer_flags(sentence, low, knowledge_base, asked, add)
        _group_deal_flags(sentence, low, knowledge_base, asked, add)
    if any(flag.kind == OFFER for flag in flags):
        flags = _without_offers_py(flags, reply=reply, knowledge_base=knowledge_base)
    return sorted(flags, key=lambda flag: flag.start)


def _policy_flags(
    sentence: str,
    low: int,
    stances: dict[str, _Stance],
    closed: dict[int, str],
    asked: str,
    add: _Add,
    *,
    conditional: bool = False,
) -> None:
    for topic in _TOPICS:
        stance = stances.get(topic.name)
        if stance is None:
            continue
        if conditional and not topic.conditionals:
            continue
        for side, pattern in (("yes", topic.reply_yes), ("no", topic.reply_no)):
            against = stance.no if side == "yes" else stance.yes
            agreeing = stance.yes if side == "yes" else stance.no
            if not against:
                continue
            if conditional and any(
                _TIME_QUALIFIED.search(normalise(line).text) for line in against
            ):
                continue  # "refunded if you cancel early" against a rule with its own condition
            absolute = topic.absolute is not None and bool(topic.absolute.search(sentence))
            qualified = topic.qualified is not None and bool(topic.qualified.search(sentence))
            if side == "yes" and qualified and not absolute:
                continue  # "free cancellation up to 24 hours before" restates a condition
            matches = list(pattern.finditer(sentence))
            if side == "yes" and topic.asked and topic.asked_yes and topic.asked.search(asked):
                matches += list(topic.asked_yes.finditer(sentence))  # "will I be charged?"
            for match in matches:
                if _negated(sentence, match.start()) or _quoted(match.group(), asked, sentence):
                    continue
                cited = against
                if agreeing and (side != "yes" or not absolute):
                    # The knowledge base says both, each of its own subject ("eye tests by
                    # appointment only; frames without one"): the reply's subject decides.
                    cited = _scoped(sentence, topic, side, stance)
                    if not cited:
                        continue
                said = topic.says_yes if side == "yes" else topic.says_no
                reason = f"{said}, but the knowledge base says otherwise: “{cited[0]}”"
                add(POLICY, low + match.start(), low + match.end(), reason, cited)
                break
    if conditional:
        return
    area = stances.get("area")
    if area is not None and area.no and not area.yes:
        for pattern in (_ALL_OF_PLACE_EN, _ALL_OF_PLACE_HE):
            for match in pattern.finditer(sentence):
                if _negated(sentence, match.start()) or _quoted(match.group(), asked, sentence):
                    continue
                place = topic_words(match.group("place"))
                if not place or any(
                    overlap(place, topic_words(normalise(line).text)) for line in area.no
                ):
                    continue
                reason = (
                    f"serves all of a place, but the knowledge base limits the area: “{area.no[0]}”"
                )
                add(POLICY, low + match.start(), low + match.end(), reason, area.no)
                break
    if closed:
        for match in _REPLY_OPEN_DAY.finditer(sentence):
            if _negated(sentence, match.start()) or _quoted(match.group(), asked, sentence):
                continue
            named = list(_KB_DAY.finditer(match.group()))
            day = _day_number(named[-1].group()) if named else None
            if day is None or day not in closed:
                continue
            reason = f"invites the customer on {_DAY_NAME[day]}, but the knowledge base says closed: “{closed[day]}”"
            add(POLICY, low + match.start(), low + match.end(), reason, (closed[day],))


_RULE_SENTENCE = re.compile(r"[.;!]+(?=\s|$)")


def _subject(text: str, topic: _Topic) -> frozenset[str]:
    """The words of ``text`` besides the topic's own ("בתיאום מראש בלבד", "walk-ins")."""
    for rule in (topic.kb_no, topic.kb_yes, topic.reply_no, topic.reply_yes):
        text = rule.sub(" ", text)
    return topic_words(text)


def _rule_subjects(
    lines: tuple[str, ...], rule: re.Pattern[str], topic: _Topic, *, unless: re.Pattern[str]
) -> list[tuple[str, frozenset[str]]]:
    """Each sentence of ``lines`` that states ``rule`` (and not ``unless`` too), as (its
    line, its subject)."""
    found = []
    for line in lines:
        text = normalise(line).text
        for low, high in split_spans(text, _RULE_SENTENCE):
            part = text[low:high]
            if rule.search(part) and not unless.search(part):
                found.append((line, _subject(part, topic)))
    return found


def _scoped(sentence: str, topic: _Topic, side: str, stance: _Stance) -> tuple[str, ...]:
    """The lines against the reply when the knowledge base states both sides, each in a
    sentence of its own subject ("Eye tests by appointment only. Frames: no appointment
    needed"): those whose subject the reply sentence shares, when no agreeing one does."""
    against_rule, agreeing_rule = (
        (topic.kb_no, topic.kb_yes) if side == "yes" else (topic.kb_yes, topic.kb_no)
    )
    against, agreeing = (stance.no, stance.yes) if side == "yes" else (stance.yes, stance.no)
    never = re.compile(r"(?!)")
    words = _subject(sentence, topic)
    if not words or any(
        _same_subject(words, subject)
        for _, subject in _rule_subjects(agreeing, agreeing_rule, topic, unless=never)
    ):
        return ()
    return tuple(
        dict.fromkeys(
            line
            for line, subject in _rule_subjects(against, against_rule, topic, unless=agreeing_rule)
            if _same_subject(words, subject)
        )
    )


def _offer_flags(sentence: str, low: int, knowledge_base: str, asked: str, add: _Add) -> None:
    lines = _kb_lines(knowledge_base)
    words = topic_words(sentence)
    if asked and _PRICE_QUESTION.search(asked):
        match = _MATCH_THAT.search(sentence)
        price_match = _OFFERS[3]
        if (
            match
            and not _negated(sentence, match.start())
            and not any(price_match.kb.search(text) for _, text in lines)
        ):
            add(OFFER, low + match.start(), low + match.end(), price_match.reason, ())
    for offer in _OFFERS:
        for match in offer.reply.finditer(sentence):
            if _negated(sentence, match.start()) or _quoted(match.group(), asked, sentence):
                continue
            backing = [
                (line, text)
                for line, text in lines
                if (found := offer.kb.search(text)) and not _negated(text, found.start())
            ]
            if offer.same_subject and backing:
                backing = [
                    (line, text)
                    for line, text in backing
                    if not words or _same_subject(words, topic_words(text))
                ]
            charged = ()
            if offer.name == "waived fee" and backing:
                # "First fifteen minutes free, then ₪10 for every 10 minutes": the fee
                # past the free part is the one the reply waives.
                charged = tuple(line for line, text in backing if _charges_past_free(text))
                backing = [(line, text) for line, text in backing if line not in charged]
            if backing:
                found = (
                    _threshold_reason(sentence, knowledge_base, words, asked)
                    or _priced_reason(words, knowledge_base)
                    if offer.same_subject
                    else None
                )
                if found:
                    add(OFFER, low + match.start(), low + match.end(), *found)
                    break
                continue
            denied = (
                charged
                or tuple(
                    line
                    for line, text in lines
                    if (found := offer.kb.search(text)) and _negated(text, found.start())
                )
                or tuple(
                    line for line, text in lines if offer.evidence and offer.evidence.search(text)
                )
            )
            add(OFFER, low + match.start(), low + match.end(), offer.reason, denied)
            break
    _threshold_flags(sentence, low, knowledge_base, words, add, asked)
    _condition_flags(sentence, low, knowledge_base, words, add)


_FREE_THEN = _compile(r"\bfree\b", _he(r"חינם|בחינם|ללא\s+(?:תשלום|עלות|חיוב)", "ו"))
_THEN_CHARGED = _compile(
    r"\b(?:then|after\s+that|afterwards|thereafter|later|beyond\s+that)\b",
    _he(r"אחר\s+כך|לאחר\s+מכן|אחרי\s+זה|ואז|מעבר\s+לכך|אחרי\s+כן", ""),
)


def _charges_past_free(text: str) -> bool:
    """Whether a line makes a part free and charges for what comes after it ("first
    fifteen minutes free, then ₪10 for every 10 minutes", "15 דקות ראשונות חינם, אחר כך
    10 ₪")."""
    free = _FREE_THEN.search(text)
    if free is None or _THRESHOLD.search(text[: free.start()]):
        return False
    then = _THEN_CHARGED.search(text, free.end())
    return then is not None and bool(_PRICE.search(text, then.end()))


_KB_INCLUDES = _compile(r"\binclud(?:es|ing|ed)\b", _he(r"כולל\w*|כלול\w*", "ו"))
_PRICE = re.compile(rf"[₪$€£]\s*\d|\d\s*(?:[₪$€£]|nis\b|ils\b|shekels?\b|{_HB}(?:ש\"ח|שח|שקל\w*))")
_KID_WORDS = frozenset({"child", "children", "kid", "kids", "ילד", "ילדים"})


def _folded(words: frozenset[str]) -> frozenset[str]:
    """Words with "child" and "kids" read as one."""
    return frozenset("kid" if word in _KID_WORDS else word for word in words)


@lru_cache(maxsize=128)
def _priced_and_free(
    knowledge_base: str,
) -> tuple[tuple[tuple[str, frozenset[str]], ...], tuple[frozenset[str], ...]]:
    """Segments that give a thing a price and no free part ("טסט פנימי: 200 ₪", "each extra
    child ₪70"), with their words; and the words of each thing the knowledge base gives
    free or included ("includes pizza and a cake": pizza, cake)."""
    priced = []
    free = []
    for line, text in _kb_lines(knowledge_base):
        for part_low, part_high in split_spans(text, re.compile(r";|[.!](?=\s|$)")):
            part = text[part_low:part_high]
            included = _KB_INCLUDES.search(part)
            if included:
                end = _CONDITION_END.search(part, included.end())
                free.append(
                    _folded(topic_words(part[included.end() : end.start() if end else None]))
                )
            elif _FREE_WORD.search(part):
                free.append(_folded(topic_words(part)))
            elif _PRICE.search(part):
                priced.append((line, _folded(topic_words(part))))
    return tuple(priced), tuple(free)


def _priced_reason(
    words: frozenset[str], knowledge_base: str
) -> tuple[str, tuple[str, ...]] | None:
    """Why a thing the reply gives free is priced: a knowledge-base segment prices what the
    reply names (all its words, or two of them) and nothing free or included names it."""
    priced, free = _priced_and_free(knowledge_base)
    words = _folded(words)
    for line, label in priced:
        shared = frozenset(word for word in label if _same_subject(frozenset({word}), words))
        if not label or len(shared) < min(2, len(label)):
            continue
        if any(_same_subject(shared, other) for other in free):
            continue
        return f"gives free what the knowledge base prices: “{line}”", (line,)
    return None


def _shared_words(words: frozenset[str], other: frozenset[str]) -> int:
    stems = _stems(words)
    return sum(1 for word in other if _stems(frozenset({word})) & stems)


def _threshold_reason(
    sentence: str, knowledge_base: str, words: frozenset[str], asked: str = ""
) -> tuple[str, tuple[str, ...]] | None:
    """Why "free" in ``sentence`` drops the knowledge base's threshold, or None.

    The free lines held against it are those sharing the most words with the sentence
    ("השליח איסוף והחזרה" is the courier's line, not the repair line it also shares a word
    with). An amount the reply or the customer names at or above the threshold keeps it.
    """
    scored = [
        (_shared_words(words, line.words), line)
        for line in _free_lines(knowledge_base)
        if _same_subject(words, line.words)
    ]
    best = max((score for score, _ in scored), default=0)
    free_lines = [line for score, line in scored if score == best]
    if not free_lines or any(line.threshold is None for line in free_lines):
        return None
    threshold = min(line.threshold for line in free_lines if line.threshold is not None)
    unlimited = bool(_ANY_AMOUNT.search(sentence))
    amounts = _amounts(sentence) + _amounts(asked)
    if any(line.threshold in amounts for _, line in scored) and not unlimited:
        return None  # "(it's only free over ₪2,000)": the reply says a threshold itself
    if amounts and max(amounts) >= threshold and not unlimited:
        return None
    if not amounts and _THRESHOLD.search(sentence) and not unlimited:
        return None
    evidence = tuple(dict.fromkeys(line.line for line in free_lines))
    reason = (
        "says it is free, but the knowledge base makes it free only over a threshold: "
        f"“{evidence[0]}”"
    )
    return reason, evidence


def _threshold_flags(
    sentence: str,
    low: int,
    knowledge_base: str,
    words: frozenset[str],
    add: _Add,
    asked: str = "",
) -> None:
    match = _FREE_WORD.search(sentence)
    if match is None or _negated(sentence, match.start()):
        return
    found = _threshold_reason(sentence, knowledge_base, words, asked)
    if found:
        add(OFFER, low + match.start(), low + match.end(), *found)


# "Free with a full groom", "every new bike comes with a free check-up within 2 months":
# free only under a condition that is no amount.
_FREE_CONDITION = _compile(
    r"\b(?:with\s+(?:a|an|any|every|each|the|your)\b|when\s+you\b|for\s+(?:new|first[\s-]time|returning|existing|regular)\b"
    r"|within\b|on\s+your\s+first\b|as\s+part\s+of\b|in\s+the\s+\w+\s+package\b|(?:every|each)\s+new\b|(?:comes?)\s+with\b)",
    _he(
        r"עם|בקני\w*|ברכיש\w*|בהזמנת|בחבילת|בחבילה|למזמינים|ללקוחות|למנויים|תוך|לכל\s+\S+\s+חדש\w*|בטיפול\s+הראשון",
        "",
    ),
)
_CONDITION_END = re.compile(r"[,;()\n]|\.(?=\s|$)|\s-\s")
_REPLY_FREE = _compile(
    _FREE_WORD.pattern + r"|\bincluded\b",
    _he(r"כלול\w*", ""),
)
_NOT_CONDITION = frozenset({"comes", "come", "gets", "get", "new"})
_FIRST_TIME = frozenset(
    [
        "first",
        "new",
        "trial",
        "try",
        "intro",
        "introductory",
        "ראשון",
        "ראשונה",
        "חדש",
        "חדשה",
        "חדשים",
        "ניסיון",
        "היכרות",
    ]
)


@dataclass(frozen=True)
class _ConditionalFree:
    line: str
    subject: frozenset[str]
    condition: frozenset[str]


@lru_cache(maxsize=128)
def _conditional_free(
    knowledge_base: str,
) -> tuple[tuple[_ConditionalFree, ...], tuple[frozenset[str], ...]]:
    """Things free only under a condition, each with its subject and condition words; and
    the subjects of things free without one."""
    conditional = []
    unconditional = []
    for line, text in _kb_lines(knowledge_base):
        for part_low, part_high in split_spans(text, re.compile(r";|[.!](?=\s|$)")):
            part = text[part_low:part_high]
            free = _FREE_WORD.search(part)
            if (
                not free
                or _negated(part, free.start())
                or _THRESHOLD.search(part)
                or _count_threshold(part, None) is not None
            ):
                continue
            starts = sorted(
                {match.start() for match in _FREE_CONDITION.finditer(part)} | {free.start()}
            )
            condition: set[str] = set()
            for match in _FREE_CONDITION.finditer(part):
                later = [start for start in starts if start > match.start()]
                end = min([*later, len(part)])
                stop = _CONDITION_END.search(part, match.end(), end)
                condition |= topic_words(part[match.start() : stop.start() if stop else end])
            condition -= {"free"}
            words = topic_words(part)
            subject = frozenset(words - condition - topic_words(free.group()) - {"חינם", "free"})
            condition_words = frozenset(condition - _NOT_CONDITION) or frozenset(condition)
            if condition_words & _FIRST_TIME:
                # "a free trial" keeps "for first-time visitors"
                condition_words |= _FIRST_TIME - subject
            if condition_words:
                conditional.append(_ConditionalFree(line, subject, condition_words))
            else:
                unconditional.append(frozenset(words))
    return tuple(conditional), tuple(unconditional)


def _kept(words: frozenset[str], condition: frozenset[str]) -> bool:
    return _same_subject(words, condition) or overlap(words, condition) > 0


def _condition_flags(
    sentence: str, low: int, knowledge_base: str, words: frozenset[str], add: _Add
) -> None:
    """A reply's "nail trimming is free" against "free with a full groom": the condition dropped."""
    match = _REPLY_FREE.search(sentence)
    if match is None or _negated(sentence, match.start()):
        return
    conditional, unconditional = _conditional_free(knowledge_base)
    if not conditional or any(_same_subject(words, other) for other in unconditional):
        return
    dropped = [
        free
        for free in conditional
        if free.subject and _same_subject(words, free.subject) and not _kept(words, free.condition)
    ]
    if not dropped or any(
        _kept(words, free.condition) for free in conditional if _same_subject(words, free.subject)
    ):
        return
    evidence = tuple(dict.fromkeys(free.line for free in dropped))
    reason = f"says it is free, but the knowledge base makes it free only on a condition: “{evidence[0]}”"
    add(OFFER, low + match.start(), low + match.end(), reason, evidence)


def _without_offers_py(flags: list[Flag], *, reply: str, knowledge_base: str) -> list[Flag]:
    """Drop an offer flag on a sentence ``offers.offer_flags`` already flags."""
    earlier = offer_flags(
        reply=reply, knowledge_base=knowledge_base, kb=facts_from_knowledge_base(knowledge_base)
    )
    return [
        flag
        for flag in flags
        if flag.kind != OFFER or not any(flag.overlaps(other.start, other.end) for other in earlier)
    ]


# A line that takes the service to the customer, in any words: "הגעה לבית הכלה: תוספת
# 200 ₪", "we travel to you".
_GOES_TO_CUSTOMER = _compile(
    r"\b(?:travel|come|go)s?\s+to\s+(?:you|your|clients?|customers?)\b|\bhome\s+visits?\b|\bat\s+your\s+(?:home|place)\b",
    _he(
        r"הגעה\s+ל(?:בית|אולם)|(?:מגיעים|מגיעה|מגיע)\s+(?:עד\s+)?(?:ל|אל)|ביקור(?:י)?\s+בית|עד\s+הבית",
        "ו",
    ),
)


def home_visit_refusal(knowledge_base: str) -> str | None:
    """The knowledge-base line that rules out serving the customer at home ("אין טיפולים
    בבית המטופל", "No home visits"), when no line takes the service to the customer."""
    stance = _stances(knowledge_base).get("home visits")
    if stance is None or stance.yes or not stance.no:
        return None
    if any(_GOES_TO_CUSTOMER.search(text) for _, text in _kb_lines(knowledge_base)):
        return None
    return stance.no[0]
