"""A "yes" to "do you do X?": the reply says the business offers what the customer asked about.

"Do you fix e-scooters?" "Yes, we repair e-scooters too." The thing asked about (X) is
read from the customer's capability question ("do you do / fix / have / sell X?", "can you
ship X?", "is there X?", "יש לכם X?", "אתם מתקנים X?", "אפשר ללמוד X?"), and the reply is
held to the knowledge base when it answers yes (or asserts it: "we", "יש", "אפשר") and
names X again, outside a question, a negation, a condition or a deflection. It is flagged
when, for a word of X that the knowledge base never names as offered:

- the knowledge base denies it ("No e-scooters", "We do not do microblading", "אין לנו
  בלונים"): the evidence is that line. A denial is a "no"/"not" before the word with nothing
  after it that narrows it ("no classes on Saturday" says there are classes; "אין משלוחים
  מחוץ לעיר" that there is delivery). A verb of the question ("can you ship?", "אפשר
  לאסוף?") is denied only by a "no" ("No shipping", "אין שירות איסוף") or a "not" that
  denies nothing else ("we don't deliver"), never by "I don't teach university courses";
- or the knowledge base, written in the script of X, names no word of X in any form
  (English plurals and stems, Hebrew prefixes, endings and the verb/noun skeleton "לאסוף"
  ~ "איסוף"), nor a lexicon entity X names ("sauna" is "סאונה"): nothing supports it.

Words are compared, not meanings, so the rule is narrow on purpose: a word the knowledge
base names as offered anywhere ("Water heater replacement") is never flagged, and a knowledge
base in the other language than X is only compared through ``lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from agents.grounding.entities import CONDITION, DEFLECTION, NOT_A_NEGATION, named_in_knowledge_base
from agents.grounding.findings import ENTITY, Flag
from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.text import normalise, split_spans
from agents.grounding.topics import STOP_WORDS, shared_stem

_HB = rf"(?<![{HE}])"
_HE_END = rf"(?![{HE}])"
_WORD = re.compile(rf"[a-z0-9][a-z0-9'-]*[a-z0-9]|[a-z]|[{HE}][{HE}'\"]*[{HE}]|[{HE}]")
_HEBREW = re.compile(rf"[{HE}]")
_LATIN = re.compile(r"[a-z]")

# --- the question ----------------------------------------------------------------------

_GENERIC_VERBS = (
    r"do|fix|repair|have|sell|offer|make|carry|stock|handle|service|provide|take|accept|treat"
    r"|work\s+on|work\s+with|deal\s+with|get|supply|also\s+do"
)
_CONTENT_VERBS = (
    r"teach|ship|deliver|install|cater|bake|rent|run|host|fill|prepare|cook|clean|groom|build"
    r"|cover|pick\s+up|collect|print|paint|wash|tune|film|shoot|translate|board|transport"
)
_EN_ASK = re.compile(
    r"\b(?:do|does|can|could|will|would)\s+(?:you|u|ya|y'all)(?:\s+guys)?\s+(?:also\s+|even\s+"
    r"|still\s+|now\s+)?(?:(?P<generic>"
    + _GENERIC_VERBS
    + r")|(?P<verb>"
    + _CONTENT_VERBS
    + r"))\b"
    r"|\b(?:is|are)\s+there\s+(?:also\s+)?(?:a|an|any)?\b"
)
_HE_ASK = re.compile(
    rf"{_HB}(?:יש\s+(?:לכם|לך|אצלכם|אצלך|לכן)(?:\s+גם)?|^\s*יש(?:\s+גם)?"
    rf"|(?:^|(?<=[\s,]))(?:אתם|אתה|אתן|^\s*את)\s+(?:גם\s+)?(?P<heverb>[{HE}]{{3,}})"
    rf"(?:\s+(?:עם|על|גם))?"
    rf"|(?:ו?עושים|ו?מתקנים|ו?מוכרים|ו?מבצעים|ו?מציעים)(?:\s+(?:אצלכם|גם))*"
    rf"|(?:אפשר|ניתן|אפשרי)(?:\s+גם)?|יש\s+אפשרות){_HE_END}"
)
# The verbs that say only "you do it": what is asked is their object.
_HE_GENERIC = frozenset(
    [
        "עושים",
        "עושה",
        "עושות",
        "מתקנים",
        "מתקן",
        "מתקנת",
        "מוכרים",
        "מוכר",
        "מוכרת",
        "מטפלים",
        "מטפל",
        "מטפלת",
        "עובדים",
        "עובד",
        "עובדת",
        "מציעים",
        "מציע",
        "מציעה",
        "מספקים",
        "מספק",
        "מבצעים",
        "מבצע",
        "מבצעת",
        "יכולים",
        "יכול",
        "יכולה",
        "מקבלים",
        "מקבל",
        "מקבלת",
    ]
)
# "יש לי ארנב, אתם מטפלים?", "I have a Sharp fridge, do you fix those?": what was asked
# about was said before the question.
_HAVE_ONE = re.compile(
    r"(?:i\s+have|i've\s+got|i\s+got)\s+(?:a|an|two|some)?\s*(?P<en>[a-z][a-z' -]*)"
    rf"|{_HB}יש\s+(?:לי|לנו)\s+(?P<he>[{HE}][{HE}\s]*)"
)
# A Hebrew verb said by the question itself: "מלמדים X?", "שולחים?", "אפשר ללמוד X?".
_HE_CONTENT_VERB = re.compile(
    rf"^(?:ל[{HE}]{{3,}}|(?:ו?)(?:מלמד|מלמדים|מלמדת|שולח|שולחים|שולחת|מגיע|מגיעים|מגיעה|אוספים"
    rf"|אוסף|מתקינים|מתקין|מכינים|אופים|מובילים|מוביל)){_HE_END}"
)
_HE_GENERIC_VERB = re.compile(
    rf"^(?:לעשות|לקבל|לקנות|להזמין|לתקן|לטפל|לבוא|להגיע|לקבוע|לשלם|להביא){_HE_END}"
)
_ASK_END = re.compile(
    r"[?.!,;:()\n]|\s(?:for|because|since|when|if|so|as|before|after|by|on|this|tomorrow"
    rf"|today|please)\s|\s(?:כי|כש|אם|עבור|בשביל|מחר|היום|בבקשה|לפני|אחרי){_HE_END}"
)
_NOT_THINGS = frozenset(
    [
        "also",
        "too",
        "any",
        "some",
        "your",
        "my",
        "our",
        "his",
        "her",
        "their",
        "its",
        "the",
        "a",
        "an",
        "me",
        "us",
        "it",
        "them",
        "this",
        "that",
        "one",
        "ones",
        "thing",
        "things",
        "stuff",
        "something",
        "anything",
        "kind",
        "kinds",
        "sort",
        "type",
        "types",
        "service",
        "services",
        "option",
        "options",
        "place",
        "way",
        "here",
        "there",
        "guys",
        "people",
        "someone",
        "anyone",
        "help",
        "also",
        "please",
        "still",
        "even",
        "now",
        "well",
        "too",
        "available",
        "possible",
        "same",
        "other",
        "another",
        "home",
        "house",
        "mine",
        "yours",
        "lot",
        "lots",
        "גם",
        "אצלכם",
        "לכם",
        "לך",
        "אתם",
        "אתה",
        "את",
        "שלי",
        "שלכם",
        "שלך",
        "פה",
        "כאן",
        "משהו",
        "דבר",
        "דברים",
        "סוג",
        "סוגים",
        "שירות",
        "שירותים",
        "אפשרות",
        "אופציה",
        "אופציות",
        "אותו",
        "אותה",
        "אותם",
        "אותי",
        "לי",
        "אליי",
        "אלי",
        "איתי",
        "עליהם",
        "עליו",
        "עליה",
        "זה",
        "זו",
        "זאת",
        "עוד",
        "אחר",
        "אחרת",
        "אחרים",
        "בבית",
        "מהבית",
        "הביתה",
        "הבית",
    ]
)


@dataclass(frozen=True)
class _Asked:
    words: tuple[str, ...]  # content words of X, in order
    verbs: frozenset[str]  # those of them that are the question's verb


def _content(words: list[str]) -> list[str]:
    kept = []
    for word in words:
        bare = re.sub(r"^(?:ו?ש?[בלמכה]?ה?)", "", word) if not word.isascii() else word
        if word in _NOT_THINGS or bare in _NOT_THINGS or word in STOP_WORDS or bare in STOP_WORDS:
            continue
        if len(word) < (3 if word.isascii() else 2) or word.isdigit():
            continue
        kept.append(word)
    return kept


@lru_cache(maxsize=512)
def _asked(question: str) -> _Asked | None:
    """What a capability question asks the business to offer, or None."""
    if not question or "?" not in question:
        return None
    text = normalise(question).text
    for low, high in split_spans(text, re.compile(r"\?+")):
        if "?" not in text[high : high + 1]:
            continue
        sentence = text[low:high]
        for pattern in (_EN_ASK, _HE_ASK):
            match = pattern.search(sentence)
            if match is None:
                continue
            tail = sentence[match.end() :]
            stop = _ASK_END.search(tail)
            tail = tail[: stop.start()] if stop else tail
            words = _WORD.findall(tail)
            verbs: set[str] = set()
            if pattern is _EN_ASK and match.groupdict().get("verb"):
                verb = match.group("verb").split()[0]
                words.insert(0, verb)
                verbs.add(verb)
            elif pattern is _HE_ASK:
                verb = match.groupdict().get("heverb")
                if verb and verb not in _HE_GENERIC:
                    words.insert(0, verb)
                    verbs.add(verb)
                if words and _HE_GENERIC_VERB.match(words[0]):
                    words = words[1:]
                elif words and _HE_CONTENT_VERB.match(words[0]):
                    verbs.add(words[0])
            if not [word for word in _content(words) if word not in verbs]:
                had = _HAVE_ONE.search(text[:low] + sentence[: match.start()])
                if had:
                    before = had.group("en") or had.group("he") or ""
                    stop = _ASK_END.search(before + ",")
                    words += _WORD.findall(before[: stop.start()] if stop else before)[:3]
            content = _content(words)[:4]
            if content:
                return _Asked(tuple(content), frozenset(verbs & set(content)))
    return None


# --- words and their forms -------------------------------------------------------------

_FINALS = str.maketrans("ךםןףץ", "כמנפצ")
_HE_PREFIXES = "הבלומשכ"
_HE_SUFFIXES = ("יים", "ים", "ות", "ה", "ת", "י")


@lru_cache(maxsize=8192)
def _forms(word: str) -> frozenset[str]:
    """A word's spellings to compare: English plurals and endings; Hebrew without up to two
    prefix letters, one ending, and as a skeleton without ו and י ("לאסוף" ~ "איסוף")."""
    if word.isascii():
        forms = {word, word.replace("-", "")}
        for suffix in ("ies", "es", "s", "ing", "ed", "er", "ers", "ation", "ations", "ment"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                forms.add(word[: -len(suffix)])
        if word.endswith("ies"):
            forms.add(word[:-3] + "y")
        for form in list(forms):
            if len(form) >= 4 and form[-1] == form[-2] and form[-1] not in "aeiousl":
                forms.add(form[:-1])  # "shipping" ~ "ship"
        return frozenset(forms)
    folded = word.replace("'", "").replace('"', "")
    bases = {folded}
    for cut in (1, 2):
        if len(folded) - cut >= 2 and all(letter in _HE_PREFIXES for letter in folded[:cut]):
            bases.add(folded[cut:])
    forms = set(bases)
    for base in bases:
        for suffix in _HE_SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= 2:
                forms.add(base[: -len(suffix)])
    forms = {form.translate(_FINALS) for form in forms}
    skeletons = set()
    for form in forms:
        if len(form) >= 4:
            skeleton = form[0] + re.sub("[וי]", "", form[1:])
            if len(skeleton) >= 3:
                skeletons.add("~" + skeleton)
    return frozenset(forms | skeletons)


def _same_word(word: str, forms: frozenset[str], english: frozenset[str]) -> bool:
    if _forms(word) & forms:
        return True
    if not word.isascii():
        return False
    # One English stem: "deliver" / "delivery", "microblade" / "microblading".
    return any(shared_stem(word, known, share=0.8) for known in english)


# --- the knowledge base ----------------------------------------------------------------

_KB_BREAK = re.compile(
    r"\n+|(?<!\ba\.m)(?<!\bp\.m)[.!?;]+(?=\s|$)|\s[-\u2013\u2014]\s|:\s|\s(?:but|however|although"
    r"|whereas|except|only)\s|,\s*(?=(?:we|you|they|it|there|yes|but|only|and\s+we|just)\b)"
    rf"|\s(?:אבל|אך|אולם|אלא|רק|בלבד){_HE_END}|,\s*(?=(?:ו?יש|ו?אנחנו|אבל|רק){_HE_END})|\(|\)"
)
_STRONG_NO = re.compile(
    r"\b(?:no|none|without)\b" rf"|{_HB}ו?(?:אין|ללא|בלי)(?:\s+לנו|\s+אצלנו|\s+במקום)?{_HE_END}"
)
_NO = re.compile(
    r"\b(?:not|never|cannot|no\s+longer)\b|n't\b"
    rf"|{_HB}ו?ש?(?:לא|אינו|אינה|אינם|אינן|איננו|איננה|אסור){_HE_END}"
)
# After a "no", what narrows it: "no classes on Saturday" says there are classes.
_NARROWS = re.compile(
    r"\b(?:on|after|before|outside|elsewhere|beyond|during|until|till|past|over|under|below"
    r"|above|later|than|unless|in|at|to|from|within|between|weekends?|saturdays?|sundays?"
    r"|fridays?|holidays?|evenings?|nights?|yet|anymore|needed|required|necessary|allowed)\b"
    rf"|{_HB}(?:מחוץ|אחרי|לפני|מעבר|מתחת|מעל|עד|בימי|ביום|בשבת|בשבתות|בסופ\"ש|בערב|בערבים"
    rf"|בלילה|בחגים|בחג|פחות|יותר|צורך|חובה){_HE_END}"
)


# A "not" whose scope is only a verb of offering denies what stands before it: "תסרוקות לא
# עושה", "כוסות רוח אנחנו לא עושים", "Hairstyling: not offered", "Delivery - not available".
_OFFERING_WORDS = """
    do does offer offered offering provide provided available sell sold carry stock stocked
    possible done handle handled
    עושה עושים עושות מציע מציעה מציעים מספק מספקת מספקים מוכר מוכרת מוכרים מבצע מבצעת
    מבצעים זמין זמינה זמינים קיים קיימת אפשרי נותן נותנת נותנים מטפל מטפלת מטפלים
"""
_OFFERING = frozenset(_OFFERING_WORDS.split())
# Words beside the verb that deny nothing: "not offered, sorry", "לא זמין כרגע".
_ASIDE_WORDS = "sorry unfortunately currently moment right now here כרגע לצערנו לצערי מצטערים סליחה"
_ASIDE = frozenset(_ASIDE_WORDS.split())
# "Booking by phone: not possible" denies a way of booking, not booking.
_THING_NARROWED = re.compile(r"\b(?:by|via|through|for|with|over|on|at|in|to|from|after|before)\b")
_LABEL_GAP = re.compile(r"\s*(?::|[-\u2013\u2014])\s*")


def _only_offering(words: list[str]) -> bool:
    """Whether a "not"'s scope says only "we do / offer it": two words at most, each of them
    a verb of offering or no content word ("not something we do")."""
    if not words or len(words) > 4:
        return False
    content = [word for word in _content(words) if word not in _ASIDE]
    return (
        len(content) <= 2
        and all(word in _OFFERING for word in content)
        and any(word in _OFFERING for word in words)
    )


@dataclass(frozen=True)
class _Denial:
    line: str
    strong: bool
    forms: frozenset[str]
    english: frozenset[str]
    content: tuple[str, ...]
    words: tuple[str, ...] = ()  # the scope's words, in order


@dataclass(frozen=True)
class _KnowledgeBase:
    knowledge_base: str
    positive: frozenset[str]  # forms of every word the knowledge base does not deny
    positive_english: frozenset[str]
    every: frozenset[str]  # forms of every word at all
    every_english: frozenset[str]
    denials: tuple[_Denial, ...]
    positive_pieces: tuple[tuple[str, ...], ...]  # the words of each piece not denied
    hebrew: bool  # written mostly in Hebrew


def _word_forms(words: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    forms: set[str] = set()
    for word in words:
        forms |= _forms(word)
    return frozenset(forms), frozenset(w for w in words if w.isascii() and len(w) >= 5)


@lru_cache(maxsize=256)
def _knowledge_base(knowledge_base: str) -> _KnowledgeBase:
    positive: list[str] = []
    every: list[str] = []
    denials: list[_Denial] = []
    pieces: list[tuple[str, ...]] = []
    for raw in knowledge_base.splitlines():
        line = raw.strip()
        if not line:
            continue
        text = normalise(line).text
        every += _WORD.findall(text)
        previous: tuple[int, int, list[str]] | None = None  # the piece before, and its words
        for low, high in split_spans(text, _KB_BREAK):
            piece = NOT_A_NEGATION.sub(" ", text[low:high])
            strong = _STRONG_NO.search(piece)
            weak = _NO.search(piece)
            negation = min((m for m in (strong, weak) if m), key=lambda m: m.start(), default=None)
            if negation is None:
                positive += _WORD.findall(piece)
                pieces.append(tuple(_WORD.findall(piece)))
                previous = (low, high, _WORD.findall(piece))
                continue
            before = _WORD.findall(piece[: negation.start()])
            scope = piece[negation.end() :]
            words = _WORD.findall(scope)
            if weak is negation and _only_offering(words) and not _NARROWS.search(scope):
                # The thing comes first: "תסרוקות לא עושה", or a label: "Hairstyling: not offered".
                thing, label = before, False
                if (
                    not _content(thing)
                    and previous
                    and _LABEL_GAP.fullmatch(text[previous[1] : low])
                ):
                    thing, label = previous[2], True
                if 0 < len(_content(thing)) <= 2 and not _THING_NARROWED.search(" ".join(thing)):
                    if label:
                        _drop(positive, pieces, thing)
                    forms, english = _word_forms(thing)
                    denials.append(
                        _Denial(line, True, forms, english, tuple(_content(thing)), tuple(thing))
                    )
                    previous = None
                    continue
            positive += before
            pieces.append(tuple(before))
            previous = (low, high, before)
            if _NARROWS.search(scope):
                positive += words  # narrowed: what it narrows exists
                pieces.append(tuple(words))
                continue
            forms, english = _word_forms(words)
            denials.append(
                _Denial(
                    line, negation is strong, forms, english, tuple(_content(words)), tuple(words)
                )
            )
    positive_forms, positive_english = _word_forms(positive)
    every_forms, every_english = _word_forms(every)
    hebrew = len(_HEBREW.findall(knowledge_base)) > len(_LATIN.findall(knowledge_base.lower()))
    return _KnowledgeBase(
        knowledge_base,
        positive_forms,
        positive_english,
        every_forms,
        every_english,
        tuple(denials),
        tuple(pieces),
        hebrew,
    )


def _drop(positive: list[str], pieces: list[tuple[str, ...]], words: list[str]) -> None:
    """Take back a label's words read as offered before the "not offered" after it."""
    if pieces and list(pieces[-1]) == words:
        pieces.pop()
        del positive[len(positive) - len(words) :]


def _adjacent(words: tuple[str, ...] | list[str], first: str, second: str) -> int | None:
    """Where ``first`` is followed by ``second`` in ``words``, if it is."""
    for index in range(len(words) - 1):
        if _same_word(words[index], *_word_forms([first])) and _same_word(
            words[index + 1], *_word_forms([second])
        ):
            return index
    return None


def _denied_kind(word: str, kb: _KnowledgeBase) -> tuple[_Denial, str, str] | None:
    """ "אין חניה פרטית", "No private parking": the knowledge base denies one kind of a thing
    it otherwise names. The pair of words, in order, and the denial."""
    for denial in kb.denials:
        pair = [w for w in denial.words[:3] if _content([w])][:2]
        if len(pair) < 2 or _adjacent(denial.words, pair[0], pair[1]) is None:
            continue
        if not any(_same_word(word, *_word_forms([w])) for w in pair):
            continue
        if any(_adjacent(piece, pair[0], pair[1]) is not None for piece in kb.positive_pieces):
            continue
        return denial, pair[0], pair[1]
    return None


def _denial(word: str, asked: _Asked, kb: _KnowledgeBase) -> _Denial | None:
    asked_forms, asked_english = _word_forms(list(asked.words))
    for denial in kb.denials:
        if not _same_word(word, denial.forms, denial.english):
            continue
        if word not in asked.verbs or denial.strong:
            return denial
        # "We don't deliver": a verb is denied when the "not" denies nothing else.
        if all(_same_word(other, asked_forms, asked_english) for other in denial.content):
            return denial
    return None


# --- the reply -------------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"\n+|(?<!\ba\.m)(?<!\bp\.m)[.!?;]+(?=\s|$)|\s-\s")
_CHUNK_BREAK = re.compile(
    r",|\s(?:but|however|although|though|whereas|while|except)\s|\s(?:אבל|אך|אולם|אלא)\s"
)
_OPENS_NO = re.compile(
    r"^\W*(?:no\b|nope\b|sorry\b|unfortunately\b|i'm\s+afraid\b|sadly\b|not\b)"
    rf"|^\W*(?:לא|לצערי|מצטער\w*|סליחה|למרבה\s+הצער|אין){_HE_END}"
)
_SAYS_YES = re.compile(
    r"^\W*(?:yes|yep|yeah|yup|sure|of\s+course|absolutely|definitely|certainly|we\s+do|i\s+do"
    r"|we\s+can|we\s+sure\s+do|you\s+bet|totally|great\s+news|good\s+news)\b"
    rf"|^\W*(?:כן|בטח|בוודאי|כמובן|בהחלט|ברור|אין\s+בעיה|בשמחה|בטוח|נכון){_HE_END}"
)
_ASSERTS = re.compile(
    r"\b(?:we|we're|we've|we'll|i|i'm|i'll|our|there's|there\s+(?:is|are))\b"
    rf"|{_HB}(?:אנחנו|אנו|אני|אצלנו|שלנו|יש|אפשר|ניתן){_HE_END}"
)
_NEGATED = re.compile(_STRONG_NO.pattern + "|" + _NO.pattern)


def _mention(reply: str, word: str, then: str = "") -> tuple[int, int] | None:
    """Where the reply asserts ``word`` (in the original reply), if it does."""
    norm = normalise(reply)
    text = norm.text
    if _OPENS_NO.search(text):
        return None
    says_yes = bool(_SAYS_YES.search(text))
    forms, english = _word_forms([word])
    for low, high in split_spans(text, _SENTENCE_BREAK):
        sentence = text[low:high]
        if "?" in sentence or "?" in text[high : high + 2] or DEFLECTION.search(sentence):
            continue
        if not says_yes and not _ASSERTS.search(sentence):
            continue
        for c_low, c_high in split_spans(sentence, _CHUNK_BREAK):
            chunk = sentence[c_low:c_high]
            if CONDITION.search(chunk) or _NEGATED.search(NOT_A_NEGATION.sub(" ", chunk)):
                continue
            found_words = list(_WORD.finditer(chunk))
            for index, found in enumerate(found_words):
                if then:
                    following = found_words[index + 1] if index + 1 < len(found_words) else None
                    if following is None or not _same_word(following.group(), *_word_forms([then])):
                        continue
                    if not _same_word(found.group(), forms, english):
                        continue
                    start = low + c_low + found.start()
                    return norm.original_span(start, low + c_low + following.end())
                if _same_word(found.group(), forms, english) or (
                    found.group().isascii() == word.isascii()
                    and _same_word(word, *_word_forms([found.group()]))
                ):
                    start = low + c_low + found.start()
                    return norm.original_span(start, start + len(found.group()))
    return None


def services_flags(*, reply: str, knowledge_base: str, question: str = "") -> list[Flag]:
    """Flag a "yes" to a capability question whose thing the knowledge base denies or, in
    its own language, never names."""
    if not reply.strip() or not question:
        return []
    asked = _asked(question)
    if asked is None:
        return []
    kb = _knowledge_base(knowledge_base)
    for word in asked.words:
        if _same_word(word, kb.positive, kb.positive_english) or named_in_knowledge_base(
            word, knowledge_base
        ):
            kind = _denied_kind(word, kb)
            span = _mention(reply, kind[1], then=kind[2]) if kind else None
            if kind and span:
                start, end = span
                reason = (
                    f"the reply offers “{reply[start:end]}”, which the knowledge base says "
                    "is not offered"
                )
                return [Flag(ENTITY, reply[start:end], start, end, reason, (kind[0].line,))]
            continue
        denial = _denial(word, asked, kb)
        if denial is not None:
            span = _mention(reply, word)
            if span is None:
                continue
            start, end = span
            reason = (
                f"the reply offers “{reply[start:end]}”, which the knowledge base says "
                "is not offered"
            )
            return [Flag(ENTITY, reply[start:end], start, end, reason, (denial.line,))]
    # Nothing of what was asked is named anywhere, in the knowledge base's own script.
    things = [word for word in asked.words if word not in asked.verbs]
    if not things or len(things) > 2:
        return []
    if any(word.isascii() == kb.hebrew for word in things):
        return []
    if max(len(word) for word in things) < 4 or any(
        len(word) < 3
        or _same_word(word, kb.every, kb.every_english)
        or named_in_knowledge_base(word, knowledge_base)
        for word in things
    ):
        return []
    for word in things:
        span = _mention(reply, word)
        if span is not None:
            start, end = span
            reason = (
                f"the reply offers “{reply[start:end]}”, which the knowledge base never mentions"
            )
            return [Flag(ENTITY, reply[start:end], start, end, reason)]
    return []
