"""Claims found in a text, each normalised by kind so that paraphrases compare equal.

The same extractor reads the agent's reply and the knowledge base: what the knowledge base
says becomes the facts, what the reply says becomes the claims to check against them. A
value is kept by kind (a price, a clock time, a duration, ...), so "10" in opening hours
can never vouch for "10 years".

Extraction runs kind by kind in a fixed order, and each kind blanks out what it took, so
the later, looser patterns cannot read the same characters again: phone numbers first
(they are made of digits), then prices, percentages and durations (a number with a unit),
then day names, then clock times (bare numbers count only beside "until", "from", a day
name ...), and last the words: certainty, "closed", "open".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from agents.grounding.clock import extract_times
from agents.grounding.numbers import (
    DIGITS,
    NUMBER,
    SMALL_WORD_NUMBER,
    numbers_in,
    parse_number,
)
from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.quantities import add_limits, find_counts
from agents.grounding.scanner import TAKEN, Scanner
from agents.grounding.schedule import DayGroup, DayToken, find_day_tokens, group_days
from agents.grounding.text import clause_spans, normalise
from agents.grounding.values import (
    ASSURANCE,
    CERTAINTY,
    DAY,
    DAYS,
    DURATION,
    GUARANTEE,
    HOUR,
    MINUTE,
    MONTH,
    PERCENT,
    PHONE,
    PRICE,
    QUANTITY,
    ROUND_THE_CLOCK,
    TIME,
    WEEK,
    YEAR,
    Amount,
    Certainty,
    Claim,
    DayStatus,
    Duration,
    Percent,
    Phone,
    Price,
    Time,
    Value,
)


@dataclass
class Extraction:
    """Claims of a text, plus what the knowledge base side needs beyond them."""

    claims: list[Claim]
    # Numbers no extractor took ("Men's haircut 90"): a price list written without a
    # currency can only vouch for prices through them.
    bare_numbers: list[tuple[Decimal, int, int]] = field(default_factory=list)
    # Plain counts ("4 players"): claims only where the knowledge base counts that noun.
    counts: list[Claim] = field(default_factory=list)


# --- phone numbers ------------------------------------------------------------------------

_PHONE = re.compile(
    r"(?<![\w+*/.,:])(?<!\d-)(?:"
    r"(?:\+|00)\d{1,3}[\s.-]?(?:\(0?\d{1,3}\)|\d{1,4})(?:[\s.-]?\d{2,4}){1,4}"
    r"|\(0\d{1,2}\)\s?\d{3}[\s.-]?\d{3,4}"
    r"|0\d{1,2}[\s.-]?\d{3}[\s.-]?\d{3,4}"
    r"|0\d{1,2}[\s.-]?\d{7}"
    r"|0\d{1,2}[\s.-]?\d{2,3}[\s.-]?\d{2}[\s.-]?\d{2}"
    r"|1[\s.-]?[5-9]00[\s.-]?\d{2,3}[\s.-]?\d{3,4}"
    r"|972\d{8,9}"
    r"|\*\d{4}"
    r")(?![\w:/])"
)


def normalise_phone(text: str) -> str:
    if text.startswith("*"):
        return text
    digits = re.sub(r"\D", "", text)
    if digits.startswith("00"):
        digits = digits[2:]
    elif not text.startswith("+") and not digits.startswith("972"):
        return digits
    if digits.startswith("972"):
        national = digits[3:]
        return national if national.startswith("0") else "0" + national
    return "+" + digits


def _extract_phones(scan: Scanner) -> None:
    for match in scan.matches(_PHONE):
        digit_count = sum(char.isdigit() for char in match.group())
        if match.group().startswith("*") or 7 <= digit_count <= 15:
            scan.add(PHONE, match.start(), match.end(), Phone(normalise_phone(match.group())))


# --- prices -------------------------------------------------------------------------------

_CURRENCY_PREFIX = r"(?:₪|\$|€|£|¥|₹|us\$|(?:nis|ils|usd|eur|gbp|chf)\b)"
_CURRENCY_SUFFIX = (
    r"(?:₪|\$|€|£|¥|₹"
    r"|(?:shekels?|sheqels?|nis|ils|usd|dollars?|bucks|euros?|eur|gbp|pounds?|chf|francs?|yen)\b"
    rf'|ש"ח|ש\'ח|שח(?![{HE}])|שקל(?:ים)?(?:\s+חדשים)?(?![{HE}])|דולר(?:ים)?(?![{HE}])'
    rf'|יורו(?![{HE}])|ליש"ט|אירו(?![{HE}]))'
)
_CURRENCY_CODES = (
    (re.compile(r'₪|nis|ils|shekel|sheqel|ש"ח|ש\'ח|שח|שקל'), "ILS"),
    (re.compile(r"\$|usd|dollar|bucks|דולר"), "USD"),
    (re.compile(r"€|eur|euro|יורו|אירו"), "EUR"),
    (re.compile(r'£|gbp|pound|ליש"ט'), "GBP"),
    (re.compile(r"chf|franc"), "CHF"),
    (re.compile(r"¥|yen"), "JPY"),
    (re.compile(r"₹"), "INR"),
)
_MONEY_NUMBER = rf"(?:{DIGITS}(?:\s?k\b)?|{NUMBER})"
_MONEY = (
    rf"(?:{_CURRENCY_PREFIX}\s?{_MONEY_NUMBER}(?:\s?{_CURRENCY_SUFFIX})?"
    rf"|{_MONEY_NUMBER}\s?{_CURRENCY_SUFFIX})"
)
_MAYBE_MONEY = rf"(?:(?:{_CURRENCY_PREFIX}\s?)?{_MONEY_NUMBER}(?:\s?{_CURRENCY_SUFFIX})?)"
_RANGE_SEPARATOR = r"\s*(?:-|to|till|until|עד|ועד)\s*"
_PRICE = re.compile(
    rf"(?:(?:between|בין)\s+{_MAYBE_MONEY}\s*(?:and|-|to|ל-?|ו-?|עד)\s*{_MAYBE_MONEY}"
    rf"|{_MONEY}{_RANGE_SEPARATOR}{_MAYBE_MONEY}"
    rf"|{_MAYBE_MONEY}{_RANGE_SEPARATOR}{_MONEY}"
    rf"|{_MONEY})"
)
_FROM_BEFORE = re.compile(
    rf"(?:\bfrom|\bstarting(?:\s+(?:at|from))?|\bstarts?\s+(?:at|from)|\bas\s+low\s+as"
    rf"|\bprices?\s+start\s+(?:at|from)|החל\s+מ-?|(?<![{HE}])מ-?|מתחיל(?:ים|ה)?\s+ב-?)\s*$"
)
_UP_TO_BEFORE = re.compile(rf"(?:\bup\s+to|\bmax(?:imum)?|(?<![{HE}])עד)\s*$")
# A bare number is a price only where the words say so ("costs 180", "עולה 180").
_BARE_PRICE = re.compile(
    r"(?:\b(?:costs?|priced\s+at|price\s+is|prices?\s+(?:is|are)|charges?|charged|pay|fee\s+is"
    r"|fee\s+of|rate\s+is|total\s+is|total\s+of|comes\s+to)"
    rf"|(?<![{HE}])(?:עולה|עולים|עולות|המחיר(?:\s+הוא)?|מחיר|מחירו|מחירה|בעלות\s+של|העלות"
    rf"|עלות|תשלום\s+של|משלמים|לשלם|תשלמו|תשלמי))"
    rf"\s*:?\s*(?:of\s+|is\s+|only\s+|just\s+|about\s+|around\s+|רק\s+|בסך\s+)?(?:ב-?)?"
    rf"(?P<number>{DIGITS})"
    rf"(?!\w|\s*%|\s*{TAKEN}|\s+(?:installments?|payments?|times|people|guests|תשלומים|פעמים|אנשים|איש)\b)"
)
_FREE = re.compile(
    r"\b(?:free\s+of\s+charge|for\s+free|at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)"
    r"|no\s+(?:extra\s+)?charge|(?:is|are|it's|be|completely|totally|always)\s+free\b(?!\s+to\b)"
    r"|free\s+(?:delivery|shipping|consultation|parking|estimate|quote|trial|session|lesson"
    r"|class|check-?up|installation|returns?|cancellation|wi-?fi|gift|sample|initial"
    r"|assessment|intro\w*|coffee|drink|dessert|first))"
    # A price list's "Trial lesson: free".
    r"|(?<=:)\s*free\b(?!\s+(?:to|for|of)\b)"
    rf"|(?<![{HE}])(?:ב?חינם|ללא\s+(?:תוספת\s+)?(?:תשלום|עלות|חיוב)|בלי\s+(?:תשלום|עלות)"
    rf"|חינמי(?:ת|ים|ות)?)(?![{HE}])"
)


def _currency(text: str) -> str | None:
    for pattern, code in _CURRENCY_CODES:
        if pattern.search(text):
            return code
    return None


def _amount(values: list[Decimal], qualifier: str) -> Amount | None:
    if not values:
        return None
    low, high = min(values[0], values[-1]), max(values[0], values[-1])
    return Amount(low=low, high=high, qualifier="" if high > low else qualifier)


def _qualifier(scan: Scanner, start: int) -> str:
    before = scan.before(start, 25)
    if _FROM_BEFORE.search(before):
        return "from"
    if _UP_TO_BEFORE.search(before):
        return "up to"
    return ""


def _extract_prices(scan: Scanner) -> None:
    for match in scan.matches(_PRICE):
        text = match.group()
        currency = _currency(text)
        if currency is None:
            continue  # "between 3 and 5" became a price only if money was named
        values = numbers_in(re.sub(rf"{_CURRENCY_SUFFIX}|{_CURRENCY_PREFIX}", " ", text))
        if re.search(r"\d\s?k\b", text):
            values = [value * 1000 for value in values]
        amount = _amount(values, _qualifier(scan, match.start()))
        if amount is not None:
            price = Price(amount=amount, currency=currency)
            scan.add(PRICE, match.start(), match.end(), price)


# A size is no price: "5 m² ₪480/month", "2 sqm", "80 מ\"ר". Taken before prices, so its
# number cannot pair with the currency sign after it.
_SIZE = re.compile(
    rf"{DIGITS}(?:\s*(?:-|to|עד)\s*{DIGITS})?\s?(?:m²|m2\b|m\^2|sq\.?\s?m\b|sqm\b|sq\.?\s?ft\b"
    rf"|square\s+(?:met(?:er|re)s?|feet|foot)\b|cubic\s+met(?:er|re)s?\b|m³|m3\b"
    rf'|מ"ר|מ\'ר|מטר(?:ים)?\s+רבוע(?:ים)?(?![{HE}])|מ"ק|קוב(?![{HE}]))'
)


def sizes_in(text: str) -> list[tuple[int, int, Decimal]]:
    """Sizes in normalised ``text``: (start, end, the number) of "5 m²", "10 מ\"ר"."""
    found = []
    for match in _SIZE.finditer(text):
        values = numbers_in(match.group())
        if values:
            found.append((match.start(), match.end(), values[0]))
    return found


def _take_sizes(scan: Scanner) -> None:
    for match in scan.matches(_SIZE):
        scan.take(match.start(), match.end())
    # "From 3 to 6 months old" is an age, not a clock time nor a length of time.
    for match in scan.matches(_AGE_IN_UNITS):
        scan.take(match.start(), match.end())


_AGE_IN_UNITS = re.compile(
    rf"{NUMBER}(?:\s*(?:-|to|and)\s*{NUMBER})?[\s-]+(?:weeks?|months?)[\s-]+old\b"
)
# "עד גיל 6 שנים": an age, read with the counts, not a length of time.
_AGE_BEFORE = re.compile(rf"(?<![{HE}])[במל]?-?(?:גיל|גילאי)\s*$")


def _extract_bare_prices(scan: Scanner) -> None:
    for match in scan.matches(_BARE_PRICE):
        value = parse_number(match.group("number"))
        if value is None or value < 10:
            continue
        start, end = match.span("number")
        amount = Amount(low=value, high=value, qualifier=_qualifier(scan, start))
        scan.add(PRICE, start, end, Price(amount=amount, currency=None))


def _extract_free(scan: Scanner) -> None:
    for match in scan.matches(_FREE):
        zero = Amount(low=Decimal(0), high=Decimal(0))
        scan.add(PRICE, match.start(), match.end(), Price(amount=zero, currency=None))


# --- percentages --------------------------------------------------------------------------

_PERCENT_UNIT = rf"(?:\s?%|\s?percent\b|\s?per\s?cent\b|\s?pct\b|\s?אחוז(?:ים)?(?![{HE}]))"
_PERCENT = re.compile(
    rf"(?:{NUMBER}\s*(?:{_PERCENT_UNIT})?\s*(?:-|to|עד)\s*)?{NUMBER}{_PERCENT_UNIT}"
    rf"|%\s?{DIGITS}"
    rf"|\bhalf[\s-](?:price|off)\b|\bhalf\s+(?:of\s+)?the\s+(?:price|cost)\b"
    rf"|(?<![{HE}])ב?חצי\s+(?:מ?ה?מחיר)(?![{HE}])"
)
# "100%" on its own is a way of being certain ("100% sure"), not a discount.
_WHOLE_PERCENT_MEANS_MONEY = re.compile(
    r"^\s*(?:off|discount|refund|cash\s?back|money\s+back|of\s+the\s+price|הנחה|החזר|מימון)"
)


def _extract_percentages(scan: Scanner) -> None:
    for match in scan.matches(_PERCENT):
        text = match.group()
        values = numbers_in(text) if re.search(r"[\d%]|אחוז|percent|cent|pct", text) else []
        if not values:
            values = [Decimal(50)]  # "half price", "חצי מחיר"
        amount = _amount(values, _qualifier(scan, match.start()))
        if amount is None:
            continue
        if amount.high == 100 and not _WHOLE_PERCENT_MEANS_MONEY.match(scan.after(match.end())):
            continue
        scan.add(PERCENT, match.start(), match.end(), Percent(amount))


# --- durations ----------------------------------------------------------------------------

_EN_UNIT = (
    r"(?:minutes?|mins?|hours?|hrs?|h|(?:business|working|work|calendar)\s+days?|days?|nights?"
    r"|weeks?|wks?|months?|years?|yrs?)\b(?![\s-]+old\b)"
)
_HE_UNIT = (
    r"(?:דקות|דקה|ד'|שעות|שעה|ימי\s+עסקים|ימי\s+עבודה|יום\s+עסקים|יום\s+עבודה|ימים|יום"
    rf"|יממות|יממה|לילות|לילה|שבועות|שבוע|חודשים|חודשי|חודש|שנים|שנות|שנה)(?![{HE}])"
)
_UNIT = rf"(?:{_EN_UNIT}|{_HE_UNIT})"
_HALF_AFTER = r"(?:\s+and\s+a\s+(?:half|quarter)|\s+וחצי)"
_DUAL = rf"(?<![{HE}])[בלכמוה]{{0,2}}-?(?:שעתיים|יומיים|שבועיים|חודשיים|שנתיים)(?![{HE}])"
_SINGLE_DURATION = rf"{NUMBER}(?:\s+and\s+a\s+half)?\s?-?{_UNIT}{_HALF_AFTER}?"
_DURATION = re.compile(
    rf"(?:between|בין)\s+{NUMBER}\s*(?:and|ל-?|ו-?|-)\s*{_SINGLE_DURATION}"
    rf"|{NUMBER}\s*(?:-|to|or|עד|או)\s*{_SINGLE_DURATION}"
    rf"|{_SINGLE_DURATION}"
    rf"|{_DUAL}(?:\s*(?:-|עד|או)\s*{NUMBER}(?:\s*{_HE_UNIT})?)?{_HALF_AFTER}?"
    rf"|\b(?:a\s+)?(?:half|quarter)(?:\s+of)?(?:\s+an?)?[\s-](?:hour|day)\b"
    rf"|\b(?:an?|one)\s+(?:hour|day|week|month|year)\s+and\s+a\s+(?:half|quarter)\b"
    rf"|(?<![{HE}])[בלכמוה]{{0,2}}-?(?:חצי|רבע)\s+(?:שעה|יום|שנה)(?![{HE}])"
    rf"|(?<![{HE}])[בלכמוה]{{0,2}}-?(?:שעה|יום|שבוע|חודש|שנה)\s+וחצי(?![{HE}])"
)
# "an hour", "a week": a claim, unless it is a rate ("3 times a week", "₪200 a month").
_ONE_UNIT = re.compile(
    r"\b(?:an?|one)\s+(?:full\s+|whole\s+|entire\s+|single\s+)?"
    r"(?P<unit>hour|(?:business\s+|working\s+)?day|night|week|month|year)\b"
    # "a day pass", "a week off": the unit names a thing, not a length of time.
    r"(?![\s-]+(?:old|pass|passes|ticket|tickets|trip|trips|tour|tours|course|workshop|rental"
    r"|card|subscription|membership|package|event|job|off)\b)"
)
_RATE_BEFORE = re.compile(
    r"(?:\bper|\bonce|\btwice|\btimes|\bevery|\d|\bx|[₪$€£]|shekels?|nis|ש\"ח|/)\s*$"
    # "2 lessons a week", "three sessions a month": a count of things per period.
    rf"|(?:\d|\b{SMALL_WORD_NUMBER})\s+(?:[a-z]+\s+)?[a-z]+s\s*$"
)
# Hebrew "שעה", "יום" alone mean "an hour", "a day" only after a word of measure; elsewhere
# they mean "o'clock" (בשעה 9) or start a day name (יום ראשון).
_HE_ONE_UNIT = re.compile(
    rf"(?<![{HE}])(?:תוך|בתוך|בעוד|במשך|לפחות|עד|כעבור|אחרי|לאחר|לוקח|לוקחת|נמשך|נמשכת|מעל"
    rf"|פחות\s+מ-?|יותר\s+מ-?|של|כ-?)(?:\s+(?:בערך|כמעט|רק|בדיוק|בסביבות))?\s*-?(?P<unit>שעה|יום(?:\s+עסקים|\s+עבודה)?|יממה|שבוע|חודש|שנה)"
    rf"(?![{HE}])(?!\s+(?:ראשון|שני|שלישי|רביעי|חמישי|שישי|שבת|א'|ב'|ג'|ד'|ה'|ו'))"
    rf"|(?<![{HE}])[בלכ]?-?(?P<unit2>שעה|יום(?:\s+עבודה|\s+עסקים)?|לילה|שבוע|חודש|שנה)"
    rf"\s+(?:אחד|אחת)(?![{HE}])"
    # "שעה עד שעתיים": the first end of a range; the merge below joins the two ends.
    rf"|(?<![{HE}])(?P<unit3>שעה|יום|שבוע|חודש|שנה)(?=\s*(?:-|עד|או)\s*(?:{_DUAL}|\d|{SMALL_WORD_NUMBER}|{TAKEN}))"
    # "אחריות: שנה על התקנה": a list's label, then the length alone ("השכרה: חודש שכירות"
    # is a month's rent, a sum of money, not a length).
    rf"|:\s*(?P<unit4>שעה|יום|לילה|שבוע|חודש|שנה)(?=\s*(?:[,.;)\n]|$|על(?![{HE}])))"
)
_UNIT_MINUTES = (
    (re.compile(r"^(?:min|דק|ד')"), MINUTE),
    (re.compile(r"^(?:h|שע)"), HOUR),
    (re.compile(r"^(?:w|שבוע)"), WEEK),
    (re.compile(r"^(?:mo|חוד)"), MONTH),
    (re.compile(r"^(?:y|שנ)"), YEAR),
    (re.compile(r"^(?:d|n|business|working|work|calendar|ימ|יום|יממ|ליל)"), DAY),
)
_DUAL_MINUTES = {"שעתיים": 2 * HOUR, "יומיים": 2 * DAY, "שבועיים": 2 * WEEK}
_DUAL_MINUTES |= {"חודשיים": 2 * MONTH, "שנתיים": 2 * YEAR}
_UNIT_WORD = re.compile(
    rf"(?:minutes?|mins?|hours?|hrs?|h|business|working|work|calendar|days?|nights?|weeks?|wks?"
    rf"|months?|years?|yrs?)\b|{_HE_UNIT}|שעתיים|יומיים|שבועיים|חודשיים|שנתיים"
)


_HALF = re.compile(rf"\bhalf\b|(?<![{HE}])[בלכמוה]{{0,2}}-?חצי(?![{HE}])")
_AND_A_HALF = re.compile(rf"and\s+a\s+half|(?<![{HE}])וחצי(?![{HE}])")
_AND_A_QUARTER = re.compile(r"and\s+a\s+quarter")
_QUARTER = re.compile(rf"\bquarter\b|(?<![{HE}])[בלכמוה]{{0,2}}-?רבע(?![{HE}])")


def _unit_minutes(unit: str) -> int:
    for pattern, minutes in _UNIT_MINUTES:
        if pattern.match(unit):
            return minutes
    return MINUTE


def _duration_amount(text: str) -> Amount | None:
    units = [match.group() for match in _UNIT_WORD.finditer(text)]
    if not units:
        return None
    unit = next((u for u in units if u.strip("בלכמוה-") in _DUAL_MINUTES), units[-1])
    dual = _DUAL_MINUTES.get(re.sub(r"^[בלכמוה]{0,2}-?", "", unit))
    size = dual // 2 if dual else _unit_minutes(unit)
    # Units are matched once more below; the numbers are what is left once they are gone.
    bare = _UNIT_WORD.sub(" ", text)
    values = numbers_in(bare)
    if dual:
        values = [Decimal(2), *values]
    if _HALF.search(text) and not _AND_A_HALF.search(text):
        values = [Decimal("0.5")]
    elif _AND_A_QUARTER.search(text):
        values = [*(values or [Decimal(1)])[:-1], (values or [Decimal(1)])[-1] + Decimal("0.25")]
    elif _QUARTER.search(text):
        values = [Decimal("0.25")]
    elif not values:
        values = [Decimal(1)]
    if _AND_A_HALF.search(text):
        values[-1] += Decimal("0.5")
        if len(values) == 1 and re.match(r"\s*(?:an?|one)\b", text):
            values = [Decimal("1.5")]
    return _amount([value * size for value in values], "")


# "same-day delivery", "משלוח באותו יום": a duration of zero days; "next day" is one.
_SAME_DAY = re.compile(
    rf"\bsame[\s-](?:business\s+)?day\b|(?<![{HE}])(?:ב|של\s+)?אותו\s+ה?יום(?![{HE}])"
)
_NEXT_DAY = re.compile(
    rf"\b(?:next|following)[\s-](?:business\s+|working\s+)?day\b"
    rf"|(?<![{HE}])(?:ב?יום\s+(?:ה?עסקים\s+)?(?:ה?בא|שלמחרת)|למחרת)(?![{HE}])"
)


# "שעה ועשרים דקות", "שעתיים ורבע": hours and minutes in one Hebrew phrase, the minutes'
# unit often left out ("שעה ועשרים").
_HE_HOURS_AND_MINUTES = re.compile(
    rf"(?<![{HE}])[בלכמוה]{{0,2}}-?(?P<hours>שעה|שעתיים)\s+ו-?(?P<minutes>\d+|[{HE}]+)"
    rf"(?:\s*(?:דקות|דק'|ד'))?(?![{HE}])"
)


def _extract_durations(scan: Scanner) -> None:
    for match in scan.matches(_HE_HOURS_AND_MINUTES):
        said = match.group("minutes")
        minutes = Decimal(15) if said == "רבע" else parse_number(said)
        if minutes is None or not 0 < minutes < 60:
            continue
        total = minutes + (2 * HOUR if match.group("hours") == "שעתיים" else HOUR)
        scan.add(DURATION, match.start(), match.end(), Duration(Amount(total, total)))
    for pattern, days in ((_SAME_DAY, 0), (_NEXT_DAY, 1)):
        for match in scan.matches(pattern):
            minutes = Decimal(days * DAY)
            scan.add(DURATION, match.start(), match.end(), Duration(Amount(minutes, minutes)))
    for match in scan.matches(_DURATION):
        if _AGE_BEFORE.search(scan.before(match.start(), 12)):
            continue
        amount = _duration_amount(match.group())
        if amount is not None and amount.low > 0:
            scan.add(DURATION, match.start(), match.end(), Duration(amount))
    for match in scan.matches(_ONE_UNIT):
        if _RATE_BEFORE.search(scan.before(match.start(), 30)):
            continue
        minutes = Decimal(_unit_minutes(match.group("unit")))
        scan.add(DURATION, match.start(), match.end(), Duration(Amount(minutes, minutes)))
    for match in scan.matches(_HE_ONE_UNIT):
        unit = match.group("unit") or match.group("unit2") or match.group("unit3")
        unit = unit or match.group("unit4")
        minutes = Decimal(_unit_minutes(unit))
        named = next((name for name in ("unit", "unit4") if match.group(name)), None)
        start = match.start(named) if named else match.start()
        scan.add(DURATION, start, match.end(), Duration(Amount(minutes, minutes)))


def _joined(first: Amount, second: Amount, gap: str) -> Amount | None:
    """'an hour and 30 minutes' is one sum; 'an hour to two hours' is one range."""
    if first.is_range:
        return None
    # Not across a comma: in "2 lessons a week, 90 minutes each" the two are apart.
    if first.low > second.high and re.fullmatch(r"\s*(?:and|ו-?)?\s*", gap):
        total = first.low + second.low
        return Amount(total, total)
    if first.low < second.low and re.fullmatch(r"\s*(?:-|to|or|עד|או)\s*", gap):
        return Amount(first.low, second.high)
    return None


def _merge_compound_durations(claims: list[tuple[int, int, str, Value]], text: str) -> None:
    claims.sort(key=lambda claim: claim[0])
    index = 0
    while index < len(claims) - 1:
        first, second = claims[index], claims[index + 1]
        joined = None
        if isinstance(first[3], Duration) and isinstance(second[3], Duration):
            joined = _joined(first[3].amount, second[3].amount, text[first[1] : second[0]])
        if joined is not None:
            claims[index] = (first[0], second[1], DURATION, Duration(joined))
            del claims[index + 1]
            continue
        index += 1


# --- certainty ----------------------------------------------------------------------------

_GUARANTEE_WORDS = rf"\bguarantee[sd]?\b|(?<![{HE}])(?:מובטח(?:ת|ים|ות)?|מתחייב(?:ת|ים|ות)?|אני\s+מתחייב\w*)(?![{HE}])"
_CERTAINTY = re.compile(
    rf"(?P<guarantee>{_GUARANTEE_WORDS})"
    r"|\b(?:definitely|certainly|absolutely|i\s+promise|we\s+promise|promise\s+you|for\s+sure"
    r"|without\s+(?:a|any)\s+doubt|no\s+doubt|undoubtedly|rest\s+assured|100\s?%|100\s+percent"
    r"|i'?m\s+(?:sure|certain|positive)|i\s+am\s+(?:sure|certain|positive)"
    r"|we'?re\s+(?:sure|certain)|we\s+are\s+(?:sure|certain)|without\s+fail)(?!\w)"
    rf"|(?<![{HE}])(?:(?:בהחלט|בוודאות|בודאות|ללא\s+ספק|בלי\s+ספק|חד[\s-]משמעית"
    rf"|מבטיח(?:ה|ים|ות)?|אבטיח|נבטיח|100\s?%)(?![{HE}])|בטוח(?:ה|ים|ות)?\s+ש)"
)
# "I can't promise", "אין הבטחה": a hedge, not a promise.
_NEGATION_BEFORE = re.compile(
    rf"(?:\b(?:not|no|can't|cannot|can\s+not|couldn't|won't|don't|never|unable\s+to)\s+(?:\w+\s+)?"
    rf"|(?<![{HE}])(?:לא|אין|אי\s+אפשר)\s+(?:[{HE}]+\s+)?)$"
)
# KB words that do guarantee something: a warranty backs "guaranteed".
KB_GUARANTEE = re.compile(
    rf"{_GUARANTEE_WORDS}|\bwarrant(?:y|ies|eed)\b|money[\s-]back|(?<![{HE}])(?:אחריות|התחייבות|ערבות)"
)


def _extract_certainty(scan: Scanner) -> None:
    for match in scan.matches(_CERTAINTY):
        if _NEGATION_BEFORE.search(scan.before(match.start(), 30)):
            continue
        # "Certainly!" on its own answers a request politely; it asserts nothing.
        at_sentence_start = re.search(r"(?:^|[.!?\n]\s*)$", scan.before(match.start(), 5))
        if at_sentence_start and scan.after(match.end(), 1) == "!":
            continue
        family = GUARANTEE if match.group("guarantee") else ASSURANCE
        scan.add(CERTAINTY, match.start(), match.end(), Certainty(family))


def knowledge_base_guarantees(text: str) -> bool:
    return bool(KB_GUARANTEE.search(normalise(text).text))


# --- open and closed ----------------------------------------------------------------------

_CLOSED = re.compile(
    r"\b(?:closed|shut|(?:are|is|'re)\s+not\s+(?:open|working|available)"
    r"|aren't\s+(?:open|working|available)|isn't\s+open|unavailable|day\s+off|days\s+off"
    r"|(?:don't|do\s+not|doesn't|does\s+not)\s+(?:open|work)|close[sd]?(?=\s+on\b)|we\s+rest"
    r"|no\s+(?:service|appointments|deliveries|lessons|classes|work))\b"
    rf"|(?<![{HE}])ו?(?:סגור|סגורה|סגורים|סגורות|לא\s+(?:פתוח|פותח|עובד|זמינ|פועל|מקבל)\w*"
    rf"|אין\s+(?:פעילות|קבלת\s+קהל|שירות|משלוחים|שיעורים|עבודה)|מנוחה|יום\s+חופש)(?![{HE}])"
)
_OPEN = re.compile(
    r"\b(?:open|opens|opened|working|work|available|operate|operating)\b"
    rf"|(?<![{HE}])ו?(?:פתוח|פתוחה|פתוחים|פתוחות|פותח|פותחים|פותחת|נפתח|נפתחת|עובדים|עובדת"
    rf"|עובדות|פועלים|פועלת|פעילים|פעילה|זמינים|זמינה|זמינות|זמין|מקבלים\s+קהל)(?![{HE}])"
)
# A day named in a negative sentence ("not on Saturday") or a greeting ("שבת שלום",
# "have a nice weekend") offers nothing.
_NO_OFFER = re.compile(
    r"\b(?:not|no|don't|doesn't|can't|cannot|won't|unfortunately|sorry|except|apart|besides"
    r"|have\s+a|enjoy\s+your)\b|\?"
    rf"|(?<![{HE}])(?:לא|אין|לצערי|מצטער\w*|חוץ|למעט|פרט|מלבד)(?![{HE}])"
    rf"|שבת\s+שלום|שבוע\s+טוב|סופ\"ש\s+(?:נעים|טוב|מהנה)|חג\s+שמח"
)


# --- putting it together ------------------------------------------------------------------


# "a Tuesday won't work", "we won't be open then", "לא נהיה זמינים": a negated open word
# says no day is open, and is not sure to say it is closed either (one date, one plan).
_NEGATED_OPEN = re.compile(
    r"\b(?:not|never|won't|wouldn't|can't|cannot|isn't|aren't|don't|doesn't)\s+(?:be\s+)?$"
    rf"|(?<![{HE}])(?:לא|אין)\s+(?:[{HE}]+\s+)?$"
)


def _status_tokens(scan: Scanner) -> list[tuple[int, int, bool]]:
    tokens = []
    for match in scan.matches(_CLOSED):
        scan.take(match.start(), match.end())
        tokens.append((match.start(), match.end(), False))
    for match in scan.matches(_OPEN):
        if _NEGATED_OPEN.search(scan.before(match.start(), 20)):
            continue
        tokens.append((match.start(), match.end(), True))
    return tokens


def _clause_around(text: str, position: int) -> str:
    for start, end in clause_spans(text):
        if start <= position < end:
            # The question mark that ends a question is outside the clause; keep it.
            return text[start : end + 1]
    return ""


def _apply_schedule(scan: Scanner, days: list[DayToken]) -> None:
    """Give each time the days it was said for; turn "closed on Saturday" into a claim."""
    times = [(start, end) for start, end, kind, _ in scan.claims if kind == TIME]
    groups: list[DayGroup] = group_days(
        clauses=clause_spans(scan.norm.text),
        days=days,
        times=times,
        statuses=_status_tokens(scan),
    )
    days_of_time: dict[int, frozenset[int]] = {}
    for group in groups:
        for start, _ in group.times:
            days_of_time[start] = days_of_time.get(start, frozenset()) | group.days
        if group.times or not group.days:
            continue
        if group.is_open is not None:
            status = DayStatus(days=group.days, is_open=group.is_open)
            scan.claims.append((group.start, group.end, DAYS, status))
        elif group.named and not _NO_OFFER.search(_clause_around(scan.norm.text, group.start)):
            status = DayStatus(days=group.days, is_open=True, implicit=True)
            scan.claims.append((group.start, group.end, DAYS, status))
    scan.claims[:] = [
        (start, end, kind, replace(value, days=days_of_time.get(start, frozenset())))
        if isinstance(value, Time)
        else (start, end, kind, value)
        for start, end, kind, value in scan.claims
    ]


_ANY_DIGITS = re.compile(DIGITS)


def extract(text: str) -> Extraction:
    norm = normalise(text)
    scan = Scanner(norm)
    _extract_phones(scan)
    days = find_day_tokens(scan.text)
    for token in days:
        if token.consumes_digits:
            scan.take(token.start, token.end)
    _take_sizes(scan)
    _extract_prices(scan)
    _extract_percentages(scan)
    _extract_durations(scan)
    # "שני ימים" is two days, not Monday: a day name inside a duration is no day.
    days = [t for t in days if t.consumes_digits or TAKEN not in scan.window(t.start, t.end)]
    for token in days:
        scan.take(token.start, token.end)
    extract_times(scan, frozenset(token.start for token in days))
    for token in days:
        if token.round_the_clock:  # "24/7": every day, and every hour of it
            scan.add(TIME, token.start, token.end, Time(points=ROUND_THE_CLOCK, boundary=True))
    _extract_bare_prices(scan)
    _extract_free(scan)
    _extract_certainty(scan)
    counts = find_counts(scan)
    add_limits(scan, counts)
    _merge_compound_durations(scan.claims, norm.text)
    _apply_schedule(scan, days)
    claims = []
    for start, end, kind, value in sorted(scan.claims, key=lambda claim: claim[0]):
        first, last = norm.original_span(start, end)
        claims.append(Claim(kind=kind, text=text[first:last], start=first, end=last, value=value))
    bare = []
    for match in _ANY_DIGITS.finditer(scan.text):
        value = parse_number(match.group())
        if value is not None:
            first, last = norm.original_span(match.start(), match.end())
            bare.append((value, first, last))
    plain = []
    for count in counts:
        if not count.value.limit:
            first, last = norm.original_span(count.start, count.end)
            plain.append(Claim(QUANTITY, text[first:last], first, last, count.value))
    return Extraction(claims=claims, bare_numbers=bare, counts=plain)


def extract_claims(text: str) -> list[Claim]:
    return extract(text).claims
