"""Claim extraction and normalisation, kind by kind, in English and Hebrew."""

from __future__ import annotations

from decimal import Decimal

import pytest

from agents.grounding import values
from agents.grounding.claims import extract_claims, normalise_phone
from agents.grounding.numbers import parse_number


def only(text: str, kind: str) -> values.Claim:
    claims = [claim for claim in extract_claims(text) if claim.kind == kind]
    assert len(claims) == 1, f"expected one {kind} claim in {text!r}, got {claims}"
    return claims[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,500", 1500),
        ("1500", 1500),
        ("12.5", Decimal("12.5")),
        ("twenty-five", 25),
        ("one hundred and fifty", 150),
        ("nineteen", 19),
        ("שלושה", 3),
        ("כשלושה", 3),
        ("שתים עשרה", 12),
        ("עשרים וחמש", 25),
        ("מאה ועשרים", 120),
        ("אלף וחמש מאות", 1500),
        ("5 אלף", 5000),
        ("2 million", 2_000_000),
    ],
)
def test_it_reads_numbers_in_digits_and_words(text: str, value: int | Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("It's ₪180.", (180, 180), "ILS"),
        ("It's 180₪.", (180, 180), "ILS"),
        ("It's 180 NIS.", (180, 180), "ILS"),
        ("It's NIS 180.", (180, 180), "ILS"),
        ("It's 180 shekels.", (180, 180), "ILS"),
        ("It's ninety shekels.", (90, 90), "ILS"),
        ("זה עולה 180 ש״ח.", (180, 180), "ILS"),
        ('זה עולה 180 ש"ח.', (180, 180), "ILS"),
        ("זה עולה 180 ש''ח.", (180, 180), "ILS"),
        ("זה עולה 180 שקלים.", (180, 180), "ILS"),
        ("זה עולה תשעים שקל.", (90, 90), "ILS"),
        ("It's $45 a day.", (45, 45), "USD"),
        ("It's €30.", (30, 30), "EUR"),
        ("It's £20.", (20, 20), "GBP"),
        ("It's ₪1,500.", (1500, 1500), "ILS"),
        ("Highlights are ₪150-200.", (150, 200), "ILS"),
        ("Between 150 and 200 shekels.", (150, 200), "ILS"),
        ('בין 450 ל-650 ש"ח.', (450, 650), "ILS"),
        ("It costs 180 for a women's cut.", (180, 180), None),
        ("המחיר 180.", (180, 180), None),
    ],
)
def test_it_reads_prices_in_every_common_form(
    text: str, amount: tuple[int, int], currency: str | None
) -> None:
    price = only(text, values.PRICE).value
    assert isinstance(price, values.Price)
    assert (price.amount.low, price.amount.high) == amount
    assert price.currency == currency


@pytest.mark.parametrize(
    "text",
    ["Colouring from ₪350.", "Colouring starting at ₪350.", "צבע מלא החל מ-350 ₪."],
)
def test_it_marks_a_price_floor_as_from(text: str) -> None:
    price = only(text, values.PRICE).value
    assert isinstance(price, values.Price)
    assert price.describe() == "from ₪350"


@pytest.mark.parametrize(
    "text", ["Delivery is free of charge.", "המשלוח בחינם.", "Parking is free!"]
)
def test_it_reads_free_as_a_price_of_zero(text: str) -> None:
    assert only(text, values.PRICE).value.describe() == "free"


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("We open at 9am.", {540}),
        ("We close at 7 pm.", {1140}),
        ("We close at 19:00.", {1140}),
        ("We open at 09:00.", {540}),
        ("We open at 9:00.", {540, 1260}),
        ("Open until 7.", {420, 1140}),
        ("Open until 7 in the evening.", {1140}),
        ("Open until seven in the evening.", {1140}),
        ("Lunch is served from noon.", {720}),
        ("פתוחים עד 7 בערב.", {1140}),
        ("פתוחים עד שבע בערב.", {1140}),
        ("פתוחים עד 19:00.", {1140}),
        ("פותחים בשמונה וחצי בבוקר.", {510}),
        ("פתוחים עד אחת בלילה.", {60}),
        ('בשישי פתוחים עד 3 אחה"צ.', {900}),
    ],
)
def test_it_reads_times_of_day_with_their_readings(text: str, readings: set[int]) -> None:
    time = only(text, values.TIME).value
    assert isinstance(time, values.Time)
    assert set(time.points[0].readings) == readings


@pytest.mark.parametrize(
    "text",
    [
        "We're at 12 Herzl Street.",
        "There are 5 people in the team.",
        "Order #48213 is ready.",
        "We've been here since 2015.",
        "We have 3 stylists.",
    ],
)
def test_it_leaves_numbers_that_are_not_claims_alone(text: str) -> None:
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("We're open Sunday to Thursday 9:00-19:00.", {0, 1, 2, 3, 4}),
        ("Open Sun-Thu 9-7.", {0, 1, 2, 3, 4}),
        ("Open from Sunday through Thursday, 9am to 7pm.", {0, 1, 2, 3, 4}),
        ("9am to 7pm Sunday to Thursday.", {0, 1, 2, 3, 4}),
        ("פתוחים א׳-ה׳ 9:00-19:00.", {0, 1, 2, 3, 4}),
        ("פתוחים א'-ה' 9:00-19:00.", {0, 1, 2, 3, 4}),
        ("פתוחים ראשון עד חמישי 9:00-19:00.", {0, 1, 2, 3, 4}),
        ("ביום ראשון פתוחים עד 19:00.", {0}),
        ("בשישי פתוחים עד 14:00.", {5}),
        ("On Fridays and Saturdays we open at 10:00.", {5, 6}),
    ],
)
def test_it_gives_each_time_the_days_it_was_said_for(text: str, days: set[int]) -> None:
    time = only(text, values.TIME).value
    assert isinstance(time, values.Time)
    assert time.days == days


@pytest.mark.parametrize(
    ("text", "days", "is_open"),
    [
        ("We're open on Saturday.", {6}, True),
        ("We're closed on Saturdays.", {6}, False),
        ("Saturday: closed.", {6}, False),
        ("בשבת אנחנו סגורים.", {6}, False),
        ("בשבת אנחנו פתוחים.", {6}, True),
        ("We can come on Saturday morning.", {6}, True),
    ],
)
def test_it_reads_open_and_closed_days(text: str, days: set[int], is_open: bool) -> None:
    status = only(text, values.DAYS).value
    assert isinstance(status, values.DayStatus)
    assert (status.days, status.is_open) == (days, is_open)


@pytest.mark.parametrize(
    "text",
    ["Unfortunately not on Saturday.", "שבת שלום!", "Have a great weekend!", "Saturday?"],
)
def test_it_reads_no_offer_in_a_greeting_or_a_refusal(text: str) -> None:
    assert [claim for claim in extract_claims(text) if claim.kind == values.DAYS] == []


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("It takes 45 minutes.", (45, 45)),
        ("It takes two hours.", (120, 120)),
        ("It takes 2 hours.", (120, 120)),
        ("It takes half an hour.", (30, 30)),
        ("It takes an hour and a half.", (90, 90)),
        ("It takes 1.5 hours.", (90, 90)),
        ("It takes an hour and twenty minutes.", (80, 80)),
        ("It takes 3-4 hours.", (180, 240)),
        ("Delivery in 3 business days.", (4320, 4320)),
        ("Delivery within a week.", (10080, 10080)),
        ("A 12-month warranty.", (518400, 518400)),
        ("A warranty of one year.", (518400, 518400)),
        ("Same-day delivery.", (0, 0)),
        ("זה לוקח 45 דקות.", (45, 45)),
        ("זה לוקח שעתיים.", (120, 120)),
        ("זה לוקח שעה וחצי.", (90, 90)),
        ("זה לוקח חצי שעה.", (30, 30)),
        ("זה לוקח שעתיים-שלוש.", (120, 180)),
        ("משלוח תוך שבוע.", (10080, 10080)),
        ("משלוח תוך 3 ימי עסקים.", (4320, 4320)),
        ("ביטול עד יממה מראש.", (1440, 1440)),
        ("תוקף לארבעה חודשים.", (172800, 172800)),
    ],
)
def test_it_reads_durations_in_minutes(text: str, minutes: tuple[int, int]) -> None:
    duration = only(text, values.DURATION).value
    assert isinstance(duration, values.Duration)
    assert (duration.amount.low, duration.amount.high) == minutes


@pytest.mark.parametrize(
    "text", ["A day pass costs ₪60.", "Classes 3 times a week.", "₪200 a month."]
)
def test_it_does_not_read_a_rate_or_a_compound_as_a_duration(text: str) -> None:
    assert [claim for claim in extract_claims(text) if claim.kind == values.DURATION] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10% off.", 10),
        ("10 percent off.", 10),
        ("10 אחוז הנחה.", 10),
        ("הנחה של 10%.", 10),
        ("Half price for students.", 50),
        ("בחצי מחיר.", 50),
        ("100% refund.", 100),
    ],
)
def test_it_reads_percentages(text: str, value: int) -> None:
    percent = only(text, values.PERCENT).value
    assert isinstance(percent, values.Percent)
    assert percent.amount.low == value


@pytest.mark.parametrize(
    "text",
    ["Call 03-555-1234.", "Call 035551234.", "Call +972-3-555-1234.", "התקשרו ל-03-5551234."],
)
def test_it_normalises_phone_numbers(text: str) -> None:
    phone = only(text, values.PHONE).value
    assert isinstance(phone, values.Phone)
    assert phone.number == "035551234"


def test_it_keeps_a_foreign_number_international() -> None:
    assert normalise_phone("+1 (555) 123-4567") == "+15551234567"


@pytest.mark.parametrize(
    "text",
    [
        "It will definitely be ready.",
        "It's certainly the best.",
        "It's absolutely waterproof.",
        "Results are guaranteed.",
        "I promise you'll love it.",
        "100% you'll love it.",
        "זה בהחלט יהיה מוכן.",
        "בוודאות זה יגיע מחר.",
        "התוצאה מובטחת.",
        "אני מבטיחה שתאהבי.",
        "אני מבטיח שזה יחזיק.",
        "אני בטוח שתאהבי.",
    ],
)
def test_it_reads_certainty_language(text: str) -> None:
    assert only(text, values.CERTAINTY)


@pytest.mark.parametrize(
    "text", ["Certainly! Here are our prices.", "I can't promise that.", "אין הבטחה כזאת."]
)
def test_it_reads_no_certainty_in_a_courtesy_or_a_hedge(text: str) -> None:
    assert [claim for claim in extract_claims(text) if claim.kind == values.CERTAINTY] == []


def test_a_number_of_one_kind_is_never_read_as_another() -> None:
    kinds = {claim.text: claim.kind for claim in extract_claims("Open until 10, for 10 years.")}
    assert kinds == {"10": values.TIME, "10 years": values.DURATION}


def test_spans_point_into_the_original_text_past_invisible_marks() -> None:
    text = "המחיר \u200f180\u200e ש״ח, בערך 45 דקות."
    for claim in extract_claims(text):
        assert text[claim.start : claim.end] == claim.text
    assert [claim.kind for claim in extract_claims(text)] == [values.PRICE, values.DURATION]


def test_an_hour_and_a_quarter_is_seventy_five_minutes() -> None:
    assert [claim.value.amount.low for claim in extract_claims("Yin is an hour and a quarter")] == [
        75
    ]
    assert [claim.value.amount.low for claim in extract_claims("2 hours and a quarter")] == [135]
