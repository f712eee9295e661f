"""Offers said without a number: "parking is included", "we also teach guitar", "בלי תור".

The other kinds compare values; these claims have none. What they do have is a thing:
the parking, the guitar lessons, the town a pickup is from. So a sentence that offers,
includes or makes something available is held to the knowledge base by its content words:

- an **offer** ("X is included / free / available / possible", "you're welcome to X",
  "we also teach X", "we offer X", "we can pick you up from X", and in Hebrew "X כלול",
  "X בחינם", "אפשר X", "יש לנו גם X", "אנחנו מלמדים גם X", "מגיעים עד X") is flagged when
  a content word of X appears nowhere in the knowledge base, after light folding (English
  plurals and stems, Hebrew one-letter prefixes and plural or construct endings);
- **included or free**: a thing the knowledge base prices ("Shoe rental: ₪10", "הסעות
  בתוספת תשלום") is flagged when said to be included or free, unless its line says so too;
- **walk-ins** ("walk-ins welcome", "no booking needed", "בלי תור") need the knowledge base
  to say so itself.

It is conservative on purpose, since a false flag holds a correct reply for a person:
questions, negations ("parking is not included"), the escalation sentence, greetings and a
restatement of what the customer said ("you asked about parking") are never read, and
only what the offer is about is compared, never the whole sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.grounding.claims import KB_GUARANTEE as _KB_GUARANTEE
from agents.grounding.entities import named_in_knowledge_base
from agents.grounding.facts import Fact, KnowledgeFacts
from agents.grounding.findings import OFFER
from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.text import clause_spans, normalise, split_spans
from agents.grounding.topics import segment_spans, shared_stem, topic_words
from agents.grounding.values import Price

_HB = rf"(?<![{HE}])"  # a Hebrew word starts here
_HE_END = rf"(?![{HE}])"

# --- what an offer sentence looks like ----------------------------------------------------

# "X is included", "X are free", "X is available on request": the thing is said before.
_EN_SUBJECT_TRIGGER = re.compile(
    r"\b(?:is|are|'s|'re|will\s+be|comes?)\s+(?:also\s+|always\s+|all\s+|both\s+)?"
    r"(?:included|free(?!\s+to\b)|complimentary|available|offered|provided|possible"
    r"|on\s+the\s+house|welcome(?!\s+to\b)|part\s+of\s+the\s+(?:price|package|deal)"
    # "comes at no extra cost", "is free of charge", "is on us"
    r"|at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|on\s+us)\b"
)
# "includes X", "we also teach X", "we can pick you up from X": the thing is said after.
_EN_VERBS = (
    r"have|offer|teach|run|make|do|provide|sell|rent|organi[sz]e|host|cater|serve|install"
    r"|fix|repair|arrange|give|cover|ship|deliver|stock|carry|treat|accept|take|clean|train"
    r"|build|design|print|paint|wash|groom|cook|bake|cut|restore|refinish|renovate|tune|polish"
    r"|perform|service|maintain|assemble|remove|replace|upholster|alter|sew|seal|insulate"
    r"|waterproof|supply|lend|loan|board|transport|photograph|film|translate|book|handle"
)
_EN_OBJECT_TRIGGER = re.compile(
    r"\b(?:includes?|including|comes?\s+with)\b|(?<!is\s)(?<!are\s)(?<!'s\s)\bfree\s+(?=[a-z])(?!of\b|for\b|to\b|through\b)"
    rf"|\bwe\s+(?:also|can\s+also|now\s+also|even)\s+(?:{_EN_VERBS})\b"
    rf"|\bwe\s+(?:can\s+)?(?:{_EN_VERBS})\b(?=[^,]*\b(?:too|as\s+well)\s*$)"
    r"|\b(?:you're|you\s+are)\s+(?:also\s+)?welcome\s+to\s+(?:\w+\s+)?"
    r"|\bthere\s+(?:is|are|'s)\s+also\s+(?:a\s+|an\s+)?"
)
# A pickup, a visit or a delivery to a place: "we can pick you up from Haifa".
_EN_PLACE_TRIGGER = re.compile(
    r"\bwe\s+(?:also\s+|can\s+also\s+|can\s+|'ll\s+|will\s+)?(?:pick\s+(?:you\s+)?up|collect\s+you"
    r"|come|drive|travel|deliver|ship|serve)\b(?:\s+(?:you|it|them))?(?:\s+up)?"
    r"(?:\s+(?:also|too))?\s+(?:from|to|in)\s+(?=[a-z])"
)
_EN_WALK_IN = re.compile(
    r"\bwalk[\s-]?ins?\b|\bno\s+(?:booking|appointment|reservation)s?\s+(?:is\s+|are\s+)?"
    r"(?:needed|necessary|required)\b|\bwithout\s+(?:a\s+|an\s+)?(?:booking|appointment"
    r"|reservation)\b|\bjust\s+(?:drop|come|pop|walk)\s+(?:by|in)\b"
)

_HE_INCLUDED = re.compile(
    rf"{_HB}(?:כלול|כלולה|כלולים|כלולות|נכלל|נכללת|נכללים|נכללות|בחינם|חינם|חינמי|חינמית"
    rf"|ללא\s+(?:שום\s+)?(?:תוספת\s+)?(?:תשלום|עלות|חיוב)|בלי\s+(?:שום\s+)?(?:תוספת\s+)?(?:תשלום|עלות)"
    rf"|(?:ללא|בלי)\s+(?:שום\s+)?תוספת"
    rf"|על\s+חשבוננו"
    rf"|זמין|זמינה|זמינים|זמינות|ניתן|ניתנת|ניתנים|אפשרי|אפשרית|מתקבל\w*\s+בברכה)"
    rf"(?:\s+גם)?{_HE_END}"
)
_HE_VERBS = (
    r"מציעים|מלמדים|עושים|מעבירים|מוכרים|משכירים|מארגנים|מספקים|מתקינים|מתקנים|נותנים"
    r"|מגישים|מפעילים|מפיקים|מכינים|מטפלים|מציעה|מלמדת|עושה|מעבירה|מבצעים|מבצעת|מבצע"
    r"|מספקת|נותנת|מתקינה|מתקנת|מוכרת|משכירה|מנקים|מחליפים|משפצים|צובעים|בונים|מובילים"
    r"|מצלמים|מלווים|אופים|מרכיבים|מחדשים|משחזרים|מוציאים|מייצרים|מכבסים|מגהצים|תופרים"
)
_HE_OBJECT_TRIGGER = re.compile(
    rf"{_HB}(?:(?:אנחנו|אנו|אני)\s+גם\s+(?:{_HE_VERBS})"
    rf"|(?:{_HE_VERBS})\s+גם|יש\s+(?:לנו\s+)?גם|המחיר\s+כולל|כולל(?:ת|ים)?\s+גם){_HE_END}"
    # "אפשר גם לשלם באשראי", "אפשר לשלם גם באשראי": the "also" of an offer, as in English;
    # the verb after "אפשר" is dropped below.
    rf"|{_HB}(?:אפשר|ניתן)\s+(?:גם\s+|ל[{HE}]+\s+גם\s+)"
)
_HE_PLACE_TRIGGER = re.compile(
    rf"{_HB}(?:מגיעים|נגיע|אוספים|נאסוף|משרתים)\s+(?:גם\s+)?(?:עד\s+|ל|מ)(?=[{HE}])"
)
_HE_WALK_IN = re.compile(
    rf"{_HB}(?:בלי|ללא|אין\s+צורך\s+ב)\s*-?\s*(?:תור|הזמנה|הרשמה|תיאום|קביעת\s+תור|לקבוע\s+תור"
    rf"|להזמין|להירשם|לתאם)(?:\s+מראש)?{_HE_END}"
)
# The knowledge base says walk-ins are welcome itself.
_KB_WALK_IN = re.compile(
    r"\bwalk[\s-]?ins?\b|\bno\s+(?:booking|appointment|reservation)|\bwithout\s+(?:a\s+|an\s+)?"
    r"(?:booking|appointment|reservation)|\bdrop\s+in\b"
    rf"|{_HB}(?:בלי|ללא|אין\s+צורך\s+ב)\s*-?\s*(?:תור|הזמנה|הרשמה|תיאום|לקבוע|להזמין|להירשם)"
)

# --- sentences never read -------------------------------------------------------------------

_SKIP = re.compile(
    r"\b(?:not|no\s+longer|isn't|aren't|don't|doesn't|won't|can't|cannot|unfortunately|sorry"
    r"|only\s+if|you\s+(?:asked|mentioned|said|wrote|wanted)|check\s+with|get\s+back\s+to"
    r"|let\s+me\s+check|i'll\s+check|i\s+will\s+check|find\s+out|ask\s+(?:the|my)\s+team"
    r"|not\s+sure|if\s+you\s+(?:want|like|need|prefer|wish))\b"
    rf"|{_HB}(?:לא|אין(?!\s+צורך)|לצערי|מצטער\w*|שאלת|ציינת|כתבת|ביקשת|אבדוק|נבדוק|אחזור|נחזור"
    rf"|בודק|בודקת|אעדכן|נעדכן|אם\s+תרצ\w*|אם\s+תרצו|אם\s+צריך|נציג)(?![{HE}])"
)
_SENTENCE_BREAK = re.compile(r"\n+|[.!?;]+(?=\s|$)|\s-\s|:\s")
_CLAUSE_END = re.compile(
    r",|\s(?:but|because|so|and\s+(?:we|you|it|the\s+\w+\s+is))\s|\sאבל\s|\sכי\s"
)

# --- what the thing is: its content words -------------------------------------------------

# Words that name no thing: the vocabulary of offering, and words every business uses.
_OFFER_STOP = frozenset(
    [
        # An age says who, not what is offered: "at 17 that's possible", "בגיל 17 זה אפשרי".
        "age",
        "גיל",
        # A fraction of an hour is a length, compared as a number: "the first quarter of an
        # hour is free" against "first fifteen minutes free".
        "quarter",
        "half",
        "רבע",
        "חצי",
        "included",
        "include",
        "includes",
        "including",
        "free",
        "complimentary",
        "available",
        "offered",
        "offer",
        "offers",
        "provided",
        "provide",
        "possible",
        "welcome",
        "welcomed",
        "part",
        "house",
        "also",
        "too",
        "well",
        "course",
        "sure",
        "yes",
        "thing",
        "things",
        "everything",
        "anything",
        "something",
        "stuff",
        "option",
        "options",
        "request",
        "requests",
        "ask",
        "price",
        "package",
        "deal",
        "charge",
        "cost",
        "extra",
        "additional",
        "service",
        "services",
        "customer",
        "customers",
        "people",
        "person",
        "everyone",
        "anyone",
        "client",
        "clients",
        "guest",
        "guests",
        "kind",
        "kinds",
        "type",
        "types",
        "lot",
        "lots",
        "whole",
        "great",
        "nice",
        "good",
        "best",
        "right",
        "here",
        "there",
        "now",
        "today",
        "always",
        "just",
        "use",
        "using",
        "come",
        "bring",
        "get",
        "have",
        "has",
        "offer",
        "run",
        "make",
        "do",
        "give",
        "teach",
        "provide",
        "sell",
        "rent",
        "host",
        "serve",
        "fix",
        "repair",
        "arrange",
        "cover",
        "ship",
        "deliver",
        "stock",
        "carry",
        "pick",
        "collect",
        "drive",
        "travel",
        "up",
        "you",
        "it",
        "them",
        "your",
        "our",
        "we",
        "us",
        "me",
        "available",
        "course",
        "all",
        "some",
        "many",
        "much",
        "plenty",
        "few",
        "through",
        "under",
        "across",
        "between",
        "during",
        "while",
        "since",
        "both",
        "either",
        "neither",
        "other",
        "another",
        "same",
        "such",
        "own",
        "anywhere",
        "everywhere",
        "somewhere",
        "home",
        "door",
        "place",
        "area",
        "way",
        "first",
        "second",
        "third",
        "last",
        "next",
        "new",
        "old",
        "aged",
        "age",
        "ages",
        "year-old",
        "kid",
        "kids",
        "child",
        "children",
        "adult",
        "adults",
        "whenever",
        "wherever",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "each",
        "every",
        "per",
        "its",
        "their",
        "fun",
        "friendly",
        "atmosphere",
        "vibe",
        "experience",
        "experienced",
        "relaxed",
        "relaxing",
        "creative",
        "warm",
        "cozy",
        "cosy",
        "welcoming",
        "professional",
        "professionals",
        "quality",
        "amazing",
        "wonderful",
        "perfect",
        "beautiful",
        "family",
        "families",
        "safe",
        "clean",
        "comfortable",
        "unique",
        "special",
        "memorable",
        "enjoyable",
        "happy",
        "help",
        "beginner",
        "beginners",
        "advanced",
        "level",
        "levels",
        "alike",
        "skilled",
        "expert",
        "experts",
        "team",
        "staff",
        "love",
        "variety",
        "range",
        "selection",
        "space",
        "environment",
        "כלול",
        "כלולה",
        "כלולים",
        "כלולות",
        "נכלל",
        "חינם",
        "חינמי",
        "חינמית",
        "זמין",
        "זמינה",
        "זמינים",
        "זמינות",
        "ניתן",
        "ניתנת",
        "אפשר",
        "אפשרי",
        "אפשרית",
        "תמיד",
        "כמובן",
        "בטח",
        "ברור",
        "דבר",
        "דברים",
        "הכל",
        "הכול",
        "משהו",
        "שירות",
        "שירותים",
        "לקוח",
        "לקוחות",
        "אנשים",
        "תוספת",
        "תשלום",
        "עלות",
        "חיוב",
        "חשבוננו",
        "מחיר",
        "המחיר",
        "במחיר",
        "בברכה",
        "מתקבלים",
        "לנו",
        "להם",
        "שלכם",
        "אצלנו",
        "אצלכם",
        "פה",
        "כאן",
        "עכשיו",
        "היום",
        "מציעים",
        "מלמדים",
        "עושים",
        "מעבירים",
        "מוכרים",
        "משכירים",
        "מארגנים",
        "מספקים",
        "מתקינים",
        "מתקנים",
        "נותנים",
        "מגישים",
        "מפעילים",
        "מפיקים",
        "מכינים",
        "מטפלים",
        "מגיעים",
        "אוספים",
        "שולחים",
        "עובדים",
        "משרתים",
        "כולל",
        "כוללת",
        "כוללים",
        "גם",
        "יש",
        "אפשר",
        "סוג",
        "סוגי",
        "סוגים",
        "היא",
        "הוא",
        "הם",
        "הן",
        "זה",
        "זו",
        "זאת",
        "אלה",
        "אחד",
        "אחת",
        "שתיים",
        "שניים",
        "שלוש",
        "ארבע",
        "חמש",
        "שש",
        "שבע",
        "שמונה",
        "תשע",
        "עשר",
        "ראשון",
        "ראשונה",
        "אחר",
        "אחרת",
        "אחרים",
        "נוסף",
        "נוספת",
        "נוספים",
        "ישירות",
        "במקום",
        "מקום",
        "אווירה",
        "נעימה",
        "נעים",
        "חוויה",
        "מהנה",
        "מהנים",
        "בטוח",
        "בטוחה",
        "בטוחים",
        "מקצועי",
        "מקצועית",
        "מקצועיים",
        "איכותי",
        "איכותית",
        "מעולה",
        "מעולים",
        "מושלם",
        "משפחתי",
        "משפחתית",
        "משפחה",
        "נקי",
        "נקייה",
        "נוח",
        "נוחה",
        "מיוחד",
        "מיוחדת",
        "צוות",
        "מתחילים",
        "מתקדמים",
        "רמה",
        "רמות",
        "מגוון",
    ]
)
_HE_SUFFIXES = ("יים", "ים", "ות", "ה", "ת", "י")
_HE_PREFIXES = "הבלומשכ"


def _he_forms(word: str) -> set[str]:
    """A Hebrew word with and without up to two prefix letters and one plural or construct
    ending: "ההסעות" ~ "הסעה", "נעלי" ~ "נעליים", "התקנת" ~ "התקנה"."""
    bases = {word}
    for cut in (1, 2):
        if len(word) - cut >= 2 and all(letter in _HE_PREFIXES for letter in word[:cut]):
            bases.add(word[cut:])
    forms = set(bases)
    for base in bases:
        for suffix in _HE_SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= 2:
                forms.add(base[: -len(suffix)])
    return forms


def _en_forms(word: str) -> set[str]:
    forms = {word}
    for suffix in ("ies", "es", "s", "ing", "ed", "er", "ers", "al", "ation", "ations"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.add(word[: -len(suffix)])
    return forms


def _forms(word: str) -> set[str]:
    return _en_forms(word) if word.isascii() else _he_forms(word)


def _known(word: str, vocabulary: set[str], english: list[str]) -> bool:
    if _forms(word) & vocabulary:
        return True
    if not word.isascii():
        return False
    # One English stem: "kitesurf" / "kitesurfing", "ship" / "shipping", "rental" / "rent".
    for known in english:
        if shared_stem(word, known, letters=4):
            return True
        if len(known) == 4 and word.startswith(known) and word[4:] in ("ping", "ped", "s"):
            return True
    return False


def _content(text: str) -> list[str]:
    words = []
    for word in sorted(topic_words(text), key=text.find):
        if word in _OFFER_STOP or any(form in _OFFER_STOP for form in _forms(word)):
            continue
        if len(word) < (3 if word.isascii() else 2):
            continue
        words.append(word)
    return words


@dataclass(frozen=True)
class _Vocabulary:
    forms: set[str]
    english: list[str]
    # text, words, priced, says free, says no
    lines: list[tuple[str, frozenset[str], bool, bool, bool]]
    # Whether the knowledge base is written in English, in Hebrew: a word of a script it
    # hardly uses cannot be "never mentioned" there, only translated.
    writes_english: bool = True
    writes_hebrew: bool = True
    knowledge_base: str = ""
    # Whole segments that give something free or included, before a price label is cut:
    # "Birthday package: ₪1,200, includes 2 games, pizza and drinks".
    free_segments: tuple[str, ...] = ()

    def could_mention(self, word: str) -> bool:
        return self.writes_english if word.isascii() else self.writes_hebrew


_EXTRA_CHARGE = re.compile(
    r"\bextra\s+(?:charge|fee|cost)|\bfor\s+an?\s+(?:extra|additional)\s+(?:fee|charge)"
    r"|\bat\s+(?:an\s+)?extra\s+cost\b|\bpaid\b"
    # "Boxes sold on site": a thing for sale is not given away.
    r"|\bsold\b|\bfor\s+sale\b|\bfor\s+purchase\b|\bavailable\s+to\s+(?:buy|purchase)\b"
    rf"|{_HB}(?:בתוספת\s+תשלום|בתשלום\s+נוסף|בתשלום|בתוספת\s+\d|תוספת\s+תשלום|נמכר\w*|למכירה"
    rf"|לרכישה|ניתנ\w*\s+לרכישה)"
)
_SAYS_FREE = re.compile(
    r"\bfree\b|\bincluded\b|\bincludes?\b|\bincluding\b|\bcomplimentary\b|\bno\s+charge\b"
    r"|\bat\s+no\s+(?:extra\s+)?cost\b|\bon\s+the\s+house\b"
    rf"|{_HB}(?:כולל\w*|כלול\w*|חינם|בחינם|ללא\s+תשלום|ללא\s+עלות|ללא\s+חיוב|בלי\s+תשלום"
    rf"|ניתנ\w*\s+(?:במקום\s+)?ללא)"
)


_SAYS_NO = re.compile(
    r"\b(?:not|no|don't|doesn't|never|cannot|can't)\b"
    rf"|{_HB}(?:לא|אין|אסור)(?![{HE}])"
)
# One thing, many spellings: "wi-fi", "wifi", "ויי פיי", "internet".
_SYNONYMS = (
    (re.compile(r"\bwi-?fi\b|\bwireless\b|\binternet\b"), " wifi "),
    (
        re.compile(rf"{_HB}(?:ה?ו?וו?יי?[\s-]?פיי?|אינטרנט(?:\s+אלחוטי)?|אלחוטי)(?![{HE}])"),
        " wifi ",
    ),
    (re.compile(rf"{_HB}([הבלו]?)חנייה(?![{HE}])"), r"\1חניה"),
)


def _canonical(text: str) -> str:
    for pattern, replacement in _SYNONYMS:
        text = pattern.sub(replacement, text)
    return text


# Where a priced line's label ends: its colon, or its first number or currency sign.
_PRICE_LABEL_END = re.compile(r":|[₪$€£]|\d")


# A segment cut after "e.g." or "etc." goes on: "injections (e.g. insulin) ₪20 extra".
_ABBREVIATION_END = re.compile(r"(?:\b(?:e\.g|i\.e|etc|incl|approx|vs|min|max|no)\.?|\(\w+)\s*$")


def _joined_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            low, high = joined[-1]
            if "\n" not in text[high:start] and _ABBREVIATION_END.search(text[low:high]):
                joined[-1] = (low, end)
                continue
        joined.append((start, end))
    return joined


def _vocabulary(knowledge_base: str, kb: KnowledgeFacts) -> _Vocabulary:
    text = _canonical(normalise(knowledge_base).text)
    words = topic_words(text)
    forms: set[str] = set()
    for word in words:
        forms |= _forms(word)
    # Words the topic reader drops as grammar can still name a thing ("parking" is fine,
    # but "free" is not a thing): keep every word the knowledge base writes.
    for word in re.findall(rf"[a-z]+|[{HE}]+", text):
        forms |= _forms(word)
    priced_texts = {
        segment.text
        for segment in kb.segments
        if any(isinstance(fact, Price) and fact.amount.high > 0 for fact in segment.facts.prices)
    }
    lines = []
    free_segments = []
    for start, end in _joined_abbreviations(text, segment_spans(text)):
        line = text[start:end].strip(" -\t")
        priced = any(
            priced_text.lower() in line or line in priced_text.lower()
            for priced_text in priced_texts
        )
        says_free = bool(_SAYS_FREE.search(line)) and not _DENIED_AFTER.search(line)
        if says_free:
            free_segments.append(line)
        if priced:
            # Only what the price is for: "Shoe rental: ₪10", not what a price buys in
            # "Monthly membership: ₪420, unlimited classes".
            line = _PRICE_LABEL_END.split(line, maxsplit=1)[0].strip()
        priced = priced or bool(_EXTRA_CHARGE.search(line))
        lines.append((line, topic_words(line), priced, says_free, bool(_SAYS_NO.search(line))))
    english = sorted(form for form in forms if form.isascii() and len(form) >= 4)
    latin = sum(1 for word in words if word.isascii())
    hebrew = len(words) - latin
    return _Vocabulary(
        forms=forms,
        english=english,
        lines=lines,
        free_segments=tuple(free_segments),
        writes_english=latin >= _SCRIPT_SHARE * len(words),
        writes_hebrew=hebrew >= _SCRIPT_SHARE * len(words),
        knowledge_base=knowledge_base,
    )


# A knowledge base writes a language when this share of its content words is in its script.
_SCRIPT_SHARE = 0.2


@dataclass(frozen=True)
class OfferFlag:
    claim: str
    start: int
    end: int
    reason: str


_NEGATIONS = frozenset(
    ["not", "no", "don't", "doesn't", "never", "cannot", "can't", "לא", "אין", "אסור"]
)


def _negates(tokens: list[str], words: list[str]) -> bool:
    """A negation up to three words before one of ``words``: "we do not ship", "אין חניה"."""
    for index, token in enumerate(tokens):
        token_forms = _forms(token)
        english = [form for form in token_forms if form.isascii() and len(form) >= 4]
        known = any(_known(word, token_forms, english) for word in words)
        if known and _NEGATIONS & set(tokens[max(0, index - 3) : index]):
            return True
    return False


# A line that says its thing is not given, after naming it: "printed textbooks are not
# included", "parking isn't available", "הביטוח לא כלול", "ההובלה אינה כלולה".
_DENIED_AFTER = re.compile(
    r"\b(?:is|are)\s+not\s+(?:\w+\s+)?(?:included|available|offered|provided|free|part\s+of)\b"
    r"|\b(?:isn't|aren't)\s+(?:\w+\s+)?(?:included|available|offered|provided|free|part\s+of)\b"
    r"|\bnot\s+included\b"
    rf"|{_HB}(?:לא|אינו|אינה|אינם|אינן)\s+(?:כלול\w*|נכלל\w*|זמינ\w*|בחינם|חינם|ניתנ\w*){_HE_END}"
)


def _denied(line: str, words: list[str]) -> bool:
    """Whether ``line`` says one of ``words`` is not given, in the clause that names it."""
    for match in _DENIED_AFTER.finditer(line):
        clause = re.split(r",|\sand\s|\sbut\s|\sאבל\s", line[: match.start()])[-1]
        tokens = re.findall(rf"[a-z']+|[{HE}]+", clause)
        clause_forms: set[str] = set()
        for token in tokens:
            clause_forms |= _forms(token)
        english = [form for form in clause_forms if form.isascii() and len(form) >= 4]
        if any(_known(word, clause_forms, english) for word in words):
            return True
    return False


def _covering(words: list[str], vocabulary: _Vocabulary) -> list[tuple[str, bool, bool, bool]]:
    """The knowledge-base lines that mention every one of ``words``, and whether each
    prices, frees or denies the thing."""
    covering = []
    for line, _, priced, free, _ in vocabulary.lines:
        tokens = re.findall(rf"[a-z']+|[{HE}]+", line)
        line_forms: set[str] = set()
        for token in tokens:
            line_forms |= _forms(token)
        english = [form for form in line_forms if form.isascii() and len(form) >= 4]
        if all(_known(word, line_forms, english) for word in words):
            covering.append((line, priced, free, _negates(tokens, words) or _denied(line, words)))
    return covering


def _check_thing(thing: str, vocabulary: _Vocabulary, *, inclusion: bool, what: str) -> str | None:
    words = _content(thing)
    if not words:
        return None
    missing = [word for word in words if not _known(word, vocabulary.forms, vocabulary.english)]
    # A word the knowledge base says in other words the lexicon knows ("חניה" for "parking",
    # "yard" for "garden") is mentioned there, though no line can be matched by it.
    translated = [w for w in missing if named_in_knowledge_base(w, vocabulary.knowledge_base)]
    if translated:
        missing = [word for word in missing if word not in translated]
        words = [word for word in words if word not in translated]
        if not words:
            return None
    if any(not vocabulary.could_mention(word) for word in missing):
        return None  # a reply in the other language: its words are a translation away
    # Most of what is offered must be new to the knowledge base: one unknown word among
    # known ones is as often a paraphrase ("dishes" for "options") as an invention.
    if missing and 2 * len(missing) >= len(words):
        return f"{what}: the knowledge base never mentions " + ", ".join(
            f"“{word}”" for word in missing[:4]
        )
    if missing:
        # "With the lesson pack the printed songbook comes free": the thing itself may
        # still be known, and held to its line.
        return _check_parts(thing, vocabulary, inclusion=inclusion, what=what)
    lines = _covering(words, vocabulary)
    if not lines:
        return _check_parts(thing, vocabulary, inclusion=inclusion, what=what)
    if all(negated and not free for _, _, free, negated in lines):
        return f"{what}, but the knowledge base says otherwise: “{lines[0][0]}”"
    if inclusion and all(priced and not free for _, priced, free, _ in lines):
        return (
            f"said to be included or free, but the knowledge base charges for it: “{lines[0][0]}”"
        )
    return None


# "Medication and injections are included", "הציוד והביטוח כלולים": each thing of a list
# is held to its own line when no line names them all.
_LIST_BREAK = re.compile(rf",|\s(?:and|plus|&)\s|\s(?:וגם\s+|ו-?)(?=[{HE}])")
# "With the 10-lesson package the printed textbook comes free": the subject of "comes" is
# the last noun phrase, from its article on.
_LAST_PHRASE = re.compile(r".*\b(?:the|a|an|your|our|this|that|these|those)\s+(?=\w)")


def _mentions(segment: str, words: list[str]) -> bool:
    tokens = re.findall(rf"[a-z']+|[{HE}]+", segment)
    segment_forms: set[str] = set()
    for token in tokens:
        segment_forms |= _forms(token)
    english = [form for form in segment_forms if form.isascii() and len(form) >= 4]
    return all(_known(word, segment_forms, english) for word in words)


def _check_parts(thing: str, vocabulary: _Vocabulary, *, inclusion: bool, what: str) -> str | None:
    """The reason against one thing of a list, or against the last noun phrase of an
    English subject, when no knowledge-base line covers the whole of ``thing``."""
    parts = [part for part in _LIST_BREAK.split(thing) if _content(part)]
    if len(parts) < 2:
        phrase = _LAST_PHRASE.match(thing)
        if phrase is None or not _content(thing[phrase.end() :]):
            return None
        parts = [thing[phrase.end() :]]
        if _content(parts[0]) == _content(thing):
            return None
    for part in parts:
        words = _content(part)
        if not all(_known(word, vocabulary.forms, vocabulary.english) for word in words):
            continue
        lines = _covering(words, vocabulary)
        if not lines:
            continue
        if all(negated and not free for _, _, free, negated in lines):
            return f"{what}, but the knowledge base says otherwise: “{lines[0][0]}”"
        if (
            inclusion
            and all(priced and not free for _, priced, free, _ in lines)
            and not any(_mentions(segment, words) for segment in vocabulary.free_segments)
        ):
            return (
                "said to be included or free, but the knowledge base charges for it: "
                f"“{lines[0][0]}”"
            )
    return None


def _clause_before(sentence: str, position: int) -> str:
    head = sentence[:position]
    head = re.sub(
        r"^\s*(?:yes|sure|of\s+course|great|good\s+news|and|also|plus|כן|בטח|כמובן|וגם)\b[\s,!]*",
        "",
        head,
    )
    return head


def _clause_after(sentence: str, position: int) -> str:
    tail = sentence[position:]
    match = _CLAUSE_END.search(tail)
    return tail[: match.start()] if match else tail


def _subject_before(sentence: str, position: int) -> str:
    head = _clause_before(sentence, position)
    parts = re.split(
        r",|\s(?:but|because|so|if|when|and\s+(?:we|you))\s|\sאבל\s|\sכי\s|\s(?:ו?אם)\s", head
    )
    return parts[-1]


# "If you buy glasses, it's free", "ואם קונים משקפיים היא בחינם": a condition, whose words
# are the customer's doing, not a thing offered.
_CONDITION = re.compile(r"(?:^|,|\s)\s*(?:if|when|whenever|unless|ו?אם|כש|וכש)\b[^,]*")


_HE_AFTER_INCLUDED_STOP = re.compile(rf"{_HB}(?:במחיר|למחיר|במנוי|בחבילה|בשיעור|לכל|בכל)")


_VOCABULARIES: dict[str, tuple[KnowledgeFacts, _Vocabulary]] = {}
_MAX_VOCABULARIES = 256


def _cached_vocabulary(knowledge_base: str, kb: KnowledgeFacts) -> _Vocabulary:
    """A knowledge base's vocabulary, read once: every reply of a worker reads the same one."""
    cached = _VOCABULARIES.get(knowledge_base)
    if cached is not None and cached[0] is kb:
        return cached[1]
    vocabulary = _vocabulary(knowledge_base, kb)
    if len(_VOCABULARIES) >= _MAX_VOCABULARIES:
        _VOCABULARIES.pop(next(iter(_VOCABULARIES)))
    _VOCABULARIES[knowledge_base] = (kb, vocabulary)
    return vocabulary


def offer_flags(*, reply: str, knowledge_base: str, kb: KnowledgeFacts) -> list[OfferFlag]:
    norm = normalise(reply)
    text = norm.text
    vocabulary: _Vocabulary | None = None
    kb_text = normalise(knowledge_base).text
    flags: list[OfferFlag] = []
    spans = split_spans(text, _SENTENCE_BREAK)
    for low, high in spans:
        sentence = text[low:high]
        if "?" in text[high : high + 2] or "?" in sentence:
            continue
        read = _canonical(_CONDITION.sub(lambda match: " " * len(match.group()), sentence))
        if _SKIP.search(read):
            continue
        if vocabulary is None:
            vocabulary = _cached_vocabulary(knowledge_base, kb)
        reason = _sentence_reason(read, vocabulary, kb_text)
        if reason is not None:
            start, end = norm.original_span(low, high)
            flags.append(OfferFlag(reply[start:end].strip(), start, end, reason))
    return flags


def _sentence_reason(sentence: str, vocabulary: _Vocabulary, kb_text: str) -> str | None:
    for pattern in (_EN_WALK_IN, _HE_WALK_IN):
        match = pattern.search(sentence)
        if match and not _KB_WALK_IN.search(kb_text):
            return "no booking needed: the knowledge base does not say walk-ins are taken"
    for pattern in (_EN_PLACE_TRIGGER, _HE_PLACE_TRIGGER):
        for match in pattern.finditer(sentence):
            place = _clause_after(sentence, match.end())
            reason = _check_thing(place, vocabulary, inclusion=False, what="a place served")
            if reason:
                return reason
    for match in _EN_SUBJECT_TRIGGER.finditer(sentence):
        thing = _subject_before(sentence, match.start())
        inclusion = not re.match(
            r".*\b(?:available|possible|offered|provided|welcome)\b", match.group()
        )
        reason = _check_thing(thing, vocabulary, inclusion=inclusion, what="an offer")
        if reason:
            return reason
    for match in _EN_OBJECT_TRIGGER.finditer(sentence):
        thing = _clause_after(sentence, match.end())
        inclusion = bool(re.match(r"includ|comes|free", match.group()))
        reason = _check_thing(thing, vocabulary, inclusion=inclusion, what="an offer")
        if reason:
            return reason
    for match in _HE_INCLUDED.finditer(sentence):
        before = _subject_before(sentence, match.start())
        after = _clause_after(sentence, match.end())
        stop = _HE_AFTER_INCLUDED_STOP.search(after)
        thing = before if before.strip() else after
        if not before.strip() and stop:
            thing = after[: stop.start()]
        word = match.group()
        inclusion = not re.match(r"זמי|ניתנ|ניתן|אפשר|מתקבל", word)
        reason = _check_thing(thing, vocabulary, inclusion=inclusion, what="an offer")
        if reason:
            return reason
    for match in _HE_OBJECT_TRIGGER.finditer(sentence):
        thing = _clause_after(sentence, match.end())
        if re.match(r"(?:אפשר|ניתן)", match.group()):
            # "אפשר לבוא עם הכלב": the verb after "אפשר" is no thing; the rest is.
            thing = re.sub(rf"^\s*ל[{HE}]+\s*", "", thing)
        inclusion = "כולל" in match.group()
        reason = _check_thing(thing, vocabulary, inclusion=inclusion, what="an offer")
        if reason:
            return reason
    return None


_KB_OFFER_LINE = re.compile(
    r"\b(?:free|included|includes?|complimentary|available|offer\w*|on\s+request|welcome)\b"
    rf"|{_HB}(?:כולל\w*|כלול\w*|חינם|בחינם|ללא\s+תשלום|זמינ\w*|ניתנ\w*|אפשר\w*|מציעים|בברכה)"
)


def offer_facts(knowledge_base: str) -> list[Fact]:
    """The knowledge base's lines that offer, include or make something available: what a
    reviewer should see beside an ``offer`` flag."""
    facts = []
    for start, end in split_spans(knowledge_base, re.compile(r"\n+")):
        line = knowledge_base[start:end].strip()
        if _KB_OFFER_LINE.search(normalise(line).text):
            facts.append(Fact(OFFER, line, line, start, end))
    return facts


# --- what a guarantee covers ----------------------------------------------------------------

_GUARANTEE_VOCABULARY = re.compile(
    r"\b(?:guarantee\w*|warrant\w*|promise\w*)\b"
    rf"|{_HB}(?:מובטח\w*|אחריות|מתחייב\w*|התחייבות|ערבות|מבטיח\w*)(?![{HE}])"
)


# "The result is guaranteed", "העבודה מובטחת": the service itself, which any guarantee of
# the business covers.
_SERVICE_ITSELF = frozenset(
    [
        "result",
        "results",
        "outcome",
        "work",
        "job",
        "quality",
        "satisfaction",
        "תוצאה",
        "תוצאות",
        "עבודה",
        "עבודות",
        "איכות",
    ]
)


def guarantee_reason(*, reply: str, start: int, knowledge_base: str) -> str | None:
    """Why the knowledge base's guarantee does not back the reply's "guaranteed", or None.

    "Guaranteed" is backed by a guarantee or warranty line of the knowledge base only when
    the sentence shares a word with that line and most of its words are in the knowledge
    base: a 6-year warranty on a boiler does not guarantee "no more hot-water trouble".
    A sentence with no content words ("we guarantee it") is backed by any guarantee.
    """
    norm = normalise(reply)
    sentence = ""
    for low, high in clause_spans(norm.text):
        first, last = norm.original_span(low, high)
        if first <= start < last:
            sentence = norm.text[low:high]
            break
    words = [
        word
        for word in _content(_canonical(_GUARANTEE_VOCABULARY.sub(" ", sentence)))
        if not _forms(word) & _SERVICE_ITSELF
    ]
    if not words:
        return None
    kb_text = _canonical(normalise(knowledge_base).text)
    lines = [line for line in kb_text.split("\n") if _KB_GUARANTEE.search(line)]
    if not lines:
        return None
    line_forms: set[str] = set()
    for line in lines:
        for word in re.findall(rf"[a-z]+|[{HE}]+", line):
            line_forms |= _forms(word)
    kb_forms: set[str] = set()
    for word in re.findall(rf"[a-z]+|[{HE}]+", kb_text):
        kb_forms |= _forms(word)
    english = sorted(form for form in kb_forms if form.isascii() and len(form) >= 4)
    shared = [word for word in words if _forms(word) & line_forms]
    missing = [word for word in words if not _known(word, kb_forms, english)]
    if shared and 2 * len(missing) < len(words):
        return None
    said = "; ".join(f"“{line.strip(' -')}”" for line in lines[:2])
    return f"guarantees something the knowledge base's guarantee does not cover ({said})"
