"""Named things from closed families: "we accept Apple Pay", "we work with Maccabi too".

A reply that asserts a payment method, health fund or insurer, language, town or area
served, amenity, kind of car (manual, automatic), dietary option, brand or branch (the
families and their spellings are in ``lexicon``)
must find that entity in the knowledge base, in any spelling of either language ("כללית" in
the knowledge base supports "Clalit"). It is flagged when:

- the knowledge base names it only as not offered ("No Amex", "אין חניה"): the evidence is
  that line;
- the knowledge base names others of its family and not it ("We accept cash and Bit"): the
  evidence is those lines ("the knowledge base names cash and Bit only");
- the knowledge base names nothing of its family: nothing supports it.

What is read as an assertion is conservative, since a false flag holds a correct reply for
a person. Questions, deflections ("I'm not sure about Maccabi, I'll check"), negations
("we don't take Amex", true or not), conditions ("if you pay by Bit") and what the customer
wrote quoted back ("you asked about parking") assert nothing. Words with other meanings
need a word of their family nearby: a health fund a word of insurance ("כללית" is also
"general"), a language a word of speaking ("French" may be a manicure), an amenity a word
of having ("there's parking"), an area a word of serving ("we cover the center"). A town the
customer named is asserted only with a "yes" or a word of serving ("Yes, we deliver to
Holon"). Services in general are ``offers``' business ("we also teach guitar"); a "yes" to
"do you do X?" whose X the knowledge base denies or never names is ``services``'.
``named_in_knowledge_base`` tells another check whether a thing is one the knowledge base
names, in either language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from agents.grounding.findings import ENTITY, Flag
from agents.grounding.lexicon import CARD_NETWORKS, READ_FAMILIES, Entity, Family
from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.text import NormalisedText, normalise, split_spans

_HB = rf"(?<![{HE}])"
_HE_END = rf"(?![{HE}])"
# One-letter prefixes before a Hebrew name: "ובחיפה", "שבביט", "ב-תל אביב", "הכשר".
_HE_PREFIX = rf"{_HB}(?:ו?ש?[בלמכ]?ה?-?)"


def _fragment(form: str) -> str:
    # A space in a form is a space or a dash ("tel-aviv", "wi fi"), one character wide so
    # that it may stand inside a lookbehind.
    return form.replace(" ", "[ -]")


def _alternations() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One pattern for the Latin names of every family and one for the Hebrew names, each
    group named for its family, entity and whether the form asserts on its own. Where two
    names start at one place the family listed first wins ("Apple Pay" the payment, not
    "Apple" the brand)."""
    english: list[str] = []
    hebrew: list[str] = []
    for rank, family in enumerate(READ_FAMILIES):
        for index, entity in enumerate(family.entities):
            for kind, latin, local in (
                ("n", entity.english, entity.hebrew),
                ("a", entity.asserting[:1], entity.asserting[1:]),
            ):
                name = f"f{rank}{kind}{index}"
                if latin:
                    forms = "|".join(_fragment(form) for form in latin)
                    plural = "(?:'?s)?" if family.key == "brand" else ""  # "Teslas"
                    english.append(f"(?P<{name}>(?:{forms}){plural})")
                if local:
                    forms = "|".join(_fragment(form) for form in local)
                    hebrew.append(f"(?P<{name}>{forms})")
    return (
        re.compile(rf"(?<![a-z0-9])(?=[a-z])(?:{'|'.join(english)})(?![a-z0-9])"),
        re.compile(rf"{_HE_PREFIX}(?:{'|'.join(hebrew)}){_HE_END}"),
    )


_ENGLISH, _HEBREW = _alternations()
_GROUP = re.compile(r"f(\d+)([na])(\d+)")
_HAS_HEBREW = re.compile(rf"[{HE}]")
_HAS_LATIN = re.compile(r"[a-z]")


@dataclass(frozen=True)
class _Mention:
    family: Family
    entity: Entity
    start: int  # in the normalised text
    end: int
    asserting: bool


def _mentions(norm: NormalisedText, low: int, high: int, *, reply: bool) -> list[_Mention]:
    """The entities named in ``norm.text[low:high]``; of two that overlap ("Apple Pay" the
    payment and "Apple" the brand), the longer."""
    text = norm.text
    found: list[_Mention] = []
    patterns = []
    if _HAS_LATIN.search(text, low, high):
        patterns.append(_ENGLISH)
    if _HAS_HEBREW.search(text, low, high):
        patterns.append(_HEBREW)
    for pattern in patterns:
        for match in pattern.finditer(text, low, high):
            parsed = _GROUP.fullmatch(match.lastgroup or "")
            if parsed is None:
                continue
            family = READ_FAMILIES[int(parsed.group(1))]
            entity = family.entities[int(parsed.group(3))]
            start, end = match.span()
            if entity.cased and reply and text[start].isascii():
                original = norm.original_text(start, end)
                if not any(char.isupper() for char in original):
                    continue
            found.append(_Mention(family, entity, start, end, asserting=parsed.group(2) == "a"))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[_Mention] = []
    for mention in found:
        if all(mention.end <= other.start or other.end <= mention.start for other in kept):
            kept.append(mention)
    kept.sort(key=lambda m: m.start)
    return kept


# --- how a sentence is read -----------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"\n+|(?<!\ba\.m)(?<!\bp\.m)[.!?;]+(?=\s|$)|\s-\s|\s*[\u2022|]\s*")
# Where a negation stops: "we take Visa, not Amex", "cash and Bit but no cheques".
_CHUNK_BREAK = re.compile(
    r",|\(|\)|\s(?:but|however|although|though|whereas|while|except\s+that)\s"
    r"|\s(?=(?:and|or)\s+(?:not|no)\b)|\s(?:אבל|אך|אולם|אלא)\s|\s(?=ולא(?![א-ת]))"
)
# "No problem", "no extra charge", "אין בעיה": a "no" that denies nothing of the entity.
NOT_A_NEGATION = re.compile(
    r"\bno\s+(?:problem|problems|worries|need|extra|additional|hidden|charge|cost|fee|doubt"
    r"|limit|minimum|questions\s+asked)\b|\bnot\s+only\b|\bwithout\s+(?:any\s+)?(?:extra\s+"
    r"|additional\s+)?(?:charge|cost|fee|payment)s?\b|\bno\s+matter\b|\bnot\s+just\b"
    rf"|{_HB}(?:אין\s+בעיה|אין\s+צורך|ללא\s+(?:תוספת|תשלום|עלות|חיוב|הגבלה)|בלי\s+(?:תוספת"
    rf"|תשלום|עלות|הגבלה)|לא\s+רק|אין\s+ספק|אין\s+מינימום|ללא\s+מינימום){_HE_END}"
    # A dietary option said with a "without": "gluten-free", "ללא גלוטן".
    r"|\b(?:without|no)\s+(?:added\s+)?(?:gluten|sugar|lactose|dairy)\b"
    rf"|{_HB}ו?(?:ללא|בלי)\s+(?:תוספת\s+)?(?:גלוטן|סוכר|לקטוז|חלב){_HE_END}"
)
_NEGATION = re.compile(
    r"\b(?:not|no|none|never|neither|nor|without|except|excluding|unable|outside|beyond"
    r"|instead\s+of|apart\s+from|other\s+than|besides|no\s+longer|unavailable)\b|n't\b"
    rf"|{_HB}(?:ו?ש?(?:לא|אין|אינו|אינה|אינם|אינן|איננו|איננה|ללא|בלי|אסור)|מלבד|למעט|מחוץ){_HE_END}"
    rf"|{_HB}חוץ\s+מ"
)
CONDITION = re.compile(
    r"^\s*(?:and\s+|or\s+)?(?:if|in\s+case|whether|unless|should\s+you|once\s+you)\b"
    rf"|^\s*(?:ו?אם|במידה\s+ו?|במקרה\s+ש|כש|ברגע\s+ש){_HE_END}"
)
# What the customer wrote, quoted back: "you asked about parking", "ציינת שאת במכבי".
_QUOTED = re.compile(
    r"\byou(?:'ve)?\s+(?:asked|mentioned|said|wrote|wanted|prefer|requested)\b|\basked\s+about\b"
    rf"|{_HB}(?:שאלת|ציינת|כתבת|הזכרת|ביקשת|אמרת){_HE_END}"
)
DEFLECTION = re.compile(
    r"\b(?:not\s+sure|not\s+certain|let\s+me\s+(?:check|ask|find)|i'll\s+(?:check|ask|find"
    r"|pass|forward|confirm|get\s+back|look\s+into|update)|i\s+will\s+(?:check|ask|find"
    r"|pass|forward|confirm)|check\s+with|ask\s+(?:the|my|our)\s+team|find\s+out|get\s+back"
    r"\s+to\s+you|don't\s+have\s+(?:that|this|the|any)?\s*(?:info|information|details)"
    r"|don't\s+know|pass\s+(?:it|this|that|your\s+\w+)\s+on|double[\s-]check|can't\s+confirm"
    r"|cannot\s+confirm|can't\s+say|someone\s+will\s+(?:confirm|get\s+back|let\s+you\s+know))"
    rf"|{_HB}(?:לא\s+בטוח\w*|אבדוק|נבדוק|אברר|נברר|אשאל|נשאל|אעביר|נעביר|אחזור|נחזור|אעדכן"
    rf"|נעדכן|בודק|בודקת|לברר|לבדוק|אין\s+לי\s+(?:מידע|את\s+המידע)|אין\s+ברשותי|לא\s+יודע\w*"
    rf"|לא\s+יכול\w*\s+לאשר|יחזרו\s+אלי\w*|יעדכנו){_HE_END}"
)
_GLUE = re.compile(
    r"\b(?:and|or|also|too|as\s+well(?:\s+as)?|both|plus|either|the|a|an|all|of|only|just)\b"
    rf"|{_HB}(?:ו?גם|או|וכן|כמו|רק|בלבד|את){_HE_END}|[^a-z{HE}]"
)

# Words of each family that make its ambiguous words name it.
_INSURER_CUE = re.compile(
    r"\b(?:health\s+funds?|kupat|hmo|insur\w*|members?(?:hip)?|covered|coverage|reimburs\w*"
    r"|agreements?|arrangements?|in[\s-]network|network|work(?:s|ing)?\s+(?:\w+\s+)?with|partner\w*|accept\w*"
    r"|recogni[sz]\w*|through|via|form\s+17|discounts?|patients?|policy|policies)\b"
    rf"|{_HB}(?:ו?[בל]?ה?(?:קופ[{HE}]*|ביטוח[{HE}]*|מבוטח[{HE}]*|חברי|מנויי|הסדר[{HE}]*"
    rf"|החזר[{HE}]*|מכוס[{HE}]*|כיסוי|שב\"ן|משלים|מושלם|זהב|פלטינום|טופס\s+17|התחייבות"
    rf"|הנח[{HE}]*|מטופל[{HE}]*|חברת)|עובד[{HE}]*\s+(?:גם\s+|רק\s+)?עם|מקבל[{HE}]*|מכבד[{HE}]*){_HE_END}"
)
_LANGUAGE_CUE = re.compile(
    r"\b(?:speak\w*|spoken|fluent\w*|languages?|bilingual|multilingual|native)\b"
    rf"|{_HB}(?:ו?ש?(?:דובר[{HE}]*|מדבר[{HE}]*|לדבר|נדבר|שפה|שפות|שפת|בשפה|בשפת|בשפות)){_HE_END}"
)
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|speak\w*|spoken|fluent\w*)\s+(?:both\s+|either\s+)?$")
_LANGUAGE_AFTER = re.compile(
    r"^[\s-]*(?:speaking|speakers?|menus?|versions?|subtitles|translations?|interpret\w*"
    r"|guides?|tours?|lessons?|classes|courses?|instruct\w*|teachers?|tutors?|language)\b"
)
_LANGUAGE_CHAIN = re.compile(r"^\s*(?:,|and|or|&|as\s+well\s+as|ו|או)?\s*$")
_FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|i'll|i've|i'd|me)\b|(?<![א-ת])(?:אני|אוכל|אענה|אמשיך|אכתוב|אשמח)(?![א-ת])"
)
_WE = re.compile(
    r"\b(?:we|our|we're|staff|team|teachers?|doctors?|instructors?|guides?)\b"
    rf"|{_HB}(?:אנחנו|אנו|שלנו|הצוות|צוות|המורים|המדריכים|הרופא\w*){_HE_END}"
)
_AMENITY_CUE = re.compile(
    r"\b(?:we\s+have|we've\s+got|there(?:'s|\s+is|\s+are|'re)|has|have|comes?\s+with|with"
    r"|offer\w*|provid\w*|available|on[\s-]?site|free|complimentary|included|includes?"
    r"|on\s+the\s+house|you\s+can|equipped|plenty|nearby|right\s+(?:outside|next)"
    r"|in\s+the\s+building|for\s+(?:guests|customers|clients|visitors)|while\s+you\s+wait"
    r"|enjoy|fully|easy)\b"
    rf"|{_HB}(?:ו?(?:יש|זמינ[{HE}]*|זמין|במקום|בחינם|חינם|חינמי[{HE}]*|כולל[{HE}]*|כלול[{HE}]*"
    rf"|מציעים|לרשות[{HE}]*|ליד|צמוד[{HE}]*|בבניין|כיבוד|עם|גם|אפשר|ניתן|חופשי[{HE}]*)){_HE_END}"
)
_AREA_CUE = re.compile(
    r"\b(?:serv\w*|cover\w*|deliver\w*|ship\w*|come|comes|coming|travel\w*|work|works"
    r"|working|operat\w*|available|arrive|reach|branch\w*|install\w*|customers|clients"
    r"|anywhere|throughout|based|located|all\s+over|whole|entire|area|region)\b"
    rf"|{_HB}(?:ו?ש?(?:משרת[{HE}]*|מגיע[{HE}]*|נגיע|עובד[{HE}]*|פועל[{HE}]*|שולח[{HE}]*"
    rf"|משלוח[{HE}]*|מתקינ[{HE}]*|זמינ[{HE}]*|פריס[{HE}]*|סניפ[{HE}]*|לקוחות|אזור|באזור"
    rf"|איזור|באיזור|נמצא[{HE}]*|ממוקמ[{HE}]*|כל|בכל)){_HE_END}"
)
_TRANSMISSION_CUE = re.compile(
    r"\b(?:cars?|vehicles?|drive|driving|driver|lessons?|gears?|gearbox|transmission|licen[cs]e"
    r"|test|learn\w*|teach\w*|rent\w*|hire)\b"
    rf"|{_HB}ו?[בלה]?(?:רכב|רכבים|גיר|הילוכים|נהיגה|לנהוג|שיעור[{HE}]*|רישיון|טסט|ללמוד|לומד[{HE}]*"
    rf"|מלמד[{HE}]*|השכרה|להשכיר){_HE_END}"
)
# What the customer named, said back ("A 2016 Mazda 3, got it"), asserts it only with a
# "yes" or a "we": "Yes, we deliver to Holon", "Sure, we service Teslas".
_SAYS_YES = re.compile(
    r"\b(?:yes|yep|yeah|sure|of\s+course|definitely|absolutely|no\s+problem|we|we're|we've"
    r"|our|works|available|accepted|welcome|there's|there\s+(?:is|are)|you\s+can)\b"
    rf"|{_HB}(?:כן|בטח|בהחלט|כמובן|ברור|אין\s+בעיה|אנחנו|אנו|שלנו|אצלנו|יש|ו?(?:מגיע[{HE}]*"
    rf"|משרת[{HE}]*|שולח[{HE}]*|משלוח[{HE}]*|סניפ[{HE}]*|עובד[{HE}]*|נמצא[{HE}]*|מקבל[{HE}]*"
    rf"|מטפל[{HE}]*|מתקנ[{HE}]*|זמינ[{HE}]*|אפשר|ניתן|מכבד[{HE}]*)){_HE_END}"
)


@dataclass
class _Chunk:
    low: int
    high: int
    negated: bool
    skipped: bool
    pure_list: bool = False
    context_low: int = 0  # where the words this chunk continues begin


def _pure_list(text: str, mentions: list[_Mention], low: int, high: int) -> bool:
    """ "Diners or cheques": nothing but names and "and"/"or", continuing the chunk before."""
    inside = [m for m in mentions if low <= m.start and m.end <= high]
    if not inside:
        return False
    rest = list(text[low:high])
    for mention in inside:
        rest[mention.start - low : mention.end - low] = " " * (mention.end - mention.start)
    return not _GLUE.sub(" ", "".join(rest)).strip()


def _chunks(text: str, low: int, high: int, mentions: list[_Mention]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    # The chunks outside parentheses: a list after "(... without interest)" continues what
    # came before the aside, not the aside ("credit card (no interest), cash, Bit").
    outside: list[_Chunk] = []
    for start, end in split_spans(text[low:high], _CHUNK_BREAK):
        start, end = start + low, end + low
        piece = text[start:end]
        negated = bool(_NEGATION.search(NOT_A_NEGATION.sub(" ", piece)))
        skipped = bool(CONDITION.search(piece) or _QUOTED.search(piece))
        chunk = _Chunk(start, end, negated, skipped, context_low=start)
        before_chunk = text[low:start]
        aside = before_chunk.count("(") > before_chunk.count(")")
        if not aside and chunks and _pure_list(text, mentions, start, end):
            before = outside[-1] if outside else chunks[-1]
            chunk.negated = before.negated
            chunk.skipped = before.skipped
            chunk.pure_list = True
            chunk.context_low = before.context_low
        chunks.append(chunk)
        if not aside:
            outside.append(chunk)
    return chunks


# --- what the knowledge base names ----------------------------------------------------------


@dataclass
class _KnowledgeBase:
    text: str
    positive: dict[str, list[str]] = field(default_factory=dict)  # key -> lines
    negative: dict[str, list[str]] = field(default_factory=dict)
    named: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # family -> (key, name)
    has_branches: bool = False


_KB_BRANCH = re.compile(
    r"\b(?:branch|branches|locations|outlets|stores|shops)\b"
    rf"|{_HB}[הבל]?(?:סניף|סניפים|סניפי|סניפינו){_HE_END}"
)


def _add(table: dict[str, list[str]], key: str, line: str) -> None:
    lines = table.setdefault(key, [])
    if line not in lines:
        lines.append(line)


@lru_cache(maxsize=256)
def _knowledge_base(knowledge_base: str) -> _KnowledgeBase:
    view = _KnowledgeBase(text=normalise(knowledge_base).text)
    view.has_branches = bool(_KB_BRANCH.search(view.text))
    for raw in knowledge_base.splitlines():
        line = raw.strip()
        if not line:
            continue
        norm = normalise(line)
        text = norm.text
        mentions = _mentions(norm, 0, len(text), reply=False)
        if not mentions:
            continue
        for low, high in split_spans(text, _SENTENCE_BREAK):
            chunks = _chunks(text, low, high, mentions)
            for mention in mentions:
                if not low <= mention.start < high:
                    continue
                chunk = next((c for c in chunks if c.low <= mention.start < c.high), None)
                key = mention.entity.key
                if chunk is not None and chunk.negated:
                    _add(view.negative, key, line)
                else:
                    _add(view.positive, key, line)
                    named = view.named.setdefault(mention.family.key, [])
                    if (key, mention.entity.name) not in named:
                        named.append((key, mention.entity.name))
    return view


def _support_keys(mention: _Mention, kb: _KnowledgeBase) -> Iterable[str]:
    """The knowledge-base keys any one of which supports ``mention``."""
    entity = mention.entity
    yield entity.key
    yield from entity.within
    if entity.key == "credit_card":
        yield from CARD_NETWORKS
    if entity.key in CARD_NETWORKS and not any(key in kb.positive for key in CARD_NETWORKS):
        # "Credit cards accepted" covers Visa, unless the knowledge base lists the cards.
        yield "credit_card"


def _names(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _verdict(mention: _Mention, kb: _KnowledgeBase) -> tuple[str, tuple[str, ...]] | None:
    """Why the knowledge base does not support ``mention``, and its contradicting lines."""
    entity, family = mention.entity, mention.family
    keys = list(_support_keys(mention, kb))
    if any(key in kb.positive for key in keys):
        return None
    if entity.key in kb.negative:
        said = family.no.format(name=re.sub(r"^an?\s+", "", entity.name))
        return f"the knowledge base says {said}", tuple(kb.negative[entity.key])
    # "We don't cover the Krayot" rules out Kiryat Bialik; "not nationwide" rules out no town.
    for key in entity.within:
        if key != "nationwide" and key in kb.negative:
            region = next(e.name for e in family.entities if e.key == key)
            said = family.no.format(name=re.sub(r"^an?\s+", "", region))
            return f"{entity.name} is in {region}, and the knowledge base says {said}", tuple(
                kb.negative[key]
            )
    others = kb.named.get(family.key, [])
    if others:
        lines: list[str] = []
        for key, _ in others:
            for line in kb.positive.get(key, []):
                if line not in lines:
                    lines.append(line)
        names = [name for _, name in others]
        return f"the knowledge base names {_names(names[:4])} only", tuple(lines[:3])
    return f"the knowledge base does not name {entity.name} as {family.what}", ()


# --- the reply ------------------------------------------------------------------------------


def _cued(
    mention: _Mention,
    text: str,
    sentence: tuple[int, int],
    chunk: _Chunk,
    question: str,
    previous: _Mention | None,
) -> bool:
    """Whether an ambiguous word is used as the name of its family's entity here."""
    if mention.asserting or not mention.entity.cue:
        return True
    low, high = sentence
    said = text[low:high]
    family = mention.family.key
    if family == "insurer":
        return bool(_INSURER_CUE.search(said) or _INSURER_CUE.search(question))
    if family == "amenity":
        return bool(_AMENITY_CUE.search(said))
    if family == "transmission":
        return bool(_TRANSMISSION_CUE.search(said) or _TRANSMISSION_CUE.search(question))
    if family == "place":
        return bool(_AREA_CUE.search(said))
    if family == "language":
        if _FIRST_PERSON.search(said) and not _WE.search(said):
            return False
        word = text[mention.start : mention.end]
        if word[0] in "בו" and not word.isascii() and re.match(r"ו?ב", word):
            return True
        if _LANGUAGE_CUE.search(said):
            return True
        if _LANGUAGE_BEFORE.search(text[chunk.context_low : mention.start]):
            return True
        if _LANGUAGE_AFTER.search(text[mention.end : high]):
            return True
        if previous is not None and previous.family.key == "language":
            return bool(_LANGUAGE_CHAIN.match(text[previous.end : mention.start]))
        return False
    return True


def _asserted(
    norm: NormalisedText, question: str, question_keys: frozenset[str]
) -> Iterable[_Mention]:
    """The mentions of the reply that assert their entity."""
    text = norm.text
    for low, high in split_spans(text, _SENTENCE_BREAK):
        sentence = text[low:high]
        if "?" in sentence or "?" in text[high : high + 2] or DEFLECTION.search(sentence):
            continue
        mentions = _mentions(norm, low, high, reply=True)
        if not mentions:
            continue
        chunks = _chunks(text, low, high, mentions)
        cued: dict[int, bool] = {}
        previous: _Mention | None = None
        for mention in mentions:
            if mention.family.key == "term":
                continue  # a term only ever supports
            chunk = next((c for c in chunks if c.low <= mention.start < c.high), None)
            if chunk is None or chunk.negated or chunk.skipped:
                previous = None
                continue
            ok = _cued(mention, text, (low, high), chunk, question, previous)
            if not ok and previous is not None and cued.get(id(previous)):
                # A list continues what its first name was: "in English, Russian and Arabic".
                ok = previous.family is mention.family and bool(
                    re.fullmatch(
                        r"[\s,&/]*(?:and|or|ו|או)?[\s,&/]*", text[previous.end : mention.start]
                    )
                )
            cued[id(mention)] = ok
            previous = mention
            if not ok:
                continue
            if mention.entity.key in question_keys and not _SAYS_YES.search(sentence):
                continue
            yield mention


# "Our branch in Herzliya", "הסניף שלנו בקניון עזריאלי": the place must be in the KB.
_EN_BRANCH = re.compile(
    r"\b(?:our|the|a|another|a\s+second|one\s+more|new)\s+(?:other\s+|second\s+|new\s+|main\s+)?"
    r"(?:branch|location|outlet|store)\s+(?:is\s+)?(?:in|at|on)\s+"
)
_HE_BRANCH = re.compile(
    rf"{_HB}ו?[הבל]?סניף(?:\s+(?:שלנו|נוסף|חדש|גם))*\s+(?:נמצא\s+|נוסף\s+)?(?=[בל]-?[{HE}])"
)
_EN_OTHER_BRANCH = re.compile(
    r"\b(?:another|a\s+second|our\s+other|other)\s+(?:branch|branches|location|locations)\b"
)
_HE_OTHER_BRANCH = re.compile(rf"{_HB}ו?[הבל]?(?:סניף\s+נוסף|סניפים\s+נוספים|סניף\s+שני){_HE_END}")
_PLACE_WORDS = re.compile(rf"[a-z][a-z'-]*|[{HE}][{HE}'\"]*")
_PLACE_STOP = frozenset(["the", "a", "an", "street", "st", "mall", "center", "centre", "city"])


def _place_known(words: list[str], kb_text: str) -> bool:
    for word in words:
        if word in _PLACE_STOP or len(word) < 2:
            continue
        bare = word
        if not word.isascii():
            bare = re.sub(r"^ו?[בלמ]?-?", "", word) or word
        if bare not in kb_text and word not in kb_text:
            return False
    return True


def _branch_flags(
    norm: NormalisedText, kb: _KnowledgeBase, taken: list[tuple[int, int]]
) -> list[Flag]:
    text = norm.text
    flags = []
    for low, high in split_spans(text, _SENTENCE_BREAK):
        sentence = text[low:high]
        if "?" in sentence or "?" in text[high : high + 2] or DEFLECTION.search(sentence):
            continue
        if _NEGATION.search(NOT_A_NEGATION.sub(" ", sentence)) or CONDITION.search(sentence):
            continue
        spans: list[tuple[int, int, str]] = []
        for pattern in (_EN_BRANCH, _HE_BRANCH):
            for match in pattern.finditer(text, low, high):
                tail = text[match.end() : high]
                stop = re.search(r"[,;:!()]|\s(?:and|but|which|where|with|ו|עם|אבל)\s", tail)
                tail = tail[: stop.start()] if stop else tail
                words: list[str] = []
                end = match.end()
                for word in _PLACE_WORDS.finditer(tail):
                    # An English place is its capitalised words: "Kiryat Ono", not "is open".
                    at = match.end() + word.start()
                    if len(words) == (3 if word.group().isascii() else 2) or (
                        word.group().isascii() and not norm.original_text(at, at + 1).isupper()
                    ):
                        break
                    words.append(word.group())
                    end = match.end() + word.end()
                if words and not _place_known(words, kb.text):
                    spans.append((match.start(), end, " ".join(words)))
        if not spans and not kb.has_branches:
            for pattern in (_EN_OTHER_BRANCH, _HE_OTHER_BRANCH):
                for match in pattern.finditer(text, low, high):
                    spans.append((match.start(), match.end(), ""))
        for start, end, place in spans:
            if any(start < b and a < end for a, b in taken):
                continue
            first, last = norm.original_span(start, end)
            reason = (
                f"the knowledge base names no branch in {place}"
                if place
                else "the knowledge base names no other branch"
            )
            flags.append(Flag(ENTITY, norm.original[first:last], first, last, reason))
    return flags


# "We use Davines", "אנחנו עובדים עם Davines": a product name the knowledge base must name.
_BRAND_TRIGGER = re.compile(
    r"\bwe\s+(?:only\s+|also\s+|mainly\s+|mostly\s+|exclusively\s+|now\s+)?(?:use|carry|stock"
    r"|sell|work\s+with)\s+(?:only\s+)?(?:(?:products|brands?|gear|parts)\s+(?:by|from)\s+)?"
    rf"|{_HB}(?:אנחנו\s+|אנו\s+)?(?:ו?(?:עובדים|עובדת|משתמשים|משתמשת|מוכרים|מוכרת))\s+"
    rf"(?:רק\s+|גם\s+|בעיקר\s+)?(?:עם\s+(?:מוצרי\s+)?|במוצרי\s+|ב-?)?"
)
_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9'&.-]*(?:\s+[A-Z][A-Za-z0-9'&-]*){0,2}")
_NOT_BRANDS = frozenset(
    ["I", "The", "Our", "Only", "All", "Both", "Each", "Every", "Any", "Some", "Most", "A", "An"]
)


def _brand_flags(
    norm: NormalisedText, kb: _KnowledgeBase, taken: list[tuple[int, int]]
) -> list[Flag]:
    text = norm.text
    flags = []
    for low, high in split_spans(text, _SENTENCE_BREAK):
        sentence = text[low:high]
        if "?" in sentence or "?" in text[high : high + 2] or DEFLECTION.search(sentence):
            continue
        for match in _BRAND_TRIGGER.finditer(text, low, high):
            if _NEGATION.search(NOT_A_NEGATION.sub(" ", text[low : match.start()])):
                continue
            first, _ = norm.original_span(match.end(), match.end() + 1)
            found = _CAPITALISED.match(norm.original, first)
            if not found or found.group().split()[0] in _NOT_BRANDS:
                continue
            name = found.group().rstrip(".'-")
            start, end = found.start(), found.start() + len(name)
            if any(start < b and a < end for a, b in taken):
                continue
            folded = normalise(name).text
            if folded in kb.text or folded.replace(" ", "") in kb.text.replace(" ", ""):
                continue
            flags.append(
                Flag(
                    ENTITY, name, start, end, f"the knowledge base does not name {name} as a brand"
                )
            )
    return flags


def entities_flags(*, reply: str, knowledge_base: str, question: str = "") -> list[Flag]:
    """Flag each payment method, health fund, language, place, amenity, brand or branch the
    reply asserts and the knowledge base does not name, or names as not offered."""
    if not reply.strip():
        return []
    norm = normalise(reply)
    kb = _knowledge_base(knowledge_base)
    question_keys = _question_keys(question)
    question_text = normalise(question).text if question else ""
    flags: list[Flag] = []
    taken: list[tuple[int, int]] = []
    places: list[tuple[int, int]] = []  # a town said of a branch is the branch's claim
    for mention in _asserted(norm, question_text, question_keys):
        first, last = norm.original_span(mention.start, mention.end)
        if mention.family.key == "place":
            places.append((first, last))
        else:
            taken.append((mention.start, mention.end))
        verdict = _verdict(mention, kb)
        if verdict is None:
            continue
        reason, evidence = verdict
        claim = reply[first:last]
        flags.append(Flag(ENTITY, claim, first, last, reason, evidence))
    branches = _branch_flags(norm, kb, taken)
    flags = [flag for flag in flags if not any(flag.overlaps(b.start, b.end) for b in branches)]
    original_taken = [norm.original_span(a, b) for a, b in taken] + places
    flags += branches
    flags += _brand_flags(norm, kb, original_taken)
    return flags


@lru_cache(maxsize=4096)
def named_in_knowledge_base(text: str, knowledge_base: str) -> bool:
    """Whether ``text`` names an entity or term the knowledge base names as offered."""
    if not text.strip():
        return False
    norm = normalise(text)
    kb = _knowledge_base(knowledge_base)
    for mention in _mentions(norm, 0, len(norm.text), reply=False):
        if any(key in kb.positive for key in _support_keys(mention, kb)):
            return True
    return False


@lru_cache(maxsize=256)
def _question_keys(question: str) -> frozenset[str]:
    if not question:
        return frozenset()
    norm = normalise(question)
    return frozenset(m.entity.key for m in _mentions(norm, 0, len(norm.text), reply=False))
