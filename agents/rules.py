"""Rule-based answers for when the LLM is down: keywords or a pattern -> a canned response.

Matching, in order
    Active rules of the business by priority (lower first), skipping default rules and rules
    written for another language; the first whose keywords or pattern match answers. If none
    does, the default rule of the message's language answers (a default with no language is
    the last resort); if there is none, ``rule_match`` returns None and the caller hands the
    conversation to a person.

Keywords
    Comma-separated words or phrases, matched as whole words, ignoring case and Hebrew
    niqqud. Hebrew glues prepositions and articles to the next word (ו and, ה the, ב in,
    ל to, מ from, ש that, כ as), so "המחיר", "במחיר" and "ומה המחירים" must find a rule
    written for "מחיר" / "מחירים": a Hebrew keyword tolerates up to four of those
    prefix letters ("וכשהמחיר", "and when the price").

Patterns
    Python regular expressions searched case-insensitively in the message (niqqud removed).
    The owner writes them in the browser and a worker runs them, so they are checked on the
    way in: they must compile, stay short, and not nest repetition (``(a+)+``), the classic
    way a pattern takes forever.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from django.utils.translation import gettext

from agents.models import Business, Rule

HEBREW_PREFIXES = "ובהלמשכ"
MAX_PATTERN_LENGTH = 300
# Customer messages are short; a pathological one gains nothing from being read whole.
MAX_TEXT_LENGTH = 2000

_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")
# A group holding a quantifier, itself quantified: (a+)+, (\w*\s?)*, (x{2,}){3}.
_NESTED_REPETITION = re.compile(
    r"\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,?\d*\})(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,?\d*\})"
)


def normalise(text: str) -> str:
    """Case-folded, niqqud and other combining marks removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def keywords_of(match: str) -> list[str]:
    return [word for word in (part.strip() for part in match.split(",")) if word]


@functools.lru_cache(maxsize=2048)
def _keyword_regex(keyword: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in normalise(keyword).split()]
    body = r"\s+".join(words)
    prefix = f"[{HEBREW_PREFIXES}]{{0,4}}" if _HEBREW_LETTER.match(words[0]) else ""
    # Lookarounds rather than \b: a keyword may begin or end with a non-word character.
    return re.compile(rf"(?<!\w){prefix}{body}(?!\w)")


def keywords_match(*, match: str, text: str) -> bool:
    normalised = normalise(text[:MAX_TEXT_LENGTH])
    return any(_keyword_regex(keyword).search(normalised) for keyword in keywords_of(match))


def pattern_match(*, pattern: str, text: str) -> bool:
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error:
        return False  # saved before validation existed; never let one rule break the rest
    return compiled.search(normalise(text[:MAX_TEXT_LENGTH])) is not None


def pattern_problem(pattern: str) -> str | None:
    """Why a pattern cannot be saved, in words an owner can act on; None if it is fine."""
    if not pattern.strip():
        return gettext("Enter a pattern.")
    if len(pattern) > MAX_PATTERN_LENGTH:
        return gettext("Keep the pattern under %(limit)s characters.") % {
            "limit": MAX_PATTERN_LENGTH
        }
    try:
        re.compile(pattern)
    except re.error as error:
        return gettext("This is not a valid regular expression: %(error)s.") % {"error": error}
    if _NESTED_REPETITION.search(pattern):
        return gettext(
            "A repeated group that itself repeats, such as (a+)+, can take forever on some "
            "messages. Simplify the pattern."
        )
    return None


def rule_problems(*, kind: str, match: str, is_default: bool) -> dict[str, str]:
    """Field errors for a rule's matching part (the form and the services share this)."""
    if is_default and not match.strip():
        return {}  # a default answers whatever nothing else did; it needs nothing to match
    if kind == Rule.Kind.PATTERN:
        problem = pattern_problem(match)
        return {"match": problem} if problem else {}
    if not keywords_of(match):
        return {"match": gettext("Enter at least one keyword, separated by commas.")}
    return {}


def rule_matches(*, rule: Rule, text: str) -> bool:
    if not rule.match.strip():
        return False
    if rule.kind == Rule.Kind.PATTERN:
        return pattern_match(pattern=rule.match, text=text)
    return keywords_match(match=rule.match, text=text)


def rule_match(*, business: Business, text: str, language: str) -> Rule | None:
    """The rule that answers ``text``: the first matching one, else the language's default."""
    rules = list(Rule.objects.filter(business=business, is_active=True).order_by("priority", "id"))
    fits = [rule for rule in rules if rule.language in ("", language)]
    for rule in fits:
        if not rule.is_default and rule_matches(rule=rule, text=text):
            return rule
    defaults = [rule for rule in fits if rule.is_default]
    # The default written for this language beats one written for any language.
    defaults.sort(key=lambda rule: rule.language != language)
    return defaults[0] if defaults else None


# --- the default set --------------------------------------------------------------------------
# Rules cannot read the knowledge base, so they never state a fact (a price, an hour, an
# address): they acknowledge the topic and promise a person, and hand the conversation to
# the inbox so that a person does answer. Owners edit them with their
# real hours and address. Topics run before greetings and thanks, so "Hi, how much is a
# haircut?" gets the prices answer.

DEFAULT_RULES: tuple[dict[str, object], ...] = (
    {
        "name": "Prices",
        "hands_to_people": True,
        "language": "en",
        "priority": 10,
        "match": "price, prices, pricing, cost, costs, how much, fee, fees, rate, rates, quote",
        "response": "Thanks for asking! A team member will send you our current prices shortly.",
    },
    {
        "name": "Prices",
        "hands_to_people": True,
        "language": "he",
        "priority": 10,
        "match": "מחיר, מחירים, מחירון, כמה עולה, כמה זה עולה, עלות, תעריף, הצעת מחיר",
        # Not "עולה" alone: with a prefix it is "מעולה" ("excellent").
        "response": "תודה על השאלה! נציג מהצוות ישלח לך את המחירים העדכניים בהקדם.",
    },
    {
        "name": "Opening hours",
        "hands_to_people": True,
        "language": "en",
        "priority": 20,
        "match": "hours, opening hours, open, opens, close, closes, closed, when are you",
        "response": "Thanks for asking! A team member will confirm our opening hours shortly.",
    },
    {
        "name": "Opening hours",
        "hands_to_people": True,
        "language": "he",
        "priority": 20,
        "match": "שעות, שעות פתיחה, פתוח, פתוחים, פותחים, סגור, סגורים",
        "response": "תודה על השאלה! נציג מהצוות יאשר לך את שעות הפתיחה בהקדם.",
    },
    {
        "name": "Location",
        "hands_to_people": True,
        "language": "en",
        "priority": 30,
        "match": "address, location, where, directions, parking, find you",
        "response": "A team member will send you our address and directions shortly.",
    },
    {
        "name": "Location",
        "hands_to_people": True,
        "language": "he",
        "priority": 30,
        "match": "כתובת, מיקום, איפה, היכן, הגעה, להגיע, חניה",
        "response": "נציג מהצוות ישלח לך את הכתובת והוראות הגעה בהקדם.",
    },
    {
        "name": "Booking",
        "hands_to_people": True,
        "language": "en",
        "priority": 40,
        "match": "book, booking, appointment, reserve, reservation, schedule, available, availability, slot",
        "response": "We'd be happy to book you in! A team member will get back to you shortly to find a time.",
    },
    {
        "name": "Booking",
        "hands_to_people": True,
        "language": "he",
        "priority": 40,
        "match": "תור, תורים, לקבוע, לקבוע תור, להזמין, הזמנה, פגישה, זמינות, פנוי",
        "response": "נשמח לקבוע לך תור! נציג מהצוות יחזור אליך בהקדם כדי למצוא זמן מתאים.",
    },
    {
        "name": "Thanks",
        "language": "en",
        "priority": 80,
        "match": "thanks, thank you, thx, cheers, appreciate it",
        "response": "You're welcome! Is there anything else we can help with?",
    },
    {
        "name": "Thanks",
        "language": "he",
        "priority": 80,
        "match": "תודה, תודה רבה, תנקס, מעריך, מעריכה",
        "response": "בשמחה! אפשר לעזור במשהו נוסף?",
    },
    {
        "name": "Greeting",
        "language": "en",
        "priority": 90,
        "match": "hi, hello, hey, good morning, good afternoon, good evening",
        "response": "Hello! Thanks for getting in touch. How can we help you today?",
    },
    {
        "name": "Greeting",
        "language": "he",
        # Not "הי": with prefixes it would also match "מהי" ("what is").
        "priority": 90,
        "match": "שלום, היי, אהלן, בוקר טוב, ערב טוב, צהריים טובים",
        "response": "שלום! תודה שפנית אלינו. איך אפשר לעזור?",
    },
    {
        "name": "Default",
        "hands_to_people": True,
        "language": "en",
        "priority": 1000,
        "is_default": True,
        "match": "",
        "response": "Thanks for your message! A member of our team will get back to you shortly.",
    },
    {
        "name": "Default",
        "hands_to_people": True,
        "language": "he",
        "priority": 1000,
        "is_default": True,
        "match": "",
        "response": "תודה על ההודעה! נציג מהצוות יחזור אליך בהקדם.",
    },
)
