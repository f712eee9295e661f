"""Contacts and identifiers: an e-mail, a website, a handle, an address or a code must be real.

An agent that invents "info@salondana.com", "@salon.dana", "14 Allenby St." (the salon is
at 41), "use code WELCOME15" or "your booking number is 48213" sends a customer somewhere
that does not exist. Each of these is looked up in the knowledge base after normalisation:

- an **e-mail address**: the same address, any case;
- a **website** (``https://www.salondana.co.il/book/``, ``salondana.co.il``): the scheme,
  ``www.``, a trailing slash and case do not matter. The domain must be one the knowledge
  base gives (as a site or as the domain of its e-mail). A path must be one the knowledge
  base gives for that domain, but only when it gives that domain with a path at all: a
  knowledge base that names only ``salondana.co.il`` cannot tell a real page from a typo.
  A bare platform domain ("on Booking.com", "on waze.com") names no business and passes;
  a ``wa.me`` link passes when its number is a knowledge-base phone;
- a **social handle** (``@salon.dana``, "Instagram: salondana", "באינסטגרם salondana",
  ``instagram.com/salondana``, "ב-@salondana"): the same handle on any platform, case
  aside; a dot or an underscore dropped, added or swapped makes another account;
- a **street address** (number and street, in English or Hebrew: "14 Allenby St.",
  "Allenby Street 41", "we're at Allenby 41", "רחוב אלנבי 41", "ברח' הרצל 12",
  "בשדרות רוטשילד 5", "אנחנו באלנבי 41", and a street the knowledge base names followed by
  a number): flagged when the knowledge base gives that street with another house number,
  or gives no such address at all. A street in the other script is compared by its
  consonants ("Allenby" = "אלנבי"); when they cannot be compared, the same house number
  in a knowledge-base address is enough. A street the knowledge base names without any
  house number is left alone (it cannot tell). Floors, rooms and entrances are not
  house numbers;
- a **promo, discount or coupon code** ("use code WELCOME15", "קוד קופון SUMMER"): the code
  token must appear in the knowledge base;
- a **booking, order, reference, confirmation or ticket number** stated as ours ("your
  booking number is 48213", "confirmation #5531", "מספר הזמנה 5531"): the agent has no
  booking system, so it is flagged unless the knowledge base gives it. A number merely
  referred to ("order 48213 has shipped", "your booking #4471 is noted",
  "הזמנה מספר 48213 נשלחה") is the customer's own and is left alone.

Phone numbers are the validator's (kind "phone") and never flagged here. Anything the
customer wrote in ``question`` and the reply quotes back is not a claim; nor is an
identifier said under a negation ("there's no code WELCOME15"); an e-mail, address or
booking number inside a question ("is your e-mail dana@gmail.com?") is the customer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from agents.grounding.claims import normalise_phone
from agents.grounding.findings import CONTACT, Flag
from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.text import NormalisedText, line_at, normalise, split_spans


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HB = rf"(?<![{HE}])"  # a Hebrew word starts here
_HE_END = rf"(?![{HE}])"

# --- e-mail addresses and websites ---------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.+])(?<![a-z0-9_]-)[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![a-z0-9-])"
)
_TLD = (
    r"(?:com|net|org|il|io|co|info|biz|shop|store|app|me|ly|gl|link|site|online|tv|uk|de|fr"
    r"|eu|us|ai|dev|page|studio|salon|xyz|club|life|art|design|health|cafe|menu|travel|email"
    r"|bio|gg|to|cc|ws|gov|ac|muni|events|today|fit|beauty|clinic|dental|pizza|rest|pet)"
)
_URL_TAIL = r"(?:/[^\s\"'<>()\[\]{}]*)?"
_URL = re.compile(
    rf"(?<![\w@.])(?<![a-z0-9_]-)(?:https?://[a-z0-9.-]+\.[a-z]{{2,}}(?![a-z0-9-])(?::\d+)?{_URL_TAIL}"
    rf"|(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+{_TLD}(?![a-z0-9-]){_URL_TAIL})"
)
_URL_TRAILING = ".,;:!?)'\""
# Domains that name a platform, not the business: "read our reviews on Booking.com".
_PLATFORMS = _words(
    """google.com maps.google.com waze.com booking.com airbnb.com tripadvisor.com wolt.com
    10bis.co.il easy.co.il gmail.com instagram.com facebook.com tiktok.com youtube.com
    whatsapp.com wa.me linkedin.com twitter.com x.com zap.co.il yad2.co.il gov.il"""
)
_SOCIAL_DOMAINS = _words(
    """instagram.com facebook.com fb.com m.facebook.com tiktok.com twitter.com x.com
    youtube.com linkedin.com t.me threads.net pinterest.com"""
)

# --- social handles -----------------------------------------------------------------------

_HANDLE = r"@?(?P<handle>[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?)"
# After a space, a dash or a Hebrew prefix ("ב-@parva", "ב@parva"), not inside an e-mail.
_AT_HANDLE = re.compile(r"(?<![a-z0-9_@.])@(?P<handle>[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?)")
_EN_PLATFORM = (
    r"instagram|insta|ig|facebook|fb|tiktok|tik\s?tok|twitter|youtube|linkedin|telegram"
    r"|threads|pinterest"
)
_EN_PLATFORM_HANDLE = re.compile(
    rf"\b(?:{_EN_PLATFORM})\b(?:\s+(?:page|account|handle|profile|username|name))?"
    r"(?P<sep>\s*[:\-]\s*|\s+(?:at|under|as)\s+|\s+(?:handle|username|account|page)\s+is\s+"
    r"|\s+(?=@))"
    rf"(?:our\s+)?[\"']?{_HANDLE}"
)
_HE_PLATFORM = r"אינסטגרם|אינסטה|פייסבוק|טיקטוק|טוויטר|יוטיוב|טלגרם|לינקדאין|פינטרסט"
_HE_PLATFORM_HANDLE = re.compile(
    rf"{_HB}[ובלה]{{0,2}}(?:{_HE_PLATFORM}){_HE_END}(?:\s+שלנו)?"
    rf"(?:\s*[:\-]\s*|\s+)(?:(?:בשם|תחת|בתור|הוא|זה)\s*[:\-]?\s*)?[\"']?{_HANDLE}"
)
# Words after "Instagram:" that are not a handle: "find us on Instagram - we post daily".
_NOT_HANDLE = _words(
    """the a an our we us you your for and or to too also where with in on at by all every
    daily more lots photos updates posts news see check follow find it is are this that
    page account profile link stories reels everyone all here channel"""
)

# --- promo codes ----------------------------------------------------------------------------

_CODE_TOKEN = r"[\"']?(?P<code>[a-z0-9][a-z0-9_-]{2,24})"
_EN_CODE = re.compile(
    r"\b(?:(?P<before>[a-z]+)[\s-]+)?(?:promo(?:tional)?\s+|discount\s+|coupon\s+|voucher\s+"
    r"|gift\s+|referral\s+)?(?:code|coupon|voucher)\b"
    rf"\s*(?:is\s+|:\s*|-\s*|=\s*)?{_CODE_TOKEN}"
)
# "postal code", "dress code": codes of another kind. A "confirmation code" is a booking
# number, read below.
_CODE_NOT_PROMO = _words(
    """zip postal post area dress country qr source bar color colour confirmation booking
    reservation order reference tracking verification"""
)
_EN_USE_CODE = re.compile(
    r"\b(?:use|enter|apply|type|redeem|quote|mention|add)\s+[\"']?(?P<code>[a-z0-9][a-z0-9_-]{3,24})"
    r"[\"']?(?=\s+(?:at|in|when|during|for|to|and|on|upon)\b|\s*[.!,]|\s*$)"
)
_HE_CODE = re.compile(
    rf"{_HB}[ובהלע]{{0,2}}(?:קוד|קופון|שובר)(?:\s+ה?(?:קופון|הנחה|הטבה|קידום|פרומו|מבצע|שובר))?"
    rf"{_HE_END}(?:\s+(?:שלנו|שלך|שלכם|שלכן))?(?:\s+(?:הוא|היא|זה))?\s*[:\-]?\s*{_CODE_TOKEN}"
)
_HE_USE_CODE = re.compile(
    rf"{_HB}(?:השתמש[{HE}]*|הזינ[{HE}]*|תזינ[{HE}]*|הקלד[{HE}]*|תקליד[{HE}]*|רשמו|תרשמו|ציינו"
    rf"|תציינו)\s+(?:את\s+)?(?:ב-?\s*)?[\"']?(?P<code>[a-z0-9][a-z0-9_-]{{3,24}})"
)
# "a gift voucher for 200 ₪": a number followed by money or a unit is not a code.
_AMOUNT_AFTER = re.compile(
    rf"\s*(?:₪|%|\$|€|ש\"ח|שח{_HE_END}|שקל|nis\b|ils\b|shekel|dollar|euro|off\b|percent"
    rf"|אחוז|הנחה)"
)

# --- booking, order and reference numbers ---------------------------------------------------

_ID_TOKEN = r"#?\s*(?P<token>[a-z0-9][a-z0-9-]{2,19})(?![a-z0-9])"
# Numbers only the business could issue: said with a qualifier they are always ours.
_EN_ISSUED = r"confirmation|reference|ref|ticket|case|tracking"
# Numbers of the customer's own order: ours only when stated ("your order number is ...").
_EN_STATED = (
    r"booking|order|reservation|appointment|customer|membership|member|invoice|receipt"
    r"|client"
)
_EN_BOOKING = re.compile(
    rf"\b(?P<noun>{_EN_ISSUED}|{_EN_STATED})\b\.?"
    r"(?:\s*(?P<qual>(?:number|no\.|no|num|id|code|ref(?:erence)?(?:\s+number)?)(?![a-z])|#))?"
    r"(?P<pred>\s+is\s+|\s*:\s*|\s*=\s*|\s+will\s+be\s+)?"
    rf"\s*{_ID_TOKEN}"
)
_EN_ISSUED_NOUN = re.compile(rf"(?:{_EN_ISSUED})$")
_HE_BOOKING = re.compile(
    rf"{_HB}ו?(?:(?:מספר|מס'|מס\.)\s+ה?(?:הזמנה|הזמנתך|הזמנתכם|אישור|אסמכתא|אסמכתה|פנייה|פניה"
    rf"|תור|מעקב|משלוח|לקוח|רישום|הרשמה|חשבונית|קבלה|מנוי|תיק|שובר)"
    rf"|קוד\s+ה?(?:אישור|הזמנה)|ה?אסמכתא|ה?אסמכתה){_HE_END}"
    rf"(?:\s+(?:שלך|שלכם|שלכן|שלו|שלה))?\s*(?:הוא|היא|הינו|הינה|זה)?\s*[:\-]?\s*{_ID_TOKEN}"
)

# --- street addresses ----------------------------------------------------------------------

_EN_SUFFIX = (
    r"(?:street|st\.?|road|rd\.?|avenue|ave\.?|boulevard|blvd\.?|blv\.?|lane|ln\.?|highway"
    r"|hwy\.?|alley|square|sq\.?)(?![a-z])"
)
_EN_NAME = r"[a-z][a-z'-]*"
_HOUSE = r"(?P<num>\d{1,4})(?:[a-z](?![a-z]))?"
_EN_ADDRESS_NUMBER_FIRST = re.compile(
    rf"(?<![\w.,:/#-]){_HOUSE}(?:\s*-\s*\d{{1,4}})?\s+"
    rf"(?P<street>{_EN_NAME}(?:\s+{_EN_NAME}){{0,3}}?)\s+{_EN_SUFFIX}"
)
# A number that is a house number: not a time, an ordinal, a range, a price or a count.
_EN_NUMBER_END = (
    r"(?![\d:.,/]?\d)(?![a-z])(?!\s*(?:%|am\b|pm\b|a\.m|p\.m|min|hour|hr|minute|day|week"
    r"|month|year|people|person|guest|km|m\b|times|sessions|classes|x\b|-\s*\d|to\s+\d"
    r"|or\s+\d|and\s+\d|₪|nis\b|shekel|\$|each\b|per\b))"
)
_EN_ADDRESS_STREET_FIRST = re.compile(
    rf"(?<![a-z])(?P<street>{_EN_NAME}(?:\s+{_EN_NAME}){{0,3}}?)\s+{_EN_SUFFIX}\s*,?\s*"
    rf"{_HOUSE}{_EN_NUMBER_END}"
)
_EN_CUE = (
    r"(?:we(?:'re|\s+are)\s+(?:located\s+|based\s+)?(?:at|on)|located\s+(?:at|on)"
    r"|find\s+us\s+(?:at|on)|(?:our|the)\s+address\s+is|address\s*:|visit\s+us\s+at"
    r"|come\s+(?:over\s+|down\s+|by\s+)?to|based\s+at)"
)
_EN_ADDRESS_CUE = re.compile(
    rf"\b{_EN_CUE}\s+(?:{_HOUSE}\s+(?P<street>{_EN_NAME}(?:\s+{_EN_NAME})?)"
    rf"|(?P<street2>{_EN_NAME}(?:\s+{_EN_NAME})?)\s+(?P<num2>\d{{1,3}})){_EN_NUMBER_END}"
)
_HE_UNITS = (
    r"(?:שעות|שעה|דקות|דקה|קומות|ימים|יום|שנים|שנה|חודשים|חודש|שבועות|שבוע|₪|ש\"ח|שח|שקל|%|אחוז"
    r"|מטר|ק\"מ|קמ|אנשים|איש|ס\"מ|פעמים|min|km)"
)
_HE_WORD = rf"[{HE}][{HE}'\"-]*"
_HE_MARKER = rf"{_HB}[ובלמה]{{0,2}}(?:רחוב|רח'|רח\.|שדרות|שד'|שד\.|דרך|סמטת|שביל|כיכר|ככר){_HE_END}"
_HE_MARKER_WORDS = _words("רחוב רח' רח. שדרות שד' שד. דרך סמטת שביל כיכר ככר")
_HE_NUMBER_END = rf"(?:[{HE}](?![{HE}]))?(?![\d:.,/]?\d)(?!\s*{_HE_UNITS})(?!\s*(?:ו?עד|-|או)\s*\d)"
_HE_ADDRESS_MARKER = re.compile(
    rf"{_HE_MARKER}\s*(?P<street>{_HE_WORD}(?:\s+{_HE_WORD}){{0,2}}?)\s*,?\s+(?P<num>\d{{1,4}})"
    rf"{_HE_NUMBER_END}"
)
# "הכתובת היא אלנבי 41": a street said without "רחוב". A place said without it ("אנחנו
# בטופ 10", "תגיעו למפגש 2") is no address, so only an address word introduces one, or a
# street the knowledge base names ("אנחנו באלנבי 14", read by its street names below).
_HE_ADDRESS_CUE = re.compile(
    rf"{_HB}(?:הכתובת(?:\s+שלנו)?(?:\s+היא)?\s*:?|כתובתנו\s*:?|כתובת\s*:)\s*"
    rf"(?P<street>{_HE_WORD}(?:\s+{_HE_WORD})?)\s*,?\s+(?P<num>\d{{1,4}}){_HE_NUMBER_END}"
)
# Words before a number that make it no house number: floors, rooms, branches, hours.
_NOT_STREET = _words(
    """קומה קומת דירה כניסה בניין בנין חדר שעה שעות יום ימים עסק תחום מקום מבצע שבוע חודש
    שנה שנת גיל מחיר סניף חנות עמדה אולם כיתה תא מספר מס' אזור רציף שער קו כביש
    floor suite unit room apt apartment entrance building gate platform shop store branch
    sunday monday tuesday wednesday thursday friday saturday january february march april
    may june july august september october november december the a an our your this that
    bus line route highway hall studio office level terminal mall center centre tower top כלל אגב תוך כ- בערך רק עד מעל"""
)
_EN_STREET_STOP = frozenset({"the", "a", "an", "of", "on", "at", "to", "and"})

# --- sentences and what they say ------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"\n+|[!?;]+|\.(?=\s|$)")
_SUBCLAUSE_BREAK = re.compile(r"\n+|[!?;,]+|\.(?=\s|$)|\s(?:but|however)\s|\sאבל\s|\s-\s")
_NEGATION = re.compile(
    r"\b(?:not|no|never|isn't|aren't|don't|doesn't|didn't|won't|can't|cannot|no\s+longer"
    r"|wasn't|weren't|haven't|hasn't|invalid|expired)\b"
    rf"|{_HB}(?:לא|אין|אינו|אינה|איננו|אינם|כבר\s+לא|לצערי|פג\s+תוקף|לא\s+בתוקף){_HE_END}"
)
# "Is your e-mail dana@gmail.com?", "should we deliver to you at 5 Herzl St.?"
_YOURS = re.compile(
    r"\b(?:your|yours|you(?:'re|\s+are)\s+at|to\s+you|you\s+live"
    r"|send\s+(?:it|this|them|that|the\s+\w+)\s+to)\b"
    rf"|{_HB}(?:שלך|שלכם|שלכן|אצלך|אצלכם|אלייך|אליך|אליכם|לשלוח|שנשלח|שאשלח){_HE_END}"
)
_ALNUM_TOKEN = re.compile(r"[a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?")
_PHONE_LIKE = re.compile(r"\+?\d[\d\s().-]{6,}\d")

_HE_FINALS = str.maketrans("ךםןףץ", "כמנפצ")
_HE_CONSONANTS = {
    "ב": "b",
    "ג": "g",
    "ד": "d",
    "ז": "s",
    "ח": "k",
    "ט": "t",
    "כ": "k",
    "ל": "l",
    "מ": "m",
    "נ": "n",
    "ס": "s",
    "פ": "p",
    "צ": "s",
    "ק": "k",
    "ר": "r",
    "ש": "s",
    "ת": "t",
}
_EN_DIGRAPHS = (("sch", "s"), ("ch", "k"), ("kh", "k"), ("sh", "s"), ("ph", "p"), ("th", "t"))
_EN_DIGRAPHS += (("tz", "s"), ("ck", "k"))
_EN_CONSONANTS = dict(zip("bvdgjkqclmnrszptfx", "bbdggkkklmnrssptpk", strict=True))


def _skeleton(word: str) -> str:
    """The consonants of a street name, the same in both scripts: "Allenby" = "אלנבי"."""
    if word.isascii():
        for digraph, sound in _EN_DIGRAPHS:
            word = word.replace(digraph, sound)
        letters = [_EN_CONSONANTS.get(char, "") for char in word]
    else:
        letters = [_HE_CONSONANTS.get(char, "") for char in word.translate(_HE_FINALS)]
    skeleton: list[str] = []
    for letter in letters:
        if letter and (not skeleton or skeleton[-1] != letter):
            skeleton.append(letter)
    return "".join(skeleton)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text)


def _strip_url(url: str) -> str:
    return url.rstrip(_URL_TRAILING)


def _split_url(url: str) -> tuple[str, str]:
    """(domain, path) with scheme, "www.", query, fragment and trailing slash dropped."""
    url = re.sub(r"^https?://", "", _strip_url(url))
    url = re.split(r"[?#]", url, maxsplit=1)[0]
    domain, _, path = url.partition("/")
    domain = domain.split(":")[0]
    domain = domain.removeprefix("www.")
    return domain, path.strip("/")


def _social_handle(domain: str, path: str) -> str | None:
    if domain not in _SOCIAL_DOMAINS or not path:
        return None
    parts = [part for part in path.split("/") if part]
    if domain == "linkedin.com" and len(parts) > 1 and parts[0] in {"company", "in"}:
        parts = parts[1:]
    return parts[0].lstrip("@") if parts else None


def _hebrew_street_forms(word: str) -> frozenset[str]:
    """A Hebrew street word with and without one or two prefix letters ("באלנבי")."""
    forms = {word}
    for cut in (1, 2):
        if len(word) - cut >= 3 and all(letter in "ובלמה" for letter in word[:cut]):
            forms.add(word[cut:])
    return frozenset(forms)


@dataclass(frozen=True)
class _Street:
    """A street named with a house number, in the reply or the knowledge base."""

    words: tuple[str, ...]  # lower case, Hebrew with its prefix cut where it had one
    number: str
    start: int
    end: int
    line: str = ""

    @property
    def hebrew(self) -> bool:
        return not "".join(self.words).isascii()

    @property
    def forms(self) -> frozenset[str]:
        forms: set[str] = set()
        for word in self.words:
            if len(word) < 3 or word in _EN_STREET_STOP:
                continue
            forms |= _hebrew_street_forms(word) if not word.isascii() else {word}
        joined = "".join(self.words).replace("-", "").replace("'", "")
        if len(joined) >= 3:
            forms.add(joined)
        return frozenset(forms)

    @property
    def skeletons(self) -> frozenset[str]:
        skeletons = {_skeleton(word) for word in self.words if len(_skeleton(word)) >= 3}
        whole = _skeleton("".join(self.words))
        if len(whole) >= 3:
            skeletons.add(whole)
        return frozenset(skeletons)


def _same_street(first: _Street, second: _Street) -> bool | None:
    """True or False when the two can be compared; None across scripts that do not match."""
    if first.hebrew == second.hebrew:
        return bool(first.forms & second.forms)
    if first.skeletons & second.skeletons:
        return True
    return None


def _street_words(text: str, original: str | None = None) -> tuple[str, ...] | None:
    """The street's words, the capitalised run of them in English ("the car to HaMelacha")."""
    words = text.split()
    if not words:
        return None
    if words[0].isascii():
        if original is None:
            return None
        capitals = original.split()
        if len(capitals) != len(words):
            return None
        kept: list[str] = []
        for word, spelled in zip(reversed(words), reversed(capitals), strict=True):
            if not spelled[:1].isupper():
                break
            kept.append(word)
        words = list(reversed(kept))
        if not words:
            return None
    else:
        first = words[0]
        cut = [form for form in _hebrew_street_forms(first) if form != first]
        if _hebrew_street_forms(first) & _HE_MARKER_WORDS:
            return None
        words[0] = min(cut, key=len) if cut and first[0] in "בל" else first
    if any(word in _NOT_STREET for word in words) or any(
        form in _NOT_STREET for word in words for form in _hebrew_street_forms(word)
    ):
        return None
    return tuple(words)


def _find_streets(
    norm: NormalisedText, street_names: tuple[re.Pattern[str], ...] = ()
) -> list[_Street]:
    """Every number-and-street in a normalised text, English and Hebrew."""
    text = norm.text
    found: list[_Street] = []

    def add(match: re.Match[str], street_group: str, number_group: str, whole: bool = True) -> None:
        street_start, street_end = match.span(street_group)
        street_text = match.group(street_group)
        original = norm.original_text(street_start, street_end)
        words = _street_words(street_text, original)
        if not words:
            return
        start = match.start() if whole else min(street_start, match.start(number_group))
        found.append(_Street(words, match.group(number_group), start, match.end()))

    for match in _EN_ADDRESS_NUMBER_FIRST.finditer(text):
        add(match, "street", "num")
    for match in _EN_ADDRESS_STREET_FIRST.finditer(text):
        add(match, "street", "num", whole=False)
    for match in _EN_ADDRESS_CUE.finditer(text):
        if match.group("street"):
            add(match, "street", "num", whole=False)
        else:
            add(match, "street2", "num2", whole=False)
    for match in _HE_ADDRESS_MARKER.finditer(text):
        add(match, "street", "num")
    for match in _HE_ADDRESS_CUE.finditer(text):
        add(match, "street", "num", whole=False)
    for pattern in street_names:
        for match in pattern.finditer(text):
            words = tuple(match.group("street").split())
            if not words[0].isascii():
                words = (min(_hebrew_street_forms(words[0]), key=len), *words[1:])
            found.append(_Street(words, match.group("num"), match.start(), match.end()))
    # One address found by two patterns is one claim: keep the first of overlapping spans.
    found.sort(key=lambda street: (street.start, -street.end))
    kept: list[_Street] = []
    for street in found:
        if kept and street.start < kept[-1].end:
            continue
        kept.append(street)
    return kept


# --- what the knowledge base gives ----------------------------------------------------------


@dataclass(frozen=True)
class _Knowledge:
    text: str
    tokens: frozenset[str]
    emails: frozenset[str]
    email_lines: tuple[str, ...]
    domains: dict[str, frozenset[str]]  # domain -> paths given with it ("" for none)
    url_lines: tuple[str, ...]
    handles: frozenset[str]
    handle_lines: tuple[str, ...]
    code_lines: tuple[str, ...]
    phones: frozenset[str]
    streets: tuple[_Street, ...]
    street_forms: frozenset[str]  # every word of the knowledge base, as street forms
    street_names: tuple[re.Pattern[str], ...]


def _unique(lines: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(line for line in lines if line))


_KB_CODE_LINE = re.compile(
    rf"\b(?:code|coupon|voucher|promo)|{_HB}[ובהל]?(?:קוד|קופון|שובר){_HE_END}"
)
_KB_HANDLE_LINE = re.compile(rf"\b(?:{_EN_PLATFORM})\b|{_HB}[ובלה]?(?:{_HE_PLATFORM})|@")


def _collect_handles(text: str) -> set[str]:
    handles: set[str] = set()
    for match in _AT_HANDLE.finditer(text):
        handles.add(match.group("handle").strip("."))
    for pattern in (_EN_PLATFORM_HANDLE, _HE_PLATFORM_HANDLE):
        for match in pattern.finditer(text):
            handles.add(match.group("handle").strip("."))
    return handles


@lru_cache(maxsize=256)
def _knowledge(knowledge_base: str) -> _Knowledge:
    norm = normalise(knowledge_base)
    text = norm.text
    original = knowledge_base

    def line_of(start: int) -> str:
        return line_at(original, norm.original_span(start, start + 1)[0])

    emails = {match.group() for match in _EMAIL.finditer(text)}
    email_lines = [line_of(match.start()) for match in _EMAIL.finditer(text)]
    domains: dict[str, set[str]] = {}
    url_lines: list[str] = []
    handles = _collect_handles(text)
    for email in emails:
        domains.setdefault(email.partition("@")[2], set()).add("")
    for match in _URL.finditer(text):
        if _inside(match.start(), match.end(), _EMAIL, text):
            continue
        domain, path = _split_url(match.group())
        domains.setdefault(domain, set()).add(path)
        url_lines.append(line_of(match.start()))
        handle = _social_handle(domain, path)
        if handle:
            handles.add(handle)
    handle_lines = [
        line_of(match.start())
        for match in _KB_HANDLE_LINE.finditer(text)
        if not _inside(match.start(), match.end(), _EMAIL, text)
    ]
    code_lines = [line_of(match.start()) for match in _KB_CODE_LINE.finditer(text)]
    phones = {normalise_phone(match.group()) for match in _PHONE_LIKE.finditer(text)}
    streets = tuple(
        _Street(street.words, street.number, street.start, street.end, line_of(street.start))
        for street in _find_streets(norm)
    )
    words = re.findall(rf"[a-z][a-z'-]+|{_HE_WORD}", text)
    street_forms = frozenset(
        form for word in words for form in _hebrew_street_forms(word.replace("'", ""))
    ) | frozenset(words)
    return _Knowledge(
        text=text,
        tokens=frozenset(_ALNUM_TOKEN.findall(text)),
        emails=frozenset(emails),
        email_lines=_unique(email_lines),
        domains={domain: frozenset(paths) for domain, paths in domains.items()},
        url_lines=_unique(url_lines),
        handles=frozenset(handles),
        handle_lines=_unique(handle_lines),
        code_lines=_unique(code_lines),
        phones=frozenset(phones),
        streets=streets,
        street_forms=street_forms,
        street_names=_street_names_pattern(streets),
    )


def _street_names_pattern(streets: tuple[_Street, ...]) -> tuple[re.Pattern[str], ...]:
    """The knowledge base's own street names, found with a number and no "Street" or "רחוב"."""
    names = sorted({" ".join(street.words) for street in streets if len(street.words[0]) >= 3})
    hebrew = "|".join(re.escape(name) for name in names if not name.isascii())
    english = "|".join(re.escape(name) for name in names if name.isascii())
    patterns = []
    if hebrew:
        patterns.append(
            rf"{_HB}(?P<street>[ובלמה]{{0,2}}-?(?:{hebrew})){_HE_END}\s*,?\s+"
            rf"(?P<num>\d{{1,4}}){_HE_NUMBER_END}"
        )
    if english:
        patterns.append(
            rf"(?<![\w.,:/#-])(?P<num>\d{{1,4}})\s+(?P<street>{english})\b(?!\s+(?:bus|line|stop))"
        )
        patterns.append(rf"\b(?P<street>{english})\s*,?\s+(?P<num>\d{{1,4}}){_EN_NUMBER_END}")
    return tuple(re.compile(pattern) for pattern in patterns)


def _inside(start: int, end: int, pattern: re.Pattern[str], text: str) -> bool:
    return any(match.start() <= start and end <= match.end() for match in pattern.finditer(text))


# --- what the customer wrote -----------------------------------------------------------------


@lru_cache(maxsize=64)
def _customer(question: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """The customer's text, normalised; its tokens; its digit runs."""
    text = normalise(question).text
    return (
        text,
        frozenset(_ALNUM_TOKEN.findall(text)),
        frozenset(re.findall(r"\d+", text)),
    )


# --- the check -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Claim:
    start: int
    end: int
    reason: str
    evidence: tuple[str, ...]
    in_question_clause_ok: bool = False  # an identifier of ours even in a question


def contacts_flags(*, reply: str, knowledge_base: str, question: str = "") -> list[Flag]:
    """Flags on the e-mails, sites, handles, addresses, codes and booking numbers of a reply."""
    norm = normalise(reply)
    text = norm.text
    if not text:
        return []
    kb = _knowledge(knowledge_base)
    asked_text, asked_tokens, asked_digits = _customer(question)
    claims: list[_Claim] = []
    taken: list[tuple[int, int]] = []

    def take(start: int, end: int) -> bool:
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            return False
        taken.append((start, end))
        return True

    # E-mail addresses.
    for match in _EMAIL.finditer(text):
        take(match.start(), match.end())
        email = match.group()
        if email in kb.emails or email in asked_tokens or email in asked_text:
            continue
        claims.append(
            _Claim(
                match.start(),
                match.end(),
                f"'{norm.original_text(*match.span())}' is not an e-mail address in the "
                "knowledge base",
                kb.email_lines,
            )
        )

    # Websites, and social profiles given as links.
    for match in _URL.finditer(text):
        raw = _strip_url(match.group())
        start, end = match.start(), match.start() + len(raw)
        if _sentence_run_on(raw, norm, start) or not take(start, end):
            continue
        claim = _url_claim(raw, kb, asked_text)
        if claim is not None:
            reason, evidence = claim
            shown = norm.original_text(start, end)
            claims.append(_Claim(start, end, reason.format(shown), evidence, True))

    # Handles.
    for match in _handle_matches(text):
        handle = match.group("handle").strip(".")
        start = match.start("handle")
        start -= text[start - 1 : start] == "@"
        end = start + len(text[start : match.end("handle")].rstrip("."))
        if not take(start, end):
            continue
        if not _is_handle(match, handle):
            continue
        if _handle_known(handle, kb) or handle in asked_tokens:
            continue
        claims.append(
            _Claim(
                start,
                end,
                f"'{norm.original_text(start, end)}' is not a handle or profile in the "
                "knowledge base",
                kb.handle_lines,
                True,
            )
        )

    # Booking, order and reference numbers.
    for match, strict in _booking_matches(text):
        token = match.group("token")
        start, end = match.span("token")
        if not _is_identifier(token, text, end, strict) or not take(start, end):
            continue
        if token in kb.tokens or token in asked_tokens or _digits(token) in asked_digits:
            continue
        claims.append(
            _Claim(
                start,
                end,
                f"'{norm.original_text(start, end)}' is given as a booking, order or reference "
                "number, but the agent has no booking system and the knowledge base does "
                "not give it",
                (),
            )
        )

    # Promo codes.
    for match, loose in _code_matches(text):
        code = match.group("code")
        start, end = match.span("code")
        if not _is_code(code, norm, start, end, text, loose) or not take(start, end):
            continue
        if code in kb.tokens or code in asked_tokens or _squash(code) in _squash(kb.text):
            continue
        claims.append(
            _Claim(
                start,
                end,
                f"'{norm.original_text(start, end)}' is not a code in the knowledge base",
                kb.code_lines,
                True,
            )
        )

    # Street addresses.
    for street in _find_streets(norm, kb.street_names):
        if not take(street.start, street.end):
            continue
        claim = _street_claim(street, kb, asked_text, asked_digits)
        if claim is not None:
            reason, evidence = claim
            shown = norm.original_text(street.start, street.end)
            claims.append(_Claim(street.start, street.end, reason.format(shown), evidence))

    if not claims:
        return []
    flags = []
    for claim in sorted(claims, key=lambda claim: claim.start):
        if _unsaid(text, claim):
            continue
        start, end = norm.original_span(claim.start, claim.end)
        flags.append(
            Flag(
                kind=CONTACT,
                claim=reply[start:end],
                start=start,
                end=end,
                reason=claim.reason,
                evidence=claim.evidence,
            )
        )
    return flags


def _unsaid(text: str, claim: _Claim) -> bool:
    """A negated identifier, or the customer's e-mail, address or number asked about."""
    for start, end in split_spans(text, _SUBCLAUSE_BREAK):
        if start <= claim.start < end:
            if _NEGATION.search(text, start, claim.start):
                return True
            break
    if claim.in_question_clause_ok:
        return False
    for start, end in split_spans(text, _SENTENCE_BREAK):
        if start <= claim.start < end:
            return text[end : end + 1] == "?" and bool(_YOURS.search(text, start, end))
    return False


def _digits(token: str) -> str:
    return re.sub(r"\D", "", token)


def _sentence_run_on(raw: str, norm: NormalisedText, start: int) -> bool:
    """ "See you at the salon.Me and my team...": two sentences, not a domain."""
    if "/" in raw or raw.startswith("www."):
        return False
    dot = raw.rfind(".")
    before, after = (
        norm.original_text(start, start + dot),
        norm.original_text(start + dot + 1, start + len(raw)),
    )
    return after[:1].isupper() and not before[-1:].isupper() and not after.isupper()


def _url_claim(raw: str, kb: _Knowledge, asked_text: str) -> tuple[str, tuple[str, ...]] | None:
    domain, path = _split_url(raw)
    handle = _social_handle(domain, path)
    if handle is not None:
        if _handle_known(handle, kb) or handle in asked_text:
            return None
        return "'{}' is not a profile in the knowledge base", kb.handle_lines
    if domain == "wa.me":
        number = normalise_phone("+" + _digits(path)) if _digits(path) else ""
        if not path or number in kb.phones or _digits(path) in kb.phones:
            return None
        return "'{}' is a WhatsApp link to a number not in the knowledge base", ()
    if raw in asked_text or (domain + ("/" + path if path else "")) in asked_text:
        return None
    evidence = kb.url_lines or kb.email_lines
    if domain not in kb.domains:
        if not path and domain in _PLATFORMS:
            return None
        return "'{}' is not a website in the knowledge base", evidence
    paths = kb.domains[domain] - {""}
    if path and paths and path not in paths:
        return "'{}' is not a page the knowledge base gives on that site", kb.url_lines
    return None


def _handle_matches(text: str) -> list[re.Match[str]]:
    matches = list(_AT_HANDLE.finditer(text))
    matches += _EN_PLATFORM_HANDLE.finditer(text)
    matches += _HE_PLATFORM_HANDLE.finditer(text)
    return sorted(matches, key=lambda match: match.start("handle"))


def _is_handle(match: re.Match[str], handle: str) -> bool:
    if not re.search(r"[a-z]", handle):
        return False
    return handle not in _NOT_HANDLE


def _handle_known(handle: str, kb: _Knowledge) -> bool:
    """The very handle, case aside: "parva.shampoo" is another account than "parva_shampoo",
    and "greencrumb" another than "greencrumb.vegan"."""
    if handle in kb.handles:
        return True
    # A handle the knowledge base gives with more after it ("@sparklego.tlv") makes the bare
    # word ("SparkleGo – we wash cars") the business's name, not another handle of it.
    if any(known.startswith(handle) and known[len(handle)] in "._" for known in kb.handles):
        return False
    # The knowledge base may spell it out without a platform: "salon.dana on IG".
    return bool(re.search(rf"(?<![a-z0-9_.]){re.escape(handle)}(?!\.?[a-z0-9_])", kb.text))


def _booking_matches(text: str) -> list[tuple[re.Match[str], bool]]:
    """Each number stated as a booking number, and whether it needs to look like one."""
    matches: list[tuple[re.Match[str], bool]] = []
    for match in _EN_BOOKING.finditer(text):
        issued = bool(_EN_ISSUED_NOUN.match(match.group("noun")))
        # "confirmation #5531" is ours; "order number 48213" is ours only when stated.
        qual, pred = match.group("qual"), match.group("pred")
        if (qual or pred) if issued else (qual and pred):
            # "Ticket: 120" is a price more likely than a ticket number.
            matches.append((match, not qual))
    matches += [(match, False) for match in _HE_BOOKING.finditer(text)]
    return matches


def _is_identifier(token: str, text: str, end: int, strict: bool = False) -> bool:
    digits = _digits(token)
    mixed = len(token) >= 5 and len(digits) >= 2 and bool(re.search(r"[a-z]", token))
    if len(digits) < (4 if strict and digits == token else 3) and not (digits and mixed):
        return False
    if digits == token and len(digits) == 4 and 1900 <= int(digits) <= 2099:
        return False  # a year
    if re.match(r"\s+(?:each|per|a\s+person|for)\b", text[end:]):
        return False
    # A phone number ("our booking number is 03-612-4455") is the validator's.
    if len(digits) >= 9 and (digits.startswith("0") or digits.startswith("972")):
        return False
    if re.match(r"-?\d", text[end : end + 2]) or re.match(r"\s*[-.]\d{3}", text[end:]):
        return False
    return not _AMOUNT_AFTER.match(text, end)


def _code_matches(text: str) -> list[tuple[re.Match[str], bool]]:
    found: list[tuple[re.Match[str], bool]] = []
    for match in _EN_CODE.finditer(text):
        if match.group("before") in _CODE_NOT_PROMO:
            continue
        found.append((match, False))
    found += [(match, False) for match in _HE_CODE.finditer(text)]
    found += [(match, True) for match in _EN_USE_CODE.finditer(text)]
    found += [(match, False) for match in _HE_USE_CODE.finditer(text)]
    return found


def _is_code(code: str, norm: NormalisedText, start: int, end: int, text: str, loose: bool) -> bool:
    spelled = norm.original_text(start, end)
    has_letter = bool(re.search(r"[a-z]", code))
    has_digit = bool(re.search(r"\d", code))
    upper = has_letter and spelled == spelled.upper()
    if loose:
        return upper and has_digit
    if not has_letter:
        return len(code) >= 4 and not _AMOUNT_AFTER.match(text, end)
    hebrew_context = bool(re.search(rf"[{HE}]", text[max(0, start - 12) : start]))
    return upper or has_digit or hebrew_context or text[start - 1 : start] in "\"'"


def _street_claim(
    street: _Street, kb: _Knowledge, asked_text: str, asked_digits: frozenset[str]
) -> tuple[str, tuple[str, ...]] | None:
    # The customer's own address, quoted back.
    if street.number in asked_digits and any(form in asked_text for form in street.forms):
        return None
    same_street: list[_Street] = []
    for known in kb.streets:
        same = _same_street(street, known)
        if same is None:  # another script, not comparable: the house number decides
            if known.number == street.number:
                return None
            continue
        if same:
            if known.number == street.number:
                return None
            same_street.append(known)
    if same_street:
        return (
            "'{}': the knowledge base gives another house number for this street",
            _unique([known.line for known in same_street]),
        )
    # A line of the knowledge base with the same number and street, in a form not read
    # as an address ("Dizengoff Center 50, 2nd floor").
    for line in kb.text.split("\n"):
        if re.search(rf"(?<!\d){street.number}(?!\d)", line) and any(
            form in line for form in street.forms
        ):
            return None
    # The knowledge base names the street but gives it no house number: it cannot tell.
    if street.forms & kb.street_forms:
        return None
    return (
        "'{}' is not an address in the knowledge base",
        _unique([known.line for known in kb.streets]),
    )
